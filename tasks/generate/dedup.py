"""Batch near-duplicate removal and decontamination of a samples file."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from tasks.generate.io import append, read_records
from tasks.generate.similarity import candidate_pairs, cross_scores, exact_scores, load_benchmark, normalize
from tasks.generate.synthesize import DuplicatePair
from tasks.generate.templates import PROMPTS_DIR, WorkedExample, prompt_examples
from tasks.records import Sample
from tasks.settings import Settings

KEPT_FILE = "samples.dedup.jsonl"
REMOVED_FILE = "decontamination-report.jsonl"


class DedupReport(BaseModel):
    samples_in: int
    kept: int
    removed: int
    removed_by: dict[str, int] = Field(default_factory=dict)  # "<against>_<field>" -> count
    benchmark_items: int
    prompt_examples: int  # worked examples of the templates the samples were generated with
    dedup_pairs: int  # exact Levenshtein comparisons made
    candidate_pairs: int  # within-dataset pairs proposed by MinHash LSH
    bad_input_lines: int
    seconds: float
    kept_path: str
    report_path: str


def dedup_samples(settings: Settings, samples_path: Path, benchmark_path: Path | None, out_dir: Path) -> DedupReport:
    """Drop samples too close to the benchmark or to a worked example of the prompt templates they were
    generated with (exact, every pair), or to an earlier kept sample (LSH candidates, verified exactly).
    Every removed pair goes to the decontamination report."""
    started = time.perf_counter()
    dedup = settings.dedup
    samples, bad = read_records(samples_path, Sample)
    if benchmark_path is not None:
        bench_paths = [benchmark_path]
    else:
        from tasks.generate.similarity import benchmark_files

        bench_paths = benchmark_files(dedup)
    benchmark = load_benchmark(bench_paths)
    examples = prompt_examples(templates_used(samples))

    questions = [normalize(s.question) for s in samples]
    codes = [normalize(s.code) for s in samples]
    removed: dict[int, DuplicatePair] = {}
    pairs_compared = 0

    references: list[tuple[str, str, list[tuple[str, str]]]] = [
        ("question", "benchmark", [(b.id, b.instruction) for b in benchmark]),
        ("code", "benchmark", [(b.id, b.solution) for b in benchmark]),
        ("question", "prompt_example", _texts(examples, "question")),
        ("code", "prompt_example", _texts(examples, "code")),
    ]
    for field_name, against, refs in references:
        texts = questions if field_name == "question" else codes
        threshold = dedup.question_threshold if field_name == "question" else dedup.code_threshold
        pairs_compared += len(texts) * len(refs)
        for i, j, score in cross_scores(texts, [normalize(text) for _, text in refs], threshold, dedup.workers):
            if i not in removed:
                removed[i] = DuplicatePair(
                    sample_id=samples[i].id, field=field_name, against=against, other_id=refs[j][0], score=round(score, 4)
                )

    proposed = 0
    within: dict[int, list[tuple[int, str, float]]] = {}
    for field_name, texts, threshold in (
        ("question", questions, dedup.question_threshold),
        ("code", codes, dedup.code_threshold),
    ):
        candidates = candidate_pairs(texts, threshold)
        proposed += len(candidates)
        pairs_compared += len(candidates)
        for (i, j), score in exact_scores(candidates, texts, threshold).items():
            within.setdefault(j, []).append((i, field_name, score))

    for j in range(len(samples)):  # the earlier sample of a near-duplicate pair stays
        if j in removed:
            continue
        for i, field_name, score in sorted(within.get(j, [])):
            if i not in removed:
                removed[j] = DuplicatePair(
                    sample_id=samples[j].id, field=field_name, against="dataset", other_id=samples[i].id, score=round(score, 4)
                )
                break

    out_dir.mkdir(parents=True, exist_ok=True)
    kept_path, report_path = out_dir / KEPT_FILE, out_dir / REMOVED_FILE
    with kept_path.open("w", encoding="utf-8") as kept_out:
        for index, sample in enumerate(samples):
            if index not in removed:
                append(kept_out, sample)
    with report_path.open("w", encoding="utf-8") as report_out:
        for index in sorted(removed):
            append(report_out, removed[index])
    return DedupReport(
        samples_in=len(samples),
        kept=len(samples) - len(removed),
        removed=len(removed),
        removed_by=dict(Counter(f"{p.against}_{p.field}" for p in removed.values())),
        benchmark_items=len(benchmark),
        prompt_examples=len(examples),
        dedup_pairs=pairs_compared,
        candidate_pairs=proposed,
        bad_input_lines=len(bad),
        seconds=round(time.perf_counter() - started, 3),
        kept_path=str(kept_path),
        report_path=str(report_path),
    )


def templates_used(samples: list[Sample]) -> list[str]:
    """Names of the prompt templates the samples name in their provenance that are still in prompts/."""
    versions = [s.template_version for s in samples]
    versions += [v for s in samples for k, v in s.provenance.items() if k.endswith("_template")]
    names = dict.fromkeys(v.split("@", 1)[0] for v in versions if "@" in v)
    return [name for name in names if (PROMPTS_DIR / f"{name}.j2").is_file()]


def _texts(examples: list[WorkedExample], field_name: str) -> list[tuple[str, str]]:
    return [(e.id, e.text) for e in examples if e.field == field_name]
