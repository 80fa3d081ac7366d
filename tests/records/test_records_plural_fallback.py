"""Words that change with a number, in a language whose plural rules have forms the content
cannot give (Hebrew's and Arabic's dual, Arabic's zero): the words fall back to 'other'
instead of failing."""

from __future__ import annotations

import pytest

from calculator.params import Plural
from records.numbers import plural

FORMS = Plural(one="one form", other="other form", few="few form", many="many form")


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("he", 2, "other form"),  # Hebrew's "two"
        ("ar", 2, "other form"),  # Arabic's "two"
        ("ar", 0, "other form"),  # Arabic's "zero"
        ("ar", 1, "one form"),
        ("ar", 3, "few form"),
        ("ar", 11, "many form"),
        ("ru", 2, "few form"),
    ],
)
def test_a_form_the_words_cannot_give_falls_back_to_other(language, count, expected):
    assert plural(FORMS, count, language) == expected


def test_a_form_left_out_falls_back_to_other():
    assert plural(Plural(one="one form", other="other form"), 5, "ru") == "other form"
