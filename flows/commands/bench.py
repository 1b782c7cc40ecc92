"""`apisynth bench`: evaluate a model on the executable ArkTS benchmark (pass@k)."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(no_args_is_help=True)
console = Console()


def _parse_ks(text: str) -> list[int]:
    try:
        ks = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise typer.BadParameter(f"--k takes comma-separated integers, got {text!r}") from exc
    if not ks or min(ks) < 1:
        raise typer.BadParameter("--k values must be positive integers")
    return ks


@app.command()
def run(
    model: Annotated[str, typer.Option(help="A LiteLLM model string (e.g. local/smollm2, deepseek/deepseek-chat) or a local Hugging Face model folder.")],
    n: Annotated[int, typer.Option(min=1, help="Samples per task.")] = 1,
    k: Annotated[str, typer.Option(help="Comma-separated k values for pass@k (only k <= n are reported).")] = "1,5",
    task: Annotated[list[str] | None, typer.Option(help="Run only these task ids (repeatable).")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default: <home>/runs/bench/<model>-<time>).")] = None,
) -> None:
    """Sample solutions from MODEL for every benchmark task, run them, and report pass@k."""
    from flows.environment import load_settings
    from tasks.bench.benchmark import load_benchmark
    from tasks.bench.evaluate import evaluate_model

    settings = load_settings()  # offline libraries, data directory from the environment
    ks = _parse_ks(k)
    tasks = load_benchmark(settings.bench.tasks_path)
    if task:
        unknown = sorted(set(task) - {t.id for t in tasks})
        if unknown:
            raise typer.BadParameter(f"unknown task ids: {', '.join(unknown)}")
        tasks = [t for t in tasks if t.id in set(task)]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", model).strip("_")[-60:]
    out_dir = out or settings.runs_dir / "bench" / f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}"

    console.print(f"{len(tasks)} tasks x {n} samples from [bold]{model}[/bold]; sampling first, then running.")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console) as progress:
        bar = progress.add_task("samples run", total=len(tasks) * n)
        report = evaluate_model(settings, model, n, ks, out_dir, tasks=tasks, on_result=lambda _: progress.advance(bar))

    table = Table(title=f"pass@k of {model} (n={n})")
    table.add_column("category")
    table.add_column("tasks", justify="right")
    table.add_column("passed samples", justify="right")
    for key in report.pass_at_k:
        table.add_column(key, justify="right")
    for name, score in report.by_category.items():
        table.add_row(name, str(score.tasks), f"{score.passed}/{score.samples}", *(f"{v:.2%}" for v in score.pass_at_k.values()))
    passed = sum(s.passed for s in report.by_category.values())
    table.add_row("[bold]all[/bold]", str(report.tasks), f"{passed}/{report.tasks * n}",
                  *(f"[bold]{v:.2%}[/bold]" for v in report.pass_at_k.values()))
    console.print(table)
    console.print("statuses: " + ", ".join(f"{s}={c}" for s, c in report.status_counts.items()))
    console.print(f"sampling {report.generate_s:.1f}s, running {report.run_s:.1f}s")
    console.print(f"results: {report.results_path}\nsummary: {report.summary_path}")
