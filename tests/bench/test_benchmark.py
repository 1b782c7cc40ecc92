"""The benchmark itself: well-formed tasks, every reference passes and every wrong solution
is rejected, all through the real ArkTS runner (one batch over the whole benchmark)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tasks.arkts.run import TaskCandidate, run_tasks
from tasks.bench.benchmark import BenchmarkError, load_benchmark
from tasks.settings import Settings

SETTINGS = Settings()
TASKS = load_benchmark(SETTINGS.bench.tasks_path)
REJECTED = {"fail", "compile_error", "lint_error"}


@pytest.fixture(scope="module")
def verdicts():
    items = []
    for task in TASKS:
        items.append(TaskCandidate(f"{task.id}::ref", task.solution, task.test))
        items += [TaskCandidate(f"{task.id}::wrong{i}", code, task.test) for i, code in enumerate(task.wrong_solutions)]
    return run_tasks(items, SETTINGS.arkts)


def _describe(cid: str, result) -> str:
    failing = [f"{t.name}: {t.message[:120]}" for t in result.tests if t.status != "pass"]
    diags = [f"{d.code} {d.message[:120]}" for d in result.diagnostics[:2]]
    return f"{cid} -> {result.status} {result.message[:160]} {failing[:2]} {diags}"


def test_size_and_category_spread():
    counts = Counter(t.category for t in TASKS)
    assert len(TASKS) >= 60
    assert set(counts) == {"algorithm", "application", "system", "game", "graphics"}
    assert 0.35 <= counts["algorithm"] / len(TASKS) <= 0.45
    assert 0.15 <= counts["application"] / len(TASKS) <= 0.25


def test_every_task_has_two_wrong_solutions():
    assert all(len(t.wrong_solutions) == len(t.why_wrong) == 2 for t in TASKS)


def test_loader_names_the_bad_line(tmp_path):
    good = TASKS[0].model_dump()
    bad = dict(good, id="x", why_wrong=[])
    path = tmp_path / "tasks.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(BenchmarkError, match=r"(?s)tasks.jsonl:2: .*why_wrong"):
        load_benchmark(path)
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n")
    with pytest.raises(BenchmarkError, match="duplicate task id"):
        load_benchmark(path)
    path.write_text("{not json\n")
    with pytest.raises(BenchmarkError, match=r":1: "):
        load_benchmark(path)


def test_every_reference_solution_passes(verdicts):
    failures = [_describe(cid, r) for cid, r in verdicts.items() if cid.endswith("::ref") and r.status != "pass"]
    print("\n".join(failures))
    assert not failures, f"{len(failures)} reference solutions do not pass"


def test_every_wrong_solution_is_rejected(verdicts):
    accepted = [_describe(cid, r) for cid, r in verdicts.items() if "::wrong" in cid and r.status not in REJECTED]
    print("\n".join(accepted))
    assert not accepted, f"{len(accepted)} wrong solutions are not rejected"


def test_static_wrong_solutions_fail_statically(verdicts):
    """A wrong solution documented as a compile/lint error must be caught before any test runs."""
    mismatched = []
    for task in TASKS:
        for i, why in enumerate(task.why_wrong):
            status = verdicts[f"{task.id}::wrong{i}"].status
            if ("compile error" in why or "lint error" in why) != (status in {"compile_error", "lint_error"}):
                mismatched.append(f"{task.id}::wrong{i} -> {status}: {why}")
    assert not mismatched, "\n".join(mismatched)
