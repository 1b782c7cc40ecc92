"""Shared fixtures for the ArkTS runner tests: the two format examples and settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tasks.settings import ArktsSettings

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = FIXTURES / "examples.jsonl"  # the two format examples of the benchmark


def _load_examples() -> list[dict]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def examples() -> dict[str, dict]:
    return {example["id"]: example for example in _load_examples()}


@pytest.fixture(scope="session")
def arkts_settings() -> ArktsSettings:
    return ArktsSettings()
