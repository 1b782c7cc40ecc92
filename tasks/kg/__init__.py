"""The API knowledge graph: SDK declarations parsed into a graph database."""

from __future__ import annotations

from tasks.kg.store import GraphStats, GraphStore, Scope
from tasks.settings import Settings

__all__ = ["GraphStats", "GraphStore", "Scope", "open_store"]


def open_store(settings: Settings, read_only: bool = False) -> GraphStore:
    """The configured graph store: LadybugDB under the data directory, or Neo4j."""
    if settings.graph_backend == "neo4j":
        if not settings.neo4j_uri:
            raise ValueError("the neo4j backend needs NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD)")
        from tasks.kg.neo4j_store import Neo4jStore

        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, password, read_only=read_only)
    from tasks.kg.ladybug_store import LadybugStore

    return LadybugStore(settings.graph_dir, read_only=read_only)
