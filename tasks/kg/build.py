"""Build the API knowledge graph from a directory of SDK declaration files.

The build id is a content hash of the SDK files, the parser's code and the graph
schema: a store that already holds that build id is left as it is (a cached
rebuild takes well under a second), and later stages can key their caches on it."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

from graph_schema import SCHEMA
from tasks.kg import open_store
from tasks.kg.link import link
from tasks.kg.parser import DECLARATION_SUFFIXES, PARSER_VERSION, parse_declarations
from tasks.settings import Settings

_CODE_FILES = ("parser.py", "jsdoc.py", "link.py")
REPORT_FILE = "build_report.{backend}.json"  # the last build's report, per backend

Progress = Callable[[int, int, str], None]  # (files done, files total, current file)


class FileProblem(BaseModel):
    file: str  # relative to the SDK root
    line: int
    reason: str


class BuildReport(BaseModel):
    sdk_dir: str
    backend: str
    build_id: str
    sdk_hash: str
    cached: bool = False  # the store already held this build; nothing was parsed or loaded
    files_parsed: int = 0
    files_skipped: list[FileProblem] = Field(default_factory=list)  # nothing could be read from these
    problems: list[FileProblem] = Field(default_factory=list)  # parsed in part; the rest was kept
    entities_by_kind: dict[str, int] = Field(default_factory=dict)
    relations_by_type: dict[str, int] = Field(default_factory=dict)
    parse_s: float = 0.0
    load_s: float = 0.0
    total_s: float = 0.0

    @property
    def entities(self) -> int:
        return sum(self.entities_by_kind.values())

    @property
    def relations(self) -> int:
        return sum(self.relations_by_type.values())


def declaration_files(sdk_dir: Path) -> list[Path]:
    return sorted(path for path in sdk_dir.rglob("*")
                  if path.name.endswith(DECLARATION_SUFFIXES) and path.is_file())


def sdk_fingerprint(sdk_dir: Path, files: list[Path] | None = None) -> str:
    """Content hash of every declaration file (relative path + bytes) under an SDK directory."""
    digest = hashlib.blake2b(digest_size=16)
    for path in files if files is not None else declaration_files(sdk_dir):
        digest.update(path.relative_to(sdk_dir).as_posix().encode("utf-8") + b"\0")
        try:
            digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
        except OSError as err:
            digest.update(f"unreadable:{err.errno}".encode())
    return digest.hexdigest()


def code_fingerprint() -> str:
    """Hash of the parser's code and the schema: a change to either invalidates every build."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{PARSER_VERSION}:{SCHEMA.fingerprint}".encode())
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _binary_line(data: bytes) -> int | None:
    position = data.find(b"\0")
    return None if position < 0 else data.count(b"\n", 0, position) + 1


def build_graph(settings: Settings, sdk_dir: Path | None = None, progress: Progress | None = None,
                force: bool = False) -> BuildReport:
    """Parse the SDK and load it into the configured store; skipped when the store already has it."""
    started = time.perf_counter()
    sdk = Path(sdk_dir or settings.kg.sdk_dir)
    if not sdk.is_dir():
        raise FileNotFoundError(f"SDK directory not found: {sdk}")
    files = declaration_files(sdk)
    sdk_hash = sdk_fingerprint(sdk, files)
    build_id = f"{sdk_hash[:16]}-{code_fingerprint()}"
    report_path = settings.graph_dir / REPORT_FILE.format(backend=settings.graph_backend)
    with open_store(settings) as store:
        if not force and store.build_id() == build_id:
            report = _previous_report(report_path, build_id) or BuildReport(
                sdk_dir=str(sdk), backend=store.backend, build_id=build_id, sdk_hash=sdk_hash,
                files_parsed=len(files), **_stats(store))
            return report.model_copy(update={"cached": True, "parse_s": 0.0, "load_s": 0.0,
                                             "total_s": round(time.perf_counter() - started, 3)})
        report = BuildReport(sdk_dir=str(sdk), backend=store.backend, build_id=build_id, sdk_hash=sdk_hash)
        parsed_files = []
        for index, path in enumerate(files):
            rel = path.relative_to(sdk).as_posix()
            if progress:
                progress(index, len(files), rel)
            try:
                data = path.read_bytes()
            except OSError as err:
                report.files_skipped.append(FileProblem(file=rel, line=0, reason=f"cannot read: {err.strerror}"))
                continue
            binary_line = _binary_line(data)
            if binary_line is not None:
                report.files_skipped.append(FileProblem(file=rel, line=binary_line,
                                                        reason="binary content (NUL byte), not a declaration file"))
                continue
            parsed = parse_declarations(data, rel)
            report.problems.extend(FileProblem(file=rel, line=p.line, reason=p.reason) for p in parsed.problems)
            parsed_files.append(parsed)
        if progress:
            progress(len(files), len(files), "")
        entities, relations = link(parsed_files)
        report.files_parsed = len(parsed_files)
        report.parse_s = round(time.perf_counter() - started, 3)
        load_started = time.perf_counter()
        store.replace_all(entities, relations, build_id)
        report.load_s = round(time.perf_counter() - load_started, 3)
        report.entities_by_kind = dict(sorted(Counter(e.kind for e in entities).items()))
        report.relations_by_type = {rel: 0 for rel in SCHEMA.relation_types} | dict(Counter(r.type for r in relations))
    report.total_s = round(time.perf_counter() - started, 3)
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return report


def _stats(store) -> dict:
    stats = store.stats()
    return {"entities_by_kind": stats.entities_by_kind, "relations_by_type": stats.relations_by_type}


def _previous_report(path: Path, build_id: str) -> BuildReport | None:
    try:
        report = BuildReport.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return report if report.build_id == build_id else None
