"""Each kind of bad input gets its own clear message; nothing is clamped or crashes."""

from __future__ import annotations

import math

import pytest

from calculator import InputError, validate


@pytest.fixture(scope="module")
def params(calculator_params):
    """The fixture parameters (tests/conftest.py), not today's content."""
    return calculator_params


VALID = {"staff": "12", "accounts_per_person": "5", "language": "both", "tier": "entry"}
STAFF = "People running fake accounts"
PAY = "Custom monthly pay per person"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", f"{STAFF}: enter a number from 0 to 10,000."),
        ("   ", f"{STAFF}: enter a number from 0 to 10,000."),
        (None, f"{STAFF}: enter a number from 0 to 10,000."),
        ("abc", f"{STAFF}: not a number; write digits, such as 1500 or 1,500, without currency signs."),
        ("1,00", f"{STAFF}: not a number; write digits, such as 1500 or 1,500, without currency signs."),
        ("1,000 000", f"{STAFF}: not a number; write digits, such as 1500 or 1,500, without currency signs."),
        ("10,001", f"{STAFF}: must be at most 10,000."),
        ("1 000 001", f"{STAFF}: must be at most 10,000."),
        (True, f"{STAFF}: not a number; write digits, such as 1500 or 1,500, without currency signs."),
        ("NaN", f"{STAFF}: NaN is not a number; enter a number from 0 to 10,000."),
        (math.nan, f"{STAFF}: NaN is not a number; enter a number from 0 to 10,000."),
        ("-1", f"{STAFF}: cannot be negative."),
        (-0.5, f"{STAFF}: cannot be negative."),
        (-math.inf, f"{STAFF}: cannot be negative."),
        ("12.5", f"{STAFF}: must be a whole number."),
        ("1e-1", f"{STAFF}: must be a whole number."),
        ("10001", f"{STAFF}: must be at most 10,000."),
        ("1e400", f"{STAFF}: far too large; must be at most 10,000."),
        (10**30, f"{STAFF}: far too large; must be at most 10,000."),
        (math.inf, f"{STAFF}: far too large; must be at most 10,000."),
        ("9007199254740992", f"{STAFF}: far too large; must be at most 10,000."),
        # sixteen digits, the last ones zeros, past 2^53 - 1
        ("9007199254741000", f"{STAFF}: far too large; must be at most 10,000."),
        # an exponent longer than Python reads into an int (4,300 digits)
        ("1e" + "9" * 5000, f"{STAFF}: far too large; must be at most 10,000."),
    ],
    ids=lambda v: repr(v) if not isinstance(v, str) or len(v) < 20 else None,
)
def test_each_bad_staff_value_has_its_message(params, value, message):
    inputs, errors = validate(params, {**VALID, "staff": value})
    assert inputs is None
    assert errors == [InputError("staff", message)]


@pytest.mark.parametrize("value", ["1,000", "1 000", "1\u00a0000", " 1,000 ", "1,000.0"])
def test_thousands_may_be_grouped_as_readers_write_them(params, value):
    inputs, errors = validate(params, {**VALID, "staff": value})
    assert errors == [] and inputs.staff == 1000


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("accounts_per_person", "0", "Fake accounts per person: must be at least 1."),
        ("accounts_per_person", "101", "Fake accounts per person: must be at most 100."),
        ("bloggers", "", "Bloggers and journalists paid for their audience: enter a number from 0 to 1,000."),
        ("supervisors", "1001", "Supervisors: must be at most 1,000."),
        ("supervisors", "2.5", "Supervisors: must be a whole number."),
        ("language", None, "Language they write in: choose one of kyrgyz, russian, both."),
        ("language", "uzbek", "Language they write in: not one of kyrgyz, russian, both."),
        ("tier", "bronze", "Pay tier: not one of entry, experienced, negotiated, top, blogger."),
        ("tier", None, "Pay: choose a pay tier or enter a custom monthly pay."),
        # Text is trimmed of the white space the page's script trims (cost-model.js), and no
        # more: a no-break space is a character, as it is in the browser.
        ("language", "kyrgyz\u00a0", "Language they write in: not one of kyrgyz, russian, both."),
        ("tier", "\u00a0", "Pay tier: not one of entry, experienced, negotiated, top, blogger."),
    ],
)
def test_other_fields(params, field, value, message):
    inputs, errors = validate(params, {**VALID, field: value})
    assert (inputs, errors) == (None, [InputError(field if field != "tier" or value else "pay", message)])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("99", f"{PAY}: must be at least $100."),
        ("3001", f"{PAY}: must be at most $3,000."),
        ("150.50", f"{PAY}: must be whole US dollars, without cents."),
        ("$350", f"{PAY}: not a number; write digits, such as 1500 or 1,500, without currency signs."),
        ("1e20", f"{PAY}: far too large; must be at most $3,000."),
    ],
)
def test_custom_pay(params, value, message):
    raw = {**VALID, "tier": None, "pay": value}
    assert validate(params, raw) == (None, [InputError("pay", message)])


def test_pay_and_tier_together_are_refused(params):
    assert validate(params, {**VALID, "pay": "200"}) == (
        None,
        [InputError("pay", "Pay: choose a pay tier or a custom monthly pay, not both.")],
    )


def test_a_blank_tier_or_pay_counts_as_not_given(params):
    inputs, errors = validate(params, {**VALID, "tier": " ", "pay": "200"})
    assert errors == [] and inputs.pay == 200 and inputs.tier is None


def test_every_problem_is_reported_in_form_order(params):
    raw = {
        "staff": "-3",
        "accounts_per_person": "0",
        "language": "x",
        "pay": "abc",
        "bloggers": "1.5",
        "supervisors": math.nan,
    }
    _, errors = validate(params, raw)
    assert [e.field for e in errors] == [
        "staff",
        "accounts_per_person",
        "language",
        "pay",
        "bloggers",
        "supervisors",
    ]


@pytest.mark.parametrize("value", ["0", " 10000 ", "+5", "5.0", "5e0", "0.5e1", "007", 5, 5.0, "-0"])
def test_whole_numbers_in_other_forms_are_accepted_exactly(params, value):
    inputs, errors = validate(params, {**VALID, "staff": value})
    assert errors == []
    assert inputs.staff == int(float(str(value).strip()))


def test_missing_bloggers_and_supervisors_mean_none(params):
    inputs, errors = validate(params, VALID)
    assert errors == [] and inputs.bloggers == 0 and inputs.supervisors == 0
