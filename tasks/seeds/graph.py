"""Reading the search graph out of the store: scored non-leaf nodes and their neighbours
(graph_schema/mcts_neighbours.yaml), with one Cypher query per relation, once per search."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Literal

import yaml

from graph_schema import SCHEMA, SCHEMA_DIR
from tasks.kg.store import GraphStore, Scope
from tasks.seeds.search import SearchGraph

NEIGHBOURS_FILE = SCHEMA_DIR / "mcts_neighbours.yaml"
N = SCHEMA.node_table


class NoScoresError(RuntimeError):
    """The scope holds no node scored by the expected scorer: run `apisynth seeds score` first."""


@dataclass(frozen=True)
class NeighbourRelation:
    name: str
    description: str
    shape: Literal["pairs", "groups", "roots"]
    cypher: str


def load_neighbour_relations(path: Path = NEIGHBOURS_FILE) -> dict[str, NeighbourRelation]:
    raw = yaml.safe_load(path.read_text())
    relations = {}
    for name, spec in raw["relations"].items():
        shapes = [shape for shape in ("pairs", "groups", "roots") if shape in spec]
        if len(shapes) != 1:
            raise ValueError(f"{path}: relation {name!r} needs exactly one of pairs/groups/roots")
        relations[name] = NeighbourRelation(name, spec["description"], shapes[0], spec[shapes[0]])
    return relations


@dataclass
class LoadedGraph:
    graph: SearchGraph
    kits: dict[str, list[str]]  # qualified name -> kits it belongs to (for reports)
    skipped: Counter[str] = field(default_factory=Counter)  # scope nodes left out, by reason
    edges_by_relation: dict[str, int] = field(default_factory=dict)


def _inside(name: str, root: str) -> bool:
    return name == root or name.startswith(root + ".") or name.startswith(root + "/")


def kit_groups(names: Sequence[str], root_rows: Sequence[dict]) -> dict[str, list[str]]:
    """Each name's groups from (root, grp) rows: the groups of every root it lies inside."""
    by_root: dict[str, set[str]] = defaultdict(set)
    for row in root_rows:
        by_root[row["root"]].add(row["grp"])
    groups: dict[str, list[str]] = {}
    for name in names:
        module, _, path = name.partition("/")
        candidates = {module, name}
        parts = path.split(".")
        candidates.update(f"{module}/{'.'.join(parts[:i])}" for i in range(1, len(parts)))
        found = set().union(*(by_root.get(c, ()) for c in candidates if _inside(name, c)))
        groups[name] = sorted(found)
    return groups


def read_scores(store: GraphStore, names: list[str], identity: str, aggregate: str) -> tuple[dict[str, float], Counter[str]]:
    """Node uncertainty (the chosen aggregate) of the names scored by ``identity``; the others counted by reason."""
    scorers = store.read_property("scorer", names)
    values = store.read_property("uncertainty_mean" if aggregate == "mean" else "uncertainty", names)
    scores: dict[str, float] = {}
    skipped: Counter[str] = Counter()
    for name in names:
        if name not in scorers or name not in values:
            skipped["unscored"] += 1
        elif scorers[name] != identity:
            skipped["other_scorer"] += 1
        else:
            scores[name] = float(values[name])
    return scores, skipped


def no_scores_error(in_scope: int, identity: str, skipped: Counter[str]) -> NoScoresError:
    if in_scope == 0:
        return NoScoresError("the scope holds no non-leaf API nodes: is the graph built (`apisynth kg build`), "
                             "and do the kits/modules of the scope exist?")
    return NoScoresError(
        f"none of the {in_scope} non-leaf nodes in scope has uncertainty scores from {identity!r} "
        f"({dict(skipped)}); run `apisynth seeds score` with the same scoring settings first"
    )


def load_search_graph(
    store: GraphStore,
    scope: Scope,
    scorer_identity: str,
    aggregate: Literal["mean", "sum"],
    relations: Sequence[str],
) -> LoadedGraph:
    """Nodes in scope scored by ``scorer_identity`` and the chosen neighbour relations between them."""
    scope_names = store.non_leaf_nodes(scope)
    scores, skipped = read_scores(store, scope_names, scorer_identity, aggregate)
    if not scores:
        raise no_scores_error(len(scope_names), scorer_identity, skipped)
    loaded = build_search_graph(store, scores, relations)
    loaded.skipped = skipped
    return loaded


def build_search_graph(store: GraphStore, scores: dict[str, float], relations: Sequence[str]) -> LoadedGraph:
    """The search graph over the scored nodes, with one Cypher query per neighbour relation."""
    known = load_neighbour_relations()
    unknown = [r for r in relations if r not in known]
    if unknown:
        raise ValueError(f"unknown neighbour relations {unknown}; {NEIGHBOURS_FILE.name} defines {sorted(known)}")
    names = sorted(scores)
    values = [scores[name] for name in names]
    ids = {name: i for i, name in enumerate(names)}
    params = {"kinds": list(SCHEMA.container_kinds)}
    edges: set[tuple[int, int]] = set()
    edges_by_relation: dict[str, int] = {}
    kit_rows = store.query(known["kit"].cypher, params)  # kits are also what reports group by
    kits = kit_groups(names, kit_rows)
    for name in relations:
        relation = known[name]
        found: set[tuple[int, int]] = set()
        result = kit_rows if name == "kit" else store.query(relation.cypher, params)
        if relation.shape == "pairs":
            for row in result:
                a, b = ids.get(row["a"]), ids.get(row["b"])
                if a is not None and b is not None and a != b:
                    found.add((min(a, b), max(a, b)))
        else:
            members: dict[str, list[int]] = defaultdict(list)
            if relation.shape == "groups":
                for row in result:
                    if (node := ids.get(row["node"])) is not None:
                        members[row["grp"]].append(node)
            else:
                for node_name, groups in kit_groups(names, result).items():
                    for group in groups:
                        members[group].append(ids[node_name])
            for group_ids in members.values():
                found.update(combinations(sorted(set(group_ids)), 2))
        edges_by_relation[name] = len(found)
        edges |= found
    graph = SearchGraph.from_edges(names, values, edges)
    return LoadedGraph(graph=graph, kits=kits, edges_by_relation=edges_by_relation)
