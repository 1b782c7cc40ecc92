"""Single-API seeds: every scored non-leaf node in scope with its own facts and its members'."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from tasks.kg.store import GraphStore, Scope
from tasks.records import Seed
from tasks.seeds.graph import kit_groups, load_neighbour_relations, no_scores_error, read_scores
from tasks.seeds.report import Distribution, SeedReport, plot_uncertainty_by_kit
from tasks.seeds.scorers import scorer_identity
from tasks.seeds.seedfile import SeedWriter, seed_id
from tasks.settings import Settings

Progress = Callable[[int, int, str], None]


def single_seeds(
    settings: Settings, store: GraphStore, scope: Scope, out_path: Path, progress: Progress | None = None
) -> SeedReport:
    started = time.perf_counter()
    identity = scorer_identity(settings)
    aggregate = settings.seeds.aggregate
    names = store.non_leaf_nodes(scope)
    scores, skipped = read_scores(store, names, identity, aggregate)
    if not scores:
        raise no_scores_error(len(names), identity, skipped)
    report = SeedReport(
        kind="single", method="single", out_path=str(out_path), scorer=identity, aggregate=aggregate,
        rng_seed=settings.seeds.rng_seed, nodes_in_scope=len(names), roots=len(scores),
    )
    ordered = sorted(scores)
    with SeedWriter(out_path) as writer:
        for number, node in enumerate(store.entities(ordered)):
            if progress:
                progress(number, len(ordered), node.qualified_name)
            members = store.children(node.qualified_name)
            if not scope.include_system_api:
                members = [m for m in members if not m.system_api]
            if not node.description.strip() and not any(m.description.strip() for m in members):
                skipped["no_description"] += 1  # nothing to ground a question on
                continue
            writer.write(Seed(
                id=seed_id("single", [node.qualified_name]), kind="single", apis=[node.qualified_name],
                facts=[node, *members], score=scores[node.qualified_name],
                provenance={"method": "single", "scorer": identity, "aggregate": aggregate},
            ))
        report.seeds_written = len(writer.ids)
    if progress:
        progress(len(ordered), len(ordered), "")
    report.skipped = dict(skipped)
    report.score_distribution = Distribution.of(list(scores.values()))
    report.api_uncertainty = report.score_distribution
    kit_rows = store.query(load_neighbour_relations()["kit"].cypher)
    by_kit: dict[str, list[float]] = defaultdict(list)
    for name, kits in kit_groups(ordered, kit_rows).items():
        for kit in kits or ["(no kit)"]:
            by_kit[kit].append(scores[name])
    plot = out_path.with_name(out_path.stem + "-uncertainty-by-kit.png")
    report.plot_path = str(plot_uncertainty_by_kit(by_kit, plot, f"node uncertainty ({aggregate}) by kit — {identity}"))
    report.total_s = round(time.perf_counter() - started, 3)
    return report
