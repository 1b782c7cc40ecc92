"""A small real graph (LadybugDB) with @kit.ArkTS facts, a scripted teacher served through a
LiteLLM custom provider (unit tests only; the local model is its real twin), and a fake verifier
(the ArkTS checker is its real twin)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from litellm import CustomLLM, ModelResponse

from tasks.kg.ladybug_store import LadybugStore
from tasks.llm.local import register_provider
from tasks.records import ApiEntity, Diagnostic, Param, Relation, RunResult, Seed, Throw
from tasks.settings import Settings

AL = "@ohos.util.ArrayList"
HM = "@ohos.util.HashMap"


def entities() -> list[ApiEntity]:
    def method(module: str, owner: str, name: str, signature: str, returns: str, params: list[Param] = []) -> ApiEntity:
        return ApiEntity(qualified_name=f"{module}/{owner}.{name}", kind="method", name=name, module=module,
                         parent=f"{module}/{owner}", signatures=[signature], returns_type=returns, params=params,
                         description=f"{name} of {owner}.")

    return [
        ApiEntity(qualified_name=AL, kind="module", name=AL, module=AL),
        ApiEntity(qualified_name=HM, kind="module", name=HM, module=HM),
        ApiEntity(qualified_name="@kit.ArkTS", kind="kit", name="@kit.ArkTS", module="@kit.ArkTS"),
        ApiEntity(qualified_name=f"{AL}/ArrayList", kind="class", name="ArrayList", module=AL, parent=AL,
                  signatures=["class ArrayList<T>"], description="A linear container backed by an array."),
        method(AL, "ArrayList", "add", "add(element: T): boolean", "boolean", [Param(name="element", type="T")]),
        method(AL, "ArrayList", "getIndexOf", "getIndexOf(element: T): number", "number"),
        ApiEntity(qualified_name=f"{AL}/ArrayList.removeByIndex", kind="method", name="removeByIndex", module=AL,
                  parent=f"{AL}/ArrayList", signatures=["removeByIndex(index: number): T"], returns_type="T",
                  throws=[Throw(code="10200001", type="BusinessError", description="index out of range")]),
        ApiEntity(qualified_name=f"{HM}/HashMap", kind="class", name="HashMap", module=HM, parent=HM,
                  signatures=["class HashMap<K, V>"], description="A map of keys to values."),
        method(HM, "HashMap", "set", "set(key: K, value: V): Object", "Object"),
        method(HM, "HashMap", "get", "get(key: K): V", "V"),
    ]


def relations() -> list[Relation]:
    out = [Relation(type="REEXPORTS", source="@kit.ArkTS", target=f"{AL}/ArrayList"),
           Relation(type="REEXPORTS", source="@kit.ArkTS", target=f"{HM}/HashMap")]
    for e in entities():
        if e.parent:
            out.append(Relation(type="CONTAINS", source=e.parent, target=e.qualified_name))
    return out


@pytest.fixture
def store(tmp_path):
    graph = LadybugStore(tmp_path / "graph")
    graph.replace_all(entities(), relations(), build_id="test")
    yield graph
    graph.close()


@pytest.fixture
def settings(tmp_path) -> Settings:
    bench = tmp_path / "bench.jsonl"
    bench.write_text(json.dumps({"id": "bench-1", "instruction": "Reverse the order of a string and return it uppercase.",
                                 "solution": "export function rev(s: string): string { return s; }"}) + "\n")
    return Settings(home=tmp_path / "home", llm={"model": "scripted/teacher", "concurrency": 4},
                    dedup={"benchmark_paths": [str(bench)]})


def seed(kind: str, apis: list[str], ident: str) -> Seed:
    facts = [e for e in entities() if e.qualified_name in apis]
    return Seed(id=ident, kind=kind, apis=apis, facts=facts, score=1.0)


def write_seeds(path: Path, seeds: list[Seed]) -> Path:
    path.write_text("".join(s.model_dump_json() + "\n" for s in seeds))
    return path


CODE = """import {{ ArrayList }} from '@kit.ArkTS';

export function {name}(values: number[]): number {{
  const list: ArrayList<number> = new ArrayList<number>();
  for (const v of values) {{
    list.add(v);
  }}
  return list.getIndexOf({marker});
}}"""


class ScriptedTeacher(CustomLLM):
    """Answers by prompt kind; behaviour keyed on words in the prompt so each test can steer it."""

    def __init__(self) -> None:
        super().__init__()
        self.prompts: list[str] = []

    def answer(self, system: str, user: str) -> str:
        if "Let it inspire you" in user:  # OSS-Instruct: a problem and its solution
            snippet = user.split("Snippet:\n```\n")[1].split("```")[0]
            name = "fn" + str(sum(map(ord, snippet)))
            inspiration = " ".join(snippet.split())
            code = f"```typescript\n// inspired by: {inspiration}\n" + CODE.format(name=name, marker=7) + "\n```"
            if "NO_PROBLEM" in snippet:
                return code  # malformed: no problem statement
            if "BROKEN" in snippet:
                code = code.replace("(7)", "(BROKEN)")
            return f"Problem: Write `{name}`, a reusable function doing what this does: {inspiration}\nSolution:\n{code}"
        if "Now your turn." in user:  # question prompts; single seeds answer in lines, multi seeds in JSON
            user = user.split("Now your turn.")[1]
            api = re.search(r"API(?: 1)?: (\w+)", user).group(1)
            if api == "HashMap" and "API 1" not in user:
                return "I cannot write such a task, sorry."  # malformed: neither JSON nor question lines
            if "API 1" in user:
                return json.dumps({"questions": [
                    {"question": "Store values in an ArrayList with add and index them in a HashMap with set.", "apis": ["add", "set"]},
                    {"question": "Collect numbers in an ArrayList via add, look one up with getIndexOf, keep it in a HashMap via set.",
                     "apis": ["add", "getIndexOf", "set"]},
                    {"question": "Only collect numbers in an ArrayList with add and return its contents.", "apis": ["add"]},
                ]})
            return (f"Question: Write a function that adds numbers to an {api} with add and returns getIndexOf of 7.\n"
                    "APIs: add, getIndexOf")
        if "compiler and linter report" in user:
            return "```typescript\n" + CODE.format(name="repairedFn", marker=7) + "\n```"
        task = re.search(r"Task: (.*)", user).group(1)
        if "look one up" in task:
            return "Here is the answer without any code."  # malformed: no code block
        if "index them" in task:
            return "```typescript\n" + CODE.format(name="broken", marker="BROKEN") + "\n```"
        return "```typescript\n" + CODE.format(name="indexOfSeven", marker=7)  # closing fence removed by a stop sequence

    def completion(self, model, messages, *args, **kwargs):
        system, user = messages[0]["content"], messages[-1]["content"]
        self.prompts.append(user)
        text = self.answer(system, user)
        return ModelResponse(choices=[{"message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                             usage={"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15})

    async def acompletion(self, model, messages, *args, **kwargs):
        return self.completion(model, messages, *args, **kwargs)


@pytest.fixture
def teacher() -> ScriptedTeacher:
    model = ScriptedTeacher()
    register_provider("scripted", model)
    return model


class FakeVerifier:
    """Passes code unless it contains BROKEN (then a type error, as the ArkTS checker would report)."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, sources: Mapping[str, str]) -> dict[str, RunResult]:
        self.batches.append(list(sources))
        results = {}
        for cid, code in sources.items():
            if "BROKEN" in code:
                diag = Diagnostic(file="solution.ets", line=8, column=27, code="TS2304", message="Cannot find name 'BROKEN'.")
                results[cid] = RunResult(candidate_id=cid, status="compile_error", diagnostics=[diag])
            else:
                results[cid] = RunResult(candidate_id=cid, status="pass")
        return results
