"""The embedded teacher: a local causal LM served in-process as the LiteLLM provider ``local``.

``local/smollm2`` (or ``local/default``) is the packaged SmolLM2-135M-Instruct, or the
folder set in ``settings.models.local_model``. Generation runs in a worker thread so the
event loop stays free; one generation at a time per model (a CPU gains nothing from more)."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import litellm
from litellm import CustomLLM, ModelResponse

from tasks.settings import Settings

PROVIDER = "local"


class LocalChatModel(CustomLLM):
    """LiteLLM custom provider running a transformers chat model with its chat template."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._settings = settings
        self._load_lock = threading.Lock()
        self._generate_lock = threading.Lock()
        self._loaded: tuple[Any, Any] | None = None

    def _model(self) -> tuple[Any, Any]:
        with self._load_lock:
            if self._loaded is None:
                from tasks.models import ensure_local_model, load_causal_lm

                folder: Path = ensure_local_model(self._settings)
                self._loaded = load_causal_lm(folder, device=self._settings.models.device)
            return self._loaded

    def generate(self, messages: list[dict[str, Any]], params: dict[str, Any]) -> tuple[str, str, int, int]:
        """(text, finish_reason, prompt_tokens, completion_tokens) for one chat request. When the last message
        is the assistant's, the text is its continuation (without the given start)."""
        import torch

        model, tokenizer = self._model()
        max_new_tokens = int(params.get("max_tokens") or params.get("max_completion_tokens") or 256)
        temperature = float(params.get("temperature") or 0.0)
        chat = [{"role": m["role"], "content": m.get("content") or ""} for m in messages]
        prefilled = chat[-1]["role"] == "assistant"  # a started answer: continue it rather than open a new turn
        encoded = tokenizer.apply_chat_template(
            chat, add_generation_prompt=not prefilled, continue_final_message=prefilled, return_tensors="pt",
            return_dict=True,
        ).to(model.device)
        options: dict[str, Any] = {"max_new_tokens": max_new_tokens, "pad_token_id": tokenizer.eos_token_id}
        stop = _stop_strings(params.get("stop"))
        if stop:
            options.update(stop_strings=stop, tokenizer=tokenizer)
        if temperature > 0:
            options.update(do_sample=True, temperature=temperature, top_p=float(params.get("top_p") or 1.0))
        else:
            options.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        with self._generate_lock, torch.inference_mode():
            if temperature > 0:
                torch.manual_seed(int(params.get("seed") or 0))
            output = model.generate(**encoded, **options)
        prompt_len = encoded["input_ids"].shape[1]
        new_tokens = output[0, prompt_len:]
        text = tokenizer.decode(new_tokens, skip_special_tokens=True)
        finish = "length" if len(new_tokens) >= max_new_tokens else "stop"
        cut = min((i for i in (text.find(s) for s in stop) if i >= 0), default=-1)
        if cut >= 0:  # as OpenAI-style APIs do: the stop sequence ends the text and is not part of it
            text, finish = text[:cut], "stop"
        return text, finish, int(prompt_len), int(len(new_tokens))

    def _respond(self, model: str, messages: list, optional_params: dict) -> ModelResponse:
        text, finish, prompt_tokens, completion_tokens = self.generate(messages, optional_params)
        return ModelResponse(
            model=f"{PROVIDER}/{model}",
            created=int(time.time()),
            choices=[{"index": 0, "finish_reason": finish, "message": {"role": "assistant", "content": text}}],
            usage={
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        )

    def completion(self, model: str, messages: list, *args: Any, **kwargs: Any) -> ModelResponse:
        return self._respond(model, messages, kwargs.get("optional_params") or {})

    async def acompletion(self, model: str, messages: list, *args: Any, **kwargs: Any) -> ModelResponse:
        return await asyncio.to_thread(self._respond, model, messages, kwargs.get("optional_params") or {})


def _stop_strings(stop: object) -> list[str]:
    if isinstance(stop, str):
        return [stop] if stop else []
    if isinstance(stop, list | tuple):
        return [s for s in stop if isinstance(s, str) and s]
    return []


def register_provider(provider: str, handler: CustomLLM) -> None:
    """Make ``<provider>/<model>`` strings reach ``handler`` (replacing an earlier handler of that name)."""
    entries = [e for e in litellm.custom_provider_map if e.get("provider") != provider]
    litellm.custom_provider_map = [*entries, {"provider": provider, "custom_handler": handler}]


_registered: dict[str, LocalChatModel] = {}


def register_local_model(settings: Settings) -> LocalChatModel:
    """Register (once per model folder setting) the in-process provider behind ``local/...``."""
    key = f"{settings.home.resolve()}|{settings.models.local_model}|{settings.models.device}"
    handler = _registered.get(key)
    if handler is None:
        handler = _registered[key] = LocalChatModel(settings)
    register_provider(PROVIDER, handler)
    return handler
