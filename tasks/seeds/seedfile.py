"""Seed JSONL files: one ``Seed`` per line, appended and flushed as each is made."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from tasks.records import Seed

SEED_VERSION = Seed.model_fields["version"].default


def seed_id(kind: Literal["single", "multi"], apis: Sequence[str]) -> str:
    """Stable content hash: the same API set gives the same id whatever order it was found in."""
    return hashlib.sha256(json.dumps([kind, sorted(apis)]).encode()).hexdigest()[:16]


class SeedWriter:
    """Writes seeds to ``path`` (replacing an older file), skipping ids already written."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file = path.open("w", encoding="utf-8")
        self.ids: set[str] = set()

    def write(self, seed: Seed) -> bool:
        """False (nothing written) when a seed with this id is already in the file."""
        if seed.id in self.ids:
            return False
        self.ids.add(seed.id)
        self._file.write(seed.model_dump_json() + "\n")
        self._file.flush()
        return True

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SeedWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_seeds(path: Path) -> Iterator[Seed]:
    """Seeds of a JSONL file; a line of another record version is an error naming file and line."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            data = json.loads(line)
            if data.get("version") != SEED_VERSION:
                raise ValueError(f"{path}:{number}: Seed version {data.get('version')!r}, expected {SEED_VERSION}")
            yield Seed.model_validate(data)
