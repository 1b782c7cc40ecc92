"""Shared fixtures: the real SDK is parsed and built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tasks.kg.build import build_graph
from tasks.kg.link import link
from tasks.kg.parser import parse_declarations
from tasks.settings import DEFAULT_SDK_DIR, Settings

SMALL_SDK = {
    "api/@ohos.base.d.ts": """
export interface BusinessError extends Error { code: number; }
export interface Callback<T> { (data: T): void; }
""",
    "api/@ohos.demo.d.ts": """
import { BusinessError, Callback } from './@ohos.base';
/**
 * Demo utilities (old text).
 * @since 8
 */
/**
 * Demo utilities.
 * @syscap SystemCapability.Demo
 * @since 12
 */
declare namespace demo {
  /**
   * A box of values.
   * @since 12
   */
  class Box {
    /**
     * Puts a value.
     * @param { string } value - the value to put
     * @returns { boolean } true when stored
     * @throws { BusinessError } 10200001 - The value is out of range.
     * @since 12
     */
    put(value: string): boolean;
    /**
     * Puts a value with a callback.
     * @param { string } value - the value to put
     * @param { Callback<Box> } callback - called when stored
     * @since 12
     */
    put(value: string, callback: Callback<Box>): void;
    /**
     * Old size.
     * @deprecated since 10
     * @useinstead demo.Box#count
     * @since 8
     */
    size(): number;
    /** @since 10 */
    count(): number;
    'it\\'s "quoted"': number;
    'back`tick` ${x}': string;
    $dollar: string;
    中文名: string;
  }
  /**
   * Hidden.
   * @systemapi
   * @since 12
   */
  interface Secret { key: string; }
  enum Color { RED = 0, GREEN = 1 }
  function make(error: BusinessError): Box;
}
export default demo;
""",
    "kits/@kit.DemoKit.d.ets": """
/**
 * @file
 * @kit DemoKit
 */
import demo from '@ohos.demo';
import { Callback } from '@ohos.base';
export { demo, Callback };
""",
}


def write_sdk(root: Path, files: dict[str, str] = SMALL_SDK) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def settings_for(home: Path, backend: str = "ladybug") -> Settings:
    settings = Settings(home=home)
    return settings.model_copy(update={"kg": settings.kg.model_copy(update={"backend": backend})})


BACKENDS = [
    "ladybug",
    pytest.param("neo4j", marks=[pytest.mark.neo4j, pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"), reason="Neo4j contract tests need NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD)")]),
]


@pytest.fixture(scope="session")
def sdk_files():
    """Every declaration file of the default SDK, parsed once."""
    if not DEFAULT_SDK_DIR.is_dir():
        pytest.skip(f"default SDK not installed at {DEFAULT_SDK_DIR} (run scripts/setup.sh)")
    files = sorted(p for p in DEFAULT_SDK_DIR.rglob("*") if p.name.endswith((".d.ts", ".d.ets")))
    return [parse_declarations(p.read_bytes(), p.relative_to(DEFAULT_SDK_DIR).as_posix()) for p in files]


@pytest.fixture(scope="session")
def sdk_linked(sdk_files):
    return link(sdk_files)


@pytest.fixture(scope="session")
def sdk_graph(tmp_path_factory, sdk_files):
    """The default SDK built into a LadybugDB graph once; (settings, report)."""
    settings = settings_for(tmp_path_factory.mktemp("kg-home"))
    return settings, build_graph(settings)
