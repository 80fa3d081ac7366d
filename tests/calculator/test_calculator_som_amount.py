"""An amount in som with the word its last number takes, in English unless a language is
named."""

from __future__ import annotations

from calculator.describe import som_amount


def test_som_amount_is_english_by_default(calculator_params):
    assert som_amount(calculator_params, 84_500, 126_800) == "84,500–126,800 som"
    assert som_amount(calculator_params, 100, 100) == "100 som"
