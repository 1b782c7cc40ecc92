"""Static + dynamic checking of every benchmark reference solution with its tests.

One compiler program for all tasks, one bundler process, parallel sandboxed test runs.
Uses benchmark/arkts/tasks.jsonl (the format examples when that is absent).
Prints one JSON line last: tasks, passed, statuses, static_s, dynamic_s, total_s, tasks_per_s, workers."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

from tasks.arkts.run import TaskCandidate, run_tasks
from tasks.settings import PROJECT_ROOT, Settings

BENCHMARK = PROJECT_ROOT / "benchmark" / "arkts" / "tasks.jsonl"
EXAMPLES = PROJECT_ROOT / "tests" / "arkts" / "fixtures" / "examples.jsonl"


def load_tasks(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    source = BENCHMARK if BENCHMARK.exists() and BENCHMARK.stat().st_size else EXAMPLES
    tasks = load_tasks(source)
    settings = Settings().arkts
    items = [TaskCandidate(task["id"], task["solution"], task["test"]) for task in tasks]
    started = time.perf_counter()
    results = run_tasks(items, settings)
    total = time.perf_counter() - started
    static = sum(r.static_s for r in results.values())  # each candidate holds its share of the one program
    statuses = Counter(r.status for r in results.values())
    for result in results.values():
        if result.status != "pass":
            print(f"{result.candidate_id}: {result.status} {result.message}")
    print(json.dumps({
        "source": str(source.relative_to(PROJECT_ROOT)),
        "tasks": len(items),
        "passed": statuses.get("pass", 0),
        "statuses": dict(statuses),
        "static_s": round(static, 2),
        "dynamic_s": round(total - static, 2),
        "total_s": round(total, 2),
        "tasks_per_s": round(len(items) / total, 2),
        "workers": settings.workers or os.cpu_count(),
    }))


if __name__ == "__main__":
    main()
