"""The cost model: check what a reader typed, then estimate what the department costs.

Pure: no I/O and no web code; numbers are written by records.numbers (with Babel's locale
data). site/static/js/cost-model.js mirrors this module function for function;
tests/calculator/vectors.py generates the cases both must agree on.

Money is computed in integer cents, so nothing is lost to floating point:
- tier pay per person = tier dollars × language percent (already whole cents), raised by the
  reader's extra for Russian-speaking work × the language's share of work in Russian
  (percent × percent: basis points), rounded half-up to the cent; with no extra it is exact;
  a custom pay is exact whole dollars and ignores the language;
- a role's cost (operators, bloggers, supervisors) = people × pay per person, low and high;
- a role's central = midpoint of its low and high, rounded half-up to the cent;
  the totals are the sums of the roles, so the breakdown adds up exactly;
- yearly = 12 × monthly (low, central and high alike);
- cost per account = monthly ÷ fake accounts, rounded half-up to the cent
  (None when no account is run), so |per account × accounts − monthly| ≤ accounts / 2 cents;
- a comparison's ratio = cost ÷ figure in basis points (1/10,000), rounded half-up;
- the monthly cost in som = cents × the som figure ÷ the dollar figure in cents, rounded
  half-up to the nearest `som.round_to` som, low, central and high alike.
Half-up is exact on non-negative integers: half_up(n, d) = (2n + d) // (2d).
Every integer stays below 2^53 (CalculatorFile.check makes sure), so JavaScript's
numbers reproduce each cent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from records.numbers import BASIS_POINTS, CENTS, fill, grouped, half_up, money

from .inputs import INPUTS, NAMES, Input
from .params import MAX_EXACT, MONTHS, Bound, CalculatorFile, Messages, Preset


@dataclass(frozen=True)
class Inputs:
    """Valid inputs, one field per declared input, in their order (tests/test_architecture.py
    checks): counts and whole dollars as int, choices as an id; of tier and pay exactly one is
    given, the other is None."""

    staff: int
    accounts_per_person: int
    language: str
    russian_extra: int
    tier: str | None
    pay: int | None
    bloggers: int
    supervisors: int


@dataclass(frozen=True)
class InputError:
    """One problem with one input, in words a reader understands."""

    field: str
    message: str


@dataclass(frozen=True)
class Range:
    """A cost in cents: low, central and high."""

    low: int
    central: int
    high: int

    @classmethod
    def between(cls, low: int, high: int) -> Range:
        return cls(low, half_up(low + high, 2), high)

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.central + other.central, self.high + other.high)

    def times(self, factor: int) -> Range:
        return Range(self.low * factor, self.central * factor, self.high * factor)

    def per(self, divisor: int) -> Range:
        return self.scaled(1, divisor)

    def scaled(self, numerator: int, denominator: int) -> Range:
        """Each value × numerator ÷ denominator, rounded half-up."""
        return Range(*(half_up(v * numerator, denominator) for v in (self.low, self.central, self.high)))

    def dollars(self) -> dict[str, float]:
        return {"low": self.low / CENTS, "central": self.central / CENTS, "high": self.high / CENTS}


@dataclass(frozen=True)
class ComparisonResult:
    id: str
    period: str
    amount: int  # cents
    cost: int  # cents: the central monthly cost, or yearly for a yearly figure
    ratio_bp: int  # cost ÷ amount in basis points


@dataclass(frozen=True)
class Estimate:
    inputs: Inputs
    accounts: int
    pay_per_person: Range  # an operator's monthly pay
    operators: Range
    bloggers: Range
    supervisors: Range
    monthly: Range
    yearly: Range
    per_account: Range | None
    comparisons: tuple[ComparisonResult, ...]
    som: Range  # the monthly cost in whole som, rounded to params.som.round_to

    def to_json(self) -> dict[str, Any]:
        """The result in US dollars, as `--json` prints it and cost-model.js returns it."""
        return {
            "inputs": vars(self.inputs).copy(),
            "accounts": self.accounts,
            "pay_per_person": self.pay_per_person.dollars(),
            "monthly_cost": self.monthly.dollars(),
            "yearly_cost": self.yearly.dollars(),
            "cost_per_account": self.per_account.dollars() if self.per_account else None,
            "breakdown": {
                "operators": self.operators.dollars(),
                "bloggers": self.bloggers.dollars(),
                "supervisors": self.supervisors.dollars(),
            },
            "comparisons": [
                {
                    "id": c.id,
                    "period": c.period,
                    "amount": c.amount / CENTS,
                    "cost": c.cost / CENTS,
                    "ratio_bp": c.ratio_bp,
                }
                for c in self.comparisons
            ],
            "monthly_som": vars(self.som).copy(),
        }


# -- validation --------------------------------------------------------------------

_NUMBER = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?)([0-9]+))?")
#: Thousands grouped by one kind of separator, as readers write them: 1,000 or 1 000.
_GROUPED = re.compile("[+-]?[0-9]{1,3}([, \u00a0\u202f])[0-9]{3}(?:\\1[0-9]{3})*(?:\\.[0-9]*)?")
_NAN = re.compile(r"[+-]?nan", re.IGNORECASE)
_SPACE = " \t\n\r\f\v"  # trimmed from text; the same set as cost-model.js
_EXPONENT_CAP = 10**15  # longer exponents are capped: the outcome (huge or fractional) is the same


def whole_number(raw: Any) -> int | str:
    """The non-negative whole number raw stands for, or what is wrong with it.

    Problems: 'empty', 'not_number', 'nan', 'negative', 'huge' (beyond 2^53 − 1),
    'fractional', checked in that order. Text is read exactly as decimal digits, and
    a float by its shortest repr (as JavaScript's String(x)), so both languages agree
    on every input, including those beyond float precision.
    """
    if raw is None:
        return "empty"
    if isinstance(raw, bool):
        return "not_number"
    if isinstance(raw, int):
        if raw < 0:
            return "negative"
        return "huge" if raw > MAX_EXACT else raw
    if isinstance(raw, float):
        if math.isnan(raw):
            return "nan"
        if math.isinf(raw):
            return "negative" if raw < 0 else "huge"
        text = repr(raw)
    elif isinstance(raw, str):
        text = raw.strip(_SPACE)
        if not text:
            return "empty"
        if _NAN.fullmatch(text):
            return "nan"
        grouping = _GROUPED.fullmatch(text)
        if grouping:
            text = text.replace(grouping[1], "")
    else:
        return "not_number"
    match = _NUMBER.fullmatch(text)
    if not match or not (match[2] or match[3]):
        return "not_number"
    sign, whole, fraction, exp_sign, exp_digits = match.groups(default="")
    digits = (whole + fraction).lstrip("0")
    if not digits:
        return 0
    if sign == "-":
        return "negative"
    exp_digits = exp_digits.lstrip("0")
    exponent = _EXPONENT_CAP if len(exp_digits) > 15 else int(exp_digits or "0")
    exponent = (-exponent if exp_sign == "-" else exponent) - len(fraction)
    significant = digits.rstrip("0")
    exponent += len(digits) - len(significant)
    before_point = len(significant) + exponent  # digits before the decimal point
    if before_point > 16:
        return "huge"
    if before_point == 16:
        whole_part = int(significant[:16] if exponent < 0 else significant + "0" * exponent)
        if whole_part > MAX_EXACT or (whole_part == MAX_EXACT and exponent < 0):
            return "huge"
    if exponent < 0:
        return "fractional"
    return int(significant + "0" * exponent)


def _amount(value: int, bound: Bound, language: str) -> str:
    return money(value * CENTS, language) if bound.format == "usd" else grouped(value, language)


def _bounded(raw: Any, bound: Bound, messages: Messages, language: str) -> int | str:
    """The whole number within bound, or the message saying what is wrong."""
    value = whole_number(raw)
    words = {
        "label": bound.label,
        "low": _amount(bound.min, bound, language),
        "high": _amount(bound.max, bound, language),
    }
    if isinstance(value, int):
        if value < bound.min:
            return fill(messages.at_least, **words)
        if value > bound.max:
            return fill(messages.at_most, **words)
        return value
    if value == "fractional" and bound.format == "usd":
        return fill(messages.whole_dollars, **words)
    return fill(getattr(messages, value), **words)


def _given(raw: Any) -> bool:
    """Whether a tier or pay was given: absent, None and blank text are not."""
    return raw is not None and not (isinstance(raw, str) and not raw.strip(_SPACE))


def _choice(raw: Any, ids: list[str], name: str, label: str, messages: Messages) -> str | InputError:
    text = raw.strip(_SPACE) if isinstance(raw, str) else raw
    if text in ids:
        return text
    message = messages.not_one_of if _given(raw) else messages.choose_one
    return InputError(name, fill(message, label=label, choices=", ".join(ids)))


def _checked(params: CalculatorFile, item: Input, raw: Any, language: str) -> int | str | InputError:
    """One input's valid value, or its error."""
    words = getattr(params.inputs, item.name)
    if item.kind == "choice":
        assert item.choices is not None  # calculator/inputs.py names the list of every choice
        return _choice(
            raw, [x.id for x in getattr(params, item.choices)], item.name, words.label, params.messages
        )
    result = _bounded(0 if item.optional and raw is None else raw, words, params.messages, language)
    return InputError(item.name, result) if isinstance(result, str) else result


def validate(
    params: CalculatorFile, raw: Mapping[str, Any], language: str = "en"
) -> tuple[Inputs | None, list[InputError]]:
    """Check raw inputs as a browser form or the command line gives them.

    Keys: the declared inputs' names (calculator/inputs.py). Of the two pay inputs, tier
    and pay, exactly one is given; an optional input that is absent or None means 0.
    Values may be text, numbers or None. Returns the inputs, or None and one error per bad
    field, in the declared order, in the words of `language`; nothing is clamped or rounded.
    """
    values: dict[str, Any] = {name: None for name in NAMES}
    errors: list[InputError] = []
    pay_inputs = [i.name for i in INPUTS if i.pay]
    pay_given = [name for name in pay_inputs if _given(raw.get(name))]
    for item in INPUTS:
        if item.pay and pay_given != [item.name]:
            if len(pay_given) != 1 and item.name == pay_inputs[-1]:
                errors.append(
                    InputError("pay", params.messages.pay_both if pay_given else params.messages.pay_neither)
                )
            continue
        result = _checked(params, item, raw.get(item.name), language)
        if isinstance(result, InputError):
            errors.append(result)
        else:
            values[item.name] = result
    if errors:
        return None, errors
    return Inputs(**values), []


def preset_raw(preset: Preset) -> dict[str, Any]:
    """A preset's values as raw inputs, for validate() (the page fills its form the same way);
    the reader's own inputs, which no preset sets, are 0."""
    return {i.name: getattr(preset, i.name) if i.preset else 0 for i in INPUTS}


# -- estimate ----------------------------------------------------------------------


def _roles(params: CalculatorFile, inputs: Inputs) -> tuple[Range, Range, Range, Range]:
    """An operator's pay, and the monthly cost of operators, bloggers and supervisors."""
    if inputs.pay is not None:
        low = high = inputs.pay * CENTS
    else:
        tier = next(t for t in params.tiers if t.id == inputs.tier)
        language = next(x for x in params.languages if x.id == inputs.language)
        extra = BASIS_POINTS + inputs.russian_extra * language.russian_share
        low, high = (half_up(end * language.percent * extra, BASIS_POINTS) for end in (tier.low, tier.high))
    blogger = next(t for t in params.tiers if t.id == params.blogger_tier)
    supervisor = params.supervisor_pay
    return (
        Range.between(low, high),
        Range.between(inputs.staff * low, inputs.staff * high),
        Range.between(inputs.bloggers * blogger.low * CENTS, inputs.bloggers * blogger.high * CENTS),
        Range.between(
            inputs.supervisors * supervisor.low * CENTS, inputs.supervisors * supervisor.high * CENTS
        ),
    )


def _monthly(params: CalculatorFile, inputs: Inputs) -> Range:
    _, operators, bloggers, supervisors = _roles(params, inputs)
    return operators + bloggers + supervisors


def estimate(params: CalculatorFile, inputs: Inputs) -> Estimate:
    """The monthly and yearly cost of a department; inputs come from validate()."""
    pay, operators, bloggers, supervisors = _roles(params, inputs)
    monthly = operators + bloggers + supervisors
    yearly = monthly.times(MONTHS)
    # load_params fills in the rate from the key figures before the model sees it.
    assert params.som.amount is not None and params.som.cents is not None
    accounts = inputs.staff * inputs.accounts_per_person
    comparisons = []
    for c in params.comparisons:
        if c.cents is not None:
            amount = c.cents
        else:
            preset = Inputs(**preset_raw(next(p for p in params.presets if p.id == c.preset)))
            if preset == inputs:
                continue  # a department is not compared with itself
            amount = _monthly(params, preset).central
        if not amount:
            continue  # a department that costs nothing gives no ratio
        cost = yearly.central if c.period == "year" else monthly.central
        comparisons.append(
            ComparisonResult(c.id, c.period, amount, cost, half_up(cost * BASIS_POINTS, amount))
        )
    return Estimate(
        inputs=inputs,
        accounts=accounts,
        pay_per_person=pay,
        operators=operators,
        bloggers=bloggers,
        supervisors=supervisors,
        monthly=monthly,
        yearly=yearly,
        per_account=monthly.per(accounts) if accounts else None,
        comparisons=tuple(comparisons),
        som=monthly.scaled(params.som.amount, params.som.cents * params.som.round_to).times(
            params.som.round_to
        ),
    )
