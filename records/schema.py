"""Typed records declared once as dataclasses: validation, conversion and JSON Schema.

A content type is a frozen dataclass whose fields carry a little metadata
(`spec(...)`). From that single declaration this module

* converts a YAML node tree into the dataclass, collecting every problem with
  its file, line, column and field path instead of stopping at the first;
* records the ids a file defines and the references it makes, so the loader
  can check them across files afterwards;
* exports a JSON Schema, so editors' IDEs can autocomplete and flag errors.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import math
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

import yaml

from . import prose
from .errors import Problem
from .yamlfile import describe, invisible

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_TAG = "tag:yaml.org,2002:"
#: Rules that make a text a code (an id, a reference, an address) rather than words.
CODE_RULES = {"key", "ref", "pattern", "section_of", "https"}
NO_BREAK_BEFORE_DASH = "\u00a0— "
#: The placeholder `build.py new` writes wherever an entry needs words, a value or a citation;
#: any left is a problem, so a half-written entry is never published.
TODO = "TODO"
_TODO_WORD = re.compile(rf"\b{TODO}\b")


def spec(help: str, *, default: Any = dataclasses.MISSING, **rules: Any) -> Any:
    """Declare a field: its help text, optional default, and validation rules.

    Rules: ``min``/``max`` (numbers), ``min_items``/``max_items``, ``pattern``, ``key`` (this
    field is the record's unique id within ``collection``), ``ref`` (the value
    names a record of that collection), ``section_of`` (the value names a
    section of the source named by that sibling field), ``rich`` (text that may
    contain ``{fig:id}`` tokens), ``https`` (an https:// address).
    """
    metadata = {"help": help, **rules}
    if isinstance(default, list):
        return field(default_factory=list, metadata=metadata)
    return field(default=default, metadata=metadata)


class ScalarType:
    """A value written as one YAML string and parsed by the class itself."""

    json_schema: typing.ClassVar[dict[str, Any]] = {"type": "string"}
    describe: typing.ClassVar[str] = "text"
    example: typing.ClassVar[str] = ""

    @classmethod
    def from_text(cls, text: str) -> ScalarType:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True)
class Use:
    """A reference found while reading: where it is and what it names."""

    collection: str
    value: str
    problem_at: Problem  # location and field path; message filled in on failure
    parent_source: str | None = None  # for section references


@dataclass(frozen=True)
class Prose:
    """A prose field as read, for checks that need every file (retyped key figures)."""

    node: yaml.Node
    path: str
    text: str


@dataclass
class Reader:
    """Converts nodes of one file, gathering problems, ids, references and prose."""

    shown_as: str
    source: str = ""  # the file's text, against which problems inside a paragraph are placed
    problems: list[Problem] = field(default_factory=list)
    keys: list[Use] = field(default_factory=list)
    refs: list[Use] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)  # the rich texts (paragraphs)
    texts: list[Prose] = field(default_factory=list)  # every text that is words, not a code
    warnings: list[Problem] = field(default_factory=list)

    def at(self, node: yaml.Node, path: str, message: str, hint: str = "") -> Problem:
        mark = node.start_mark
        return Problem(self.shown_as, mark.line + 1, mark.column + 1, path, message, hint)

    def fail(self, node: yaml.Node, path: str, message: str, hint: str = "") -> None:
        self.problems.append(self.at(node, path, message, hint))

    # -- conversion -------------------------------------------------------

    def convert(self, node: yaml.Node, hint: Any, path: str, rules: Mapping[str, Any]) -> Any:
        """Return the converted value, or ``Invalid`` after recording a problem."""
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            if _is_null(node):
                return None
            return self.convert(node, options[0], path, rules)
        if origin is Literal:
            return self._choice(node, typing.get_args(hint), path, rules)
        if origin is list:
            return self._list(node, typing.get_args(hint)[0], path, rules)
        if isinstance(hint, type) and issubclass(hint, ScalarType):
            return self._parsed(node, hint, path, rules)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.record(node, hint, path)
        if hint is bool:
            return self._bool(node, path)
        if hint in (int, float):
            return self._number(node, hint, path, rules)
        if hint is str:
            return self._text(node, path, rules)
        raise TypeError(f"unsupported content type {hint!r} at {path}")

    def record(self, node: yaml.Node, cls: type, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.fail(
                node,
                path or "(top level)",
                f"expected a mapping of fields, got {_kind(node)}",
                f"write it as 'field: value' lines for {cls.__name__}",
            )
            return Invalid
        fields, hints = _declared(cls)
        values: dict[str, Any] = {}
        key_nodes: dict[str, yaml.Node] = {}
        misspelt: set[str] = set()  # a typo's hint already says what is missing
        ok = True
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            where = _join(path, str(name))
            if name in key_nodes:
                self.fail(key_node, where, "field given twice", "keep one of them")
                ok = False
                continue
            if name not in fields:
                # Suggest only a field that takes the kind of value written (text, list, block).
                alike = [f for f in fields if _shape(hints[f]) == _shape_of(value_node)]
                close = difflib.get_close_matches(str(name), alike, n=1, cutoff=0.75)
                hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(fields)
                misspelt.update(close)
                self.fail(key_node, where, f"unknown field '{name}'", hint)
                ok = False
                continue
            key_nodes[name] = key_node
            rules = fields[name].metadata
            value = self.convert(value_node, hints[name], where, rules)
            if value is Invalid:
                ok = False
                continue
            values[name] = value
            self._note_ids(value_node, value, where, rules, cls, values)
        for name, f in fields.items():
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required and name not in key_nodes and name not in misspelt:
                self.fail(
                    node, _join(path, name), f"missing required field '{name}'", f.metadata.get("help", "")
                )
                ok = False
        if not ok:
            return Invalid
        instance = cls(**values)
        check = getattr(instance, "check", None)
        for field_name, message, hint in check() if check else ():
            self.fail(node_at(node, field_name), _join(path, field_name), message, hint)
            ok = False
        return instance if ok else Invalid

    def _note_ids(self, node, value, where, rules, cls, siblings) -> None:
        if rules.get("key"):
            self.keys.append(Use(cls.__collection__, value, self.at(node, where, "")))
        if "ref" in rules:
            if isinstance(value, list):  # a list left empty (`actors:`) has no item nodes
                pairs = zip(value, node.value if isinstance(node, yaml.SequenceNode) else [], strict=True)
            else:
                pairs = zip([value], [node], strict=True)
            for item, item_node in pairs:
                if item is not None:
                    self.refs.append(Use(rules["ref"], item, self.at(item_node, where, "")))
        if "section_of" in rules:
            source = siblings.get(rules["section_of"])
            self.refs.append(Use("sections", value, self.at(node, where, ""), source))

    def _list(self, node, item_hint, path, rules) -> Any:
        if _is_null(node):
            items: list[Any] = []
            nodes: list[yaml.Node] = []
        elif not isinstance(node, yaml.SequenceNode):
            self.fail(node, path, f"expected a list, got {_kind(node)}", "start each item with '- '")
            return Invalid
        else:
            nodes = node.value
            items = [
                self.convert(n, item_hint, item_path(path, i, n), _item_rules(rules))
                for i, n in enumerate(nodes)
            ]
        if len(items) < rules.get("min_items", 0):
            self.fail(node, path, f"needs at least {rules['min_items']} item(s)", rules.get("help", ""))
            return Invalid
        if "max_items" in rules and len(items) > rules["max_items"]:
            self.fail(
                node,
                path,
                f"has {len(items)} items, at most {rules['max_items']} allowed",
                f"keep the {rules['max_items']} that matter most: {rules.get('help', '')}",
            )
            return Invalid
        if Invalid in items:
            return Invalid
        self._check_keys(nodes, items, item_hint, path)
        return items

    def _check_keys(self, nodes: list[yaml.Node], items: list[Any], item_hint: Any, path: str) -> None:
        """Within one list, each item's key (its id, or what `__key__` names) is its own:
        translations are tied to items by it."""
        key = (
            item_key(item_hint)
            if isinstance(item_hint, type) and dataclasses.is_dataclass(item_hint)
            else None
        )
        if key is None or _declared(item_hint)[0][key].metadata.get("key"):
            return  # no key, or a collection's id, which the loader checks across files
        seen: set[str] = set()
        for node, item in zip(nodes, items, strict=True):
            value = getattr(item, key)
            if value is None:
                continue
            if value in seen:
                self.fail(
                    node_at(node, key),
                    _join(item_path(path, 0, node), key),
                    f"{key} '{value}' is used twice in this list",
                    f"give each item its own {key}: translations are tied to it",
                )
            seen.add(value)

    def _todo(self, node, path, rules, hint) -> bool:
        """Report a TODO placeholder left in a value; True when there is one."""
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "str"):
            return False
        found = _TODO_WORD.search(node.value)
        if found is None:
            return False
        name = re.sub(r"(\['[^']*'\]|#\d+)+$", "", path).rsplit(".", 1)[-1]
        help = rules.get("help")
        self.fail(
            located(node, node.value, found.start(), len(TODO), self.source),
            path,
            f"TODO left in {name}" + (f": {help}" if help else ""),
            hint,
        )
        return True

    def _choice(self, node, options, path, rules) -> Any:
        allowed = "allowed: " + ", ".join(options)
        if self._todo(node, path, rules, allowed):
            return Invalid
        if not isinstance(node, yaml.ScalarNode) or _is_null(node):
            self.fail(node, path, f"expected one of the allowed values, got {_kind(node)}", allowed)
            return Invalid
        if node.value not in options:
            close = difflib.get_close_matches(node.value, options, n=1, cutoff=0.75)
            hint = f"did you mean '{close[0]}'? {allowed}" if close else allowed
            self.fail(node, path, f"'{node.value}' is not an allowed value", hint)
            return Invalid
        return node.value

    def _parsed(self, node, cls, path, rules) -> Any:
        if self._todo(node, path, rules, cls.example):
            return Invalid
        if not isinstance(node, yaml.ScalarNode) or _is_null(node):
            self.fail(node, path, f"expected {cls.describe}, got {_kind(node)}", cls.example)
            return Invalid
        try:
            return cls.from_text(node.value)
        except ValueError as exc:
            self.fail(node, path, str(exc), cls.example)
            return Invalid

    def _bool(self, node, path) -> Any:
        if self._todo(node, path, {}, "write true or false"):
            return Invalid
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "bool":
            return yaml.safe_load(node.value)
        self.fail(node, path, f"expected true or false, got {_kind(node)}")
        return Invalid

    def _number(self, node, kind, path, rules) -> Any:
        if self._todo(node, path, rules, "write the number, in digits"):
            return Invalid
        allowed = {_TAG + "int"} if kind is int else {_TAG + "int", _TAG + "float"}
        if not isinstance(node, yaml.ScalarNode) or node.tag not in allowed:
            wanted = "a whole number" if kind is int else "a number"
            self.fail(
                node,
                path,
                f"expected {wanted}, got {_kind(node)}",
                "write digits only, without quotes or units",
            )
            return Invalid
        value = kind(yaml.safe_load(node.value))
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(node, path, "expected a finite number")
            return Invalid
        low, high = rules.get("min"), rules.get("max")
        if low is not None and value < low:
            self.fail(
                node,
                path,
                f"{value} is below the minimum {low}",
                "counts cannot be negative" if low == 0 else f"use {low} or more",
            )
            return Invalid
        if high is not None and value > high:
            self.fail(node, path, f"{value} is above the maximum {high}", f"use {high} or less")
            return Invalid
        return value

    def _text(self, node, path, rules) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag in (_TAG + "null", _TAG + "bool"):
            self.fail(
                node,
                path,
                f"expected text, got {_kind(node)}",
                "put the text in quotes" if isinstance(node, yaml.ScalarNode) else "",
            )
            return Invalid
        if self._todo(node, path, rules, "write the words (or the citation) it needs"):
            return Invalid
        text = node.value.strip()
        if not text:
            self.fail(node, path, "text is empty", rules.get("help", ""))
            return Invalid
        hidden = invisible(text, in_words=not rules.keys() & CODE_RULES)
        if hidden:
            at, char = hidden[0]
            self.fail(
                located(node, text, at, 1, self.source),
                path,
                f"{describe(char)} at character {at + 1}"
                + (f", and {len(hidden) - 1} more" if len(hidden) > 1 else ""),
                "delete it, and type a space if one belongs there: it cannot be seen, but "
                "the text is not what it looks like",
            )
            return Invalid
        pattern = rules.get("pattern")
        if pattern and not re.fullmatch(pattern, text):
            hint = "use lower-case letters, digits and hyphens" if pattern == SLUG else f"match {pattern}"
            self.fail(node, path, f"'{text}' is not a valid value", hint)
            return Invalid
        if rules.get("https") and not re.fullmatch(r"https://[^\s<>\"']+\.[^\s<>\"']+", text):
            self.fail(node, path, f"'{text}' is not an https:// address", "give the full public address")
            return Invalid
        # A spaced dash keeps to the word before it, so no line starts with one (Russian sets
        # dashes this way throughout), wherever the text is shown.
        text = text.replace(" — ", NO_BREAK_BEFORE_DASH)
        longest = rules.get("warn_over")
        if longest and len(text) > longest:
            self.warnings.append(
                self.at(
                    node,
                    path,
                    f"warning: {len(text)} characters is long for a title or name",
                    f"keep it under {longest}: it is shown in lists, tabs and link previews",
                )
            )
        if not rules.keys() & CODE_RULES:
            self.texts.append(Prose(node, path, text))
            # {fig:id} shows a key figure in any text: in a paragraph as marked-up data, in a
            # title or a label as its words
            for start, length, figure_id in prose.figure_ids(text):
                self.refs.append(
                    Use(
                        "figures",
                        figure_id,
                        self.at(located(node, text, start, length, self.source), path, ""),
                    )
                )
        if rules.get("rich"):
            found = list(prose.problems(text))
            for problem in found:
                self.fail(
                    located(node, text, problem.start, problem.length, self.source),
                    path,
                    problem.message,
                    problem.hint,
                )
            self.prose.append(Prose(node, path, text))
            if found:
                return Invalid
        return text


class _InvalidType:
    def __repr__(self) -> str:
        return "Invalid"


Invalid: Any = _InvalidType()


def _item_rules(rules: Mapping[str, Any]) -> dict[str, Any]:
    """The rules a list's items follow: all but the list's own. An item of a list of
    references (`actors: [orunbekov]`) keeps `ref`, so it is code, as a single reference is:
    not words (the rules on words do not read it), and a character an editor cannot see in it
    is refused where it is."""
    return {k: v for k, v in rules.items() if k not in ("min_items", "max_items", "key", "section_of")}


@functools.cache
def _declared(cls: type) -> tuple[dict[str, dataclasses.Field], dict[str, Any]]:
    """A record type's fields and their resolved types, worked out once per type."""
    return ({f.name: f for f in dataclasses.fields(cls) if f.init}, typing.get_type_hints(cls))


def texts_in(node: yaml.Node, path: str = "") -> Iterator[Prose]:
    """Every text in a node tree, when it cannot be read as its record type (its original is
    broken): what the rules on words can still check. Ids and a link's actor are not words."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value not in ("id", "actor"):
                yield from texts_in(value, _join(path, str(key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            yield from texts_in(value, item_path(path, i, value))
    elif isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "str" and node.value.strip():
        yield Prose(node, path, node.value.strip())


def item_key(cls: type) -> str | None:
    """The field that names an item of record type `cls` within its list, and ties its
    translations to it: the `__key__` the type declares (a link's `actor`), or its `id`."""
    name = getattr(cls, "__key__", "id")
    return name if name in _declared(cls)[0] else None


#: Fields that name a list item for editors, in order of preference.
NAMING_FIELDS = ("id", "actor")


def item_path(path: str, index: int, node: yaml.Node) -> str:
    """How a list item is named in messages: by its id where it has one
    (`farms['pro-matraimov']`), otherwise by its position counted from one (`passages#2`)."""
    if isinstance(node, yaml.MappingNode):
        named = {
            k.value: v.value
            for k, v in node.value
            if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
        }
        for field_name in NAMING_FIELDS:
            if named.get(field_name) and not _TODO_WORD.search(named[field_name]):
                return f"{path}['{named[field_name]}']"
    return f"{path}#{index + 1}"


_STEP = re.compile(r"\.?([^.\[#]+)|\['([^']*)'\]|#(\d+)")


def node_at(node: yaml.Node, path: str) -> yaml.Node:
    """The node a check's field path names (`presets['one-admin'].tier`), or the nearest one
    that exists, so a problem is reported on the line of the value itself: a scalar's value,
    or the key of a block."""
    shown = node
    for field_name, item_id, position in (m.groups() for m in _STEP.finditer(path)):
        if field_name and isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if getattr(k, "value", None) == field_name]
            if not pairs:
                break
            key, node = pairs[0]
            shown = node if isinstance(node, yaml.ScalarNode) else key
        elif item_id is not None and isinstance(node, yaml.SequenceNode):
            items = [n for i, n in enumerate(node.value) if item_path("", i, n) == f"['{item_id}']"]
            if not items:
                break
            node = shown = items[0]
        elif position and isinstance(node, yaml.SequenceNode) and int(position) <= len(node.value):
            node = shown = node.value[int(position) - 1]
        else:
            break
    return shown


def located(node: yaml.Node, text: str, start: int, length: int, source: str) -> yaml.Node:
    """A stand-in node whose position is that of text[start:] inside a scalar's lines in
    `source` (the file's text), so a problem in the middle of a folded paragraph is reported
    on its own line."""
    raw = source[node.start_mark.index : node.end_mark.index]
    words = text[start : start + max(length, 1)].split() or [text[start : start + 1]]
    needle = r"\s+".join(re.escape(w) for w in words)
    before = len(re.findall(needle, text[:start]))
    matches = list(re.finditer(needle, raw))
    if len(matches) <= before:
        return node
    offset = matches[before].start()
    line_start = raw.rfind("\n", 0, offset)
    line = node.start_mark.line + raw.count("\n", 0, offset)
    column = offset - line_start - 1 if line_start >= 0 else node.start_mark.column + offset
    # Like libyaml's own marks, it has no buffer, so no pointer into it: the stubs want an int.
    mark = yaml.Mark(
        node.start_mark.name, node.start_mark.index + offset, line, column, None, cast(int, None)
    )
    return yaml.ScalarNode(node.tag, node.value, mark, mark)


def _shape(hint: Any) -> str:
    """What a field's value looks like in YAML: 'list', 'block' or 'text'."""
    options = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = options[0]
    if typing.get_origin(hint) is list:
        return "list"
    return "block" if dataclasses.is_dataclass(hint) else "text"


def _shape_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "block" if isinstance(node, yaml.MappingNode) else "text"


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    names = {
        "str": "text",
        "int": "a whole number",
        "float": "a number",
        "bool": "true/false",
        "null": "nothing",
        "timestamp": "a date",
    }
    kind = names.get(node.tag.removeprefix(_TAG), node.tag)
    return f"{kind} '{node.value}'" if node.value else kind


# -- JSON Schema export ------------------------------------------------------


def json_schema(cls: type, title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a file whose top level is ``cls``."""
    definitions: dict[str, Any] = {}
    root = _schema_of(cls, {}, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _schema_of(hint: Any, rules: Mapping[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)][0]
        return {"anyOf": [_schema_of(inner, rules, definitions), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(typing.get_args(hint))}
    if origin is list:
        schema: dict[str, Any] = {
            "type": "array",
            "items": _schema_of(typing.get_args(hint)[0], _item_rules(rules), definitions),
        }
        if rules.get("min_items"):
            schema["minItems"] = rules["min_items"]
        if "max_items" in rules:
            schema["maxItems"] = rules["max_items"]
        return schema
    if isinstance(hint, type) and issubclass(hint, ScalarType):
        return dict(hint.json_schema)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder guards recursion
            definitions[name] = _record_schema(hint, definitions)
        return {"$ref": f"#/$defs/{name}"}
    if hint is bool:
        return {"type": "boolean"}
    if hint in (int, float):
        schema = {"type": "integer" if hint is int else "number"}
        if rules.get("min") is not None:
            schema["minimum"] = rules["min"]
        if rules.get("max") is not None:
            schema["maximum"] = rules["max"]
        return schema
    schema = {"type": "string", "minLength": 1}
    if rules.get("pattern"):
        schema["pattern"] = rules["pattern"]
    if rules.get("https"):
        schema["pattern"] = "^https://"
    return schema


def _record_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties, required = {}, []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        schema = _schema_of(hints[f.name], f.metadata, definitions)
        if f.metadata.get("help"):
            schema = {"description": f.metadata["help"], **schema}
        properties[f.name] = schema
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    schema = {"type": "object", "additionalProperties": False, "properties": properties}
    if cls.__doc__:
        schema = {"description": " ".join(cls.__doc__.split()), **schema}
    if required:
        schema["required"] = required
    # Cross-field rules a class states for editors' IDEs, the same ones its check() applies.
    return {**schema, **getattr(cls, "json_schema_rules", {})}
