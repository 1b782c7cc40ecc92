"""Lay candidates out on disk the way an ArkTS project would hold them.

A test imports the code under test through a project-relative path such as
``'../main/ets/utils/Brackets'``. The workspace puts the test deep enough that every
such path stays inside the workspace and writes the candidate at each path the test
imports, so the compiler sees what a device build would see."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

# import ... from './x' | export ... from '../x' | import '../x' | import('../x')
_RELATIVE_IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}/[^'"]*)\1""")
_SOURCE_EXTENSIONS = (".ets", ".ts", ".js")
SOLUTION_NAME = "Solution.ets"
TEST_NAME = "Suite.test.ets"


def relative_imports(source: str) -> list[str]:
    """Project-relative module specifiers a source file imports, in order, without repeats."""
    found: list[str] = []
    for match in _RELATIVE_IMPORT.finditer(source):
        if match.group(2) not in found:
            found.append(match.group(2))
    return found


def _depth_needed(specifier: str) -> int:
    """How many folders a file must sit below the root for ``specifier`` to stay inside."""
    depth = needed = 0
    for part in specifier.split("/"):
        if part == "..":
            depth -= 1
            needed = max(needed, -depth)
        elif part not in ("", "."):
            depth += 1
    return needed


def _with_ets_extension(path: str) -> str:
    for ext in _SOURCE_EXTENSIONS:
        if path.endswith(ext):
            return path[: -len(ext)] + ".ets"
    return path + ".ets"


@dataclass
class TaskLayout:
    root: Path
    solution_files: list[Path] = field(default_factory=list)  # the candidate, once per bound path
    test_file: Path | None = None

    @property
    def primary_solution(self) -> Path:
        return self.solution_files[0]


def write_solution_only(root: Path, solution: str) -> TaskLayout:
    path = root / "main" / "ets" / SOLUTION_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(solution, encoding="utf-8")
    return TaskLayout(root=root, solution_files=[path])


def write_task(root: Path, solution: str, test: str) -> TaskLayout:
    """Write the test and bind every relative import it makes to the candidate solution."""
    specifiers = relative_imports(test)
    depth = max([_depth_needed(s) for s in specifiers] + [1])
    test_dir = posixpath.join(*(["src"] + [f"d{i}" for i in range(1, depth)])) if depth > 1 else "src"
    test_rel = posixpath.join(test_dir, TEST_NAME)
    solution_rels: list[str] = []
    for specifier in specifiers:
        target = _with_ets_extension(posixpath.normpath(posixpath.join(test_dir, specifier)))
        if target != test_rel and target not in solution_rels:
            solution_rels.append(target)
    if not solution_rels:  # a test that imports nothing relative still gets the candidate compiled
        solution_rels.append(posixpath.join("main", "ets", SOLUTION_NAME))
    layout = TaskLayout(root=root)
    for rel in solution_rels:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(solution, encoding="utf-8")
        layout.solution_files.append(path)
    layout.test_file = root / test_rel
    layout.test_file.parent.mkdir(parents=True, exist_ok=True)
    layout.test_file.write_text(test, encoding="utf-8")
    return layout
