"""The code answer's prefill (fence, the grounded import lines, ``export function``): sent only where
the setting and the model allow it, continued by the model, and joined back before the code is parsed."""

from __future__ import annotations

from litellm import CustomLLM, ModelResponse

from tasks.generate.io import read_records
from tasks.generate.synthesize import generate_samples
from tasks.generate.templates import load_template
from tasks.llm.local import register_provider
from tasks.records import Sample

from .conftest import AL, FakeVerifier, seed, write_seeds

QUESTION = "Question: Write a function that adds numbers to an ArrayList with add and returns getIndexOf of 7.\nAPIs: add"
BODY = """ indexOfSeven(values: number[]): number {
  const list: ArrayList<number> = new ArrayList<number>();
  for (const v of values) {
    list.add(v);
  }
  return list.getIndexOf(7);
}"""


class ContinuingTeacher(CustomLLM):
    """Continues a started code answer; without one it answers with a whole code block."""

    def __init__(self) -> None:
        super().__init__()
        self.code_requests: list[list[dict]] = []

    def completion(self, model, messages, *args, **kwargs):
        if "Now your turn." in messages[1]["content"]:
            text = QUESTION
        else:
            self.code_requests.append(messages)
            started = messages[-1]["role"] == "assistant"
            text = BODY if started else "```typescript\nimport { ArrayList } from '@kit.ArkTS';\n\nexport function" + BODY
        return ModelResponse(choices=[{"message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                             usage={"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15})

    async def acompletion(self, model, messages, *args, **kwargs):
        return self.completion(model, messages, *args, **kwargs)


def _run(settings, store, tmp_path, mode: str):
    teacher = ContinuingTeacher()
    register_provider("scripted", teacher)
    settings = settings.model_copy(update={"generate": settings.generate.model_copy(update={"prefill": mode})})
    seeds = write_seeds(tmp_path / "seeds.jsonl", [seed("single", [f"{AL}/ArrayList"], "s1")])
    generate_samples(settings, store, seeds, 1, tmp_path / mode, verifier=FakeVerifier())
    samples, _ = read_records(tmp_path / mode / "samples.jsonl", Sample)
    return teacher, samples


def test_hosted_models_get_no_prefill_by_default(settings, store, tmp_path):
    teacher, samples = _run(settings, store, tmp_path, "auto")  # scripted/teacher stands for a hosted API
    assert teacher.code_requests and all(m[-1]["role"] == "user" for m in teacher.code_requests)
    assert len(samples) == 1 and samples[0].code.startswith("import { ArrayList } from '@kit.ArkTS';")


def test_a_prefilled_answer_is_joined_before_the_code_is_parsed(settings, store, tmp_path):
    teacher, samples = _run(settings, store, tmp_path, "on")
    started = teacher.code_requests[0][-1]
    assert started["role"] == "assistant"
    assert started["content"] == "```typescript\nimport { ArrayList } from '@kit.ArkTS';\n\nexport function"
    assert len(samples) == 1
    assert samples[0].code == "import { ArrayList } from '@kit.ArkTS';\n\nexport function" + BODY


def test_the_code_template_declares_its_prefill_from_the_import_lines():
    template = load_template("code")
    lines = ["import { Stack } from '@kit.ArkTS';", "import { HashMap } from '@kit.ArkTS';"]
    assert template.prefill_text(import_lines=lines) == "```typescript\n" + "\n".join(lines) + "\n\nexport function"
    assert load_template("question_single").prefill_text() == ""
