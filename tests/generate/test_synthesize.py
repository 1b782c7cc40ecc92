"""Synthesis: grounding, rejection reasons, repair with diagnostics, the duplicate gate, resume."""

from __future__ import annotations

import json

from tasks.generate.io import read_records
from tasks.generate.synthesize import Reject, generate_samples
from tasks.generate.templates import load_template
from tasks.llm.local import register_provider
from tasks.records import Sample

from .conftest import AL, HM, FakeVerifier, ScriptedTeacher, seed, write_seeds


def run(settings, store, tmp_path, seeds, n, verifier=None):
    path = write_seeds(tmp_path / "seeds.jsonl", seeds)
    verifier = verifier or FakeVerifier()
    report = generate_samples(settings, store, path, n, tmp_path / "out", verifier=verifier)
    samples, bad = read_records(tmp_path / "out" / "samples.jsonl", Sample)
    rejects, _ = read_records(tmp_path / "out" / "rejects.jsonl", Reject)
    assert bad == []
    return report, samples, rejects


def test_single_seed_sample_is_grounded_on_graph_facts(settings, store, teacher, tmp_path):
    report, samples, _ = run(settings, store, tmp_path, [seed("single", [f"{AL}/ArrayList"], "s1")], n=1)
    assert report.accepted == 1 and report.stopped_because == "requested size reached"
    sample = samples[0]
    assert sample.seed_kind == "single" and sample.teacher_model == "scripted/teacher"
    assert set(sample.api_nodes) == {f"{AL}/ArrayList", f"{AL}/ArrayList.add", f"{AL}/ArrayList.getIndexOf"}
    assert sample.validation.status == "pass" and sample.template_version.startswith("code@3.")
    code_prompt = next(p for p in teacher.prompts if "\nTask: " in p)
    assert "import { ArrayList } from '@kit.ArkTS';" in code_prompt  # import derived from the kit re-export
    assert "Signature: getIndexOf(element: T): number" in code_prompt
    assert sample.provenance["code_requests"] and sample.provenance["unit"] == "s1#0"


def test_rejections_repair_and_reasons(settings, store, teacher, tmp_path):
    seeds = [seed("single", [f"{HM}/HashMap"], "bad-json"), seed("multi", [f"{AL}/ArrayList", f"{HM}/HashMap"], "m1")]
    verifier = FakeVerifier()
    report, samples, rejects = run(settings, store, tmp_path, seeds, n=5, verifier=verifier)
    # the multi seed's first question: broken code, repaired with the checker's diagnostics fed back
    assert [s.provenance["unit"] for s in samples] == ["m1#0"]
    assert samples[0].provenance["repaired"] == "true" and report.repaired == 1
    repair_prompt = next(p for p in teacher.prompts if "compiler and linter report" in p)
    assert "TS2304" in repair_prompt and "Cannot find name 'BROKEN'." in repair_prompt
    assert set(samples[0].api_nodes) >= {f"{AL}/ArrayList.add", f"{HM}/HashMap.set"}
    assert report.rejects == {"question:no_question": 1, "code:no_code_block": 1, "question:too_few_apis": 1}
    by_unit = {r.unit: r for r in rejects}
    assert by_unit["bad-json"].stage == "question" and "Question:" in by_unit["bad-json"].detail
    assert by_unit["m1#1"].reason == "no_code_block" and by_unit["m1#1"].question
    assert by_unit["m1#2"].stage == "question" and by_unit["m1#2"].reason == "too_few_apis"
    assert report.stopped_because == "seeds exhausted" and report.accepted == 1
    assert len(verifier.batches) == 2  # one batch per wave, one for the repaired code


def test_unrepairable_code_is_rejected_with_diagnostics(settings, store, teacher, tmp_path):
    settings = settings.model_copy(update={"generate": settings.generate.model_copy(update={"repair_rounds": 0})})
    report, samples, rejects = run(settings, store, tmp_path, [seed("multi", [f"{AL}/ArrayList", f"{HM}/HashMap"], "m1")], n=2)
    assert samples == [] and report.rejects["verify:compile_error"] == 1
    failed = next(r for r in rejects if r.reason == "compile_error")
    assert failed.diagnostics[0].code == "TS2304" and "BROKEN" in failed.code


def test_duplicate_gate_drops_near_copies_and_benchmark_hits(settings, store, teacher, tmp_path):
    seeds = [seed("single", [f"{AL}/ArrayList"], "a"), seed("single", [f"{AL}/ArrayList"], "b")]
    report, samples, rejects = run(settings, store, tmp_path, seeds, n=2)
    assert len(samples) == 1 and report.rejects == {"dedup:near_duplicate_dataset_question": 1}
    pair = json.loads((tmp_path / "out" / "decontamination.jsonl").read_text().splitlines()[0])
    assert pair["other_id"] == samples[0].id and pair["score"] == 1.0 and pair["against"] == "dataset"


def test_rerun_resumes_without_new_calls(settings, store, teacher, tmp_path):
    seeds = [seed("single", [f"{AL}/ArrayList"], "s1"), seed("multi", [f"{AL}/ArrayList", f"{HM}/HashMap"], "m1")]
    first, samples, _ = run(settings, store, tmp_path, seeds, n=2)
    calls = len(teacher.prompts)
    second, again, _ = run(settings, store, tmp_path, seeds, n=2)
    assert len(teacher.prompts) == calls and second.llm.calls == 0
    assert second.resumed == first.accepted and [s.id for s in again] == [s.id for s in samples]


class CopyingTeacher(ScriptedTeacher):
    """Answers the single-seed code prompt with the first worked example shown in that prompt."""

    def answer(self, system: str, user: str) -> str:
        if "\nTask: " in user and "returns getIndexOf of 7" in user.split("\nTask: ")[1]:
            return "```typescript\n" + user.split("```typescript\n")[1].split("```")[0] + "```"
        return super().answer(system, user)


def test_copy_of_a_prompt_example_is_rejected_and_a_distinct_answer_kept(settings, store, tmp_path):
    register_provider("scripted", CopyingTeacher())
    seeds = [seed("single", [f"{AL}/ArrayList"], "copy"), seed("multi", [f"{AL}/ArrayList", f"{HM}/HashMap"], "m1")]
    report, samples, rejects = run(settings, store, tmp_path, seeds, n=2)
    assert [s.provenance["unit"] for s in samples] == ["m1#0"]
    assert report.rejects["dedup:near_duplicate_prompt_example_code"] == 1
    copied = next(r for r in rejects if r.unit == "copy#0")
    assert "export function lastOf" in copied.code and "code.j2:code-1" in copied.detail
    pair = json.loads((tmp_path / "out" / "decontamination.jsonl").read_text().splitlines()[0])
    assert pair == {"sample_id": pair["sample_id"], "field": "code", "against": "prompt_example",
                    "other_id": "code.j2:code-1", "score": 1.0}


def test_worked_examples_come_from_the_template_text():
    code = load_template("code")
    assert [e.id for e in code.examples] == ["code.j2:question-1", "code.j2:question-2", "code.j2:code-1", "code.j2:code-2"]
    assert code.examples[2].text.startswith("import { Stack } from '@kit.ArkTS';") and "```" not in code.examples[2].text
    assert [e.field for e in load_template("question_single").examples] == ["question"]
    assert [e.field for e in load_template("question_multi").examples] == ["question"]
    assert load_template("repair").examples == ()  # only template text follows the task, no example
    for name in ("code", "oss_instruct", "question_single", "question_multi"):
        assert all("{{" not in e.text and "<the task>" not in e.text for e in load_template(name).examples)
