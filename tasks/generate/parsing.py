"""Teacher outputs parsed into typed values; anything else becomes a Malformed with a countable reason.

Formats are forgiving where small models stumble (questions as JSON or as ``Question 1: ...`` lines,
a code block whose closing fence was cut off or removed by a stop sequence, unfenced code that starts
with an import or export) and strict where it matters: the code still has to pass the checker."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MIN_QUESTION_CHARS = 20
_FENCE = re.compile(r"```[ \t]*(?:typescript|ts|arkts|ets|javascript|js)?[ \t]*\n(.*?)```", re.DOTALL | re.IGNORECASE)
_OPEN_FENCE = re.compile(r"```[ \t]*(?:typescript|ts|arkts|ets|javascript|js)?[ \t]*\n", re.IGNORECASE)
_BARE_CODE = re.compile(r"^\s*(?:import|export)\s", re.MULTILINE)
_LABEL = r"[ \t]*[*#>_-]*[ \t]*{word}(?:[ \t]+\d+)?[ \t]*[*_]*[ \t]*[:.)][ \t]*[*_]*[ \t]*"
_QUESTION_LINE = re.compile(r"^" + _LABEL.format(word="(?:question|task)"), re.IGNORECASE | re.MULTILINE)
_APIS_LINE = re.compile(r"^" + _LABEL.format(word="apis?") + r"(.*)$", re.IGNORECASE | re.MULTILINE)
_PROBLEM_LABEL = re.compile(r"^\s*[*#_]*\s*problem(?:\s+statement)?\s*[*_]*\s*:\s*[*_]*", re.IGNORECASE)
_SOLUTION_LABEL = re.compile(r"[*#_]*\s*solution\s*[*_]*\s*:?\s*[*_]*\s*$", re.IGNORECASE)


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


def _line_questions(text: str) -> list[ParsedQuestion | Malformed]:
    """``Question N: <task>`` blocks, each optionally followed by an ``APIs: a, b`` line."""
    starts = list(_QUESTION_LINE.finditer(text))
    items: list[ParsedQuestion | Malformed] = []
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(text)
        block = text[match.end() : end]
        apis: list[str] = []
        listed = _APIS_LINE.search(block)
        if listed is not None:
            apis = [a.strip(" `*'\"[]().") for a in re.split(r"[,;]", listed.group(1))]
            block = block[: listed.start()]
        lines = [line.strip(" *_") for line in block.splitlines() if line.strip(" *_")]
        items.append(_question({"question": lines[0] if lines else "", "apis": [a for a in apis if a]}))  # one line
    return items


def parse_questions(text: str, finish_reason: str, expected: int) -> list[ParsedQuestion | Malformed]:
    """``{"question": ..}`` / ``{"questions": [..]}`` JSON, or ``Question N: ...`` lines; at most ``expected`` items."""
    obj = _json_object(text, finish_reason)
    if isinstance(obj, Malformed):
        lines = _line_questions(text)
        if lines:
            return lines[:expected]
        reason = "truncated" if finish_reason == "length" else "no_question"
        return [Malformed(reason, "neither a JSON object nor 'Question: ...' lines in the output")]
    if "questions" in obj:
        items = obj["questions"]
        if not isinstance(items, list) or not items:
            return [Malformed("wrong_fields", "'questions' must be a non-empty list")]
        return [_question(item) for item in items[:expected]]
    return [_question(obj)]


def parse_code(text: str, finish_reason: str) -> str | Malformed:
    """The first fenced code block, stripped. A block with no closing fence (cut by the token limit or by
    a stop sequence) runs to the end; unfenced output counts as code when it starts with an import or export."""
    match = _FENCE.search(text)
    if match is not None:
        code = match.group(1)
    elif (opening := _OPEN_FENCE.search(text)) is not None:
        code = text[opening.end() :]
    elif (bare := _BARE_CODE.search(text)) is not None and not text[: bare.start()].strip():
        code = text
    else:
        reason = "truncated" if finish_reason == "length" and "```" in text else "no_code_block"
        return Malformed(reason, "no ```typescript code block in the output")
    code = code.strip()
    if not code:
        return Malformed("empty_code", "the code block is empty")
    return code


@dataclass(frozen=True)
class ParsedProblem:
    problem: str
    code: str


def parse_problem(text: str, finish_reason: str) -> ParsedProblem | Malformed:
    """An OSS-Instruct answer: the problem statement, then its solution in a code block."""
    opening = _OPEN_FENCE.search(text)
    if opening is None:
        reason = "truncated" if finish_reason == "length" else "no_code_block"
        return Malformed(reason, "no ```typescript code block after the problem")
    problem = _SOLUTION_LABEL.sub("", _PROBLEM_LABEL.sub("", text[: opening.start()].strip()))
    problem = " ".join(problem.split())
    if len(problem) < MIN_QUESTION_CHARS:
        return Malformed("empty_question", f"no problem statement before the code: {problem!r}")
    code = parse_code(text[opening.start() :], finish_reason)
    if isinstance(code, Malformed):
        return code
    return ParsedProblem(problem, code)
