"""Real twins of the OSS-Instruct baseline: snippets from the real SDK graph's documentation,
and a run with the embedded local model and the ArkTS checker (offline)."""

from __future__ import annotations

import json

import pytest

from tasks.generate.io import read_records
from tasks.generate.oss_instruct import SNIPPETS_FILE, generate_oss_instruct
from tasks.generate.snippets import Snippet, collect_snippets
from tasks.generate.synthesize import Reject
from tasks.kg import open_store
from tasks.kg.build import build_graph
from tasks.kg.store import Scope
from tasks.records import Sample
from tasks.settings import DEFAULT_SDK_DIR, Settings

ARRAYLIST_DOC = """# ArrayList

```ts
import { ArrayList } from '@kit.ArkTS';

let arrayList: ArrayList<string> = new ArrayList();
arrayList.add("a");
let has: boolean = arrayList.has("a");
```
"""


@pytest.fixture(scope="session")
def sdk_settings() -> Settings:
    """The test session's home: the SDK graph built there once, the local model converted there once."""
    if not DEFAULT_SDK_DIR.is_dir():
        pytest.skip(f"default SDK not installed at {DEFAULT_SDK_DIR} (run scripts/setup.sh)")
    settings = Settings()
    build_graph(settings)
    return settings


@pytest.mark.slow
def test_snippets_are_the_sdk_documentation_examples(sdk_settings):
    with open_store(sdk_settings, read_only=True) as store:
        found = collect_snippets(store)
        assert found.snippets and found.found >= len(found.snippets)
        for snippet in found.snippets:
            assert snippet.source == f"graph:{snippet.api_nodes[0]}"
            entity = store.entity(snippet.api_nodes[0])
            assert snippet.code in entity.examples and not entity.system_api
            declaration = (DEFAULT_SDK_DIR / entity.source_file).read_text(encoding="utf-8")
            assert "@example" in declaration
            assert all(line.strip() in declaration for line in snippet.code.splitlines())
        assert len({s.id for s in found.snippets}) == len(found.snippets)
        roots = {q for q in store.reexported(["@kit.ArkTS"])}
        in_kit = collect_snippets(store, Scope(kits=("@kit.ArkTS",)))
        assert all(any(s.api_nodes[0].startswith(r) for r in roots) for s in in_kit.snippets)


@pytest.mark.slow
def test_docs_snippets_resolve_to_real_graph_entities(sdk_settings, tmp_path):
    doc = tmp_path / "arraylist.md"
    doc.write_text(ARRAYLIST_DOC)
    with open_store(sdk_settings, read_only=True) as store:
        found = collect_snippets(store, Scope(kits=("@kit.ArkTS",)), docs=[doc])
    from_docs = [s for s in found.snippets if s.source.startswith(str(doc))]
    assert [s.api_nodes for s in from_docs] == [["@ohos.util.ArrayList/ArrayList"]]


@pytest.mark.slow
def test_oss_instruct_with_the_embedded_model(sdk_settings, tmp_path):
    doc = tmp_path / "arraylist.md"
    doc.write_text(ARRAYLIST_DOC)
    settings = sdk_settings.model_copy(update={
        "llm": sdk_settings.llm.model_copy(update={"model": "local/smollm2", "concurrency": 1}),
        "generate": sdk_settings.generate.model_copy(update={"code_max_tokens": 64, "retry_malformed": False,
                                                              "repair_rounds": 0}),
    })
    out = tmp_path / "out"
    with open_store(settings, read_only=True) as store:
        report = generate_oss_instruct(settings, store, 1, out, scope=Scope(modules=("@ohos.util.ArrayList",)),
                                       docs=[doc])
    snippets, _ = read_records(out / SNIPPETS_FILE, Snippet)
    samples, _ = read_records(out / "samples.jsonl", Sample)
    rejects, _ = read_records(out / "rejects.jsonl", Reject)
    assert [s.api_nodes for s in snippets] == [["@ohos.util.ArrayList/ArrayList"]]
    assert report.llm.model == "local/smollm2" and report.llm.succeeded == 1 and report.llm.completion_tokens > 0
    assert report.units_tried == 1 and len(samples) + len(rejects) == 1  # a verified sample or a reasoned reject
    assert sum(report.rejects.values()) == len(rejects)
    assert all(s.seed_kind == "oss_instruct" and s.validation.status == "pass" for s in samples)
    assert json.loads((out / "generate-report.json").read_text())["accepted"] == len(samples)


@pytest.mark.slow
def test_generate_oss_command(sdk_settings, teacher, tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    doc = tmp_path / "arraylist.md"
    doc.write_text(ARRAYLIST_DOC)
    out = tmp_path / "cli-out"
    result = CliRunner().invoke(app, ["generate-oss", "--n", "1", "--model", "scripted/teacher", "--module",
                                      "@ohos.util.ArrayList", "--docs", str(doc), "--out", str(out), "--no-verify"])
    assert result.exit_code == 0, result.output
    assert "1 documentation snippets in scope" in result.output and "1/1" in result.output
    samples, _ = read_records(out / "samples.jsonl", Sample)
    assert [s.seed_kind for s in samples] == ["oss_instruct"]
    assert samples[0].api_nodes == ["@ohos.util.ArrayList/ArrayList"] and samples[0].validation is None
