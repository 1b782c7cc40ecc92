"""Static stage: the real type-checker and ArkTS linter over the SDK declarations."""

from __future__ import annotations

import pytest

from tasks.arkts.check import check_sources

UI_PAGE = """@Entry
@Component
struct Greeting {
  @State message: string = 'Hello';

  build() {
    Column() {
      Text(this.message).fontSize(20)
    }
  }
}
"""


@pytest.fixture(scope="module")
def verdicts(examples, arkts_settings):
    """One compiler program for every candidate of this module."""
    sources = {
        "brackets": examples["example-algorithm-brackets"]["solution"],
        "brackets-no-stack": examples["example-algorithm-brackets"]["wrong_solutions"][0],
        "brackets-size": examples["example-algorithm-brackets"]["wrong_solutions"][1],
        "cart": examples["example-application-cart"]["solution"],
        "cart-any": examples["example-application-cart"]["wrong_solutions"][1],
        "ui-page": UI_PAGE,
        "ui-bad-attribute": UI_PAGE.replace("fontSize", "fontSizes"),
        "timers": "export function later(f: () => void): number {\n  return setTimeout(f, 5);\n}\n",
        "script-a": "function helper(): number {\n  return 1;\n}\n",
        "script-b": "function helper(): number {\n  return 2;\n}\n",
        "broken-syntax": "export function f( { return 1 }",
        "unknown-kit": "import { Nothing } from '@kit.NoSuchKit';\nexport const n: number = 1;\n",
    }
    return check_sources(sources, arkts_settings)


def test_reference_solutions_pass(verdicts):
    assert verdicts["brackets"].status == "pass"
    assert verdicts["cart"].status == "pass"
    assert verdicts["brackets"].diagnostics == []


def test_behavioural_bug_is_not_a_static_error(verdicts):
    assert verdicts["brackets-no-stack"].status == "pass"


def test_missing_sdk_method_is_a_compile_error_with_location(verdicts):
    result = verdicts["brackets-size"]
    assert result.status == "compile_error"
    [diagnostic] = result.diagnostics
    assert diagnostic.code == "TS2339"
    assert diagnostic.source == "typecheck"
    assert diagnostic.file == "main/ets/Solution.ets"
    assert (diagnostic.line, diagnostic.column) == (8, 16)
    assert "size" in diagnostic.message


def test_any_is_a_lint_error_with_rule_names(verdicts):
    result = verdicts["cart-any"]
    assert result.status == "lint_error"
    rules = {d.rule for d in result.diagnostics}
    assert "arkts-no-any-unknown" in rules
    assert all(d.source == "lint" and d.category == "error" for d in result.diagnostics)


def test_arkui_struct_components_type_check(verdicts):
    assert verdicts["ui-page"].status == "pass"
    bad = verdicts["ui-bad-attribute"]
    assert bad.status == "compile_error"
    assert "fontSizes" in bad.diagnostics[0].message


def test_globals_come_from_the_sdk(verdicts):
    assert verdicts["timers"].status == "pass"


def test_candidates_do_not_share_a_scope(verdicts):
    # Two scripts declaring the same function would clash if files shared the global scope.
    assert verdicts["script-a"].status == "pass"
    assert verdicts["script-b"].status == "pass"


def test_syntax_errors_are_reported_without_disturbing_others(verdicts):
    result = verdicts["broken-syntax"]
    assert result.status == "compile_error"
    assert result.diagnostics[0].code == "TS1005"
    assert verdicts["cart"].status == "pass"


def test_unknown_module_is_a_compile_error(verdicts):
    assert verdicts["unknown-kit"].status == "compile_error"
    assert any("@kit.NoSuchKit" in d.message for d in verdicts["unknown-kit"].diagnostics)


def test_every_candidate_gets_a_verdict(verdicts):
    assert len(verdicts) == 12
    assert all(r.static_s > 0 for r in verdicts.values())


def test_empty_input(arkts_settings):
    assert check_sources({}, arkts_settings) == {}
