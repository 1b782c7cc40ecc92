"""Static stage: type-check against the SDK declarations and run the ArkTS 1.1 linter.

All candidates of a call go through ONE compiler program in one Node process
(harness/static_check.js), which is what makes checking many samples cheap."""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from tasks.arkts.workspace import TaskLayout, write_solution_only
from tasks.records import Diagnostic, RunResult
from tasks.settings import ArktsSettings

PROGRAM_CHUNK = 400  # candidates per compiler program; bounds the checker's memory


class ToolchainError(RuntimeError):
    """The Node toolchain itself failed (not the candidate): missing install, bad options."""


def harness_script(settings: ArktsSettings, name: str) -> Path:
    return settings.toolchain_dir / "harness" / name


def sdk_root(settings: ArktsSettings) -> Path:
    return settings.sdk_dir / "dist"


def check_sources(sources: Mapping[str, str], settings: ArktsSettings) -> dict[str, RunResult]:
    """Type-check and lint each candidate source; keys are candidate ids.

    Status is ``pass``, ``compile_error`` (type or syntax errors) or ``lint_error``."""
    with tempfile.TemporaryDirectory(prefix="arkts-check-") as tmp:
        layouts = {
            cid: write_solution_only(Path(tmp) / f"c{i}", source) for i, (cid, source) in enumerate(sources.items())
        }
        return check_layouts(layouts, settings)


def check_layouts(layouts: Mapping[str, TaskLayout], settings: ArktsSettings) -> dict[str, RunResult]:
    """Static verdict for candidates already written to disk (solution, and test if any)."""
    results: dict[str, RunResult] = {}
    items = list(layouts.items())
    for start in range(0, len(items), PROGRAM_CHUNK):
        results.update(_check_chunk(dict(items[start : start + PROGRAM_CHUNK]), settings))
    return results


def _check_chunk(layouts: Mapping[str, TaskLayout], settings: ArktsSettings) -> dict[str, RunResult]:
    candidates: list[dict[str, object]] = []
    owner: dict[str, tuple[str, Path]] = {}  # checked file -> (candidate id, layout root)
    for cid, layout in layouts.items():
        # The candidate is linted; the test (written by the benchmark, not the model) is only type-checked.
        files = [{"path": str(layout.primary_solution), "lint": True}]
        if layout.test_file is not None:
            files.append({"path": str(layout.test_file), "lint": False})
        for entry in files:
            owner[str(Path(str(entry["path"])).resolve())] = (cid, layout.root)
        candidates.append({"files": files})
    started = time.perf_counter()
    report = _run_checker({"sdk_dir": str(sdk_root(settings)), "candidates": candidates}, settings)
    elapsed = time.perf_counter() - started

    per_candidate: dict[str, list[Diagnostic]] = {cid: [] for cid in layouts}
    for raw in report["diagnostics"]:
        cid, root = owner[str(Path(raw["file"]).resolve())]
        per_candidate[cid].append(
            Diagnostic(
                file=Path(raw["file"]).resolve().relative_to(root.resolve()).as_posix(),
                line=raw["line"],
                column=raw["column"],
                code=raw["code"],
                rule=raw["rule"],
                message=raw["message"],
                category=raw["category"],
                source=raw["source"],
            )
        )
    share = elapsed / max(len(layouts), 1)  # one program for all: each gets an equal share
    return {
        cid: RunResult(candidate_id=cid, status=static_status(diags), diagnostics=diags, static_s=share)
        for cid, diags in per_candidate.items()
    }


def static_status(diagnostics: list[Diagnostic]) -> str:
    errors = [d for d in diagnostics if d.category == "error"]
    if any(d.source == "typecheck" for d in errors):
        return "compile_error"
    if any(d.source == "lint" for d in errors):
        return "lint_error"
    return "pass"


def run_harness(script: str, request: dict[str, object], settings: ArktsSettings, what: str) -> dict:
    """Run one harness script on a JSON request file; its JSON answer, or ToolchainError naming `what`."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="arkts-request-", delete=False) as handle:
        json.dump(request, handle)
        request_path = Path(handle.name)
    try:
        proc = subprocess.run(
            [settings.node, str(harness_script(settings, script)), str(request_path)],
            capture_output=True,
            text=True,
            timeout=settings.static_timeout_s,
        )
    except FileNotFoundError as exc:
        raise ToolchainError(f"node executable {settings.node!r} not found") from exc
    except subprocess.TimeoutExpired as exc:
        raise ToolchainError(f"{what} exceeded {settings.static_timeout_s} s") from exc
    finally:
        request_path.unlink(missing_ok=True)
    if proc.returncode != 0:
        raise ToolchainError(f"{what} failed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


def _run_checker(request: dict[str, object], settings: ArktsSettings) -> dict:
    report = run_harness("static_check.js", request, settings, "static check")
    if report["global_diagnostics"]:
        raise ToolchainError("compiler set-up problem: " + "; ".join(report["global_diagnostics"]))
    return report
