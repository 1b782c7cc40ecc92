"""Run one bundled test suite as untrusted code.

Process sandbox (default, works everywhere): a child Node process in its own session with
a wall-clock limit, a V8 heap limit plus an address-space limit, Node's permission model
(reads only the harness and its own folder, writes only its own folder, no child
processes, no worker threads, no native addons), network modules removed by a preload,
and, where the host allows it, a fresh network namespace with no interfaces.
Docker sandbox (deployments with an engine): the same command in a throw-away container
with no network, memory/CPU/pid limits and a read-only root file system."""

from __future__ import annotations

import functools
import os
import resource
import secrets
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tasks.settings import ArktsSettings

OUTPUT_LIMIT_BYTES = 32 * 1024 * 1024  # the run's stdout/stderr files, and any file it writes
STDERR_TAIL = 2000
CONTAINER_TOOLCHAIN = "/opt/arkts"
CONTAINER_WORKDIR = "/run/task"


@dataclass
class ChildOutcome:
    stdout: str
    stderr_tail: str
    returncode: int | None
    timed_out: bool
    elapsed_s: float
    tag: str


@functools.cache
def network_namespace_available() -> bool:
    """True when this host lets us start a process in a new, empty network namespace."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    try:
        return subprocess.run([unshare, "--net", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _node_command(node: str, harness: Path, bundle: str, workdir: str, heap_mb: int) -> list[str]:
    return [
        node,
        "--no-warnings",
        "--experimental-permission",
        f"--allow-fs-read={harness}/*",  # one flag per path: Node 20 mishandles comma lists of globs
        f"--allow-fs-read={workdir}/*",
        f"--allow-fs-write={workdir}/*",
        f"--max-old-space-size={heap_mb}",
        "--require",
        str(harness / "sandbox_guard.js"),
        str(harness / "run_tests.js"),
        bundle,
    ]


def _heap_mb(settings: ArktsSettings) -> int:
    return max(64, settings.memory_mb // 2)


def _address_space_bytes(memory_mb: int) -> int:
    return max(memory_mb, 1024) * 1024 * 1024  # Node needs ~1 GiB of address space to start


def _with_limits(command: list[str], memory_mb: int) -> tuple[list[str], object]:
    """Resource limits for the child: through prlimit(1) where present (safe with threads),
    else set between fork and exec."""
    prlimit = shutil.which("prlimit")
    if prlimit:
        limits = [f"--as={_address_space_bytes(memory_mb)}", f"--fsize={OUTPUT_LIMIT_BYTES}", "--core=0"]
        return [prlimit, *limits, "--", *command], None
    return command, functools.partial(_set_limits, memory_mb)


def _set_limits(memory_mb: int) -> None:
    address_space = _address_space_bytes(memory_mb)
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_LIMIT_BYTES, OUTPUT_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_in_process(bundle: Path, workdir: Path, settings: ArktsSettings) -> ChildOutcome:
    harness = (settings.toolchain_dir / "harness").resolve()
    workdir = workdir.resolve()
    tag = f"@@result-{secrets.token_hex(8)}@@"
    command = _node_command(settings.node, harness, str(bundle.resolve()), str(workdir), _heap_mb(settings))
    if network_namespace_available():
        command = [shutil.which("unshare") or "unshare", "--net", *command]
    command, preexec = _with_limits(command, settings.memory_mb)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(workdir), "TMPDIR": str(workdir)}
    env["APISYNTH_RESULT_TAG"] = tag
    stdout_path, stderr_path = workdir / "stdout.txt", workdir / "stderr.txt"
    started = time.perf_counter()
    timed_out = False
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        proc = subprocess.Popen(
            command,
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,  # own process group: a timeout kills everything it started
            preexec_fn=preexec,
        )
        try:
            proc.wait(timeout=settings.timeout_s)
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            _kill_group(proc)
    elapsed = time.perf_counter() - started
    return ChildOutcome(
        stdout=stdout_path.read_text(encoding="utf-8", errors="replace"),
        stderr_tail=stderr_path.read_text(encoding="utf-8", errors="replace")[-STDERR_TAIL:],
        returncode=None if timed_out else proc.returncode,
        timed_out=timed_out,
        elapsed_s=elapsed,
        tag=tag,
    )


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def run_in_docker(bundle: Path, workdir: Path, settings: ArktsSettings) -> ChildOutcome:
    """The same run inside a throw-away container of ``settings.docker_image``.

    The image holds node and this toolchain folder (node_modules + harness) at /opt/arkts;
    only the task's own folder is mounted, read-write."""
    import docker  # deployments only: keep the import off the default path
    from docker.errors import DockerException

    tag = f"@@result-{secrets.token_hex(8)}@@"
    harness = Path(CONTAINER_TOOLCHAIN) / "harness"
    bundle_in_container = f"{CONTAINER_WORKDIR}/{bundle.resolve().relative_to(workdir.resolve()).as_posix()}"
    command = _node_command("node", harness, bundle_in_container, CONTAINER_WORKDIR, _heap_mb(settings))
    client = docker.from_env()
    started = time.perf_counter()
    container = client.containers.run(
        settings.docker_image,
        command=command,
        detach=True,
        network_disabled=True,
        network_mode="none",
        read_only=True,
        mem_limit=f"{settings.memory_mb}m",
        memswap_limit=f"{settings.memory_mb}m",
        nano_cpus=int(settings.docker_cpus * 1e9),
        pids_limit=64,
        cap_drop=["ALL"],
        security_opt=["no-new-privileges"],
        environment={"APISYNTH_RESULT_TAG": tag, "HOME": CONTAINER_WORKDIR, "TMPDIR": CONTAINER_WORKDIR},
        working_dir=CONTAINER_WORKDIR,
        volumes={str(workdir.resolve()): {"bind": CONTAINER_WORKDIR, "mode": "rw"}},
    )
    timed_out = False
    returncode: int | None = None
    try:
        try:
            returncode = int(container.wait(timeout=settings.timeout_s).get("StatusCode", -1))
        except Exception:  # the SDK raises a requests timeout type; any wait failure ends the run
            timed_out = True
            container.kill()
        stdout = container.logs(stdout=True, stderr=False)[:OUTPUT_LIMIT_BYTES].decode("utf-8", "replace")
        stderr = container.logs(stdout=False, stderr=True)[-STDERR_TAIL:].decode("utf-8", "replace")
    finally:
        try:
            container.remove(force=True)
        except DockerException:
            pass
    return ChildOutcome(
        stdout=stdout,
        stderr_tail=stderr,
        returncode=None if timed_out else returncode,
        timed_out=timed_out,
        elapsed_s=time.perf_counter() - started,
        tag=tag,
    )
