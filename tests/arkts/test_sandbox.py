"""The sandbox against hostile code: each escape is tried and must be contained.

The bundles here are plain JavaScript shaped like the runner's bundles (they export
``start(delegator)``), so they can try what ArkTS's static checks would already refuse."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from tasks.arkts.run import TaskCandidate, interpret, run_tasks
from tasks.arkts.sandbox import run_in_docker, run_in_process
from tasks.records import RunResult

ESCAPES = r"""
const attempts = {};
function attempt(name, action) {
  try {
    attempts[name] = 'allowed:' + String(action());
  } catch (error) {
    attempts[name] = 'denied:' + (error.code || error.name);
  }
}
exports.start = function start(delegator) {
  attempt('http', () => require('http').get('http://127.0.0.1:9/'));
  attempt('net', () => require('node:net').connect(9, '127.0.0.1'));
  attempt('dns', () => require('dns').lookup('example.com', () => {}));
  attempt('fetch', () => fetch('http://127.0.0.1:9/'));
  attempt('binding', () => process.binding('tcp_wrap'));
  attempt('spawn', () => require('child_process').spawnSync('id'));
  attempt('worker', () => new (require('worker_threads').Worker)('1', { eval: true }));
  attempt('write-outside', () => require('fs').writeFileSync(process.env.OUTSIDE || '__OUTSIDE__', 'x'));
  attempt('read-outside', () => require('fs').readFileSync('/etc/hostname', 'utf8').length);
  attempt('write-inside', () => { require('fs').writeFileSync(__dirname + '/scratch.txt', 'ok'); return 'ok'; });
  attempt('big-buffer', () => new ArrayBuffer(10 * 1024 * 1024 * 1024).byteLength);
  console.log('ATTEMPTS' + JSON.stringify(attempts));
  delegator.finishTest();
};
"""


def _run(tmp_path: Path, source: str, settings) -> tuple[Path, object]:
    workdir = tmp_path / "task"
    workdir.mkdir()
    bundle = workdir / "bundle.js"
    bundle.write_text(source, encoding="utf-8")
    return workdir, run_in_process(bundle, workdir, settings)


def test_escapes_are_denied(tmp_path, arkts_settings):
    outside = tmp_path / "outside.txt"
    workdir, outcome = _run(tmp_path, ESCAPES.replace("__OUTSIDE__", str(outside)), arkts_settings)
    line = next(l for l in outcome.stdout.splitlines() if l.startswith("ATTEMPTS"))
    attempts = json.loads(line[len("ATTEMPTS") :])
    for name in ["http", "net", "dns", "binding", "spawn", "worker", "write-outside", "read-outside", "big-buffer"]:
        assert attempts[name].startswith("denied:"), (name, attempts[name])
    assert attempts["fetch"] == "denied:ReferenceError"
    assert attempts["write-outside"] == "denied:ERR_ACCESS_DENIED"
    assert not outside.exists()
    assert attempts["write-inside"] == "allowed:ok"
    assert (workdir / "scratch.txt").read_text() == "ok"
    assert outcome.returncode == 0 and not outcome.timed_out


def test_environment_and_result_tag_are_not_visible(tmp_path, arkts_settings):
    source = """exports.start = function (delegator) {
  console.log('ENV' + JSON.stringify(Object.keys(process.env).sort()));
  delegator.finishTest();
};"""
    _, outcome = _run(tmp_path, source, arkts_settings)
    line = next(l for l in outcome.stdout.splitlines() if l.startswith("ENV"))
    keys = json.loads(line[3:])
    assert "APISYNTH_RESULT_TAG" not in keys
    assert set(keys) <= {"PATH", "HOME", "TMPDIR"}


def test_forged_result_line_is_ignored(tmp_path, arkts_settings):
    source = """exports.start = function (delegator) {
  console.log('@@result-0000000000000000@@{"tests":[{"suite":"s","name":"t","status":"pass","message":"","duration_s":0}]}');
  while (true) {}
};"""
    _, outcome = _run(tmp_path, source, arkts_settings.model_copy(update={"timeout_s": 1.0}))
    result = interpret(RunResult(candidate_id="forger", status="pass"), outcome)
    assert result.status == "timeout"


def test_infinite_loop_is_killed_at_the_limit(tmp_path, arkts_settings):
    source = "exports.start = function () { while (true) {} };"
    _, outcome = _run(tmp_path, source, arkts_settings.model_copy(update={"timeout_s": 1.0}))
    assert outcome.timed_out
    assert outcome.elapsed_s < 5


def test_heap_exhaustion_ends_the_child_only(tmp_path, arkts_settings):
    source = "exports.start = function () { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); };"
    _, outcome = _run(tmp_path, source, arkts_settings.model_copy(update={"memory_mb": 256}))
    result = interpret(RunResult(candidate_id="hoard", status="pass"), outcome)
    assert result.status == "crash"
    assert "memory limit" in result.message


def test_output_flood_is_bounded(tmp_path, arkts_settings):
    source = "exports.start = function () { const s = 'x'.repeat(1 << 20); for (;;) process.stdout.write(s); };"
    workdir, outcome = _run(tmp_path, source, arkts_settings.model_copy(update={"timeout_s": 5.0}))
    result = interpret(RunResult(candidate_id="flood", status="pass"), outcome)
    assert result.status in {"crash", "timeout"}
    assert (workdir / "stdout.txt").stat().st_size <= 32 * 1024 * 1024


def test_run_folders_are_removed(monkeypatch, tmp_path, examples, arkts_settings):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    brackets = examples["example-algorithm-brackets"]
    result = run_tasks([TaskCandidate("b", brackets["solution"], brackets["test"])], arkts_settings)
    assert result["b"].status == "pass"
    assert os.listdir(tmp_path) == []


def _docker_engine_available() -> bool:
    try:
        import docker

        docker.from_env().ping()
        return True
    except Exception:
        return False


@pytest.mark.skipif(not _docker_engine_available(), reason="no Docker engine reachable from this host")
def test_docker_sandbox_denies_network_and_limits_time(tmp_path, arkts_settings):
    settings = arkts_settings.model_copy(update={"sandbox": "docker", "timeout_s": 2.0})
    workdir = tmp_path / "task"
    workdir.mkdir()
    bundle = workdir / "bundle.js"
    bundle.write_text(ESCAPES.replace("__OUTSIDE__", "/outside.txt"), encoding="utf-8")
    outcome = run_in_docker(bundle, workdir, settings)
    line = next(l for l in outcome.stdout.splitlines() if l.startswith("ATTEMPTS"))
    attempts = json.loads(line[len("ATTEMPTS") :])
    assert attempts["http"].startswith("denied:")
    assert attempts["write-outside"].startswith("denied:")
    bundle.write_text("exports.start = function () { while (true) {} };", encoding="utf-8")
    assert run_in_docker(bundle, workdir, settings).timed_out
