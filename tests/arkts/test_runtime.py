"""The off-device runtime of @kit.ArkTS: bundles each TypeScript test file under
tasks/arkts/runtime/tests/ with esbuild and runs it with `node --test`."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ARKTS = Path(__file__).resolve().parents[2] / "tasks" / "arkts"
RUNTIME = ARKTS / "runtime"
ESBUILD = ARKTS / "node_modules" / ".bin" / "esbuild"
TSC = ARKTS / "node_modules" / "ohos-typescript" / "bin" / "tsc"
TEST_FILES = sorted((RUNTIME / "tests").glob("*.test.ts"))

pytestmark = pytest.mark.skipif(
    not ESBUILD.exists() or shutil.which("node") is None,
    reason="the Node toolchain is not installed (run scripts/setup.sh)",
)


@dataclass
class Outcome:
    name: str
    failure: str | None


def _run_bundle(bundle: Path) -> list[Outcome]:
    proc = subprocess.run(
        ["node", "--test", "--test-reporter=junit", str(bundle)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        root = ET.fromstring(proc.stdout)
    except ET.ParseError as error:
        raise AssertionError(f"{bundle.name}: unreadable test report ({error}):\n{proc.stdout}\n{proc.stderr}")
    outcomes = []
    for case in root.iter("testcase"):
        failure = case.find("failure")
        text = None if failure is None else (failure.get("message") or "") + "\n" + (failure.text or "")
        outcomes.append(Outcome(case.get("name", "?"), text))
    return outcomes


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Outcome]]:
    out = tmp_path_factory.mktemp("runtime-tests")
    subprocess.run(
        [str(ESBUILD), *map(str, TEST_FILES), "--bundle", "--platform=node", "--format=esm",
         f"--outdir={out}", "--out-extension:.js=.mjs", "--log-level=warning"],
        check=True,
        capture_output=True,
        text=True,
    )
    bundles = {path.name.removesuffix(".test.ts"): out / (path.name.removesuffix(".ts") + ".mjs") for path in TEST_FILES}
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(bundles, pool.map(_run_bundle, bundles.values())))
    return runs


@pytest.mark.parametrize("module", [path.name.removesuffix(".test.ts") for path in TEST_FILES])
def test_runtime_module(results: dict[str, list[Outcome]], module: str) -> None:
    outcomes = results[module]
    assert outcomes, f"{module}: no tests ran"
    failures = [f"--- {o.name}\n{o.failure}" for o in outcomes if o.failure is not None]
    assert not failures, f"{module}: {len(failures)} of {len(outcomes)} failed\n" + "\n".join(failures)


def test_runtime_type_checks() -> None:
    """Every runtime source type-checks under strict TypeScript."""
    proc = subprocess.run(
        ["node", str(TSC), "-p", str(RUNTIME / "tsconfig.json")], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
