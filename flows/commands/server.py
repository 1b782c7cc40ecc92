"""``apisynth server``: a local Prefect server on the loopback interface, with the
deployments served from this process (the one-machine path: no infrastructure)."""

from __future__ import annotations

import os

import typer


def server(
    host: str | None = typer.Option(None, help="address to bind (default: settings, 127.0.0.1)"),
    port: int | None = typer.Option(None, help="port (default: settings, 4200)"),
) -> None:
    """Start the Prefect server and UI, and serve synth/full (nightly) plus the per-stage deployments."""
    from flows.deploy import serve_all, start_server, stop, wait_until_ready
    from flows.environment import load_settings

    settings = load_settings()
    host = host or settings.orchestration.server_host
    port = port or settings.orchestration.server_port
    api_url = f"http://{host}:{port}/api"
    log_path = settings.home.resolve() / "prefect" / "server.log"
    process = start_server(host, port, log_path)
    try:
        typer.echo(f"starting the Prefect server (log: {log_path}) ...")
        wait_until_ready(api_url, process)
        os.environ["PREFECT_API_URL"] = api_url
        typer.echo(f"Prefect UI:  http://{host}:{port}")
        typer.echo(f"run it now:  PREFECT_API_URL={api_url} prefect deployment run synth/full")
        serve_all(settings)
    except (RuntimeError, TimeoutError) as exc:
        typer.secho(f"error: {exc}; see {log_path}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    except KeyboardInterrupt:
        pass
    finally:
        stop(process)
        typer.echo("Prefect server stopped.")
