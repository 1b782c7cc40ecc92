"""Exact log-probabilities: the cached-prefix batched scorer against a hand computation."""

from __future__ import annotations

import math

import pytest

from tasks.seeds.scorers import LocalLogprobScorer, Skipped, parse_probability

PREFIX = "class ArrayList (module @ohos.util.ArrayList)\nDescription: A linear container.\nArrayList has a method named"
NAMES = [" add", " removeByRange", " getLastIndexOf", " x", " insert", " 中文名称", " [Symbol.iterator]"]


def hand_bits(model, tokenizer, prefix: str, continuation: str) -> float:
    """−log2 P(continuation | prefix) from one plain forward pass over the concatenated tokens."""
    import torch

    prefix_ids = tokenizer(prefix).input_ids
    cont_ids = tokenizer(continuation, add_special_tokens=False).input_ids
    ids = torch.tensor([prefix_ids + cont_ids])
    with torch.no_grad():
        logp = torch.log_softmax(model(input_ids=ids).logits[0].double(), dim=-1)
    total = sum(float(logp[len(prefix_ids) - 1 + j, token]) for j, token in enumerate(cont_ids))
    return -total / math.log(2)


def test_exact_logprob_matches_hand_computation(tiny_lm):
    model, tokenizer = tiny_lm
    scorer = LocalLogprobScorer(model, tokenizer, identity="tiny", batch_size=64)
    scores = scorer.score(PREFIX, NAMES)
    for name, bits in zip(NAMES, scores, strict=True):
        assert isinstance(bits, float)
        assert bits > 0
        assert bits == pytest.approx(hand_bits(model, tokenizer, PREFIX, name), abs=1e-4)


def test_batched_and_unbatched_agree(tiny_lm):
    model, tokenizer = tiny_lm
    batched = LocalLogprobScorer(model, tokenizer, identity="tiny", batch_size=64).score(PREFIX, NAMES)
    small = LocalLogprobScorer(model, tokenizer, identity="tiny", batch_size=2).score(PREFIX, NAMES)
    single = [LocalLogprobScorer(model, tokenizer, identity="tiny", batch_size=1).score(PREFIX, [n])[0] for n in NAMES]
    for a, b, c in zip(batched, small, single, strict=True):
        assert abs(a - b) < 1e-5
        assert abs(a - c) < 1e-5


def test_deterministic_and_order_independent(tiny_lm):
    model, tokenizer = tiny_lm
    scorer = LocalLogprobScorer(model, tokenizer, identity="tiny", batch_size=3)
    first = scorer.score(PREFIX, NAMES)
    assert scorer.score(PREFIX, NAMES) == first
    reversed_scores = scorer.score(PREFIX, NAMES[::-1])[::-1]
    for a, b in zip(first, reversed_scores, strict=True):
        assert abs(a - b) < 1e-5


def test_empty_names_are_skipped_not_scored(tiny_lm):
    model, tokenizer = tiny_lm
    scorer = LocalLogprobScorer(model, tokenizer, identity="tiny")
    scores = scorer.score(PREFIX, ["", " add", "   "])
    assert scores[0] == Skipped("empty_name")
    assert scores[2] == Skipped("empty_name")
    assert isinstance(scores[1], float)
    assert scorer.score(PREFIX, [""]) == [Skipped("empty_name")]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("0.25", 0.25), ("Probability: .9", 0.9), ("75%", 0.75), ("1", 1.0), ("I think 3 or 0.2", 0.2), ("no idea", None)],
)
def test_parse_probability(answer, expected):
    assert parse_probability(answer) == expected


def test_shared_prompt_prefix_is_reused_exactly(tiny_lm):
    model, tokenizer = tiny_lm
    other_relation = PREFIX.replace("has a method named", "has a property named")
    reusing = LocalLogprobScorer(model, tokenizer, identity="tiny")
    reusing.score(PREFIX, NAMES)  # leaves the description's keys/values cached
    reused = reusing.score(other_relation, NAMES)
    fresh = LocalLogprobScorer(model, tokenizer, identity="tiny").score(other_relation, NAMES)
    for a, b, name in zip(reused, fresh, NAMES, strict=True):
        assert abs(a - b) < 1e-5
        assert a == pytest.approx(hand_bits(model, tokenizer, other_relation, name), abs=1e-4)
