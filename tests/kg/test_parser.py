"""The parser on hand-made declarations: merging, ArkTS syntax, odd names, bad input."""

from tasks.kg.parser import module_name, parse_declarations
from .conftest import SMALL_SDK


def parse(text: str, rel: str = "api/@ohos.sample.d.ts"):
    return parse_declarations(text.encode("utf-8") if isinstance(text, str) else text, rel)


def test_module_names():
    assert module_name("dist/api/@ohos.util.ArrayList.d.ts") == "@ohos.util.ArrayList"
    assert module_name("kits/@kit.ArkTS.d.ets") == "@kit.ArkTS"
    assert module_name("dist/component/button.d.ts") == "dist/component/button"


def test_overloads_merge_and_the_current_jsdoc_wins():
    parsed = parse(SMALL_SDK["api/@ohos.demo.d.ts"], "api/@ohos.demo.d.ts")
    namespace = parsed.entities["@ohos.demo/demo"]
    assert namespace.description == "Demo utilities." and namespace.since == 12
    put = parsed.entities["@ohos.demo/demo.Box.put"]
    assert put.kind == "method" and len(put.signatures) == 2
    assert put.signatures[1] == "put(value: string, callback: Callback<Box>): void"
    assert [p.name for p in put.params] == ["value", "callback"]
    assert put.params[0].description == "the value to put"
    assert [(t.code, t.description) for t in put.throws] == [("10200001", "The value is out of range.")]
    size = parsed.entities["@ohos.demo/demo.Box.size"]
    assert size.deprecated and size.deprecated_since == 10 and size.use_instead == "demo.Box#count"
    assert parsed.entities["@ohos.demo/demo.Secret"].system_api
    assert parsed.entities["@ohos.demo/demo.Color.GREEN"].kind == "enum_member"
    assert parsed.default_export == "demo"


def test_names_with_quotes_backticks_dollar_and_unicode_are_exact():
    parsed = parse(SMALL_SDK["api/@ohos.demo.d.ts"], "api/@ohos.demo.d.ts")
    names = {e.name for e in parsed.entities.values() if e.parent == "@ohos.demo/demo.Box"}
    assert {"it's \"quoted\"", "back`tick` ${x}", "$dollar", "中文名"} <= names


def test_arkts_struct_and_decorators_keep_the_rest_of_the_file():
    parsed = parse("""
import { Foo } from './@ohos.foo';
/**
 * A card.
 * @since 12
 */
@Component
export declare struct Card {
  @Prop title: string;
  @BuilderParam content?: () => void;
  /** Draws it. */
  build(): void;
}
declare class After { ok(): void; }
""", "api/@ohos.card.d.ets")
    card = parsed.entities["@ohos.card/Card"]
    assert card.kind == "struct" and card.description == "A card." and card.line == 8  # the declaration, below its decorator
    assert {"@ohos.card/Card.title", "@ohos.card/Card.content", "@ohos.card/Card.build", "@ohos.card/After.ok"} <= set(parsed.entities)
    assert parsed.problems == []


def test_non_utf8_bytes_are_reported_and_the_file_still_parses():
    data = b"declare class A {\n  x: number;\n}\n// caf\xe9\ndeclare class B { y(): void; }\n"
    parsed = parse(data)
    assert "@ohos.sample/B.y" in parsed.entities and "@ohos.sample/A.x" in parsed.entities
    assert [(p.line, p.reason.split(" (")[0]) for p in parsed.problems] == [(4, "not valid UTF-8")]


def test_truncated_declaration_keeps_what_was_parsed():
    parsed = parse("declare class C {\n  /** Kept. */\n  foo(a: string): void;\n  bar(x: num")
    assert parsed.entities["@ohos.sample/C"].kind == "class"
    assert parsed.entities["@ohos.sample/C.foo"].description == "Kept."
    assert parsed.problems and parsed.problems[0].line >= 1


def test_unclosed_jsdoc_is_reported_with_its_line():
    parsed = parse("declare class A {\n  foo(): void;\n}\ndeclare class B { x: number; }\n/** never closed\ndeclare class Z {}\n")
    assert {"@ohos.sample/A.foo", "@ohos.sample/B.x"} <= set(parsed.entities)
    assert any(p.line == 5 and "never closed" in p.reason for p in parsed.problems)
