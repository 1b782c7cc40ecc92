"""The OSS-Instruct baseline: snippets from the graph's documentation examples (and docs files),
one problem + solution per snippet, then the shared verification, repair, duplicate gate and resume."""

from __future__ import annotations

from tasks.generate.io import read_records
from tasks.generate.oss_instruct import SNIPPETS_FILE, generate_oss_instruct
from tasks.generate.snippets import Snippet, collect_snippets
from tasks.generate.synthesize import Reject
from tasks.kg.ladybug_store import LadybugStore
from tasks.kg.store import Scope
from tasks.records import ApiEntity, Relation, Sample

from .conftest import AL, HM, FakeVerifier, entities, relations

ADD_EXAMPLE = "let list: ArrayList<number> = new ArrayList();\nlet ok: boolean = list.add(5);"
SET_EXAMPLE = "let map: HashMap<string, number> = new HashMap();\nmap.set('squirrel', 123);"


def documented() -> tuple[list[ApiEntity], list[Relation]]:
    """The small graph with @example code: usable, duplicate (whitespace only), trivial, broken, system API."""
    found = []
    for entity in entities():
        if entity.qualified_name == f"{AL}/ArrayList.add":
            entity.examples = [ADD_EXAMPLE, ADD_EXAMPLE.replace("\n", "\n   "), "list.add(1)"]
        elif entity.qualified_name == f"{AL}/ArrayList.getIndexOf":
            entity.examples = ["let list: ArrayList<number> = new ArrayList();\nlet i: number = list.getIndexOf(BROKEN);",
                               "the index of the first occurrence, or -1 when there is none"]
        elif entity.qualified_name == f"{HM}/HashMap.set":
            entity.examples = [SET_EXAMPLE]
        found.append(entity)
    secret = ApiEntity(qualified_name=f"{HM}/HashMap.dump", kind="method", name="dump", module=HM,
                       parent=f"{HM}/HashMap", system_api=True,
                       examples=["let map: HashMap<string, number> = new HashMap();\nmap.dump('/data/x');"])
    return [*found, secret], [*relations(), Relation(type="CONTAINS", source=f"{HM}/HashMap", target=secret.qualified_name)]


def documented_store(path):
    store = LadybugStore(path)
    store.replace_all(*documented(), build_id="test-docs")
    return store


def test_snippets_come_from_examples_in_scope(tmp_path):
    with documented_store(tmp_path / "graph") as store:
        every = collect_snippets(store)
        assert [(s.source, s.code) for s in every.snippets] == [
            (f"graph:{AL}/ArrayList.add", ADD_EXAMPLE),
            (f"graph:{AL}/ArrayList.getIndexOf", "let list: ArrayList<number> = new ArrayList();\nlet i: number = list.getIndexOf(BROKEN);"),
            (f"graph:{HM}/HashMap.set", SET_EXAMPLE),
        ]
        assert every.snippets[0].api_nodes == [f"{AL}/ArrayList.add"]
        assert dict(every.skipped) == {"duplicate": 1, "too_short": 1, "not_code": 1, "system_api": 1}
        assert every.found == 7
        assert len(collect_snippets(store, Scope(include_system_api=True)).snippets) == 4
        assert [s.source for s in collect_snippets(store, Scope(modules=(HM,))).snippets] == [f"graph:{HM}/HashMap.set"]
        assert len(collect_snippets(store, Scope(kits=("@kit.ArkTS",))).snippets) == 3
        assert collect_snippets(store, Scope(kits=("@kit.NoSuchKit",))).snippets == []


def test_docs_files_are_attributed_to_the_apis_they_import(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "arraylist.md").write_text(
        "# ArrayList\n\nSome prose.\n\n```ts\nimport { ArrayList } from '@kit.ArkTS';\n\n"
        "let list: ArrayList<string> = new ArrayList();\nlist.add('a');\n```\n\n"
        "```ts\nimport { Nothing } from '@kit.ArkTS';\nlet n: number = Nothing.make(1, 2, 3);\n```\n\n"
        "```json\n{\"not\": \"code we want\"}\n```\n")
    with documented_store(tmp_path / "graph") as store:
        found = collect_snippets(store, Scope(modules=(AL,)), docs=[docs])
    from_docs = [s for s in found.snippets if not s.source.startswith("graph:")]
    assert len(from_docs) == 1 and from_docs[0].source == f"{docs / 'arraylist.md'}:5"
    assert from_docs[0].api_nodes == [f"{AL}/ArrayList"] and from_docs[0].code.startswith("import { ArrayList }")
    assert found.skipped["no_known_api"] == 1


def test_generation_shares_verification_repair_gate_and_resume(settings, teacher, tmp_path):
    out = tmp_path / "out"
    verifier = FakeVerifier()
    with documented_store(tmp_path / "graph") as store:
        report = generate_oss_instruct(settings, store, 5, out, verifier=verifier)
        samples, _ = read_records(out / "samples.jsonl", Sample)
        rejects, _ = read_records(out / "rejects.jsonl", Reject)
        snippets, _ = read_records(out / SNIPPETS_FILE, Snippet)
        assert len(snippets) == 3 and report.seeds_total == 3 and report.seeds_skipped["system_api"] == 1
        assert report.accepted == 3 and report.repaired == 1 and report.stopped_because == "seeds exhausted"
        assert {s.seed_kind for s in samples} == {"oss_instruct"}
        by_snippet = {s.seed_id: s for s in samples}
        add_sample = by_snippet[snippets[0].id]
        assert add_sample.api_nodes == [f"{AL}/ArrayList.add"]
        assert add_sample.question.startswith("Write `fn") and "export function" in add_sample.code
        assert add_sample.template_version.startswith("oss_instruct@1.")
        assert add_sample.provenance["snippet_source"] == f"graph:{AL}/ArrayList.add"
        assert by_snippet[snippets[1].id].provenance["repaired"] == "true"  # broken code fixed from diagnostics
        assert any("TS2304" in p for p in teacher.prompts if "compiler and linter report" in p)
        assert rejects == [] and set(report.template_versions) == {"oss_instruct", "repair"}
        inspired = [p for p in teacher.prompts if "Let it inspire you" in p]
        assert len(inspired) == 3 and any(ADD_EXAMPLE in p for p in inspired)

        calls = len(teacher.prompts)
        again = generate_oss_instruct(settings, store, 5, out, verifier=verifier)
        assert again.resumed == 3 and again.llm.calls == 0 and len(teacher.prompts) == calls


def test_malformed_answers_and_repeated_snippets(settings, teacher, tmp_path):
    entities_, relations_ = documented()
    for entity in entities_:
        if entity.qualified_name == f"{HM}/HashMap.set":
            entity.examples = [SET_EXAMPLE + "\n// NO_PROBLEM"]
        if entity.qualified_name == f"{HM}/HashMap.get":  # same answer as the ArrayList.add snippet
            entity.examples = [ADD_EXAMPLE + "\n"]
    settings = settings.model_copy(update={"generate": settings.generate.model_copy(update={"repair_rounds": 0})})
    out = tmp_path / "out"
    with LadybugStore(tmp_path / "graph") as store:
        store.replace_all(entities_, relations_, build_id="test-malformed")
        report = generate_oss_instruct(settings, store, 5, out, verifier=FakeVerifier())
    assert report.accepted == 1
    assert report.rejects == {"verify:compile_error": 1, "question:empty_question": 1}
    assert report.seeds_skipped["duplicate"] == 2  # the HashMap.get example repeats the ArrayList.add one
