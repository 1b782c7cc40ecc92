"""Static + dynamic verdict on candidates with their hypium tests.

For a batch: one compiler program checks every candidate with its test, one Node process
bundles all that pass (esbuild), then each bundle runs in its own sandboxed child process,
several at a time."""

from __future__ import annotations

import json
import os
import re
import signal
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tasks.arkts.check import check_layouts, run_harness, sdk_root
from tasks.arkts.sandbox import ChildOutcome, run_in_docker, run_in_process
from tasks.arkts.workspace import TaskLayout, write_task
from tasks.records import Diagnostic, RunResult, TestOutcome
from tasks.settings import ArktsSettings

OFF_DEVICE = "is not available off-device"
# ArkUI components (`struct` + build()) render on a device only: type-checked, never executed.
_ARKUI_STRUCT = re.compile(r"^\s*(?:export\s+)?(?:default\s+)?struct\s+\w+", re.MULTILINE)


@dataclass(frozen=True)
class TaskCandidate:
    candidate_id: str
    solution: str
    test: str


def run_task(solution: str, test: str, settings: ArktsSettings, candidate_id: str = "candidate") -> RunResult:
    """Static checks, then the hypium tests in a sandbox, for one candidate."""
    return run_tasks([TaskCandidate(candidate_id, solution, test)], settings)[candidate_id]


def run_tasks(
    items: Sequence[TaskCandidate],
    settings: ArktsSettings,
    workers: int | None = None,
    on_result: Callable[[RunResult], None] | None = None,
) -> dict[str, RunResult]:
    """Verdicts keyed by candidate id (ids must be unique). ``on_result`` sees each verdict
    as soon as it is final, for progress display and append-only output."""
    ids = [item.candidate_id for item in items]
    if len(set(ids)) != len(ids):
        raise ValueError("candidate ids must be unique")
    workers = workers or settings.workers or os.cpu_count() or 1
    results: dict[str, RunResult] = {}

    def finish(result: RunResult) -> None:
        results[result.candidate_id] = result
        if on_result is not None:
            on_result(result)

    with tempfile.TemporaryDirectory(prefix="arkts-run-") as tmp:
        layouts = {item.candidate_id: write_task(Path(tmp) / f"t{i}", item.solution, item.test) for i, item in enumerate(items)}
        static = check_layouts(layouts, settings) if layouts else {}
        runnable: dict[str, TaskLayout] = {}
        for item in items:
            verdict = static[item.candidate_id]
            if verdict.status != "pass":
                finish(verdict)
            elif _ARKUI_STRUCT.search(item.solution):
                finish(verdict.model_copy(update={"status": "unsupported", "message": "ArkUI components run on a device only"}))
            else:
                runnable[item.candidate_id] = layouts[item.candidate_id]

        bundle_started = time.perf_counter()
        bundled = _bundle(runnable, settings)
        bundle_share = (time.perf_counter() - bundle_started) / max(len(runnable), 1)
        to_run: list[str] = []
        for cid, errors in bundled.items():
            if errors:
                finish(static[cid].model_copy(update={"status": "compile_error", "diagnostics": errors, "dynamic_s": bundle_share}))
            else:
                to_run.append(cid)

        def execute(cid: str) -> RunResult:
            layout = runnable[cid]
            outcome = _sandbox(settings)(layout.root / "bundle.js", layout.root, settings)
            return interpret(static[cid], outcome, bundle_share)

        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            for result in pool.map(execute, to_run):
                finish(result)
    return {cid: results[cid] for cid in ids}


def _sandbox(settings: ArktsSettings) -> Callable[[Path, Path, ArktsSettings], ChildOutcome]:
    return run_in_docker if settings.sandbox == "docker" else run_in_process


def _bundle(layouts: dict[str, TaskLayout], settings: ArktsSettings) -> dict[str, list[Diagnostic]]:
    """Bundle every candidate with its test in one Node process; bundler errors per candidate."""
    if not layouts:
        return {}
    jobs = [
        {"id": cid, "solution": str(l.primary_solution), "test": str(l.test_file), "out": str(l.root / "bundle.js")}
        for cid, l in layouts.items()
    ]
    request = {"sdk_dir": str(sdk_root(settings)), "runtime_dir": str(settings.runtime_dir), "jobs": jobs}
    results = run_harness("bundle.js", request, settings, "bundling")["results"]
    errors: dict[str, list[Diagnostic]] = {}
    for cid, layout in layouts.items():
        errors[cid] = [
            Diagnostic(
                file=_relative(e["file"], layout.root),
                line=e["line"],
                column=e["column"],
                code="BUNDLE",
                message=e["message"],
                source="bundle",
            )
            for e in results[cid]["errors"]
        ]
    return errors


def _relative(file: str, root: Path) -> str:
    if not file:
        return ""
    try:
        return Path(file).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file


def interpret(static: RunResult, outcome: ChildOutcome, bundle_s: float = 0.0) -> RunResult:
    """Turn what the child process left behind into a verdict."""
    base = {"dynamic_s": outcome.elapsed_s + bundle_s}
    if outcome.timed_out:
        return static.model_copy(update={**base, "status": "timeout", "message": "wall-clock limit reached"})
    report = _result_line(outcome)
    if report is None:
        return static.model_copy(update={**base, "status": "crash", "message": _why_no_result(outcome)})
    tests = [
        TestOutcome(suite=t["suite"], name=t["name"], status=t["status"], message=t["message"], duration_s=t["duration_s"])
        for t in report.get("tests", [])
    ]
    base["tests"] = tests
    crash = report.get("crash")
    if crash:
        status = "unsupported" if OFF_DEVICE in crash else "crash"
        return static.model_copy(update={**base, "status": status, "message": crash})
    failed = [t for t in tests if t.status != "pass"]
    if not tests:
        return static.model_copy(update={**base, "status": "fail", "message": "no test ran"})
    if not failed:
        return static.model_copy(update={**base, "status": "pass"})
    if all(OFF_DEVICE in t.message for t in failed):
        return static.model_copy(update={**base, "status": "unsupported", "message": failed[0].message})
    return static.model_copy(update={**base, "status": "fail", "message": f"{len(failed)} of {len(tests)} tests failed"})


def _why_no_result(outcome: ChildOutcome) -> str:
    stderr = outcome.stderr_tail
    if "heap out of memory" in stderr or "Reached heap limit" in stderr or "Allocation failed" in stderr:
        return f"memory limit reached (exit {outcome.returncode})"
    if outcome.returncode == -signal.SIGXFSZ:
        return "output limit reached"
    tail = " | ".join(stderr.strip().splitlines()[-3:])
    return f"test process ended without a result (exit {outcome.returncode})" + (f": {tail}" if tail else "")


def _result_line(outcome: ChildOutcome) -> dict | None:
    for line in reversed(outcome.stdout.splitlines()):
        if line.startswith(outcome.tag):
            try:
                return json.loads(line[len(outcome.tag) :])
            except json.JSONDecodeError:
                return None
    return None
