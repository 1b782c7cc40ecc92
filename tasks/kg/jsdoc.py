"""JSDoc blocks of the SDK declarations: description and tags as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tasks.records import Param, Throw

_TAG_LINE = re.compile(r"^@(\w+)\s?(.*)$")
# Tags that end an @example block; other "@" lines inside an example are code (decorators).
_BLOCK_TAGS = {
    "param", "returns", "return", "throws", "throw", "since", "deprecated", "useinstead", "syscap",
    "permission", "systemapi", "atomicservice", "crossplatform", "example", "file", "kit", "famodelonly",
    "stagemodelonly", "form", "test", "default", "type", "readonly", "static", "extends", "interface",
    "namespace", "enum", "typedef", "constant", "override", "implements", "name", "see", "struct", "version",
    "memberof", "StageModelOnly", "FAModelOnly",
}
_INT = re.compile(r"\d+")


@dataclass
class JsDoc:
    description: str = ""
    params: list[Param] = field(default_factory=list)
    returns_type: str = ""
    returns_description: str = ""
    throws: list[Throw] = field(default_factory=list)
    since: int | None = None
    deprecated: bool = False
    deprecated_since: int | None = None
    use_instead: str = ""
    syscap: str = ""
    permission: str = ""
    system_api: bool = False
    atomic_service: bool = False
    cross_platform: bool = False
    examples: list[str] = field(default_factory=list)
    is_file_header: bool = False  # a "@file" block documents the file, not the next declaration


def comment_lines(comment: str) -> list[str]:
    """The text lines of a /** */ block without the comment markers and leading '*'."""
    body = comment[3:] if comment.startswith("/**") else comment
    if body.endswith("*/"):
        body = body[:-2]
    lines = []
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("*"):
            stripped = stripped[1:]
            # keep relative indentation of example code: drop only one separating space
            stripped = stripped[1:] if stripped.startswith(" ") else stripped
            line = stripped.rstrip()
        else:
            line = stripped
        lines.append(line)
    return lines


def _split_braced(text: str) -> tuple[str, str]:
    """'{ A<{x: B}> } rest' -> ('A<{x: B}>', 'rest'); no leading brace -> ('', text)."""
    text = text.strip()
    if not text.startswith("{"):
        return "", text
    depth = 0
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[1:i].strip(), text[i + 1 :].strip()
    return text[1:].strip(), ""  # unbalanced: everything is the type


def _strip_dash(text: str) -> str:
    text = text.strip()
    return text[1:].strip() if text.startswith("-") else text


def _first_int(text: str) -> int | None:
    match = _INT.search(text)
    return int(match.group()) if match else None


def _param(text: str) -> Param:
    type_, rest = _split_braced(text)
    name, _, description = rest.partition(" ")
    optional = name.startswith("[")
    name = name.strip("[]").split("=", 1)[0]
    return Param(name=name, type=type_, description=_strip_dash(description), optional=optional)


def _throw(text: str) -> Throw:
    type_, rest = _split_braced(text)
    code, _, description = rest.partition(" ")
    if not code.isdigit():
        code, description = "", rest
    return Throw(code=code, type=type_, description=_strip_dash(description))


def parse_jsdoc(comment: str) -> JsDoc:
    doc = JsDoc()
    description: list[str] = []
    tags: list[tuple[str, list[str]]] = []
    for line in comment_lines(comment):
        match = _TAG_LINE.match(line.strip())
        in_example = bool(tags) and tags[-1][0] == "example"
        if match and not (in_example and match.group(1) not in _BLOCK_TAGS):
            tags.append((match.group(1), [match.group(2)]))
        elif tags:
            tags[-1][1].append(line)
        else:
            description.append(line)
    doc.description = "\n".join(description).strip()
    for tag, lines in tags:
        text = " ".join(part.strip() for part in lines if part.strip())
        if tag == "param":
            doc.params.append(_param(text))
        elif tag in ("returns", "return"):
            doc.returns_type, rest = _split_braced(text)
            doc.returns_description = _strip_dash(rest)
        elif tag in ("throws", "throw"):
            doc.throws.append(_throw(text))
        elif tag == "since":
            doc.since = _first_int(text)
        elif tag == "deprecated":
            doc.deprecated = True
            doc.deprecated_since = _first_int(text)
        elif tag == "useinstead":
            doc.use_instead = text
        elif tag == "syscap":
            doc.syscap = text
        elif tag == "permission":
            doc.permission = text
        elif tag == "systemapi":
            doc.system_api = True
        elif tag == "atomicservice":
            doc.atomic_service = True
        elif tag == "crossplatform":
            doc.cross_platform = True
        elif tag == "example":
            doc.examples.append("\n".join(lines).strip("\n"))
        elif tag == "file":
            doc.is_file_header = True
    return doc
