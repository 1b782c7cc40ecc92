"""Flow tests share one Prefect test harness (it takes ~15 s to start) and a tiny SDK
made of real declaration files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tasks.settings import DEFAULT_SDK_DIR

# two small containers of one kit: each is a single-API seed, and the kit links them into a multi-API seed
TINY_MODULES = ["@ohos.util.Stack", "@ohos.util.Queue"]
TINY_SDK_FILES = ("api/@ohos.base.d.ts", *(f"api/{module}.d.ts" for module in TINY_MODULES), "kits/@kit.ArkTS.d.ets")


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


@pytest.fixture(scope="session")
def synth_home(tmp_path_factory):
    """A data directory for flow runs, the process environment pointing at it. The local model
    converted once in the session's data directory is reused, not converted again."""
    import os

    from tasks.models import ensure_local_model
    from tasks.settings import Settings

    model = ensure_local_model(Settings())
    home = tmp_path_factory.mktemp("synth-home")
    saved = {name: os.environ.get(name) for name in ("APISYNTH_HOME", "APISYNTH_MODELS__LOCAL_MODEL")}
    os.environ["APISYNTH_HOME"] = str(home)
    os.environ["APISYNTH_MODELS__LOCAL_MODEL"] = str(model.resolve())
    yield home
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def tiny_params(tiny_sdk):
    """The embedded defaults, narrowed: two small modules, one sample, short answers, one benchmark task."""
    from flows.params import SynthParams

    return SynthParams(sdk_dir=tiny_sdk, modules=TINY_MODULES, samples=1, max_tokens=48, eval_tasks=1)
