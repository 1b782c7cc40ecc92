"""Stage reports (pydantic, turned into artifacts by the flow layer) and the uncertainty-by-kit plot."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


class Distribution(BaseModel):
    count: int = 0
    min: float = 0.0
    p25: float = 0.0
    median: float = 0.0
    p75: float = 0.0
    max: float = 0.0
    mean: float = 0.0

    @classmethod
    def of(cls, values: Sequence[float]) -> Distribution:
        if not values:
            return cls()
        ordered = sorted(values)

        def quantile(q: float) -> float:
            return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

        return cls(
            count=len(ordered), min=ordered[0], p25=quantile(0.25), median=quantile(0.5), p75=quantile(0.75),
            max=ordered[-1], mean=sum(ordered) / len(ordered),
        )


class ScoreReport(BaseModel):
    scorer: str
    approximate: bool  # True: verbalised probabilities, not log-probabilities
    nodes_in_scope: int = 0
    nodes_scored: int = 0
    nodes_cached: int = 0  # already scored by this scorer, left as they were
    members_scored: int = 0
    nodes_without_description: int = 0  # scored from name and signature alone
    skipped_nodes: dict[str, int] = Field(default_factory=dict)
    skipped_members: dict[str, int] = Field(default_factory=dict)
    uncertainty_sum: Distribution = Distribution()  # over the nodes scored in this run (bits)
    uncertainty_mean: Distribution = Distribution()
    score_s: float = 0.0
    members_per_s: float = 0.0


class TopPath(BaseModel):
    score: float
    root: str
    apis: list[str]


class SeedReport(BaseModel):
    kind: Literal["single", "multi"]
    method: Literal["single", "mcts", "random"]
    out_path: str
    scorer: str
    aggregate: Literal["mean", "sum"]
    rng_seed: int
    nodes_in_scope: int = 0
    roots: int = 0
    graph_nodes: int = 0
    graph_edges: int = 0
    edges_by_relation: dict[str, int] = Field(default_factory=dict)
    seeds_written: int = 0
    skipped: dict[str, int] = Field(default_factory=dict)  # by reason
    score_distribution: Distribution = Distribution()  # node uncertainty (single) or path reward (multi)
    api_uncertainty: Distribution = Distribution()  # mean node uncertainty of each seed's APIs
    top_paths: list[TopPath] = Field(default_factory=list)  # best paths over all roots (multi)
    search_s: float = 0.0  # the in-memory search alone
    total_s: float = 0.0
    plot_path: str | None = None


def plot_uncertainty_by_kit(values_by_kit: Mapping[str, Sequence[float]], path: Path, title: str, max_kits: int = 25) -> Path:
    """Box plot of node uncertainty per kit (the kits with most nodes), saved as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kits = sorted((k for k in values_by_kit if values_by_kit[k]), key=lambda k: (-len(values_by_kit[k]), k))[:max_kits]
    kits.sort(key=lambda k: sorted(values_by_kit[k])[len(values_by_kit[k]) // 2])
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.32 * len(kits) + 1)))
    if kits:
        ax.boxplot([list(values_by_kit[k]) for k in kits], orientation="horizontal", showfliers=False)
        ax.set_yticks(range(1, len(kits) + 1), [f"{k} ({len(values_by_kit[k])})" for k in kits], fontsize=8)
    ax.set_xlabel("node uncertainty (bits)")
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
