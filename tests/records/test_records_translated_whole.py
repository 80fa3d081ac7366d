"""An allegation and a response are shown whole in one language: if any of their texts is
missing or translated from an older English, the translation shows all of them in the
original until they are translated again, never a claim in one language and its basis in
another. Other records show each text that is translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fakefarms.content import load_content
from records.translation import Untranslated
from tests.fixturecontent import translated_copy
from tests.test_content_errors import replace

LINK = "farms['pro-matraimov'].links['orunbekov']"


@pytest.fixture
def translated(tmp_path) -> Path:
    return translated_copy(tmp_path / "content")


def _link(directory: Path):
    """The Russian edition's link of the fixture's farm to the person it names."""
    farm = load_content(directory).translations["ru"].farms["pro-matraimov"]
    return next(link for link in farm.links if link.actor == "orunbekov")


def _texts(record) -> list:
    return [record.claim, record.alleged_by, record.basis]


def test_a_fully_translated_allegation_and_response_are_shown_translated(translated):
    link = _link(translated)
    assert not any(isinstance(t, Untranslated) for t in _texts(link.allegation))
    assert not isinstance(link.response.text, Untranslated)


def test_an_allegation_missing_one_text_is_shown_whole_in_the_original(translated):
    replace(translated / "ru" / "farms.yaml", "      basis: ⟦accounts of people who know him⟧\n", "")
    link = _link(translated)
    assert all(isinstance(t, Untranslated) for t in _texts(link.allegation)), _texts(link.allegation)
    assert link.allegation.claim == "Three sources say he ran it."
    # the rest of the link, and its response, are translated as they are
    assert link.role == "⟦alleged supervisor⟧" and not isinstance(link.role, Untranslated)
    assert not isinstance(link.response.text, Untranslated)


def test_a_response_missing_one_statement_is_shown_whole_in_the_original(translated):
    replace(translated / "ru" / "farms.yaml", "      - id: s2\n        summary: ⟦denied it⟧\n", "")
    response = _link(translated).response
    assert isinstance(response.text, Untranslated)
    assert all(isinstance(s.summary, Untranslated) for s in response.statements)
    assert not any(isinstance(t, Untranslated) for t in _texts(_link(translated).allegation))


def test_an_allegation_translated_from_an_older_english_is_shown_whole_in_the_original(translated):
    replace(
        translated / "ru" / "translated-from.yaml",
        f"  {LINK}.allegation.basis:\n    from: accounts of people who know him\n",
        f"  {LINK}.allegation.basis:\n    from: an older English\n",
    )
    assert all(isinstance(t, Untranslated) for t in _texts(_link(translated).allegation))


def test_a_new_translation_not_yet_recorded_keeps_the_allegation_translated(translated):
    """A translation the made-from file does not list yet (written after the last
    `translations --update`) is a translation all the same: it is shown."""
    made_from = translated / "ru" / "translated-from.yaml"
    record = re.escape(f"  {LINK}.allegation.claim:\n") + r"    from: .*\n    translation: .*\n"
    text, found = re.subn(record, "", made_from.read_text(encoding="utf-8"))
    assert found == 1
    made_from.write_text(text, encoding="utf-8")
    allegation = _link(translated).allegation
    assert allegation.claim == "⟦Three sources say he ran it.⟧"
    assert not any(isinstance(t, Untranslated) for t in _texts(allegation))


def test_a_text_missing_before_an_allegation_leaves_the_allegation_translated(translated):
    replace(translated / "ru" / "farms.yaml", "  summary: ⟦Accounts that defended the Matraimovs.⟧\n", "")
    farm = load_content(translated).translations["ru"].farms["pro-matraimov"]
    assert isinstance(farm.summary, Untranslated)
    assert not any(isinstance(t, Untranslated) for t in _texts(_link(translated).allegation))


def test_an_outdated_text_of_another_record_alone_is_shown_in_the_original(translated):
    replace(
        translated / "ru" / "translated-from.yaml",
        "  farms['pro-matraimov'].period:\n    from: 2019–2020\n",
        "  farms['pro-matraimov'].period:\n    from: 2019 and on\n",
    )
    farm = load_content(translated).translations["ru"].farms["pro-matraimov"]
    assert farm.period == "2019–2020" and isinstance(farm.period, Untranslated)
    assert farm.name == "⟦Pro-Matraimov farm⟧"


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_a_record_or_list_missing_whole_is_placed_where_its_parent_starts(translated):
    """A translation that leaves out a whole record (the allegation) or list (the statements)
    is named at the first line of the item that should hold it, not at the list above."""
    farms = translated / "ru" / "farms.yaml"
    # the item is not the list's first, so the item and the list start on different lines
    replace(farms, "  - actor: matraimov\n    role: ⟦defended by the accounts⟧\n", "")
    replace(farms, "  links:\n", "  links:\n  - actor: matraimov\n    role: ⟦defended by the accounts⟧\n")
    replace(
        farms,
        "    allegation:\n      claim: ⟦Three sources say he ran it.⟧\n      alleged_by: ⟦three sources⟧\n"
        "      basis: ⟦accounts of people who know him⟧\n",
        "",
    )
    replace(
        farms,
        "      statements:\n      - id: s1\n        summary: ⟦refused to answer⟧\n"
        "      - id: s2\n        summary: ⟦denied it⟧\n",
        "",
    )
    warnings = [str(w) for w in load_content(translated).warnings if "/ru/farms.yaml" in w.path]
    item = _line_of(farms, "  - actor: orunbekov")
    response = _line_of(farms, "      text: ⟦Officially he refused to answer; unofficially he denied it.⟧")
    placed = {w.split(": ")[1]: int(w.split(": ")[0].split(":")[-2]) for w in warnings}
    assert placed[f"{LINK}.allegation"] == item, warnings
    assert placed[f"{LINK}.response.statements['s1']"] == response, warnings
    assert placed[f"{LINK}.response.statements['s2']"] == response, warnings
