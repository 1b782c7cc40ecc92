"""Evaluation: code extraction, pass@k summary, and evaluate_model end to end through
LiteLLM (its mock_response hook; the embedded local model as the real twin) and the runner."""

from __future__ import annotations

import json

import pytest

from tasks.bench.benchmark import load_benchmark
from tasks.bench.evaluate import NO_CODE, SampleOutcome, build_prompt, evaluate_model, extract_code, summarize
from tasks.settings import Settings

TASKS = {t.id: t for t in load_benchmark(Settings().bench.tasks_path)}
TASK = TASKS["algorithm-next-greater-element"]


def test_extract_code_prefers_the_first_typescript_block():
    answer = "Here:\n```json\n{}\n```\n```typescript\nexport const a: number = 1;\n```\n```ts\nlater\n```"
    assert extract_code(answer) == "export const a: number = 1;\n"
    assert extract_code("```\nexport const b = 2;\n```") == "export const b = 2;\n"
    assert extract_code("```ets\nexport const c = 3;") == "export const c = 3;\n"  # cut off before the closing fence
    assert extract_code("no code at all") is None


def test_prompt_holds_instruction_and_tests():
    prompt = build_prompt(TASK, Settings().bench.prompt_template.read_text())
    assert TASK.instruction in prompt and TASK.test.strip() in prompt
    assert "{instruction}" not in prompt and "{test}" not in prompt


def test_summary_uses_the_unbiased_estimator():
    a, b = TASKS["algorithm-next-greater-element"], TASKS["game-tic-tac-toe-winner"]
    outcomes = [SampleOutcome(task_id=a.id, category=a.category, sample=i, status=s) for i, s in enumerate(["pass", "fail", "fail"])]
    outcomes += [SampleOutcome(task_id=b.id, category=b.category, sample=i, status="compile_error") for i in range(3)]
    overall, by_category, counts = summarize(outcomes, [a, b], 3, [1, 2])
    assert overall["pass@1"] == pytest.approx((1 / 3 + 0) / 2)
    assert overall["pass@2"] == pytest.approx((1 - 1 / 3 + 0) / 2)  # 1 - C(2,2)/C(3,2)
    assert by_category["algorithm"].passed == 1 and by_category["game"].pass_at_k["pass@1"] == 0
    assert counts == {"compile_error": 3, "fail": 2, "pass": 1}


def _fenced(code: str) -> str:
    return f"Sure.\n```typescript\n{code}```\n"


@pytest.mark.parametrize(
    ("answer", "status", "score"),
    [
        (_fenced(TASK.solution), "pass", 1.0),
        (_fenced(TASK.wrong_solutions[0]), "fail", 0.0),
        (_fenced(TASK.wrong_solutions[1]), "lint_error", 0.0),
        ("I cannot help with that.", NO_CODE, 0.0),
    ],
)
def test_evaluate_model_with_mocked_answers(tmp_path, answer, status, score):
    settings = Settings(home=tmp_path / "home")
    report = evaluate_model(settings, "openai/gpt-4o-mini", 2, [1, 5], tmp_path / "out", tasks=[TASK],
                            completion_extra={"mock_response": answer})
    assert report.ks == [1]  # k=5 > n=2 is not reported
    assert report.pass_at_k == {"pass@1": score}
    assert report.status_counts == {status: 2}
    lines = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert sorted(line["sample"] for line in lines) == [0, 1]
    assert {line["task_id"] for line in lines} == {TASK.id} and {line["status"] for line in lines} == {status}
    if status == "fail":
        assert any(t["status"] == "fail" and t["name"] == "equal_values_are_not_greater" for t in lines[0]["tests"])
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["by_category"]["algorithm"]["pass_at_k"]["pass@1"] == score
    assert summary["llm_usage"]["succeeded"] == 2


def test_bad_k_is_refused(tmp_path):
    with pytest.raises(ValueError, match="between 1 and n"):
        evaluate_model(Settings(home=tmp_path), "openai/gpt-4o-mini", 1, [5], tmp_path / "out", tasks=[TASK])


@pytest.mark.slow
def test_embedded_local_model_run_is_recorded(tmp_path):
    """The real twin, kept minimal: the packaged SmolLM2 answers one task once, in at most 24 tokens,
    through LiteLLM, code extraction and the runner; the run completes and is recorded whatever it scores."""
    settings = Settings(bench={"max_tokens": 24})
    report = evaluate_model(settings, "local/smollm2", 1, [1], tmp_path / "out", tasks=[TASK])
    usage = report.llm_usage
    assert report.samples == 1 and usage["succeeded"] + usage["cache_hits"] == 1
    assert usage["cache_hits"] == 1 or 0 < usage["completion_tokens"] <= 24
    line = json.loads((tmp_path / "out" / "results.jsonl").read_text())
    assert line["task_id"] == TASK.id and line["status"] in {"pass", "fail", "compile_error", "lint_error", "timeout", "crash", NO_CODE}
    assert report.status_counts == {line["status"]: 1}
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["status_counts"] == report.status_counts
    assert 0.0 <= report.pass_at_k["pass@1"] <= 1.0
