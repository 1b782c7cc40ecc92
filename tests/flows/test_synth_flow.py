"""The synth flow on the embedded defaults, narrowed to a tiny SDK: it completes, a second
identical run is served from the cache, a changed downstream setting re-runs only what
depends on it, and outputs that disappeared are made again."""

from __future__ import annotations

import shutil

import pytest

ALL_TASKS = {"graph", "score", "single_seeds", "multi_seeds", "generate", "dedup", "export", "evaluate"}
DOWNSTREAM_OF_DEDUP = {"dedup", "export"}  # the evaluation measures the model, not the dataset (no training yet)



@pytest.fixture(scope="module")
def first_run(prefect_harness, synth_home, tiny_params):
    from flows.synth import synth

    return synth(tiny_params)


def test_a_small_synth_run_completes_and_writes_its_report(first_run):
    assert set(first_run.states) == ALL_TASKS and set(first_run.states.values()) == {"Completed"}
    assert first_run.outputs["graph"].report["entities_by_kind"]["class"] >= 2
    assert first_run.outputs["score"].report["nodes_scored"] + first_run.outputs["score"].report["nodes_cached"] >= 2
    assert first_run.outputs["single_seeds"].report["seeds_written"] >= 2
    assert first_run.outputs["multi_seeds"].report["seeds_written"] >= 1
    generated = first_run.outputs["generate"].report
    assert generated["llm"]["model"] == "local/smollm2" and generated["seeds_used"] >= 1
    assert first_run.outputs["export"].report["exported"] == first_run.outputs["dedup"].report["kept"]
    assert first_run.outputs["evaluate"].report["samples"] == 1
    assert first_run.dataset_dir is not None and (first_run.dataset_dir / "dataset_info.json").is_file()
    assert first_run.report_path.is_file()


def test_an_identical_run_is_served_from_the_cache(first_run, tiny_params):
    from flows.synth import synth

    again = synth(tiny_params)
    assert set(again.states) == set(first_run.states)
    assert set(again.states.values()) == {"Cached"}
    assert {n: o.fingerprint for n, o in again.outputs.items()} == {n: o.fingerprint for n, o in first_run.outputs.items()}


def test_a_changed_dedup_threshold_reruns_only_dedup_and_export(first_run, tiny_params, monkeypatch):
    from flows.synth import synth

    monkeypatch.setenv("APISYNTH_DEDUP__CODE_THRESHOLD", "0.5")
    changed = synth(tiny_params)
    assert {n for n, s in changed.states.items() if s != "Cached"} == DOWNSTREAM_OF_DEDUP
    assert {changed.states[n] for n in DOWNSTREAM_OF_DEDUP} == {"Completed"}
    assert changed.outputs["dedup"].fingerprint != first_run.outputs["dedup"].fingerprint


def test_deleted_outputs_and_a_replaced_graph_are_made_again(first_run, tiny_params, synth_home):
    from flows.synth import synth

    shutil.rmtree(first_run.dataset_dir)
    shutil.rmtree(synth_home / "graph")
    again = synth(tiny_params)
    assert again.states["graph"] == "Completed" and again.outputs["graph"].report["cached"] is False
    assert again.states["score"] == "Completed"  # the new graph needs its uncertainty again
    assert again.states["export"] == "Completed" and (first_run.dataset_dir / "dataset_info.json").is_file()


def test_the_pass_at_k_chart_is_a_png_in_the_output_folder_and_an_image_artifact(first_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    png = first_run.outputs["evaluate"].files["summary"].parent / "pass-at-k-by-category.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    with get_client(sync_client=True) as client:
        keys = ["evaluate-pass-at-k-chart", "evaluate-pass-at-k-chart-file", "evaluate-pass-at-k-chart-table"]
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=keys)))
    found: dict[str, list] = {key: [a for a in artifacts if a.key == key] for key in keys}
    assert all(found.values()), found  # every evaluation run (this session has several) stores all three
    assert all(a.type == "image" and a.data.startswith("data:image/png;base64,") for a in found["evaluate-pass-at-k-chart"])
    assert any(str(png.resolve()) in a.data for a in found["evaluate-pass-at-k-chart-file"])  # this run's chart
    assert all("| pass rate |" in a.data for a in found["evaluate-pass-at-k-chart-table"])
