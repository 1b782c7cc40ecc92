"""Scale-out: the benchmark evaluation split into two tasks on a DaskTaskRunner with a local
cluster of two worker processes, merged into one pass@k report."""

from __future__ import annotations

import json

from flows.params import SynthParams


def test_the_evaluation_fans_out_over_a_local_dask_cluster_and_merges(prefect_harness, synth_home, tiny_params):
    from prefect_dask import DaskTaskRunner

    from flows.synth import evaluate, with_task_runner

    params = SynthParams(**{**tiny_params.model_dump(), "eval_tasks": 2, "max_tokens": 16,
                            "shards": 2, "task_runner": "dask", "dask_workers": 2})
    stage = with_task_runner(evaluate, params)
    assert isinstance(stage.task_runner, DaskTaskRunner)
    assert stage.task_runner.cluster_kwargs["n_workers"] == 2 and stage.task_runner.cluster_kwargs["processes"]

    run = stage(params)

    assert run.states == {"evaluate-0": "Completed", "evaluate-1": "Completed", "evaluate": "Completed"}
    shard_ids = [{json.loads(line)["task_id"] for line in run.outputs[f"evaluate-{i}"].files["results"].read_text().splitlines()}
                 for i in range(2)]
    assert len(shard_ids[0]) == len(shard_ids[1]) == 1 and shard_ids[0] != shard_ids[1]
    merged = run.outputs["evaluate"]
    assert merged.report["tasks"] == 2 and merged.report["samples"] == 2
    assert sum(score["tasks"] for score in merged.report["by_category"].values()) == 2
    assert merged.report["llm_usage"]["succeeded"] + merged.report["llm_usage"]["cache_hits"] == 2
    merged_ids = {json.loads(line)["task_id"] for line in merged.files["results"].read_text().splitlines()}
    assert merged_ids == shard_ids[0] | shard_ids[1]
    assert json.loads(merged.files["summary"].read_text())["pass_at_k"] == merged.report["pass_at_k"]
