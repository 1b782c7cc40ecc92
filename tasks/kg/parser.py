"""Parse one SDK declaration file (.d.ts / .d.ets) into ApiEntity records.

tree-sitter-typescript builds the syntax tree in-process; it is error tolerant, so
a broken or ArkTS-specific construct costs only that construct. ArkTS `struct`
and decorators are first blanked to TypeScript of the same byte length (so lines
and columns stay exact). Names that other declarations mention (types, heritage,
imports, exports) are collected here as text and resolved across files by
tasks.kg.link."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import tree_sitter
import tree_sitter_typescript

from tasks.kg.jsdoc import JsDoc, parse_jsdoc
from tasks.records import ApiEntity, Param, Throw

PARSER_VERSION = "1"  # bump when the parser's output changes for the same input
DECLARATION_SUFFIXES = (".d.ts", ".d.ets")

_LANGUAGE = tree_sitter.Language(tree_sitter_typescript.language_typescript())

CALLABLE_KINDS = {"method", "function", "constructor"}
# When two declarations share a name (declaration merging), the more specific kind wins.
_MERGE_RANK = {"namespace": 0, "variable": 1, "interface": 2, "function": 3, "enum": 3, "class": 4, "struct": 4}

_CLASS_NODES = {"class_declaration", "abstract_class_declaration", "class"}
_MEMBER_NODES = {
    "method_signature", "method_definition", "abstract_method_signature", "public_field_definition",
    "property_signature", "call_signature", "construct_signature",
}

# Comments and strings are matched first so that only code is rewritten.
_ARKTS_SYNTAX = re.compile(
    r"(?P<skip>/\*[\s\S]*?\*/|//[^\n]*|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
    r"|(?P<decorator>(?<![\w$.])@[A-Za-z_]\w*(?:\([^()\n]*\))?)"
    r"|(?P<struct>\bstruct\b)"
)


@dataclass
class Problem:
    line: int
    reason: str


@dataclass
class TypeRef:
    """A name written in a declaration, to be resolved to an entity."""

    relation: str  # USES_TYPE, EXTENDS or IMPLEMENTS
    source: str  # qualified name of the entity that mentions the type
    scope: tuple[str, ...]  # dotted path of the enclosing container (for lexical lookup)
    name: str  # e.g. "HashMap" or "util.TextDecoder"


@dataclass
class Import:
    module_spec: str  # as written: '@ohos.base', './application/Context'
    imported: str | None  # None: default import; "*": namespace import; else the exported name


@dataclass
class ParsedFile:
    path: str  # relative to the SDK root
    module: str
    is_kit: bool
    entities: dict[str, ApiEntity] = field(default_factory=dict)
    type_refs: list[TypeRef] = field(default_factory=list)
    imports: dict[str, Import] = field(default_factory=dict)  # local name -> where it comes from
    exports: dict[str, str] = field(default_factory=dict)  # exported name -> local name
    export_all_from: list[str] = field(default_factory=list)  # module specs of `export * from`
    default_export: str | None = None  # local name
    has_module_syntax: bool = False  # a file without import/export declares globals
    problems: list[Problem] = field(default_factory=list)


def module_name(rel_path: str) -> str:
    """'api/@ohos.util.ArrayList.d.ts' -> '@ohos.util.ArrayList'; other files keep their path."""
    path = PurePosixPath(rel_path)
    stem = path.name
    for suffix in DECLARATION_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    if stem.startswith("@"):
        return stem
    return str(path.parent / stem) if str(path.parent) != "." else stem


def blank_arkts_syntax(source: bytes) -> tuple[bytes, set[int]]:
    """Rewrite ArkTS-only syntax to TypeScript of equal length; return byte offsets of structs."""
    text = source.decode("utf-8", errors="surrogateescape")
    struct_offsets: set[int] = set()
    pieces: list[str] = []
    last = 0
    for match in _ARKTS_SYNTAX.finditer(text):
        if match.group("skip") is not None:
            continue
        pieces.append(text[last : match.start()])
        if match.group("struct") is not None:
            struct_offsets.add(len("".join(pieces).encode("utf-8", errors="surrogateescape")))
            pieces.append("class ")
        else:
            pieces.append(re.sub(r"[^\n]", " ", match.group()))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces).encode("utf-8", errors="surrogateescape"), struct_offsets


def decode_problems(data: bytes) -> list[Problem]:
    """Report bytes that are not UTF-8 (the parser still reads the rest)."""
    try:
        data.decode("utf-8")
        return []
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        return [Problem(line, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})")]


def _one_line(text: str) -> str:
    return " ".join(text.split())


_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _js_unescape(match: re.Match) -> str:
    code = match.group(1)
    if code.startswith("u{"):
        return chr(int(code[2:-1], 16))
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _SIMPLE_ESCAPES.get(code, code)


def _unquote(text: str) -> str:
    """The value of a string literal as written in a declaration ('it\\'s' -> it's)."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"`":
        return _JS_ESCAPE.sub(_js_unescape, text[1:-1])
    return text


class _FileWalker:
    def __init__(self, source: bytes, parsed: ParsedFile, struct_offsets: set[int], components: bool):
        self.src = source
        self.file = parsed
        self.struct_offsets = struct_offsets
        self.components = components  # top-level constants of ArkUI component files are components
        self.docs: dict[str, list[tuple[JsDoc, list[Param], str]]] = {}

    # --- helpers ----------------------------------------------------------
    def text(self, node: tree_sitter.Node | None) -> str:
        if node is None:
            return ""
        return self.src[node.start_byte : node.end_byte].decode("utf-8", errors="replace")

    def qn(self, path: tuple[str, ...]) -> str:
        return f"{self.file.module}/{'.'.join(path)}"

    def jsdoc(self, anchor: tree_sitter.Node) -> JsDoc:
        """The JSDoc block right above a declaration: the last of a stack, i.e. the current one."""
        node = anchor.prev_sibling
        while node is not None and node.type == "comment":
            text = self.text(node)
            if text.startswith("/**"):
                doc = parse_jsdoc(text)
                if not doc.is_file_header:
                    return doc
            node = node.prev_sibling
        return JsDoc()

    def name_of(self, node: tree_sitter.Node | None) -> str:
        if node is None:
            return ""
        if node.type == "string":
            return _unquote(self.text(node))
        return self.text(node)

    def collect_types(self, node: tree_sitter.Node | None, source: str, scope: tuple[str, ...], relation="USES_TYPE"):
        if node is None:
            return
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type in ("type_identifier", "nested_type_identifier"):
                self.file.type_refs.append(TypeRef(relation, source, scope, self.text(current)))
                if current.type == "nested_type_identifier":
                    continue
            stack.extend(current.named_children)

    # --- entities ---------------------------------------------------------
    def add(self, kind: str, path: tuple[str, ...], node: tree_sitter.Node, anchor: tree_sitter.Node,
            signature: str = "", params: list[Param] | None = None, returns_type: str = "") -> str:
        qn = self.qn(path)
        doc = self.jsdoc(anchor)
        parent = self.qn(path[:-1]) if len(path) > 1 else self.file.module
        existing = self.file.entities.get(qn)
        if existing is None:
            self.file.entities[qn] = ApiEntity(
                qualified_name=qn, kind=kind, name=path[-1], module=self.file.module, parent=parent,
                signatures=[signature] if signature else [], returns_type=returns_type,
                source_file=self.file.path, line=anchor.start_point.row + 1,
            )
        else:
            if _MERGE_RANK.get(kind, -1) > _MERGE_RANK.get(existing.kind, -1) and existing.kind not in CALLABLE_KINDS:
                existing.kind = kind
                existing.line = anchor.start_point.row + 1
            if signature and signature not in existing.signatures:
                existing.signatures.append(signature)
            if returns_type and not existing.returns_type:
                existing.returns_type = returns_type
        self.docs.setdefault(qn, []).append((doc, params or [], returns_type))
        return qn

    def params_of(self, node: tree_sitter.Node | None, source_scope: tuple[str, ...], source: str) -> list[Param]:
        params: list[Param] = []
        if node is None:
            return params
        for child in node.named_children:
            if child.type not in ("required_parameter", "optional_parameter"):
                continue
            pattern = child.child_by_field_name("pattern")
            annotation = child.child_by_field_name("type")
            self.collect_types(annotation, source, source_scope)
            name = self.text(pattern)
            params.append(Param(
                name=name.removeprefix("..."),
                type=self.text(annotation).lstrip(":").strip(),
                optional=child.type == "optional_parameter",
            ))
        return params

    # --- statements -------------------------------------------------------
    def statements(self, block: tree_sitter.Node, path: tuple[str, ...]) -> None:
        for child in block.named_children:
            self.statement(child, path, child)

    def statement(self, node: tree_sitter.Node, path: tuple[str, ...], anchor: tree_sitter.Node) -> None:
        kind = node.type
        if kind == "ambient_declaration":
            for child in node.named_children:
                if child.type == "statement_block":  # declare global { ... }
                    self.statements(child, path)
                else:
                    self.statement(child, path, anchor)
        elif kind == "export_statement":
            self.export(node, path, anchor)
        elif kind == "import_statement":
            self.import_(node)
        elif kind in _CLASS_NODES:
            self.container(node, "struct" if node.start_byte in self.struct_offsets else "class", path, anchor)
        elif kind == "interface_declaration":
            self.container(node, "interface", path, anchor)
        elif kind == "enum_declaration":
            self.enum(node, path, anchor)
        elif kind == "type_alias_declaration":
            name = self.name_of(node.child_by_field_name("name"))
            qn = self.add("type_alias", path + (name,), node, anchor, _one_line(self.text(node)).rstrip(";"))
            self.collect_types(node.child_by_field_name("value"), qn, path)
        elif kind in ("function_signature", "function_declaration"):
            self.callable(node, "function", path, anchor)
        elif kind in ("internal_module", "module"):
            self.namespace(node, path, anchor)
        elif kind == "expression_statement":
            for child in node.named_children:
                if child.type == "internal_module":
                    self.namespace(child, path, anchor)
        elif kind in ("lexical_declaration", "variable_declaration"):
            self.variables(node, path, anchor)
        elif kind == "ERROR":
            self.recover(node, path)

    def export(self, node: tree_sitter.Node, path: tuple[str, ...], anchor: tree_sitter.Node) -> None:
        if not path:
            self.file.has_module_syntax = True
        is_default = any(child.type == "default" for child in node.children)
        declaration = node.child_by_field_name("declaration")
        source = node.child_by_field_name("source")
        if declaration is not None:
            self.statement(declaration, path, anchor)
            name = self.name_of(declaration.child_by_field_name("name"))
            if is_default and not path and name:
                self.file.default_export = name
            return
        value = node.child_by_field_name("value")
        if value is not None and not path:
            if value.type in _CLASS_NODES:
                self.statement(value, path, anchor)
                value = value.child_by_field_name("name")
            self.file.default_export = self.text(value)
            return
        for child in node.named_children:
            if child.type == "export_clause" and not path:
                for spec in child.named_children:
                    local = self.name_of(spec.child_by_field_name("name"))
                    alias = self.name_of(spec.child_by_field_name("alias")) or local
                    if source is not None:  # export { a as b } from 'x'
                        self.file.imports.setdefault(local, Import(_unquote(self.text(source)), local))
                    if alias == "default":
                        self.file.default_export = local
                    else:
                        self.file.exports[alias] = local
            elif child.type == "namespace_export" and source is not None and not path:
                alias = self.text(child.named_children[-1]) if child.named_children else ""
                self.file.imports[alias] = Import(_unquote(self.text(source)), "*")
                self.file.exports[alias] = alias
        if source is not None and not path and not any(c.type in ("export_clause", "namespace_export") for c in node.named_children):
            self.file.export_all_from.append(_unquote(self.text(source)))

    def import_(self, node: tree_sitter.Node) -> None:
        self.file.has_module_syntax = True
        source = node.child_by_field_name("source")
        if source is None:
            return
        spec = _unquote(self.text(source))
        for clause in node.named_children:
            if clause.type != "import_clause":
                continue
            for part in clause.named_children:
                if part.type == "identifier":
                    self.file.imports[self.text(part)] = Import(spec, None)
                elif part.type == "namespace_import":
                    for ident in part.named_children:
                        self.file.imports[self.text(ident)] = Import(spec, "*")
                elif part.type == "named_imports":
                    for item in part.named_children:
                        if item.type != "import_specifier":
                            continue
                        name = self.name_of(item.child_by_field_name("name"))
                        alias = self.name_of(item.child_by_field_name("alias")) or name
                        self.file.imports[alias] = Import(spec, name)

    def namespace(self, node: tree_sitter.Node, path: tuple[str, ...], anchor: tree_sitter.Node) -> None:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is not None and name_node.type == "string":  # declare module 'x' { ... }
            if body is not None:
                self.statements(body, path)
            return
        inner = path
        for part in self.text(name_node).split("."):
            inner = inner + (part.strip(),)
            self.add("namespace", inner, node, anchor, f"namespace {'.'.join(inner[len(path):])}")
        if body is not None:
            self.statements(body, inner)

    def container(self, node: tree_sitter.Node, kind: str, path: tuple[str, ...], anchor: tree_sitter.Node) -> None:
        name = self.name_of(node.child_by_field_name("name"))
        if not name:
            return
        body = node.child_by_field_name("body")
        header_end = body.start_byte if body is not None else node.end_byte
        header = self.src[node.start_byte : header_end].decode("utf-8", errors="replace")
        if kind == "struct":
            header = "struct" + header[len("class") :]
        inner = path + (name,)
        qn = self.add(kind, inner, node, anchor, _one_line(header))
        for child in node.named_children:
            if child.type == "class_heritage":
                for clause in child.named_children:
                    relation = "EXTENDS" if clause.type == "extends_clause" else "IMPLEMENTS"
                    for target in clause.named_children:
                        if target.type in ("identifier", "member_expression", "type_identifier",
                                           "nested_type_identifier", "generic_type"):
                            base = target.child_by_field_name("name") if target.type == "generic_type" else target
                            self.file.type_refs.append(TypeRef(relation, qn, path, self.text(base)))
            elif child.type == "extends_type_clause":
                for target in child.named_children:
                    base = target.child_by_field_name("name") if target.type == "generic_type" else target
                    self.file.type_refs.append(TypeRef("EXTENDS", qn, path, self.text(base)))
        if body is not None:
            for member in body.named_children:
                self.member(member, inner, qn)

    def member(self, node: tree_sitter.Node, path: tuple[str, ...], owner_qn: str) -> None:
        kind = node.type
        if kind in ("call_signature", "construct_signature"):
            owner = self.file.entities[owner_qn]
            signature = _one_line(self.text(node))
            if signature not in owner.signatures:
                owner.signatures.append(signature)
            self.params_of(node.child_by_field_name("parameters"), path, owner_qn)
            self.collect_types(node.child_by_field_name("return_type"), owner_qn, path)
            return
        if kind in ("method_signature", "method_definition", "abstract_method_signature"):
            name = self.name_of(node.child_by_field_name("name"))
            accessor = any(child.type in ("get", "set") for child in node.children[:2])
            if accessor:
                self.property(node, path, name, node.child_by_field_name("return_type"))
            else:
                self.callable(node, "constructor" if name == "constructor" else "method", path, node)
        elif kind in ("public_field_definition", "property_signature"):
            self.property(node, path, self.name_of(node.child_by_field_name("name")), node.child_by_field_name("type"))
        elif kind == "ERROR":
            for child in node.named_children:
                if child.type in _MEMBER_NODES:
                    self.member(child, path, owner_qn)

    def property(self, node: tree_sitter.Node, path: tuple[str, ...], name: str, type_node) -> None:
        if not name:
            return
        type_text = self.text(type_node).lstrip(":").strip()
        qn = self.add("property", path + (name,), node, node, _one_line(self.text(node)).rstrip(";,"), returns_type=type_text)
        self.collect_types(type_node, qn, path)

    def callable(self, node: tree_sitter.Node, kind: str, path: tuple[str, ...], anchor: tree_sitter.Node) -> None:
        name = self.name_of(node.child_by_field_name("name"))
        if not name:
            return
        return_node = node.child_by_field_name("return_type")
        qn = self.qn(path + (name,))
        params = self.params_of(node.child_by_field_name("parameters"), path, qn)
        self.add(kind, path + (name,), node, anchor, _one_line(self.text(node)).rstrip(";"), params,
                 self.text(return_node).lstrip(":").strip())
        self.collect_types(return_node, qn, path)

    def enum(self, node: tree_sitter.Node, path: tuple[str, ...], anchor: tree_sitter.Node) -> None:
        name = self.name_of(node.child_by_field_name("name"))
        inner = path + (name,)
        self.add("enum", inner, node, anchor, f"enum {name}")
        body = node.child_by_field_name("body")
        if body is None:
            return
        for member in body.named_children:
            if member.type == "enum_assignment":
                member_name = self.name_of(member.child_by_field_name("name"))
            elif member.type in ("property_identifier", "string", "identifier"):
                member_name = self.name_of(member)
            else:
                continue
            self.add("enum_member", inner + (member_name,), member, member, _one_line(self.text(member)))

    def variables(self, node: tree_sitter.Node, path: tuple[str, ...], anchor: tree_sitter.Node) -> None:
        keyword = node.children[0].type if node.children else "const"
        for declarator in node.named_children:
            if declarator.type != "variable_declarator":
                continue
            name = self.name_of(declarator.child_by_field_name("name"))
            type_node = declarator.child_by_field_name("type")
            kind = "component" if self.components and not path else "variable"
            qn = self.add(kind, path + (name,), declarator, anchor, _one_line(f"{keyword} {self.text(declarator)}"),
                          returns_type=self.text(type_node).lstrip(":").strip())
            self.collect_types(type_node, qn, path)

    def recover(self, error: tree_sitter.Node, path: tuple[str, ...]) -> None:
        """Keep what an unparsable region still shows: whole statements, and members after `class X {`."""
        children = error.children
        owner: tuple[tuple[str, ...], str] | None = None
        for index, child in enumerate(children):
            kind = child.type
            nxt = children[index + 1] if index + 1 < len(children) else None
            if kind in ("class", "interface", "enum", "namespace") and nxt is not None and nxt.type in (
                    "identifier", "type_identifier"):
                entity_kind = "struct" if kind == "class" and child.start_byte in self.struct_offsets else kind
                inner = path + (self.text(nxt),)
                owner = (inner, self.add(entity_kind, inner, child, child, f"{kind} {self.text(nxt)}"))
            elif kind in _MEMBER_NODES and owner is not None:
                self.member(child, owner[0], owner[1])
            elif kind == "ERROR":
                self.recover(child, path)
            elif child.is_named:
                self.statement(child, path, child)

    # --- documentation of merged declarations ------------------------------
    def finish(self) -> None:
        for qn, entries in self.docs.items():
            entity = self.file.entities[qn]
            docs = [doc for doc, _, _ in entries]
            primary = max(docs, key=lambda d: (d.since is not None and not d.deprecated, d.since or -1))
            entity.description = primary.description
            entity.since = primary.since
            entity.deprecated = all(doc.deprecated for doc in docs)
            entity.deprecated_since = primary.deprecated_since if entity.deprecated else None
            entity.use_instead = next((doc.use_instead for doc in docs if doc.use_instead), "")
            entity.syscap = primary.syscap or next((doc.syscap for doc in docs if doc.syscap), "")
            entity.permission = primary.permission
            entity.system_api = all(doc.system_api for doc in docs)
            entity.atomic_service = any(doc.atomic_service for doc in docs)
            entity.cross_platform = any(doc.cross_platform for doc in docs)
            entity.examples = list(dict.fromkeys(example for doc in docs for example in doc.examples))
            entity.returns_description = primary.returns_description
            if not entity.returns_type:
                entity.returns_type = primary.returns_type
            entity.throws = _merge_throws(docs)
            entity.params = _merge_params(entries)


def _merge_throws(docs: list[JsDoc]) -> list[Throw]:
    seen: dict[tuple[str, str], Throw] = {}
    for doc in docs:
        for throw in doc.throws:
            seen.setdefault((throw.code, throw.description), throw)
    return list(seen.values())


def _merge_params(entries: list[tuple[JsDoc, list[Param], str]]) -> list[Param]:
    described = {param.name: param for doc, _, _ in entries for param in doc.params}
    merged: dict[str, Param] = {}
    for _, params, _ in entries:
        for param in params:
            if param.name in merged:
                continue
            doc_param = described.get(param.name)
            merged[param.name] = param.model_copy(update={
                "description": doc_param.description if doc_param else "",
                "type": param.type or (doc_param.type if doc_param else ""),
            })
    if not merged:  # documented but not declared (e.g. recovered from broken syntax)
        return list(described.values())
    return list(merged.values())


def _syntax_problems(root: tree_sitter.Node, source: bytes, limit: int = 5) -> list[Problem]:
    problems: list[Problem] = []
    stack = [root]
    while stack and len(problems) < limit:
        node = stack.pop()
        if not node.has_error:
            continue
        line = node.start_point.row + 1
        if node.is_missing:
            problems.append(Problem(line, f"missing '{node.type}' (truncated or unbalanced declaration)"))
        elif node.type == "ERROR":
            snippet = source[node.start_byte : node.start_byte + 2]
            if snippet == b"/*":
                problems.append(Problem(line, "comment never closed (no '*/' before end of file)"))
            else:
                text = " ".join(source[node.start_byte : node.end_byte].decode("utf-8", "replace").split())
                problems.append(Problem(line, f"syntax error near: {text[:60]!r}"))
            continue
        stack.extend(reversed(node.children))
    return sorted(problems, key=lambda p: p.line)


def parse_declarations(data: bytes, rel_path: str) -> ParsedFile:
    """Parse one file's bytes. Never raises on bad content: problems are listed in the result."""
    module = module_name(rel_path)
    parsed = ParsedFile(path=rel_path, module=module, is_kit=module.startswith("@kit."))
    parsed.problems.extend(decode_problems(data))
    source = data
    struct_offsets: set[int] = set()
    if rel_path.endswith(".d.ets"):
        source, struct_offsets = blank_arkts_syntax(data)
    tree = tree_sitter.Parser(_LANGUAGE).parse(source)
    parsed.entities[module] = ApiEntity(
        qualified_name=module, kind="kit" if parsed.is_kit else "module", name=module, module=module,
        source_file=rel_path, line=1,
    )
    walker = _FileWalker(source, parsed, struct_offsets, components=PurePosixPath(rel_path).parent.name == "component")
    walker.statements(tree.root_node, ())
    walker.finish()
    if tree.root_node.has_error:
        parsed.problems.extend(_syntax_problems(tree.root_node, source))
    return parsed
