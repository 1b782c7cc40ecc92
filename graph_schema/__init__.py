"""The graph's shape, loaded from schema.yaml, and the Cypher rendered from it.

``SCHEMA`` is what code reads; ``ladybug_ddl()`` / ``neo4j_ddl()`` return the
statements of the checked-in .cypher files. ``python -m graph_schema`` re-renders
those files after schema.yaml changes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

SCHEMA_DIR = Path(__file__).resolve().parent
SCHEMA_FILE = SCHEMA_DIR / "schema.yaml"
LADYBUG_DDL_FILE = SCHEMA_DIR / "ladybug.cypher"
NEO4J_DDL_FILE = SCHEMA_DIR / "neo4j.cypher"

PROPERTY_TYPES = ("STRING", "INT64", "DOUBLE", "BOOLEAN")


@dataclass(frozen=True)
class RelationType:
    name: str
    semantic: bool  # semantic relations are followed by neighbours()
    description: str


@dataclass(frozen=True)
class GraphSchema:
    version: int
    node_table: str
    primary_key: str
    node_kinds: dict[str, str]
    container_kinds: tuple[str, ...]
    properties: dict[str, str]  # entity facts, loaded by the build
    score_properties: dict[str, str]  # written later by other stages
    relation_types: dict[str, RelationType]
    meta_table: str
    fingerprint: str  # hash of schema.yaml; part of every build id

    @property
    def all_properties(self) -> dict[str, str]:
        return {**self.properties, **self.score_properties}

    @property
    def semantic_relations(self) -> tuple[str, ...]:
        return tuple(name for name, rel in self.relation_types.items() if rel.semantic)

    def kind_label(self, kind: str) -> str:
        """The Neo4j label for a kind: enum_member -> EnumMember."""
        return "".join(part.capitalize() for part in kind.split("_"))


def load_schema(path: Path = SCHEMA_FILE) -> GraphSchema:
    raw_text = path.read_bytes()
    raw = yaml.safe_load(raw_text)
    properties = dict(raw["properties"])
    score_properties = dict(raw["score_properties"])
    for name, type_ in {**properties, **score_properties}.items():
        if type_ not in PROPERTY_TYPES:
            raise ValueError(f"{path}: property {name!r} has unknown type {type_!r}")
    kinds = dict(raw["node_kinds"])
    unknown = set(raw["container_kinds"]) - set(kinds)
    if unknown:
        raise ValueError(f"{path}: container_kinds not in node_kinds: {sorted(unknown)}")
    return GraphSchema(
        version=int(raw["version"]),
        node_table=raw["node_table"],
        primary_key=raw["primary_key"],
        node_kinds=kinds,
        container_kinds=tuple(raw["container_kinds"]),
        properties=properties,
        score_properties=score_properties,
        relation_types={
            name: RelationType(name, bool(spec["semantic"]), spec["description"])
            for name, spec in raw["relation_types"].items()
        },
        meta_table=raw["meta_table"],
        fingerprint=hashlib.sha256(raw_text).hexdigest()[:16],
    )


SCHEMA = load_schema()


def render_ladybug_ddl(schema: GraphSchema = SCHEMA) -> str:
    columns = ",\n".join(f"    {name} {type_}" for name, type_ in schema.all_properties.items())
    lines = [
        "// Rendered from schema.yaml by `python -m graph_schema`; do not edit by hand.",
        f"CREATE NODE TABLE IF NOT EXISTS {schema.node_table}(\n{columns},\n"
        f"    PRIMARY KEY({schema.primary_key})\n);",
    ]
    lines += [f"CREATE REL TABLE IF NOT EXISTS {name}(FROM {schema.node_table} TO {schema.node_table});"
              for name in schema.relation_types]
    lines.append(f"CREATE NODE TABLE IF NOT EXISTS {schema.meta_table}(key STRING, value STRING, PRIMARY KEY(key));")
    return "\n".join(lines) + "\n"


def render_neo4j_ddl(schema: GraphSchema = SCHEMA) -> str:
    table = schema.node_table
    lines = [
        "// Rendered from schema.yaml by `python -m graph_schema`; do not edit by hand.",
        f"CREATE CONSTRAINT {table.lower()}_{schema.primary_key} IF NOT EXISTS "
        f"FOR (n:{table}) REQUIRE n.{schema.primary_key} IS UNIQUE;",
    ]
    lines += [f"CREATE INDEX {table.lower()}_{prop} IF NOT EXISTS FOR (n:{table}) ON (n.{prop});"
              for prop in ("kind", "module", "name")]
    lines.append(f"CREATE CONSTRAINT {schema.meta_table.lower()}_key IF NOT EXISTS "
                 f"FOR (n:{schema.meta_table}) REQUIRE n.key IS UNIQUE;")
    return "\n".join(lines) + "\n"


def _statements(text: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [stmt.strip() for stmt in body.split(";") if stmt.strip()]


def ladybug_ddl() -> list[str]:
    return _statements(LADYBUG_DDL_FILE.read_text(encoding="utf-8"))


def neo4j_ddl() -> list[str]:
    return _statements(NEO4J_DDL_FILE.read_text(encoding="utf-8"))
