"""The ``apisynth`` command line. Each command group lives in flows/commands/;
heavy libraries are imported inside commands so ``apisynth --help`` stays fast."""

from __future__ import annotations

import typer

from flows.commands import arkts, bench, kg
from flows.commands import generate as generate_commands
from flows.commands import neo4j, seeds, server, synth

app = typer.Typer(help="Turn API documentation into verified fine-tuning data for code models.", no_args_is_help=True)
app.add_typer(kg.app, name="kg", help="Build and inspect the API knowledge graph.")
app.add_typer(seeds.app, name="seeds", help="Score API uncertainty and select single- and multi-API seeds.")
app.command("generate")(generate_commands.generate)
app.command("generate-oss")(generate_commands.generate_oss)
app.command("dedup")(generate_commands.dedup)
app.command("export")(generate_commands.export)
app.add_typer(arkts.app, name="arkts", help="Type-check, lint and test ArkTS code.")
app.add_typer(bench.app, name="bench", help="Evaluate a model on the ArkTS benchmark (pass@k).")
app.command("synth")(synth.synth)
app.command("server")(server.server)
app.add_typer(neo4j.app, name="neo4j", help="Run Neo4j in a local Docker container.")


if __name__ == "__main__":
    app()
