"""Verification of generated code: a pluggable step. The real one type-checks and lints
with the ArkTS toolchain (one compiler program for a whole batch)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from tasks.records import RunResult
from tasks.settings import Settings


class Verifier(Protocol):
    def __call__(self, sources: Mapping[str, str]) -> Mapping[str, RunResult]:
        """A static verdict (status pass / compile_error / lint_error with diagnostics) per candidate id."""
        ...


def arkts_verifier(settings: Settings) -> Verifier:
    """Type-check against the SDK declarations and run the ArkTS linter."""
    from tasks.arkts.check import check_sources

    def verify(sources: Mapping[str, str]) -> Mapping[str, RunResult]:
        return check_sources(sources, settings.arkts) if sources else {}

    return verify
