"""The GraphStore operations whose Cypher is the same on LadybugDB and Neo4j.

A backend supplies ``_run`` (execute one parameterised statement, rows as dicts)
and ``replace_all`` (bulk load); everything else is written once here. Property
and relation names that appear in Cypher text come from graph_schema only; all
values travel as parameters."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph_schema import SCHEMA
from tasks.kg.store import GraphStats, GraphStore, Scope
from tasks.records import ApiEntity

JSON_LIST_PROPERTIES = ("signatures", "params", "throws", "examples")
_RETURN_ENTITY = ", ".join(f"n.{name} AS {name}" for name in SCHEMA.properties)
N = SCHEMA.node_table
META = SCHEMA.meta_table


def entity_to_row(entity: ApiEntity) -> dict[str, Any]:
    """An entity as graph properties: scalar values, lists as JSON text."""
    data = entity.model_dump(include=set(SCHEMA.properties))
    for name in JSON_LIST_PROPERTIES:
        data[name] = json.dumps(data[name], ensure_ascii=False)
    data["parent"] = data["parent"] or ""
    return data


def row_to_entity(row: Mapping[str, Any]) -> ApiEntity:
    data = {name: value for name, value in row.items() if value is not None}
    for name in JSON_LIST_PROPERTIES:
        if name in data:
            data[name] = json.loads(data[name])
    data["parent"] = data.get("parent") or None
    return ApiEntity.model_validate(data)


def check_property(name: str) -> str:
    if name not in SCHEMA.all_properties:
        raise ValueError(f"unknown node property {name!r}; graph_schema/schema.yaml declares {sorted(SCHEMA.all_properties)}")
    return name


def check_relations(types: Sequence[str]) -> list[str]:
    unknown = [t for t in types if t not in SCHEMA.relation_types]
    if unknown:
        raise ValueError(f"unknown relation types {unknown}; graph_schema/schema.yaml declares {sorted(SCHEMA.relation_types)}")
    return list(types)


class CypherGraphStore(GraphStore):
    def _run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run(cypher, params)

    # --- writing -------------------------------------------------------------
    def write_property(self, name: str, values: Mapping[str, float | str | None]) -> None:
        prop = check_property(name)
        if prop in SCHEMA.properties:
            raise ValueError(f"{prop!r} is an entity fact set by the build; only score properties can be written")
        expected = SCHEMA.score_properties[prop]
        rows, cleared = [], []
        for qualified_name, value in values.items():
            if value is None:
                cleared.append(qualified_name)
                continue
            if expected == "DOUBLE":
                value = float(value)
            elif not isinstance(value, str):
                raise TypeError(f"property {prop!r} holds STRING, got {type(value).__name__} for {qualified_name!r}")
            rows.append({"q": qualified_name, "v": value})
        for start in range(0, len(rows), 5000):
            self._run(f"UNWIND $rows AS r MATCH (n:{N} {{qualified_name: r.q}}) SET n.{prop} = r.v",
                      {"rows": rows[start : start + 5000]})
        for start in range(0, len(cleared), 5000):
            self._run(f"UNWIND $names AS q MATCH (n:{N} {{qualified_name: q}}) SET n.{prop} = NULL",
                      {"names": cleared[start : start + 5000]})

    # --- reading -------------------------------------------------------------
    def build_id(self) -> str | None:
        rows = self._run(f"MATCH (m:{META} {{key: $key}}) RETURN m.value AS value", {"key": "build_id"})
        return rows[0]["value"] if rows else None

    def stats(self) -> GraphStats:
        kinds = self._run(f"MATCH (n:{N}) RETURN n.kind AS kind, count(*) AS count")
        relations = {}
        for rel in SCHEMA.relation_types:
            relations[rel] = int(self._run(f"MATCH (:{N})-[r:{rel}]->(:{N}) RETURN count(r) AS count")[0]["count"])
        return GraphStats(
            build_id=self.build_id() or "",
            entities_by_kind={row["kind"]: int(row["count"]) for row in sorted(kinds, key=lambda r: r["kind"])},
            relations_by_type=relations,
        )

    def entity(self, qualified_name: str) -> ApiEntity | None:
        found = self.entities([qualified_name])
        return found[0] if found else None

    def entities(self, qualified_names: Iterable[str]) -> list[ApiEntity]:
        names = list(qualified_names)
        rows = self._run(f"MATCH (n:{N}) WHERE n.qualified_name IN $names RETURN {_RETURN_ENTITY}", {"names": names})
        by_name = {row["qualified_name"]: row_to_entity(row) for row in rows}
        return [by_name[name] for name in names if name in by_name]

    def children(self, qualified_name: str) -> list[ApiEntity]:
        rows = self._run(
            f"MATCH (p:{N} {{qualified_name: $q}})-[:CONTAINS]->(n:{N}) RETURN {_RETURN_ENTITY} "
            "ORDER BY n.line, n.qualified_name", {"q": qualified_name})
        return [row_to_entity(row) for row in rows]

    def non_leaf_nodes(self, scope: Scope = Scope()) -> list[str]:
        conditions = ["n.kind IN $kinds"]
        params: dict[str, Any] = {"kinds": list(SCHEMA.container_kinds)}
        if not scope.include_system_api:
            conditions.append("n.system_api = false")
        if scope.modules:
            conditions.append("n.module IN $modules")
            params["modules"] = list(scope.modules)
        rows = self._run(
            f"MATCH (n:{N})-[:CONTAINS]->(:{N}) WHERE {' AND '.join(conditions)} "
            "RETURN DISTINCT n.qualified_name AS name ORDER BY name", params)
        names = [row["name"] for row in rows]
        if scope.kits:
            roots = self.reexported(scope.kits)
            names = [name for name in names if _within(name, roots)]
        return names

    def reexported(self, kits: Sequence[str]) -> list[str]:
        """Qualified names that the given kits re-export."""
        rows = self._run(f"MATCH (k:{N})-[:REEXPORTS]->(n:{N}) WHERE k.qualified_name IN $kits "
                         "RETURN DISTINCT n.qualified_name AS name ORDER BY name", {"kits": list(kits)})
        return [row["name"] for row in rows]

    def neighbours(self, qualified_name: str, relation_types: Sequence[str] | None = None) -> list[str]:
        types = check_relations(relation_types if relation_types is not None else SCHEMA.semantic_relations)
        if not types:
            return []
        rows = self._run(
            f"MATCH (a:{N} {{qualified_name: $q}})-[:{'|'.join(types)}]-(b:{N}) "
            "RETURN DISTINCT b.qualified_name AS name ORDER BY name", {"q": qualified_name})
        return [row["name"] for row in rows]

    def read_property(self, name: str, qualified_names: Iterable[str] | None = None) -> dict[str, Any]:
        prop = check_property(name)
        if qualified_names is None:
            rows = self._run(f"MATCH (n:{N}) WHERE n.{prop} IS NOT NULL RETURN n.qualified_name AS q, n.{prop} AS v")
        else:
            rows = self._run(f"MATCH (n:{N}) WHERE n.qualified_name IN $names AND n.{prop} IS NOT NULL "
                             f"RETURN n.qualified_name AS q, n.{prop} AS v", {"names": list(qualified_names)})
        return {row["q"]: row["v"] for row in rows}


def _within(name: str, roots: Sequence[str]) -> bool:
    return any(name == root or name.startswith(root + ".") or name.startswith(root + "/") for root in roots)
