import json

from typer.testing import CliRunner

from flows.cli import app
from .conftest import write_sdk

runner = CliRunner()


def test_kg_build_stats_show(tmp_path, monkeypatch):
    monkeypatch.setenv("APISYNTH_HOME", str(tmp_path / "home"))
    sdk = write_sdk(tmp_path / "sdk")
    result = runner.invoke(app, ["kg", "build", "--sdk", str(sdk), "--backend", "ladybug"])
    assert result.exit_code == 0, result.output
    assert "built ladybug graph" in result.output and "3 files parsed" in result.output
    again = runner.invoke(app, ["kg", "build", "--sdk", str(sdk)])
    assert "unchanged SDK, graph reused" in again.output
    stats = runner.invoke(app, ["kg", "stats"])
    assert stats.exit_code == 0 and "method" in stats.output and "REEXPORTS" in stats.output
    shown = runner.invoke(app, ["kg", "show", "@ohos.demo/demo.Box.put"], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    facts = json.loads(shown.output)
    assert facts["kind"] == "method" and facts["neighbours"] == ["@ohos.base/Callback", "@ohos.demo/demo.Box"]
    missing = runner.invoke(app, ["kg", "show", "@ohos.demo/nope"])
    assert missing.exit_code == 1 and "no API named" in missing.output


def test_kg_build_rejects_a_missing_sdk(tmp_path, monkeypatch):
    monkeypatch.setenv("APISYNTH_HOME", str(tmp_path / "home"))
    result = runner.invoke(app, ["kg", "build", "--sdk", str(tmp_path / "absent")])
    assert result.exit_code == 1 and "SDK directory not found" in result.output
