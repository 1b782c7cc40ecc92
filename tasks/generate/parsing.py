"""Teacher outputs parsed into typed values; anything else becomes a Malformed with a countable reason."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MIN_QUESTION_CHARS = 20
_FENCE = re.compile(r"```[ \t]*(?:typescript|ts|arkts|ets|javascript|js)?[ \t]*\n(.*?)```", re.DOTALL | re.IGNORECASE)
_OPEN_FENCE = re.compile(r"```[ \t]*(?:typescript|ts|arkts|ets|javascript|js)?[ \t]*\n", re.IGNORECASE)


@dataclass(frozen=True)
class Malformed:
    reason: str  # no_json | wrong_fields | empty_question | truncated | no_code_block | empty_code | ...
    detail: str


@dataclass(frozen=True)
class ParsedQuestion:
    question: str
    apis: tuple[str, ...]  # member names as the teacher wrote them


def _json_object(text: str, finish_reason: str) -> dict | Malformed:
    """The first JSON object in the text (a ```json fence or bare braces)."""
    start = text.find("{")
    if start < 0:
        return Malformed("truncated" if finish_reason == "length" else "no_json", "no '{' in the output")
    decoder = json.JSONDecoder()
    error = ""
    while start >= 0:
        try:
            value, _ = decoder.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            error = str(exc)
            start = text.find("{", start + 1)
            continue
        if isinstance(value, dict):
            return value
        start = text.find("{", start + 1)
    reason = "truncated" if finish_reason == "length" else "no_json"
    return Malformed(reason, f"no valid JSON object: {error}")


def _question(item: object) -> ParsedQuestion | Malformed:
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        return Malformed("wrong_fields", f"expected an object with a 'question' string, got {str(item)[:120]!r}")
    apis = item.get("apis", [])
    if not isinstance(apis, list) or not all(isinstance(a, str) for a in apis):
        return Malformed("wrong_fields", "'apis' must be a list of strings")
    text = " ".join(item["question"].split())
    if len(text) < MIN_QUESTION_CHARS:
        return Malformed("empty_question", f"question too short: {text!r}")
    return ParsedQuestion(text, tuple(a.strip() for a in apis if a.strip()))


def parse_questions(text: str, finish_reason: str, expected: int) -> list[ParsedQuestion | Malformed]:
    """``{"question": ..}`` (single seeds) or ``{"questions": [..]}`` (multi seeds); at most ``expected`` items."""
    obj = _json_object(text, finish_reason)
    if isinstance(obj, Malformed):
        return [obj]
    if "questions" in obj:
        items = obj["questions"]
        if not isinstance(items, list) or not items:
            return [Malformed("wrong_fields", "'questions' must be a non-empty list")]
        return [_question(item) for item in items[:expected]]
    return [_question(obj)]


def parse_code(text: str, finish_reason: str) -> str | Malformed:
    """The first fenced code block, stripped."""
    match = _FENCE.search(text)
    if match is None:
        if _OPEN_FENCE.search(text) and finish_reason == "length":
            return Malformed("truncated", "the code block was cut off by the token limit")
        return Malformed("no_code_block", "no ```typescript code block in the output")
    code = match.group(1).strip()
    if not code:
        return Malformed("empty_code", "the code block is empty")
    return code
