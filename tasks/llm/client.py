"""The one way to call a model: LiteLLM, with bounded concurrency, per-call timeouts,
retries with exponential back-off and jitter, a request/cost budget, token and cost
accounting, and a persistent response cache."""

from __future__ import annotations

import asyncio
import logging
import random
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import litellm
from pydantic import BaseModel, Field

from tasks.llm.cache import CachedResponse, ResponseCache, cache_key
from tasks.llm.local import PROVIDER as LOCAL_PROVIDER
from tasks.llm.local import register_local_model
from tasks.settings import LlmSettings, Settings

log = logging.getLogger(__name__)

Message = Mapping[str, Any]


class LlmError(Exception):
    """A call that did not produce an answer; ``reason`` is a short, countable label."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason


class BudgetExhausted(LlmError):
    def __init__(self, message: str) -> None:
        super().__init__("budget_exhausted", message)


@dataclass(frozen=True)
class Completion:
    content: str
    finish_reason: str
    cached: bool
    key: str  # cache key: the provenance hash of this answer
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    prefill: str = ""  # the start of the answer the model was asked to continue ("" when none)

    @property
    def text(self) -> str:
        """The whole answer: prefill + continuation."""
        return self.prefill + self.content


def supports_prefill(model: str, mode: str) -> bool:
    """Whether to send a trailing assistant message for the model to continue: ``on``, ``off``, or ``auto``
    (only the in-process local models; hosted chat APIs mostly ignore or reject it)."""
    return mode == "on" or (mode == "auto" and model.startswith(f"{LOCAL_PROVIDER}/"))


class LlmUsage(BaseModel):
    """What a run spent: calls sent, cache hits, retries, failures by type, tokens and cost."""

    model: str
    calls: int = 0  # attempts sent to the provider (retries included)
    succeeded: int = 0
    cache_hits: int = 0
    retries: int = 0
    errors: dict[str, int] = Field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


_TRANSIENT = (
    litellm.RateLimitError,
    litellm.Timeout,
    litellm.APIConnectionError,
    litellm.ServiceUnavailableError,
    litellm.InternalServerError,
    TimeoutError,
)


def is_transient(exc: BaseException) -> bool:
    """Rate limits, timeouts, connection problems and 5xx answers are worth another try."""
    if isinstance(exc, _TRANSIENT):
        return True
    status = getattr(exc, "status_code", None)
    return isinstance(exc, litellm.APIError) and isinstance(status, int) and (status >= 500 or status in (408, 429))


class LlmClient:
    """Async chat completions for one model string. Use one client per run: ``usage`` is the run's account."""

    def __init__(
        self,
        settings: LlmSettings,
        cache: ResponseCache | None,
        model: str | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.settings = settings
        self.model = model or settings.model
        self.cache = cache
        self.usage = LlmUsage(model=self.model)
        self._semaphore = asyncio.Semaphore(settings.concurrency)
        self._sleep = sleep
        self._errors: Counter[str] = Counter()

    @classmethod
    def from_settings(cls, settings: Settings, model: str | None = None) -> LlmClient:
        """A client with the run's cache in the data directory; registers the in-process model if needed."""
        chosen = model or settings.llm.model
        if chosen.startswith(f"{LOCAL_PROVIDER}/"):
            register_local_model(settings)
        return cls(settings.llm, ResponseCache(settings.cache_dir / "llm-responses.sqlite"), model=chosen)

    def _params(self, max_tokens: int | None, temperature: float | None, seed: int | None, extra: Mapping[str, Any]):
        params: dict[str, Any] = {
            "max_tokens": max_tokens or self.settings.max_tokens,
            "temperature": self.settings.temperature if temperature is None else temperature,
            "seed": self.settings.seed if seed is None else seed,
        }
        params.update(extra)
        return params

    def _check_budget(self) -> None:
        limit = self.settings.max_requests
        if limit is not None and self.usage.calls >= limit:
            raise BudgetExhausted(f"request budget of {limit} calls is spent")
        cost_limit = self.settings.max_cost_usd
        if cost_limit is not None and self.usage.cost_usd >= cost_limit:
            raise BudgetExhausted(f"cost budget of ${cost_limit:.4f} is spent (${self.usage.cost_usd:.4f})")

    def _count_error(self, label: str) -> None:
        self._errors[label] += 1
        self.usage.errors = dict(self._errors)

    def backoff_delay(self, attempt: int) -> float:
        """Exponential back-off with full jitter in [0.5, 1.5) of the nominal delay, capped."""
        nominal = min(self.settings.backoff_max_s, self.settings.backoff_base_s * (2**attempt))
        return nominal * (0.5 + random.random())

    async def complete(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        seed: int | None = None,
        prefill: str = "",
        **extra: Any,
    ) -> Completion:
        """One answer: from the cache when this exact request was answered before, else from the provider.
        A ``prefill`` goes last as an assistant message; the answer's ``content`` is what follows it."""
        if prefill:
            messages = [*messages, {"role": "assistant", "content": prefill}]
        params = self._params(max_tokens, temperature, seed, extra)
        cacheable = {k: v for k, v in params.items() if k != "mock_response"}
        key = cache_key(self.model, messages, cacheable)
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            self.usage.cache_hits += 1
            return Completion(
                hit.content, hit.finish_reason, True, key, hit.prompt_tokens, hit.completion_tokens, 0.0, prefill
            )

        async with self._semaphore:
            attempt = 0
            while True:
                self._check_budget()
                self.usage.calls += 1
                try:
                    response = await asyncio.wait_for(self._call(messages, params), self.settings.timeout_s)
                except Exception as exc:  # classified below: transient ones are retried, others end the call
                    label = type(exc).__name__
                    self._count_error(label)
                    if not is_transient(exc):
                        raise LlmError("provider_error", f"{label}: {exc}") from exc
                    if attempt >= self.settings.max_retries:
                        raise LlmError("retries_exhausted", f"{label} after {attempt + 1} attempts: {exc}") from exc
                    delay = self.backoff_delay(attempt)
                    log.info("%s from %s, retry %d in %.2fs", label, self.model, attempt + 1, delay)
                    self.usage.retries += 1
                    attempt += 1
                    await self._sleep(delay)
                    continue
                break

        answer = self._record(response)
        if not answer.content.strip():
            self._count_error("EmptyResponse")
            raise LlmError("empty_response", f"{self.model} returned no text (finish_reason={answer.finish_reason})")
        if self.cache is not None:
            self.cache.put(key, self.model, answer)
        self.usage.succeeded += 1
        return Completion(
            answer.content, answer.finish_reason, False, key, answer.prompt_tokens, answer.completion_tokens,
            answer.cost_usd, prefill,
        )

    async def _call(self, messages: Sequence[Message], params: Mapping[str, Any]) -> Any:
        kwargs: dict[str, Any] = dict(params)
        if self.settings.api_base:
            kwargs["api_base"] = self.settings.api_base
        if self.settings.api_key is not None:
            kwargs["api_key"] = self.settings.api_key.get_secret_value()
        # module attribute lookup on purpose: one place where every model call leaves the process
        return await litellm.acompletion(
            model=self.model, messages=list(messages), timeout=self.settings.timeout_s, num_retries=0, **kwargs
        )

    def _record(self, response: Any) -> CachedResponse:
        choice = response.choices[0]
        usage = getattr(response, "usage", None)
        prompt_tokens = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion_tokens = int(getattr(usage, "completion_tokens", 0) or 0)
        try:
            cost = float(litellm.completion_cost(completion_response=response) or 0.0)
        except Exception:  # models without a price in LiteLLM's cost map (local, self-hosted) cost nothing known
            cost = 0.0
        self.usage.prompt_tokens += prompt_tokens
        self.usage.completion_tokens += completion_tokens
        self.usage.cost_usd += cost
        return CachedResponse(
            content=choice.message.content or "",
            finish_reason=str(choice.finish_reason or ""),
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            cost_usd=cost,
        )
