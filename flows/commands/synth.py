"""``apisynth synth``: run the whole pipeline (the ``synth`` flow) in this process."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer


def synth(
    config: Annotated[
        Path | None, typer.Option(help="JSON file of flow parameters (flows/params.py: SynthParams); default: embedded")
    ] = None,
    samples: Annotated[int | None, typer.Option(help="verified samples to aim for")] = None,
    teacher: Annotated[str | None, typer.Option(help="LiteLLM model string of the teacher")] = None,
    no_evaluate: Annotated[bool, typer.Option("--no-evaluate", help="skip the benchmark evaluation")] = False,
) -> None:
    """Run knowledge graph → seeds → generation → evaluation; cached stages return at once."""
    from pydantic import ValidationError

    from flows.environment import load_settings, server_is_up, ui_url
    from flows.params import SynthParams

    try:
        values = SynthParams.model_validate_json(config.read_text(encoding="utf-8")).model_dump() if config else {}
        if samples is not None:
            values["samples"] = samples
        if teacher is not None:
            values["teacher_model"] = teacher
        if no_evaluate:
            values["evaluate"] = False
        params = SynthParams(**values)
    except (OSError, ValidationError) as exc:
        typer.secho(f"error: bad parameters{f' in {config}' if config else ''}: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc

    settings = load_settings()
    local_ui = f"http://{settings.orchestration.server_host}:{settings.orchestration.server_port}"
    if "PREFECT_API_URL" not in os.environ and server_is_up(f"{local_ui}/api"):
        os.environ["PREFECT_API_URL"] = f"{local_ui}/api"  # `apisynth server` is running: show the run there live

    from flows.synth import synth as synth_flow

    state = synth_flow(params, return_state=True)
    summary = state.result()
    typer.echo("")
    for stage, task_state in summary.states.items():
        typer.echo(f"  {stage:<12} {task_state}")
    typer.echo(f"dataset:    {summary.dataset_dir}")
    typer.echo(f"report:     {summary.report_path}")
    run_path = f"/runs/flow-run/{state.state_details.flow_run_id}"
    url = ui_url()
    if url:
        typer.echo(f"Prefect UI: {url}{run_path}")
    else:  # an ephemeral server ran the flow; its database is Prefect's home, which `apisynth server` serves
        typer.echo(f"Prefect UI: {local_ui}{run_path} once `apisynth server` runs (the run is recorded in "
                   f"{os.environ['PREFECT_HOME']})")
