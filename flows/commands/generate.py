"""`apisynth generate | dedup | export`: synthesize samples, remove near-duplicates, write training files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

console = Console()


def _settings():
    from flows.environment import prepare
    from tasks.settings import Settings

    settings = Settings()
    prepare(settings)
    return settings


def _counts(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title)
    table.add_column("reason")
    table.add_column("count", justify="right")
    for name, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        table.add_row(name, str(count))
    return table


def generate(
    seeds: Annotated[Path, typer.Option(help="Seed JSONL (from `apisynth seeds`).", exists=True, dir_okay=False)],
    n: Annotated[int, typer.Option("--n", help="Number of verified samples wanted.", min=1)],
    model: Annotated[str | None, typer.Option(help="LiteLLM model string (default: settings, local/smollm2).")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default: <home>/runs/generate).")] = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Skip the ArkTS type-check and lint.")] = False,
) -> None:
    """Generate questions and grounded ArkTS code from seeds; re-running resumes."""
    settings = _settings()
    from tasks.generate.synthesize import generate_samples
    from tasks.kg import open_store

    out_dir = out or settings.runs_dir / "generate"
    with open_store(settings, read_only=True) as store:
        report = _with_progress(n, lambda progress: generate_samples(
            settings, store, seeds, n, out_dir, model=model, verifier=None if no_verify else "arkts", progress=progress))
    _print_report(report)


def generate_oss(
    n: Annotated[int, typer.Option("--n", help="Number of verified samples wanted.", min=1)],
    model: Annotated[str | None, typer.Option(help="LiteLLM model string (default: settings, local/smollm2).")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default: <home>/runs/generate-oss).")] = None,
    kit: Annotated[list[str] | None, typer.Option(help="Only snippets of APIs in this kit (repeatable).")] = None,
    module: Annotated[list[str] | None, typer.Option(help="Only snippets of APIs in this module (repeatable).")] = None,
    include_system_api: Annotated[bool, typer.Option(help="Also use snippets of system APIs.")] = False,
    docs: Annotated[list[Path] | None, typer.Option(
        help="Documentation files or folders (Markdown with ```ts blocks, .ets/.ts) adding snippets (repeatable).",
        exists=True)] = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Skip the ArkTS type-check and lint.")] = False,
) -> None:
    """The OSS-Instruct baseline: SDK documentation snippets inspire problems and solutions; re-running resumes."""
    settings = _settings()
    from tasks.generate.oss_instruct import default_scope, generate_oss_instruct
    from tasks.kg import Scope, open_store

    scope = default_scope(settings)
    scope = Scope(kits=tuple(kit or scope.kits), modules=tuple(module or scope.modules),
                  include_system_api=include_system_api or scope.include_system_api)
    out_dir = out or settings.runs_dir / "generate-oss"
    with open_store(settings, read_only=True) as store:
        report = _with_progress(n, lambda progress: generate_oss_instruct(
            settings, store, n, out_dir, model=model, verifier=None if no_verify else "arkts", progress=progress,
            scope=scope, docs=docs or ()))
    console.print(f"{report.seeds_total} documentation snippets in scope"
                  + (f", skipped {report.seeds_skipped}" if report.seeds_skipped else ""))
    _print_report(report)


def _with_progress(n: int, run):
    with Progress(TextColumn("generating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("samples", total=n)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return run(progress)


def _print_report(report) -> None:
    console.print(f"[bold]{report.accepted}/{report.requested}[/bold] samples ({report.stopped_because}); "
                  f"acceptance {report.acceptance_rate:.0%} of {report.units_tried} questions, {report.repaired} repaired")
    if report.rejects:
        console.print(_counts("rejects", report.rejects))
    usage = report.llm
    console.print(f"LLM {usage.model}: {usage.calls} calls, {usage.cache_hits} cached, {usage.retries} retries, "
                  f"{usage.prompt_tokens}+{usage.completion_tokens} tokens, ${usage.cost_usd:.4f}")
    console.print(f"samples: {report.samples_path}\nrejects: {report.rejects_path}")


def dedup(
    samples: Annotated[Path, typer.Option(help="Samples JSONL.", exists=True, dir_okay=False)],
    benchmark: Annotated[Path | None, typer.Option(help="Benchmark JSONL (default: benchmark/arkts/*.jsonl).")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default: beside the samples).")] = None,
) -> None:
    """Remove near-duplicates within the samples and against the benchmark."""
    settings = _settings()
    from tasks.generate.dedup import dedup_samples

    with console.status("deduplicating"):
        report = dedup_samples(settings, samples, benchmark, out or samples.parent)
    console.print(f"kept {report.kept}/{report.samples_in}, removed {report.removed} "
                  f"({report.dedup_pairs} exact comparisons, {report.seconds:.1f}s)")
    if report.removed_by:
        console.print(_counts("removed", report.removed_by))
    console.print(f"kept: {report.kept_path}\ndecontamination report: {report.report_path}")


def export(
    samples: Annotated[Path, typer.Option(help="Samples JSONL (verified, deduplicated).", exists=True, dir_okay=False)],
    out: Annotated[Path | None, typer.Option(help="Output folder (default: <home>/runs/export).")] = None,
) -> None:
    """Write LLaMA-Factory alpaca JSON + dataset_info.json and the full JSONL."""
    settings = _settings()
    from tasks.generate.export import export_dataset

    report = export_dataset(settings, samples, out or settings.runs_dir / "export")
    console.print(f"exported {report.exported}/{report.samples_in} ({report.by_kind}, mix {report.mix}); "
                  f"{report.skipped_unverified} unverified skipped")
    console.print(f"alpaca: {report.alpaca_path}\ndataset_info: {report.dataset_info_path}\nfull: {report.full_path}")
