"""The LiteLLM scorers through LiteLLM's real request path: an OpenAI-compatible completion
server (echo + logprobs) backed by the tiny model, and a custom provider that states a probability."""

from __future__ import annotations

import json
import math
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tasks.seeds.scorers import LiteLLMLogprobScorer, LocalLogprobScorer, ScorerError, Skipped, VerbalisedScorer

PREFIX = "class Stack (module @ohos.util.Stack)\nDescription: A last-in first-out container.\nStack has a method named"
NAMES = [" push", " peek", " locate", " forEach"]


def serve(handler_factory):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_factory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def completions_handler(model, tokenizer, with_logprobs: bool):
    """POST /v1/completions: echoes the prompt with the tiny model's per-token log-probabilities."""
    import torch

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            prompt = body["prompt"] if isinstance(body["prompt"], str) else body["prompt"][0]
            assert body.get("echo") is True
            encoded = tokenizer(prompt, return_offsets_mapping=True)
            ids = encoded.input_ids
            with torch.no_grad():
                logp = torch.log_softmax(model(input_ids=torch.tensor([ids])).logits[0].double(), dim=-1)
            values = [None] + [float(logp[i - 1, ids[i]]) for i in range(1, len(ids))]
            logprobs = {
                "tokens": [prompt[a:b] for a, b in encoded.offset_mapping],
                "token_logprobs": values,
                "text_offset": [a for a, _ in encoded.offset_mapping],
                "top_logprobs": None,
            }
            answer = {
                "id": "cmpl-test", "object": "text_completion", "created": 0, "model": body["model"],
                "choices": [{"text": prompt, "index": 0, "finish_reason": "length",
                             "logprobs": logprobs if with_logprobs else None}],
                "usage": {"prompt_tokens": len(ids), "completion_tokens": 0, "total_tokens": len(ids)},
            }
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def test_litellm_echo_logprobs_equal_the_local_scorer(tiny_lm):
    model, tokenizer = tiny_lm
    server = serve(completions_handler(model, tokenizer, with_logprobs=True))
    try:
        remote = LiteLLMLogprobScorer(
            "text-completion-openai/tiny", api_base=f"http://127.0.0.1:{server.server_port}/v1", api_key="test-key"
        )
        remote_bits = remote.score(PREFIX, [*NAMES, ""])
    finally:
        server.shutdown()
    local_bits = LocalLogprobScorer(model, tokenizer, identity="tiny").score(PREFIX, NAMES)
    assert remote_bits[-1] == Skipped("empty_name")
    for a, b in zip(remote_bits, local_bits, strict=False):
        assert a == pytest.approx(b, abs=1e-4)
    assert remote.identity.startswith("litellm-logprobs:text-completion-openai/tiny")


def test_provider_without_logprobs_is_a_clear_error(tiny_lm):
    model, tokenizer = tiny_lm
    server = serve(completions_handler(model, tokenizer, with_logprobs=False))
    try:
        remote = LiteLLMLogprobScorer(
            "text-completion-openai/tiny", api_base=f"http://127.0.0.1:{server.server_port}/v1", api_key="test-key"
        )
        with pytest.raises(ScorerError, match="log-probabilities"):
            remote.score(PREFIX, NAMES)
    finally:
        server.shutdown()


@pytest.fixture
def stating_provider():
    """A LiteLLM custom provider whose model states a probability that depends on the member name."""
    import litellm
    from litellm import CustomLLM, ModelResponse

    answers = {"push": "0.5", "peek": "Probability: 25%", "locate": "not sure"}

    class Stating(CustomLLM):
        def _answer(self, messages) -> ModelResponse:
            statement = messages[-1]["content"].split(".\n\n")[0]
            name = statement.rsplit(" ", 1)[-1]
            return litellm.completion(model="gpt-4o-mini", messages=messages, mock_response=answers.get(name, "0.1"))

        def completion(self, *args, **kwargs) -> ModelResponse:
            return self._answer(kwargs["messages"])

        async def acompletion(self, *args, **kwargs) -> ModelResponse:
            return self._answer(kwargs["messages"])

    saved = list(litellm.custom_provider_map)
    litellm.custom_provider_map = [*saved, {"provider": "stating", "custom_handler": Stating()}]
    litellm.utils.custom_llm_setup()
    yield "stating/model"
    litellm.custom_provider_map = saved
    litellm.utils.custom_llm_setup()


def test_verbalised_scorer_is_labelled_and_parses_stated_probabilities(stating_provider):
    from tasks.llm.client import LlmClient
    from tasks.settings import LlmSettings

    scorer = VerbalisedScorer(stating_provider, lambda: LlmClient(LlmSettings(max_retries=0), None, model=stating_provider))
    assert scorer.approximate is True and scorer.identity.startswith("verbalised:")
    bits = scorer.score(PREFIX, [" push", " peek", " locate", ""])
    assert bits[0] == pytest.approx(1.0)
    assert bits[1] == pytest.approx(2.0)
    assert bits[2] == Skipped("unparsable_probability")
    assert bits[3] == Skipped("empty_name")
    assert math.isfinite(bits[0])
