"""A translation keeps its original's {fig:…} tokens and the addresses of its links, exactly:
one that names another figure, or drops or adds one, is an error that says what it must
have; and a file with no translation at all is shown whole in English, every text marked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from fakefarms.content import load_content
from records.translation import Untranslated
from tests.fixturecontent import pseudo, translated_copy
from tests.test_content_errors import problems_for


@pytest.fixture
def translated(tmp_path) -> Path:
    return translated_copy(tmp_path / "content")


def _russian_summary(directory: Path, new: str) -> None:
    ru = directory / "ru" / "charts.yaml"
    text = ru.read_text(encoding="utf-8")
    old = f"summary: {pseudo('Pay is {fig:pay} a month.')}\n"
    assert old in text
    ru.write_text(text.replace(old, f"summary: {new}\n", 1), encoding="utf-8")


def _where(problem: str) -> str:
    return problem.split("/content/", 1)[1]


@pytest.mark.parametrize(
    "russian",
    [
        "Оплата {fig:worker-pay} в месяц.",  # another figure
        "Оплата в месяц.",  # none
        "Оплата {fig:pay} в месяц, {fig:pay}.",  # twice
    ],
)
def test_a_translation_must_keep_the_figure_its_original_shows(translated, russian):
    _russian_summary(translated, russian)
    assert [_where(p) for p in problems_for(translated)] == [
        "ru/charts.yaml:4:12: charts['pay'].summary: the translation does not keep the original's "
        "tokens and links (it must have exactly: {fig:pay})"
    ]


def test_a_translation_must_keep_the_addresses_of_links(translated):
    english = translated / "charts.yaml"
    text = english.read_text(encoding="utf-8")
    english.write_text(
        text.replace(
            "summary: Pay is {fig:pay} a month.", "summary: Pay is {fig:pay} a [month](/farms/).", 1
        ),
        encoding="utf-8",
    )
    _russian_summary(translated, "Оплата {fig:pay} в [месяц](/actors/).")
    assert [_where(p) for p in problems_for(translated)] == [
        "ru/charts.yaml:4:12: charts['pay'].summary: the translation does not keep the original's "
        "tokens and links (it must have exactly: /farms/, {fig:pay})"
    ]
    ru = translated / "ru" / "charts.yaml"
    ru.write_text(ru.read_text(encoding="utf-8").replace("(/actors/)", "(/farms/)"), encoding="utf-8")
    load_content(translated)  # the same address: no error (out of date until recorded)


def _texts(value) -> list:
    """Every text in a record, as the objects the pages get (so their marks show)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) for t in _texts(getattr(value, f.name))]
    return []


def test_a_file_not_translated_at_all_is_shown_in_english_every_text_marked(translated):
    (translated / "ru" / "figures.yaml").unlink()
    content = load_content(translated)
    figure = content.translations["ru"].figures["wage-usd"]  # a value, then a note
    assert figure.note == "converted at the average exchange rate of the period"
    for f in content.translations["ru"].figures.values():
        for field in ("label", "note", "wording", "worked_out"):
            text = getattr(f, field)
            assert text is None or isinstance(text, Untranslated), (f.id, field)
    assert any("ru/figures.yaml" in w.path and "(the whole file)" in str(w) for w in content.warnings)
