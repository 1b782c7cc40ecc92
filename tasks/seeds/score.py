"""Uncertainty estimation over the graph: for every non-leaf node u in scope and each member v,
I(u, ρ, v) = −log2 P(v | u, ρ); the node's uncertainty aggregates its members' I.

Written per node (score properties of graph_schema): ``member_uncertainty`` on each member,
``uncertainty`` (sum of member I, the paper's definition) and ``uncertainty_mean`` on the node,
and last ``scorer`` (the scorer's identity). Nodes already marked with this identity are
skipped; a different identity re-scores the node, so scores of two models never mix.
Writes happen per batch of nodes, so a crash loses at most one batch."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable

from tasks.kg.store import GraphStore, Scope
from tasks.records import ApiEntity
from tasks.seeds import prompts
from tasks.seeds.report import Distribution, ScoreReport
from tasks.seeds.scorers import Scorer, Skipped, make_scorer
from tasks.settings import Settings

Progress = Callable[[int, int, str], None]  # (nodes done, nodes total, current node)


def score_node(
    scorer: Scorer, node: ApiEntity, members: list[ApiEntity], max_description_chars: int
) -> tuple[dict[str, float], Counter[str]]:
    """Member bits by qualified name, and members skipped by reason. One prefix per relation."""
    by_relation: dict[str, list[ApiEntity]] = defaultdict(list)
    for member in members:
        by_relation[prompts.relation(member)].append(member)
    bits: dict[str, float] = {}
    skipped: Counter[str] = Counter()
    for relation, group in by_relation.items():
        prefix = prompts.prefix(node, relation, max_description_chars)
        results = scorer.score(prefix, [prompts.continuation(m) for m in group])
        for member, result in zip(group, results, strict=True):
            if isinstance(result, Skipped):
                skipped[result.reason] += 1
            else:
                bits[member.qualified_name] = result
    return bits, skipped


def score_uncertainty(
    settings: Settings,
    store: GraphStore,
    scope: Scope,
    scorer: Scorer | None = None,
    progress: Progress | None = None,
) -> ScoreReport:
    """Score every non-leaf node in scope that this scorer has not scored yet."""
    started = time.perf_counter()
    scorer = scorer or make_scorer(settings)
    names = store.non_leaf_nodes(scope)
    report = ScoreReport(scorer=scorer.identity, approximate=scorer.approximate, nodes_in_scope=len(names))
    done_before = store.read_property("scorer", names)
    todo = [n for n in names if settings.scoring.rescore or done_before.get(n) != scorer.identity]
    report.nodes_cached = len(names) - len(todo)

    skipped_nodes: Counter[str] = Counter()
    skipped_members: Counter[str] = Counter()
    sums: list[float] = []
    means: list[float] = []
    batch_size = settings.scoring.write_batch_nodes
    for start in range(0, len(todo), batch_size):
        batch = todo[start : start + batch_size]
        member_bits: dict[str, float] = {}
        node_sum: dict[str, float] = {}
        node_mean: dict[str, float] = {}
        for offset, node in enumerate(store.entities(batch)):
            if progress:
                progress(start + offset, len(todo), node.qualified_name)
            members = store.children(node.qualified_name)
            if not scope.include_system_api:
                public = [m for m in members if not m.system_api]
                skipped_members["system_api"] += len(members) - len(public)
                members = public
            if not members:
                skipped_nodes["no_members"] += 1
                continue
            if not node.description.strip():
                report.nodes_without_description += 1
            bits, skipped = score_node(scorer, node, members, settings.scoring.max_description_chars)
            skipped_members.update(skipped)
            if not bits:
                skipped_nodes["no_scorable_members"] += 1
                continue
            member_bits.update(bits)
            node_sum[node.qualified_name] = sum(bits.values())
            node_mean[node.qualified_name] = node_sum[node.qualified_name] / len(bits)
        # members first, the scorer mark last: a node is "done" only when all of its values are in
        store.write_property("member_uncertainty", member_bits)
        store.write_property("uncertainty", node_sum)
        store.write_property("uncertainty_mean", node_mean)
        store.write_property("scorer", {name: scorer.identity for name in node_sum})
        report.members_scored += len(member_bits)
        report.nodes_scored += len(node_sum)
        sums.extend(node_sum.values())
        means.extend(node_mean.values())
    if progress:
        progress(len(todo), len(todo), "")

    report.skipped_nodes = dict(skipped_nodes)
    report.skipped_members = dict(skipped_members)
    report.uncertainty_sum = Distribution.of(sums)
    report.uncertainty_mean = Distribution.of(means)
    report.score_s = round(time.perf_counter() - started, 3)
    report.members_per_s = round(report.members_scored / report.score_s, 2) if report.score_s > 0 else 0.0
    return report
