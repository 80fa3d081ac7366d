"""Translations of record files: the words of another language laid over the facts.

A translation file mirrors its original (`content/ru/farms.yaml` mirrors
`content/farms.yaml`) but holds only words: every text field that is not an id,
a reference, a pattern or an address. Ids, dates, numbers, citations and links
between records live once, in the original. A list's items are matched by their
`id` where their kind has one, otherwise by position.

`translate` returns the original record with each text replaced by its
translation, after checking that every text has one and that it keeps the
original's `{...}` tokens (figures, slots) and the site's own links.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections import Counter
from typing import Any

import yaml

from .schema import Invalid, Reader, _declared, _join

#: Rules that make a text field a fact (an id, a reference, a code) rather than words.
FACT_RULES = ("key", "ref", "pattern", "section_of", "https")
#: What a translation must keep from its original: {fig:id} and {slot} tokens, and the
#: addresses of Markdown links.
KEPT = re.compile(r"\{[^{}\s]+\}|\]\(([^)\s]+)\)")


@functools.cache  # asked for every field of every item: the answer depends on the field only
def is_words(f: dataclasses.Field, hint: Any) -> bool:
    """Whether a field holds words to translate: text (or a list of texts) that is not a
    fact, unless declared `translate=False`."""
    return (_plain(hint) in (str, list[str])
            and not any(rule in f.metadata for rule in FACT_RULES)
            and f.metadata.get("translate", True))


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
    return hint if dataclasses.is_dataclass(hint) else None


def kept(text: str) -> Counter:
    """The tokens and link addresses a translation of `text` must keep."""
    return Counter(m.group(1) or m.group(0) for m in KEPT.finditer(text))


def words_of(value: Any) -> Any:
    """The translatable part of a record, as plain data in the shape a translation file
    takes (what `build.py translation` writes for a translator to start from)."""
    fields, hints = _declared(type(value))
    out: dict[str, Any] = {}
    if "id" in fields:
        out["id"] = value.id
    for name, f in fields.items():
        item = getattr(value, name)
        if item in (None, [], ""):
            continue
        if is_words(f, hints[name]):
            out[name] = item
        elif _record_type(hints[name]):
            inner = [words_of(x) for x in item] if isinstance(item, list) else words_of(item)
            if inner and (not isinstance(inner, list) or any(inner)):
                out[name] = inner
    return out if set(out) - {"id"} else {}


class Translator:
    """Lays one translation file over its original record, reporting what is missing, extra
    or changed with the translation file's line."""

    def __init__(self, reader: Reader, language: str):
        self.reader = reader
        self.language = language

    def record(self, value: Any, node: yaml.Node | None, path: str, at: yaml.Node) -> Any:
        """`value` with its words taken from `node` (None when the translation lacks it;
        problems are then placed at `at`, the nearest node that exists)."""
        fields, hints = _declared(type(value))
        given = {}
        if node is not None:
            if not isinstance(node, yaml.MappingNode):
                self.reader.fail(node, path or "(top level)", "expected a mapping of fields",
                                 "write it as 'field: text' lines, as in the original")
                return Invalid
            given = {k.value: (k, v) for k, v in node.value}
        changes: dict[str, Any] = {}
        for name, (key, _child) in given.items():
            if name == "id" and "id" in fields:
                continue
            f = fields.get(name)
            if f is None or not (is_words(f, hints[name]) or _record_type(hints[name])):
                self.reader.fail(key, _join(path, str(name)),
                                 f"'{name}' is not text to translate",
                                 "facts (ids, numbers, dates, sources, links) are shared by every "
                                 "language: change them in the original file, and remove this line")
        for name, f in fields.items():
            original = getattr(value, name)
            where = _join(path, name)
            key, child = given.get(name, (None, None))
            if original in (None, [], ""):
                if child is not None and is_words(f, hints[name]):
                    # words only some languages need (a plural form English lacks)
                    changes[name] = self.reader._text(child, where, f.metadata)
                continue
            if is_words(f, hints[name]):
                text = self.words(original, child, where, f.metadata, node or at)
            elif _record_type(hints[name]):
                text = (self.items(original, child, where, key or node or at)
                        if isinstance(original, list) else
                        self.record(original, child, where, key or node or at))
            else:
                continue
            if text is Invalid:
                return Invalid
            changes[name] = text
        return dataclasses.replace(value, **changes)

    def words(self, original: Any, node: yaml.Node | None, path: str, rules: dict,
              at: yaml.Node) -> Any:
        if isinstance(original, list):
            if node is None or not isinstance(node, yaml.SequenceNode) or \
                    len(node.value) != len(original):
                self.missing(node or at, path, f"a list of {len(original)} texts, in the "
                             f"original's order: {'; '.join(original)}")
                return Invalid
            texts = [self.words(o, n, f"{path}#{i + 1}", rules, n)
                     for i, (o, n) in enumerate(zip(original, node.value, strict=True))]
            return Invalid if Invalid in texts else texts
        if node is None:
            self.missing(at, path, f"translate: {original}")
            return Invalid
        text = self.reader._text(node, path, rules)
        if text is Invalid:
            return Invalid
        if kept(text) != kept(original):
            wanted = sorted(kept(original).elements())
            self.reader.fail(node, path, "the translation does not keep the original's tokens "
                             "and links", ("it must have exactly: " + ", ".join(wanted)) if wanted
                             else "the original has no {…} tokens or site links: remove them")
            return Invalid
        return text

    def items(self, originals: list, node: yaml.Node | None, path: str, at: yaml.Node) -> Any:
        if node is not None and not isinstance(node, yaml.SequenceNode):
            self.reader.fail(node, path, "expected a list", "start each item with '- '")
            return Invalid
        nodes = node.value if node is not None else []
        by_id = "id" in _declared(type(originals[0]))[0]
        if by_id:
            named = {_id_of(n): n for n in nodes}
            known = {o.id for o in originals}
            for item_id, n in named.items():
                if item_id not in known:
                    self.reader.fail(n, f"{path}['{item_id}']", f"no item '{item_id}' in the "
                                     "original", "items are matched by id: fix the id, or remove "
                                     "the item")
            pairs = [(o, named.get(o.id), f"{path}['{o.id}']") for o in originals]
        else:
            if len(nodes) > len(originals):
                self.reader.fail(nodes[len(originals)], path, f"{len(nodes)} items, the "
                                 f"original has {len(originals)}", "items without an id are "
                                 "matched by position: keep the original's order and number")
            pairs = [(o, nodes[i] if i < len(nodes) else None, f"{path}#{i + 1}")
                     for i, o in enumerate(originals)]
        translated = [self.record(o, n, p, n or node or at) for o, n, p in pairs]
        return Invalid if Invalid in translated else translated

    def missing(self, at: yaml.Node, path: str, hint: str) -> None:
        self.reader.fail(at, path, f"no {self.language} text", hint)


def _id_of(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == "id" and isinstance(v, yaml.ScalarNode):
                return v.value
    return None
