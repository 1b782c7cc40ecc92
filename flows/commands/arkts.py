"""`apisynth arkts`: type-check, lint and test ArkTS code with the runner of tasks/arkts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(no_args_is_help=True)
console = Console()

_STATUS_STYLE = {"pass": "green", "fail": "red", "unsupported": "yellow"}


def _settings():
    from tasks.settings import Settings

    return Settings().arkts


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc}") from exc


def _status(status: str) -> str:
    return f"[{_STATUS_STYLE.get(status, 'red')}]{status}[/]"


def _diagnostics_table(name: str, result) -> Table:
    table = Table(title=f"{name}: {result.status}", title_justify="left")
    for column in ("line:col", "code", "rule", "message"):
        table.add_column(column)
    for d in result.diagnostics:
        table.add_row(f"{d.line}:{d.column}", d.code, d.rule, d.message)
    return table


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="ArkTS sources (.ets/.ts) to type-check and lint together.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one RunResult JSON object per line.")] = False,
) -> None:
    """Type-check FILES against the SDK declarations and run the ArkTS 1.1 linter (one program for all)."""
    from tasks.arkts.check import check_sources

    sources = {str(path): _read(path) for path in files}
    with console.status(f"checking {len(sources)} file(s)", spinner="dots"):
        results = check_sources(sources, _settings())
    for name, result in results.items():
        if as_json:
            print(result.model_dump_json())
        elif result.diagnostics:
            console.print(_diagnostics_table(name, result))
        else:
            console.print(f"{name}: {_status(result.status)}")
    failed = sum(r.status != "pass" for r in results.values())
    if not as_json:
        console.print(f"{len(results) - failed} of {len(results)} file(s) pass")
    raise typer.Exit(1 if failed else 0)


@app.command()
def test(
    solution: Annotated[Path, typer.Option(help="The code under test (.ets).")],
    test_file: Annotated[Path, typer.Option("--test", help="Its hypium test file (.ets).")],
    timeout: Annotated[float | None, typer.Option(help="Wall-clock limit of the test run in seconds.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the RunResult as JSON.")] = False,
) -> None:
    """Check SOLUTION statically, then run its hypium tests in the sandbox."""
    from tasks.arkts.run import run_task

    settings = _settings()
    if timeout is not None:
        settings = settings.model_copy(update={"timeout_s": timeout})
    with console.status("checking and testing", spinner="dots"):
        result = run_task(_read(solution), _read(test_file), settings, candidate_id=str(solution))
    if as_json:
        print(json.dumps(result.model_dump(), indent=2))
    else:
        if result.diagnostics:
            console.print(_diagnostics_table(str(solution), result))
        if result.tests:
            table = Table(title=f"{solution}: {_status(result.status)}", title_justify="left")
            for column in ("suite", "test", "status", "message"):
                table.add_column(column)
            for t in result.tests:
                table.add_row(t.suite, t.name, _status(t.status), t.message)
            console.print(table)
        console.print(f"status: {_status(result.status)}" + (f" ({result.message})" if result.message else ""))
        console.print(f"static {result.static_s:.2f} s, dynamic {result.dynamic_s:.2f} s")
    raise typer.Exit(0 if result.status == "pass" else 1)
