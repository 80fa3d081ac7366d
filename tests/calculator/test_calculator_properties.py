"""Properties of the model that hold for every input (hypothesis)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import Inputs, estimate, validate
from calculator.model import MAX_EXACT, whole_number

# No example database: it would write .hypothesis/ into the working tree.
SETTINGS = settings(database=None, deadline=None, max_examples=300)


@pytest.fixture(scope="module")
def params(calculator_params):
    """The fixture parameters (tests/conftest.py), not today's content."""
    return calculator_params


def inputs(params, *, staff=None, pay_only=False, tier_only=False, extra=None):
    b = params.inputs
    tiers = st.tuples(st.sampled_from([t.id for t in params.tiers]), st.none())
    pays = st.tuples(st.none(), st.integers(b.pay.min, b.pay.max))
    return st.builds(
        lambda s, a, lang, ext, choice, blog, sup: Inputs(s, a, lang, ext, *choice, blog, sup),
        staff if staff is not None else st.integers(b.staff.min, b.staff.max),
        st.integers(b.accounts_per_person.min, b.accounts_per_person.max),
        st.sampled_from([x.id for x in params.languages]),
        extra if extra is not None else st.integers(b.russian_extra.min, b.russian_extra.max),
        pays if pay_only else tiers if tier_only else st.one_of(tiers, pays),
        st.integers(b.bloggers.min, b.bloggers.max),
        st.integers(b.supervisors.min, b.supervisors.max),
    )


def ranges(result):
    yield from (
        result.pay_per_person,
        result.operators,
        result.bloggers,
        result.supervisors,
        result.monthly,
        result.yearly,
    )
    if result.per_account:
        yield result.per_account


@SETTINGS
@given(data=st.data())
def test_low_central_high_are_in_order(params, data):
    result = estimate(params, data.draw(inputs(params)))
    for r in ranges(result):
        assert 0 <= r.low <= r.central <= r.high


@SETTINGS
@given(data=st.data())
def test_roles_add_up_and_a_year_is_twelve_months(params, data):
    result = estimate(params, data.draw(inputs(params)))
    assert result.operators + result.bloggers + result.supervisors == result.monthly
    assert result.yearly == result.monthly.times(12)


@SETTINGS
@given(data=st.data())
def test_cost_per_account_times_accounts_is_the_monthly_cost(params, data):
    # Each per-account value is rounded to the cent, so it is off by at most half a cent:
    # |per account × accounts − monthly| ≤ accounts / 2 cents, i.e. 2·|…| ≤ accounts.
    result = estimate(params, data.draw(inputs(params)))
    accounts = result.accounts
    if accounts == 0:
        assert result.per_account is None
        return
    for per, month in zip(
        dataclasses.astuple(result.per_account), dataclasses.astuple(result.monthly), strict=True
    ):
        assert 2 * abs(per * accounts - month) <= accounts


@SETTINGS
@given(data=st.data())
def test_cost_rises_with_staff(params, data):
    b = params.inputs.staff
    before = data.draw(inputs(params, staff=st.integers(b.min, b.max - 1)))
    more = data.draw(st.integers(before.staff + 1, b.max))
    low, high = (estimate(params, i).monthly for i in (before, dataclasses.replace(before, staff=more)))
    assert low.low < high.low and low.central < high.central and low.high < high.high


@SETTINGS
@given(data=st.data())
def test_cost_rises_with_pay(params, data):
    b = params.inputs
    before = data.draw(
        inputs(params, staff=st.integers(max(b.staff.min, 1), b.staff.max), pay_only=True).filter(
            lambda i: i.pay < b.pay.max
        )
    )
    more = data.draw(st.integers(before.pay + 1, b.pay.max))
    low, high = (estimate(params, i).monthly for i in (before, dataclasses.replace(before, pay=more)))
    assert low.low < high.low and low.central < high.central and low.high < high.high


@SETTINGS
@given(data=st.data())
def test_the_readers_extra_for_russian_raises_tier_pay_by_the_languages_share(params, data):
    """No extra changes nothing; an extra raises tier pay by extra × the language's share of
    work in Russian, to the half cent; a language with no Russian share is not moved."""
    b = params.inputs.russian_extra
    plain = data.draw(inputs(params, tier_only=True, extra=st.just(0)))
    extra = data.draw(st.integers(b.min, b.max))
    tier = next(t for t in params.tiers if t.id == plain.tier)
    language = next(x for x in params.languages if x.id == plain.language)
    before = estimate(params, plain).pay_per_person
    assert (before.low, before.high) == (tier.low * language.percent, tier.high * language.percent)
    after = estimate(params, dataclasses.replace(plain, russian_extra=extra)).pay_per_person
    for old, new in ((before.low, after.low), (before.high, after.high)):
        assert 2 * abs(new * 10_000 - old * (10_000 + extra * language.russian_share)) <= 10_000
        assert new >= old and (new == old) == (not extra * language.russian_share * old)


@SETTINGS
@given(data=st.data())
def test_the_cost_in_som_is_the_dollar_cost_at_the_rate(params, data):
    """Within half a rounding step of dollars × som figure ÷ dollar figure, in order."""
    result = estimate(params, data.draw(inputs(params)))
    som = params.som
    assert 0 <= result.som.low <= result.som.central <= result.som.high
    for cents, amount in zip(
        dataclasses.astuple(result.monthly), dataclasses.astuple(result.som), strict=True
    ):
        assert amount % som.round_to == 0
        assert 2 * abs(amount * som.cents - cents * som.amount) <= som.cents * som.round_to


@SETTINGS
@given(data=st.data())
def test_an_exact_pay_gives_an_exact_cost(params, data):
    i = data.draw(inputs(params, pay_only=True))
    result = estimate(params, dataclasses.replace(i, bloggers=0, supervisors=0))
    for r in ranges(result):
        assert r.low == r.central == r.high


@SETTINGS
@given(data=st.data())
def test_zero_staff_costs_nothing(params, data):
    i = data.draw(inputs(params, staff=st.just(0)))
    result = estimate(params, dataclasses.replace(i, bloggers=0, supervisors=0))
    assert result.accounts == 0
    assert result.per_account is None
    assert dataclasses.astuple(result.monthly) == dataclasses.astuple(result.yearly) == (0, 0, 0)


@SETTINGS
@given(data=st.data(), spaces=st.sampled_from(["", " ", "\t", " \n"]))
def test_valid_inputs_survive_the_form(params, data, spaces):
    """Inputs typed as text (as a browser sends them) validate to themselves."""
    i = data.draw(inputs(params))
    raw = {k: None if v is None else f"{spaces}{v}{spaces}" for k, v in vars(i).items()}
    assert validate(params, raw) == (i, [])


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.from_regex(r"\s*[+-]?[0-9]{0,20}(\.[0-9]{0,20})?([eE][+-]?[0-9]{1,4})?\s*", fullmatch=True),
)


@SETTINGS
@given(data=st.data())
def test_validate_never_crashes_and_never_clamps(params, data):
    keys = (
        "staff",
        "accounts_per_person",
        "language",
        "tier",
        "pay",
        "bloggers",
        "supervisors",
        "russian_extra",
    )
    raw = {
        k: data.draw(
            VALUES | st.sampled_from([x.id for x in params.languages] + [t.id for t in params.tiers]), label=k
        )
        for k in keys
        if data.draw(st.booleans())
    }
    result, errors = validate(params, raw)
    assert (result is None) == bool(errors)
    if result is not None:  # every accepted number is exactly what was given
        for name in ("staff", "accounts_per_person", "bloggers", "supervisors", "pay", "russian_extra"):
            value = getattr(result, name)
            if raw.get(name) not in (None, "") and value is not None:
                assert Decimal(str(raw[name]).strip()) == value


def reference(text: str) -> int | str:
    """whole_number for plain numeric text, by decimal.Decimal: an independent check."""
    value = Decimal(text)
    if value.is_zero():
        return 0
    if value < 0:
        return "negative"
    if value > MAX_EXACT:
        return "huge"
    if value != value.to_integral_value():
        return "fractional"
    return int(value)


@SETTINGS
@given(
    text=st.from_regex(
        r"[+-]?([0-9]{1,20}|[0-9]{0,20}\.[0-9]{1,20}|[0-9]{1,20}\.)"
        r"([eE][+-]?[0-9]{1,3})?",
        fullmatch=True,
    )
)
def test_whole_number_reads_text_exactly(text):
    assert whole_number(text) == reference(text)


@SETTINGS
@given(number=st.floats(allow_nan=False, allow_infinity=False))
def test_whole_number_reads_floats_by_their_shortest_form(number):
    assert whole_number(number) == reference(repr(number))


@SETTINGS
@given(data=st.data())
def test_out_of_range_numbers_are_refused_not_clamped(params, data):
    name = data.draw(
        st.sampled_from(["staff", "accounts_per_person", "bloggers", "supervisors", "russian_extra"])
    )
    bound = getattr(params.inputs, name)
    value = data.draw(st.integers(max_value=bound.min - 1) | st.integers(min_value=bound.max + 1))
    raw = {
        "staff": 1,
        "accounts_per_person": params.inputs.accounts_per_person.min,
        "language": params.languages[0].id,
        "tier": params.tiers[0].id,
        name: value,
    }
    result, errors = validate(params, raw)
    assert result is None
    assert [e.field for e in errors] == [name]
    assert errors[0].message.startswith(f"{bound.label}: ")
