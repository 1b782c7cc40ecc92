"""API facts from the knowledge graph: what the question prompt lists, which APIs a question
names, and the fine-grained facts (with import lines) the code prompt is grounded on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tasks.kg.store import GraphStore
from tasks.records import ApiEntity, Seed

CONTAINER_KINDS = {"namespace", "class", "struct", "interface", "enum"}
TOP_KINDS = {"module", "kit"}
MAX_MEMBERS = 12
MAX_FACTS = 12
MAX_DESCRIPTION = 300


def _short(text: str, limit: int = MAX_DESCRIPTION) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class FactRetriever:
    """Reads facts from the graph store; memoises import lines and members for one run."""

    store: GraphStore
    _imports: dict[str, str] = field(default_factory=dict)
    _members: dict[str, list[ApiEntity]] = field(default_factory=dict)

    def entity(self, qualified_name: str, fallback: ApiEntity | None = None) -> ApiEntity | None:
        return self.store.entity(qualified_name) or fallback

    def members(self, entity: ApiEntity) -> list[ApiEntity]:
        if entity.qualified_name not in self._members:
            children = self.store.children(entity.qualified_name) if entity.kind in CONTAINER_KINDS else []
            self._members[entity.qualified_name] = [c for c in children if not c.deprecated][:MAX_MEMBERS]
        return self._members[entity.qualified_name]

    def import_line(self, entity: ApiEntity) -> str:
        """``import { X } from '@kit.Y';`` for the exported declaration that contains ``entity``."""
        top = entity
        while top.parent:
            parent = self.store.entity(top.parent)
            if parent is None or parent.kind in TOP_KINDS:
                break
            top = parent
        if top.qualified_name not in self._imports:
            rows = self.store.query(
                "MATCH (k:Api)-[:REEXPORTS]->(e:Api {qualified_name: $q}) RETURN k.qualified_name AS kit",
                {"q": top.qualified_name},
            )
            kits = sorted(str(r["kit"]) for r in rows if str(r["kit"]).startswith("@kit."))
            source = kits[0] if kits else top.module
            self._imports[top.qualified_name] = f"import {{ {top.name} }} from '{source}';"
        return self._imports[top.qualified_name]

    def member_view(self, member: ApiEntity) -> dict[str, Any]:
        return {
            "name": member.name,
            "signature": member.signatures[0] if member.signatures else "",
            "description": _short(member.description, 120),
        }

    def api_view(self, entity: ApiEntity) -> dict[str, Any]:
        return {
            "name": entity.name,
            "kind": entity.kind,
            "description": _short(entity.description),
            "import_line": self.import_line(entity),
            "members": [self.member_view(m) for m in self.members(entity)],
        }

    def fact_view(self, entity: ApiEntity) -> dict[str, Any]:
        return {
            "qualified_name": entity.qualified_name,
            "kind": entity.kind,
            "import_line": self.import_line(entity),
            "signatures": entity.signatures[:4],
            "description": _short(entity.description),
            "params": entity.params,
            "returns_type": entity.returns_type,
            "returns_description": _short(entity.returns_description, 160),
            "throws": entity.throws[:4],
        }

    def seed_candidates(self, seed: Seed) -> list[ApiEntity]:
        """Every entity a question on this seed may name: the seed APIs and their members."""
        known = {f.qualified_name: f for f in seed.facts}
        found: dict[str, ApiEntity] = {}
        for qname in seed.apis:
            api = self.entity(qname, known.get(qname))
            if api is None:
                continue
            found[api.qualified_name] = api
            for member in self.members(api):
                found.setdefault(member.qualified_name, member)
        for fact in seed.facts:
            found.setdefault(fact.qualified_name, fact)
        return list(found.values())

    def grounding(self, entities: list[ApiEntity]) -> list[dict[str, Any]]:
        """Facts for the code prompt: each named entity, preceded by its container (for construction/imports)."""
        ordered: dict[str, ApiEntity] = {}
        for entity in entities:
            if entity.parent and entity.kind not in CONTAINER_KINDS:
                parent = self.store.entity(entity.parent)
                if parent is not None and parent.kind in CONTAINER_KINDS:
                    ordered.setdefault(parent.qualified_name, parent)
            ordered.setdefault(entity.qualified_name, self.entity(entity.qualified_name, entity) or entity)
        return [self.fact_view(e) for e in list(ordered.values())[:MAX_FACTS]]


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text) is not None


def named_apis(question: str, listed: tuple[str, ...], candidates: list[ApiEntity]) -> list[ApiEntity]:
    """Candidates the question names: in the teacher's ``apis`` list (by name, ``Parent.name`` or
    qualified name) or in the question text (member names of 3+ characters)."""
    listed_names = {n.split("/")[-1] for n in listed} | {n.split(".")[-1].rstrip("()") for n in listed}
    chosen: list[ApiEntity] = []
    for entity in candidates:
        dotted = entity.qualified_name.split("/")[-1]
        if entity.name in listed_names or dotted in listed_names or entity.qualified_name in listed:
            chosen.append(entity)
        elif len(entity.name) >= 3 and _mentions(question, entity.name):
            chosen.append(entity)
    return chosen
