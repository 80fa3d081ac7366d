"""A result in words, as the page and the command line show it.

The words come from calculator.yaml (`words`, `notes.breakdown_roles`) and the numbers are
written by records.numbers; site/static/js/cost-model.js's describe() is the mirror, and the
shared test vectors check that both give the same text for every case.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from records.numbers import CENTS, decimal, fill, grouped, half_up, money, money_span, plural, ratio, span

from .model import Estimate, Range
from .params import CalculatorFile, Ratio


def range_text(params: CalculatorFile, r: Range, language: str = "en") -> str:
    """'$1,000–1,500 (midpoint $1,250)', or one amount when the range has no width."""
    span, midpoint = money_span(r.low, r.high, language), money(r.central, language)
    return span if span == midpoint else fill(params.words.range, span=span, midpoint=midpoint)


def _role_pays(params: CalculatorFile, result: Estimate) -> dict[str, tuple[int, int, int]]:
    """Each role's head count and monthly pay per head in cents, low and high."""
    blogger = next(t for t in params.tiers if t.id == params.blogger_tier)
    supervisor = params.supervisor_pay
    i, pay = result.inputs, result.pay_per_person
    return {
        "operators": (i.staff, pay.low, pay.high),
        "bloggers": (i.bloggers, blogger.low * CENTS, blogger.high * CENTS),
        "supervisors": (i.supervisors, supervisor.low * CENTS, supervisor.high * CENTS),
    }


def arithmetic(params: CalculatorFile, result: Estimate, language: str = "en") -> str:
    """'10 people × $100–150 = $1,000–1,500 a month': every role with people in it."""
    words, roles = params.words, params.notes.breakdown_roles
    pays = _role_pays(params, result)
    terms = []
    for field in dataclasses.fields(roles):
        count, low, high = pays[field.name]
        role = getattr(roles, field.name)
        if count or (field.name == "operators" and not any(c for c, _, _ in pays.values())):
            terms.append(
                fill(
                    words.term,
                    count=grouped(count, language),
                    role=plural(role, count, language),
                    pay=money_span(low, high, language),
                )
            )
    total = money_span(result.monthly.low, result.monthly.high, language)
    return fill(words.sum, terms=" + ".join(terms), total=total)


def ratio_text(forms: Ratio, basis_points: int, language: str = "en") -> str:
    """A ratio in the words of `forms` (times, percent_of, same_as, under): '5.4 times'."""
    kind, number, written = ratio(basis_points, language)
    phrase = plural(forms.times, number, language) if kind == "times" else getattr(forms, kind)
    return fill(phrase, ratio=written)


def comparison_texts(params: CalculatorFile, result: Estimate, language: str = "en") -> list[str]:
    words = params.words
    about = {c.id: c for c in params.comparisons}
    return [
        fill(
            words.comparison,
            period=words.year if c.period == "year" else words.month,
            ratio=ratio_text(words.ratio, c.ratio_bp, language),
            label=about[c.id].label,
            amount=about[c.id].amount_text or money(c.amount, language),
        )
        for c in result.comparisons
    ]


def som_amount(params: CalculatorFile, low: int, high: int, language: str = "en") -> str:
    """Som, or a range of them, with the word the last number takes: '84,500–126,800 som'."""
    return fill(plural(params.words.som, high, language), number=span(low, high, language))


def som_text(params: CalculatorFile, result: Estimate, language: str = "en") -> str:
    """The monthly cost in som: 'about 84,500–126,800 som'."""
    return fill(params.words.in_som, amount=som_amount(params, result.som.low, result.som.high, language))


def wage_months(params: CalculatorFile, result: Estimate, language: str = "en") -> str:
    """How many months of the average wage the midpoint is, from the comparison with it."""
    wage = params.wage_comparison()
    assert wage is not None  # CalculatorFile.check makes sure there is one
    found = next(c for c in result.comparisons if c.id == wage.id)
    return ratio_text(params.words.wage_months, found.ratio_bp, language)


def som_note(params: CalculatorFile, language: str = "en") -> str:
    """Where the rate comes from and how som are rounded (the same for every estimate)."""
    som = params.som
    # load_params fills in the rate and its words from the key figures.
    assert som.amount is not None and som.cents is not None
    assert som.amount_text is not None and som.usd_text is not None
    tenths = half_up(som.amount * CENTS * 10, som.cents)  # som to the dollar, to one decimal
    rate = fill(plural(params.words.som, tenths / 10, language), number=decimal(tenths / 10, language))
    return fill(
        params.notes.som,
        rate=rate,
        som=som.amount_text,
        usd=som.usd_text,
        step=som_amount(params, som.round_to, som.round_to, language),
    )


def describe(params: CalculatorFile, result: Estimate, language: str = "en") -> dict[str, Any]:
    """Every text the page shows for a result, its numbers written in `language`."""
    return {
        "monthly": range_text(params, result.monthly, language),
        "yearly": range_text(params, result.yearly, language),
        "accounts": grouped(result.accounts, language),
        "per_account": range_text(params, result.per_account, language)
        if result.per_account
        else params.words.no_accounts,
        "pay_per_person": range_text(params, result.pay_per_person, language),
        "arithmetic": arithmetic(params, result, language),
        "comparisons": comparison_texts(params, result, language),
        "som": som_text(params, result, language),
        "wage_months": wage_months(params, result, language),
    }
