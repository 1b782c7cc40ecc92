"""Deployments served from one process, and a local Prefect server.

``python -m flows.deploy`` serves ``synth/full`` (nightly) and the per-stage
deployments against the server in PREFECT_API_URL; ``apisynth server`` starts that
server first. For work pools (cpu, gpu) see prefect.yaml."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from flows.environment import load_settings, server_is_up
from tasks.settings import Settings

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment


def deployments(settings: Settings) -> list[RunnerDeployment]:
    """synth/full on the nightly schedule, and each stage group on its own (no schedule)."""
    from flows.synth import STAGE_FLOWS, synth

    nightly = synth.to_deployment(
        name="full",
        cron=settings.orchestration.schedule_cron,
        description="The whole pipeline; nightly, it redoes only what a new SDK or changed settings affect.",
        tags=["synth"],
    )
    stages = [flow.to_deployment(name="default", tags=["stage"]) for flow in STAGE_FLOWS]
    return [nightly, *stages]


def ensure_llm_limit(settings: Settings) -> None:
    """A tag concurrency limit: at most N model-calling tasks run at once across all flow runs."""
    from prefect.client.orchestration import get_client

    from tasks.pipeline import LLM_TAG

    with get_client(sync_client=True) as client:
        client.create_concurrency_limit(tag=LLM_TAG, concurrency_limit=settings.orchestration.llm_concurrency)


def serve_all(settings: Settings) -> None:
    """Register the deployments and run their flow runs in this process until interrupted."""
    from prefect import serve

    ensure_llm_limit(settings)
    serve(*deployments(settings), print_starting_message=True)


def prefect_executable() -> str:
    candidate = Path(sys.executable).with_name("prefect")
    return str(candidate) if candidate.exists() else "prefect"


def start_server(
    host: str, port: int, log_path: Path, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``prefect server start`` in the background; its output goes to log_path."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = {**(os.environ if env is None else env), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)  # the server itself must not point at another server
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [prefect_executable(), "server", "start", "--host", host, "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )


def wait_until_ready(api_url: str, server: subprocess.Popen[bytes], timeout_s: float = 90.0) -> None:
    """Poll the server's health endpoint; fail early if the server process exits."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the Prefect server exited with code {server.returncode} before it was ready")
        if server_is_up(api_url, timeout_s=2):
            return
        time.sleep(0.5)
    raise TimeoutError(f"the Prefect server at {api_url} was not ready after {timeout_s:.0f} s")


def stop(process: subprocess.Popen[bytes], timeout_s: float = 20.0) -> None:
    """Stop a background process we started, with the children in its session: terminate, then kill."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout_s)


if __name__ == "__main__":
    serve_all(load_settings())
