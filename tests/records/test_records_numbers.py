"""records.numbers writes every number the site and the calculator show: exact outputs at the
edges of each rule (whole dollars from $10, the bands of a ratio, grouping in running text)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from records.numbers import (
    affixes,
    decimal,
    figure_number,
    fill,
    grouped,
    half_up,
    money,
    money_span,
    one_sign,
    percent,
    plural,
    prose_number,
    ratio,
    span,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (0, 5, 0),
        (4, 2, 2),
        (5, 2, 3),
        (3, 2, 2),
        (7, 3, 2),
        (8, 3, 3),
        (1, 4, 0),
        (2, 4, 1),
    ],
)
def test_half_up_rounds_halves_up(numerator, denominator, expected):
    assert half_up(numerator, denominator) == expected


def test_numbers_follow_the_language():
    assert grouped(1250) == "1,250"
    assert grouped(1250, "ru") == f"1{NBSP}250"
    assert decimal(5.4) == "5.4"
    assert decimal(5.4, "ru") == "5,4"
    assert decimal(1234.5) == "1,234.5"
    assert percent(10) == "10%"
    assert percent(12.5) == "12.5%"
    assert percent(10, "ru") == f"10{NBSP}%"


@pytest.mark.parametrize(
    ("cents", "english", "russian"),
    [
        (0, "$0", f"0{NBSP}$"),
        (1, "$0.01", f"0,01{NBSP}$"),
        (150, "$1.50", f"1,50{NBSP}$"),
        (999, "$9.99", f"9,99{NBSP}$"),
        (1000, "$10", f"10{NBSP}$"),  # from $10 up: whole dollars
        (1049, "$10", f"10{NBSP}$"),
        (1050, "$11", f"11{NBSP}$"),  # half a dollar rounds up
        (125_000, "$1,250", f"1{NBSP}250{NBSP}$"),
    ],
)
def test_money(cents, english, russian):
    assert money(cents) == english
    assert money(cents, "ru") == russian


def test_whole_dollars_below_ten_show_no_cents():
    assert money(500) == "$5"
    assert money(900, "ru") == f"9{NBSP}$"


def test_a_range_of_money_writes_the_currency_once():
    assert money_span(100_000, 150_000) == "$1,000–1,500"
    assert money_span(100_000, 150_000, "ru") == f"1{NBSP}000–1{NBSP}500{NBSP}$"
    assert money_span(100_000, 100_040) == "$1,000"  # both ends read the same


def test_one_sign():
    assert one_sign("$1", "$2") == "$1–2"
    assert one_sign("1 $", "2 $") == "1–2 $"
    assert one_sign(f"1{NBSP}$", f"2{NBSP}$") == f"1–2{NBSP}$"
    assert one_sign("$1", "2 $") == "$1–2 $"
    assert one_sign("1 $", "2") == "1 $–2"
    assert one_sign("a", "b") == "a–b"


def test_a_range_of_whole_numbers():
    assert span(84_500, 126_800) == "84,500–126,800"
    assert span(1000, 2000, "ru") == f"1{NBSP}000–2{NBSP}000"
    assert span(5, 5) == "5"


@pytest.mark.parametrize(
    ("basis_points", "expected"),
    [
        (0, ("under", 1, "1%")),
        (49, ("under", 1, "1%")),
        (50, ("percent_of", 1, "1%")),
        (4500, ("percent_of", 45, "45%")),
        (9499, ("percent_of", 95, "95%")),
        (9500, ("same_as", 1, "")),
        (10_499, ("same_as", 1, "")),
        (10_500, ("times", 1.1, "1.1")),
        (54_000, ("times", 5.4, "5.4")),
        (99_499, ("times", 9.9, "9.9")),
        (99_500, ("times", 10.0, "10")),
        (100_000, ("times", 10, "10")),
        (225_000, ("times", 23, "23")),
        (12_345_678, ("times", 1235, "1,235")),
    ],
)
def test_ratio_bands(basis_points, expected):
    kind, number, written = ratio(basis_points)
    assert (kind, number, written) == expected
    assert type(number) is type(expected[1])


def test_ratio_in_russian():
    assert ratio(54_000, "ru") == ("times", 5.4, "5,4")
    assert ratio(4500, "ru") == ("percent_of", 45, f"45{NBSP}%")
    assert ratio(12_345_678, "ru") == ("times", 1235, f"1{NBSP}235")
    assert ratio(10, "ru") == ("under", 1, f"1{NBSP}%")


def test_plural_takes_the_languages_form_and_falls_back_to_other():
    forms = SimpleNamespace(one="one", few="few", many="many", other="other")
    assert [plural(forms, n) for n in (1, 2, 5)] == ["one", "other", "other"]
    assert [plural(forms, n, "ru") for n in (1, 2, 5, 21, 1.5)] == ["one", "few", "many", "one", "other"]
    sparse = SimpleNamespace(one="one", few=None, many=None, other="other")
    assert plural(sparse, 2, "ru") == "other"


def test_affixes_for_chart_axes():
    assert affixes("usd") == ("$", "")
    assert affixes("percent") == ("", "%")
    assert affixes("usd", "ru") == ("", f"{NBSP}$")
    assert affixes("percent", "ru") == ("", f"{NBSP}%")


@pytest.mark.parametrize(
    ("value", "english", "russian"),
    [
        (1250, "1,250", "1250"),
        (9999, "9,999", "9999"),
        (10_000, "10,000", f"10{NBSP}000"),
        (205_000, "205,000", f"205{NBSP}000"),
        (1.5, "1.5", "1,5"),
        (12_345.5, "12,345.5", f"12{NBSP}345,5"),
    ],
)
def test_prose_number_groups_as_the_sources_write(value, english, russian):
    assert prose_number(value) == english
    assert prose_number(value, "ru") == russian


def test_figure_number_by_kind():
    assert figure_number(800, "number") == "800"
    assert figure_number(350, "usd") == "$350"
    assert figure_number(1.5, "usd") == "$1.50"
    assert figure_number(1250, "usd", "ru") == f"1{NBSP}250{NBSP}$"
    assert figure_number(33, "percent") == "33%"
    assert figure_number(2, "hours") == "2"
    assert figure_number(1234.5, "number", "ru") == f"1{NBSP}234,5"
    # Russian running text groups whole numbers from 10 000 («3530 комментариев»), as Kloop does
    assert figure_number(3530, "number") == "3,530"
    assert figure_number(3530, "number", "ru") == "3530"
    assert figure_number(25_750, "number", "ru") == f"25{NBSP}750"
    # decimals as the number has them, however many
    assert figure_number(0.12345, "number") == "0.12345"
    assert figure_number(12.3456, "number", "ru") == "12,3456"


def test_fill_replaces_every_named_slot_and_leaves_others():
    assert fill("{a} and {b}, {a} {c}", a="x", b="y") == "x and y, x {c}"
    assert fill("no slots") == "no slots"
