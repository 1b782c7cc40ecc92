"""Process environment for third-party libraries, set once before they are imported."""

from __future__ import annotations

import os

from tasks.settings import Settings


def prepare(settings: Settings) -> None:
    """Keep every library offline, quiet and inside the data directory."""
    home = settings.home.resolve()
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no cost-map download at import
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # weights come from local folders only
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("PREFECT_HOME", str(home / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
