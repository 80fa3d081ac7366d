"""Translations of record files: the words of another language laid over the facts.

A translation file mirrors its original (`content/ru/farms.yaml` mirrors
`content/farms.yaml`) but holds only words: every text field that is not an id,
a reference, a pattern or an address. Ids, dates, numbers, citations and links
between records live once, in the original.

A translated text is tied to what it translates, never to a position: each item of
a list names its item in the original by its key (its `id`, or the field its type
declares as `__key__`: a link's `actor`), and a list of labels gives each label
under the id it labels. Reordering, inserting or deleting items in the original
never moves a translation to another item.

Each translated text is also tied to the English it was made from. The tooling
(`python build.py translations --update`) records, per text, that English and a
fingerprint of the translation (`MadeFrom`); when the English changes, the
translation is out of date. A text whose translation is missing or out of date is
shown in the original language, as an `Untranslated` string that pages mark with its
language, and is reported as `Pending`; an allegation or a response (a type with
`__translated_whole__`) is then shown whole in the original, never half in each.

`Translator.record` returns the original record with each text replaced by its
translation, after checking that every translation keeps the original's `{...}`
tokens (figures, slots) and the site's own links.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import re
import types
import typing
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from .schema import CODE_RULES, Invalid, Reader, _declared, _join, item_key

#: What a translation must keep from its original: {fig:id} and {slot} tokens, and the
#: addresses of Markdown links.
KEPT = re.compile(r"\{[^{}\s]+\}|\]\(([^)\s]+)\)")
#: The file in each language's folder that records what each translation was made from.
MADE_FROM_FILE = "translated-from.yaml"


class Untranslated(str):
    """A text in the original language, shown where its translation is missing or out of
    date; pages mark it with `language`."""

    language = "en"


def fingerprint(text: str) -> str:
    """A short fingerprint of a text, to notice that it changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Made:
    """What one translated text was made from: the original's words then, and a fingerprint
    of the translation then."""

    original: str
    translation: str  # fingerprint


#: Per content file, per text's path: what its translation was made from.
MadeFrom = dict[str, dict[str, Made]]


@dataclass(frozen=True)
class Pending:
    """A text whose translation is missing, out of date or not yet recorded."""

    state: Literal["missing", "outdated", "unrecorded", "unkeyed"]
    path: str
    at: yaml.Node  # where the translation is, or the nearest node that exists
    # for an outdated text, what the warning and the report show beside it: the original's
    # words now, the words it was translated from, and the translation as it stands
    original: str = ""
    was: str = ""
    translation: str = ""


@functools.cache  # asked for every field of every item: the answer depends on the field only
def is_words(f: dataclasses.Field, hint: Any) -> bool:
    """Whether a field holds words to translate: text (or a list of texts) that is not a
    fact, unless declared `translate=False`."""
    return (
        _plain(hint) in (str, list[str])
        and not f.metadata.keys() & CODE_RULES
        and f.metadata.get("translate", True)
    )


@functools.cache
def _plain(hint: Any) -> Any:
    """The type without `| None`."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(hint) if a is not type(None))
    return hint


@functools.cache
def _record_type(hint: Any) -> type | None:
    """The record type a field holds (alone or in a list), if any."""
    hint = _plain(hint)
    if typing.get_origin(hint) is list:
        hint = typing.get_args(hint)[0]
    return hint if isinstance(hint, type) and dataclasses.is_dataclass(hint) else None


@functools.cache
def _list_key(cls: type) -> str:
    """The key that ties translations to the items of a list of `cls`; a translated list
    without one is a mistake in the declarations, not in content."""
    key = item_key(cls)
    if key is None:
        raise TypeError(
            f"{cls.__name__} is translated in lists, so it needs an 'id' field or a "
            "'__key__' naming the field that identifies it"
        )
    return key


def kept(text: str) -> Counter:
    """The tokens and link addresses a translation of `text` must keep."""
    return Counter(m.group(1) or m.group(0) for m in KEPT.finditer(text))


def _type_of(value: Any) -> type:
    """type(value), as the plain `type` the caches take (mypy calls type[Any] unhashable)."""
    return type(value)


def words_of(value: Any) -> Any:
    """The translatable part of a record, as plain data in the shape a translation file
    takes (what `build.py translate` writes for a translator to start from): each list
    item under its key, each list of labels under the ids it labels."""
    fields, hints = _declared(_type_of(value))
    out: dict[str, Any] = {}
    for name, f in fields.items():
        item = getattr(value, name)
        if item in (None, [], ""):
            continue
        if is_words(f, hints[name]):
            out[name] = (
                dict(zip(getattr(value, f.metadata["keyed_by"]), item, strict=True))
                if isinstance(item, list)
                else item
            )
        elif _holds_words(hints[name]):
            if isinstance(item, list):
                key = _list_key(_record_type(hints[name]))
                inner = [
                    {key: getattr(x, key), **words}
                    for x in item
                    if getattr(x, key) is not None and (words := words_of(x))
                ]
            else:
                inner = words_of(item)
            if inner:
                out[name] = inner
    return out


def untranslated(value: Any) -> Any:
    """`value` with every text marked as shown in its original language."""
    fields, hints = _declared(_type_of(value))
    changes: dict[str, Any] = {}
    for name, f in fields.items():
        item = getattr(value, name)
        if item in (None, [], ""):
            continue
        if is_words(f, hints[name]):
            changes[name] = [Untranslated(x) for x in item] if isinstance(item, list) else Untranslated(item)
        elif _holds_words(hints[name]):
            changes[name] = [untranslated(x) for x in item] if isinstance(item, list) else untranslated(item)
    return dataclasses.replace(value, **changes)


class Translator:
    """Lays one translation file over its original record, reporting what is wrong with the
    translation file's line, and noting what is pending (missing, out of date)."""

    def __init__(self, reader: Reader, language: str, made_from: dict[str, Made] | None = None):
        self.reader = reader
        self.language = language
        self.made_from = made_from or {}
        self.pending: list[Pending] = []
        #: Every text that has a translation, by path: (the original now, the translation).
        self.translated: dict[str, tuple[str, str]] = {}

    def record(self, value: Any, node: yaml.Node | None, path: str, at: yaml.Node) -> Any:
        """`value` with its words taken from `node` (None when the translation lacks it;
        problems are then placed at `at`, the nearest node that exists)."""
        cls = _type_of(value)
        fields, hints = _declared(cls)
        if node is None and words_of(value):
            self.pending.append(Pending("missing", path or "(top level)", at))
            return untranslated(value)
        given = {}
        if node is not None:
            if not isinstance(node, yaml.MappingNode):
                self.reader.fail(
                    node,
                    path or "(top level)",
                    "expected a mapping of fields",
                    "write it as 'field: text' lines, as in the original",
                )
                return Invalid
            given = {k.value: (k, v) for k, v in node.value}
        key = item_key(cls)
        for name, (key_node, _child) in given.items():
            if name == key:
                continue
            f = fields.get(name)
            if f is None or not (is_words(f, hints[name]) or _holds_words(hints[name])):
                self.reader.fail(
                    key_node,
                    _join(path, str(name)),
                    f"'{name}' is not text to translate",
                    "facts (ids, numbers, dates, sources, links) are shared by every "
                    "language: change them in the original file, and remove this line",
                )
        pending_before = len(self.pending)
        changes: dict[str, Any] = {}
        for name, f in fields.items():
            original = getattr(value, name)
            where = _join(path, name)
            name_node, child = given.get(name, (None, None))
            if original in (None, [], ""):
                if child is not None and is_words(f, hints[name]):
                    # words only some languages need (a plural form English lacks)
                    changes[name] = self.reader._text(child, where, f.metadata)
                continue
            if is_words(f, hints[name]):
                if isinstance(original, list):
                    text = self.labels(
                        original,
                        getattr(value, f.metadata["keyed_by"]),
                        child,
                        where,
                        f.metadata,
                        name_node or node or at,
                    )
                else:
                    text = self.words(original, child, where, f.metadata, node or at)
            elif _holds_words(hints[name]):
                text = (
                    self.items(original, child, where, name_node or node or at)
                    if isinstance(original, list)
                    else self.record(original, child, where, name_node or node or at)
                )
            else:
                continue
            if text is Invalid:
                return Invalid
            changes[name] = text
        if getattr(cls, "__translated_whole__", False) and any(
            p.state != "unrecorded" for p in self.pending[pending_before:]
        ):
            return untranslated(value)  # never half in one language, half in another
        return dataclasses.replace(value, **changes)

    def words(
        self, original: str, node: yaml.Node | None, path: str, rules: Mapping[str, Any], at: yaml.Node
    ) -> Any:
        """The translation of one text, or the original, marked, while it is pending."""
        if node is None:
            self.pending.append(Pending("missing", path, at))
            return Untranslated(original)
        text = self.reader._text(node, path, rules)
        if text is Invalid:
            return Invalid
        if kept(text) != kept(original):
            wanted = sorted(kept(original).elements())
            self.reader.fail(
                node,
                path,
                "the translation does not keep the original's tokens and links",
                ("it must have exactly: " + ", ".join(wanted))
                if wanted
                else "the original has no {…} tokens or site links: remove them",
            )
            return Invalid
        self.translated[path] = (original, text)
        made = self.made_from.get(path)
        if made is None:
            self.pending.append(Pending("unrecorded", path, node))
        elif made.original != original:
            self.pending.append(Pending("outdated", path, node, original, made.original, text))
            return Untranslated(original)
        return text

    def labels(
        self,
        originals: list[str],
        keys: list[str],
        node: yaml.Node | None,
        path: str,
        rules: Mapping[str, Any],
        at: yaml.Node,
    ) -> Any:
        """A list of labels, each translated under the id it labels (a chart's figures)."""
        given: dict[str, yaml.Node] = {}
        if node is not None:
            if not isinstance(node, yaml.MappingNode):
                self.reader.fail(
                    node,
                    path,
                    "expected each label under the id it labels",
                    "write 'figure-id: label' lines, one for each of: " + ", ".join(keys),
                )
                return Invalid
            given = {k.value: v for k, v in node.value}
            for k, _v in node.value:
                if k.value not in keys:
                    self.reader.fail(
                        k,
                        f"{path}['{k.value}']",
                        f"no label for '{k.value}' in the original",
                        "labels are tied to ids: use one of " + ", ".join(keys),
                    )
        texts = [
            self.words(o, given.get(k), f"{path}['{k}']", rules, node or at)
            for k, o in zip(keys, originals, strict=True)
        ]
        return Invalid if Invalid in texts else texts

    def items(self, originals: list, node: yaml.Node | None, path: str, at: yaml.Node) -> Any:
        """A list's items, each laid over the item in the original that it names by key."""
        if node is not None and not isinstance(node, yaml.SequenceNode):
            self.reader.fail(node, path, "expected a list", "start each item with '- '")
            return Invalid
        key = _list_key(_type_of(originals[0]))
        known = {getattr(o, key) for o in originals} - {None}
        named: dict[str, yaml.Node] = {}
        for n in node.value if node is not None else []:
            item_id = _value_of(n, key)
            if item_id is None:
                self.reader.fail(
                    n,
                    path,
                    f"this item names no {key}",
                    f"start it with '{key}: …', the {key} of the item it translates "
                    "in the original; items are tied by it, never by position",
                )
            elif item_id not in known:
                self.reader.fail(
                    n,
                    f"{path}['{item_id}']",
                    f"no item with {key} '{item_id}' in the original",
                    f"items are tied by {key}: fix the {key}, or remove the item",
                )
            elif item_id in named:
                self.reader.fail(
                    n, f"{path}['{item_id}']", f"'{item_id}' is translated twice", "keep one of them"
                )
            else:
                named[item_id] = n
        translated = []
        for number, original in enumerate(originals, start=1):
            item_id = getattr(original, key)
            if item_id is None:
                # not tied to anything yet: `translations --update` gives it an id
                self.pending.append(Pending("unkeyed", f"{path}#{number}", node or at))
                translated.append(untranslated(original))
                continue
            translated.append(self.record(original, named.get(item_id), f"{path}['{item_id}']", node or at))
        return Invalid if Invalid in translated else translated


def _value_of(node: yaml.Node, name: str) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == name and isinstance(v, yaml.ScalarNode):
                return v.value.strip() or None
    return None


# -- what each translation was made from ------------------------------------------


def read_made_from(text: str) -> MadeFrom:
    """The records of a `translated-from.yaml` file (written by the tooling only)."""
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {
        filename: {
            path: Made(str(entry["from"]), str(entry["translation"])) for path, entry in (texts or {}).items()
        }
        for filename, texts in data.items()
    }


def dump_made_from(made_from: MadeFrom, language: str) -> str:
    """The `translated-from.yaml` file for `made_from`, in a stable order."""
    head = (
        f"# Written by `python build.py translations --update`; never edit it by hand. For "
        f"each {language} text: the\n# English it was translated from, and a fingerprint of "
        "the translation then. When the English\n# changes, `check` reports the translation "
        "as out of date and pages show the English until it\n# is translated again.\n"
    )
    data = {
        filename: {
            path: {"from": made.original, "translation": made.translation}
            for path, made in sorted(texts.items())
        }
        for filename, texts in sorted(made_from.items())
        if texts
    }
    return head + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


class _Dumper(yaml.SafeDumper):
    """Writes long texts folded over several lines."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style=">" if len(text) > 70 and "\n" not in text else None
    ),
)


@dataclass
class Stamped:
    """What `stamp` changed."""

    recorded: list[str] = field(default_factory=list)  # new or revised translations
    still_outdated: list[str] = field(default_factory=list)


def stamp(
    made_from: dict[str, Made],
    translated: dict[str, tuple[str, str]],
    accept: typing.Callable[[str], bool] = lambda path: False,
) -> tuple[dict[str, Made], Stamped]:
    """The records after a translator's work: a translation is recorded as made from the
    original of now when it is new, when the original has not changed, or when the
    translation changed since it was recorded (the translator revised it); an out-of-date
    translation that nobody touched stays out of date unless `accept(path)`. Records of
    texts that no longer exist are dropped."""
    records: dict[str, Made] = {}
    report = Stamped()
    for path, (original, text) in sorted(translated.items()):
        made = made_from.get(path)
        now = Made(original, fingerprint(text))
        if made is None or made.original == original:
            records[path] = now
            if made is None:
                report.recorded.append(path)
        elif made.translation != now.translation or accept(path):
            records[path] = now
            report.recorded.append(path)
        else:
            records[path] = made
            report.still_outdated.append(path)
    return records, report


# -- keys the tooling writes ------------------------------------------------------


@dataclass(frozen=True)
class NewKey:
    """An id to write into an original item that has none, so translations can be tied to it."""

    path: str
    node: yaml.Node  # the item
    field: str  # the key's field: id
    value: str


def new_keys(value: Any, node: yaml.Node | None, path: str = "") -> list[NewKey]:
    """An id for every item of a translated list in `value` (read from `node`) that has none:
    the first letter of its kind and the lowest number its list does not use yet (p1, p2 …
    for paragraphs, s1 … for statements)."""
    found: list[NewKey] = []
    fields, hints = _declared(_type_of(value))
    children = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
    for name in fields:
        item, child = getattr(value, name), children.get(name)
        cls = _record_type(hints[name])
        if not _holds_words(hints[name]) or item in (None, []) or child is None:
            continue
        if not isinstance(item, list):
            found += new_keys(item, child, _join(path, name))
            continue
        assert cls is not None  # _holds_words: the field holds records
        key = _list_key(cls)
        used = {getattr(x, key) for x in item}
        prefix = cls.__name__[0].lower()
        numbers = (n for n in itertools.count(1) if f"{prefix}{n}" not in used)  # never runs out
        for x, x_node in zip(item, child.value, strict=True):
            item_id = getattr(x, key)
            if item_id is None:
                item_id = f"{prefix}{next(numbers)}"
                found.append(NewKey(f"{_join(path, name)}['{item_id}']", x_node, key, item_id))
            found += new_keys(x, x_node, f"{_join(path, name)}['{item_id}']")
    return found


@functools.cache
def _holds_words(hint: Any) -> bool:
    """Whether a field holds records (alone or in a list) with words to translate, in
    themselves or further in."""
    cls = _record_type(hint)
    if cls is None:
        return False
    fields, hints = _declared(cls)
    return any(is_words(f, hints[name]) or _holds_words(hints[name]) for name, f in fields.items())


def with_keys(text: str, keys: list[NewKey]) -> str:
    """The YAML `text` with each new id written as its item's first field: `- id: p1` before
    a block of fields, `{id: s1, …}` in a one-line item. Nothing else in the text changes."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]  # where each line starts
    for key in sorted(keys, key=lambda k: (k.node.start_mark.line, k.node.start_mark.column), reverse=True):
        mark = key.node.start_mark
        at = starts[mark.line] + mark.column
        if text[at] == "{":
            text = f"{text[: at + 1]}{key.field}: {key.value}, {text[at + 1 :]}"
        else:
            text = f"{text[:at]}{key.field}: {key.value}\n{' ' * mark.column}{text[at:]}"
    return text
