"""Versioned records that travel between stages (one JSON object per JSONL line).

Bump a record's ``version`` default when its meaning changes; readers reject
versions they do not know instead of guessing."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Param(BaseModel):
    name: str
    type: str = ""
    description: str = ""
    optional: bool = False


class Throw(BaseModel):
    code: str = ""  # e.g. "10200001"; empty when the docs give no code
    type: str = ""  # e.g. "BusinessError"
    description: str = ""


class ApiEntity(BaseModel):
    """One declaration of the SDK: a node of the API knowledge graph.

    Property names here are the graph's property names (see graph_schema/)."""

    version: int = 1
    qualified_name: str  # "<module>/<dotted path>", e.g. "@ohos.util.ArrayList/ArrayList.add"
    kind: str  # one of graph_schema's node kinds
    name: str
    module: str  # e.g. "@ohos.util.ArrayList" or "@kit.ArkTS"
    parent: str | None = None  # qualified name of the containing entity
    signatures: list[str] = Field(default_factory=list)  # all overloads
    description: str = ""
    params: list[Param] = Field(default_factory=list)
    returns_type: str = ""
    returns_description: str = ""
    throws: list[Throw] = Field(default_factory=list)
    since: int | None = None
    deprecated: bool = False
    deprecated_since: int | None = None
    use_instead: str = ""
    syscap: str = ""
    permission: str = ""
    system_api: bool = False
    atomic_service: bool = False
    cross_platform: bool = False
    examples: list[str] = Field(default_factory=list)
    source_file: str = ""  # relative to the SDK root
    line: int = 0


class Relation(BaseModel):
    version: int = 1
    type: str  # one of graph_schema's relation types
    source: str  # qualified names
    target: str


class Seed(BaseModel):
    """Input to question generation: one API (single) or a sampled set from an MCTS path (multi)."""

    version: int = 1
    id: str  # stable content hash
    kind: Literal["single", "multi"]
    apis: list[str]  # qualified names, in path order for multi seeds
    facts: list[ApiEntity]  # the seed APIs and, for single seeds, their members
    score: float  # node uncertainty (single) or path reward (multi)
    provenance: dict[str, object] = Field(default_factory=dict)  # search method, root, path, rng seed, scorer


class Diagnostic(BaseModel):
    file: str
    line: int
    column: int
    code: str  # compiler code (e.g. "TS2339") or linter code
    rule: str = ""  # ArkTS linter rule name when the linter reported it
    message: str
    category: Literal["error", "warning"] = "error"
    source: Literal["typecheck", "lint", "bundle"] = "typecheck"


class TestOutcome(BaseModel):
    suite: str
    name: str
    status: Literal["pass", "fail", "error"]
    message: str = ""
    duration_s: float = 0.0


RunStatus = Literal["pass", "fail", "compile_error", "lint_error", "timeout", "crash", "unsupported"]


class RunResult(BaseModel):
    """The ArkTS runner's verdict on one candidate (static only, or static + tests)."""

    version: int = 1
    candidate_id: str
    status: RunStatus
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    tests: list[TestOutcome] = Field(default_factory=list)
    message: str = ""  # why it crashed / timed out / is unsupported
    static_s: float = 0.0
    dynamic_s: float = 0.0


class Sample(BaseModel):
    """One synthesized instruction-tuning example."""

    version: int = 1
    id: str  # stable content hash
    question: str
    code: str
    api_nodes: list[str]  # qualified names the question was grounded on
    seed_id: str
    seed_kind: Literal["single", "multi", "oss_instruct"]
    teacher_model: str
    template_version: str
    validation: RunResult | None = None
    provenance: dict[str, str] = Field(default_factory=dict)  # prompt/response hashes
