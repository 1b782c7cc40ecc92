"""The parameters of the synth flow and its stage flows: one typed model.

Everything not named here comes from the settings (environment, ``APISYNTH_*``).
The defaults are the embedded small configuration: the packaged SmolLM2 model as
teacher and student, the APIs of @kit.ArkTS, a handful of samples, answers of at most
256 tokens and three benchmark tasks. It runs offline on one 2-core machine in a few
minutes; a JSON file of these fields (``apisynth synth --config``) scales it up."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from tasks.settings import Settings


class SynthParams(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # what part of the SDK to work on
    sdk_dir: Path | None = Field(None, description="SDK declarations folder; None: settings.kg.sdk_dir")
    kits: list[str] = Field(default_factory=lambda: ["@kit.ArkTS"], description="kits whose APIs seed generation")
    modules: list[str] = Field(default_factory=list, description="modules within the kits; empty: all of them")
    include_system_api: bool = False

    # seeds
    multi_method: Literal["mcts", "random"] = Field("mcts", description="multi-API seed search")

    # generation
    samples: int = Field(2, ge=1, description="verified samples to aim for")
    teacher_model: str | None = Field(None, description="LiteLLM model string; None: settings.llm.model")
    max_tokens: int | None = Field(256, ge=1, description="cap on tokens per generated answer; None: the settings'")
    verify: bool = Field(True, description="type-check and lint every sample with the ArkTS toolchain")

    # evaluation on the ArkTS benchmark
    evaluate: bool = True
    eval_model: str | None = Field(None, description="model under test: LiteLLM model string or local folder; None: the local model")
    eval_tasks: int | None = Field(3, ge=1, description="benchmark tasks, spread over the categories; None: all")
    eval_samples: int = Field(1, ge=1, description="answers per task (n of pass@k)")
    ks: list[int] = Field(default_factory=lambda: [1], description="pass@k values")

    # scale-out: generation and evaluation split into parallel tasks, on threads or a Dask cluster
    shards: int = Field(1, ge=1, description="parallel generation and evaluation tasks (seeds and benchmark tasks split among them)")
    task_runner: Literal["threads", "dask"] = Field("threads", description="where those tasks run")
    dask_address: str | None = Field(None, description="scheduler of a running Dask cluster; None: a local cluster")
    dask_workers: int = Field(2, ge=1, description="worker processes of the local Dask cluster")

    # where GPU work runs: in this process, or on the gpu work pool's deployments
    gpu_pool: bool = Field(False, description="run scoring and evaluation as deployments on the gpu work pool")

    def settings(self, base: Settings | None = None) -> Settings:
        """The settings for this run: the environment's, with these parameters applied."""
        base = base or Settings()
        llm = base.llm
        generate = base.generate
        if self.teacher_model is not None:
            llm = llm.model_copy(update={"model": self.teacher_model})
        if self.max_tokens is not None:
            llm = llm.model_copy(update={"max_tokens": self.max_tokens})
            generate = generate.model_copy(
                update={
                    "question_max_tokens": min(generate.question_max_tokens, self.max_tokens),
                    "code_max_tokens": min(generate.code_max_tokens, self.max_tokens),
                }
            )
        bench = base.bench
        if self.max_tokens is not None:
            bench = bench.model_copy(update={"max_tokens": min(bench.max_tokens, self.max_tokens)})
        generate = generate.model_copy(update={"verify": self.verify})
        kg = base.kg.model_copy(update={"sdk_dir": self.sdk_dir}) if self.sdk_dir else base.kg
        return base.model_copy(update={"llm": llm, "generate": generate, "kg": kg, "bench": bench})
