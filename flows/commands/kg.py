"""`apisynth kg`: build and inspect the API knowledge graph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(no_args_is_help=True)
console = Console()


def _settings(backend: str | None = None):
    from tasks.settings import Settings

    settings = Settings()
    if backend:
        settings = settings.model_copy(update={"kg": settings.kg.model_copy(update={"backend": backend})})
    return settings


def _counts_table(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title)
    table.add_column("name")
    table.add_column("count", justify="right")
    for name, count in counts.items():
        table.add_row(name, str(count))
    table.add_row("[bold]total[/bold]", f"[bold]{sum(counts.values())}[/bold]")
    return table


@app.command()
def build(
    sdk: Annotated[Path | None, typer.Option(help="Directory of .d.ts/.d.ets files (default: the pinned SDK).")] = None,
    backend: Annotated[str | None, typer.Option(help="ladybug or neo4j (default: from settings).")] = None,
    force: Annotated[bool, typer.Option(help="Rebuild even when the graph already holds this SDK.")] = False,
) -> None:
    """Parse SDK declarations and load them into the graph database."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from tasks.kg.build import build_graph

    if backend not in (None, "ladybug", "neo4j"):
        raise typer.BadParameter("backend must be ladybug or neo4j", param_hint="--backend")
    settings = _settings(backend)
    with Progress(TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def show(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, description=current)

        try:
            report = build_graph(settings, sdk, progress=show, force=force)
        except FileNotFoundError as err:
            console.print(f"[red]{err}[/red]")
            raise typer.Exit(1) from err
    console.print(_counts_table("entities by kind", report.entities_by_kind))
    console.print(_counts_table("relations by type", report.relations_by_type))
    skipped = report.files_skipped + report.problems
    if skipped:
        table = Table(title="files skipped or parsed in part")
        for column in ("file", "line", "reason"):
            table.add_column(column)
        for problem in skipped[:50]:
            table.add_row(problem.file, str(problem.line), problem.reason)
        console.print(table)
        if len(skipped) > 50:
            console.print(f"... and {len(skipped) - 50} more (see the build report in the data directory)")
    state = "unchanged SDK, graph reused" if report.cached else "built"
    console.print(
        f"[green]{state}[/green] {report.backend} graph {report.build_id}: {report.files_parsed} files parsed, "
        f"{len(report.files_skipped)} skipped, {len(report.problems)} problems; "
        f"parse {report.parse_s:.2f}s, load {report.load_s:.2f}s, total {report.total_s:.2f}s"
    )


@app.command()
def stats(
    backend: Annotated[str | None, typer.Option(help="ladybug or neo4j (default: from settings).")] = None,
) -> None:
    """Entities per kind and relations per type of the current graph."""
    from tasks.kg import open_store

    try:
        with open_store(_settings(backend), read_only=True) as store:
            graph = store.stats()
    except FileNotFoundError as err:
        console.print(f"[red]{err}[/red]")
        raise typer.Exit(1) from err
    console.print(f"build {graph.build_id or '(empty graph)'}")
    console.print(_counts_table("entities by kind", graph.entities_by_kind))
    console.print(_counts_table("relations by type", graph.relations_by_type))


@app.command()
def show(
    qualified_name: Annotated[str, typer.Argument(help="e.g. @ohos.util.ArrayList/ArrayList.add")],
    backend: Annotated[str | None, typer.Option(help="ladybug or neo4j (default: from settings).")] = None,
) -> None:
    """All facts of one API, its members and its semantic neighbours, as JSON."""
    from tasks.kg import open_store

    with open_store(_settings(backend), read_only=True) as store:
        entity = store.entity(qualified_name)
        if entity is None:
            console.print(f"[red]no API named {qualified_name!r} in the graph[/red]")
            raise typer.Exit(1)
        facts = entity.model_dump(mode="json")
        facts["members"] = [child.qualified_name for child in store.children(qualified_name)]
        facts["neighbours"] = store.neighbours(qualified_name)
    console.print_json(json.dumps(facts, ensure_ascii=False))
