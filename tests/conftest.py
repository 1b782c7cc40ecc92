"""Test-session environment: everything offline and inside temporary directories."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_session_dir = Path(tempfile.mkdtemp(prefix="apisynth-tests-"))
os.environ["APISYNTH_HOME"] = str(_session_dir / "home")
os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["PREFECT_HOME"] = str(_session_dir / "prefect")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_RESULTS_LOCAL_STORAGE_PATH"] = str(_session_dir / "prefect-results")
