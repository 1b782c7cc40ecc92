"""Prefect tasks: one thin wrapper per stage function.

Each task's cache key is TASK_SOURCE plus a content key over all its inputs: the
settings sections it depends on, the SDK directory, the graph build id, the model
folder and the upstream output files are hashed by content (Prefect's INPUTS
policy would hash paths by name and reports by their timings). Large results stay as files under the data directory,
in a folder named by that content fingerprint; tasks return a small ``StageOutput``
(paths plus the stage's own report), which is what Prefect stores."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import TASK_SOURCE, CachePolicy
from pydantic import BaseModel, Field

from tasks.settings import Settings

LLM_TAG = "llm"  # tasks that call a teacher/student model; a tag concurrency limit bounds them
GPU_TAG = "gpu"  # tasks that profit from a CUDA device
LONG_TIMEOUT_S = 6 * 3600.0
LLM_RETRY_DELAYS_S = [30, 120, 600]  # on top of the per-call retries of the LLM client


class StageOutput(BaseModel):
    """What a stage task hands downstream: where its files are and its report (small)."""

    stage: str
    fingerprint: str  # content id of the output: the graph build id, or the fingerprint of the inputs
    files: dict[str, Path] = Field(default_factory=dict)
    report: dict[str, Any] = Field(default_factory=dict)

    def missing(self) -> list[Path]:
        """Output files that are gone (deleted data directory): the task must run again."""
        return [path for path in self.files.values() if not path.exists()]


# --- content fingerprints ----------------------------------------------------

_CHUNK = 1 << 20
_WHOLE_FILE_LIMIT = 16 << 20  # larger files (model weights) hash by size, head and tail


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    size = path.stat().st_size
    with path.open("rb") as handle:
        if size <= _WHOLE_FILE_LIMIT:
            for chunk in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(chunk)
        else:
            digest.update(str(size).encode())
            digest.update(handle.read(_CHUNK))
            handle.seek(size - _CHUNK)
            digest.update(handle.read(_CHUNK))
    return digest.hexdigest()


def path_digest(path: Path) -> str:
    """Content hash of a file or of every file under a directory ("absent" when missing)."""
    path = Path(path)
    if path.is_file():
        return file_digest(path)
    if not path.is_dir():
        return "absent"
    digest = hashlib.sha256()
    for child in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(child.relative_to(path).as_posix().encode())
        digest.update(file_digest(child).encode())
    return digest.hexdigest()


def settings_view(settings: Settings, sections: Iterable[str]) -> dict[str, Any]:
    """The settings a stage depends on (secrets stay masked), plus the data directory and graph backend."""
    view: dict[str, Any] = {
        "home": str(settings.home.resolve()),
        "graph_backend": settings.graph_backend,
        "neo4j_uri": settings.neo4j_uri,
    }
    for name in sections:
        view[name] = getattr(settings, name).model_dump(mode="json")
    return view


def _content(value: Any, sections: tuple[str, ...]) -> Any:
    if isinstance(value, Settings):
        return settings_view(value, sections)
    if isinstance(value, StageOutput):
        return {"stage": value.stage, "fingerprint": value.fingerprint, "files": {k: path_digest(p) for k, p in value.files.items()}}
    if isinstance(value, Path):
        return path_digest(value)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [_content(item, sections) for item in value]
    return value


def fingerprint(sections: tuple[str, ...], inputs: Mapping[str, Any]) -> str:
    """Stable hash of a task's inputs by content (files and directories by their bytes)."""
    content = {name: _content(value, sections) for name, value in sorted(inputs.items())}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[:20]


def content_cache(*sections: str) -> CachePolicy:
    """TASK_SOURCE + a content key over all inputs (settings reduced to the given sections)."""

    def key(_context: Any, inputs: dict[str, Any]) -> str:
        return fingerprint(tuple(sections), inputs)

    return TASK_SOURCE + CachePolicy.from_cache_key_fn(key)


def workdir(settings: Settings, stage: str, sections: tuple[str, ...], **inputs: Any) -> tuple[str, Path]:
    """The fingerprint of a stage's inputs and its output folder under the data directory."""
    key = fingerprint(sections, {"settings": settings, **inputs})
    folder = settings.runs_dir / stage / key
    folder.mkdir(parents=True, exist_ok=True)
    return key, folder


def retry_transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Retry a stage only when its failure came from a model service (rate limit, timeout, 5xx)."""
    from tasks.llm.client import is_transient

    try:
        state.result()
    except Exception as exc:  # the task's own exception, re-raised by result()
        return is_transient(exc)
    return False


# how every task that calls a model retries (transient provider failures only) and times out
MODEL_CALL_POLICY: dict[str, Any] = {
    "retries": len(LLM_RETRY_DELAYS_S),
    "retry_delay_seconds": LLM_RETRY_DELAYS_S,
    "retry_condition_fn": retry_transient,
    "timeout_seconds": LONG_TIMEOUT_S,
}


def _report_dict(report: BaseModel | Mapping[str, Any] | Any) -> dict[str, Any]:
    if isinstance(report, BaseModel):
        return report.model_dump(mode="json")
    if isinstance(report, Mapping):
        return dict(report)
    return json.loads(json.dumps(report, default=lambda o: getattr(o, "__dict__", str(o))))


# --- knowledge graph ---------------------------------------------------------

KG_SECTIONS = ("kg",)


@task(
    name="build-graph",
    cache_policy=content_cache(*KG_SECTIONS),
    persist_result=True,
    timeout_seconds=LONG_TIMEOUT_S,
)
def build_graph(settings: Settings, sdk_dir: Path, parser: str) -> StageOutput:
    """Parse the SDK declarations and load them into the graph store (idempotent per build id).
    ``parser`` is the parser's code fingerprint: a new parser means a new graph."""
    from tasks.kg.build import build_graph as build

    report = build(settings, sdk_dir=sdk_dir)
    return StageOutput(stage="kg", fingerprint=report.build_id, report=_report_dict(report))


def graph_build_id(settings: Settings) -> str | None:
    """The build id of the graph that is in the store now (None when empty or absent)."""
    from tasks.kg import open_store

    if settings.graph_backend == "ladybug" and not settings.graph_dir.exists():
        return None
    with open_store(settings, read_only=True) as store:
        return store.build_id()



def _scope(kits: list[str], modules: list[str], include_system_api: bool) -> Any:
    from tasks.kg import Scope

    return Scope(kits=tuple(kits), modules=tuple(modules), include_system_api=include_system_api)


# --- uncertainty and seeds ---------------------------------------------------

SCORE_SECTIONS = ("scoring", "models")


@task(
    name="score-uncertainty",
    cache_policy=content_cache(*SCORE_SECTIONS),
    persist_result=True,
    tags=[LLM_TAG, GPU_TAG],
    **MODEL_CALL_POLICY,
)
def score_uncertainty(
    settings: Settings, graph: StageOutput, scorer: str, kits: list[str], modules: list[str], include_system_api: bool
) -> StageOutput:
    """Write node uncertainty into the graph for every non-leaf node in scope.
    ``scorer`` is the scorer's identity (method and model fingerprint)."""
    from tasks.kg import open_store
    from tasks.seeds.score import score_uncertainty as score

    key = fingerprint(SCORE_SECTIONS, {"settings": settings, "graph": graph, "scorer": scorer, "kits": kits,
                                       "modules": modules, "include_system_api": include_system_api})
    with open_store(settings) as store:
        report = score(settings, store, _scope(kits, modules, include_system_api))
    return StageOutput(stage="score", fingerprint=key, report=_report_dict(report))


SEED_SECTIONS = ("seeds",)


@task(name="single-seeds", cache_policy=content_cache(*SEED_SECTIONS), persist_result=True,
      timeout_seconds=LONG_TIMEOUT_S)
def single_seeds(
    settings: Settings, graph: StageOutput, score: StageOutput, kits: list[str], modules: list[str],
    include_system_api: bool,
) -> StageOutput:
    """One seed per non-leaf node in scope (the node and its members)."""
    from tasks.kg import open_store
    from tasks.seeds.single import single_seeds as make

    key, folder = workdir(settings, "seeds", SEED_SECTIONS, graph=graph, score=score, kits=kits, modules=modules,
                          include_system_api=include_system_api, kind="single")
    out_path = folder / "single.jsonl"
    with open_store(settings, read_only=True) as store:
        report = make(settings, store, _scope(kits, modules, include_system_api), out_path)
    return StageOutput(stage="single-seeds", fingerprint=key, files={"seeds": out_path}, report=_report_dict(report))


@task(name="multi-seeds", cache_policy=content_cache(*SEED_SECTIONS), persist_result=True,
      timeout_seconds=LONG_TIMEOUT_S)
def multi_seeds(
    settings: Settings, graph: StageOutput, score: StageOutput, kits: list[str], modules: list[str],
    include_system_api: bool, method: str,
) -> StageOutput:
    """Multi-API seeds sampled from the best uncertainty paths (MCTS, or random paths as the ablation)."""
    from tasks.kg import open_store
    from tasks.seeds.mcts import multi_seeds as make

    key, folder = workdir(settings, "seeds", SEED_SECTIONS, graph=graph, score=score, kits=kits, modules=modules,
                          include_system_api=include_system_api, kind="multi", method=method)
    out_path = folder / f"multi.{method}.jsonl"
    with open_store(settings, read_only=True) as store:
        report = make(settings, store, _scope(kits, modules, include_system_api), out_path, method=method)
    return StageOutput(stage="multi-seeds", fingerprint=key, files={"seeds": out_path}, report=_report_dict(report))


# --- generation, dedup, export -----------------------------------------------

GENERATE_SECTIONS = ("llm", "generate", "arkts", "models")


@task(
    name="generate-samples",
    cache_policy=content_cache(*GENERATE_SECTIONS),
    persist_result=True,
    tags=[LLM_TAG],
    **MODEL_CALL_POLICY,
)
def generate_samples(
    settings: Settings, graph: StageOutput, seeds: list[StageOutput], n: int, shard: int = 0, shards: int = 1
) -> StageOutput:
    """Questions and code from the seeds, verified by the ArkTS toolchain. Resumes inside its folder.
    With ``shards`` > 1 it works on every shards-th seed from the ``shard``-th (one of parallel tasks)."""
    from tasks.generate.synthesize import generate_samples as generate
    from tasks.kg import open_store

    key, folder = workdir(settings, "generate", GENERATE_SECTIONS, graph=graph, seeds=seeds, n=n, shard=shard,
                          shards=shards)
    seeds_path = folder / "seeds.jsonl"
    lines = [line for part in seeds for line in part.files["seeds"].read_text(encoding="utf-8").splitlines(True)]
    seeds_path.write_text("".join(lines[shard::shards]), encoding="utf-8")
    with open_store(settings, read_only=True) as store:
        report = generate(settings, store, seeds_path, n, folder)
    return StageOutput(stage="generate", fingerprint=key, files={"samples": Path(report.samples_path)},
                       report=_report_dict(report))


@task(name="dedup-samples", cache_policy=content_cache("dedup"), persist_result=True)
def dedup_samples(settings: Settings, samples: list[StageOutput], benchmark: list[Path]) -> StageOutput:
    """Drop near-duplicates within the dataset (all generation tasks' samples together) and against
    the benchmark (``benchmark``: its files)."""
    from tasks.generate.dedup import dedup_samples as dedup

    key, folder = workdir(settings, "dedup", ("dedup",), samples=samples, benchmark=benchmark)
    merged = folder / "samples.in.jsonl"
    merged.write_text("".join(part.files["samples"].read_text(encoding="utf-8") for part in samples), encoding="utf-8")
    report = dedup(settings, merged, None, folder)
    return StageOutput(stage="dedup", fingerprint=key, files={"samples": Path(report.kept_path)},
                       report=_report_dict(report))


@task(name="export-dataset", cache_policy=content_cache(), persist_result=True)
def export_dataset(settings: Settings, samples: StageOutput, mix_single: int, mix_multi: int) -> StageOutput:
    """The training files: LLaMA-Factory alpaca JSON + dataset_info.json, and the full JSONL."""
    from tasks.generate.export import export_dataset as export

    key, folder = workdir(settings, "dataset", (), samples=samples, mix_single=mix_single, mix_multi=mix_multi)
    report = export(settings, samples.files["samples"], folder)
    files = {"dataset_dir": folder, "alpaca": Path(report.alpaca_path), "full": Path(report.full_path)}
    return StageOutput(stage="export", fingerprint=key, files=files, report=_report_dict(report))


# --- evaluation --------------------------------------------------------------

EVALUATE_SECTIONS = ("bench", "llm", "arkts")


@task(
    name="evaluate-model",
    cache_policy=content_cache(*EVALUATE_SECTIONS),
    persist_result=True,
    tags=[LLM_TAG, GPU_TAG],
    **MODEL_CALL_POLICY,
)
def evaluate_model(
    settings: Settings, model: str | Path, benchmark: Path, task_ids: list[str], n: int, ks: list[int]
) -> StageOutput:
    """pass@k of ``model`` (a local model folder, hashed by content, or a LiteLLM model string)
    on the benchmark tasks ``task_ids`` of the benchmark file."""
    from tasks.bench.benchmark import load_benchmark
    from tasks.bench.evaluate import evaluate_model as evaluate

    key, folder = workdir(settings, "evaluate", EVALUATE_SECTIONS, model=model, benchmark=benchmark,
                          task_ids=task_ids, n=n, ks=ks)
    wanted = set(task_ids)
    tasks = [t for t in load_benchmark(benchmark) if t.id in wanted]
    report = evaluate(settings, str(model), n, ks, folder, tasks=tasks)
    files = {"results": Path(report.results_path), "summary": Path(report.summary_path)}
    return StageOutput(stage="evaluate", fingerprint=key, files=files, report=_report_dict(report))


@task(name="merge-evaluations", cache_policy=content_cache("bench"), persist_result=True)
def merge_evaluations(settings: Settings, parts: list[StageOutput], task_ids: list[str], n: int, ks: list[int]) -> StageOutput:
    """One pass@k report from evaluations of disjoint task subsets (parallel evaluation tasks)."""
    from tasks.bench.benchmark import load_benchmark
    from tasks.bench.evaluate import BenchReport, SampleOutcome, summarize
    from tasks.llm.client import LlmUsage

    key, folder = workdir(settings, "evaluate", ("bench",), parts=parts, task_ids=task_ids, n=n, ks=ks)
    results_path, summary_path = folder / "results.jsonl", folder / "summary.json"
    lines = [line for part in parts for line in part.files["results"].read_text(encoding="utf-8").splitlines() if line.strip()]
    results_path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    outcomes = [SampleOutcome.model_validate_json(line) for line in lines]
    wanted = set(task_ids)
    tasks = [t for t in load_benchmark(settings.bench.tasks_path) if t.id in wanted]
    reports = [BenchReport.model_validate(part.report) for part in parts]
    reported_ks = reports[0].ks
    overall, by_category, status_counts = summarize(outcomes, tasks, n, reported_ks)
    usages = [LlmUsage.model_validate(r.llm_usage) for r in reports]
    totals = {name: sum(getattr(u, name) for u in usages)
              for name in ("calls", "succeeded", "cache_hits", "retries", "prompt_tokens", "completion_tokens", "cost_usd")}
    errors = sum((Counter(u.errors) for u in usages), Counter())
    usage = LlmUsage(model=usages[0].model, errors=dict(errors), **totals).model_dump()
    report = BenchReport(
        model=reports[0].model, n=n, ks=reported_ks, tasks=len(tasks), samples=len(outcomes), pass_at_k=overall,
        by_category=by_category, status_counts=status_counts, llm_usage=usage,
        generate_s=round(sum(r.generate_s for r in reports), 3), run_s=round(sum(r.run_s for r in reports), 3),
        results_path=str(results_path), summary_path=str(summary_path),
    )
    summary_path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    files = {"results": results_path, "summary": summary_path}
    return StageOutput(stage="evaluate", fingerprint=key, files=files, report=_report_dict(report))
