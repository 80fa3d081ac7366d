"""A result in words, as the page and the command line show it.

The words come from calculator.yaml (`words`, `notes.breakdown_roles`) and the numbers are
written by records.numbers; site/static/js/cost-model.js's describe() is the mirror, and the
shared test vectors check that both give the same text for every case.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from records.numbers import fill, grouped, money, money_span, ratio

from .model import Estimate, Range
from .params import CENTS, CalculatorFile


def range_text(params: CalculatorFile, r: Range) -> str:
    """'$1,000–1,500 (midpoint $1,250)', or one amount when the range has no width."""
    span = money_span(r.low, r.high)
    return span if span == money(r.central) else fill(params.words.range, span=span,
                                                       midpoint=money(r.central))


def _role_pays(params: CalculatorFile, result: Estimate) -> dict[str, tuple[int, int, int]]:
    """Each role's head count and monthly pay per head in cents, low and high."""
    blogger = next(t for t in params.tiers if t.id == params.blogger_tier)
    supervisor = params.supervisor_pay
    i, pay = result.inputs, result.pay_per_person
    return {"operators": (i.staff, pay.low, pay.high),
            "bloggers": (i.bloggers, blogger.low * CENTS, blogger.high * CENTS),
            "supervisors": (i.supervisors, supervisor.low * CENTS, supervisor.high * CENTS)}


def arithmetic(params: CalculatorFile, result: Estimate) -> str:
    """'10 people × $100–150 = $1,000–1,500 a month': every role with people in it."""
    words, roles = params.words, params.notes.breakdown_roles
    pays = _role_pays(params, result)
    terms = []
    for field in dataclasses.fields(roles):
        count, low, high = pays[field.name]
        role = getattr(roles, field.name)
        if count or (field.name == "operators" and not any(c for c, _, _ in pays.values())):
            terms.append(fill(words.term, count=grouped(count),
                              role=role.one if count == 1 else role.other,
                              pay=money_span(low, high)))
    total = money_span(result.monthly.low, result.monthly.high)
    return fill(words.sum, terms=" + ".join(terms), total=total)


def comparison_texts(params: CalculatorFile, result: Estimate) -> list[str]:
    words = params.words
    about = {c.id: c for c in params.comparisons}
    texts = []
    for c in result.comparisons:
        spec = about[c.id]
        texts.append(fill(words.comparison, period=words.year if c.period == "year" else words.month,
                          ratio=ratio(c.ratio_bp),
                          label=spec.label, amount=spec.amount_text or money(c.amount)))
    return texts


def describe(params: CalculatorFile, result: Estimate) -> dict[str, Any]:
    """Every text the page shows for a result."""
    return {
        "monthly": range_text(params, result.monthly),
        "yearly": range_text(params, result.yearly),
        "accounts": grouped(result.accounts),
        "per_account": range_text(params, result.per_account) if result.per_account
        else params.words.no_accounts,
        "pay_per_person": range_text(params, result.pay_per_person),
        "arithmetic": arithmetic(params, result),
        "comparisons": comparison_texts(params, result),
    }
