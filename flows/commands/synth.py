"""``apisynth synth``: run the whole pipeline (the ``synth`` flow) in this process."""

from __future__ import annotations

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

    from flows.environment import load_settings, ui_url
    from flows.params import SynthParams

    load_settings()  # prepares the process environment before prefect is imported
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

    from flows.synth import synth as synth_flow

    summary = synth_flow(params)
    typer.echo("")
    for stage, state in summary.states.items():
        typer.echo(f"  {stage:<12} {state}")
    if summary.dataset_dir is not None:
        typer.echo(f"dataset:    {summary.dataset_dir}")
    typer.echo(f"report:     {summary.report_path}")
    url = ui_url()
    typer.echo(f"Prefect UI: {url}" if url else "Prefect UI: none for this run (start one with `apisynth server`)")
