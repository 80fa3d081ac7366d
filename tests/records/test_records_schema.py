"""records.schema on record types of its own (not the site's): what a file's mistakes are reported
as, word for word and at which line and column, and the JSON Schema editors' IDEs get."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

import pytest
import yaml

from records.schema import (
    SLUG,
    Invalid,
    Reader,
    ScalarType,
    _kind,
    item_path,
    json_schema,
    located,
    node_at,
    spec,
    texts_in,
)


class Day(ScalarType):
    json_schema: ClassVar[dict] = {"type": "string", "format": "date"}
    describe: ClassVar[str] = "a date"
    example: ClassVar[str] = "write 2020-12-15"

    @classmethod
    def from_text(cls, text: str) -> str:
        if text.count("-") != 2:
            raise ValueError(f"'{text}' is not a date")
        return text


@dataclass(frozen=True)
class Inner:
    """An inner   record.
    Two lines."""

    name: str = spec("its name", pattern=SLUG)


@dataclass(frozen=True)
class Outer:
    """A record of every kind of field."""

    __collection__: ClassVar[str] = "outers"

    id: str = spec("id", key=True, pattern=SLUG)
    count: int = spec("count", min=0, max=9)
    items: list[Inner] = spec("items", min_items=1, max_items=3)
    url: str | None = spec("address", https=True, default=None)
    share: float = spec("share", default=0.5)
    flag: bool = spec("flag", default=False)
    kind: Literal["a", "b"] = spec("kind", default="a")
    tags: list[str] = spec("tags", default=[], pattern=SLUG)
    day: Day | None = spec("day", default=None)
    inner: Inner | None = spec("inner", default=None)

    json_schema_rules: ClassVar[dict] = {"not": {"required": ["url", "day"]}}


@dataclass(frozen=True)
class Line:
    """An item of a list, named by its actor."""

    __key__: ClassVar[str] = "actor"

    actor: str | None = spec("who", default=None, ref="actors")
    says: str | None = spec("what they say", default=None)


@dataclass(frozen=True)
class Article:
    """Words and the references in them."""

    title: str = spec("the title", warn_over=10)
    body: str = spec("a paragraph", rich=True)
    source: str = spec("a source", ref="sources")
    section: str = spec("its section", section_of="source")
    lines: list[Line] = spec("lines", default=[])
    low: int = spec("low end", default=0, min=1)

    def check(self):
        if self.low > 5:
            yield "low", f"low ({self.low}) is over 5", "lower it"


@dataclass(frozen=True)
class Mentions:
    """A list of references."""

    who: list[str] = spec("who is mentioned", default=[], ref="actors")


MINIMAL = "id: a\ncount: 3\nitems: [{name: x}]\n"


def read(text: str, cls: type = Outer):
    reader = Reader("f.yaml", source=text)
    value = reader.record(yaml.compose(text), cls, "")
    return value, [str(p) for p in reader.problems], reader


def test_a_valid_record_is_read_with_its_defaults():
    value, problems, reader = read(MINIMAL)
    assert problems == []
    assert value == Outer(id="a", count=3, items=[Inner("x")])
    assert [(u.collection, u.value, str(u.problem_at)) for u in reader.keys] == [
        ("outers", "a", "f.yaml:1:5: id: ")
    ]


def test_every_field_kind_is_read():
    value, problems, _ = read(
        MINIMAL + "url: https://x.org/a\nshare: 2\nflag: true\nkind: b\n"
        "tags: [c, d-e]\nday: 2020-12-15\ninner: {name: y}\n"
    )
    assert problems == []
    assert value == Outer(
        "a", 3, [Inner("x")], "https://x.org/a", 2.0, True, "b", ["c", "d-e"], "2020-12-15", Inner("y")
    )
    assert type(value.share) is float and type(value.count) is int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id: A\ncount: -1\nitems: []\n",
            [
                "f.yaml:1:5: id: 'A' is not a valid value (use lower-case letters, digits and hyphens)",
                "f.yaml:2:8: count: -1 is below the minimum 0 (counts cannot be negative)",
                "f.yaml:3:8: items: needs at least 1 item(s) (items)",
            ],
        ),
        (
            "id: a\ncount: 10\nitems: [{name: x}, {name: y}, {name: z}, {name: w}]\n",
            [
                "f.yaml:2:8: count: 10 is above the maximum 9 (use 9 or less)",
                "f.yaml:3:8: items: has 4 items, at most 3 allowed (keep the 3 that matter most: items)",
            ],
        ),
        (
            "id: a\ncount: 3.5\nitems: {name: x}\n",
            [
                "f.yaml:2:8: count: expected a whole number, got a number '3.5' (write digits only, "
                "without quotes or units)",
                "f.yaml:3:8: items: expected a list, got a mapping (start each item with '- ')",
            ],
        ),
        (
            "id: a\ncont: 3\nitems: [{name: x}]\n",
            ["f.yaml:2:1: cont: unknown field 'cont' (did you mean 'count'?)"],
        ),
        (
            "id: a\ncount: 3\ncount: 4\nitems: [{name: x}]\n",
            ["f.yaml:3:1: count: field given twice (keep one of them)"],
        ),
        ("id: a\nitems: [{name: x}]\n", ["f.yaml:1:1: count: missing required field 'count' (count)"]),
        (
            "- a\n",
            [
                "f.yaml:1:1: (top level): expected a mapping of fields, got a list (write it as "
                "'field: value' lines for Outer)"
            ],
        ),
        (
            MINIMAL + "kind: c\nurl: http://x\nshare: .nan\n",
            [
                "f.yaml:4:7: kind: 'c' is not an allowed value (allowed: a, b)",
                "f.yaml:5:6: url: 'http://x' is not an https:// address (give the full public address)",
                "f.yaml:6:8: share: expected a finite number",
            ],
        ),
        (
            MINIMAL + "flag: 1\nkind: bb\nday: 2020\ntags: [a, B]\n",
            [
                "f.yaml:4:7: flag: expected true or false, got a whole number '1'",
                "f.yaml:5:7: kind: 'bb' is not an allowed value (allowed: a, b)",
                "f.yaml:6:6: day: '2020' is not a date (write 2020-12-15)",
                "f.yaml:7:11: tags#2: 'B' is not a valid value (use lower-case letters, digits and hyphens)",
            ],
        ),
        (
            MINIMAL + "day: TODO\nkind: TODO\n",
            [
                "f.yaml:4:6: day: TODO left in day: day (write 2020-12-15)",
                "f.yaml:5:7: kind: TODO left in kind: kind (allowed: a, b)",
            ],
        ),
        (
            "id: a\ncount: TODO\nitems: [{name: TODO}]\nflag: TODO\nshare: TODO\n",
            [
                "f.yaml:2:8: count: TODO left in count: count (write the number, in digits)",
                "f.yaml:3:16: items#1.name: TODO left in name: its name (write the words (or the "
                "citation) it needs)",
                "f.yaml:4:7: flag: TODO left in flag (write true or false)",
                "f.yaml:5:8: share: TODO left in share: share (write the number, in digits)",
            ],
        ),
        (
            "id: ''\ncount: 3\nitems: [{name: x}]\nurl: '  '\n",
            ["f.yaml:1:5: id: text is empty (id)", "f.yaml:4:6: url: text is empty (address)"],
        ),
        (
            "id: a\ncount: '3'\nitems: [{name: x}]\nflag: ~\ninner: [1]\nshare: 2020-01-01\nday: [1]\n",
            [
                "f.yaml:2:8: count: expected a whole number, got text '3' (write digits only, without "
                "quotes or units)",
                "f.yaml:4:7: flag: expected true or false, got nothing '~'",
                "f.yaml:5:8: inner: expected a mapping of fields, got a list (write it as 'field: value' "
                "lines for Inner)",
                "f.yaml:6:8: share: expected a number, got a date '2020-01-01' (write digits only, without "
                "quotes or units)",
                "f.yaml:7:6: day: expected a date, got a list (write 2020-12-15)",
            ],
        ),
        ("id: a\ncount: 3\nitems: ~\n", ["f.yaml:3:8: items: needs at least 1 item(s) (items)"]),
        (
            MINIMAL + "tgs: [a]\nnner: {name: x}\nfleg: true\n",
            [
                "f.yaml:4:1: tgs: unknown field 'tgs' (did you mean 'tags'?)",
                "f.yaml:5:1: nner: unknown field 'nner' (did you mean 'inner'?)",
                "f.yaml:6:1: fleg: unknown field 'fleg' (did you mean 'flag'?)",
            ],
        ),
        (
            MINIMAL + "inner: {name: x}\ninnr: [a]\n",
            [
                # a list is not what 'inner' takes, so it is not suggested
                "f.yaml:5:1: innr: unknown field 'innr' (allowed: id, count, items, url, share, flag, "
                "kind, tags, day, inner)"
            ],
        ),
        (
            MINIMAL + "share: 1e400\n",
            [
                "f.yaml:4:8: share: expected a number, got text '1e400' (write digits only, without "
                "quotes or units)"
            ],
        ),
        (MINIMAL + "share: .inf\n", ["f.yaml:4:8: share: expected a finite number"]),
        (
            MINIMAL + "flag: TRUE\nurl: 'https://x.org\u200b'\n",
            [
                "f.yaml:5:20: url: a zero width space (U+200B) at character 14 (delete it, and type a "
                "space if one belongs there: it cannot be seen, but the text is not what it looks like)"
            ],
        ),
        (
            MINIMAL + "url: 'https://x.org\u200b\u200b'\n",
            [
                "f.yaml:4:20: url: a zero width space (U+200B) at character 14, and 1 more (delete it, and "
                "type a space if one belongs there: it cannot be seen, but the text is not what it looks "
                "like)"
            ],
        ),
        (
            "id: a\ncount: 3\nitems: [{name: true}, {name: [x]}, {name: ~}]\n",
            [
                "f.yaml:3:16: items#1.name: expected text, got true/false 'true' (put the text in quotes)",
                "f.yaml:3:30: items#2.name: expected text, got a list",
                "f.yaml:3:43: items#3.name: expected text, got nothing '~' (put the text in quotes)",
            ],
        ),
        (
            MINIMAL + "kind: [a]\nflag: true\n",
            ["f.yaml:4:7: kind: expected one of the allowed values, got a list (allowed: a, b)"],
        ),
        (
            MINIMAL + "kind:\n",
            ["f.yaml:4:6: kind: expected one of the allowed values, got nothing (allowed: a, b)"],
        ),
        (
            MINIMAL + "tags: [a, TODO]\n",
            ["f.yaml:4:11: tags#2: TODO left in tags: tags (write the words (or the citation) it needs)"],
        ),
        (
            # 'kd' is 0.67 like 'kind', under the 0.75 a suggestion needs
            MINIMAL + "kd: a\n",
            [
                "f.yaml:4:1: kd: unknown field 'kd' (allowed: id, count, items, url, share, flag, kind, "
                "tags, day, inner)"
            ],
        ),
    ],
)
def test_mistakes_are_reported_where_they_are(text, expected):
    value, problems, _ = read(text)
    assert value is Invalid
    assert problems == expected


def test_a_missing_field_is_not_reported_when_a_typo_already_names_it():
    _, problems, _ = read("id: a\ncont: 3\nitems: [{name: x}]\n")
    assert problems == ["f.yaml:2:1: cont: unknown field 'cont' (did you mean 'count'?)"]


def test_words_references_and_their_places_are_noted():
    text = (
        "title: A {fig:x} title\nbody: >-\n  Some words\n  and {fig:y} here\nsource: s\n"
        "section: intro\nlines:\n  - {actor: ann, says: hi}\n  - {says: bye}\n"
    )
    value, problems, reader = read(text, Article)
    assert problems == []
    assert value.lines == [Line("ann", "hi"), Line(None, "bye")]
    assert [(u.collection, u.value, u.parent_source, str(u.problem_at)) for u in reader.refs] == [
        ("figures", "x", None, "f.yaml:1:10: title: "),
        ("figures", "y", None, "f.yaml:4:7: body: "),
        ("sources", "s", None, "f.yaml:5:9: source: "),
        ("sections", "intro", "s", "f.yaml:6:10: section: "),
        ("actors", "ann", None, "f.yaml:8:13: lines['ann'].actor: "),
    ]
    assert [(t.path, t.text) for t in reader.texts] == [
        ("title", "A {fig:x} title"),
        ("body", "Some words and {fig:y} here"),
        ("lines['ann'].says", "hi"),
        ("lines#2.says", "bye"),
    ]
    assert [(t.path, t.text) for t in reader.prose] == [("body", "Some words and {fig:y} here")]
    assert [str(w) for w in reader.warnings] == [
        "f.yaml:1:8: title: warning: 15 characters is long for a title or name (keep it under 10: "
        "it is shown in lists, tabs and link previews)"
    ]


def test_items_without_a_key_are_passed_over_when_keys_are_checked():
    text = (
        "title: t\nbody: b\nsource: s\nsection: t\n"
        "lines:\n  - {says: x}\n  - {actor: ann}\n  - {actor: ann}\n"
    )
    _, problems, _ = read(text, Article)
    assert problems == [
        "f.yaml:8:13: lines['ann'].actor: actor 'ann' is used twice in this list (give each item "
        "its own actor: translations are tied to it)"
    ]


def test_an_item_whose_naming_field_is_not_text_is_named_by_its_place():
    _, problems, _ = read("title: t\nbody: b\nsource: s\nsection: t\nlines:\n  - {actor: [ann]}\n", Article)
    assert problems == ["f.yaml:6:13: lines#1.actor: expected text, got a list"]


@pytest.mark.parametrize("text", ["who:\n", "who: ~\n", "who: []\n"])
def test_a_list_of_references_left_empty_is_empty(text):
    value, problems, reader = read(text, Mentions)
    assert (value, problems, reader.refs) == (Mentions([]), [], [])


def test_each_reference_in_a_list_is_noted_at_its_item():
    _, _, reader = read("who: [a, b]\n", Mentions)
    assert [(u.collection, u.value, str(u.problem_at)) for u in reader.refs] == [
        ("actors", "a", "f.yaml:1:7: who: "),
        ("actors", "b", "f.yaml:1:10: who: "),
    ]
    assert reader.texts == []  # references are code, not words


def test_a_reference_in_a_list_is_code_where_a_no_break_space_is_a_mistake():
    _, problems, _ = read("who: [a, 'b\u00a0c']\n", Mentions)
    assert problems == [
        "f.yaml:1:12: who#2: a no-break space (U+00A0) at character 2 (delete it, and type a space if "
        "one belongs there: it cannot be seen, but the text is not what it looks like)"
    ]


def test_a_field_of_a_type_the_reader_does_not_know_is_a_programming_error():
    @dataclass(frozen=True)
    class Table:
        cells: dict[str, int] = spec("cells")

    with pytest.raises(TypeError, match=r"^unsupported content type dict\[str, int\] at cells$"):
        read("cells: {a: 1}\n", Table)


def test_a_title_as_long_as_its_limit_has_no_warning():
    _, _, reader = read("title: abcdefghij\nbody: b\nsource: s\nsection: t\n", Article)
    assert reader.warnings == []


def test_a_no_break_space_is_typography_in_words_and_a_mistake_in_an_address():
    _, problems, _ = read("title: a\u00a0b\nbody: b\u00a0c\nsource: s\nsection: t\n", Article)
    assert problems == []
    _, problems, _ = read(MINIMAL + "url: 'https://x.org/a\u00a0b'\n")
    assert problems == [
        "f.yaml:4:22: url: a no-break space (U+00A0) at character 16 (delete it, and type a space if "
        "one belongs there: it cannot be seen, but the text is not what it looks like)"
    ]


def test_a_hidden_space_before_a_word_is_placed_on_itself():
    _, problems, _ = read("title: t\nbody: >-\n  one\n  two\u3000three\nsource: s\nsection: t\n", Article)
    assert len(problems) == 1 and problems[0].startswith("f.yaml:4:6: body: "), problems


def test_a_text_that_does_not_match_a_pattern_of_its_own_is_told_the_pattern():
    @dataclass(frozen=True)
    class Code:
        code: str = spec("a country code", pattern=r"[A-Z]{2}")

    _, problems, _ = read("code: abc\n", Code)
    assert problems == ["f.yaml:1:7: code: 'abc' is not a valid value (match [A-Z]{2})"]


def test_a_field_name_that_is_not_text_is_refused_where_it_is():
    value, problems, _ = read(MINIMAL + "[a]: 1\n")
    assert value is Invalid
    assert len(problems) == 1 and problems[0].startswith("f.yaml:4:1: ") and "unknown field" in problems[0]


def test_a_spaced_dash_keeps_to_the_word_before_it():
    value, _, _ = read("title: a — b\nbody: x\nsource: s\nsection: t\n", Article)
    assert value.title == "a\u00a0— b"


def test_prose_problems_and_checks_are_placed_on_their_lines():
    text = (
        "title: t\nbody: >-\n  first line\n  see <b>this</b>\nsource: s\nsection: t\n"
        "lines:\n  - {actor: ann}\n  - {actor: ann}\nlow: 7\n"
    )
    _, problems, _ = read(text, Article)
    assert problems == [
        "f.yaml:4:7: body: HTML tag '<b>' would be shown as text (write *emphasis*, **strong** or "
        "[text](https://…) instead)",
        "f.yaml:4:14: body: HTML tag '</b>' would be shown as text (write *emphasis*, **strong** or "
        "[text](https://…) instead)",
        "f.yaml:9:13: lines['ann'].actor: actor 'ann' is used twice in this list (give each item "
        "its own actor: translations are tied to it)",
    ]
    _, problems, _ = read("title: t\nbody: b\nsource: s\nsection: t\nlow: 7\n", Article)
    assert problems == ["f.yaml:5:6: low: low (7) is over 5 (lower it)"]
    _, problems, _ = read("title: t\nbody: b\nsource: s\nsection: t\nlow: 0\n", Article)
    assert problems == ["f.yaml:5:6: low: 0 is below the minimum 1 (use 1 or more)"]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("a", "text 'a'"),
        ("1", "a whole number '1'"),
        ("1.5", "a number '1.5'"),
        ("true", "true/false 'true'"),
        ("~", "nothing '~'"),
        ("", "nothing"),
        ("2020-01-01", "a date '2020-01-01'"),
        ("[1]", "a list"),
        ("{a: 1}", "a mapping"),
        ("''", "text"),
        ("!!binary aGVsbG8=", "tag:yaml.org,2002:binary 'aGVsbG8='"),
    ],
)
def test_kind_names_what_was_written(value, kind):
    assert _kind(yaml.compose(f"x: {value}").value[0][1]) == kind


TREE = yaml.compose(
    "a:\n  - id: p\n    x: words\n  - actor: q\n    y: more\n  - id: TODO\n"
    "    z: 3\nb: {c: d, id: e, actor: f, e: '  '}\n"
)


def test_texts_in_a_broken_file_leave_out_ids_and_actors():
    found = list(texts_in(TREE))
    assert [(p.path, p.text) for p in found] == [
        ("a['p'].x", "words"),
        ("a['q'].y", "more"),
        ("b.c", "d"),
    ]
    assert [(p.node.start_mark.line, p.node.value) for p in found] == [
        (2, "words"),
        (4, "more"),
        (7, "d"),
    ]


def test_items_are_named_by_id_then_actor_then_position():
    items = TREE.value[0][1].value
    assert [item_path("a", i, n) for i, n in enumerate(items)] == ["a['p']", "a['q']", "a#3"]
    assert item_path("a", 0, yaml.compose("x")) == "a#1"


@pytest.mark.parametrize(
    ("path", "line", "column"),
    [
        # a block is shown by its key; a path that goes astray stops at the last node it found
        ("a['p'].x", 3, 8),
        ("a#2.y", 5, 8),
        ("a#2", 4, 5),
        ("a#3.z", 7, 8),
        ("a#4", 1, 1),
        ("b.c", 8, 8),
        ("b.zz", 8, 1),
        ("a['z']", 1, 1),
        ("a", 1, 1),
        ("b", 8, 1),
        ("a.x", 1, 1),
        ("a['q'].nothing", 4, 5),
    ],
)
def test_node_at_finds_the_nearest_node_a_path_names(path, line, column):
    node = node_at(TREE, path)
    assert (node.start_mark.line + 1, node.start_mark.column + 1) == (line, column)


def locate(source: str, word: str, last: bool = False):
    """The stand-in node `located` gives for the first (or `last`) `word` of the folded
    paragraph that is `source`'s one value: (line, column) counted from 0, and its index."""
    node = yaml.compose(source).value[0][1]
    text = node.value
    mark = located(node, text, (text.rindex if last else text.index)(word), len(word), source).start_mark
    return (mark.line, mark.column), mark.index


@pytest.mark.parametrize(
    ("source", "word", "last", "place"),
    [
        ("x: >-\n  one two\n  three two\n", "two", True, (2, 8)),
        ("x: >-\n  one two\n  three two\n", "two", False, (1, 6)),
        # An ideographic space is whitespace to str.split(), so it is found as itself: at the
        # end of a folded line (a space in the text, a break in the source), and before a word.
        ("x: >-\n  one\u3000two\n  three\u3000\n  four\n", "\u3000", True, (2, 7)),
        ("x: >-\n  one\u3000two\n  three\u3000\n  four\n", "\u3000", False, (1, 5)),
    ],
)
def test_located_places_a_word_inside_a_folded_paragraph(source, word, last, place):
    found, index = locate(source, word, last)
    assert found == place
    assert index == (source.rindex if last else source.index)(word)


def test_located_falls_back_to_the_node_and_places_words_in_a_one_line_value():
    node = yaml.compose("x: >-\n  one two\n").value[0][1]
    assert located(node, node.value, 0, 0, "") is node  # not found in the source: the node itself
    inline = yaml.compose("x: one two").value[0][1]
    spot = located(inline, "one two", 4, 3, "x: one two")
    assert (spot.start_mark.line, spot.start_mark.column) == (0, 7)


def test_json_schema_of_every_field_kind():
    pattern = SLUG
    assert json_schema(Outer, "T") == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "T",
        "$ref": "#/$defs/Outer",
        "$defs": {
            "Inner": {
                "description": "An inner record. Two lines.",
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "name": {"description": "its name", "type": "string", "minLength": 1, "pattern": pattern}
                },
                "required": ["name"],
            },
            "Outer": {
                "description": "A record of every kind of field.",
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "id": {"description": "id", "type": "string", "minLength": 1, "pattern": pattern},
                    "count": {"description": "count", "type": "integer", "minimum": 0, "maximum": 9},
                    "items": {
                        "description": "items",
                        "type": "array",
                        "items": {"$ref": "#/$defs/Inner"},
                        "minItems": 1,
                        "maxItems": 3,
                    },
                    "url": {
                        "description": "address",
                        "anyOf": [
                            {"type": "string", "minLength": 1, "pattern": "^https://"},
                            {"type": "null"},
                        ],
                    },
                    "share": {"description": "share", "type": "number"},
                    "flag": {"description": "flag", "type": "boolean"},
                    "kind": {"description": "kind", "enum": ["a", "b"]},
                    "tags": {
                        "description": "tags",
                        "type": "array",
                        "items": {"type": "string", "minLength": 1, "pattern": pattern},
                    },
                    "day": {
                        "description": "day",
                        "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
                    },
                    "inner": {"description": "inner", "anyOf": [{"$ref": "#/$defs/Inner"}, {"type": "null"}]},
                },
                "required": ["id", "count", "items"],
                "not": {"required": ["url", "day"]},
            },
        },
    }


def test_json_schema_keeps_the_definitions_in_order_and_the_minimum_of_zero():
    schema = json_schema(Article, "A")
    assert list(schema["$defs"]) == ["Article", "Line"]
    assert schema["$defs"]["Article"]["properties"]["low"] == {
        "description": "low end",
        "type": "integer",
        "minimum": 1,
    }
    assert "required" not in schema["$defs"]["Line"]
    assert json_schema(Outer, "T")["$defs"]["Outer"]["properties"]["count"]["minimum"] == 0


def test_spec_declares_a_field_with_its_help_and_rules():
    import dataclasses

    plain = spec("the help", min=1, key=True)
    assert plain.metadata == {"help": "the help", "min": 1, "key": True}
    assert plain.default is dataclasses.MISSING
    assert plain.default_factory is dataclasses.MISSING
    optional = spec("optional", default=None)
    assert optional.default is None and optional.metadata == {"help": "optional"}
    listed = spec("a list", default=[], pattern=SLUG)
    assert listed.default_factory is list
    assert listed.default is dataclasses.MISSING
    assert listed.metadata == {"help": "a list", "pattern": SLUG}


@dataclass(frozen=True)
class Computed:
    """A record with a field worked out, not read."""

    first: str = spec("first")
    derived: str = field(init=False, default="")
    last: int = spec("last", default=0)


def test_fields_not_read_are_left_out_of_the_schema():
    record = json_schema(Computed, "C")["$defs"]["Computed"]
    assert list(record["properties"]) == ["first", "last"]
    assert record["required"] == ["first"]
