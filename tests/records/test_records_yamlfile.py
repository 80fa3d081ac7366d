"""records.yamlfile: a file that cannot be read is reported in an editor's words, at the place of
the mistake, whatever PyYAML's own message was."""

from __future__ import annotations

import pytest

from records.yamlfile import describe, invisible, read_yaml

INDENT_HINT = (
    "line each field up with the other fields of the same entry, and each '-' with the "
    "other items of the same list, using spaces"
)
NEITHER = (
    "line 2 is neither a field (name: text) nor indented as more of the text above it (a "
    "field needs a space after its colon; text that goes on to a new line is indented "
    "further than its field name)"
)
COLON = (
    'the text contains ": " (a colon and a space), which YAML reads as the start of a new '
    "field (put the whole text in quotes, or write >- after the field's colon and the text "
    "on the lines below it, indented)"
)
APOSTROPHE = "inside '…' write an apostrophe as two ('') or put the whole text in \"…\" instead"


def problems(tmp_path, text: str | bytes) -> list[str]:
    path = tmp_path / "f.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    root, found, read = read_yaml(path, "f.yaml")
    assert (root is None) == bool(found)
    return [str(p) for p in found]


@pytest.mark.parametrize(
    "text", ["a: 1\n", "\ufeffa: 1\n", "a: 1\r\n  \r\nb: 2\r\n", "a: b\n  - c\n", "a: |\n b\n c: d\n"]
)
def test_valid_yaml_reads(tmp_path, text):
    assert problems(tmp_path, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "f.yaml:1:1: file is empty (restore its content from version control)"),
        ("# nothing\n", "f.yaml:1:1: file is empty (restore its content from version control)"),
        (
            "a:\n\tb: 1\n",
            "f.yaml:2:1: a tab (U+0009) used for indentation at column 1 (indent with "
            "ordinary spaces only: delete it and type spaces)",
        ),
        (
            "a:\n  \u00a0b: 1\n",
            "f.yaml:2:3: a no-break space (U+00A0) used for indentation at column "
            "3 (indent with ordinary spaces only: delete it and type spaces)",
        ),
        (
            "a: 'text\nb: 2\n",
            "f.yaml:1:4: the quote ' that opens here is never closed (add a closing "
            "' at the end of the text)",
        ),
        (
            '"a\nb: c',
            'f.yaml:1:1: the quote " that opens here is never closed (add a closing " at '
            "the end of the text)",
        ),
        (
            "x: ''\ny: 'a\n",
            "f.yaml:2:4: the quote ' that opens here is never closed (add a closing "
            "' at the end of the text)",
        ),
        (
            "a: b\nc: 'd\n---\n",
            "f.yaml:2:4: the quote ' that opens here is never closed (add a "
            "closing ' at the end of the text)",
        ),
        (
            "a: 'Kloop's words'\n",
            f"f.yaml:1:10: the quoted text ends at this ', but more text follows it ({APOSTROPHE})",
        ),
        (
            "key: 'x' y\n",
            f"f.yaml:1:8: the quoted text ends at this ', but more text follows it ({APOSTROPHE})",
        ),
        (
            'a: "x" y\n',
            'f.yaml:1:6: the quoted text ends at this ", but more text follows it '
            '(inside "…" write a quotation mark as \\" or put the whole text in \'…\' '
            "instead)",
        ),
        (
            "a: 'one\nb: 'two'\n",
            "f.yaml:1:4: the quote ' that opens here is not closed on its line, "
            "so the text runs on to the next ', on line 2 (add a closing ' at "
            "the end of the text)",
        ),
        ("a: the text: more\n", f"f.yaml:1:12: {COLON}"),
        ("- a: b: c\n", f"f.yaml:1:7: {COLON}"),
        (
            "a: text\n  b: more\n",
            "f.yaml:2:3: 'b:' on line 2 is indented further than the line above "
            "it, so it reads as more of that line's text (line it up with the "
            "other fields of the same entry; if it is text, put the whole text "
            "in quotes)",
        ),
        (
            "a: one\n  two\n  b: c\n",
            "f.yaml:3:3: 'b:' on line 3 reads as more of the text above "
            "it (a field needs a space after its colon (name: text): check "
            "the lines above)",
        ),
        (
            "a:\n  - x\n  - y\n  b: more\n",
            f"f.yaml:4:3: line 4 is indented differently from the lines above it ({INDENT_HINT})",
        ),
        ("a: text\nb:c\nd: e: f\n", f"f.yaml:2:1: {NEITHER}"),
        ("a: 1\nthis line\nb: 2\n", f"f.yaml:2:1: {NEITHER}"),
        (
            "a:\n  - b\n - c\n",
            f"f.yaml:3:2: line 3 is indented differently from the lines above it ({INDENT_HINT})",
        ),
        (
            "- a\nb: c\n",
            f"f.yaml:2:1: line 2 is indented differently from the lines above it ({INDENT_HINT})",
        ),
        (
            "a: b\n- c\n",
            f"f.yaml:2:1: line 2 is indented differently from the lines above it ({INDENT_HINT})",
        ),
        (
            "a: *x\n",
            "f.yaml:1:4: text cannot start with * unless it is in quotes (put the whole text in quotes)",
        ),
        (
            "a: &\n",
            "f.yaml:1:4: text cannot start with & unless it is in quotes (put the whole text in quotes)",
        ),
        (
            "a: @x\n",
            "f.yaml:1:4: text cannot start with @ unless it is in quotes (put the whole text in quotes)",
        ),
        (
            "a: `x\n",
            "f.yaml:1:4: text cannot start with ` unless it is in quotes (put the whole text in quotes)",
        ),
        (
            "a: [b\n",
            "f.yaml:2:1: YAML syntax error: expected ',' or ']', but got '<stream end>' "
            "(while parsing a flow sequence) (check indentation, colons and quotes near "
            "here)",
        ),
        (
            "  a: b\nc: d: e\n",
            "f.yaml:2:1: YAML syntax error: expected '<document start>', but found "
            "'<block mapping start>' (check indentation, colons and quotes near "
            "here)",
        ),
        (
            "a: 'x'\n---\nb: 'y'\n",
            "f.yaml:2:1: YAML syntax error: but found another document "
            "(expected a single document in the stream) (check indentation, "
            "colons and quotes near here)",
        ),
    ],
)
def test_mistakes_in_an_editors_words(tmp_path, text, expected):
    assert problems(tmp_path, text) == [expected]


def test_files_that_cannot_be_read(tmp_path):
    assert problems(tmp_path, b"a: 1\nb: \xff\n") == [
        "f.yaml:2:4: file is not UTF-8 text (save it with UTF-8 encoding)"
    ]
    assert problems(tmp_path, b"\xef\xbb\xbfa: \xff\n") == [
        "f.yaml:1:4: file is not UTF-8 text (save it with UTF-8 encoding)"
    ]
    assert problems(tmp_path, b"a: 1\nb: 2\nc: \xff\n") == [
        "f.yaml:3:4: file is not UTF-8 text (save it with UTF-8 encoding)"
    ]
    assert problems(tmp_path, b"\n\xff\n") == [
        "f.yaml:2:1: file is not UTF-8 text (save it with UTF-8 encoding)"
    ]
    # the column counts characters, as an editor's does, not bytes ("Пр" is four bytes)
    assert problems(tmp_path, "title: Пр".encode() + b"\xff\n") == [
        "f.yaml:1:10: file is not UTF-8 text (save it with UTF-8 encoding)"
    ]
    assert read_yaml(tmp_path / "f.yaml", "f.yaml")[2] == ""  # no text read
    root, found, text = read_yaml(tmp_path / "none.yaml", "none.yaml")
    assert (root, [str(p) for p in found], text) == (
        None,
        ["none.yaml:1:1: file is missing (create none.yaml)"],
        "",
    )
    (tmp_path / "dir.yaml").mkdir()
    root, found, text = read_yaml(tmp_path / "dir.yaml", "dir.yaml")
    assert [str(p) for p in found] == [
        "dir.yaml:1:1: cannot read file: Is a directory (check its permissions)"
    ]
    assert (root, text) == (None, "")


@pytest.mark.parametrize(
    ("text", "place", "name"),
    [
        ("a: x\x07y\n", "1:5", "a control character (U+0007)"),
        ("\na: x\x07y\n", "2:5", "a control character (U+0007)"),
        ("a: 1\nb: |\n  x\n  y\x0bz\n", "4:4", "a control character (U+000B)"),
        ("\ufeffa: \uffff\n", "1:4", "a control character (U+FFFF)"),
    ],
)
def test_a_character_yaml_allows_nowhere_is_placed_and_named(tmp_path, text, place, name):
    assert problems(tmp_path, text.encode()) == [
        f"f.yaml:{place}: {name}, which a YAML file cannot hold (delete it: it cannot be seen, but the "
        "file cannot be read with it)"
    ]


def test_the_text_read_is_returned_with_the_root(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    root, found, text = read_yaml(path, "f.yaml")
    assert (root.value[0][0].value, found, text) == ("a", [], "a: 1\n")
    path.write_text("a: 'x\n", encoding="utf-8")
    assert read_yaml(path, "f.yaml")[2] == "a: 'x\n"


def test_invisible_characters():
    text = "a\u00a0b\u200bc\td\ne\u2028f\u202fg\u2009h\x07 i\rj"
    assert invisible(text) == [
        (1, "\u00a0"),
        (3, "\u200b"),
        (5, "\t"),
        (9, "\u2028"),
        (11, "\u202f"),
        (13, "\u2009"),
        (15, "\x07"),
    ]
    assert invisible("a\u00a0b\u202fc\u2009d\u2003e\u2029", in_words=True) == [(7, "\u2003"), (9, "\u2029")]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\t", "a tab (U+0009)"),
        ("\ufeff", "a byte-order mark (U+FEFF)"),
        ("\u00a0", "a no-break space (U+00A0)"),
        ("\x07", "a control character (U+0007)"),
        ("\u200b", "a zero width space (U+200B)"),
        ("\u3000", "an ideographic space (U+3000)"),
        ("\u2002", "an en space (U+2002)"),
        ("\u2063", "an invisible separator (U+2063)"),
    ],
)
def test_describe_names_a_character(char, name):
    assert describe(char) == name
