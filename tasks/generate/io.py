"""Append-only JSONL files: every record is flushed as it is written, and readers skip
(and count) a torn last line left by a killed process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TypeVar

from pydantic import BaseModel, ValidationError

RecordT = TypeVar("RecordT", bound=BaseModel)


class BadLine(BaseModel):
    path: str
    line: int
    error: str


def read_records(path: Path, model: type[RecordT]) -> tuple[list[RecordT], list[BadLine]]:
    """Valid records of a JSONL file, and every line that is not one (with why)."""
    records: list[RecordT] = []
    bad: list[BadLine] = []
    if not path.exists():
        return records, bad
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                records.append(model.model_validate_json(line))
            except ValidationError as exc:
                first = exc.errors()[0]
                bad.append(BadLine(path=str(path), line=number, error=f"{first['type']}: {first['msg']}"[:200]))
    return records, bad


@contextmanager
def appender(path: Path) -> Iterator[IO[str]]:
    """An append handle; a torn last line (no newline) from an earlier kill is closed off first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    torn = path.exists() and path.stat().st_size > 0 and not path.read_bytes().endswith(b"\n")
    with path.open("a", encoding="utf-8") as handle:
        if torn:
            handle.write("\n")
        yield handle


def append(handle: IO[str], record: BaseModel | dict) -> None:
    text = record.model_dump_json() if isinstance(record, BaseModel) else json.dumps(record, ensure_ascii=False)
    handle.write(text + "\n")
    handle.flush()
