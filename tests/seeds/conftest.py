"""Fixtures for the seeds tests: the real SmolLM2 folder (converted once per test session)
and a randomly initialised 2-layer Llama with SmolLM2's tokenizer for exact-math tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.settings import Settings


@pytest.fixture(scope="session")
def smollm2_folder() -> Path:
    from tasks.models import ensure_local_model

    return ensure_local_model(Settings())


@pytest.fixture(scope="session")
def tiny_lm(smollm2_folder: Path):
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    tokenizer = AutoTokenizer.from_pretrained(smollm2_folder)
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=1024,
    )
    model = LlamaForCausalLM(config).eval()
    return model, tokenizer
