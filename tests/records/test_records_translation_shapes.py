"""A translation in the wrong shape: each problem names where it is and what to write instead,
so an editor finds the line without reading the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakefarms.content import load_content
from records.translation import Untranslated
from tests.fixturecontent import translated_copy
from tests.test_content_errors import problems_for, replace


@pytest.fixture
def translated(tmp_path) -> Path:
    return translated_copy(tmp_path / "content")


def test_a_record_written_as_text_asks_for_its_fields(translated):
    calculator = translated / "ru" / "calculator.yaml"
    text = calculator.read_text(encoding="utf-8")
    start = text.index("supervisor_pay:\n")
    end = text.index("inputs:\n")
    calculator.write_text(text[:start] + "supervisor_pay: ⟦Supervisor⟧\n" + text[end:], encoding="utf-8")
    (problem,) = problems_for(translated)
    assert problem.endswith(
        "supervisor_pay: expected a mapping of fields (write it as 'field: text' lines, as in the original)"
    ), problem


def test_a_file_written_as_text_says_so_of_its_top_level(translated):
    (translated / "ru" / "figures.yaml").write_text("⟦figures⟧\n", encoding="utf-8")
    (problem,) = problems_for(translated)
    assert problem.endswith(
        "(top level): expected a mapping of fields (write it as 'field: text' lines, as in the original)"
    ), problem


def test_a_fact_in_a_translation_is_named_by_its_place(translated):
    replace(translated / "ru" / "figures.yaml", "- id: pay\n", "- id: pay\n  value: 6\n")
    (problem,) = problems_for(translated)
    assert "figures['pay'].value: 'value' is not text to translate" in problem, problem
    # and how to fix it, in the editor's words
    assert problem.endswith(
        "facts (ids, numbers, dates, sources, links) are shared by every language: "
        "change them in the original file, and remove this line)"
    ), problem


#: Where the fixture's statements are, as a problem names them.
AT = "farms['pro-matraimov'].links['orunbekov'].response.statements"
STATEMENTS = "      statements:\n      - id: s1\n        summary: ⟦refused to answer⟧\n      - id: s2\n"


def test_a_list_written_as_text_asks_for_items(translated):
    replace(
        translated / "ru" / "farms.yaml",
        STATEMENTS + "        summary: ⟦denied it⟧\n",
        "      statements: ⟦refused to answer; denied it⟧\n",
    )
    (problem,) = problems_for(translated)
    assert problem.endswith(f"{AT}: expected a list (start each item with '- ')"), problem


def test_an_item_is_tied_by_its_id_never_by_its_place(translated):
    replace(translated / "ru" / "farms.yaml", STATEMENTS, STATEMENTS.replace("- id: s2\n", "- id: s1\n"))
    (twice,) = problems_for(translated)
    assert twice.endswith(f"{AT}['s1']: 's1' is translated twice (keep one of them)"), twice
    replace(
        translated / "ru" / "farms.yaml",
        "      - id: s1\n        summary: ⟦refused",
        "      - summary: ⟦refused",
    )
    replace(translated / "ru" / "farms.yaml", "      - id: s1\n", "      - id: s2\n")
    (nameless,) = problems_for(translated)
    assert nameless.endswith(
        f"{AT}: this item names no id "
        "(start it with 'id: …', the id of the item it translates in the original; items are "
        "tied by it, never by position)"
    ), nameless


def test_an_item_the_original_lacks_says_how_items_are_tied(translated):
    replace(translated / "ru" / "farms.yaml", "- id: s2\n", "- id: s9\n")
    (problem,) = problems_for(translated)
    assert problem.endswith(
        f"{AT}['s9']: no item with id 's9' in the original "
        "(items are tied by id: fix the id, or remove the item)"
    ), problem


def test_english_items_without_ids_are_counted_from_one_and_the_rest_still_translated(translated):
    """A paragraph added to the English before `translations --update` gives it an id is
    named by its place in the list; the paragraphs after it keep their translations."""
    replace(
        translated / "farms.yaml",
        "        passages:\n",
        "        passages:\n          - text: A new paragraph.\n"
        "            sources: [{source: kloop, section: matraimov}]\n",
    )
    content = load_content(translated)
    warnings = [str(w) for w in content.warnings if "/ru/farms.yaml" in w.path]
    assert any(
        "farms['pro-matraimov'].sections['tactics'].passages#1: warning: the English item has no id" in w
        for w in warnings
    ), warnings
    passages = content.translations["ru"].farms["pro-matraimov"].sections[0].passages
    assert [p.text for p in passages] == ["A new paragraph.", "⟦They posted the same things.⟧"]
    assert isinstance(passages[0].text, Untranslated) and not isinstance(passages[1].text, Untranslated)
