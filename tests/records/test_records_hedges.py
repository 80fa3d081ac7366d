"""A key figure as the Russian edition writes it, with the interface catalog's words: every
hedge in Russian (never left in English), ranges in each language's numbers, units in the
language's words; and the English defaults a caller gets when it names no language."""

from __future__ import annotations

import pytest

from fakefarms.content.catalogs import words
from records.facts import Citation, Figure

NBSP = "\u00a0"


def figure(**fields) -> Figure:
    return Figure(id="f", label="l", sources=[Citation("s", "x")], **fields)


@pytest.mark.parametrize(
    ("hedge", "russian"),
    [
        ("about", "около"),
        ("almost", "почти"),
        ("approximately", "примерно"),
        ("around", "около"),
        ("at least", "не менее"),
        ("from", "от"),
        ("more than", "более"),
        ("nearly", "почти"),
        ("over", "свыше"),
        ("up to", "до"),
    ],
)
def test_every_hedge_is_written_in_russian(hedge, russian):
    f = figure(format="number", value=400, hedge=hedge)
    assert f.text("ru", words("ru")) == f"{russian} 400"
    assert f.parts("ru", words("ru")) == (russian, "400")
    assert f.text() == f"{hedge} 400"


@pytest.mark.parametrize(
    ("fields", "english", "russian"),
    [
        (dict(format="percent", low=10, high=15), "10%–15%", f"10{NBSP}%–15{NBSP}%"),
        (dict(format="number", low=1.5, high=2.5), "1.5–2.5", "1,5–2,5"),
        (dict(format="number", low=10_000, high=20_000), "10,000–20,000", f"10{NBSP}000–20{NBSP}000"),
    ],
)
def test_a_range_is_written_in_the_languages_numbers(fields, english, russian):
    f = figure(**fields)
    assert f.number_text() == english
    assert f.number_text("ru") == russian


@pytest.mark.parametrize(
    ("fields", "russian"),
    [
        (dict(format="hours", value=2), "2 часа"),
        (dict(format="som", low=100, high=150), "100–150 сомов"),
        (dict(format="usd", value=350), "350 долларов"),
    ],
)
def test_units_are_in_the_catalogs_words(fields, russian):
    f = figure(**fields)
    assert f.text("ru", words("ru")) == russian
    assert f.parts("ru", words("ru")) == ("", russian)


@pytest.mark.parametrize(
    ("fields", "russian"),
    [
        # «около» and «свыше» take the genitive: one and 21 take its singular, the rest its plural
        (dict(format="usd", value=333, hedge="about"), "около 333 долларов"),
        (dict(format="usd", value=21, hedge="over"), "свыше 21 доллара"),
        (dict(format="hours", value=2, hedge="about"), "около 2 часов"),
        (dict(format="hours", value=1, hedge="up to"), "до 1 часа"),
        (dict(format="som", value=4, hedge="more than"), "более 4 сомов"),
        # «почти» and «примерно» leave the number as it stands alone
        (dict(format="usd", value=333, hedge="nearly"), "почти 333 доллара"),
        (dict(format="hours", value=2, hedge="approximately"), "примерно 2 часа"),
    ],
)
def test_a_unit_after_a_hedge_is_in_the_case_the_hedge_asks_for(fields, russian):
    assert figure(**fields).text("ru", words("ru")) == russian


def test_in_english_a_unit_after_a_hedge_is_as_after_a_number_alone():
    assert figure(format="hours", value=2, hedge="about").text() == "about 2 hours"
    assert figure(format="hours", value=1, hedge="up to").text() == "up to 1 hour"
    assert figure(format="som", low=100, high=150, hedge="over").text() == "over 100–150 som"
    assert figure(format="usd", value=333, hedge="about").text() == "about $333"


def test_with_no_language_named_a_figure_is_in_english():
    """English groups thousands in running text ($1,250), which Russian does not (1250
    долларов): the default is English, not some other spelling of it."""
    f = figure(format="usd", value=1250, hedge="nearly")
    assert f.number_text() == "$1,250"
    assert f.parts() == ("nearly", "$1,250")
    assert f.text() == "nearly $1,250"
    assert f.text("ru", words("ru")) == "почти 1250 долларов"
