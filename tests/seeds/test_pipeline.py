"""Scoring and seed selection against a real LadybugDB graph built from a small SDK."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tasks.kg import Scope, open_store
from tasks.kg.build import build_graph
from tasks.seeds.graph import NoScoresError, load_search_graph
from tasks.seeds.mcts import multi_seeds
from tasks.seeds.score import score_uncertainty
from tasks.seeds.scorers import LocalLogprobScorer, Skipped, local_identity
from tasks.seeds.seedfile import read_seeds
from tasks.seeds.single import single_seeds
from tasks.settings import Settings

SDK = {
    "api/@ohos.shapes.d.ts": """
/**
 * Geometry helpers.
 * @since 12
 */
declare namespace shapes {
  /**
   * A point in the plane.
   * @since 12
   */
  interface Point { x: number; y: number; }
  /**
   * A drawable shape.
   * @since 12
   */
  class Shape {
    /** Area of the shape. @since 12 */
    area(): number;
    /** Moves the shape. @since 12 */
    moveTo(target: Point): void;
  }
  /**
   * A circle.
   * @since 12
   */
  class Circle extends Shape {
    /** @since 12 */
    radius: number;
    /** @since 12 */
    center(): Point;
  }
  class Bare {
    /** @since 12 */
    width: number;
  }
  /**
   * Fill styles.
   * @since 12
   */
  enum Fill { NONE = 0, SOLID = 1, HATCHED = 2 }
  /**
   * Only for the system.
   * @since 12
   */
  class Internal {
    /**
     * @systemapi
     * @since 12
     */
    reset(): void;
  }
}
export default shapes;
""",
    "kits/@kit.ShapeKit.d.ets": """
/**
 * @file
 * @kit ShapeKit
 */
import shapes from '@ohos.shapes';
export { shapes };
""",
}
PREFIX = "@ohos.shapes/shapes"


@pytest.fixture
def graph_settings(tmp_path: Path, smollm2_folder: Path) -> Settings:
    for rel, text in SDK.items():
        (tmp_path / "sdk" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "sdk" / rel).write_text(text, encoding="utf-8")
    settings = Settings(home=tmp_path / "home")
    settings = settings.model_copy(update={
        "kg": settings.kg.model_copy(update={"backend": "ladybug"}),
        "models": settings.models.model_copy(update={"local_model": smollm2_folder}),
        "scoring": settings.scoring.model_copy(update={"write_batch_nodes": 2}),
        "seeds": settings.seeds.model_copy(update={"iterations": 20}),
    })
    build_graph(settings, tmp_path / "sdk")
    return settings


@pytest.fixture
def tiny_scorer(tiny_lm, smollm2_folder) -> LocalLogprobScorer:
    model, tokenizer = tiny_lm
    # the identity multi/single seeds expect from these settings: the scores must match it
    return LocalLogprobScorer(model, tokenizer, identity=local_identity(smollm2_folder))


def test_scores_written_cached_and_never_mixed(graph_settings, tiny_scorer, tiny_lm):
    with open_store(graph_settings) as store:
        nodes = store.non_leaf_nodes(Scope())
        report = score_uncertainty(graph_settings, store, Scope(), scorer=tiny_scorer)
        # Internal's only member is a system API: left out, so the node has nothing to score
        assert report.skipped_nodes == {"no_members": 1}
        assert report.skipped_members == {"system_api": 1}
        assert report.nodes_scored == len(nodes) - 1
        assert report.nodes_without_description == 1  # Bare
        circle = f"{PREFIX}.Circle"
        members = {m.qualified_name for m in store.children(circle)}
        bits = store.read_property("member_uncertainty", members)
        assert set(bits) == members
        assert store.read_property("uncertainty", [circle])[circle] == pytest.approx(sum(bits.values()))
        assert store.read_property("uncertainty_mean", [circle])[circle] == pytest.approx(sum(bits.values()) / len(bits))
        assert set(store.read_property("scorer", nodes).values()) == {tiny_scorer.identity}

        again = score_uncertainty(graph_settings, store, Scope(), scorer=tiny_scorer)
        assert again.nodes_scored == 0 and again.nodes_cached == report.nodes_scored

        model, tokenizer = tiny_lm
        other = LocalLogprobScorer(model, tokenizer, identity="other-model")
        third = score_uncertainty(graph_settings, store, Scope(), scorer=other)
        assert third.nodes_scored == report.nodes_scored
        assert set(store.read_property("scorer", nodes).values()) == {"other-model"}
        with pytest.raises(NoScoresError, match="seeds score"):
            load_search_graph(store, Scope(), tiny_scorer.identity, "mean", ["sibling"])


class FailingScorer:
    """Scores until its budget is spent, then fails like a crashed model."""

    approximate = False

    def __init__(self, inner, calls: int) -> None:
        self.inner, self.calls, self.identity = inner, calls, inner.identity

    def score(self, prefix, continuations):
        self.calls -= 1
        if self.calls < 0:
            raise RuntimeError("model crashed")
        return self.inner.score(prefix, continuations)


def test_a_crash_keeps_the_batches_already_written(graph_settings, tiny_scorer):
    with open_store(graph_settings) as store:
        with pytest.raises(RuntimeError, match="crashed"):
            score_uncertainty(graph_settings, store, Scope(), scorer=FailingScorer(tiny_scorer, calls=5))
        kept = store.read_property("scorer")
        assert 0 < len(kept) < 6
        resumed = score_uncertainty(graph_settings, store, Scope(), scorer=tiny_scorer)
        assert resumed.nodes_cached == len(kept)


def test_empty_member_names_are_counted(graph_settings, tiny_scorer):
    from tasks.seeds.score import score_node

    with open_store(graph_settings) as store:
        node = store.entity(f"{PREFIX}.Shape")
        members = store.children(node.qualified_name)
        members[0] = members[0].model_copy(update={"name": "  "})
        bits, skipped = score_node(tiny_scorer, node, members, 300)
        assert skipped == {"empty_name": 1}
        assert len(bits) == len(members) - 1
        assert tiny_scorer.score("x", [""]) == [Skipped("empty_name")]


def test_seeds_from_scores(graph_settings, tiny_scorer, tmp_path):
    with open_store(graph_settings) as store:
        with pytest.raises(NoScoresError):
            single_seeds(graph_settings, store, Scope(), tmp_path / "none.jsonl")
        score_uncertainty(graph_settings, store, Scope(), scorer=tiny_scorer)
        real = set(store.non_leaf_nodes(Scope(include_system_api=True)))

        single = single_seeds(graph_settings, store, Scope(), tmp_path / "single.jsonl")
        seeds = list(read_seeds(tmp_path / "single.jsonl"))
        assert single.seeds_written == len(seeds) > 0
        assert Path(single.plot_path).stat().st_size > 0
        for seed in seeds:
            assert seed.kind == "single" and seed.apis[0] in real
            assert [f.qualified_name for f in seed.facts[1:]] == [m.qualified_name for m in store.children(seed.apis[0])]

        first = multi_seeds(graph_settings, store, Scope(), tmp_path / "multi.jsonl")
        again = multi_seeds(graph_settings, store, Scope(), tmp_path / "multi-again.jsonl")
        assert (tmp_path / "multi.jsonl").read_bytes() == (tmp_path / "multi-again.jsonl").read_bytes()
        assert first.seeds_written == again.seeds_written > 0
        assert first.top_paths and first.top_paths[0].score >= first.top_paths[-1].score
        multi = list(read_seeds(tmp_path / "multi.jsonl"))
        for seed in multi:
            assert 2 <= len(seed.apis) <= 3 and set(seed.apis) <= real
            assert [f.qualified_name for f in seed.facts] == seed.apis
            assert seed.provenance["method"] == "mcts"
            assert set(seed.apis) <= set(seed.provenance["path"])
        assert len({s.id for s in multi}) == len(multi)

        shifted = graph_settings.model_copy(update={"seeds": graph_settings.seeds.model_copy(update={"rng_seed": 7})})
        multi_seeds(shifted, store, Scope(), tmp_path / "multi-7.jsonl")
        assert (tmp_path / "multi-7.jsonl").read_bytes() != (tmp_path / "multi.jsonl").read_bytes()

        baseline = multi_seeds(graph_settings, store, Scope(), tmp_path / "random.jsonl", method="random")
        assert baseline.method == "random" and baseline.seeds_written > 0
        assert {json.loads(line)["provenance"]["method"] for line in (tmp_path / "random.jsonl").open()} == {"random"}


def test_neighbour_relations_read_from_the_graph(graph_settings):
    import re
    import typing

    from graph_schema import SCHEMA
    from tasks.seeds.graph import build_search_graph, load_neighbour_relations
    from tasks.settings import SeedSettings

    relations = load_neighbour_relations()
    allowed = typing.get_args(typing.get_args(SeedSettings.model_fields["neighbour_relations"].annotation)[0])
    assert set(relations) == set(allowed)
    for relation in relations.values():
        for used in re.findall(r"\[:([A-Z_|]+)\]", relation.cypher):
            assert set(used.split("|")) <= set(SCHEMA.relation_types)

    with open_store(graph_settings) as store:
        nodes = store.non_leaf_nodes(Scope())
        scores = {name: 1.0 for name in nodes}

        def edges(*chosen):
            graph = build_search_graph(store, scores, chosen).graph
            return {frozenset((graph.names[a].rsplit(".", 1)[-1], graph.names[b].rsplit(".", 1)[-1]))
                    for a, row in enumerate(graph.adjacency) for b in row}

        assert edges("extends") == {frozenset({"Circle", "Shape"})}
        assert frozenset({"Shape", "Point"}) in edges("uses_type")  # Shape.moveTo(target: Point)
        assert frozenset({"Circle", "Point"}) in edges("uses_type")  # Circle.center(): Point
        assert frozenset({"Circle", "Fill"}) in edges("sibling")
        assert len(edges("kit")) == len(nodes) * (len(nodes) - 1) // 2  # one kit holds them all
