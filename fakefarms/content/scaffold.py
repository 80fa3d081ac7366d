"""`build.py new KIND ID`: a new entry with every field in place, appended to its file.

Everything written comes from the content types' declarations in model.py: which
file holds a kind, which fields it needs, their help as comments, the allowed
values of a choice. A field that needs words, a value or a citation gets the
placeholder TODO, which `check` reports until an editor replaces it; every other
field gets a valid value.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from fakefarms.content.loader import FILES
from records.errors import UserError
from records.files import display_path
from records.schema import SLUG, TODO, ScalarType
from records.yamlfile import read_yaml

#: Comments start at this column where the line leaves room, as in EDITING.md's examples.
COMMENT_COLUMN = 38
LINE_LENGTH = 100


class ScaffoldError(UserError):
    """The entry cannot be added; the message says why, in one line."""


@dataclass(frozen=True)
class Kind:
    """A kind of entry editors add: the file and the top-level list that hold it."""

    name: str  # "event"
    cls: type  # Event
    filename: str  # "timeline.yaml"
    collection: str  # "events"


def kinds() -> dict[str, Kind]:
    """Every file whose top level is one list of entries with ids: farm, actor, event, …"""
    found = {}
    for filename, file_cls in FILES.items():
        fields = [f for f in dataclasses.fields(file_cls) if f.init]
        if len(fields) != 1:
            continue
        hint = typing.get_type_hints(file_cls)[fields[0].name]
        item = typing.get_args(hint)[0] if typing.get_origin(hint) is list else None
        if item is not None and getattr(item, "__collection__", None):
            found[item.__name__.lower()] = Kind(item.__name__.lower(), item, filename, fields[0].name)
    return found


@dataclass(frozen=True)
class Added:
    path: Path
    line: int  # where the entry starts
    todos: int


def add_entry(content_dir: Path, kind_name: str, entry_id: str) -> Added:
    """Append a new entry to its file, or raise ScaffoldError and leave the file untouched."""
    kind = kinds()[kind_name]
    path = Path(content_dir) / kind.filename
    shown = display_path(path)
    if not re.fullmatch(SLUG, entry_id):
        raise ScaffoldError(
            f"'{entry_id}' is not a valid id: use lower-case letters, digits and "
            "single hyphens, such as kloop-asks-for-comment"
        )
    root, problems, _text = read_yaml(path, shown)
    if root is None:
        raise ScaffoldError(f"{problems[0]}; fix that first")
    items = _items(root, kind.collection)
    if items is None:
        raise ScaffoldError(f"{shown} has no '{kind.collection}:' list to add to")
    for item in items.value:
        if _id_of(item) == entry_id:
            raise ScaffoldError(
                f"{shown}:{item.start_mark.line + 1} already has the {kind.name} "
                f"'{entry_id}': choose another id"
            )

    text = path.read_text(encoding="utf-8-sig")
    entry = "\n".join(entry_lines(kind.cls, entry_id, items.start_mark.column)) + "\n"
    # Appended, never rewritten: the file's own bytes stay as they are.
    prefix = "" if text.endswith("\n") or not text else "\n"
    if _entries_apart(text, items) and not text.endswith("\n\n"):
        prefix += "\n"
    new_text = text + prefix + entry
    _check_appended(new_text, kind, entry_id, shown)
    with path.open("a", encoding="utf-8") as file:
        file.write(prefix + entry)
    return Added(path, (text + prefix).count("\n") + 1, entry.count(TODO))


def entry_lines(cls: type, entry_id: str, dash: int) -> list[str]:
    """The entry's YAML, its '-' at column `dash`, with a comment for each field and, after
    them, the optional fields an editor can add."""
    lines = _record(cls, dash, key=entry_id)
    optional = [f for f in _fields(cls) if f.name not in _needed(cls)]
    if optional:
        indent = " " * (dash + 2)
        lines.append(f"{indent}# Optional, when the source gives them:")
        for f in optional:
            lines += _wrapped(f"{indent}#   {f.name}: ", f.metadata.get("help", ""), f"{indent}#     ")
    return lines


# -- one record ----------------------------------------------------------------


def _record(cls: type, dash: int, key: str | None = None) -> list[str]:
    """The record as a list item whose '-' is at column `dash`."""
    hints = typing.get_type_hints(cls)
    indent = " " * (dash + 2)
    lines: list[str] = []
    for f in _ordered(cls):
        rules, hint = f.metadata, _inner(hints[f.name])
        help = rules.get("help", "")
        start = f"{' ' * dash}- {f.name}:" if not lines else f"{indent}{f.name}:"
        if rules.get("key") and key is not None:
            lines.append(_commented(f"{start} {key}", help))
        elif typing.get_origin(hint) is list:
            item = typing.get_args(hint)[0]
            if not _block(item):
                lines.append(_commented(f"{start} [{_scalar(item)}]", help))
            elif _reference(item):
                lines += [_commented(start, help), f"{indent}  - {_flow(item)}"]
            else:
                lines += [_commented(start, help), *_record(item, dash + 4)]
        elif _block(hint):
            raise TypeError(f"{cls.__name__}.{f.name}: a required block is not supported")
        elif rules.get("rich"):
            lines += [_commented(f"{start} >-", help), f"{indent}  {TODO}"]
        elif hint is bool and f.name in _asked_by_check(cls):
            # a choice the entry's own check needs an editor to make (is a person public?)
            lines.append(_commented(f"{start} {TODO}", f"true or false: {help}"))
        else:
            lines.append(_commented(f"{start} {_scalar(hint)}", _comment(hint, help)))
    return lines


def _scalar(hint: Any) -> str:
    """A choice's first allowed value, false for a flag, TODO for anything else."""
    if typing.get_origin(hint) is Literal:
        return str(typing.get_args(hint)[0])
    if hint is bool:
        return "false"
    return TODO


def _comment(hint: Any, help: str) -> str:
    """A field's help; for a choice, with the allowed values unless the help names them all."""
    if typing.get_origin(hint) is not Literal:
        return help
    options = [str(o) for o in typing.get_args(hint)]
    if all(o in help for o in options):
        return help
    return f"{help}: {', '.join(options)}" if help else f"one of {', '.join(options)}"


def _flow(cls: type) -> str:
    """A record on one line, as citations are written: {source: TODO, section: TODO}."""
    hints = typing.get_type_hints(cls)
    return "{" + ", ".join(f"{f.name}: {_scalar(_inner(hints[f.name]))}" for f in _ordered(cls)) + "}"


def _reference(cls: type) -> bool:
    """Whether every field the record needs names another record, as a citation's do."""
    return all(f.metadata.keys() & {"ref", "section_of"} for f in _needed_fields(cls))


def _block(hint: Any) -> bool:
    """Whether a value is written as fields of its own (a record), not as one value."""
    return isinstance(hint, type) and dataclasses.is_dataclass(hint) and not issubclass(hint, ScalarType)


# -- which fields ----------------------------------------------------------------


def _fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if f.init]


def _required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _needed(cls: type) -> set[str]:
    """The required fields, and the optional ones the type's own check() asks for when they
    are left out (a fact's citations, a section's passages, a figure's value)."""
    return {f.name for f in _fields(cls) if _required(f)} | _asked_by_check(cls)


def _asked_by_check(cls: type) -> set[str]:
    """The optional fields the type's own check() asks for when they are left out."""
    check = getattr(cls, "check", None)
    if check is None:
        return set()
    hints = typing.get_type_hints(cls)
    required = [f.name for f in _fields(cls) if _required(f)]
    sample = cls(**{name: _sample(hints[name]) for name in required})
    return {name for name, _message, _hint in sample.check()}


def _needed_fields(cls: type) -> list[dataclasses.Field]:
    needed = _needed(cls)
    return [f for f in _fields(cls) if f.name in needed]


def _ordered(cls: type) -> list[dataclasses.Field]:
    """Needed fields in declaration order, plain values before lists and blocks, as the
    content files have them (id, name, …, sources, sections)."""
    hints = typing.get_type_hints(cls)

    def nested(f):
        hint = _inner(hints[f.name])
        return typing.get_origin(hint) is list or _block(hint)

    fields = _needed_fields(cls)
    return [f for f in fields if not nested(f)] + [f for f in fields if nested(f)]


def _sample(hint: Any) -> Any:
    """A stand-in value of a type, for asking a record's check() what it needs."""
    hint = _inner(hint)
    if typing.get_origin(hint) is Literal:
        return typing.get_args(hint)[0]
    if typing.get_origin(hint) is list:
        return []
    if isinstance(hint, type) and issubclass(hint, ScalarType):
        return None
    if _block(hint):
        fields = typing.get_type_hints(hint)
        return hint(**{f.name: _sample(fields[f.name]) for f in _fields(hint) if _required(f)})
    return {bool: False, int: 0, float: 0.0}.get(hint, TODO)


def _inner(hint: Any) -> Any:
    """The type inside an optional one: `str | None` is `str`."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(hint) if a is not type(None))
    return hint


# -- the file ----------------------------------------------------------------------


def _items(root: yaml.Node | None, collection: str) -> yaml.SequenceNode | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == collection and isinstance(value, yaml.SequenceNode):
            return value
    return None


def _id_of(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode):
                return value.value
    return None


def _entries_apart(text: str, items: yaml.SequenceNode) -> bool:
    """Whether the file leaves a blank line between entries (comments may sit in between)."""
    lines = text.splitlines()
    for item in items.value[1:]:
        above = item.start_mark.line - 1
        while above > 0 and lines[above].lstrip().startswith("#"):
            above -= 1
        if not lines[above].strip():
            return True
    return False


def _check_appended(new_text: str, kind: Kind, entry_id: str, shown: str) -> None:
    """The file with the entry must still parse, with the entry last in its list."""
    try:
        items = _items(yaml.compose(new_text, Loader=yaml.SafeLoader), kind.collection)
    except yaml.YAMLError as exc:
        raise ScaffoldError(f"{shown}: the new entry would not parse ({exc}); nothing was written") from exc
    if items is None or _id_of(items.value[-1]) != entry_id:
        raise ScaffoldError(
            f"{shown}: '{kind.collection}:' is not the last thing in the file, so "
            "an entry appended at its end would not belong to it; nothing was "
            "written"
        )


# -- layout ------------------------------------------------------------------------


def _commented(code: str, comment: str) -> str:
    if not comment:
        return code
    column = max(COMMENT_COLUMN, len(code) + 2)
    start = code.ljust(column) + "# "
    return "\n".join(_wrapped(start, comment, " " * column + "# "))


def _wrapped(first: str, words: str, rest: str) -> list[str]:
    if not words:
        return [first.rstrip()]
    width = max(LINE_LENGTH, len(first) + 30)
    return textwrap.wrap(
        words,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        drop_whitespace=True,
    ) or [first.rstrip()]
