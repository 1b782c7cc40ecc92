"""pass@k of a model on the ArkTS benchmark.

The model gets a fixed prompt per task (instruction + the task's unit tests), answers
with one code block per sample, and every extracted candidate runs through the ArkTS
runner with the task's test. Results are appended to ``results.jsonl`` as they arrive;
``summary.json`` holds pass@k (unbiased estimator) overall and per category."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from tasks.arkts.passk import pass_at_k
from tasks.arkts.run import TaskCandidate, run_tasks
from tasks.bench.benchmark import BenchTask, load_benchmark
from tasks.records import RunResult, TestOutcome
from tasks.settings import Settings

# Statuses beyond the runner's: the model gave no usable code, or no answer at all.
NO_CODE = "no_code"
LLM_ERROR = "llm_error"

_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)(?:```|\Z)", re.DOTALL)
_CODE_LANGS = {"", "ts", "typescript", "ets", "arkts", "javascript", "js"}


class SampleOutcome(BaseModel):
    """One line of results.jsonl."""

    task_id: str
    category: str
    sample: int
    status: str  # a runner status, or no_code / llm_error
    tests: list[TestOutcome] = Field(default_factory=list)
    message: str = ""
    code: str = ""


class CategoryScore(BaseModel):
    tasks: int
    samples: int
    passed: int
    pass_at_k: dict[str, float]


class BenchReport(BaseModel):
    model: str
    n: int
    ks: list[int]  # the k values reported (k <= n)
    tasks: int
    samples: int
    pass_at_k: dict[str, float]  # "pass@1" -> mean over tasks
    by_category: dict[str, CategoryScore]
    status_counts: dict[str, int]
    llm_usage: dict[str, Any]
    generate_s: float
    run_s: float
    results_path: str
    summary_path: str


def build_prompt(task: BenchTask, template: str) -> str:
    return template.replace("{instruction}", task.instruction).replace("{test}", task.test.rstrip())


def extract_code(answer: str) -> str | None:
    """The first fenced code block in a TypeScript-like language (or unlabelled); None if there is none."""
    for match in _FENCE.finditer(answer):
        if match.group(1).lower() in _CODE_LANGS and match.group(2).strip():
            return match.group(2).strip() + "\n"
    return None


def summarize(outcomes: Sequence[SampleOutcome], tasks: Sequence[BenchTask], n: int, ks: Sequence[int]):
    """pass@k per task with the unbiased estimator, averaged overall and per category."""
    passed = Counter(o.task_id for o in outcomes if o.status == "pass")
    per_task = {t.id: {k: pass_at_k(n, passed[t.id], k) for k in ks} for t in tasks}

    def mean_scores(group: Sequence[BenchTask]) -> dict[str, float]:
        return {f"pass@{k}": sum(per_task[t.id][k] for t in group) / len(group) for k in ks}

    by_category: dict[str, CategoryScore] = {}
    for category in sorted({t.category for t in tasks}):
        group = [t for t in tasks if t.category == category]
        by_category[category] = CategoryScore(
            tasks=len(group), samples=len(group) * n, passed=sum(passed[t.id] for t in group), pass_at_k=mean_scores(group)
        )
    status_counts = dict(sorted(Counter(o.status for o in outcomes).items()))
    return mean_scores(tasks), by_category, status_counts


def resolve_model(settings: Settings, model: str) -> tuple[Settings, str]:
    """A local Hugging Face folder runs in-process as ``local/default``; anything else is a LiteLLM model string."""
    folder = Path(model).expanduser()
    if folder.is_dir():
        models = settings.models.model_copy(update={"local_model": folder.resolve()})
        return settings.model_copy(update={"models": models}), "local/default"
    return settings, model


async def _sample(settings: Settings, model: str, prompts: dict[str, str], n: int, extra: dict[str, Any]):
    from tasks.llm.client import LlmClient, LlmError  # litellm import stays out of module import time

    client = LlmClient.from_settings(settings, model=model)
    temperature = 0.0 if n == 1 else settings.bench.temperature

    async def one(task_id: str, index: int) -> tuple[str, int, str | None, str]:
        messages = [{"role": "user", "content": prompts[task_id]}]
        try:
            answer = await client.complete(
                messages, max_tokens=settings.bench.max_tokens, temperature=temperature, seed=settings.llm.seed + index, **extra
            )
        except LlmError as exc:
            return task_id, index, None, str(exc)
        return task_id, index, answer.content, ""

    answers = await asyncio.gather(*(one(tid, i) for tid in prompts for i in range(n)))
    return answers, client.usage.model_dump()


def evaluate_model(
    settings: Settings,
    model: str,
    n: int,
    ks: Sequence[int],
    out_dir: Path,
    tasks: Sequence[BenchTask] | None = None,
    completion_extra: dict[str, Any] | None = None,
    on_result: Callable[[SampleOutcome], None] | None = None,
) -> BenchReport:
    """Sample ``n`` answers per task from ``model``, run them, and write results.jsonl + summary.json in ``out_dir``.

    ``completion_extra`` goes to every LiteLLM call (e.g. ``mock_response`` in tests)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    reported_ks = sorted({k for k in ks if 1 <= k <= n})
    if not reported_ks:
        raise ValueError(f"no k in {list(ks)} is between 1 and n={n}")
    tasks = list(tasks) if tasks is not None else load_benchmark(settings.bench.tasks_path)
    by_id = {t.id: t for t in tasks}
    template = settings.bench.prompt_template.read_text(encoding="utf-8")
    settings, model_name = resolve_model(settings, model)
    out_dir.mkdir(parents=True, exist_ok=True)
    results_path = out_dir / "results.jsonl"
    summary_path = out_dir / "summary.json"

    started = time.perf_counter()
    prompts = {t.id: build_prompt(t, template) for t in tasks}
    answers, usage = asyncio.run(_sample(settings, model_name, prompts, n, completion_extra or {}))
    generate_s = time.perf_counter() - started

    outcomes: list[SampleOutcome] = []
    candidates: list[TaskCandidate] = []
    with results_path.open("w", encoding="utf-8") as out:

        def record(outcome: SampleOutcome) -> None:
            outcomes.append(outcome)
            out.write(outcome.model_dump_json() + "\n")
            out.flush()
            if on_result is not None:
                on_result(outcome)

        for task_id, index, content, error in answers:
            task = by_id[task_id]
            if content is None:
                record(SampleOutcome(task_id=task_id, category=task.category, sample=index, status=LLM_ERROR, message=error))
                continue
            code = extract_code(content)
            if code is None:
                record(SampleOutcome(task_id=task_id, category=task.category, sample=index, status=NO_CODE,
                                     message="the answer holds no code block"))
                continue
            candidates.append(TaskCandidate(f"{task_id}#{index}", code, task.test))

        codes = {c.candidate_id: c.solution for c in candidates}

        def finished(result: RunResult) -> None:
            task_id, index = result.candidate_id.rsplit("#", 1)
            message = result.message or "; ".join(f"{d.code} {d.message}" for d in result.diagnostics[:3])
            record(SampleOutcome(task_id=task_id, category=by_id[task_id].category, sample=int(index), status=result.status,
                                 tests=result.tests, message=message, code=codes[result.candidate_id]))

        run_started = time.perf_counter()
        if candidates:
            run_tasks(candidates, settings.arkts, on_result=finished)
        run_s = time.perf_counter() - run_started

    overall, by_category, status_counts = summarize(outcomes, tasks, n, reported_ks)
    report = BenchReport(
        model=model, n=n, ks=reported_ks, tasks=len(tasks), samples=len(outcomes), pass_at_k=overall,
        by_category=by_category, status_counts=status_counts, llm_usage=usage, generate_s=round(generate_s, 3),
        run_s=round(run_s, 3), results_path=str(results_path), summary_path=str(summary_path),
    )
    summary_path.write_text(json.dumps(report.model_dump(), indent=2), encoding="utf-8")
    return report
