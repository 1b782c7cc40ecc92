"""What the scorers are asked: the parent API u and the relation ρ as a prompt prefix,
the member's name v as the continuation whose probability is measured."""

from __future__ import annotations

from tasks.records import ApiEntity

# Bump when the prompt text changes: it is part of every scorer identity, so old scores are redone.
PROMPT_VERSION = "2"

# How a member relates to its parent, by the member's kind (graph_schema node kinds).
RELATION_BY_KIND = {
    "method": "method",
    "function": "function",
    "constructor": "constructor",
    "property": "property",
    "variable": "constant",
    "enum_member": "enum value",
    "class": "class",
    "struct": "struct",
    "interface": "interface",
    "enum": "enum",
    "namespace": "namespace",
    "type_alias": "type",
    "component": "component",
}


def relation(member: ApiEntity) -> str:
    return RELATION_BY_KIND.get(member.kind, "member")


def prefix(parent: ApiEntity, relation_phrase: str, max_description_chars: int) -> str:
    """The prompt up to (not including) the member's name: kind, name, module, description, signature, relation."""
    lines = [f"{parent.kind} {parent.name} (module {parent.module})"]
    description = " ".join(parent.description.split())[:max_description_chars]
    if description:
        lines.append(f"Description: {description}")
    if parent.signatures and _informative(parent.signatures[0], parent.name):
        lines.append(f"Declaration: {' '.join(parent.signatures[0].split())[:200]}")
    lines.append(f"{parent.name} has a {relation_phrase} named")
    return "\n".join(lines)


def _informative(signature: str, name: str) -> bool:
    """False for a bare "<keyword> <name>" (e.g. "declare namespace util"): the first line already says it."""
    words = [w for w in signature.split() if w not in ("declare", "export", "default")]
    return not (len(words) == 2 and words[1] == name)


def continuation(member: ApiEntity) -> str:
    """The member's name as the text that follows the prefix (empty when it has no name)."""
    name = member.name.strip()
    return f" {name}" if name else ""
