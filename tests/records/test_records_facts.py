"""records.facts: a key figure written the same way everywhere, its hedge kept, its range checked,
in each language's numbers and with the catalog's words."""

from __future__ import annotations

from gettext import NullTranslations
from typing import get_args

import pytest

from records.facts import ENGLISH, FLOOR_HEDGES, GOVERNING_HEDGES, Citation, Figure, Hedge, hedge_words

NBSP = "\u00a0"


class Marking(NullTranslations):
    """A catalog that shows which message and count it was asked for."""

    def gettext(self, message):
        return f"<{message}>"

    def ngettext(self, singular, plural, n):
        return f"<{n}:{singular if n == 1 else plural}>"

    def pgettext(self, context, message):
        return f"<{context}|{message}>"

    def npgettext(self, context, singular, plural, n):
        return f"<{context}|{n}:{singular if n == 1 else plural}>"


def figure(**fields) -> Figure:
    return Figure(id="f", label="l", sources=[Citation("s", "x")], **fields)


@pytest.mark.parametrize(
    ("fields", "english", "russian", "data_value"),
    [
        (dict(format="number", value=800), "800", "800", "800"),
        (dict(format="number", value=205_000), "205,000", f"205{NBSP}000", "205000"),
        (dict(format="number", low=10, high=15), "10–15", "10–15", "10-15"),
        (dict(format="usd", value=350), "$350", "$350", "350"),
        (dict(format="usd", value=12_345), "$12,345", f"$12{NBSP}345", "12345"),
        (dict(format="usd", value=1.5), "$1.5", "$1,5", "1.5"),
        (dict(format="usd", low=100, high=150), "$100–150", "$100–150", "100-150"),
        (dict(format="usd", low=150, high=150), "$150", "$150", "150-150"),
        (dict(format="usd", value=12_000_000), "$12 million", "$12 million", "1.2e+07"),
        (dict(format="usd", value=999_999), "$999,999", f"$999{NBSP}999", "999999"),
        (dict(format="usd", value=1_000_000), "$1 million", "$1 million", "1e+06"),
        (
            dict(format="usd", low=12_000_000, high=15_500_000),
            "$12–15.5 million",
            "$12–15,5 million",
            "1.2e+07-1.55e+07",
        ),
        (dict(format="percent", value=33), "33%", f"33{NBSP}%", "33"),
        (dict(format="hours", value=2), "2 hours", "2 hours", "2"),
        (dict(format="hours", value=1), "1 hour", "1 hour", "1"),
        (dict(format="hours", value=1.5), "1.5 hours", "1,5 hours", "1.5"),
        (dict(format="som", value=100), "100 som", "100 som", "100"),
        (dict(format="som", low=100, high=150), "100–150 som", "100–150 som", "100-150"),
    ],
)
def test_number_text(fields, english, russian, data_value):
    f = figure(**fields)
    assert f.number_text() == english
    assert f.number_text("ru") == russian
    assert f.data_value == data_value


def test_the_catalog_gives_the_words_and_counts_in_whole_numbers():
    words = Marking()
    assert figure(format="usd", value=350).number_text(words=words) == "<350:$350>"
    assert figure(format="usd", value=1).number_text(words=words) == "<1:$1>"
    # a fraction takes the form a language gives 2
    assert figure(format="usd", value=1.5).number_text(words=words) == "<2:$1.5>"
    assert figure(format="usd", low=1, high=150).number_text(words=words) == "<150:$1–150>"
    assert figure(format="usd", value=2e6).number_text(words=words) == "<$2 million>"
    assert figure(format="hours", value=1).number_text(words=words) == "<1:1 hour>"
    assert figure(format="hours", value=2.5).number_text(words=words) == "<2.5:2.5 hours>"
    assert figure(format="som", low=1, high=5).number_text(words=words) == "<5:1–5 som>"
    assert figure(format="som", value=1).number_text(words=words) == "<1:1 som>"
    assert figure(format="number", value=1).number_text(words=words) == "1"


@pytest.mark.parametrize("hedge", sorted(GOVERNING_HEDGES))
def test_after_a_hedge_that_governs_the_number_the_unit_takes_that_places_forms(hedge):
    words = Marking()
    after = "<after a hedge|"
    assert figure(format="usd", value=333, hedge=hedge).number_text(words=words) == f"{after}333:$333>"
    assert figure(format="usd", value=1.5, hedge=hedge).number_text(words=words) == f"{after}2:$1.5>"
    assert figure(format="hours", value=1, hedge=hedge).number_text(words=words) == f"{after}1:1 hour>"
    assert figure(format="som", low=1, high=5, hedge=hedge).number_text(words=words) == f"{after}5:1–5 som>"
    assert figure(format="number", value=7, hedge=hedge).number_text(words=words) == "7"


@pytest.mark.parametrize("hedge", sorted(set(get_args(Hedge)) - GOVERNING_HEDGES))
def test_after_an_adverb_the_unit_takes_the_forms_of_the_number_alone(hedge):
    words = Marking()
    assert figure(format="usd", value=333, hedge=hedge).number_text(words=words) == "<333:$333>"
    assert figure(format="hours", value=2, hedge=hedge).number_text(words=words) == "<2:2 hours>"
    assert figure(format="som", value=3, hedge=hedge).number_text(words=words) == "<3:3 som>"


def test_the_hedge_is_kept_in_the_catalogs_words():
    f = figure(format="number", value=800, hedge="approximately")
    assert f.text() == "approximately 800"
    assert f.parts() == ("approximately", "800")
    assert f.parts("ru", Marking()) == ("<hedge|approximately>", "800")
    assert f.text("ru", Marking()) == "<hedge|approximately> 800"
    plain = figure(format="number", value=800)
    assert plain.parts() == ("", "800") and plain.text() == "800"
    worded = figure(format="number", value=33, wording="a third", hedge="about")
    assert worded.text() == "about a third"
    assert worded.number_text() == "33"


def test_every_hedge_has_its_words():
    assert hedge_words(ENGLISH) == {
        h: h
        for h in (
            "about",
            "almost",
            "approximately",
            "around",
            "at least",
            "from",
            "more than",
            "nearly",
            "over",
            "up to",
        )
    }
    assert hedge_words(Marking())["more than"] == "<hedge|more than>"


@pytest.mark.parametrize("hedge", ["at least", "more than", "over", "from"])
def test_a_floor_hedge_makes_a_lower_bound(hedge):
    assert hedge in FLOOR_HEDGES
    assert figure(format="number", value=5, hedge=hedge).is_floor


@pytest.mark.parametrize("hedge", [None, "about", "up to", "nearly", "almost"])
def test_other_hedges_do_not(hedge):
    assert not figure(format="number", value=5, hedge=hedge).is_floor


def test_bounds():
    assert figure(format="number", value=7).bounds == (7, 7)
    assert figure(format="number", low=1, high=3).bounds == (1, 3)
    assert figure(format="number", value=0, low=1, high=3).bounds == (0, 0)


VALUE_OR_RANGE = (
    "value",
    "give either 'value' or both 'low' and 'high'",
    "a single number goes in 'value'; a range in 'low' and 'high'",
)


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        (dict(value=1), []),
        (dict(value=0), []),
        (dict(low=5, high=5), []),
        (dict(low=0, high=5), []),
        (dict(), [VALUE_OR_RANGE]),
        (dict(value=1, low=1), [VALUE_OR_RANGE]),
        (dict(value=1, high=1), [VALUE_OR_RANGE]),
        (dict(low=1), [("high", "a range needs both 'low' and 'high'", "")]),
        (dict(high=1), [("low", "a range needs both 'low' and 'high'", "")]),
        (dict(low=5, high=1), [("low", "low (5) is greater than high (1)", "swap the two numbers")]),
        (
            dict(low=1.5, high=1.25),
            [("low", "low (1.5) is greater than high (1.25)", "swap the two numbers")],
        ),
    ],
)
def test_check_a_figure_is_a_value_or_a_range(fields, problems):
    assert list(figure(format="number", **fields).check()) == problems
