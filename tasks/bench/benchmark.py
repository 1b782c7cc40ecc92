"""Benchmark task records and their loader (benchmark/arkts/*.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

Category = Literal["algorithm", "application", "system", "game", "graphics"]


class BenchTask(BaseModel):
    id: str = Field(min_length=1)
    category: Category
    instruction: str = Field(min_length=1)
    solution: str = Field(min_length=1)
    test: str = Field(min_length=1)
    apis: list[str] = Field(default_factory=list)
    wrong_solutions: list[str] = Field(min_length=1)
    why_wrong: list[str]

    @model_validator(mode="after")
    def _consistent(self) -> BenchTask:
        if len(self.why_wrong) != len(self.wrong_solutions):
            raise ValueError("why_wrong needs one line per wrong solution")
        if "@ohos/hypium" not in self.test:
            raise ValueError("test must be an @ohos/hypium suite")
        for api in self.apis:
            if "/" not in api:
                raise ValueError(f"api {api!r} is not a qualified name '<module>/<dotted path>'")
        return self


class BenchmarkError(ValueError):
    """A benchmark file that cannot be used; names the file, line and reason."""


def load_benchmark(path: Path) -> list[BenchTask]:
    """All tasks of one JSONL file; any malformed line or duplicate id is an error naming it."""
    tasks: list[BenchTask] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            task = BenchTask.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise BenchmarkError(f"{path}:{number}: {exc}") from exc
        if task.id in seen:
            raise BenchmarkError(f"{path}:{number}: duplicate task id {task.id!r}")
        seen.add(task.id)
        tasks.append(task)
    if not tasks:
        raise BenchmarkError(f"{path}: no tasks")
    return tasks
