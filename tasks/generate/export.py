"""Export: LLaMA-Factory alpaca JSON + its dataset_info.json entry, and the full JSONL."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from tasks.generate.io import append, read_records
from tasks.records import Sample
from tasks.settings import Settings

ALPACA_FILE = "train.alpaca.json"
FULL_FILE = "train.full.jsonl"
DATASET_INFO_FILE = "dataset_info.json"
DATASET_NAME = "apisynth_arkts"


class ExportReport(BaseModel):
    samples_in: int
    exported: int
    by_kind: dict[str, int] = Field(default_factory=dict)
    mix: str  # the single:multi ratio asked for
    skipped_unverified: int
    bad_input_lines: int
    alpaca_path: str
    dataset_info_path: str
    full_path: str


def to_alpaca(sample: Sample) -> dict[str, str]:
    return {"instruction": sample.question, "input": "", "output": f"```typescript\n{sample.code}\n```"}


def mix(samples: list[Sample], single: int, multi: int) -> list[Sample]:
    """The largest selection with single:multi in the given ratio; when one kind is absent the other is
    kept whole (other kinds, e.g. oss_instruct, are kept as they are)."""
    singles = [s for s in samples if s.seed_kind == "single"]
    multis = [s for s in samples if s.seed_kind == "multi"]
    others = [s for s in samples if s.seed_kind not in ("single", "multi")]
    if not singles or not multis:
        pass
    elif single and multi:
        units = min(len(singles) // single, len(multis) // multi)
        singles, multis = singles[: units * single], multis[: units * multi]
    elif single:
        multis = []
    elif multi:
        singles = []
    return singles + multis + others


def export_dataset(settings: Settings, samples_path: Path, out_dir: Path, name: str = DATASET_NAME) -> ExportReport:
    """Write the training files for LLaMA-Factory (alpaca) and TRL/datasets (full JSONL).
    Only samples that passed verification (or were not verified at all) are exported."""
    gen = settings.generate
    samples, bad = read_records(samples_path, Sample)
    usable = [s for s in samples if s.validation is None or s.validation.status == "pass"]
    chosen = mix(usable, gen.mix_single, gen.mix_multi)
    out_dir.mkdir(parents=True, exist_ok=True)
    alpaca_path, info_path, full_path = out_dir / ALPACA_FILE, out_dir / DATASET_INFO_FILE, out_dir / FULL_FILE
    alpaca_path.write_text(json.dumps([to_alpaca(s) for s in chosen], ensure_ascii=False, indent=1), encoding="utf-8")
    with full_path.open("w", encoding="utf-8") as handle:
        for sample in chosen:
            append(handle, sample)
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    info[name] = {
        "file_name": alpaca_path.name,
        "formatting": "alpaca",
        "columns": {"prompt": "instruction", "query": "input", "response": "output"},
    }
    info_path.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return ExportReport(
        samples_in=len(samples),
        exported=len(chosen),
        by_kind=dict(Counter(s.seed_kind for s in chosen)),
        mix=f"{gen.mix_single}:{gen.mix_multi}",
        skipped_unverified=len(samples) - len(usable),
        bad_input_lines=len(bad),
        alpaca_path=str(alpaca_path),
        dataset_info_path=str(info_path),
        full_path=str(full_path),
    )
