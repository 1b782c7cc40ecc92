"""The embedded model continues a started answer (a trailing assistant message) instead of opening a new turn."""

from __future__ import annotations

import re

import pytest

from tasks.settings import Settings

PREFILL = "```typescript\nimport { Stack } from '@kit.ArkTS';\n\nexport function"
MESSAGES = [
    {"role": "system", "content": "You write ArkTS code."},
    {"role": "user", "content": "Write a function that pushes numbers onto a Stack and returns peek."},
]


@pytest.mark.slow
def test_the_local_model_continues_a_prefilled_answer():
    from tasks.llm.local import register_local_model

    local = register_local_model(Settings())
    _, tokenizer = local._model()
    continued = tokenizer.apply_chat_template([*MESSAGES, {"role": "assistant", "content": PREFILL}],
                                              continue_final_message=True, tokenize=False)
    assert continued.endswith(PREFILL)  # the prompt ends inside the assistant's turn, at the prefill
    text, _, prompt_tokens, _ = local.generate([*MESSAGES, {"role": "assistant", "content": PREFILL}],
                                               {"max_tokens": 12, "stop": ["\n```\n"]})
    assert prompt_tokens == len(tokenizer(continued)["input_ids"])
    assert re.match(r"\s*\w+\s*[(<]", text), text  # the function's name comes next, not a new answer
    _, _, fresh_tokens, _ = local.generate(MESSAGES, {"max_tokens": 1})
    assert fresh_tokens < prompt_tokens
