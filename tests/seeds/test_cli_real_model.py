"""`apisynth seeds` end to end on the real SDK graph with the default local model (SmolLM2-135M).
The scope is @kit.ArkTS narrowed to four container modules and the search to 10 iterations per root."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.kg import Scope, open_store
from tasks.kg.build import build_graph
from tasks.seeds.seedfile import read_seeds
from tasks.settings import DEFAULT_SDK_DIR, Settings

MODULES = ["@ohos.util.Stack", "@ohos.util.Queue", "@ohos.util.Deque", "@ohos.util.ArrayList"]


@pytest.mark.slow
def test_seeds_cli_on_kit_arkts_with_the_default_model(tmp_path: Path, smollm2_folder: Path):
    if not DEFAULT_SDK_DIR.is_dir():
        pytest.skip(f"default SDK not installed at {DEFAULT_SDK_DIR} (run scripts/setup.sh)")
    home = tmp_path / "home"
    env = {
        "APISYNTH_HOME": str(home),
        "APISYNTH_KG__BACKEND": "ladybug",
        "APISYNTH_MODELS__LOCAL_MODEL": str(smollm2_folder),  # the converted default model
        "APISYNTH_SEEDS__ITERATIONS": "10",
        "COLUMNS": "300",  # rich wraps long messages at the terminal width
    }
    build_graph(Settings(home=home).model_copy(update={"kg": Settings().kg.model_copy(update={"backend": "ladybug"})}))
    scope_args = ["--kit", "@kit.ArkTS"] + [arg for module in MODULES for arg in ("--module", module)]
    runner = CliRunner()

    multi_first = runner.invoke(app, ["seeds", "multi", *scope_args], env=env)
    assert multi_first.exit_code == 1
    assert "seeds score" in multi_first.output  # no scores yet: a clear error, not a traceback

    scored = runner.invoke(app, ["seeds", "score", *scope_args], env=env)
    assert scored.exit_code == 0, scored.output
    assert "local:SmolLM2-135M-Instruct" in scored.output

    out = tmp_path / "multi.jsonl"
    multi = runner.invoke(app, ["seeds", "multi", *scope_args, "--out", str(out)], env=env)
    assert multi.exit_code == 0, multi.output
    seeds = list(read_seeds(out))
    assert seeds and all(seed.kind == "multi" for seed in seeds)
    with open_store(Settings(home=home), read_only=True) as store:
        in_scope = set(store.non_leaf_nodes(Scope(kits=("@kit.ArkTS",), modules=tuple(MODULES))))
        assert len(in_scope) == 4
        member_bits = store.read_property("member_uncertainty")
        assert len(member_bits) > 40 and all(bits > 0 for bits in member_bits.values())
        for seed in seeds:
            assert set(seed.apis) <= in_scope
            assert [entity.qualified_name for entity in store.entities(seed.apis)] == seed.apis
    assert (tmp_path / "multi-uncertainty-by-kit.png").is_file()


def test_unloadable_model_and_empty_scope_are_clear_errors(tmp_path: Path):
    env = {"APISYNTH_HOME": str(tmp_path / "home"), "APISYNTH_KG__BACKEND": "ladybug", "COLUMNS": "300",
           "APISYNTH_MODELS__LOCAL_MODEL": str(tmp_path / "no-model")}
    runner = CliRunner()
    scored = runner.invoke(app, ["seeds", "score"], env=env)
    assert scored.exit_code == 1
    assert "ModelUnavailableError" in scored.output and "no-model" in scored.output
    (tmp_path / "no-model").mkdir()
    (tmp_path / "no-model" / "config.json").write_text("{}")
    single = runner.invoke(app, ["seeds", "single", "--kit", "@kit.Nothing"], env=env)
    assert single.exit_code == 1
    assert "no non-leaf API nodes" in single.output
