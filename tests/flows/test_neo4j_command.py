"""`apisynth neo4j` without a Docker engine: a clear error, exit code 1, nothing else."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize("command", ["up", "down", "status"])
def test_neo4j_commands_fail_clearly_without_a_docker_engine(command, tmp_path, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-engine.sock")
    monkeypatch.setenv("NEO4J_PASSWORD", "a-long-password")
    result = CliRunner().invoke(app, ["neo4j", command])
    assert result.exit_code == 1
    assert "no Docker engine is reachable" in result.output
    assert "a-long-password" not in result.output
