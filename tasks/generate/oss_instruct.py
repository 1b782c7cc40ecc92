"""The OSS-Instruct baseline (the paper's RQ1 comparison): each documentation code snippet
inspires one problem and its solution in a single call. Verification, repair, the duplicate
gate, resume and the files written are those of the main synthesis (``run_waves``)."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from tasks.generate.facts import FactRetriever
from tasks.generate.io import append, appender
from tasks.generate.parsing import Malformed, parse_problem
from tasks.generate.snippets import Snippet, collect_snippets
from tasks.generate.synthesize import (
    Candidate,
    GenerateReport,
    Progress,
    Synthesizer,
    Unit,
    execute,
    run_waves,
)
from tasks.generate.templates import load_template
from tasks.generate.verify import Verifier
from tasks.kg.store import GraphStore, Scope
from tasks.llm.client import BudgetExhausted, LlmClient, LlmError
from tasks.settings import Settings

SNIPPETS_FILE = "snippets.jsonl"
SEED_KIND = "oss_instruct"


def default_scope(settings: Settings) -> Scope:
    """The seeds' scope setting (kits, modules); system APIs follow the graph setting."""
    return Scope(kits=settings.seeds.kits, modules=settings.seeds.modules,
                 include_system_api=settings.kg.include_system_api)


async def _draft(synth: Synthesizer, snippet: Snippet) -> Candidate | None:
    template = load_template("oss_instruct")
    unit = Unit(seed_id=snippet.id, seed_kind=SEED_KIND, index=0, question="", api_nodes=snippet.api_nodes,
                facts=[], provenance={"seed_id": snippet.id, "snippet_source": snippet.source})
    messages = template.messages(snippet=snippet.code)
    try:
        parsed, keys = await synth.ask(messages, synth.settings.generate.code_max_tokens, parse_problem, template.stop)
    except BudgetExhausted:
        raise
    except LlmError as exc:
        synth.reject(unit.key, snippet.id, "question", f"llm_{exc.reason}", detail=str(exc)[:500],
                     api_nodes=snippet.api_nodes)
        return None
    if isinstance(parsed, Malformed):
        stage = "question" if parsed.reason == "empty_question" else "code"
        synth.reject(unit.key, snippet.id, stage, parsed.reason, detail=parsed.detail, api_nodes=snippet.api_nodes)
        return None
    unit.question = parsed.problem
    return synth.candidate(unit, parsed.code, "code", template.version, keys)


async def run_oss_instruct(
    settings: Settings,
    store: GraphStore,
    n: int,
    out_dir: Path,
    client: LlmClient,
    verifier: Verifier | None,
    scope: Scope,
    docs: Sequence[Path] = (),
    progress: Progress | None = None,
) -> GenerateReport:
    tick = time.perf_counter()
    collection = collect_snippets(store, scope, docs)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / SNIPPETS_FILE).unlink(missing_ok=True)
    with appender(out_dir / SNIPPETS_FILE) as handle:
        for snippet in collection.snippets:
            append(handle, snippet)
    collect_s = time.perf_counter() - tick
    synth = Synthesizer(settings, client, FactRetriever(store))

    async def draft(wave: list[Snippet], done_units: set[str], timings: Counter) -> tuple[list[Candidate], int]:
        todo = [s for s in wave if f"{s.id}#0" not in done_units]
        tick = time.perf_counter()
        drafts = await asyncio.gather(*(_draft(synth, s) for s in todo))
        timings["code"] += time.perf_counter() - tick
        return [d for d in drafts if d is not None], len(todo)

    report = await run_waves(
        settings, out_dir, n, client, verifier, synth, collection.snippets, draft,
        templates=("oss_instruct", "repair"), inputs_skipped=dict(collection.skipped), progress=progress,
    )
    report.timings_s["collect_snippets"] = round(collect_s, 3)
    return report


def generate_oss_instruct(
    settings: Settings,
    store: GraphStore,
    n: int,
    out_dir: Path,
    model: str | None = None,
    verifier: Verifier | None | Literal["arkts"] = "arkts",
    progress: Progress | None = None,
    scope: Scope | None = None,
    docs: Sequence[Path] = (),
) -> GenerateReport:
    """Generate until ``out_dir/samples.jsonl`` holds ``n`` verified, de-duplicated OSS-Instruct samples
    (or snippets, attempts or budget run out). Seeds are the documentation's code examples in ``scope``
    (default: the seeds' scope setting), from the graph and from ``docs`` files. Re-running resumes."""
    chosen = scope or default_scope(settings)
    return execute(
        settings, out_dir, model, verifier,
        lambda client, check: run_oss_instruct(settings, store, n, out_dir, client, check, chosen, docs, progress),
    )
