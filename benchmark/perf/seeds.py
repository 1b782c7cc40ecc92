"""Uncertainty scoring speed and MCTS speed.

1. Scores every member of the non-leaf nodes of a kit (default @kit.ArkTS) with the local
   model (default SmolLM2-135M-Instruct), from scratch. Target: >= 20 members/s on 2 CPU cores.
2. Runs the MCTS over the whole default graph (every non-leaf node outside system APIs is a
   root once) with the default seeds settings. Target: <= 60 s. Nodes the model has not
   scored in step 1 get stand-in uncertainties drawn from the scored nodes' values (the
   search's cost does not depend on the values); ``mcts_scores`` in the output says so.

The last line printed is JSON: nodes_scored, members_scored, score_s, members_per_s,
mcts_roots, mcts_s (plus context: threads, CPU seconds of scoring, device, model load time,
search graph size)."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, help="data directory (default: a fresh temporary one; reuse one to "
                        "skip the graph build and model conversion)")
    parser.add_argument("--kit", default="@kit.ArkTS")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (0: torch's default)")
    args = parser.parse_args()

    home = (args.home or Path(tempfile.mkdtemp(prefix="apisynth-perf-seeds-"))).resolve()
    os.environ["APISYNTH_HOME"] = str(home)
    # idle OpenMP threads sleep instead of spinning: on a shared CPU spinning threads slow each other down
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from flows.environment import prepare
    from tasks.settings import Settings

    settings = Settings()
    prepare(settings)
    settings = settings.model_copy(update={
        "scoring": settings.scoring.model_copy(update={"torch_threads": args.threads, "rescore": True}),
    })

    from tasks.kg import Scope, open_store
    from tasks.kg.build import build_graph
    from tasks.seeds.graph import build_search_graph
    from tasks.seeds.mcts import explore_root
    from tasks.seeds.score import score_uncertainty
    from tasks.seeds.scorers import LocalLogprobScorer
    from tasks.seeds.search import SearchParams, sample_nodes

    build_graph(settings)
    tick = time.perf_counter()
    scorer = LocalLogprobScorer.from_settings(settings)
    load_s = time.perf_counter() - tick

    with open_store(settings) as store:
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        report = score_uncertainty(settings, store, Scope(kits=(args.kit,)), scorer=scorer)
        cpu_after = resource.getrusage(resource.RUSAGE_SELF)
        score_cpu_s = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)

        # the whole default graph: real scores where step 1 made them, stand-ins elsewhere
        names = store.non_leaf_nodes(Scope())
        real = {q: float(v) for q, v in store.read_property("uncertainty_mean", names).items()}
        stand_in = random.Random(0)
        pool = sorted(real.values())
        scores = {q: real[q] if q in real else stand_in.choice(pool) for q in names}
        loaded = build_search_graph(store, scores, settings.seeds.neighbour_relations)

    config = settings.seeds
    params = SearchParams(iterations=config.iterations, exploration=config.exploration,
                          rollout_depth=config.rollout_depth, top_paths=config.top_paths)
    graph = loaded.graph
    tick = time.perf_counter()
    kept_paths = 0
    for root in range(len(graph)):
        kept, rng = explore_root(graph, root, params, "mcts", config.rng_seed)
        for path in kept:
            sample_nodes(path.nodes, config.sample_min, config.sample_max, rng)
        kept_paths += len(kept)
    mcts_s = time.perf_counter() - tick

    import torch

    print(json.dumps({
        "nodes_scored": report.nodes_scored,
        "members_scored": report.members_scored,
        "score_s": report.score_s,
        "members_per_s": report.members_per_s,
        "mcts_roots": len(graph),
        "mcts_s": round(mcts_s, 2),
        "kit": args.kit,
        "threads": torch.get_num_threads(),
        "score_cpu_s": round(score_cpu_s, 2),  # CPU time: on a shared machine, wall time / this = share we got
        "device": str(scorer.device),
        "load_s": round(load_s, 2),
        "scorer": scorer.identity,
        "mcts_edges": graph.edge_count,
        "mcts_iterations_per_root": config.iterations,
        "mcts_paths_kept": kept_paths,
        "mcts_scores": f"{len(real)} real ({args.kit}), {len(names) - len(real)} stand-in",
    }))


if __name__ == "__main__":
    main()
