"""The words open data writes beside its values: editors' prose as plain text, the tables'
titles and notes in the page's language, and the values a column allows."""

from __future__ import annotations

import pytest

from fakefarms.content import load_content
from fakefarms.content.catalogs import words
from fakefarms.outputs.opendata import TABLES, _either, plain, shown_tables
from tests.fixturecontent import FIXTURE_CONTENT


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE_CONTENT)


@pytest.mark.parametrize(
    ("prose", "text"),
    [
        ("About **{fig:analysed}** [profiles](/farms/) & *more*", "About approximately 800 profiles & more"),
        ("A & B < C", "A & B < C"),
        ("one\n\ntwo", "one two"),
        # one line of prose, never a block: a sentence that starts with a year keeps it
        ("2020. The year the farms grew", "2020. The year the farms grew"),
        (None, None),
    ],
)
def test_prose_becomes_plain_text_with_its_figures_written_out(content, prose, text):
    assert plain(prose, content) == text


def test_the_tables_are_shown_with_their_titles_and_notes_in_the_pages_language():
    english, russian = shown_tables(words("en")), shown_tables(words("ru"))
    assert [t.name for t in english] == [t.name for t in russian] == [t.name for t in TABLES]
    for declared, shown in zip(TABLES, english, strict=True):
        assert (shown.title, shown.description) == (declared.title, declared.description)
    for declared, shown in zip(TABLES, russian, strict=True):
        assert shown.title == words("ru").gettext(declared.title) != declared.title
        assert shown.description == words("ru").gettext(declared.description) != declared.description


@pytest.mark.parametrize(
    ("values", "text"), [(["only"], "only"), (["a", "b"], "a or b"), (["a", "b", "c"], "a, b or c")]
)
def test_a_columns_values_are_named_as_a_sentence_names_them(values, text):
    assert _either(values) == text
