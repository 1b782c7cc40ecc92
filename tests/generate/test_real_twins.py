"""The real parts behind the unit-test fakes: the ArkTS checker as verifier, the embedded local
model as teacher (offline), end to end on @kit.ArkTS seeds."""

from __future__ import annotations

import json

import pytest

from tasks.generate.io import read_records
from tasks.generate.synthesize import Reject, generate_samples
from tasks.generate.verify import arkts_verifier
from tasks.records import Sample
from tasks.settings import Settings

from .conftest import AL, HM, seed, write_seeds

GOOD = """import { ArrayList } from '@kit.ArkTS';

export function countAdded(values: number[]): number {
  const list: ArrayList<number> = new ArrayList<number>();
  for (const v of values) {
    list.add(v);
  }
  return list.length;
}
"""


@pytest.mark.slow
def test_arkts_checker_is_the_verifier():
    verdicts = arkts_verifier(Settings())({"good": GOOD, "bad": GOOD.replace("list.length", "list.size()")})
    assert verdicts["good"].status == "pass"
    assert verdicts["bad"].status == "compile_error" and verdicts["bad"].diagnostics


@pytest.mark.slow
def test_end_to_end_with_the_embedded_model(store, tmp_path):
    settings = Settings(
        llm={"model": "local/smollm2", "max_tokens": 64},
        generate={"question_max_tokens": 48, "code_max_tokens": 96, "questions_per_multi_seed": 1, "retry_malformed": False},
    )
    seeds = write_seeds(tmp_path / "seeds.jsonl", [seed("single", [f"{AL}/ArrayList"], "s1"),
                                                   seed("multi", [f"{AL}/ArrayList", f"{HM}/HashMap"], "m1")])
    out = tmp_path / "out"
    report = generate_samples(settings, store, seeds, 2, out)
    samples, _ = read_records(out / "samples.jsonl", Sample)
    rejects, _ = read_records(out / "rejects.jsonl", Reject)
    saved = json.loads((out / "generate-report.json").read_text())
    assert saved["accepted"] == report.accepted == len(samples)
    assert report.llm.model == "local/smollm2" and report.llm.succeeded >= 2 and report.llm.completion_tokens > 0
    assert sum(report.rejects.values()) == len(rejects) and report.seeds_used == 2
    assert all(s.validation is not None and s.validation.status == "pass" for s in samples)
    assert len(samples) + len(rejects) >= 2  # every seed ends as samples or reasoned rejects


@pytest.mark.slow
def test_the_local_model_honours_stop_sequences():
    from tasks.llm.local import register_local_model

    local = register_local_model(Settings())
    messages = [{"role": "user", "content": "List three fruits, one per line, numbered."}]
    text, finish, _, tokens = local.generate(messages, {"max_tokens": 24, "stop": ["\n"]})
    assert finish == "stop" and text.strip() and "\n" not in text and tokens <= 24
