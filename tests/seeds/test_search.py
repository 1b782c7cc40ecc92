"""MCTS pieces on small hand-made graphs whose right answers are known."""

from __future__ import annotations

import math
import random

import pytest

from tasks.seeds.search import (
    ScoredPath,
    SearchGraph,
    SearchParams,
    SearchTree,
    mcts_paths,
    random_paths,
    random_walk,
    sample_nodes,
    top_paths,
    ucb1,
)

# 0 - 1 - 3, 0 - 2 ; uncertainties 1, 1, 5, 10
SMALL = SearchGraph.from_edges(["r", "a", "b", "c"], [1.0, 1.0, 5.0, 10.0], [(0, 1), (0, 2), (1, 3)])


def iterate(tree: SearchTree, rng: random.Random, exploration: float) -> tuple[list[int], float]:
    t, path, on_path = tree.select(exploration)
    t = tree.expand(t, path, on_path, rng)
    reward = sum(SMALL.uncertainty[n] for n in path)
    tree.backup(t, reward)
    return path, reward


def test_ucb1():
    assert ucb1(0.0, 0, 10, 1.4) == math.inf
    assert ucb1(6.0, 2, 3, 1.4) == pytest.approx(3.0 + 1.4 * math.sqrt(math.log(3) / 2))


def test_expansion_adds_each_neighbour_once_then_ucb_picks_the_best_child():
    tree = SearchTree(SMALL, 0)
    rng = random.Random(1)
    first, _ = iterate(tree, rng, 1.4)
    second, _ = iterate(tree, rng, 1.4)
    # the root is expanded until both neighbours are children, in random order
    assert {first[1], second[1]} == {1, 2}
    assert len(first) == len(second) == 2
    # fully expanded root: UCB1 prefers b (Q=6) over a (Q=2); b has no unvisited neighbour left
    third, reward = iterate(tree, rng, 1.4)
    assert third == [0, 2] and reward == 6.0
    # backup: the root saw all three rewards, b two of them
    b = tree.children[0][tree.node[1:].index(2)]
    assert tree.visits[0] == 3 and tree.reward[0] == pytest.approx(2 + 6 + 6)
    assert tree.visits[b] == 2 and tree.reward[b] == pytest.approx(12)


def test_large_exploration_constant_visits_the_less_rewarding_branch_and_expands_it():
    tree = SearchTree(SMALL, 0)
    rng = random.Random(1)
    for _ in range(3):
        iterate(tree, rng, 100.0)
    # N(a)=1, N(b)=2: exploration dominates, a is selected and its unvisited neighbour c expanded
    path, reward = iterate(tree, rng, 100.0)
    assert path == [0, 1, 3] and reward == 12.0
    assert tree.visits[0] == 4


def test_mcts_rollout_and_rewards():
    paths = mcts_paths(SMALL, 0, SearchParams(iterations=6, rollout_depth=3), random.Random(0))
    assert len(paths) == 6
    for p in paths:
        assert len(set(p.nodes)) == len(p.nodes)  # simple paths
        assert p.nodes[0] == 0
        assert all(b in SMALL.adjacency[a] for a, b in zip(p.nodes, p.nodes[1:]))
        assert p.score == sum(SMALL.uncertainty[n] for n in p.nodes)
    # from r the best simple path is r-a-c (12); a rollout of 3 steps reaches it
    assert max(p.score for p in paths) == 12.0


def test_isolated_root_gives_single_node_paths():
    graph = SearchGraph.from_edges(["x", "y"], [2.0, 3.0], [])
    paths = mcts_paths(graph, 0, SearchParams(iterations=3), random.Random(0))
    assert [p.nodes for p in paths] == [(0,), (0,), (0,)]


def test_random_walk_never_revisits_and_is_bounded():
    ring = SearchGraph.from_edges([str(i) for i in range(6)], [1.0] * 6, [(i, (i + 1) % 6) for i in range(6)])
    rng = random.Random(3)
    for _ in range(50):
        path = [0]
        random_walk(ring, path, {0}, 4, rng)
        assert len(path) == 5 and len(set(path)) == 5


def test_top_paths_keeps_distinct_best_with_stable_ties():
    paths = [
        ScoredPath(5.0, (0, 1), 0),
        ScoredPath(9.0, (0, 2, 3), 1),
        ScoredPath(9.0, (0, 3, 2), 2),  # same node set as iteration 1
        ScoredPath(7.0, (0, 4), 3),
        ScoredPath(7.0, (0, 5), 4),
        ScoredPath(1.0, (0,), 5),
    ]
    kept = top_paths(paths, 3)
    assert [p.iteration for p in kept] == [1, 3, 4]
    assert [p.iteration for p in top_paths(paths, 10)] == [1, 3, 4, 0, 5]


def test_sample_nodes_sizes_order_and_short_paths():
    rng = random.Random(0)
    path = (7, 3, 9, 4, 1)
    sizes = set()
    for _ in range(100):
        picked = sample_nodes(path, 2, 3, rng)
        sizes.add(len(picked))
        assert picked == [n for n in path if n in picked]  # path order
    assert sizes == {2, 3}
    assert sample_nodes((5,), 2, 3, rng) is None
    assert sample_nodes((5, 6), 2, 3, rng) is not None


def test_same_seed_same_paths_and_baseline_differs_from_mcts():
    ring = SearchGraph.from_edges([str(i) for i in range(30)], [float(i % 7) for i in range(30)],
                                  [(i, (i * 7 + 3) % 30) for i in range(30)] + [(i, (i + 1) % 30) for i in range(30)])
    params = SearchParams(iterations=20, rollout_depth=3)
    a = mcts_paths(ring, 0, params, random.Random(42))
    b = mcts_paths(ring, 0, params, random.Random(42))
    assert a == b
    assert mcts_paths(ring, 0, params, random.Random(43)) != a
    walks = random_paths(ring, 0, params, random.Random(42))
    assert len(walks) == 20 and all(len(w.nodes) <= 5 for w in walks)
