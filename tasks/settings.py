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


class ModelSettings(BaseModel):
    """Local Hugging Face models (scoring, the embedded teacher, evaluation)."""

    local_model: Path | None = None  # any local model folder; default: SmolLM2-135M-Instruct, converted once
    device: Literal["auto", "cpu", "cuda"] = "auto"


class ScoringSettings(BaseModel):
    """Uncertainty estimation: how surprised a model is that a member belongs to its API."""

    # local: exact log-probs from the local model (models.local_model or SmolLM2);
    # litellm: exact log-probs from an OpenAI-compatible text-completion endpoint (echo + logprobs);
    # verbalised: the model states a probability (an approximation, for providers without log-probs)
    method: Literal["local", "litellm", "verbalised"] = "local"
    model: str | None = None  # LiteLLM model string for litellm/verbalised; None: llm.model
    api_base: str | None = None  # None: llm.api_base
    batch_size: int = Field(64, ge=1)  # member continuations per forward pass
    max_description_chars: int = Field(300, ge=0)  # of the parent's description in the prompt
    torch_threads: int = Field(0, ge=0)  # 0: torch's default
    write_batch_nodes: int = Field(16, ge=1)  # nodes per graph write (scores survive a crash)
    rescore: bool = False  # score again even where this scorer already did


class SeedSettings(BaseModel):
    """Single-API seeds and multi-API seeds by uncertainty-guided MCTS."""

    aggregate: Literal["mean", "sum"] = "mean"  # node uncertainty the seeds use (README: why mean)
    kits: tuple[str, ...] = ()  # default scope; empty: the whole graph
    modules: tuple[str, ...] = ()
    rng_seed: int = 0
    exploration: float = Field(1.4, ge=0)  # UCB1 constant c
    iterations: int = Field(100, ge=1)  # MCTS iterations (and random paths) per root
    rollout_depth: int = Field(3, ge=0)  # random steps after the expanded node
    top_paths: int = Field(5, ge=1)  # best paths kept per root
    sample_min: int = Field(2, ge=1)  # APIs drawn from each kept path
    sample_max: int = Field(3, ge=1)
    # graph_schema/mcts_neighbours.yaml defines each relation
    neighbour_relations: tuple[Literal["sibling", "uses_type", "kit", "extends"], ...] = (
        "sibling",
        "uses_type",
        "kit",
        "extends",
    )


class LlmSettings(BaseModel):
    """Teacher-model calls through LiteLLM. Provider keys (DEEPSEEK_API_KEY, OPENAI_API_KEY, ...)
    are read by LiteLLM from the environment; ``api_key`` overrides them and is never logged."""

    model: str = "local/smollm2"  # any LiteLLM model string; local/smollm2 runs in-process
    api_base: str | None = None  # e.g. an OpenAI-compatible server for hosted_vllm/...
    api_key: SecretStr | None = None
    concurrency: int = Field(8, ge=1)
    timeout_s: float = Field(300.0, gt=0)  # per call, including the wait for a local model
    max_retries: int = Field(4, ge=0)
    backoff_base_s: float = Field(1.0, ge=0)
    backoff_max_s: float = Field(60.0, ge=0)
    max_requests: int | None = Field(None, ge=0)  # global budget of uncached calls per run
    max_cost_usd: float | None = Field(None, ge=0)
    temperature: float = Field(0.0, ge=0)  # 0: greedy
    seed: int = 0
    max_tokens: int = Field(512, ge=1)


class GenerateSettings(BaseModel):
    """Question and code synthesis."""

    questions_per_multi_seed: int = Field(3, ge=1)
    question_max_tokens: int = Field(256, ge=1)
    code_max_tokens: int = Field(768, ge=1)
    retry_malformed: bool = True  # ask once more when the output cannot be parsed
    retry_temperature: float = Field(0.7, ge=0)  # that second attempt samples (with another seed) to differ
    repair_rounds: int = Field(1, ge=0)  # checker diagnostics fed back to the teacher
    verify: bool = True  # type-check and lint every sample with the ArkTS toolchain
    max_attempts_factor: float = Field(3.0, ge=1)  # replacement generations stop at n * factor seeds tried
    mix_single: int = Field(4, ge=0)  # export ratio single:multi (the paper: 4:1)
    mix_multi: int = Field(1, ge=0)
    # start the code answer for the model (fence, import lines, "export function"): auto = local models only
    prefill: Literal["auto", "on", "off"] = "auto"


class DedupSettings(BaseModel):
    """Near-duplicate removal by normalised Levenshtein similarity (0..1)."""

    question_threshold: float = Field(0.85, ge=0, le=1)
    code_threshold: float = Field(0.85, ge=0, le=1)
    benchmark_paths: tuple[Path, ...] = ()  # empty: benchmark/arkts/*.jsonl
    workers: int = -1  # rapidfuzz workers; -1 = all cores


class ArktsSettings(BaseModel):
    """ArkTS runner: static checks and sandboxed hypium test runs."""

    toolchain_dir: Path = TOOLCHAIN_DIR  # package.json + node_modules + harness/
    sdk_dir: Path = DEFAULT_SDK_DIR  # @arkts/declarations package (its dist/ holds the SDK)
    runtime_dir: Path = TOOLCHAIN_DIR / "runtime"  # off-device runtime modules (<specifier>.ts)
    node: str = "node"
    timeout_s: float = 10.0  # wall clock per test run
    memory_mb: int = 1024  # per test run: V8 heap and address-space limit
    static_timeout_s: float = 600.0  # one static program over many candidates
    sandbox: Literal["process", "docker"] = "process"
    workers: int = 0  # concurrent test runs; 0 = one per CPU core
    docker_image: str = "apisynth/arkts-runner:latest"  # must hold node and this toolchain at /opt/arkts
    docker_cpus: float = 1.0


class BenchSettings(BaseModel):
    """The executable ArkTS benchmark and model evaluation on it (pass@k)."""

    tasks_path: Path = PROJECT_ROOT / "benchmark" / "arkts" / "tasks.jsonl"
    prompt_template: Path = PROJECT_ROOT / "tasks" / "bench" / "prompt.md"
    temperature: float = Field(0.8, ge=0)  # used when n > 1; a single sample is greedy
    max_tokens: int = Field(1024, ge=1)


class OrchestrationSettings(BaseModel):
    """Prefect server, deployments and the stand-alone Neo4j container."""

    server_host: str = "127.0.0.1"  # apisynth server binds here (loopback: no exposure by default)
    server_port: int = Field(4200, ge=1, le=65535)
    schedule_cron: str = "0 2 * * *"  # nightly synth/full
    llm_concurrency: int = Field(1, ge=1)  # LLM-calling tasks at once across all runs (tag "llm")
    neo4j_image: str = "neo4j:5"
    neo4j_container: str = "apisynth-neo4j"
    neo4j_volume: str = "apisynth-neo4j-data"
    neo4j_bolt_port: int = Field(7687, ge=1, le=65535)
    neo4j_http_port: int = Field(7474, ge=1, le=65535)
    neo4j_start_timeout_s: float = Field(120.0, gt=0)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="APISYNTH_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    home: Path = Field(default=Path(".apisynth"))
    kg: KgSettings = KgSettings()
    models: ModelSettings = ModelSettings()
    scoring: ScoringSettings = ScoringSettings()
    seeds: SeedSettings = SeedSettings()
    llm: LlmSettings = LlmSettings()
    generate: GenerateSettings = GenerateSettings()
    dedup: DedupSettings = DedupSettings()
    arkts: ArktsSettings = ArktsSettings()
    bench: BenchSettings = BenchSettings()
    orchestration: OrchestrationSettings = OrchestrationSettings()

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
