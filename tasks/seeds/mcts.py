"""Multi-API seeds: every scored non-leaf node in scope is a search root once; from each root's
paths the ``top_paths`` best are kept and ``sample_min``..``sample_max`` APIs drawn from each.

``method="mcts"`` runs the uncertainty-guided UCB1 search (tasks/seeds/search.py);
``method="random"`` takes as many uniform random paths instead (the ablation baseline).
Each root has its own random stream, seeded by (rng_seed, method, root), so a root's seeds
do not depend on which other roots are in scope."""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from tasks.kg.store import GraphStore, Scope
from tasks.records import Seed
from tasks.seeds.graph import load_search_graph
from tasks.seeds.report import Distribution, SeedReport, TopPath, plot_uncertainty_by_kit
from tasks.seeds.scorers import scorer_identity
from tasks.seeds.search import (
    ScoredPath,
    SearchGraph,
    SearchParams,
    mcts_paths,
    random_paths,
    sample_nodes,
    top_paths,
)
from tasks.seeds.seedfile import SeedWriter, seed_id
from tasks.settings import Settings

Progress = Callable[[int, int, str], None]
REPORTED_PATHS = 10


def explore_root(
    graph: SearchGraph, root: int, params: SearchParams, method: Literal["mcts", "random"], rng_seed: int
) -> tuple[list[ScoredPath], random.Random]:
    """The best paths from one root, and the root's random stream (the seed sampling continues it)."""
    rng = random.Random(f"{rng_seed}:{method}:{graph.names[root]}")
    explore = mcts_paths if method == "mcts" else random_paths
    return top_paths(explore(graph, root, params, rng), params.top_paths), rng


def multi_seeds(
    settings: Settings,
    store: GraphStore,
    scope: Scope,
    out_path: Path,
    method: Literal["mcts", "random"] = "mcts",
    progress: Progress | None = None,
) -> SeedReport:
    started = time.perf_counter()
    config = settings.seeds
    if config.sample_min > config.sample_max:
        raise ValueError(f"seeds.sample_min ({config.sample_min}) exceeds seeds.sample_max ({config.sample_max})")
    identity = scorer_identity(settings)
    loaded = load_search_graph(store, scope, identity, config.aggregate, config.neighbour_relations)
    graph = loaded.graph
    params = SearchParams(
        iterations=config.iterations, exploration=config.exploration,
        rollout_depth=config.rollout_depth, top_paths=config.top_paths,
    )
    facts = {entity.qualified_name: entity for entity in store.entities(graph.names)}

    report = SeedReport(
        kind="multi", method=method, out_path=str(out_path), scorer=identity, aggregate=config.aggregate,
        rng_seed=config.rng_seed, nodes_in_scope=len(graph) + sum(loaded.skipped.values()), roots=len(graph),
        graph_nodes=len(graph), graph_edges=graph.edge_count, edges_by_relation=loaded.edges_by_relation,
    )
    skipped: Counter[str] = Counter({f"node_{reason}": n for reason, n in loaded.skipped.items()})
    scores: list[float] = []
    api_means: list[float] = []
    best: list[TopPath] = []
    search_s = 0.0
    with SeedWriter(out_path) as writer:
        for root in range(len(graph)):
            root_name = graph.names[root]
            if progress and root % 50 == 0:
                progress(root, len(graph), root_name)
            tick = time.perf_counter()
            kept, rng = explore_root(graph, root, params, method, config.rng_seed)
            search_s += time.perf_counter() - tick
            for rank, path in enumerate(kept):
                names = [graph.names[n] for n in path.nodes]
                best.append(TopPath(score=path.score, root=root_name, apis=names))
                picked = sample_nodes(path.nodes, config.sample_min, config.sample_max, rng)
                if picked is None:
                    skipped["path_too_short"] += 1
                    continue
                apis = [graph.names[n] for n in picked]
                seed = Seed(
                    id=seed_id("multi", apis), kind="multi", apis=apis, facts=[facts[a] for a in apis],
                    score=path.score,
                    provenance={
                        "method": method, "root": root_name, "path": names, "path_rank": rank,
                        "iteration": path.iteration, "rng_seed": config.rng_seed, "scorer": identity,
                        "aggregate": config.aggregate,
                    },
                )
                if writer.write(seed):
                    scores.append(path.score)
                    api_means.append(sum(graph.uncertainty[n] for n in picked) / len(picked))
                else:
                    skipped["duplicate"] += 1
            best = sorted(best, key=lambda p: -p.score)[:REPORTED_PATHS]
        report.seeds_written = len(writer.ids)
    if progress:
        progress(len(graph), len(graph), "")

    report.skipped = dict(skipped)
    report.score_distribution = Distribution.of(scores)
    report.api_uncertainty = Distribution.of(api_means)
    report.top_paths = best
    by_kit: dict[str, list[float]] = defaultdict(list)
    for node, name in enumerate(graph.names):
        for kit in loaded.kits.get(name) or ["(no kit)"]:
            by_kit[kit].append(graph.uncertainty[node])
    plot = out_path.with_name(out_path.stem + "-uncertainty-by-kit.png")
    report.plot_path = str(plot_uncertainty_by_kit(by_kit, plot, f"node uncertainty ({config.aggregate}) by kit — {identity}"))
    report.search_s = round(search_s, 3)
    report.total_s = round(time.perf_counter() - started, 3)
    return report
