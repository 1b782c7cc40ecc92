"""Seed snippets for the OSS-Instruct baseline: the code examples of the SDK documentation.

Two sources: the ``examples`` of graph entities (the @example blocks of the declarations),
and optionally documentation files (Markdown with fenced ts/ets code, or .ets/.ts files),
whose snippets are attributed to the SDK APIs they import. Identical snippets are kept once;
trivial ones, system APIs and snippets that name no known API are skipped and counted."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from graph_schema import SCHEMA
from tasks.kg.store import GraphStore, Scope

MIN_SNIPPET_CHARS = 40  # non-blank characters; shorter examples are a call or two, not a program idea
_CODE_MARK = re.compile(r"[(){};=]")
_DOC_FENCE = re.compile(r"^```[ \t]*(ts|typescript|ets|arkts|js|javascript)[ \t]*\n(.*?)^```", re.DOTALL | re.MULTILINE | re.IGNORECASE)
_IMPORT = re.compile(r"import\s+(?:(\w+)|\{([^}]*)\}|\*\s+as\s+(\w+))\s+from\s+['\"]([^'\"]+)['\"]")
N = SCHEMA.node_table


class Snippet(BaseModel):
    """One documentation code example and the SDK entities it belongs to."""

    version: int = 1
    id: str  # hash of the normalised code
    code: str
    api_nodes: list[str]  # qualified names: the documented entity, or the APIs the snippet imports
    source: str  # "graph:<qualified name>" or "<file>:<line>"


@dataclass
class SnippetCollection:
    snippets: list[Snippet] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> count
    found: int = 0  # examples seen in scope before dedup and filters


def snippet_id(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()[:16]


def _normalise(code: str) -> str:
    return "\n".join(" ".join(line.split()) for line in code.strip().splitlines() if line.strip())


def trivial_reason(code: str) -> str | None:
    """Why a snippet cannot inspire a problem, or None."""
    if not code.strip():
        return "empty"
    if len("".join(code.split())) < MIN_SNIPPET_CHARS:
        return "too_short"
    if not _CODE_MARK.search(code):
        return "not_code"
    return None


def _within(name: str, roots: Iterable[str]) -> bool:
    return any(name == r or name.startswith(r + ".") or name.startswith(r + "/") for r in roots)


class _ScopeFilter:
    def __init__(self, store: GraphStore, scope: Scope) -> None:
        self.scope = scope
        self.roots: list[str] | None = None
        if scope.kits:
            rows = store.query(f"MATCH (k:{N})-[:REEXPORTS]->(n:{N}) WHERE k.qualified_name IN $kits "
                               "RETURN DISTINCT n.qualified_name AS name", {"kits": list(scope.kits)})
            self.roots = [str(r["name"]) for r in rows]

    def contains(self, qualified_name: str, module: str) -> bool:
        if self.scope.modules and module not in self.scope.modules:
            return False
        return self.roots is None or _within(qualified_name, self.roots)


def collect_snippets(store: GraphStore, scope: Scope = Scope(), docs: Sequence[Path] = ()) -> SnippetCollection:
    """Every usable documentation snippet in scope, once, in a stable order (graph first, then files)."""
    in_scope = _ScopeFilter(store, scope)
    out = SnippetCollection()
    seen: set[str] = set()

    def offer(code: str, api_nodes: list[str], source: str) -> None:
        out.found += 1
        reason = trivial_reason(code)
        if reason is not None:
            out.skipped[reason] += 1
            return
        ident = snippet_id(code)
        if ident in seen:
            out.skipped["duplicate"] += 1
            return
        seen.add(ident)
        out.snippets.append(Snippet(id=ident, code=code.strip("\n"), api_nodes=api_nodes, source=source))

    rows = store.query(
        f"MATCH (n:{N}) WHERE n.examples IS NOT NULL AND n.examples <> '[]' "
        "RETURN n.qualified_name AS q, n.module AS module, n.system_api AS system_api, n.examples AS examples "
        "ORDER BY q")
    for row in rows:
        if not in_scope.contains(row["q"], row["module"]):
            continue
        examples = json.loads(row["examples"])
        if row["system_api"] and not scope.include_system_api:
            out.found += len(examples)
            out.skipped["system_api"] += len(examples)
            continue
        for example in examples:
            offer(example, [row["q"]], f"graph:{row['q']}")

    for path in _doc_files(docs):
        for line, code in _file_snippets(path):
            apis = _imported_apis(store, code)
            if not apis:
                out.found += 1
                out.skipped["no_known_api"] += 1
                continue
            if not any(in_scope.contains(q, module) for q, module, _ in apis):
                continue
            if any(system for _, _, system in apis) and not scope.include_system_api:
                out.found += 1
                out.skipped["system_api"] += 1
                continue
            offer(code, [q for q, _, _ in apis], f"{path}:{line}")
    return out


def _doc_files(docs: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in docs:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".md", ".ets", ".ts")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"documentation path not found: {path}")
    return files


def _file_snippets(path: Path) -> list[tuple[int, str]]:
    """(line, code) of each fenced ts/ets block of a Markdown file, or the whole of a code file."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix != ".md":
        return [(1, text)]
    return [(text.count("\n", 0, m.start()) + 1, m.group(2)) for m in _DOC_FENCE.finditer(text)]


def _imported_apis(store: GraphStore, code: str) -> list[tuple[str, str, bool]]:
    """(qualified name, module, system_api) of each SDK declaration the snippet imports."""
    found: dict[str, tuple[str, str, bool]] = {}
    for default, named, star, source in _IMPORT.findall(code):
        names = [default or star] if (default or star) else [n.split(" as ")[0].strip() for n in named.split(",")]
        names = [n for n in names if n]
        if not names or not source.startswith("@"):
            continue
        if source.startswith("@kit."):
            rows = store.query(
                f"MATCH (k:{N} {{qualified_name: $kit}})-[:REEXPORTS]->(n:{N}) WHERE n.name IN $names "
                "RETURN n.qualified_name AS q, n.module AS module, n.system_api AS system_api",
                {"kit": source, "names": names})
        else:
            rows = store.query(
                f"MATCH (n:{N}) WHERE n.qualified_name IN $names "
                "RETURN n.qualified_name AS q, n.module AS module, n.system_api AS system_api",
                {"names": [f"{source}/{n}" for n in names]})
        for row in rows:
            found.setdefault(row["q"], (row["q"], row["module"], bool(row["system_api"])))
    return sorted(found.values())
