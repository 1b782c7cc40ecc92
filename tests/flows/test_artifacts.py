"""Report fields become the right tables (pure function; artifact creation is exercised by the flow tests)."""

from __future__ import annotations

from flows.artifacts import _key, _table


def test_count_maps_record_fields_and_records_by_name_become_tables():
    assert _table("rejects", {"verify:compile_error": 2, "parse:malformed": 5}) == [
        {"name": "parse:malformed", "count": 5},
        {"name": "verify:compile_error", "count": 2},
    ]
    assert _table("llm", {"model": "local/smollm2", "prompt_tokens": 10}) == [
        {"field": "model", "value": "local/smollm2"},
        {"field": "prompt_tokens", "value": 10},
    ]
    by_category = {"algorithm": {"tasks": 2, "pass_at_k": {"pass@1": 0.5}}}
    assert _table("by_category", by_category) == [{"by_category": "algorithm", "tasks": 2, "pass_at_k.pass@1": 0.5}]
    assert _table("top_paths", [{"score": 1.0}]) == [] and _table("empty", {}) == []


def test_artifact_keys_use_only_lowercase_letters_digits_and_dashes():
    assert _key("single_seeds", "Skipped By Reason") == "single-seeds-skipped-by-reason"
