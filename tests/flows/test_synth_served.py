"""The one-machine path for real: a local Prefect server on a free loopback port,
synth/full registered by serve() in another process, and `prefect deployment run
synth/full --watch` on a tiny configuration ending Completed. Everything is stopped.

It shares the session's data directory and task cache: after test_synth_flow.py (files
run in name order) the served run finds its tasks cached, which also shows that the
parameters reach the served flow intact; run alone, it computes everything."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

from flows.deploy import prefect_executable, start_server, stop, wait_until_ready
from flows.params import SynthParams


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_deployment(name: str, env: dict[str, str], server_log, timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = subprocess.run([prefect_executable(), "deployment", "inspect", name], env=env, capture_output=True)
        if found.returncode == 0:
            return
        time.sleep(1)
    raise AssertionError(f"{name} was never registered; server log:\n{server_log.read_text()[-3000:]}")


def test_synth_full_runs_to_completed_on_a_local_server(tmp_path, synth_home, tiny_params: SynthParams):
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "APISYNTH_HOME": str(synth_home),
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    server_log = tmp_path / "server.log"
    server = start_server("127.0.0.1", port, server_log, env=env)
    served = None
    try:
        wait_until_ready(api_url, server)
        client_env = {**env, "PREFECT_API_URL": api_url}
        with (tmp_path / "serve.log").open("wb") as serve_log:
            served = subprocess.Popen(
                [sys.executable, "-m", "flows.deploy"],
                env=client_env, stdout=serve_log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        _wait_for_deployment("synth/full", client_env, server_log)
        parameters = json.dumps({"params": tiny_params.model_dump(mode="json")})
        result = subprocess.run(
            [prefect_executable(), "deployment", "run", "synth/full", "--params", parameters, "--watch",
             "--watch-timeout", "400"],
            env=client_env, capture_output=True, text=True, timeout=480,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, output + (tmp_path / "serve.log").read_text()[-3000:]
        assert "Completed" in output
    finally:
        if served is not None:
            stop(served)
        stop(server)
    assert server.poll() is not None and (served is None or served.poll() is not None)
