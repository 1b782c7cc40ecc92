"""Turn stage reports into Prefect artifacts: tables, plots and links to output files.

Artifacts are made by the flows from the reports the tasks return, so a run whose
tasks were all cached still shows what it produced."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from prefect.artifacts import create_image_artifact, create_markdown_artifact, create_table_artifact

from tasks.pipeline import StageOutput


def _is_counts(value: Any) -> bool:
    return isinstance(value, Mapping) and bool(value) and all(isinstance(v, (int, float)) for v in value.values())


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) or value is None


def _table(name: str, value: Any) -> list[dict[str, Any]]:
    """Rows for a report field: counts by reason/kind, a record of scalars (tokens and cost),
    or records by name (pass@k by category). Empty when the field is not tabular."""
    if _is_counts(value):
        return [{"name": k, "count": v} for k, v in sorted(value.items(), key=lambda kv: -kv[1])]
    if isinstance(value, Mapping) and value and all(_scalar(v) for v in value.values()):
        return [{"field": k, "value": v} for k, v in value.items()]
    if isinstance(value, Mapping) and value and all(isinstance(v, Mapping) for v in value.values()):
        rows = []
        for key, record in value.items():
            row: dict[str, Any] = {name: key}
            for field, item in record.items():
                if isinstance(item, Mapping):
                    row.update({f"{field}.{k}": v for k, v in item.items() if _scalar(v)})
                elif _scalar(item):
                    row[field] = item
            rows.append(row)
        return rows
    return []


def _key(*parts: str) -> str:
    """Artifact keys: lowercase letters, digits and dashes only."""
    text = "-".join(parts).lower()
    return "".join(c if c.isalnum() else "-" for c in text).strip("-")


def report_tables(output: StageOutput, state: str) -> None:
    """One summary table of the report's scalars, and one table for each count map (rejects by reason, ...)."""
    report = output.report
    scalars = [
        {"field": name, "value": value}
        for name, value in report.items()
        if isinstance(value, (str, int, float, bool)) or value is None
    ]
    scalars.insert(0, {"field": "task state", "value": state})
    create_table_artifact(scalars, key=_key(output.stage, "report"), description=f"{output.stage}: report")
    for name, value in report.items():
        rows = _table(name, value)
        if rows:
            create_table_artifact(rows, key=_key(output.stage, name), description=f"{output.stage}: {name}")
    plot = report.get("plot_path")
    if plot and Path(plot).is_file():
        image(f"{output.stage}-plot", f"{output.stage}: {Path(plot).stem}", Path(plot))
    if output.files:
        links = "\n".join(f"- **{name}**: [{path}]({Path(path).resolve().as_uri()})" for name, path in output.files.items())
        create_markdown_artifact(f"### {output.stage} outputs\n\n{links}\n", key=_key(output.stage, "files"))


def image(key: str, title: str, png: Path) -> None:
    """A PNG from a run's output folder in the UI: an image artifact holding it as a data URL
    (the UI shows it as ``<img src>``: no file server needed), and a markdown artifact with its path."""
    url = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode()
    create_image_artifact(url, key=_key(key), description=title)
    create_markdown_artifact(f"### {title}\n\n[{png.name}]({png.resolve().as_uri()}) — `{png.resolve()}`\n",
                             key=_key(key, "file"), description=f"{title}: file")


def bar_chart(key: str, title: str, values: Mapping[str, float], ylabel: str, png: Path) -> None:
    """A bar chart written to ``png`` and shown as an image artifact, with its values as a markdown table.
    ``png`` lies in a fingerprinted output folder, so a file already there shows these values and is reused."""
    if not values:
        return
    if not png.is_file():
        _draw_bars(title, values, ylabel, png)
    image(key, title, png)
    rows = "\n".join(f"| {name} | {value:.4g} |" for name, value in values.items())
    create_markdown_artifact(f"### {title}\n\n| | {ylabel} |\n|---|---|\n{rows}\n", key=_key(key, "table"),
                             description=title)


def _draw_bars(title: str, values: Mapping[str, float], ylabel: str, png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(max(4.0, 0.6 * len(values) + 2), 3.2), dpi=90)
    axes.bar(list(values), list(values.values()), color="#3c6fb0")
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.tick_params(axis="x", labelrotation=30)
    figure.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(png, format="png")
    plt.close(figure)


def run_summary(lines: Mapping[str, str], key: str = "synth-summary") -> None:
    body = "\n".join(f"| {name} | {value} |" for name, value in lines.items())
    create_markdown_artifact(f"| | |\n|---|---|\n{body}\n", key=key, description="synth run summary")
