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


def _record(run: StageRun, name: str, task: Any, inputs: dict[str, Any], state: Any) -> StageOutput:
    """Record a finished task's state and output and make its artifacts.

    A cached output whose files are gone (or whose graph was replaced) is computed again."""
    output: StageOutput = state.result()
    if output.missing():
        get_run_logger().warning("%s: cached outputs are missing %s; running it again", name, output.missing())
        state = task.with_options(refresh_cache=True)(**inputs, return_state=True)
        output = state.result()
    run.outputs[name] = output
    run.states[name] = state.name
    artifacts.report_tables(output, state.name)
    return output


def _run(run: StageRun, name: str, task: Any, refresh: bool = False, **inputs: Any) -> StageOutput:
    """Call a task in this flow and record it."""
    if refresh:
        task = task.with_options(refresh_cache=True)
    return _record(run, name, task, inputs, task(**inputs, return_state=True))


def _run_parallel(run: StageRun, name: str, task: Any, shards: list[dict[str, Any]]) -> list[StageOutput]:
    """One task per input set, submitted to the flow's task runner together (threads or Dask);
    recorded as ``name`` when there is one, ``name-0``, ``name-1``, ... otherwise."""
    if len(shards) == 1:
        return [_run(run, name, task, **shards[0])]
    futures = [task.submit(**inputs) for inputs in shards]
    for future in futures:
        future.wait()
    return [_record(run, f"{name}-{index}", task, inputs, future.state)
            for index, (future, inputs) in enumerate(zip(futures, shards, strict=True))]


def share(total: int, index: int, count: int) -> int:
    """The index-th of count near-equal parts of total."""
    return total // count + (index < total % count)


def with_task_runner(stage_flow: Any, params: SynthParams) -> Any:
    """The stage flow on the task runner the parameters ask for: threads here, or a Dask cluster
    (the one at dask_address, or a local cluster of dask_workers processes)."""
    if params.task_runner == "threads":
        return stage_flow
    from prefect_dask import DaskTaskRunner

    if params.dask_address:
        runner = DaskTaskRunner(address=params.dask_address)
    else:
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": params.dask_workers, "threads_per_worker": 1,
                                                "processes": True, "dashboard_address": None})
    return stage_flow.with_options(task_runner=runner)


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


def _seeds(settings: Settings, params: SynthParams, upstream: StageRun) -> StageRun:
    from tasks.seeds.scorers import scorer_identity

    run = StageRun()
    graph = upstream.outputs["graph"]
    scope = {"kits": params.kits, "modules": params.modules, "include_system_api": params.include_system_api}
    # a graph built again in this run has lost its scores: scoring must write them again
    rebuilt = upstream.states.get("graph") != "Cached" and not graph.report.get("cached", True)
    score = _run(run, "score", pipeline.score_uncertainty, refresh=rebuilt, settings=settings, graph=graph,
                 scorer=scorer_identity(settings), **scope)
    _run(run, "single_seeds", pipeline.single_seeds, settings=settings, graph=graph, score=score, **scope)
    _run(run, "multi_seeds", pipeline.multi_seeds, settings=settings, graph=graph, score=score,
         method=params.multi_method, **scope)
    return run


@flow(name="seeds", persist_result=True, log_prints=True)
def seeds(params: SynthParams = SynthParams(), upstream: StageRun | None = None) -> StageRun:
    """Score node uncertainty with the local model, then write single and multi (MCTS) seeds."""
    settings = params.settings()
    upstream = upstream or _graph(settings)
    return _seeds(settings, params, upstream)


def _generate(settings: Settings, params: SynthParams, upstream: StageRun) -> StageRun:
    from tasks.generate.similarity import benchmark_files

    run = StageRun()
    seeds = [upstream.outputs["single_seeds"], upstream.outputs["multi_seeds"]]
    count = min(params.shards, params.samples)
    samples = _run_parallel(run, "generate", pipeline.generate_samples, [
        {"settings": settings, "graph": upstream.outputs["graph"], "seeds": seeds,
         "n": share(params.samples, index, count), "shard": index, "shards": count}
        for index in range(count)
    ])
    kept = _run(run, "dedup", pipeline.dedup_samples, settings=settings, samples=samples,
                benchmark=benchmark_files(settings.dedup))
    _run(run, "export", pipeline.export_dataset, settings=settings, samples=kept,
         mix_single=settings.generate.mix_single, mix_multi=settings.generate.mix_multi)
    return run


@flow(name="generate", persist_result=True, log_prints=True)
def generate(params: SynthParams = SynthParams(), upstream: StageRun | None = None) -> StageRun:
    """Generate questions and code from the seeds, verify, deduplicate and export the dataset."""
    settings = params.settings()
    if upstream is None:
        graph = _graph(settings)
        upstream = graph.merge(_seeds(settings, params, graph))
    return _generate(settings, params, upstream)


def _benchmark_subset(settings: Settings, count: int | None) -> list[str]:
    """Task ids spread over the categories in turn (the first ``count``; all when None)."""
    from tasks.bench.benchmark import load_benchmark

    by_category: dict[str, list[str]] = {}
    for task in load_benchmark(settings.bench.tasks_path):
        by_category.setdefault(task.category, []).append(task.id)
    ordered = [ids[i] for i in range(max(map(len, by_category.values()), default=0))
               for ids in by_category.values() if i < len(ids)]
    return ordered if count is None else ordered[:count]


def _evaluate(settings: Settings, params: SynthParams, model: str | Path) -> StageRun:
    run = StageRun()
    task_ids = _benchmark_subset(settings, params.eval_tasks)
    count = max(1, min(params.shards, len(task_ids)))
    common = {"settings": settings, "model": model, "benchmark": settings.bench.tasks_path,
              "n": params.eval_samples, "ks": params.ks}
    parts = _run_parallel(run, "evaluate", pipeline.evaluate_model,
                          [{**common, "task_ids": task_ids[index::count]} for index in range(count)])
    output = parts[0] if count == 1 else _run(
        run, "evaluate", pipeline.merge_evaluations, settings=settings, parts=parts, task_ids=task_ids,
        n=params.eval_samples, ks=params.ks)
    scores = {name: score["pass_at_k"].get(f"pass@{min(params.ks)}", 0.0)
              for name, score in output.report.get("by_category", {}).items()}
    artifacts.bar_chart("evaluate-pass-at-k-chart", f"pass@{min(params.ks)} by category", scores, "pass rate",
                        output.files["summary"].parent / "pass-at-k-by-category.png")
    return run


def _model_under_test(settings: Settings, params: SynthParams) -> str | Path:
    """The eval model parameter, or the local model folder (hashed by content for the cache key)."""
    if params.eval_model is not None:
        folder = Path(params.eval_model).expanduser()
        return folder.resolve() if folder.is_dir() else params.eval_model
    from tasks.models import ensure_local_model

    return ensure_local_model(settings).resolve()


@flow(name="evaluate", persist_result=True, log_prints=True)
def evaluate(params: SynthParams = SynthParams()) -> StageRun:
    """pass@k of a model on the ArkTS benchmark (the eval model parameter, or the local model)."""
    settings = params.settings()
    return _evaluate(settings, params, _model_under_test(settings, params))


def _on_gpu_pool(params: SynthParams, stage: Any, deployment: str, **inputs: StageRun) -> StageRun:
    """Run a stage flow here, or (params.gpu_pool) as a deployment on the gpu work pool and wait for it."""
    if not params.gpu_pool:
        return stage(params, **inputs)
    from prefect.deployments import run_deployment

    parameters = {"params": params.model_dump(mode="json")}
    parameters.update({name: value.model_dump(mode="json") for name, value in inputs.items()})
    flow_run = run_deployment(deployment, parameters=parameters, timeout=None)
    if not flow_run.state.is_completed():
        raise RuntimeError(f"{deployment} ended {flow_run.state.name}: {flow_run.state.message}")
    return StageRun.model_validate(flow_run.state.result())


STAGE_FLOWS = (kg, seeds, generate, evaluate)  # each stage group, deployable on its own
SEEDS_ON_GPU = "seeds/gpu"  # prefect.yaml: the stage flows on the gpu work pool
EVALUATE_ON_GPU = "evaluate/gpu"


class SynthRun(StageRun):
    """The synth flow's result: every task's output and state, and where to look."""

    dataset_dir: Path | None = None
    report_path: Path


@flow(name="synth", persist_result=True, log_prints=True)
def synth(params: SynthParams = SynthParams()) -> SynthRun:
    """The whole pipeline: knowledge graph → uncertainty → seeds → generate, verify, dedup, export → evaluate."""
    settings = params.settings()
    run = kg(params)
    run = run.merge(_on_gpu_pool(params, seeds, SEEDS_ON_GPU, upstream=run))
    run = run.merge(with_task_runner(generate, params)(params, run))
    # a training stage goes here: it turns run.outputs["export"] into the model that evaluate measures
    if params.evaluate:
        run = run.merge(_on_gpu_pool(params, with_task_runner(evaluate, params), EVALUATE_ON_GPU))
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
