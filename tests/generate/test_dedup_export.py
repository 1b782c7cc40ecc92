"""Batch dedup against a benchmark and within the dataset; export readable by LLaMA-Factory and datasets."""

from __future__ import annotations

import json

from tasks.generate.dedup import dedup_samples
from tasks.generate.export import export_dataset
from tasks.generate.io import read_records
from tasks.generate.templates import load_template
from tasks.records import RunResult, Sample
from tasks.settings import Settings

ALPACA_COLUMNS = {"prompt", "query", "response", "history", "system", "tools", "images", "videos", "audios"}


def sample(i: int, question: str, code: str, kind: str = "single", status: str = "pass") -> Sample:
    return Sample(id=f"s{i}", question=question, code=code, api_nodes=["@ohos.util.ArrayList/ArrayList.add"],
                  seed_id=f"seed{i}", seed_kind=kind, teacher_model="t", template_version="code@1.x",
                  validation=RunResult(candidate_id=f"s{i}", status=status))


def code(body: str) -> str:
    return f"export function f(): number {{\n{body}\n}}"


def write(path, samples) -> None:
    path.write_text("".join(s.model_dump_json() + "\n" for s in samples))


def test_dedup_removes_near_copies_and_benchmark_hits_and_keeps_distinct(tmp_path):
    bench = tmp_path / "bench.jsonl"
    bench.write_text(json.dumps({"id": "b1", "instruction": "Sort a HashMap's keys and return them joined by commas.",
                                 "solution": code("  const total: number = [3, 1, 2].reduce((a, b) => a + b, 0);\n  return total;")}) + "\n")
    samples = [
        sample(0, "Count how many even numbers an ArrayList holds after adding a range.", code("  const list = new ArrayList<number>();\n  list.add(1);\n  return list.length;")),
        sample(1, "Count how many even numbers an ArrayList holds after adding a range!", code("  const seen: Set<string> = new Set<string>();\n  seen.add('a');\n  return seen.size * 2;")),
        sample(2, "Sort a HashMap's keys and return them joined by commas", code("  const x = 7;\n  return x * x;")),
        sample(3, "Reverse a Deque of strings in place and report its new first element.", code("  const total: number = [3, 1, 2].reduce((a, b) => a + b, 0);\n  return  total;")),
        sample(4, "Build a TreeMap of word lengths and find the longest word's length.", code("  const t = 'abc';\n  return t.length;")),
    ]
    write(tmp_path / "samples.jsonl", samples)
    (tmp_path / "samples.jsonl").open("a").write('{"torn": \n')
    report = dedup_samples(Settings(home=tmp_path / "home"), tmp_path / "samples.jsonl", bench, tmp_path / "out")
    kept, _ = read_records(tmp_path / "out" / "samples.dedup.jsonl", Sample)
    assert [s.id for s in kept] == ["s0", "s4"]
    assert report.removed_by == {"dataset_question": 1, "benchmark_question": 1, "benchmark_code": 1}
    assert report.bad_input_lines == 1 and report.dedup_pairs >= 10
    pairs = {p["sample_id"]: p for p in map(json.loads, (tmp_path / "out" / "decontamination-report.jsonl").read_text().splitlines())}
    assert pairs["s1"]["other_id"] == "s0" and pairs["s1"]["score"] > 0.95
    assert pairs["s2"]["other_id"] == "b1" and pairs["s3"] == {**pairs["s3"], "field": "code", "score": 1.0}


def read_llama_factory_alpaca(dataset_dir, name):
    """Validate as LLaMA-Factory's alpaca loader does: dataset_info entry, columns, and a list of records
    whose prompt/response columns are strings (query optional)."""
    info = json.loads((dataset_dir / "dataset_info.json").read_text())[name]
    assert info.get("formatting", "alpaca") == "alpaca"
    columns = info.get("columns", {"prompt": "instruction", "query": "input", "response": "output"})
    assert set(columns) <= ALPACA_COLUMNS and {"prompt", "response"} <= set(columns)
    rows = json.loads((dataset_dir / info["file_name"]).read_text())
    assert isinstance(rows, list)
    for row in rows:
        assert isinstance(row[columns["prompt"]], str) and row[columns["prompt"]]
        assert isinstance(row[columns["response"]], str) and row[columns["response"]]
        assert isinstance(row.get(columns.get("query", "input"), ""), str)
    return rows


def test_export_mix_and_loaders(tmp_path):
    samples = [sample(i, f"Question {i} about ArrayList add?", code(f"  return {i};")) for i in range(9)]
    samples += [sample(10 + i, f"Multi question {i}?", code(f"  return {i} * 2;"), kind="multi") for i in range(3)]
    samples.append(sample(99, "Failed one", code("  return broken;"), status="compile_error"))
    write(tmp_path / "samples.jsonl", samples)
    report = export_dataset(Settings(home=tmp_path / "home"), tmp_path / "samples.jsonl", tmp_path / "export")
    assert report.by_kind == {"single": 8, "multi": 2} and report.skipped_unverified == 1  # 4:1
    rows = read_llama_factory_alpaca(tmp_path / "export", "apisynth_arkts")
    assert len(rows) == 10 and rows[0]["output"].startswith("```typescript\nexport function f()")

    from datasets import load_dataset

    alpaca = load_dataset("json", data_files=str(tmp_path / "export" / "train.alpaca.json"), split="train")
    assert alpaca.column_names == ["instruction", "input", "output"] and len(alpaca) == 10
    full = load_dataset("json", data_files=str(tmp_path / "export" / "train.full.jsonl"), split="train")
    assert len(full) == 10 and "api_nodes" in full.column_names and "validation" in full.column_names


def test_dedup_removes_copies_of_the_prompt_examples(tmp_path):
    example = next(e for e in load_template("code").examples if e.field == "code")
    copy = sample(0, "Return the last of the numbers using a Stack.", example.text.replace("  ", "    "))
    distinct = sample(1, "Build a TreeMap of word lengths and find the longest word's length.", code("  return 3;"))
    write(tmp_path / "samples.jsonl", [copy, distinct])
    bench = tmp_path / "bench.jsonl"
    bench.write_text(json.dumps({"id": "b1", "instruction": "Sort keys.", "solution": "export const x = 1;"}) + "\n")
    report = dedup_samples(Settings(home=tmp_path / "home"), tmp_path / "samples.jsonl", bench, tmp_path / "out")
    kept, _ = read_records(tmp_path / "out" / "samples.dedup.jsonl", Sample)
    assert [s.id for s in kept] == ["s1"] and report.removed_by == {"prompt_example_code": 1}
    assert report.prompt_examples == len(load_template("code").examples)
    pair = json.loads((tmp_path / "out" / "decontamination-report.jsonl").read_text())
    assert pair["other_id"] == example.id and pair["against"] == "prompt_example" and pair["score"] == 1.0
