"""Prompt templates live as files in prompts/: a system part, a line ``=== user ===``, a user part and,
optionally, a line ``=== assistant ===`` and the start of the answer (a prefill the model continues).
A template's version is its declared number plus a hash of its text, so any edit shows in the samples.
A template may declare the stop sequences of its output format: ``{# stop: ["\\n```\\n"] #}`` (a JSON list).
Its worked examples are read from the fixed text of the user part before the first template tag: every
fenced code block, and every line starting "Example task:", "Question:", "Question N:" or "Problem:"."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jinja2

PROMPTS_DIR = Path(__file__).parent / "prompts"
_SPLIT = "=== user ==="
_PREFILL_SPLIT = "=== assistant ==="
_VERSION = re.compile(r"\{#\s*version:\s*(\d+)")
_STOP = re.compile(r"^\{#\s*stop:\s*(\[.*\])\s*#\}$", re.MULTILINE)
_TAG = re.compile(r"\{[{%#]")
_EXAMPLE_CODE = re.compile(r"^```[^\n]*\n(.*?)\n```", re.MULTILINE | re.DOTALL)
_EXAMPLE_QUESTION = re.compile(r"^(?:Example task|Question(?: \d+)?|Problem):[ \t]*(\S.*)$", re.MULTILINE)


@dataclass(frozen=True)
class WorkedExample:
    """A question or code block the template shows as an example; a sample that repeats it is no new data."""

    id: str  # "<template>.j2:<field>-<n>"
    field: Literal["question", "code"]
    text: str


def worked_examples(name: str, user_source: str) -> tuple[WorkedExample, ...]:
    fixed = _TAG.split(user_source, 1)[0]
    codes = [m.group(1) for m in _EXAMPLE_CODE.finditer(fixed)]
    questions = [m.group(1).strip() for m in _EXAMPLE_QUESTION.finditer(fixed)]
    return tuple(
        WorkedExample(f"{name}.j2:{field}-{n}", field, text)
        for field, texts in (("question", questions), ("code", codes))
        for n, text in enumerate(texts, 1)
    )


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str  # "<name>@<declared version>.<hash of the file>"
    system: jinja2.Template
    user: jinja2.Template
    stop: tuple[str, ...] = ()
    prefill: jinja2.Template | None = None
    examples: tuple[WorkedExample, ...] = ()

    def messages(self, **context: Any) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": self.system.render(**context).strip()},
            {"role": "user", "content": self.user.render(**context).strip()},
        ]

    def prefill_text(self, **context: Any) -> str:
        """The declared start of the answer ("" when none); leading blank lines dropped, trailing text kept as is."""
        return self.prefill.render(**context).lstrip("\n") if self.prefill is not None else ""


_env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)


@cache
def load_template(name: str) -> PromptTemplate:
    path = PROMPTS_DIR / f"{name}.j2"
    text = path.read_text(encoding="utf-8")
    declared = _VERSION.search(text)
    if declared is None or _SPLIT not in text:
        raise ValueError(f"{path}: a template needs a '{{# version: N #}}' header and a '{_SPLIT}' line")
    stop_line = _STOP.search(text)
    stop = tuple(json.loads(stop_line.group(1))) if stop_line else ()
    system, user = text.split(_SPLIT, 1)
    user, _, prefill = user.partition(_PREFILL_SPLIT)
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return PromptTemplate(
        name, f"{name}@{declared.group(1)}.{digest}", _env.from_string(system), _env.from_string(user), stop,
        _env.from_string(prefill) if prefill else None, worked_examples(name, user),
    )


def prompt_examples(names: Iterable[str]) -> list[WorkedExample]:
    """The worked examples of the named templates (each template once)."""
    return [example for name in dict.fromkeys(names) for example in load_template(name).examples]
