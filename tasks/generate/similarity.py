"""Near-duplicate detection by normalised Levenshtein similarity (rapidfuzz).

Exact all-pairs Levenshtein over thousands of code samples is too slow, so within a
dataset candidate pairs come from MinHash LSH over character 8-grams (plus the length
bound the threshold implies) and every candidate is then verified exactly. Against a
benchmark (small), every pair is compared exactly."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tasks.settings import PROJECT_ROOT, DedupSettings

SHINGLE = 8  # bytes, packed exactly into one uint64
BANDS = 12
ROWS = 5  # 60 hash functions; 8-gram Jaccard 0.7 becomes a candidate with p ≈ 0.89, 0.8 with p ≈ 0.99
_rng = np.random.default_rng(20240601)
_A = _rng.integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)

INSTRUCTION_FIELDS = ("instruction", "question", "prompt")
SOLUTION_FIELDS = ("solution", "code", "canonical_solution", "output")


def normalize(text: str) -> str:
    """Whitespace-insensitive form used for every comparison."""
    return " ".join(text.split())


def similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(normalize(a), normalize(b))


@dataclass(frozen=True)
class BenchmarkItem:
    id: str
    instruction: str
    solution: str


def benchmark_files(settings: DedupSettings) -> list[Path]:
    if settings.benchmark_paths:
        return list(settings.benchmark_paths)
    return sorted((PROJECT_ROOT / "benchmark" / "arkts").glob("*.jsonl"))


def load_benchmark(paths: Iterable[Path]) -> list[BenchmarkItem]:
    """Instructions and solutions of any JSONL (field names as in common benchmark formats)."""
    items: list[BenchmarkItem] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            instruction = next((str(row[f]) for f in INSTRUCTION_FIELDS if row.get(f)), "")
            solution = next((str(row[f]) for f in SOLUTION_FIELDS if row.get(f)), "")
            item_id = str(row.get("id") or row.get("task_id") or f"{path.name}:{number}")
            items.append(BenchmarkItem(item_id, instruction, solution))
    return items


class NearDuplicateIndex:
    """Texts seen so far; ``match`` finds the most similar one above the threshold (exact scores)."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._ids: list[str] = []
        self._texts: list[str] = []

    def add(self, item_id: str, text: str) -> None:
        self._ids.append(item_id)
        self._texts.append(normalize(text))

    def match(self, text: str) -> tuple[str, float] | None:
        if not self._texts:
            return None
        found = process.extractOne(
            normalize(text), self._texts, scorer=Levenshtein.normalized_similarity, score_cutoff=self.threshold
        )
        if found is None:
            return None
        _, score, index = found
        return self._ids[index], float(score)


def _shingle_hashes(text: str) -> np.ndarray:
    """Distinct character n-grams of the UTF-8 bytes, each packed exactly into one integer."""
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8).astype(np.uint64)
    if len(data) < SHINGLE:
        return np.array([int.from_bytes(text.encode("utf-8")[:SHINGLE].ljust(SHINGLE, b"\0"), "big")], dtype=np.uint64)
    packed = np.zeros(len(data) - SHINGLE + 1, dtype=np.uint64)
    for offset in range(SHINGLE):
        packed = (packed << np.uint64(8)) | data[offset : offset + len(packed)]
    return np.unique(packed)


def minhash(text: str) -> np.ndarray:
    hashes = _shingle_hashes(text)[:, None]
    # multiply-shift hashing: (a*h + b) mod 2^64, high 32 bits
    return ((hashes * _A + _B) >> np.uint64(32)).min(axis=0)


def candidate_pairs(texts: Sequence[str], threshold: float) -> set[tuple[int, int]]:
    """Pairs (i < j) sharing an LSH bucket whose lengths allow similarity >= threshold."""
    lengths = [len(t) for t in texts]
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        signature = minhash(text)
        for band in range(BANDS):
            buckets[(band, signature[band * ROWS : (band + 1) * ROWS].tobytes())].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                short, long = sorted((lengths[i], lengths[j]))
                if long == 0 or short / long >= threshold:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def exact_scores(pairs: Iterable[tuple[int, int]], texts: Sequence[str], threshold: float) -> dict[tuple[int, int], float]:
    """Exact normalised Levenshtein for candidate pairs; only those at or above the threshold."""
    found: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        score = Levenshtein.normalized_similarity(texts[i], texts[j], score_cutoff=threshold)
        if score >= threshold and score > 0:
            found[(i, j)] = score
    return found


def cross_scores(queries: Sequence[str], choices: Sequence[str], threshold: float, workers: int) -> list[tuple[int, int, float]]:
    """Every query against every choice, exactly; (query index, choice index, score) at or above threshold."""
    if not queries or not choices:
        return []
    matrix = process.cdist(
        queries, choices, scorer=Levenshtein.normalized_similarity, score_cutoff=threshold, workers=workers, dtype=np.float32
    )
    rows, cols = np.nonzero(matrix >= max(threshold, 1e-9))
    return [(int(r), int(c), float(matrix[r, c])) for r, c in zip(rows, cols, strict=True)]
