"""kill -9 in the middle of generation, then a re-run: the requested count, no duplicates,
no repeated provider calls for finished samples."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from tasks.generate.io import read_records
from tasks.records import Sample

from .conftest import AL, seed, write_seeds

SCRIPT = textwrap.dedent('''
    import asyncio, sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tests.generate.conftest import ScriptedTeacher, FakeVerifier, entities, relations, AL
    from tasks.records import ApiEntity, Relation

    def boxes():  # ten distinct classes, so every seed has its own prompt
        out = []
        for i in range(10):
            cls = f"{{AL}}/Box{{i}}"
            out.append(ApiEntity(qualified_name=cls, kind="class", name=f"Box{{i}}", module=AL, parent=AL))
            for m in ("add", "getIndexOf"):
                out.append(ApiEntity(qualified_name=f"{{cls}}.{{m}}", kind="method", name=m, module=AL, parent=cls))
        return out
    from tasks.kg.ladybug_store import LadybugStore
    from tasks.llm.local import register_provider
    from tasks.generate.synthesize import generate_samples
    from tasks.settings import Settings

    def key_line(user):  # the task of a code prompt, else the first line
        lines = user.split(chr(10))
        return next((line for line in lines if line.startswith("Task:")), lines[0])

    class LoggedTeacher(ScriptedTeacher):
        def answer(self, system, user):
            text = super().answer(system, user)
            if key_line(user).startswith("Task:"):
                text = text.replace("indexOfSeven", "fn_" + str(abs(hash(key_line(user))) % 10**8))
            return text
        async def acompletion(self, model, messages, *args, **kwargs):
            await asyncio.sleep(0.3)
            with open({log!r}, "a") as log:
                log.write(key_line(messages[-1]["content"]) + chr(10))
            return self.completion(model, messages, *args, **kwargs)

    register_provider("scripted", LoggedTeacher())
    store = LadybugStore(Path({graph!r}))
    if store.build_id() is None:
        extra = boxes()
        links = [Relation(type="CONTAINS", source=e.parent, target=e.qualified_name) for e in extra]
        store.replace_all(entities() + extra, relations() + links, build_id="test")
    settings = Settings(home=Path({home!r}), llm={{"model": "scripted/teacher", "concurrency": 2}},
                        dedup={{"question_threshold": 1.0, "code_threshold": 1.0, "benchmark_paths": []}})
    report = generate_samples(settings, store, Path({seeds!r}), {n}, Path({out!r}), verifier=FakeVerifier())
    print(report.accepted)
''')


def test_kill_and_rerun(tmp_path):
    n = 6
    seeds = [seed("single", [f"{AL}/Box{i}"], f"s{i}") for i in range(10)]
    write_seeds(tmp_path / "seeds.jsonl", seeds)
    script = tmp_path / "run.py"
    script.write_text(SCRIPT.format(root=os.getcwd(), log=str(tmp_path / "calls.log"), graph=str(tmp_path / "graph"),
                                    home=str(tmp_path / "home"), seeds=str(tmp_path / "seeds.jsonl"), n=n,
                                    out=str(tmp_path / "out")))
    samples_file = tmp_path / "out" / "samples.jsonl"
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and not (samples_file.exists() and samples_file.read_text().count("\n") >= 2):
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    before, _ = read_records(samples_file, Sample)
    assert 2 <= len(before) < n
    calls_before = (tmp_path / "calls.log").read_text().splitlines()

    rerun = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    after, bad = read_records(samples_file, Sample)
    assert len(after) == n and len({s.id for s in after}) == n and bad == []
    calls = (tmp_path / "calls.log").read_text().splitlines()
    for sample in before:  # finished samples cost nothing the second time
        task_line = f"Task: {sample.question}"
        assert calls.count(task_line) == 1
    assert len(calls) > len(calls_before)
