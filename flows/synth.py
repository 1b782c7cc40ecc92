"""The pipeline as Prefect flows: ``synth`` (deployment ``full``) runs every stage;
``kg``, ``seeds``, ``generate`` and ``evaluate`` run one stage group each.

Each stage flow takes the run's parameters and, optionally, its upstream outputs;
without them it asks the upstream tasks, which are cached and return at once when
nothing changed. Every task result is a small ``StageOutput``; the files live in
the data directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from pydantic import BaseModel, Field

from flows import artifacts
from flows.params import SynthParams
from tasks import pipeline
from tasks.pipeline import StageOutput
from tasks.settings import Settings


class StageRun(BaseModel):
    """What a stage flow did: its tasks' outputs and final states ("Cached", "Completed")."""

    outputs: dict[str, StageOutput] = Field(default_factory=dict)
    states: dict[str, str] = Field(default_factory=dict)

    def merge(self, other: StageRun) -> StageRun:
        return StageRun(outputs={**self.outputs, **other.outputs}, states={**self.states, **other.states})


def _run(run: StageRun, name: str, task: Any, refresh: bool = False, **inputs: Any) -> StageOutput:
    """Call a task, record its state and output, and make its artifacts.

    A cached output whose files are gone (or whose graph was replaced) is computed again."""
    if refresh:
        task = task.with_options(refresh_cache=True)
    state = task(**inputs, return_state=True)
    output: StageOutput = state.result()
    if output.missing():
        get_run_logger().warning("%s: cached outputs are missing %s; running it again", name, output.missing())
        state = task.with_options(refresh_cache=True)(**inputs, return_state=True)
        output = state.result()
    run.outputs[name] = output
    run.states[name] = state.name
    artifacts.report_tables(output, state.name)
    return output


# --- stage groups ------------------------------------------------------------


def _graph(settings: Settings) -> StageRun:
    from tasks.kg.build import code_fingerprint

    run = StageRun()
    inputs = {"settings": settings, "sdk_dir": settings.kg.sdk_dir, "parser": code_fingerprint()}
    output = _run(run, "graph", pipeline.build_graph, **inputs)
    if pipeline.graph_build_id(settings) != output.fingerprint:
        get_run_logger().warning("the graph store does not hold build %s; building it again", output.fingerprint)
        output = _run(run, "graph", pipeline.build_graph, refresh=True, **inputs)
    return run


@flow(name="kg", persist_result=True, log_prints=True)
def kg(params: SynthParams = SynthParams()) -> StageRun:
    """Build or refresh the API knowledge graph from the SDK declarations."""
    return _graph(params.settings())


STAGE_FLOWS = (kg,)  # each stage group, deployable on its own


class SynthRun(StageRun):
    """The synth flow's result: every task's output and state, and where to look."""

    dataset_dir: Path | None = None
    report_path: Path


@flow(name="synth", persist_result=True, log_prints=True)
def synth(params: SynthParams = SynthParams()) -> SynthRun:
    """The whole pipeline: knowledge graph → uncertainty → seeds → generate, verify, dedup, export → evaluate."""
    settings = params.settings()
    run = kg(params)
    return _finish(settings, params, run)


def _finish(settings: Settings, params: SynthParams, run: StageRun) -> SynthRun:
    """Write the run report (JSON) and the summary artifact."""
    from prefect.runtime import flow_run

    report_path = settings.runs_dir / "synth" / f"{flow_run.get_name() or 'local'}.json"
    dataset = run.outputs.get("export")
    result = SynthRun(
        **run.model_dump(),
        dataset_dir=dataset.files["dataset_dir"] if dataset else None,
        report_path=report_path.resolve(),
    )
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(
        json.dumps({"params": params.model_dump(mode="json"), **result.model_dump(mode="json")}, indent=2),
        encoding="utf-8",
    )
    lines = {name: f"{result.states[name]} — `{output.fingerprint}`" for name, output in result.outputs.items()}
    lines["report"] = str(result.report_path)
    if result.dataset_dir:
        lines["dataset"] = str(result.dataset_dir)
    artifacts.run_summary(lines)
    return result
