"""Neo4j backend through the official driver (used when NEO4J_URI is set).

Nodes carry the `Api` label plus their kind as a second label (e.g. `Method`)
so Neo4j Browser shows them readably; queries only use `Api`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import neo4j

from graph_schema import SCHEMA, neo4j_ddl
from tasks.kg.cypher_store import META, N, CypherGraphStore, entity_to_row
from tasks.records import ApiEntity, Relation

BATCH = 5000


class Neo4jStore(CypherGraphStore):
    backend = "neo4j"

    def __init__(self, uri: str, user: str, password: str, read_only: bool = False):
        self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        self._driver.verify_connectivity()
        self.read_only = read_only
        if not read_only:
            for statement in neo4j_ddl():
                self._driver.execute_query(statement)

    def close(self) -> None:
        self._driver.close()

    def _run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        routing = neo4j.RoutingControl.READ if self.read_only else neo4j.RoutingControl.WRITE
        records, _, _ = self._driver.execute_query(cypher, dict(params or {}), routing_=routing)
        return [record.data() for record in records]

    def replace_all(self, entities: Sequence[ApiEntity], relations: Sequence[Relation], build_id: str) -> None:
        self._run(f"MATCH (m:{META}) DELETE m")
        while self._run(f"MATCH (n:{N}) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted",
                        {"limit": BATCH})[0]["deleted"]:
            pass
        rows = [entity_to_row(entity) for entity in entities]
        for start in range(0, len(rows), BATCH):
            self._run(f"UNWIND $rows AS row CREATE (n:{N}) SET n = row", {"rows": rows[start : start + BATCH]})
        for kind in SCHEMA.node_kinds:
            self._run(f"MATCH (n:{N} {{kind: $kind}}) SET n:{SCHEMA.kind_label(kind)}", {"kind": kind})
        for rel in SCHEMA.relation_types:
            pairs = [{"s": r.source, "t": r.target} for r in relations if r.type == rel]
            for start in range(0, len(pairs), BATCH):
                self._run(f"UNWIND $rows AS r MATCH (a:{N} {{qualified_name: r.s}}), (b:{N} {{qualified_name: r.t}}) "
                          f"CREATE (a)-[:{rel}]->(b)", {"rows": pairs[start : start + BATCH]})
        self._run(f"MERGE (m:{META} {{key: $key}}) SET m.value = $value", {"key": "build_id", "value": build_id})
