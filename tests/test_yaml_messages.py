"""YAML syntax mistakes an editor makes are explained in plain words, at the mistake itself."""

from __future__ import annotations

import pytest

from fakefarms.content import load_content
from tests.test_content_errors import only, problems_for, replace

NAME = "    name: Pro-Matraimov farm"
SUMMARY = "    summary: Accounts that defended the Matraimovs."
COLON_HINT = (
    "(put the whole text in quotes, or write >- after the field's colon and the text "
    "on the lines below it, indented)"
)
INDENT_HINT = (
    "(line each field up with the other fields of the same entry, and each '-' with "
    "the other items of the same list, using spaces)"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            SUMMARY,
            "    summary: Accounts that defended them: the Matraimovs.",
            'content/farms.yaml:5:41: the text contains ": " (a colon and a space), which YAML '
            f"reads as the start of a new field {COLON_HINT}",
            id="colon-in-text",
        ),
        pytest.param(
            "          - text: They posted the same things.",
            "          - text: They posted: the same things.",
            'content/farms.yaml:13:30: the text contains ": " (a colon and a space), which YAML '
            f"reads as the start of a new field {COLON_HINT}",
            id="colon-in-list-item-text",
        ),
        pytest.param(
            NAME,
            '    name: "Pro-Matraimov farm',
            'content/farms.yaml:4:11: the quote " that opens here is never closed '
            '(add a closing " at the end of the text)',
            id="quote-never-closed",
        ),
        pytest.param(
            NAME,
            '    name: "Pro-Matraimov farm\n    short_name: "Pro-Matraimov"',
            'content/farms.yaml:4:11: the quote " that opens here is not closed on its line, so '
            'the text runs on to the next ", on line 5 (add a closing " at the end of the text)',
            id="quote-closed-by-a-later-quote",
        ),
        pytest.param(
            NAME,
            "    name: 'Pro-Matraimov's farm'",
            "content/farms.yaml:4:25: the quoted text ends at this ', but more text follows it "
            "(inside '…' write an apostrophe as two ('') or put the whole text in \"…\" instead)",
            id="apostrophe-inside-single-quotes",
        ),
        pytest.param(
            "    summary: Accounts",
            "   summary: Accounts",
            f"content/farms.yaml:5:4: line 5 is indented differently from the lines above it {INDENT_HINT}",
            id="field-indented-less",
        ),
        pytest.param(
            "      - actor: matraimov",
            "     - actor: matraimov",
            f"content/farms.yaml:32:6: line 32 is indented differently from the lines above it {INDENT_HINT}",
            id="list-item-indented-less",
        ),
        pytest.param(
            "    summary: Accounts",
            "     summary: Accounts",
            "content/farms.yaml:5:6: 'summary:' on line 5 is indented further than the line "
            "above it, so it reads as more of that line's text (line it up with the other "
            "fields of the same entry; if it is text, put the whole text in quotes)",
            id="field-indented-further",
        ),
        pytest.param(
            SUMMARY,
            "    summary: Accounts that defended\n    the Matraimovs.",
            "content/farms.yaml:6:5: line 6 is neither a field (name: text) nor indented as more "
            "of the text above it (a field needs a space after its colon; text that goes on to "
            "a new line is indented further than its field name)",
            id="text-at-field-indent",
        ),
        pytest.param(
            NAME,
            "    name: *Pro* farm",
            "content/farms.yaml:4:11: text cannot start with * unless it is in quotes "
            "(put the whole text in quotes)",
            id="text-starting-with-star",
        ),
    ],
)
def test_yaml_syntax_error_in_plain_words(content_copy, monkeypatch, old, new, expected):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "farms.yaml", old, new)
    assert only(problems_for(content_copy)) == expected


def test_unexplained_syntax_error_keeps_pyyamls_words(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "farms.yaml", "    period: 2019–2020", "    period: [2019")
    assert only(problems_for(content_copy)) == (
        "content/farms.yaml:7:12: YAML syntax error: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence) (check indentation, colons and quotes near here)"
    )


def test_file_with_byte_order_mark_is_read_normally(content_copy):
    site = content_copy / "site.yaml"
    site.write_bytes(b"\xef\xbb\xbf" + site.read_bytes())  # as Windows Notepad saves UTF-8
    assert load_content(content_copy).site.tagline == "Test"


def test_position_after_byte_order_mark_counts_from_the_visible_text(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    site = content_copy / "site.yaml"
    site.write_bytes(b"\xef\xbb\xbf" + site.read_bytes().replace(b"tagline: Test", b"tagline: T\xe9st"))
    assert only(problems_for(content_copy)) == (
        "content/site.yaml:3:11: file is not UTF-8 text (save it with UTF-8 encoding)"
    )
