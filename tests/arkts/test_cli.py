"""`apisynth arkts check` and `apisynth arkts test` through the CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def test_check_reports_each_file_and_fails_on_errors(tmp_path, examples):
    cart = examples["example-application-cart"]
    good, bad = tmp_path / "Cart.ets", tmp_path / "Bad.ets"
    good.write_text(cart["solution"])
    bad.write_text(cart["wrong_solutions"][1])
    result = runner.invoke(app, ["arkts", "check", str(good), str(bad), "--json"])
    assert result.exit_code == 1
    verdicts = {v["candidate_id"]: v for v in map(json.loads, result.stdout.strip().splitlines())}
    assert verdicts[str(good)]["status"] == "pass"
    assert verdicts[str(bad)]["status"] == "lint_error"
    assert verdicts[str(bad)]["diagnostics"][0]["rule"] == "arkts-no-any-unknown"


def test_test_command_runs_the_suite(tmp_path, examples):
    brackets = examples["example-algorithm-brackets"]
    solution, test = tmp_path / "Brackets.ets", tmp_path / "Brackets.test.ets"
    solution.write_text(brackets["solution"])
    test.write_text(brackets["test"])
    result = runner.invoke(app, ["arkts", "test", "--solution", str(solution), "--test", str(test)])
    assert result.exit_code == 0, result.output
    assert "accepts nested pairs" in result.output
    assert "status: pass" in result.output


def test_unreadable_file_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["arkts", "check", str(tmp_path / "missing.ets")])
    assert result.exit_code != 0
    assert "missing.ets" in result.output
