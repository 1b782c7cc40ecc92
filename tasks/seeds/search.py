"""The in-memory search: UCB1 Monte Carlo Tree Search over the API graph, and uniform
random paths as its ablation baseline. Nodes are integer ids; the graph is read once
(see ``graph.load_search_graph``) and never touched again during a search.

One MCTS iteration from a root:
- selection: from the root, while the current tree node has no unvisited neighbour
  left, descend to the child with the highest UCB1(n) = Q(n) + c·sqrt(ln N(parent) / N(n)),
  Q = W / N, and UCB1 = ∞ for N(n) = 0;
- expansion: add one unvisited neighbour of that node, chosen uniformly at random;
- simulation: a random walk of at most ``rollout_depth`` steps that never revisits a node
  of the path; reward = sum of the uncertainties of every node on the full path;
- backup: N += 1 and W += reward on every tree node from the new one up to the root.
Each iteration yields one path (tree path + walk) scored by its reward.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

REJECTION_TRIES = 16  # random picks before falling back to filtering the neighbour list


@dataclass(frozen=True)
class SearchGraph:
    """Undirected graph over integer ids: sorted, duplicate-free neighbour lists, no self loops."""

    names: list[str]
    uncertainty: list[float]
    adjacency: list[list[int]]

    @classmethod
    def from_edges(cls, names: Sequence[str], uncertainty: Sequence[float], edges: Iterable[tuple[int, int]]) -> SearchGraph:
        sets: list[set[int]] = [set() for _ in names]
        for a, b in edges:
            if a != b:
                sets[a].add(b)
                sets[b].add(a)
        return cls(list(names), [float(u) for u in uncertainty], [sorted(s) for s in sets])

    def __len__(self) -> int:
        return len(self.names)

    @property
    def edge_count(self) -> int:
        return sum(len(n) for n in self.adjacency) // 2


@dataclass(frozen=True)
class SearchParams:
    iterations: int = 32
    exploration: float = 1.4
    rollout_depth: int = 3
    top_paths: int = 5


@dataclass(frozen=True)
class ScoredPath:
    score: float
    nodes: tuple[int, ...]
    iteration: int


def ucb1(total_reward: float, visits: int, parent_visits: int, exploration: float) -> float:
    if visits == 0:
        return math.inf
    return total_reward / visits + exploration * math.sqrt(math.log(parent_visits) / visits)


def _is_neighbour(adjacency_row: list[int], node: int) -> bool:
    at = bisect_left(adjacency_row, node)
    return at < len(adjacency_row) and adjacency_row[at] == node


def _random_unvisited(row: list[int], excluded: set[int], rng: random.Random) -> int | None:
    """A uniformly random member of ``row`` outside ``excluded`` (None when there is none)."""
    if not row:
        return None
    for _ in range(REJECTION_TRIES):
        pick = row[rng.randrange(len(row))]
        if pick not in excluded:
            return pick
    eligible = [n for n in row if n not in excluded]
    return eligible[rng.randrange(len(eligible))] if eligible else None


def random_walk(graph: SearchGraph, path: list[int], on_path: set[int], steps: int, rng: random.Random) -> None:
    """Extend ``path`` in place by up to ``steps`` random moves to nodes not yet on it."""
    adjacency = graph.adjacency
    for _ in range(steps):
        nxt = _random_unvisited(adjacency[path[-1]], on_path, rng)
        if nxt is None:
            return
        path.append(nxt)
        on_path.add(nxt)


class SearchTree:
    """The MCTS tree of one root, as parallel arrays indexed by tree-node id."""

    def __init__(self, graph: SearchGraph, root: int) -> None:
        self.graph = graph
        self.node = [root]  # graph id of each tree node
        self.parent = [-1]
        self.visits = [0]
        self.reward = [0.0]  # W
        self.children: list[list[int]] = [[]]
        self.child_nodes: list[set[int]] = [set()]  # graph ids already expanded below each tree node
        self.open_count: list[int] = [-1]  # neighbours that may still be expanded; -1 = not yet counted

    def _count_open(self, t: int, on_path: set[int]) -> int:
        if self.open_count[t] < 0:
            row = self.graph.adjacency[self.node[t]]
            self.open_count[t] = len(row) - sum(1 for p in on_path if _is_neighbour(row, p))
        return self.open_count[t] - len(self.children[t])

    def select(self, exploration: float) -> tuple[int, list[int], set[int]]:
        """Descend by UCB1 while the current node is fully expanded; returns it and its path."""
        t = 0
        path = [self.node[0]]
        on_path = {self.node[0]}
        while self._count_open(t, on_path) == 0 and self.children[t]:
            parent_visits = self.visits[t]
            best, best_value = -1, -math.inf
            for child in self.children[t]:
                value = ucb1(self.reward[child], self.visits[child], parent_visits, exploration)
                if value > best_value:
                    best, best_value = child, value
            t = best
            path.append(self.node[t])
            on_path.add(self.node[t])
        return t, path, on_path

    def expand(self, t: int, path: list[int], on_path: set[int], rng: random.Random) -> int:
        """Add one random unvisited neighbour of tree node t as its child; t itself when none is left."""
        if self._count_open(t, on_path) == 0:
            return t
        row = self.graph.adjacency[self.node[t]]
        excluded = on_path | self.child_nodes[t]
        picked = _random_unvisited(row, excluded, rng)
        assert picked is not None  # open count > 0 guarantees one
        child = len(self.node)
        self.node.append(picked)
        self.parent.append(t)
        self.visits.append(0)
        self.reward.append(0.0)
        self.children.append([])
        self.child_nodes.append(set())
        self.open_count.append(-1)
        self.children[t].append(child)
        self.child_nodes[t].add(picked)
        path.append(picked)
        on_path.add(picked)
        return child

    def backup(self, t: int, reward: float) -> None:
        while t >= 0:
            self.visits[t] += 1
            self.reward[t] += reward
            t = self.parent[t]


def path_score(graph: SearchGraph, path: Sequence[int]) -> float:
    uncertainty = graph.uncertainty
    return sum(uncertainty[n] for n in path)


def mcts_paths(graph: SearchGraph, root: int, params: SearchParams, rng: random.Random) -> list[ScoredPath]:
    """Every path the search walked from ``root``, in iteration order."""
    tree = SearchTree(graph, root)
    paths: list[ScoredPath] = []
    for iteration in range(params.iterations):
        t, path, on_path = tree.select(params.exploration)
        t = tree.expand(t, path, on_path, rng)
        random_walk(graph, path, on_path, params.rollout_depth, rng)
        reward = path_score(graph, path)
        tree.backup(t, reward)
        paths.append(ScoredPath(reward, tuple(path), iteration))
    return paths


def random_paths(graph: SearchGraph, root: int, params: SearchParams, rng: random.Random) -> list[ScoredPath]:
    """The baseline: as many uniform random walks from ``root`` as MCTS has iterations, each as
    long as an MCTS iteration that expands one level below the root (1 + 1 + rollout_depth nodes)."""
    paths = []
    for iteration in range(params.iterations):
        path = [root]
        random_walk(graph, path, {root}, params.rollout_depth + 1, rng)
        paths.append(ScoredPath(path_score(graph, path), tuple(path), iteration))
    return paths


def top_paths(paths: Iterable[ScoredPath], k: int) -> list[ScoredPath]:
    """The k best distinct paths (same node set = same path), highest score first, earliest on ties."""
    ranked = sorted(paths, key=lambda p: (-p.score, p.iteration))
    kept: list[ScoredPath] = []
    seen: set[frozenset[int]] = set()
    for path in ranked:
        key = frozenset(path.nodes)
        if key in seen:
            continue
        seen.add(key)
        kept.append(path)
        if len(kept) == k:
            break
    return kept


def sample_nodes(path: Sequence[int], low: int, high: int, rng: random.Random) -> list[int] | None:
    """low..high nodes drawn at random from one path, kept in path order; None if the path is shorter than low."""
    if len(path) < low:
        return None
    size = rng.randint(low, min(high, len(path)))
    chosen = sorted(rng.sample(range(len(path)), size))
    return [path[i] for i in chosen]
