"""The synth flow on the embedded defaults, narrowed to a tiny SDK: it completes, a second
identical run is served from the cache, and a changed downstream setting re-runs only
what depends on it."""

from __future__ import annotations

import shutil

import pytest

from flows.params import SynthParams


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("synth-home")


@pytest.fixture
def env(home, monkeypatch):
    monkeypatch.setenv("APISYNTH_HOME", str(home))


@pytest.fixture(scope="module")
def tiny(tiny_sdk) -> SynthParams:
    return SynthParams(sdk_dir=tiny_sdk)


@pytest.fixture(scope="module")
def first_run(prefect_harness, tiny, home):
    import os

    os.environ["APISYNTH_HOME"] = str(home)
    from flows.synth import synth

    return synth(tiny)


def test_a_small_synth_run_completes_and_writes_its_report(first_run, env):
    assert set(first_run.states.values()) == {"Completed"}
    graph = first_run.outputs["graph"]
    assert graph.report["entities_by_kind"]["class"] >= 1
    assert first_run.report_path.is_file()


def test_an_identical_run_is_served_from_the_cache(first_run, tiny, env):
    from flows.synth import synth

    again = synth(tiny)
    assert set(again.states) == set(first_run.states)
    assert set(again.states.values()) == {"Cached"}
    assert {n: o.fingerprint for n, o in again.outputs.items()} == {
        n: o.fingerprint for n, o in first_run.outputs.items()
    }


def test_a_replaced_graph_store_is_built_again(first_run, tiny, env, home):
    from flows.synth import synth

    shutil.rmtree(home / "graph")
    again = synth(tiny)
    assert again.states["graph"] == "Completed"
    assert again.outputs["graph"].report["cached"] is False
