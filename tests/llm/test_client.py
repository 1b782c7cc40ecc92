"""The LiteLLM client: retries and back-off on injected errors (LiteLLM's mock_response hook),
budget, cache/resume, timeouts, bounded concurrency, accounting, secrets."""

from __future__ import annotations

import asyncio

import litellm
import pytest
from litellm import CustomLLM, ModelResponse
from pydantic import SecretStr

from tasks.llm.cache import ResponseCache
from tasks.llm.client import BudgetExhausted, LlmClient, LlmError
from tasks.llm.local import register_provider
from tasks.settings import LlmSettings

MESSAGES = [{"role": "user", "content": "hello"}]


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def scripted_acompletion(monkeypatch, outcomes: list):
    """Each provider call takes the next outcome (an exception or a text) through mock_response."""
    real = litellm.acompletion
    calls: list[dict] = []

    async def fake(**kwargs):
        calls.append(kwargs)
        outcome = outcomes.pop(0) if outcomes else "done"
        return await real(**kwargs, mock_response=outcome)

    monkeypatch.setattr(litellm, "acompletion", fake)
    return calls


def client(tmp_path, **overrides) -> tuple[LlmClient, Sleeps]:
    settings = LlmSettings(model="openai/gpt-4o-mini", backoff_base_s=1.0, backoff_max_s=8.0, **overrides)
    sleeps = Sleeps()
    return LlmClient(settings, ResponseCache(tmp_path / "cache.sqlite"), sleep=sleeps), sleeps


def rate_limit() -> Exception:
    return litellm.RateLimitError(message="slow down", llm_provider="openai", model="gpt-4o-mini")


async def test_transient_errors_are_retried_with_growing_jittered_backoff(tmp_path, monkeypatch):
    calls = scripted_acompletion(monkeypatch, [rate_limit(), rate_limit(), Exception("connection reset"), "fine"])
    llm, sleeps = client(tmp_path)
    answer = await llm.complete(MESSAGES)
    assert answer.content == "fine" and not answer.cached
    assert len(calls) == 4
    assert llm.usage.retries == 3 and llm.usage.calls == 4 and llm.usage.succeeded == 1
    assert llm.usage.errors["RateLimitError"] == 2
    for attempt, delay in enumerate(sleeps.delays):  # nominal 1, 2, 4 s with jitter in [0.5, 1.5)
        assert 0.5 * 2**attempt <= delay < 1.5 * 2**attempt


async def test_retries_give_up_after_the_configured_attempts(tmp_path, monkeypatch):
    calls = scripted_acompletion(monkeypatch, [rate_limit() for _ in range(10)])
    llm, sleeps = client(tmp_path, max_retries=2)
    with pytest.raises(LlmError) as error:
        await llm.complete(MESSAGES)
    assert error.value.reason == "retries_exhausted"
    assert len(calls) == 3 and len(sleeps.delays) == 2


async def test_permanent_errors_are_not_retried(tmp_path, monkeypatch):
    bad = litellm.BadRequestError(message="bad prompt", llm_provider="openai", model="gpt-4o-mini")
    calls = scripted_acompletion(monkeypatch, [bad, "never"])
    llm, sleeps = client(tmp_path)
    with pytest.raises(LlmError) as error:
        await llm.complete(MESSAGES)
    assert error.value.reason == "provider_error"
    assert len(calls) == 1 and sleeps.delays == []


async def test_answers_are_cached_across_clients_and_cost_nothing_again(tmp_path, monkeypatch):
    calls = scripted_acompletion(monkeypatch, ["first answer", "second answer"])
    llm, _ = client(tmp_path)
    first = await llm.complete(MESSAGES, max_tokens=20)
    assert llm.usage.prompt_tokens > 0 and llm.usage.completion_tokens > 0
    assert llm.usage.cost_usd > 0  # gpt-4o-mini is priced in LiteLLM's cost map
    again, _ = client(tmp_path)  # a new run over the same cache file
    second = await again.complete(MESSAGES, max_tokens=20)
    assert second.cached and second.content == "first answer" and second.key == first.key
    assert len(calls) == 1 and again.usage.calls == 0 and again.usage.cache_hits == 1
    other = await again.complete(MESSAGES, max_tokens=21)  # different parameters: a different request
    assert other.content == "second answer"


async def test_request_budget_stops_uncached_calls(tmp_path, monkeypatch):
    scripted_acompletion(monkeypatch, ["a", "b", "c"])
    llm, _ = client(tmp_path, max_requests=2)
    await llm.complete([{"role": "user", "content": "1"}])
    await llm.complete([{"role": "user", "content": "2"}])
    with pytest.raises(BudgetExhausted):
        await llm.complete([{"role": "user", "content": "3"}])
    assert (await llm.complete([{"role": "user", "content": "1"}])).cached  # finished work stays available


async def test_empty_answers_are_errors_and_not_cached(tmp_path, monkeypatch):
    scripted_acompletion(monkeypatch, ["   ", "text"])
    llm, _ = client(tmp_path)
    with pytest.raises(LlmError) as error:
        await llm.complete(MESSAGES)
    assert error.value.reason == "empty_response"
    assert (await llm.complete(MESSAGES)).content == "text"


class SlowModel(CustomLLM):
    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay
        self.in_flight = 0
        self.peak = 0

    async def acompletion(self, model, messages, *args, **kwargs):
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
        finally:
            self.in_flight -= 1
        return ModelResponse(choices=[{"message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}])


async def test_per_call_timeout_is_retried_then_reported(tmp_path):
    register_provider("slowtest", SlowModel(delay=5.0))
    settings = LlmSettings(model="slowtest/x", timeout_s=0.05, max_retries=1)
    llm = LlmClient(settings, None, sleep=Sleeps())
    with pytest.raises(LlmError) as error:
        await llm.complete(MESSAGES)
    assert error.value.reason == "retries_exhausted" and llm.usage.calls == 2


async def test_concurrency_is_bounded(tmp_path):
    model = SlowModel(delay=0.02)
    register_provider("boundtest", model)
    llm = LlmClient(LlmSettings(model="boundtest/x", concurrency=3), None)
    answers = await asyncio.gather(*(llm.complete([{"role": "user", "content": str(i)}]) for i in range(12)))
    assert len(answers) == 12 and model.peak == 3


async def test_api_key_reaches_the_call_but_not_the_cache(tmp_path, monkeypatch):
    calls = scripted_acompletion(monkeypatch, ["ok"])
    llm, _ = client(tmp_path, api_key=SecretStr("sk-very-secret-123"))
    await llm.complete(MESSAGES)
    assert calls[0]["api_key"] == "sk-very-secret-123"
    assert b"sk-very-secret-123" not in (tmp_path / "cache.sqlite").read_bytes()
    assert "sk-very-secret" not in repr(llm.settings) and "sk-very-secret" not in llm.usage.model_dump_json()


async def test_a_prefill_goes_last_as_the_assistant_turn_and_the_answer_continues_it(tmp_path, monkeypatch):
    calls = scripted_acompletion(monkeypatch, [" sum(values: number[]): number {"])
    llm, _ = client(tmp_path)
    answer = await llm.complete(MESSAGES, prefill="```typescript\nexport function")
    sent = calls[0]["messages"]
    assert sent[:-1] == MESSAGES and sent[-1] == {"role": "assistant", "content": "```typescript\nexport function"}
    assert answer.text == "```typescript\nexport function sum(values: number[]): number {"
    again = await llm.complete(MESSAGES, prefill="```typescript\nexport function")
    assert again.cached and again.text == answer.text  # the cache key covers the prefill
    plain = await llm.complete(MESSAGES)
    assert not plain.cached and plain.text == plain.content and calls[-1]["messages"] == MESSAGES


def test_prefill_is_for_local_models_unless_forced():
    from tasks.llm.client import supports_prefill

    assert supports_prefill("local/smollm2", "auto")
    assert not supports_prefill("deepseek/deepseek-chat", "auto") and not supports_prefill("openai/gpt-4o", "auto")
    assert supports_prefill("hosted_vllm/qwen", "on") and not supports_prefill("local/smollm2", "off")
