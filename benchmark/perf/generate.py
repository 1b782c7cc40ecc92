"""Throughput of the LLM client and speed of batch dedup.

1. 2,000 calls to a provider that answers after 1 s, at concurrency 64, through LiteLLM:
   efficiency = ideal wall time (calls / concurrency * latency) / measured wall time.
2. Dedup of 8,000 synthetic ArkTS-like samples (with injected near-copies) against
   themselves and a 100-task benchmark.
Last line: one JSON object."""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from litellm import CustomLLM, ModelResponse  # noqa: E402

from tasks.generate.dedup import dedup_samples  # noqa: E402
from tasks.llm.client import LlmClient  # noqa: E402
from tasks.llm.local import register_provider  # noqa: E402
from tasks.records import Sample  # noqa: E402
from tasks.settings import LlmSettings, Settings  # noqa: E402

CALLS, CONCURRENCY, LATENCY = 2000, 64, 1.0
SAMPLES, BENCH = 8000, 100


class OneSecondModel(CustomLLM):
    async def acompletion(self, model, messages, *args, **kwargs):
        await asyncio.sleep(LATENCY)
        return ModelResponse(choices=[{"message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}])


async def throughput() -> float:
    register_provider("perf", OneSecondModel())
    client = LlmClient(LlmSettings(model="perf/one-second", concurrency=CONCURRENCY), cache=None)
    started = time.perf_counter()
    await asyncio.gather(*(client.complete([{"role": "user", "content": f"task {i}"}]) for i in range(CALLS)))
    return time.perf_counter() - started


TYPES = ["number", "string", "boolean"]
CONTAINERS = ["ArrayList", "HashMap", "Deque", "Stack", "TreeMap", "LinkedList", "PlainArray", "LightWeightSet"]
VERBS = ["count", "merge", "filter", "group", "rotate", "sum", "dedupe", "index", "reverse", "split", "rank", "sample"]


WORDS = [f"{a}{b}" for a in ("re", "un", "pre", "de", "co", "in", "ex", "sub") for b in (
    "list", "map", "value", "key", "order", "count", "index", "range", "entry", "node", "queue", "stack", "tree",
    "sum", "text", "byte", "item", "slot", "pair", "set", "mark", "step", "limit", "score", "group")]


def synthetic(rng: random.Random, i: int) -> tuple[str, str]:
    """A question and an ArkTS-like solution; distinct samples share vocabulary, not text."""
    box, kind = rng.choice(CONTAINERS), rng.choice(TYPES)
    name = f"{rng.choice(VERBS)}{box}{i}"
    question = f"Write {name} using {box}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))) + "."
    body = "\n".join(
        f"  const {rng.choice(WORDS)}{k}: {rng.choice(TYPES)} = c.{rng.choice(VERBS)}({rng.choice(WORDS)}, {rng.randint(0, 999)});"
        for k in range(rng.randint(6, 30))
    )
    code = (f"import {{ {box} }} from '@kit.ArkTS';\n\nexport function {name}(input: {kind}[]): number {{\n"
            f"  const c: {box}<{kind}> = new {box}<{kind}>();\n{body}\n  return c.length;\n}}")
    return question, code


def dedup_timing(tmp: Path) -> tuple[int, float, int]:
    rng = random.Random(7)
    pairs = [synthetic(rng, i) for i in range(SAMPLES)]
    for i in range(0, SAMPLES, 50):  # near-copies: an identifier renamed and one line changed
        q, c = pairs[i]
        pairs[i + 1] = (q.replace("Write", "Implement"), c.replace("const ", "let ", 1))
    samples = tmp / "samples.jsonl"
    with samples.open("w") as out:
        for i, (q, c) in enumerate(pairs):
            out.write(Sample(id=f"s{i}", question=q, code=c, api_nodes=[], seed_id="x", seed_kind="single",
                             teacher_model="t", template_version="v").model_dump_json() + "\n")
    bench = tmp / "bench.jsonl"
    with bench.open("w") as out:
        for i in range(BENCH):
            q, c = synthetic(rng, SAMPLES + i)
            out.write(json.dumps({"id": f"b{i}", "instruction": q, "solution": c}) + "\n")
    report = dedup_samples(Settings(home=tmp / "home"), samples, bench, tmp / "dedup")
    return report.dedup_pairs, report.seconds, report.removed


def main() -> None:
    wall = asyncio.run(throughput())
    ideal = CALLS / CONCURRENCY * LATENCY
    with tempfile.TemporaryDirectory() as tmp:
        dedup_pairs, dedup_s, removed = dedup_timing(Path(tmp))
    print(f"throughput: {CALLS} calls in {wall:.2f}s (ideal {ideal:.2f}s); dedup: {dedup_s:.2f}s, removed {removed}")
    print(json.dumps({"calls": CALLS, "latency_s": LATENCY, "concurrency": CONCURRENCY, "wall_s": round(wall, 3),
                      "efficiency": round(ideal / wall, 3), "dedup_pairs": dedup_pairs, "dedup_s": dedup_s,
                      "dedup_removed": removed}))


if __name__ == "__main__":
    main()
