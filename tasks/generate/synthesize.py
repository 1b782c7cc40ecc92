"""Question → grounded code → verification (+ one repair round) → near-duplicate gate.

Samples and rejects are appended to JSONL as they are decided, and every model answer
is cached, so a killed run re-run with the same arguments finishes the job without
repeating a paid call or losing a sample."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from tasks.generate.facts import FactRetriever, named_apis
from tasks.generate.io import append, appender, read_records
from tasks.generate.parsing import Malformed, parse_code, parse_questions
from tasks.generate.similarity import NearDuplicateIndex, benchmark_files, load_benchmark
from tasks.generate.templates import PromptTemplate, load_template, prompt_examples
from tasks.generate.verify import Verifier
from tasks.kg.store import GraphStore
from tasks.llm.client import BudgetExhausted, LlmClient, LlmError, LlmUsage, supports_prefill
from tasks.records import Diagnostic, RunResult, Sample, Seed
from tasks.settings import Settings

SAMPLES_FILE = "samples.jsonl"
REJECTS_FILE = "rejects.jsonl"
DECONTAMINATION_FILE = "decontamination.jsonl"
REPORT_FILE = "generate-report.json"

Stage = Literal["seed", "question", "code", "repair", "verify", "dedup"]
Progress = Callable[[int, int], None]  # (accepted, requested)


def content_id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


class Reject(BaseModel):
    """A unit of work that produced no sample, and why (diagnostics kept for failed checks)."""

    version: int = 1
    unit: str  # "<seed id>#<question index>" ("<seed id>" when the question stage failed)
    seed_id: str
    stage: Stage
    reason: str
    detail: str = ""
    question: str = ""
    code: str = ""
    api_nodes: list[str] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)


class DuplicatePair(BaseModel):
    """One removed sample and what it was too close to."""

    sample_id: str
    field: Literal["question", "code"]
    against: Literal["benchmark", "prompt_example", "dataset"]
    other_id: str
    score: float


class GenerateReport(BaseModel):
    requested: int
    accepted: int  # samples in the samples file now (resumed ones included)
    resumed: int  # samples that were already there
    accepted_by_kind: dict[str, int] = Field(default_factory=dict)
    seeds_total: int = 0
    seeds_used: int = 0
    units_tried: int = 0  # questions that went on to code generation
    repaired: int = 0  # accepted after a repair round
    rejects: dict[str, int] = Field(default_factory=dict)  # "<stage>:<reason>" -> count
    seeds_skipped: dict[str, int] = Field(default_factory=dict)  # inputs left out before generation, by reason
    acceptance_rate: float = 0.0  # accepted / units tried in this run
    bad_input_lines: int = 0
    stopped_because: str = ""  # requested size reached | seeds exhausted | budget exhausted | attempt cap
    template_versions: dict[str, str] = Field(default_factory=dict)
    llm: LlmUsage
    timings_s: dict[str, float] = Field(default_factory=dict)
    samples_path: str
    rejects_path: str
    decontamination_path: str


@dataclass
class Unit:
    """One question of one seed (or snippet), ready for code generation."""

    seed_id: str
    seed_kind: str  # single | multi | oss_instruct
    index: int
    question: str
    api_nodes: list[str]
    facts: list[dict[str, Any]]
    provenance: dict[str, str]

    @property
    def key(self) -> str:
        return f"{self.seed_id}#{self.index}"


@dataclass
class Candidate:
    unit: Unit
    code: str
    repaired: bool = False
    provenance: dict[str, str] = field(default_factory=dict)


def interleave(seeds: Sequence[Seed], single: int, multi: int) -> Iterator[Seed]:
    """Seeds in the configured single:multi rhythm (e.g. 4 single, 1 multi, ...), then the rest."""
    singles = iter([s for s in seeds if s.kind == "single"])
    multis = iter([s for s in seeds if s.kind == "multi"])
    pattern = ["single"] * single + ["multi"] * multi or ["single"]
    exhausted: set[str] = set()
    while len(exhausted) < 2:
        for kind in pattern:
            source = singles if kind == "single" else multis
            seed = next(source, None)
            if seed is None:
                exhausted.add(kind)
                other = multis if kind == "single" else singles
                seed = next(other, None)
                if seed is None:
                    exhausted.update({"single", "multi"})
                    break
            yield seed


class DuplicateGate:
    """Keeps a sample only if neither its question nor its code is too close to the benchmark, to a worked
    example of the prompt templates in use, or to a kept sample."""

    def __init__(self, settings: Settings, templates: Sequence[str]) -> None:
        dedup = settings.dedup
        self.bench_questions = NearDuplicateIndex(dedup.question_threshold)
        self.bench_codes = NearDuplicateIndex(dedup.code_threshold)
        for item in load_benchmark(benchmark_files(dedup)):
            if item.instruction:
                self.bench_questions.add(item.id, item.instruction)
            if item.solution:
                self.bench_codes.add(item.id, item.solution)
        self.example_questions = NearDuplicateIndex(dedup.question_threshold)
        self.example_codes = NearDuplicateIndex(dedup.code_threshold)
        for example in prompt_examples(templates):
            index = self.example_questions if example.field == "question" else self.example_codes
            index.add(example.id, example.text)
        self.questions = NearDuplicateIndex(dedup.question_threshold)
        self.codes = NearDuplicateIndex(dedup.code_threshold)

    def keep(self, sample: Sample) -> None:
        self.questions.add(sample.id, sample.question)
        self.codes.add(sample.id, sample.code)

    def clash(self, sample: Sample) -> DuplicatePair | None:
        checks = (
            ("question", "benchmark", self.bench_questions, sample.question),
            ("code", "benchmark", self.bench_codes, sample.code),
            ("question", "prompt_example", self.example_questions, sample.question),
            ("code", "prompt_example", self.example_codes, sample.code),
            ("question", "dataset", self.questions, sample.question),
            ("code", "dataset", self.codes, sample.code),
        )
        for field_name, against, index, text in checks:
            found = index.match(text)
            if found is not None:
                return DuplicatePair(
                    sample_id=sample.id, field=field_name, against=against, other_id=found[0], score=round(found[1], 4)
                )
        return None


class Synthesizer:
    """The per-unit steps; every outcome that is not a sample becomes a Reject."""

    def __init__(self, settings: Settings, client: LlmClient, retriever: FactRetriever) -> None:
        self.settings = settings
        self.client = client
        self.retriever = retriever
        self.rejects: list[Reject] = []
        self.prefill = supports_prefill(client.model, settings.generate.prefill)

    def reject(self, unit: str, seed_id: str, stage: Stage, reason: str, **extra: Any) -> None:
        self.rejects.append(Reject(unit=unit, seed_id=seed_id, stage=stage, reason=reason, **extra))

    async def ask(
        self,
        messages: list[dict[str, str]],
        max_tokens: int,
        parse: Callable[[str, str], Any],
        stop: Sequence[str] = (),
        prefill: str = "",
    ):
        """Parsed output (of prefill + answer) and the cache keys of the requests; malformed output is asked
        for once more, sampled with another seed so the second attempt differs from the first."""
        extra: dict[str, Any] = {"stop": list(stop)} if stop else {}
        if prefill:
            extra["prefill"] = prefill
        answer = await self.client.complete(messages, max_tokens=max_tokens, **extra)
        parsed = parse(answer.text, answer.finish_reason)
        keys = [answer.key]
        if self.settings.generate.retry_malformed and _is_malformed(parsed):
            retry = await self.client.complete(
                messages,
                max_tokens=max_tokens,
                temperature=max(self.settings.llm.temperature, self.settings.generate.retry_temperature),
                seed=self.settings.llm.seed + 1,
                **extra,
            )
            keys.append(retry.key)
            retried = parse(retry.text, retry.finish_reason)
            if not _is_malformed(retried):
                parsed = retried
        return parsed, keys

    async def questions(self, seed: Seed) -> list[Unit]:
        gen = self.settings.generate
        candidates = self.retriever.seed_candidates(seed)
        apis = [a for q in seed.apis if (a := self.retriever.entity(q, _fact(seed, q))) is not None]
        if not apis:
            self.reject(seed.id, seed.id, "seed", "unknown_api", detail=f"none of {seed.apis} is in the graph")
            return []
        if seed.kind == "multi":
            template = load_template("question_multi")
            count = gen.questions_per_multi_seed
            messages = template.messages(apis=[self.retriever.api_view(a) for a in apis], count=count)
        else:
            template = load_template("question_single")
            count = 1
            view = self.retriever.api_view(apis[0])
            messages = template.messages(api=view, import_line=view["import_line"], members=view["members"])
        try:
            parsed, keys = await self.ask(
                messages, gen.question_max_tokens, lambda t, f: parse_questions(t, f, count), template.stop
            )
        except BudgetExhausted:
            raise
        except LlmError as exc:
            self.reject(seed.id, seed.id, "question", f"llm_{exc.reason}", detail=str(exc)[:500])
            return []
        units: list[Unit] = []
        whole_answer_failed = _is_malformed(parsed)  # then the seed itself is done (skipped on resume)
        for index, item in enumerate(parsed):
            unit_key = seed.id if whole_answer_failed else f"{seed.id}#{index}"
            if isinstance(item, Malformed):
                self.reject(unit_key, seed.id, "question", item.reason, detail=item.detail)
                continue
            named = named_apis(item.question, item.apis, candidates)
            touched = {_owner(e.qualified_name, seed.apis) for e in named} - {None}
            needed = min(2, len(seed.apis)) if seed.kind == "multi" else 1
            if len(touched) < needed:
                reason = "question_without_api" if not named else "too_few_apis"
                self.reject(unit_key, seed.id, "question", reason, question=item.question,
                            detail=f"names {sorted(e.qualified_name for e in named)}; needs members of {needed} seed APIs")
                continue
            units.append(
                Unit(
                    seed_id=seed.id,
                    seed_kind=seed.kind,
                    index=index,
                    question=item.question,
                    api_nodes=[e.qualified_name for e in named],
                    facts=self.retriever.grounding(named),
                    provenance={"seed_id": seed.id, "question_template": template.version, "question_requests": ",".join(keys)},
                )
            )
        return units

    async def code(self, unit: Unit) -> Candidate | None:
        template = load_template("code")
        messages = template.messages(question=unit.question, facts=unit.facts)
        prefill = template.prefill_text(import_lines=_import_lines(unit.facts)) if self.prefill else ""
        return await self._code_call(unit, messages, "code", template, prefill)

    async def repair(self, candidate: Candidate, result: RunResult) -> Candidate | None:
        template = load_template("repair")
        messages = template.messages(
            question=candidate.unit.question, code=candidate.code, diagnostics=result.diagnostics[:15]
        )
        prefill = template.prefill_text(import_lines=_import_lines(candidate.unit.facts)) if self.prefill else ""
        repaired = await self._code_call(candidate.unit, messages, "repair", template, prefill)
        if repaired is None:
            return None
        repaired.repaired = True
        repaired.provenance = {**candidate.provenance, **repaired.provenance}
        return repaired

    async def _code_call(
        self, unit: Unit, messages: list[dict[str, str]], stage: Stage, template: PromptTemplate, prefill: str = ""
    ) -> Candidate | None:
        try:
            code, keys = await self.ask(
                messages, self.settings.generate.code_max_tokens, parse_code, template.stop, prefill
            )
        except BudgetExhausted:
            raise
        except LlmError as exc:
            self.reject(unit.key, unit.seed_id, stage, f"llm_{exc.reason}", detail=str(exc)[:500],
                        question=unit.question, api_nodes=unit.api_nodes)
            return None
        return self.candidate(unit, code, stage, template.version, keys)

    def candidate(self, unit: Unit, code: str | Malformed, stage: Stage, version: str, keys: list[str]) -> Candidate | None:
        """A draft for verification, or a reject when the code is missing or exports nothing."""
        if isinstance(code, Malformed):
            self.reject(unit.key, unit.seed_id, stage, code.reason, detail=code.detail,
                        question=unit.question, api_nodes=unit.api_nodes)
            return None
        if "export " not in code:
            self.reject(unit.key, unit.seed_id, stage, "no_exported_entry_point", code=code,
                        question=unit.question, api_nodes=unit.api_nodes, detail="the code exports nothing")
            return None
        return Candidate(unit, code, provenance={f"{stage}_template": version, f"{stage}_requests": ",".join(keys)})


def _is_malformed(parsed: object) -> bool:
    if isinstance(parsed, list):
        return all(isinstance(p, Malformed) for p in parsed)
    return isinstance(parsed, Malformed)


def _import_lines(facts: Sequence[dict[str, Any]]) -> list[str]:
    """The distinct import lines of the facts a code prompt is grounded on, in order."""
    return list(dict.fromkeys(f["import_line"] for f in facts if f.get("import_line")))


def _fact(seed: Seed, qualified_name: str):
    return next((f for f in seed.facts if f.qualified_name == qualified_name), None)


def _owner(qualified_name: str, seed_apis: Sequence[str]) -> str | None:
    """The seed API that is, or contains, this entity."""
    for api in seed_apis:
        if qualified_name == api or qualified_name.startswith(api + ".") or qualified_name.startswith(api + "/"):
            return api
    return None


def to_sample(candidate: Candidate, model: str, result: RunResult | None) -> Sample:
    unit = candidate.unit
    template = candidate.provenance.get("repair_template") or candidate.provenance.get("code_template", "")
    return Sample(
        id=content_id(unit.question, candidate.code),
        question=unit.question,
        code=candidate.code,
        api_nodes=unit.api_nodes,
        seed_id=unit.seed_id,
        seed_kind=unit.seed_kind,
        teacher_model=model,
        template_version=template,
        validation=result,
        provenance={**unit.provenance, **candidate.provenance, "unit": unit.key, "repaired": str(candidate.repaired).lower()},
    )


async def _verify(verifier: Verifier | None, candidates: Sequence[Candidate]) -> dict[str, RunResult]:
    if verifier is None or not candidates:
        return {}
    sources = {c.unit.key: c.code for c in candidates}
    return dict(await asyncio.to_thread(verifier, sources))


Draft = Callable[[list[Any], set[str], Counter], Awaitable[tuple[list[Candidate], int]]]
"""Turns a wave of inputs into code drafts, skipping unit keys already decided; returns (drafts, units tried)."""


async def run_waves(
    settings: Settings,
    out_dir: Path,
    n: int,
    client: LlmClient,
    verifier: Verifier | None,
    synth: Synthesizer,
    inputs: Sequence[Any],
    draft: Draft,
    templates: Sequence[str],
    bad_input_lines: int = 0,
    inputs_skipped: dict[str, int] | None = None,
    progress: Progress | None = None,
) -> GenerateReport:
    """The loop every generation method shares: inputs (each with an ``id``) in waves of the client's
    concurrency → drafts → verification (+ repair) → duplicate gate → samples; until ``n`` samples are
    kept or inputs, attempts or budget run out. Resumes from the files in ``out_dir``."""
    started = time.perf_counter()
    gen = settings.generate
    out_dir.mkdir(parents=True, exist_ok=True)
    samples_path, rejects_path, dup_path = out_dir / SAMPLES_FILE, out_dir / REJECTS_FILE, out_dir / DECONTAMINATION_FILE

    existing, bad_samples = read_records(samples_path, Sample)
    old_rejects, bad_rejects = read_records(rejects_path, Reject)
    done_units = {s.provenance.get("unit", "") for s in existing} | {r.unit for r in old_rejects}
    done_inputs = {r.seed_id for r in old_rejects if r.stage == "seed" or "#" not in r.unit}

    gate = DuplicateGate(settings, templates)
    accepted: list[Sample] = []
    for sample in existing:
        if sample.id not in {s.id for s in accepted}:
            gate.keep(sample)
            accepted.append(sample)
    resumed = len(accepted)

    reasons: Counter[str] = Counter()
    timings: Counter[str] = Counter()
    units_tried = repaired_count = inputs_used = 0
    stopped = "seeds exhausted"
    attempt_cap = int(n * gen.max_attempts_factor)
    pending = iter([item for item in inputs if item.id not in done_inputs])
    if progress:
        progress(min(len(accepted), n), n)

    with appender(samples_path) as samples_out, appender(rejects_path) as rejects_out, appender(dup_path) as dups_out:

        def flush_rejects() -> None:
            for reject in synth.rejects:
                reasons[f"{reject.stage}:{reject.reason}"] += 1
                append(rejects_out, reject)
            synth.rejects.clear()

        try:
            while len(accepted) < n:
                if inputs_used >= attempt_cap:
                    stopped = "attempt cap"
                    break
                wave_size = max(1, min(settings.llm.concurrency, n - len(accepted)))
                wave = [item for _, item in zip(range(wave_size), pending)]
                if not wave:
                    break
                inputs_used += len(wave)
                position = {item.id: i for i, item in enumerate(wave)}

                drafts, tried = await draft(wave, done_units, timings)
                units_tried += tried

                verified: list[tuple[Candidate, RunResult | None]] = []
                tick = time.perf_counter()
                results = await _verify(verifier, drafts)
                timings["verify"] += time.perf_counter() - tick
                failed = []
                for candidate in drafts:
                    result = results.get(candidate.unit.key)
                    if verifier is None or (result is not None and result.status == "pass"):
                        verified.append((candidate, result))
                    else:
                        failed.append((candidate, result))

                if failed and gen.repair_rounds > 0:
                    tick = time.perf_counter()
                    fixes = await asyncio.gather(*(synth.repair(d, r) for d, r in failed if r is not None))
                    timings["repair"] += time.perf_counter() - tick
                    fixes = [f for f in fixes if f is not None]
                    tick = time.perf_counter()
                    fixed_results = await _verify(verifier, fixes)
                    timings["verify"] += time.perf_counter() - tick
                    for fix in fixes:
                        result = fixed_results.get(fix.unit.key)
                        if result is not None and result.status == "pass":
                            verified.append((fix, result))
                        else:
                            _reject_failed(synth, fix, result)
                else:
                    for candidate, result in failed:
                        _reject_failed(synth, candidate, result)

                verified.sort(key=lambda pair: (position.get(pair[0].unit.seed_id, 0), pair[0].unit.index))
                for candidate, result in verified:
                    if len(accepted) >= n:
                        break
                    sample = to_sample(candidate, client.model, result)
                    clash = gate.clash(sample)
                    if clash is not None:
                        append(dups_out, clash)
                        synth.reject(candidate.unit.key, sample.seed_id, "dedup", f"near_duplicate_{clash.against}_{clash.field}",
                                     detail=f"{clash.score:.3f} vs {clash.other_id}", question=sample.question,
                                     code=sample.code, api_nodes=sample.api_nodes)
                        continue
                    gate.keep(sample)
                    append(samples_out, sample)
                    accepted.append(sample)
                    repaired_count += candidate.repaired
                    if progress:
                        progress(len(accepted), n)
                flush_rejects()
            else:
                stopped = "requested size reached"
        except BudgetExhausted as exc:
            stopped = f"budget exhausted ({exc})"
        finally:
            flush_rejects()

    timings["total"] = time.perf_counter() - started
    fresh = len(accepted) - resumed
    return GenerateReport(
        requested=n,
        accepted=len(accepted),
        resumed=resumed,
        accepted_by_kind=dict(Counter(s.seed_kind for s in accepted)),
        seeds_total=len(inputs),
        seeds_used=inputs_used,
        seeds_skipped=inputs_skipped or {},
        units_tried=units_tried,
        repaired=repaired_count,
        rejects=dict(reasons),
        acceptance_rate=round(fresh / units_tried, 4) if units_tried else 0.0,
        bad_input_lines=bad_input_lines + len(bad_samples) + len(bad_rejects),
        stopped_because=stopped,
        template_versions={name: load_template(name).version for name in templates},
        llm=client.usage,
        timings_s={k: round(v, 3) for k, v in timings.items()},
        samples_path=str(samples_path),
        rejects_path=str(rejects_path),
        decontamination_path=str(dup_path),
    )


async def run_generation(
    settings: Settings,
    store: GraphStore,
    seeds_path: Path,
    n: int,
    out_dir: Path,
    client: LlmClient,
    verifier: Verifier | None,
    progress: Progress | None = None,
) -> GenerateReport:
    """Seeds → questions → grounded code, through the shared loop."""
    gen = settings.generate
    seeds, bad_seeds = read_records(seeds_path, Seed)
    synth = Synthesizer(settings, client, FactRetriever(store))

    async def draft(wave: list[Seed], done_units: set[str], timings: Counter) -> tuple[list[Candidate], int]:
        tick = time.perf_counter()
        unit_lists = await asyncio.gather(*(synth.questions(seed) for seed in wave))
        units = [u for us in unit_lists for u in us if u.key not in done_units]
        timings["questions"] += time.perf_counter() - tick
        tick = time.perf_counter()
        drafts = [c for c in await asyncio.gather(*(synth.code(u) for u in units)) if c is not None]
        timings["code"] += time.perf_counter() - tick
        return drafts, len(units)

    return await run_waves(
        settings, out_dir, n, client, verifier, synth, list(interleave(seeds, gen.mix_single, gen.mix_multi)), draft,
        templates=("question_single", "question_multi", "code", "repair"), bad_input_lines=len(bad_seeds),
        progress=progress,
    )


def _reject_failed(synth: Synthesizer, candidate: Candidate, result: RunResult | None) -> None:
    unit = candidate.unit
    status = result.status if result is not None else "no_verdict"
    stage: Stage = "repair" if candidate.repaired else "verify"
    synth.reject(unit.key, unit.seed_id, stage, status, code=candidate.code, question=unit.question,
                 api_nodes=unit.api_nodes, diagnostics=result.diagnostics if result else [],
                 detail=result.message if result else "the checker returned no verdict")


def generate_samples(
    settings: Settings,
    store: GraphStore,
    seeds_path: Path,
    n: int,
    out_dir: Path,
    model: str | None = None,
    verifier: Verifier | None | Literal["arkts"] = "arkts",
    progress: Progress | None = None,
) -> GenerateReport:
    """Generate until ``out_dir/samples.jsonl`` holds ``n`` verified, de-duplicated samples
    (or seeds, attempts or budget run out). Re-running resumes."""
    return execute(
        settings, out_dir, model, verifier,
        lambda client, check: run_generation(settings, store, seeds_path, n, out_dir, client, check, progress),
    )


def execute(
    settings: Settings,
    out_dir: Path,
    model: str | None,
    verifier: Verifier | None | Literal["arkts"],
    job: Callable[[LlmClient, Verifier | None], Awaitable[GenerateReport]],
) -> GenerateReport:
    """Run a generation job with the run's client and verifier; the report is also written to ``out_dir``."""
    from tasks.generate.verify import arkts_verifier

    if verifier == "arkts":
        verifier = arkts_verifier(settings) if settings.generate.verify else None
    client = LlmClient.from_settings(settings, model)
    try:
        report = asyncio.run(job(client, verifier))
    finally:
        if client.cache is not None:
            client.cache.close()
    (out_dir / REPORT_FILE).write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return report
