"""The graph store: one small interface, two backends (LadybugDB embedded, Neo4j).

Later stages use only this interface (and ``query`` for read-only Cypher that is
the same on both backends). All Cypher is parameterised."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tasks.records import ApiEntity, Relation


@dataclass(frozen=True)
class Scope:
    """Which part of the graph a stage works on."""

    kits: tuple[str, ...] = ()  # e.g. ("@kit.ArkTS",): entities re-exported by these kits (and their members)
    modules: tuple[str, ...] = ()  # e.g. ("@ohos.util.ArrayList",)
    include_system_api: bool = False


@dataclass
class GraphStats:
    build_id: str
    entities_by_kind: dict[str, int] = field(default_factory=dict)
    relations_by_type: dict[str, int] = field(default_factory=dict)


class GraphStore(ABC):
    """A knowledge-graph database holding ApiEntity nodes and Relation edges."""

    backend: str

    # --- lifecycle -------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------
    @abstractmethod
    def replace_all(self, entities: Sequence[ApiEntity], relations: Sequence[Relation], build_id: str) -> None:
        """Make the graph exactly these entities and relations (idempotent), tagged with build_id."""

    @abstractmethod
    def write_property(self, name: str, values: Mapping[str, float | str | None]) -> None:
        """Set a scalar node property (declared in graph_schema) for each qualified name, in one batch."""

    # --- reading ---------------------------------------------------------
    @abstractmethod
    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run parameterised read-only Cypher; rows as dicts keyed by the RETURN aliases."""

    @abstractmethod
    def build_id(self) -> str | None:
        """Identifier of the graph's content (None when the graph is empty)."""

    @abstractmethod
    def stats(self) -> GraphStats: ...

    @abstractmethod
    def entity(self, qualified_name: str) -> ApiEntity | None:
        """A node's full API facts."""

    @abstractmethod
    def entities(self, qualified_names: Iterable[str]) -> list[ApiEntity]: ...

    @abstractmethod
    def children(self, qualified_name: str) -> list[ApiEntity]:
        """Direct members (containment) of a node."""

    @abstractmethod
    def non_leaf_nodes(self, scope: Scope = Scope()) -> list[str]:
        """Qualified names of namespaces/classes/interfaces/enums that have members, within scope."""

    @abstractmethod
    def neighbours(self, qualified_name: str, relation_types: Sequence[str] | None = None) -> list[str]:
        """Qualified names linked to a node through the given (default: semantic) relations."""

    @abstractmethod
    def read_property(self, name: str, qualified_names: Iterable[str] | None = None) -> dict[str, Any]:
        """A scalar node property by qualified name (all nodes that have it when names is None)."""
