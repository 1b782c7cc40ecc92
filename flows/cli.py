"""The ``apisynth`` command line. Each command group lives in flows/commands/;
heavy libraries are imported inside commands so ``apisynth --help`` stays fast."""

from __future__ import annotations

import typer

from flows.commands import kg

app = typer.Typer(help="Turn API documentation into verified fine-tuning data for code models.", no_args_is_help=True)
app.add_typer(kg.app, name="kg", help="Build and inspect the API knowledge graph.")


if __name__ == "__main__":
    app()
