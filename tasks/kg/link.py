"""Resolve names across parsed files into graph relations.

A name is looked up the way TypeScript would: the enclosing namespaces and the
module first, then the file's imports, then the global declarations of script
files (ArkUI components, global.d.ts). Names that stay unresolved (TypeScript's
own lib types such as Promise, type parameters such as T) give no relation."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from tasks.kg.parser import DECLARATION_SUFFIXES, ParsedFile
from tasks.records import ApiEntity, Relation

_USE_INSTEAD_SPLIT = re.compile(r"[/#.]")


class Linker:
    def __init__(self, files: list[ParsedFile]):
        self.files = {parsed.module: parsed for parsed in files}
        self.entities: dict[str, ApiEntity] = {}
        for parsed in files:
            for qn, entity in parsed.entities.items():
                self.entities.setdefault(qn, entity)
        self.by_path = {}
        for parsed in files:
            for suffix in DECLARATION_SUFFIXES:
                if parsed.path.endswith(suffix):
                    self.by_path[parsed.path[: -len(suffix)]] = parsed.module
        self.globals: dict[str, list[str]] = defaultdict(list)
        for parsed in files:
            if not parsed.has_module_syntax:
                for qn, entity in parsed.entities.items():
                    if entity.parent == parsed.module:
                        self.globals[entity.name].append(qn)

    # --- lookup -------------------------------------------------------------
    def module_of_spec(self, spec: str, importer: ParsedFile) -> str | None:
        if spec.startswith("."):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(importer.path), spec))
            for suffix in DECLARATION_SUFFIXES:
                path = path.removesuffix(suffix)
            return self.by_path.get(path)
        return spec if spec in self.files else None

    def member(self, base: str, name: str) -> str | None:
        qn = f"{base}/{name}" if base in self.files else f"{base}.{name}"
        return qn if qn in self.entities else None

    def exported(self, module: str, name: str | None, seen: frozenset[str] = frozenset()) -> str | None:
        """The entity a module exports under a name (None: its default export; '*': the module)."""
        parsed = self.files.get(module)
        if parsed is None or module in seen:
            return None
        seen = seen | {module}
        if name == "*":
            return module
        if name is None or name == "default":
            local = parsed.default_export
            return self.resolve_in_file(parsed, local, (), seen) if local else None
        local = parsed.exports.get(name, name)
        found = self.resolve_in_file(parsed, local, (), seen)
        if found:
            return found
        for spec in parsed.export_all_from:  # export * from '...'
            target = self.module_of_spec(spec, parsed)
            found = self.exported(target, name, seen) if target else None
            if found:
                return found
        if parsed.default_export:  # members of a default-exported namespace
            default = self.resolve_in_file(parsed, parsed.default_export, (), seen)
            return self.member(default, name) if default else None
        return None

    def resolve_in_file(self, parsed: ParsedFile, name: str, scope: tuple[str, ...],
                        seen: frozenset[str] = frozenset()) -> str | None:
        head, *rest = name.split(".")
        base = None
        for depth in range(len(scope), -1, -1):
            candidate = f"{parsed.module}/{'.'.join(scope[:depth] + (head,))}"
            if candidate in self.entities:
                base = candidate
                break
        if base is None and head in parsed.imports:
            imported = parsed.imports[head]
            target = self.module_of_spec(imported.module_spec, parsed)
            base = self.exported(target, imported.imported, seen) if target else None
        if base is None and len(self.globals.get(head, ())) == 1:
            base = self.globals[head][0]
        for part in rest:
            if base is None:
                return None
            base = self.member(base, part)
        return base

    # --- relations -------------------------------------------------------------
    def relations(self) -> list[Relation]:
        found: dict[tuple[str, str, str], None] = {}

        def link(type_: str, source: str, target: str | None) -> None:
            if target and target != source and source in self.entities:
                found.setdefault((type_, source, target), None)

        for qn, entity in self.entities.items():
            if entity.parent:
                link("CONTAINS", entity.parent, qn)
        for parsed in self.files.values():
            for ref in parsed.type_refs:
                link(ref.relation, ref.source, self.resolve_in_file(parsed, ref.name, ref.scope))
            if parsed.is_kit:
                for alias, local in parsed.exports.items():
                    link("REEXPORTS", parsed.module, self.resolve_in_file(parsed, local, ()))
                for spec in parsed.export_all_from:
                    link("REEXPORTS", parsed.module, self.module_of_spec(spec, parsed))
        suffixes = self._suffix_index()
        for qn, entity in self.entities.items():
            if entity.use_instead:
                link("USE_INSTEAD", qn, self.resolve_use_instead(entity.use_instead, suffixes))
        return [Relation(type=t, source=s, target=d) for t, s, d in found]

    def _suffix_index(self) -> dict[tuple[str, ...], list[str]]:
        index: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for qn, entity in self.entities.items():
            if entity.kind in ("module", "kit"):
                continue
            parts = tuple(qn[len(entity.module) + 1 :].split("."))
            index[parts[-2:]].append(qn)
            index[parts[-1:]].append(qn)
        return index

    def resolve_use_instead(self, text: str, suffixes: dict[tuple[str, ...], list[str]]) -> str | None:
        """'@ohos.util.ArrayList#add', 'AppStorage#clear', 'ohos.fs/fs.open' -> one entity, if unambiguous."""
        words = text.split()
        if not words:
            return None
        tokens = tuple(token for token in _USE_INSTEAD_SPLIT.split(words[0].lstrip("@")) if token)
        for width in (2, 1):
            candidates = suffixes.get(tokens[-width:], []) if len(tokens) >= width else []
            if len(candidates) == 1:
                return candidates[0]
            if candidates:  # prefer the candidate whose module the text names
                named = [qn for qn in candidates if self.entities[qn].module.lstrip("@") in words[0].lstrip("@")]
                if len(named) == 1:
                    return named[0]
        return None


def link(files: list[ParsedFile]) -> tuple[list[ApiEntity], list[Relation]]:
    linker = Linker(files)
    return list(linker.entities.values()), linker.relations()
