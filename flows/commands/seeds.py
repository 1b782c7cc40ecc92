"""`apisynth seeds`: score node uncertainty, write single-API and multi-API seeds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(no_args_is_help=True)
console = Console()

KitOption = Annotated[list[str] | None, typer.Option("--kit", help="Limit to APIs of this kit (repeatable), e.g. @kit.ArkTS.")]
ModuleOption = Annotated[list[str] | None, typer.Option("--module", help="Limit to this module (repeatable).")]
SystemOption = Annotated[bool, typer.Option(help="Include @systemapi entities (left out by default).")]


def _settings():
    from flows.environment import prepare
    from tasks.settings import Settings

    settings = Settings()
    prepare(settings)
    return settings


def _scope(settings, kits: list[str] | None, modules: list[str] | None, include_system_api: bool):
    from tasks.kg.store import Scope

    return Scope(
        kits=tuple(kits or settings.seeds.kits),
        modules=tuple(modules or settings.seeds.modules),
        include_system_api=include_system_api or settings.kg.include_system_api,
    )


def _progress(label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}"), console=console, transient=True)


def _run_with_progress(label: str, work):
    """Run ``work(progress_callback)`` under a progress bar; clear errors instead of tracebacks."""
    from tasks.models import ModelUnavailableError
    from tasks.seeds.graph import NoScoresError
    from tasks.seeds.scorers import ScorerError

    with _progress(label) as bar:
        task = bar.add_task("", total=None)

        def show(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, description=current)

        try:
            return work(show)
        except (NoScoresError, ScorerError, ModelUnavailableError, FileNotFoundError, ValueError) as err:
            console.print(f"[red]{type(err).__name__}: {err}[/red]")
            raise typer.Exit(1) from err


def _counts(title: str, counts: dict[str, int]) -> Table | None:
    if not counts:
        return None
    table = Table(title=title)
    table.add_column("reason")
    table.add_column("count", justify="right")
    for reason, count in sorted(counts.items()):
        table.add_row(reason, str(count))
    return table


def _print_distribution(title: str, dist) -> None:
    console.print(f"{title}: n={dist.count} min={dist.min:.2f} p25={dist.p25:.2f} median={dist.median:.2f} "
                  f"p75={dist.p75:.2f} max={dist.max:.2f} mean={dist.mean:.2f}")


def _default_out(settings, name: str) -> Path:
    return settings.runs_dir / "seeds" / name


@app.command()
def score(
    kit: KitOption = None,
    module: ModuleOption = None,
    include_system_api: SystemOption = False,
    rescore: Annotated[bool, typer.Option(help="Score again where this scorer already did.")] = False,
) -> None:
    """Score node uncertainty I = −log2 P(member | API) with the configured scorer (local model by default)."""
    from tasks.kg import open_store
    from tasks.seeds.score import score_uncertainty

    settings = _settings()
    if rescore:
        settings = settings.model_copy(update={"scoring": settings.scoring.model_copy(update={"rescore": True})})
    scope = _scope(settings, kit, module, include_system_api)
    with open_store(settings) as store:
        report = _run_with_progress("scoring", lambda show: score_uncertainty(settings, store, scope, progress=show))
    label = "[yellow]APPROXIMATE (verbalised probabilities)[/yellow] " if report.approximate else ""
    console.print(f"{label}scorer {report.scorer}")
    console.print(f"nodes in scope {report.nodes_in_scope}: scored {report.nodes_scored}, "
                  f"already scored {report.nodes_cached}; members scored {report.members_scored} "
                  f"in {report.score_s:.1f}s ({report.members_per_s:.1f}/s)")
    for title, counts in (("nodes skipped", report.skipped_nodes), ("members skipped", report.skipped_members)):
        if (table := _counts(title, counts)) is not None:
            console.print(table)
    if report.nodes_scored:
        _print_distribution("node uncertainty, sum (bits)", report.uncertainty_sum)
        _print_distribution("node uncertainty, mean (bits)", report.uncertainty_mean)


def _print_seed_report(report) -> None:
    console.print(f"[green]{report.seeds_written} {report.kind} seeds[/green] ({report.method}) → {report.out_path}")
    console.print(f"scorer {report.scorer}, aggregate {report.aggregate}, roots {report.roots}"
                  + (f", search {report.search_s:.2f}s" if report.kind == "multi" else "")
                  + f", total {report.total_s:.2f}s")
    if report.kind == "multi":
        console.print(f"search graph: {report.graph_nodes} nodes, {report.graph_edges} edges {report.edges_by_relation}")
    _print_distribution("seed score", report.score_distribution)
    _print_distribution("API uncertainty per seed", report.api_uncertainty)
    if (table := _counts("skipped", report.skipped)) is not None:
        console.print(table)
    if report.top_paths:
        table = Table(title="top paths")
        table.add_column("score", justify="right")
        table.add_column("path")
        for path in report.top_paths:
            table.add_row(f"{path.score:.1f}", " → ".join(path.apis))
        console.print(table)
    if report.plot_path:
        console.print(f"plot: {report.plot_path}")


@app.command()
def single(
    kit: KitOption = None,
    module: ModuleOption = None,
    include_system_api: SystemOption = False,
    out: Annotated[Path | None, typer.Option(help="Seed JSONL (default: <home>/runs/seeds/single.jsonl).")] = None,
) -> None:
    """One seed per scored non-leaf API: its facts and its members'."""
    from tasks.kg import open_store
    from tasks.seeds.single import single_seeds

    settings = _settings()
    scope = _scope(settings, kit, module, include_system_api)
    out_path = out or _default_out(settings, "single.jsonl")
    with open_store(settings, read_only=True) as store:
        report = _run_with_progress("single seeds", lambda show: single_seeds(settings, store, scope, out_path, progress=show))
    _print_seed_report(report)


@app.command()
def multi(
    kit: KitOption = None,
    module: ModuleOption = None,
    include_system_api: SystemOption = False,
    method: Annotated[str, typer.Option(help="mcts (uncertainty-guided) or random (ablation baseline).")] = "mcts",
    out: Annotated[Path | None, typer.Option(help="Seed JSONL (default: <home>/runs/seeds/multi-<method>.jsonl).")] = None,
) -> None:
    """Multi-API seeds from the highest-uncertainty paths of a search rooted at every scored non-leaf API."""
    from tasks.kg import open_store
    from tasks.seeds.mcts import multi_seeds

    if method not in ("mcts", "random"):
        raise typer.BadParameter("method must be mcts or random", param_hint="--method")
    settings = _settings()
    scope = _scope(settings, kit, module, include_system_api)
    out_path = out or _default_out(settings, f"multi-{method}.jsonl")
    with open_store(settings, read_only=True) as store:
        report = _run_with_progress(
            f"multi seeds ({method})", lambda show: multi_seeds(settings, store, scope, out_path, method, progress=show)
        )
    _print_seed_report(report)
