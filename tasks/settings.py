"""The one settings object. Environment variables use the prefix ``APISYNTH_``;
nested sections use ``__`` (e.g. ``APISYNTH_KG__BACKEND=neo4j``). Stage code never
reads the environment itself: it receives these objects."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TOOLCHAIN_DIR = PROJECT_ROOT / "tasks" / "arkts"
DEFAULT_SDK_DIR = TOOLCHAIN_DIR / "node_modules" / "@arkts" / "declarations"


class KgSettings(BaseModel):
    """Knowledge-graph build and store."""

    sdk_dir: Path = DEFAULT_SDK_DIR
    backend: Literal["auto", "ladybug", "neo4j"] = "auto"  # auto: neo4j when NEO4J_URI is set
    include_system_api: bool = False  # stage defaults leave @systemapi entities out


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="APISYNTH_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    home: Path = Field(default=Path(".apisynth"))
    kg: KgSettings = KgSettings()

    neo4j_uri: str | None = Field(None, validation_alias=AliasChoices("NEO4J_URI", "APISYNTH_NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "APISYNTH_NEO4J_USER"))
    neo4j_password: SecretStr | None = Field(
        None, validation_alias=AliasChoices("NEO4J_PASSWORD", "APISYNTH_NEO4J_PASSWORD")
    )

    @property
    def graph_backend(self) -> Literal["ladybug", "neo4j"]:
        if self.kg.backend != "auto":
            return self.kg.backend
        return "neo4j" if self.neo4j_uri else "ladybug"

    # One data directory holds everything a run produces or caches.
    @property
    def graph_dir(self) -> Path:
        return self.home / "graph"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def runs_dir(self) -> Path:
        return self.home / "runs"
