"""Process environment for third-party libraries, set once before they are imported."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path

from tasks.settings import Settings


def prepare(settings: Settings) -> None:
    """Keep every library offline, quiet and inside the data directory."""
    home = settings.home.resolve()
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no cost-map download at import
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # weights come from local folders only
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("PREFECT_HOME", str(home / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # task results (small reports) and cache records live in the data directory too
    os.environ.setdefault("PREFECT_RESULTS_LOCAL_STORAGE_PATH", str(home / "prefect" / "results"))
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "true")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)  # prefect warns if it cannot create it


def load_settings() -> Settings:
    """The settings from the environment, with the process environment prepared for them."""
    settings = Settings()
    prepare(settings)
    return settings


def ui_url() -> str | None:
    """The Prefect UI of the server this process talks to (None: an ephemeral server, no UI).
    Read it after ``prepare`` and before anything else imports prefect settings."""
    from prefect.settings import get_current_settings

    return get_current_settings().ui_url


def server_is_up(api_url: str, timeout_s: float = 0.5) -> bool:
    """Whether a Prefect server answers its health check at api_url (asked before prefect is imported)."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout_s) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False
