"""records.files, records.errors and records.walk: reading a set of record files, the checks
across them (ids unique, references known), and how a problem is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from records.errors import ContentError, Problem, UserError
from records.files import at, cross_check, display_path, read_file, suggest
from records.schema import Invalid, Reader, Use
from records.walk import walk
from tests.records.test_records_schema import Outer


def use(collection: str, value: str, line: int, parent: str | None = None, path: str = "a.yaml") -> Use:
    return Use(collection, value, Problem(path, line, 3, f"field{line}", ""), parent)


def reader(keys=(), refs=()) -> Reader:
    r = Reader("a.yaml")
    r.keys.extend(keys)
    r.refs.extend(refs)
    return r


def test_problems_are_written_one_line_each_and_sorted():
    assert str(Problem("f.yaml", 1, 2, "farms#1", "is wrong", "fix it")) == (
        "f.yaml:1:2: farms#1: is wrong (fix it)"
    )
    assert str(Problem("f.yaml", 1, 2, "", "is wrong")) == "f.yaml:1:2: is wrong"
    error = ContentError(
        [
            Problem("b.yaml", 1, 1, "", "x"),
            Problem("a.yaml", 2, 1, "", "y"),
            Problem("a.yaml", 10, 1, "", "z"),
        ],
        note="links were not checked",
    )
    assert str(error) == "a.yaml:2:1: y\na.yaml:10:1: z\nb.yaml:1:1: x"
    assert error.lines() == [
        "a.yaml:2:1: y",
        "a.yaml:10:1: z",
        "b.yaml:1:1: x",
        "3 problem(s); nothing was built.",
        "note: links were not checked",
    ]
    assert ContentError([]).lines() == ["0 problem(s); nothing was built."]
    assert ContentError([]).note == ""
    assert isinstance(error, UserError)
    assert UserError("no such page").lines() == ["error: no such page"]


def test_duplicate_ids_and_unknown_references():
    first = reader(keys=[use("farms", "a", 1), use("farms", "b", 2), use("actors", "a", 3)])
    second = reader(
        keys=[use("farms", "a", 7, path="b.yaml")],
        refs=[
            use("farms", "b", 8),
            use("farms", "c", 9),
            use("actors", "x", 10),
            use("people", "nobody", 11),
        ],
    )
    problems = cross_check([first, second], checkable={"farms", "actors"})
    assert [str(p) for p in problems] == [
        "b.yaml:7:3: field7: duplicate id 'a' (already used at a.yaml:1; ids must be unique)",
        "a.yaml:9:3: field9: unknown farm 'c' (known: a, b)",
        "a.yaml:10:3: field10: unknown actor 'x' (known: a)",
    ]
    assert cross_check([first, second], checkable=set()) == [problems[0]]


def test_section_references_are_checked_against_their_source():
    refs = [
        use("sections", "intro", 1, "kloop"),
        use("sections", "intor", 2, "kloop"),
        use("sections", "x", 3, "unknown-source"),
        use("sections", "y", 4, None),
    ]
    problems = cross_check([reader(refs=refs)], checkable=set(), sections={"kloop": {"intro", "methods"}})
    assert [str(p) for p in problems] == [
        "a.yaml:2:3: field2: source 'kloop' has no section 'intor' (did you mean 'intro'?)"
    ]
    assert cross_check([reader(refs=refs)], checkable={"sections"}) == []


def test_suggest_the_closest_or_list_the_known():
    assert suggest("farn", {"farm", "actor"}) == "did you mean 'farm'?"
    assert suggest("zzz", {"b", "a"}) == "known: a, b"
    assert suggest("zzz", set("abcdefgh")) == "known: a, b, c, d, e, f, g, h"
    assert suggest("zzz", set("ihgfedcba")) == "known: a, b, c, d, e, f, g, h …"


def test_at_keeps_the_place_and_field_of_the_use():
    assert at(use("farms", "a", 4), "message", "hint") == Problem("a.yaml", 4, 3, "field4", "message", "hint")


def test_display_path(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "content" / "farms.yaml") == "content/farms.yaml"
    assert display_path(Path("content/farms.yaml")) == "content/farms.yaml"
    elsewhere = tmp_path.parent / "other.yaml"
    assert display_path(elsewhere) == elsewhere.as_posix()


def test_read_file(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.yaml").write_text("id: a\ncount: 1\nitems: [{name: x}]\n", encoding="utf-8")
    value, r = read_file(tmp_path, "good.yaml", Outer)
    assert value.id == "a" and r.problems == [] and r.shown_as == "good.yaml"
    assert r.source == "id: a\ncount: 1\nitems: [{name: x}]\n"
    value, r = read_file(tmp_path, "missing.yaml", Outer)
    assert value is Invalid
    assert [str(p) for p in r.problems] == ["missing.yaml:1:1: file is missing (create missing.yaml)"]
    (tmp_path / "bad.yaml").write_text("id: a\n", encoding="utf-8")
    value, r = read_file(tmp_path, "bad.yaml", Outer)
    assert value is Invalid
    assert [p.field for p in r.problems] == ["count", "items"]
    assert repr(Invalid) == "Invalid"


@dataclass
class Leaf:
    name: str


@dataclass
class Branch:
    leaf: Leaf
    leaves: list[Leaf] = field(default_factory=list)
    by_id: dict[str, Leaf] = field(default_factory=dict)
    pair: tuple = ()


def test_walk_reaches_every_record_with_its_path():
    tree = Branch(Leaf("a"), [Leaf("b"), Leaf("c")], {"x": Leaf("d")}, (Leaf("e"), 1))
    assert [(path, getattr(value, "name", None)) for path, value in walk(tree, "root")] == [
        ("root", None),
        ("root.leaf", "a"),
        ("root.leaves[0]", "b"),
        ("root.leaves[1]", "c"),
        ("root.by_id['x']", "d"),
        ("root.pair[0]", "e"),
    ]
    assert list(walk(Branch)) == []  # a type is not a record
    assert [p for p, _ in walk([Leaf("z")])] == ["[0]"]


@pytest.mark.parametrize("value", [None, 1, "text", Leaf])
def test_walk_finds_nothing_in_plain_values(value):
    assert list(walk(value)) == []
