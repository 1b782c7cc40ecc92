"""LadybugDB backend: an embedded on-disk graph under the data directory.

Bulk loading writes the entities and relations to CSV files and loads them with
COPY FROM, which is far faster than row-by-row CREATE."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import ladybug

from graph_schema import SCHEMA, ladybug_ddl
from tasks.kg.cypher_store import META, N, CypherGraphStore, entity_to_row
from tasks.records import ApiEntity, Relation

DATABASE_FILE = "apis.lbug"


class LadybugStore(CypherGraphStore):
    backend = "ladybug"

    def __init__(self, graph_dir: Path, read_only: bool = False):
        path = Path(graph_dir) / DATABASE_FILE
        if read_only and not path.exists():
            raise FileNotFoundError(f"no knowledge graph at {path}; build it first (apisynth kg build)")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.read_only = read_only
        self._db = ladybug.Database(str(path), read_only=read_only)
        self._conn = ladybug.Connection(self._db)
        if not read_only:
            self._create_schema()

    def _create_schema(self) -> None:
        for statement in ladybug_ddl():
            self._conn.execute(statement)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def _run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._conn.execute(cypher, dict(params or {}))
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(columns, result.get_next())))
        result.close()
        return rows

    def replace_all(self, entities: Sequence[ApiEntity], relations: Sequence[Relation], build_id: str) -> None:
        # Dropping and re-creating the tables is the fastest way to empty them; the
        # build id goes in last, so an interrupted load never looks complete.
        for rel in SCHEMA.relation_types:
            self._conn.execute(f"DROP TABLE IF EXISTS {rel}")
        self._conn.execute(f"DROP TABLE IF EXISTS {N}")
        self._conn.execute(f"DROP TABLE IF EXISTS {META}")
        self._create_schema()
        columns = list(SCHEMA.properties)
        with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
            nodes_csv = Path(tmp) / "nodes.csv"
            _write_csv(nodes_csv, columns, ([_csv_value(row[c]) for c in columns]
                                            for row in map(entity_to_row, entities)))
            self._conn.execute(f"COPY {N}({', '.join(columns)}) FROM '{nodes_csv.as_posix()}' "
                               "(HEADER=true, PARALLEL=false)")
            for rel in SCHEMA.relation_types:
                pairs = [(r.source, r.target) for r in relations if r.type == rel]
                if not pairs:
                    continue
                rel_csv = Path(tmp) / f"{rel}.csv"
                _write_csv(rel_csv, ["from", "to"], pairs)
                self._conn.execute(f"COPY {rel} FROM '{rel_csv.as_posix()}' (HEADER=true, PARALLEL=false)")
        self._conn.execute(f"MERGE (m:{META} {{key: $key}}) SET m.value = $value", {"key": "build_id", "value": build_id})


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
