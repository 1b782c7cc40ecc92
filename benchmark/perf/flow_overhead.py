"""Orchestration overhead: a cold synth run, then the same run again fully cached.

Starts a local Prefect server (as `apisynth server` does), runs the synth flow on the
default small configuration in a fresh data directory (cold), then again (cached).
Target: the cached run takes at most 15 s beyond Prefect's own start-up.
The last line printed is JSON: prefect_start_s (the server until healthy), import_s (prefect
and the flows in this process), cold_s, cached_s, cached_states."""

from __future__ import annotations

import argparse
import json
import os
import socket
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", type=Path, help="data directory (default: a fresh temporary one)")
    parser.add_argument("--params", type=Path, help="JSON file of SynthParams (default: the embedded defaults)")
    args = parser.parse_args()

    home = (args.home or Path(tempfile.mkdtemp(prefix="apisynth-perf-"))).resolve()
    os.environ["APISYNTH_HOME"] = str(home)
    from flows.environment import load_settings

    load_settings()
    from flows.deploy import start_server, stop, wait_until_ready
    from flows.params import SynthParams

    params = SynthParams.model_validate_json(args.params.read_text()) if args.params else SynthParams()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    api_url = f"http://127.0.0.1:{port}/api"
    started = time.perf_counter()
    server = start_server("127.0.0.1", port, home / "prefect" / "server.log")
    try:
        wait_until_ready(api_url, server)
        os.environ["PREFECT_API_URL"] = api_url
        prefect_start_s = time.perf_counter() - started
        started = time.perf_counter()
        from flows.synth import synth

        import_s = time.perf_counter() - started

        started = time.perf_counter()
        synth(params)
        cold_s = time.perf_counter() - started
        started = time.perf_counter()
        cached = synth(params)
        cached_s = time.perf_counter() - started
    finally:
        stop(server)
    print(json.dumps({
        "prefect_start_s": round(prefect_start_s, 2),
        "import_s": round(import_s, 2),
        "cold_s": round(cold_s, 2),
        "cached_s": round(cached_s, 2),
        "cached_states": cached.states,
        "target_cached_s": 15.0,
    }))


if __name__ == "__main__":
    main()
