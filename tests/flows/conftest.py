"""Flow tests share one Prefect test harness (it takes ~15 s to start) and a tiny SDK
made of real declaration files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tasks.settings import DEFAULT_SDK_DIR

TINY_SDK_FILES = ("api/@ohos.base.d.ts", "api/@ohos.util.ArrayList.d.ts", "kits/@kit.ArkTS.d.ets")


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def tiny_sdk(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sdk")
    for relative in TINY_SDK_FILES:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEFAULT_SDK_DIR / "dist" / relative, target)
    return root
