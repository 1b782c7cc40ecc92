"""Scorers: I(u, ρ, v) = −log2 P(v | u, ρ) in bits, behind one interface.

- ``LocalLogprobScorer``: exact token log-probabilities of a local causal LM. One forward
  pass over the shared prompt prefix (reusing the previous prefix's keys/values for the
  tokens both share), then the member names packed into one row behind the cached prefix
  (block attention mask, no padding, no per-member copy of the prefix keys/values).
- ``LiteLLMLogprobScorer``: exact log-probabilities from an OpenAI-compatible
  text-completion endpoint (``echo`` + ``logprobs``: the provider scores the prompt).
- ``VerbalisedScorer``: the model states a probability. An approximation, for providers
  without log-probabilities; its identity starts with ``verbalised:`` so it never passes
  for an exact score.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tasks.seeds.prompts import PROMPT_VERSION
from tasks.settings import Settings

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

LN2 = math.log(2.0)
MIN_VERBALISED_PROBABILITY = 1e-4  # a stated "0" would be infinitely surprising; cap it at ~13.3 bits


class ScorerError(RuntimeError):
    """The scorer cannot work at all (model missing, provider without log-probabilities)."""


@dataclass(frozen=True)
class Skipped:
    """A member that got no score, and why (counted in the report)."""

    reason: str


MemberScore = float | Skipped


class Scorer(Protocol):
    identity: str  # model + method + prompt version: scores of different identities never mix
    approximate: bool  # True for verbalised probabilities

    def score(self, prefix: str, continuations: Sequence[str]) -> list[MemberScore]:
        """Bits of surprise for each continuation following the prefix, in input order."""
        ...


def model_fingerprint(folder: Path) -> str:
    """Short hash of a model folder's config and weight-file sizes (cheap, changes with the weights)."""
    digest = hashlib.sha256()
    config = folder / "config.json"
    if config.is_file():
        digest.update(config.read_bytes())
    for weights in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return digest.hexdigest()[:12]


def local_identity(folder: Path) -> str:
    return f"local:{folder.name}:{model_fingerprint(folder)}:prompt-v{PROMPT_VERSION}"


class LocalLogprobScorer:
    approximate = False

    def __init__(
        self, model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, identity: str, batch_size: int = 64
    ) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.identity = identity
        self.batch_size = batch_size
        self.device = next(model.parameters()).device
        self._last: tuple[list[int], Any, list[tuple[Any, Any]]] = ([], None, [])  # previous prefix state

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalLogprobScorer:
        import torch

        from tasks.models import ensure_local_model, load_causal_lm

        if settings.scoring.torch_threads:
            torch.set_num_threads(settings.scoring.torch_threads)
        folder = ensure_local_model(settings)
        model, tokenizer = load_causal_lm(folder, settings.models.device)
        return cls(model, tokenizer, local_identity(folder), settings.scoring.batch_size)

    def _prefix_state(self, prefix_ids: list[int]) -> tuple[Any, list[tuple[Any, Any]]]:
        """Log-probs after the prefix and its keys/values. The previous prefix's state is kept: the
        tokens both share (a node's description, when only the relation line changes) are not run again."""
        import torch
        from transformers import DynamicCache

        last_ids, last_logp, last_kv = self._last
        shared = 0
        for a, b in zip(last_ids, prefix_ids):
            if a != b:
                break
            shared += 1
        if shared == len(prefix_ids) == len(last_ids):
            return last_logp, last_kv
        shared = min(shared, len(prefix_ids) - 1)  # at least one token runs, for the next-token logits
        cache = None
        if shared:
            cache = DynamicCache(ddp_cache_data=[(k[:, :, :shared], v[:, :, :shared]) for k, v in last_kv],
                                 config=self.model.config)
        out = self.model(
            input_ids=torch.tensor([prefix_ids[shared:]], device=self.device),
            past_key_values=cache,
            use_cache=True,
            logits_to_keep=1,  # only the last position's next-token distribution is needed
        )
        logp = torch.log_softmax(out.logits[0, -1].double(), dim=-1)
        kv = [(layer.keys, layer.values) for layer in out.past_key_values.layers]
        self._last = (list(prefix_ids), logp, kv)
        return logp, kv

    def _later_tokens(self, prefix_kv: list[tuple[Any, Any]], sequences: list[list[int]]) -> list[float]:
        """Sum of log P(token j | prefix, tokens < j) over j >= 1 for each sequence, in one forward pass.

        All sequences (minus their last token) are packed into one row behind the cached prefix;
        a block mask lets each token see the prefix and the earlier tokens of its own sequence
        only, and positions restart after the prefix, so each is scored as if it were alone.
        Nothing is padded and the prefix keys/values are not copied per sequence."""
        import torch
        from transformers import DynamicCache

        prefix_len = prefix_kv[0][0].shape[-2]
        inputs = [token for seq in sequences for token in seq[:-1]]
        targets = [token for seq in sequences for token in seq[1:]]
        owner = torch.tensor([n for n, seq in enumerate(sequences) for _ in seq[1:]], device=self.device)
        step = torch.tensor([j for seq in sequences for j in range(len(seq) - 1)], device=self.device)
        packed = len(inputs)
        same = owner[:, None] == owner[None, :]
        earlier = step[None, :] <= step[:, None]
        mask = torch.cat(
            [torch.ones(packed, prefix_len, dtype=torch.bool, device=self.device), same & earlier], dim=1
        )[None, None]
        cache = DynamicCache(ddp_cache_data=prefix_kv, config=self.model.config)
        logits = self.model(
            input_ids=torch.tensor([inputs], device=self.device),
            attention_mask=mask,
            position_ids=(prefix_len + step)[None],
            past_key_values=cache,
            use_cache=True,
        ).logits[0]
        logp = torch.log_softmax(logits.double(), dim=-1)  # float64 sums keep batch shapes from showing
        picked = logp.gather(-1, torch.tensor(targets, device=self.device)[:, None]).squeeze(-1)
        return torch.zeros(len(sequences), dtype=torch.float64, device=self.device).index_add(0, owner, picked).tolist()

    def score(self, prefix: str, continuations: Sequence[str]) -> list[MemberScore]:
        import torch

        results: list[MemberScore] = [Skipped("empty_name")] * len(continuations)
        token_lists = [
            self.tokenizer(text, add_special_tokens=False).input_ids if text.strip() else [] for text in continuations
        ]
        todo = [i for i, ids in enumerate(token_lists) if ids]
        if not todo:
            return results
        prefix_ids = self.tokenizer(prefix).input_ids
        if not prefix_ids:
            raise ScorerError("the prompt prefix tokenises to nothing")

        with torch.inference_mode():
            first_logp, prefix_kv = self._prefix_state(prefix_ids)

            nats = {i: float(first_logp[token_lists[i][0]]) for i in todo}  # log P(first token | prefix)
            longer = [i for i in todo if len(token_lists[i]) > 1]
            for start in range(0, len(longer), self.batch_size):
                chunk = longer[start : start + self.batch_size]
                for i, rest in zip(chunk, self._later_tokens(prefix_kv, [token_lists[i] for i in chunk]), strict=True):
                    nats[i] += rest
        for i, total in nats.items():
            results[i] = -total / LN2
        return results


def _completion_logprobs(response: Any) -> tuple[list[str], list[float | None], list[int]]:
    logprobs = response.choices[0].logprobs
    if logprobs is None:
        raise ScorerError("the provider returned no log-probabilities (it needs echo + logprobs support)")
    get = logprobs.get if isinstance(logprobs, dict) else lambda key: getattr(logprobs, key, None)
    tokens, values, offsets = get("tokens"), get("token_logprobs"), get("text_offset")
    if not tokens or values is None or offsets is None:
        raise ScorerError("the provider returned no prompt log-probabilities (echo unsupported?)")
    return list(tokens), list(values), list(offsets)


class LiteLLMLogprobScorer:
    """Sends prefix + member name with ``echo=True, logprobs=0`` and sums the log-probabilities
    of the prompt tokens that overlap the member name (tokenised jointly by the provider)."""

    approximate = False

    def __init__(
        self, model: str, api_base: str | None = None, api_key: str | None = None, retries: int = 0, timeout_s: float = 300.0
    ) -> None:
        self.model = model
        self.api_base = api_base
        self.api_key = api_key  # None: LiteLLM reads the provider's key from the environment
        self.retries = retries
        self.timeout_s = timeout_s
        self.identity = litellm_identity(model)

    @classmethod
    def from_settings(cls, settings: Settings) -> LiteLLMLogprobScorer:
        model = settings.scoring.model or settings.llm.model
        key = settings.llm.api_key.get_secret_value() if settings.llm.api_key is not None else None
        return cls(model, settings.scoring.api_base or settings.llm.api_base, key,
                   retries=settings.llm.max_retries, timeout_s=settings.llm.timeout_s)

    def _call(self, prompt: str) -> Any:
        import litellm

        kwargs: dict[str, Any] = {}
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self.api_key:
            kwargs["api_key"] = self.api_key
        return litellm.text_completion(
            model=self.model, prompt=prompt, echo=True, logprobs=0, max_tokens=1, temperature=0,
            num_retries=self.retries, timeout=self.timeout_s, **kwargs,
        )

    def score(self, prefix: str, continuations: Sequence[str]) -> list[MemberScore]:
        results: list[MemberScore] = []
        for text in continuations:
            if not text.strip():
                results.append(Skipped("empty_name"))
                continue
            tokens, values, offsets = _completion_logprobs(self._call(prefix + text))
            start, end = len(prefix), len(prefix) + len(text)
            picked = [
                value
                for token, value, offset in zip(tokens, values, offsets, strict=False)
                if offset < end and offset + len(token) > start
            ]
            if not picked:
                results.append(Skipped("empty_tokens"))
            elif any(value is None for value in picked):
                raise ScorerError("the provider left continuation tokens without log-probabilities")
            else:
                results.append(-sum(picked) / LN2)
        return results


def litellm_identity(model: str) -> str:
    return f"litellm-logprobs:{model}:prompt-v{PROMPT_VERSION}"


def verbalised_identity(model: str) -> str:
    return f"verbalised:{model}:prompt-v{PROMPT_VERSION}"


_NUMBER = re.compile(r"(?<![\w.])(\d*\.?\d+)\s*(%?)")


def parse_probability(text: str) -> float | None:
    """The first number in [0, 1] (or a percentage) in a model's answer; None when there is none."""
    for match in _NUMBER.finditer(text):
        value = float(match.group(1)) / (100.0 if match.group(2) else 1.0)
        if 0.0 <= value <= 1.0:
            return value
    return None


class VerbalisedScorer:
    """APPROXIMATION: asks the model how probable the statement "u has a ρ named v" is and
    takes −log2 of the stated number. Use only where no log-probabilities are available."""

    approximate = True

    def __init__(self, model: str, make_client: Callable[[], Any]) -> None:
        # a fresh client (tasks.llm.client.LlmClient: cached, retried, budgeted) per event loop
        self.make_client = make_client
        self.identity = verbalised_identity(model)

    @classmethod
    def from_settings(cls, settings: Settings) -> VerbalisedScorer:
        from tasks.llm.client import LlmClient

        model = settings.scoring.model or settings.llm.model
        return cls(model, lambda: LlmClient.from_settings(settings, model=model))

    async def _one(self, client: Any, statement: str) -> MemberScore:
        from tasks.llm.client import LlmError

        messages = [
            {
                "role": "user",
                "content": f"{statement}.\n\nHow probable is it that the last statement is true? "
                "Answer with one number between 0 and 1 and nothing else.",
            }
        ]
        try:
            answer = await client.complete(messages, max_tokens=8, temperature=0.0)
        except LlmError as exc:
            return Skipped(f"llm_{exc.reason}")
        probability = parse_probability(answer.content)
        if probability is None:
            return Skipped("unparsable_probability")
        return -math.log2(max(probability, MIN_VERBALISED_PROBABILITY))

    def score(self, prefix: str, continuations: Sequence[str]) -> list[MemberScore]:
        async def run() -> list[MemberScore]:
            client = self.make_client()
            asked = (self._one(client, prefix + text) for text in continuations if text.strip())
            return list(await asyncio.gather(*asked))

        scored = iter(asyncio.run(run()))
        return [next(scored) if text.strip() else Skipped("empty_name") for text in continuations]


def make_scorer(settings: Settings) -> Scorer:
    method = settings.scoring.method
    if method == "local":
        return LocalLogprobScorer.from_settings(settings)
    if method == "litellm":
        return LiteLLMLogprobScorer.from_settings(settings)
    return VerbalisedScorer.from_settings(settings)


def scorer_identity(settings: Settings) -> str:
    """The identity the configured scorer writes, without loading a model (seed selection reads by it)."""
    method = settings.scoring.method
    if method == "local":
        from tasks.models import ensure_local_model

        return local_identity(ensure_local_model(settings))
    model = settings.scoring.model or settings.llm.model
    return litellm_identity(model) if method == "litellm" else verbalised_identity(model)
