"""The parser against an independent oracle: the TypeScript compiler API (ohos-typescript)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tasks.kg.parser import _MERGE_RANK, CALLABLE_KINDS
from tasks.settings import DEFAULT_SDK_DIR, TOOLCHAIN_DIR

ORACLE = Path(__file__).with_name("oracle_declarations.js")
TS_LIB = TOOLCHAIN_DIR / "node_modules" / "ohos-typescript" / "lib" / "typescript.js"
COMPARED_KINDS = {"class", "struct", "interface", "enum", "namespace", "method", "property", "constructor", "function"}


def oracle_declarations() -> set[tuple[str, str]]:
    if shutil.which("node") is None or not TS_LIB.exists():
        pytest.skip("the oracle needs node and ohos-typescript (run scripts/setup.sh)")
    out = subprocess.run(["node", str(ORACLE), str(TS_LIB), str(DEFAULT_SDK_DIR)],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    # Declarations sharing a name merge into one entity; the graph keeps the more specific kind.
    kinds: dict[str, str] = {}
    for line in out.splitlines():
        name, kind = json.loads(line)
        old = kinds.get(name)
        if old is None or (old not in CALLABLE_KINDS and _MERGE_RANK.get(kind, -1) > _MERGE_RANK.get(old, -1)):
            kinds[name] = kind
    return set(kinds.items())


def test_parser_agrees_with_the_typescript_compiler(sdk_files):
    oracle = oracle_declarations()
    ours = {(e.qualified_name, e.kind) for parsed in sdk_files for e in parsed.entities.values()
            if e.kind in COMPARED_KINDS}
    missing, extra = sorted(oracle - ours), sorted(ours - oracle)
    agreement = len(oracle & ours) / len(oracle | ours)
    print(f"\nagreement {agreement:.4%} over {len(oracle | ours)} declarations")
    for name, kind in missing:
        print(f"  only in the oracle: {kind} {name}")
    for name, kind in extra:
        print(f"  only in the parser: {kind} {name}")
    assert len(oracle) > 15000
    assert agreement >= 0.99
