"""The calculator's parameters: the types of content/calculator.yaml.

They are declared with the shared `records` package, which reads the YAML into
these frozen dataclasses with `file:line` errors and exports them as JSON Schema
for editors' IDEs: field types limited to str, int, float, bool, Literal, list,
X | None and nested dataclasses; every field declared once with its help text and
rules; semantic rules in `check()`, which yields (field, message, hint). No web
code: the site imports the calculator, never the reverse.

Every number carries where it comes from: `sources` cites the investigation or
a context report, and `assumed` lists the values no source gives, explained in
`assumption` (the page shows both).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeAlias

from records.facts import Citation
from records.numbers import BASIS_POINTS, CENTS
from records.schema import SLUG, spec

from .inputs import COUNTED, INPUTS, PRESET_NAMES

#: JavaScript's Number.MAX_SAFE_INTEGER: integer cents below it are exact in both languages.
MAX_EXACT = 2**53 - 1
#: Months, as cents and basis points (records.numbers), are definitions, not parameters;
#: cost-model.js has the same, and the parity vectors fail if the two differ.
MONTHS = 12


_SOURCES_HELP = "where the values come from, e.g. '- {source: kloop, section: cost}'"
_ASSUMPTION_HELP = (
    "why the editors chose the values listed under 'assumed'; shown on the page; may use {fig:figure-id}"
)


def _basis(record: Any, values: tuple[str, ...]):
    """Problems with a record's sourcing: each value is cited or listed as assumed."""
    sourced = [v for v in values if v not in record.assumed]
    if sourced and not record.sources:
        yield (
            "sources",
            f"{', '.join(sourced)}: no source given",
            "cite e.g. '- {source: kloop, section: cost}', or list the values under 'assumed'",
        )
    if record.assumed and not record.assumption:
        yield (
            "assumed",
            "assumed values need an 'assumption' saying why",
            "add 'assumption:' with a sentence readers will see",
        )
    if record.assumption and not record.assumed:
        yield (
            "assumption",
            "the assumption names no value",
            "list the assumed values under 'assumed', e.g. 'assumed: [high]'",
        )


# -- limits and pay ----------------------------------------------------------------


@dataclass(frozen=True)
class Bound:
    """The whole numbers a reader may enter for one input."""

    label: str = spec("the input's name on the page and in error messages")
    min: int = spec("smallest accepted value", min=0)
    max: int = spec("largest accepted value", min=0)
    format: Literal["number", "usd"] = spec(
        "how values are written: 'number' or 'usd' (dollars)", default="number"
    )
    sources: list[Citation] = spec(_SOURCES_HELP, default=[])
    assumed: list[Literal["min", "max"]] = spec("the limits no source gives", default=[])
    assumption: str | None = spec(_ASSUMPTION_HELP, default=None, rich=True)

    def check(self):
        if self.min > self.max:
            yield "min", f"min ({self.min}) is greater than max ({self.max})", "swap them"
        yield from _basis(self, ("min", "max"))


@dataclass(frozen=True)
class Choice:
    """An input the reader picks from a list (languages, pay tiers)."""

    label: str = spec("the input's name on the page and in error messages")


@dataclass(frozen=True)
class InputFields:
    """Every input's words and limits, one field per input of calculator/inputs.py."""

    staff: Bound = spec("people running fake accounts")
    accounts_per_person: Bound = spec("fake accounts each person runs; at least 1")
    language: Choice = spec("the language the staff write in")
    russian_extra: Bound = spec(
        "the extra pay for Russian-speaking work that the reader assumes, "
        "in percent of tier pay; no source gives one"
    )
    tier: Choice = spec("the pay tier")
    pay: Bound = spec("a custom monthly pay per person, in whole US dollars")
    bloggers: Bound = spec("bloggers and journalists paid for their audience")
    supervisors: Bound = spec("supervisors")

    def check(self):
        if self.accounts_per_person.min < 1:
            yield "accounts_per_person", "accounts per person must be at least 1", "set min: 1"
        if self.pay.format != "usd":
            yield "pay", "pay is money", "set 'format: usd'"


@dataclass(frozen=True)
class Tier:
    """A monthly pay per person that the sources report, as a range in whole US dollars."""

    __collection__: ClassVar[str] = "tiers"

    id: str = spec("the tier's id, used by --tier and the page; a public interface", key=True, pattern=SLUG)
    label: str = spec("a short name, e.g. 'Typical farm worker'")
    low: int = spec("lowest monthly pay per person, whole US dollars", min=0)
    high: int = spec("highest monthly pay per person, whole US dollars", min=0)
    description: str = spec(
        "what the sources say about this pay, in the site's own words; numbers as {fig:figure-id}", rich=True
    )
    sources: list[Citation] = spec(_SOURCES_HELP, default=[])
    assumed: list[Literal["low", "high"]] = spec("the ends no source gives", default=[])
    assumption: str | None = spec(_ASSUMPTION_HELP, default=None, rich=True)
    figure: str | None = spec(
        "id of the key figure in figures.yaml this pay comes from; the "
        "build checks that the sourced ends agree with it",
        default=None,
        ref="figures",
    )

    def check(self):
        if self.low > self.high:
            yield "low", f"low ({self.low}) is greater than high ({self.high})", "swap them"
        yield from _basis(self, ("low", "high"))


@dataclass(frozen=True)
class PayRange:
    """A monthly pay range per person for a role without a tier of its own."""

    label: str = spec("what the pay is for, e.g. 'Supervisor'")
    low: int = spec("lowest monthly pay per person, whole US dollars", min=0)
    high: int = spec("highest monthly pay per person, whole US dollars", min=0)
    sources: list[Citation] = spec(_SOURCES_HELP, default=[])
    assumed: list[Literal["low", "high"]] = spec("the ends no source gives", default=[])
    assumption: str | None = spec(_ASSUMPTION_HELP, default=None, rich=True)

    def check(self):
        if self.low > self.high:
            yield "low", f"low ({self.low}) is greater than high ({self.high})", "swap them"
        yield from _basis(self, ("low", "high"))


@dataclass(frozen=True)
class Language:
    """A language the people running fake accounts write in, and its effect on tier pay."""

    __collection__: ClassVar[str] = "languages"

    id: str = spec("the language's id, used by --language and the page", key=True, pattern=SLUG)
    label: str = spec("e.g. 'Kyrgyz-speaking'")
    multiplier: float = spec(
        "tier pay is multiplied by this; at most two decimals, 1.0 is neutral", min=0.25, max=4.0
    )
    sources: list[Citation] = spec(_SOURCES_HELP, default=[])
    russian_share: int = spec(
        "how much of the work is in Russian, in percent: the share of the "
        "reader's extra pay for Russian-speaking work that this language "
        "gets (0 for Kyrgyz, 100 for Russian)",
        default=0,
        min=0,
        max=100,
    )
    assumed: list[Literal["multiplier", "russian_share"]] = spec(
        "'multiplier' unless a source gives it; 'russian_share' when the work is partly in Russian",
        default=[],
    )
    assumption: str | None = spec(_ASSUMPTION_HELP, default=None, rich=True)

    @property
    def percent(self) -> int:
        """The multiplier as a whole percentage, so that pay in cents stays an integer."""
        return round(self.multiplier * 100)

    def check(self):
        if abs(self.multiplier * 100 - self.percent) > 1e-6:
            yield (
                "multiplier",
                f"{self.multiplier} has more than two decimals",
                f"use e.g. {self.percent / 100:g}",
            )
        if 0 < self.russian_share < 100 and "russian_share" not in self.assumed:
            yield (
                "russian_share",
                f"a share of {self.russian_share}% of the work in Russian is the editors' assumption",
                "list 'russian_share' under 'assumed' and say why",
            )
        yield from _basis(self, ("multiplier",))


# -- presets and comparisons -------------------------------------------------------

PresetValue: TypeAlias = Literal[PRESET_NAMES]  # type: ignore[valid-type]  # Literal made at run time from inputs.py


@dataclass(frozen=True)
class Preset:
    """A fake-account department the sources describe, as calculator inputs."""

    __collection__: ClassVar[str] = "presets"

    id: str = spec("the preset's id, used by --preset and the page", key=True, pattern=SLUG)
    label: str = spec("a short name shown in the preset list")
    description: str = spec(
        "what the sources say and how the values were chosen, numbers as "
        "{fig:figure-id}; never a price on an allegation against a named "
        "person",
        rich=True,
    )
    staff: int = spec("people running fake accounts", min=0)
    accounts_per_person: int = spec("fake accounts each person runs", min=1)
    language: str = spec("id of a language", pattern=SLUG)
    tier: str | None = spec("id of a pay tier; give either tier or pay", default=None, pattern=SLUG)
    pay: int | None = spec(
        "exact monthly pay per person in whole US dollars; give either tier or pay", default=None, min=0
    )
    bloggers: int = spec("bloggers and journalists paid for their audience", default=0, min=0)
    supervisors: int = spec("supervisors", default=0, min=0)
    sources: list[Citation] = spec(_SOURCES_HELP, default=[])
    assumed: list[PresetValue] = spec("the values no source gives", default=[])
    assumption: str | None = spec(_ASSUMPTION_HELP, default=None, rich=True)

    def values(self) -> tuple[str, ...]:
        """The values this preset sets, each of which is cited or assumed."""
        given = ["staff", "accounts_per_person", "language", "tier" if self.tier else "pay"]
        given += [name for name in ("bloggers", "supervisors") if getattr(self, name)]
        return tuple(given)

    def check(self):
        if (self.tier is None) == (self.pay is None):
            yield (
                "tier",
                "give either a pay tier or a custom pay",
                "write 'tier: entry' or 'pay: 180', not both",
            )
        yield from _basis(self, self.values())


@dataclass(frozen=True)
class Comparison:
    """A figure to set the result beside: a reported pay or spend, or a preset's cost."""

    __collection__: ClassVar[str] = "comparisons"

    id: str = spec("the comparison's id", key=True, pattern=SLUG)
    label: str = spec("what the figure is, completing 'compared with …'")
    period: Literal["month", "year", "once"] = spec(
        "what the figure covers: compared with the monthly cost for 'month' and 'once' (a one-off "
        "purchase), with the yearly cost for 'year'"
    )
    figure: str | None = spec(
        "id of the key figure (figures.yaml) that is the amount, in US "
        "dollars; its words, hedge and sources come with it",
        default=None,
        ref="figures",
    )
    preset: str | None = spec(
        "id of a preset whose central monthly cost is the figure", default=None, pattern=SLUG
    )
    cents: int | None = spec(
        "the figure in cents, filled in when the file is read; never typed", default=None, min=1
    )
    amount_text: str | None = spec(
        "the figure as the story writes it, with its hedge; filled in when the file is read", default=None
    )
    sources: list[Citation] = spec("filled in from the figure when the file is read", default=[])

    json_schema_rules: ClassVar[dict] = {
        "oneOf": [{"required": ["figure"]}, {"required": ["preset"]}],
        "not": {"anyOf": [{"required": ["cents"]}, {"required": ["amount_text"]}, {"required": ["sources"]}]},
    }

    def check(self):
        if (self.figure is None) == (self.preset is None):
            yield "figure", "give either a key figure or a preset", "not both"
        if self.figure is None and self.cents is not None:
            yield (
                "cents",
                "an amount comes from a key figure",
                "remove it, and name the figure with 'figure:'",
            )


@dataclass(frozen=True)
class Som:
    """The estimate in som, at the rate of exchange that one amount implies when a source gives
    it in both currencies: som = dollars × the som figure ÷ the dollar figure."""

    figure: str = spec("id of the key figure (figures.yaml) that gives the amount in som", ref="figures")
    usd_figure: str = spec(
        "id of the key figure that gives the same amount in US dollars, from the same source", ref="figures"
    )
    round_to: int = spec("amounts in som are rounded to the nearest this many som", min=1)
    amount: int | None = spec(
        "the som figure's value; filled in when the file is read, never typed", default=None, min=1
    )
    cents: int | None = spec(
        "the dollar figure's value in cents; filled in when the file is read, never typed",
        default=None,
        min=1,
    )
    amount_text: str | None = spec(
        "the som figure as the story writes it; filled in when the file is read", default=None
    )
    usd_text: str | None = spec(
        "the dollar figure as the story writes it; filled in when the file is read", default=None
    )
    sources: list[Citation] = spec("filled in from the figures when the file is read", default=[])

    json_schema_rules: ClassVar[dict] = {
        "not": {
            "anyOf": [
                {"required": [name]} for name in ("amount", "cents", "amount_text", "usd_text", "sources")
            ]
        },
    }


@dataclass(frozen=True)
class Plural:
    """Words that change with a number, in each form a language has (English: one, other)."""

    one: str = spec("the words after 1 (and, in Russian, 21, 31…)")
    other: str = spec("the words after any other number (and, in Russian, fractions)")
    few: str | None = spec("in languages with such a form, the words after 2–4, 22–24…", default=None)
    many: str | None = spec("in languages with such a form, the words after 0, 5–20, 25…", default=None)


@dataclass(frozen=True)
class Ratio:
    """A ratio in words, in each of the kinds records.numbers.ratio() rounds it to."""

    times: Plural = spec("from 1.05 up: '{ratio} times', with the forms the language needs")
    percent_of: str = spec("below 1, as a share ({ratio} is '45%')")
    same_as: str = spec("close to 1")
    under: str = spec("below half a percent ({ratio} is '1%')")


@dataclass(frozen=True)
class Role:
    """One role of the breakdown: its name on the chart, and the noun the arithmetic counts."""

    label: str = spec("the role on the chart and in its table, e.g. 'Supervisors'")
    one: str = spec("the noun after 1 (and, in Russian, 21, 31…), e.g. 'supervisor'")
    other: str = spec("the noun after any other number, e.g. 'supervisors'")
    few: str | None = spec(
        "in languages with such a form, the noun after 2–4, 22–24…: Russian 'человека'", default=None
    )
    many: str | None = spec(
        "in languages with such a form, the noun after 0, 5–20, 25…: Russian 'человек'", default=None
    )


@dataclass(frozen=True)
class Roles:
    """The roles a monthly cost divides into (the model's breakdown), in the order the chart,
    its table and the arithmetic list them; the browser reads the same."""

    operators: Role = spec("the people running fake accounts")
    bloggers: Role = spec("bloggers and journalists paid for their audience")
    supervisors: Role = spec("supervisors")


@dataclass(frozen=True)
class Notes:
    """Sentences the page shows beside the result, so that readers know how it is made."""

    language: str = spec("that the language effect is an editor's assumption, said plainly")
    central: str = spec("what the midpoint is")
    rounding: str = spec("how money is worked out and rounded")
    per_account: str = spec("what the cost per account divides")
    intro: str = spec("the page's opening paragraph")
    by_hand: str = spec("how to work out a cost without the interactive form")
    formula: str = spec("the formula, in words")
    pay_hint: str = spec("what the custom pay's limits are, under its field; {min} and {max} are the limits")
    russian_extra: str = spec(
        "under the field of extra pay for Russian-speaking work: that it is "
        "the reader's own assumption, what it applies to, and that 0 "
        "changes nothing"
    )
    som: str = spec(
        "where the rate of som to the dollar comes from and how som are rounded: "
        "{rate} is the rate ('84.5 som'), {som} and {usd} the two figures it comes "
        "from, {step} the rounding ('100 som')"
    )
    no_script: str = spec(
        "what the estimate shows before the page's script runs (or without "
        "it); {preset} is the default preset's name"
    )
    no_script_embed: str = spec(
        "the same, in the embed, which has no table or method below it; {preset} is the default preset's name"
    )
    breakdown_title: str = spec("the title of the chart of the monthly cost by role")
    breakdown_summary: str = spec("what that chart shows, for every reader", rich=True)
    breakdown_sources: list[Citation] = spec("where the roles and their pay come from", min_items=1)
    breakdown_roles: Roles = spec("the roles of the chart and the arithmetic")


@dataclass(frozen=True)
class Messages:
    """What the calculator says about a value it cannot use. {label} is the input's label,
    {low} and {high} its limits, {choices} the ids it accepts."""

    at_least: str = spec("a number below the lowest allowed: '{label}: must be at least {low}.'")
    at_most: str = spec("a number above the highest allowed")
    whole_dollars: str = spec("an amount of money with cents")
    empty: str = spec("nothing entered")
    not_number: str = spec("text that is not a number")
    nan: str = spec("'NaN' entered")
    negative: str = spec("a negative number")
    huge: str = spec("a number beyond the range of exact whole numbers")
    fractional: str = spec("a number with a fraction")
    choose_one: str = spec("a choice not given")
    not_one_of: str = spec("a choice not among the choices")
    pay_both: str = spec("both a pay tier and a custom pay given")
    pay_neither: str = spec("neither a pay tier nor a custom pay given")
    summary: Plural = spec("the note over the form listing the problems: {count} and {errors}")
    link_ignored: str = spec("a shared link whose settings cannot be used: {note} is the first problem")
    unknown_preset: str = spec(
        "the {note} of a shared link naming a preset that does not exist: {preset} is the name it gives"
    )
    unknown_setting: str = spec(
        "the {note} of a shared link with a setting the calculator does not have: {setting} is its name"
    )


@dataclass(frozen=True)
class CalculatorWords:
    """The page's short texts, and how a result is put into words by the page and the
    command line alike; {name} marks a slot filled in with a number or a name."""

    title: str = spec("the page's title and main heading")
    description: str = spec("the page's description for search engines and shared links")
    form_heading: str = spec("the heading of the form")
    presets_label: str = spec("what the preset buttons are")
    whole_number_hint: str = spec("under a number field: {min} and {max} are its limits")
    optional: str = spec("the mark of an optional field")
    blogger_hint: str = spec("under the bloggers field: {tier} is the blogger pay tier's name")
    supervisor_hint: str = spec("under the supervisors field: {pay} is the supervisor's pay")
    custom_pay: str = spec("the choice of a pay of one's own")
    result_heading: str = spec("the heading of the estimate")
    monthly: str = spec("the label of the monthly cost")
    yearly: str = spec("the label of the yearly cost")
    accounts: str = spec("the label of the number of fake accounts")
    per_account: str = spec("the label of the monthly cost per account")
    no_accounts: str = spec("the cost per account when no account is run")
    range: str = spec("a cost range and its midpoint: {span}, {midpoint}")
    term: str = spec("one role's cost: {count} people of {role} at {pay} each")
    sum: str = spec("the arithmetic: {terms}, joined by ' + ', make {total}")
    comparisons_heading: str = spec("the heading of the comparisons")
    comparison: str = spec("one comparison: the midpoint {period} cost is {ratio} {label} ({amount})")
    ratio: Ratio = spec(
        "a comparison's ratio, the {ratio} of 'comparison': '5.4 times', "
        "'45% of', 'about the same as', 'less than 1% of'"
    )
    month: str = spec("the {period} of a monthly comparison")
    year: str = spec("the {period} of a yearly comparison")
    copy_link: str = spec("the button that copies a link to the estimate")
    share_text: str = spec("the words shared with a link to the estimate")
    presets_heading: str = spec("the heading of the table of presets")
    presets_intro: str = spec("what the table of presets is")
    preset_column: str = spec("the heading of the presets' column")
    monthly_column: str = spec("the heading of their monthly costs' column")
    arithmetic_column: str = spec("the heading of the column that shows how each cost adds up")
    how_heading: str = spec("the heading of the explanation of the method")
    tiers_heading: str = spec("the heading of the list of pay tiers")
    languages_heading: str = spec("the heading of the list of languages")
    limits_heading: str = spec("the heading of the list of the form's limits")
    comparisons_basis_heading: str = spec("the heading of the list of comparison figures")
    assumption: str = spec("the tag of a value the editors assumed")
    a_month: str = spec("after a monthly amount")
    som: Plural = spec("an amount in som: '{number} som', with the forms the language needs")
    in_som: str = spec("the estimate in som under the dollar figure: {amount} is the amount")
    wage_months: Ratio = spec(
        "how many months of the average wage the midpoint monthly cost "
        "is: {ratio} is the number of months, or the share of one month"
    )
    based_on: str = spec(
        "under the estimate, when the form holds a preset's values: {preset} "
        "is its name (its citations follow)"
    )
    based_on_own: str = spec("under the estimate, once the reader changes a value")
    russian_share: str = spec(
        "in the list of languages: how much of the reader's extra pay for "
        "Russian-speaking work applies, {share} ('50%')"
    )


# -- the file --------------------------------------------------------------------------


@dataclass(frozen=True)
class CalculatorFile:
    """content/calculator.yaml: everything the cost calculator computes with."""

    notes: Notes = spec("sentences shown with the result")
    words: CalculatorWords = spec("the page's short texts, and how results are put into words")
    messages: Messages = spec("what the calculator says about values it cannot use")
    default_preset: str = spec("id of the preset the calculator opens with", pattern=SLUG)
    blogger_tier: str = spec("id of the tier bloggers and journalists are paid at", pattern=SLUG)
    supervisor_pay: PayRange = spec("what a supervisor earns a month")
    inputs: InputFields = spec("every input's label, and the limits of the numbers readers enter")
    tiers: list[Tier] = spec("pay tiers readers choose from, in display order", min_items=1)
    languages: list[Language] = spec("languages readers choose from", min_items=1)
    presets: list[Preset] = spec("departments the sources describe", min_items=1)
    som: Som = spec(
        "the rate at which the estimate is also given in som, from two key figures; "
        "a monthly comparison with the dollar figure says how many months of it the "
        "estimate is"
    )
    comparisons: list[Comparison] = spec("figures to set the result beside", default=[])

    def check(self):
        tiers = {t.id for t in self.tiers}
        languages = {x.id for x in self.languages}
        presets = {p.id: p for p in self.presets}
        if self.default_preset not in presets:
            yield "default_preset", f"unknown preset '{self.default_preset}'", _known(presets)
        if self.blogger_tier not in tiers:
            yield "blogger_tier", f"unknown tier '{self.blogger_tier}'", _known(tiers)
        for preset in self.presets:
            at = f"presets['{preset.id}']"
            if preset.tier is not None and preset.tier not in tiers:
                yield f"{at}.tier", f"unknown tier '{preset.tier}'", _known(tiers)
            if preset.language not in languages:
                yield f"{at}.language", f"unknown language '{preset.language}'", _known(languages)
            for name in (n for n in COUNTED if n in PRESET_NAMES):
                value, bound = getattr(preset, name), getattr(self.inputs, name)
                if value is not None and not bound.min <= value <= bound.max:
                    yield (
                        f"{at}.{name}",
                        f"{value} is outside the calculator's limits {bound.min}–{bound.max}",
                        f"change the preset or inputs.{name}",
                    )
        for comparison in self.comparisons:
            if comparison.preset is not None and comparison.preset not in presets:
                yield (
                    f"comparisons['{comparison.id}'].preset",
                    f"unknown preset '{comparison.preset}'",
                    _known(presets),
                )
        if self.wage_comparison() is None:
            yield (
                "som.usd_figure",
                f"no monthly comparison names figure '{self.som.usd_figure}'",
                "add one under 'comparisons' (period: month): the page says how many months of "
                "that amount the estimate is",
            )
        if tiers and languages and self.blogger_tier in tiers:
            worst = _worst_ratio_numerator(self)
            if worst > MAX_EXACT:
                yield (
                    "inputs",
                    "the largest possible cost is too large to compute exactly in the browser",
                    "lower the inputs' max values",
                )

    def wage_comparison(self) -> Comparison | None:
        """The monthly comparison with the som rate's dollar figure: its ratio is how many
        months of that amount the estimate is."""
        return next(
            (c for c in self.comparisons if c.figure == self.som.usd_figure and c.period == "month"), None
        )


def _known(ids) -> str:
    return "known: " + ", ".join(sorted(ids))


def _worst_ratio_numerator(params: CalculatorFile) -> int:
    """The largest integer the model forms (a comparison's ratio of the largest yearly cost)."""
    amounts = [c.cents for c in params.comparisons if c.cents] or [0]
    return 2 * worst_month(params) * MONTHS * BASIS_POINTS + max(amounts)


def worst_month(params: CalculatorFile) -> int:
    """The largest monthly cost in cents that the inputs' limits allow."""
    bounds = params.inputs
    top_tier = max(t.high for t in params.tiers) * max(x.percent for x in params.languages)
    # the reader's extra pay for Russian, at most the whole bound on all of the work (percent
    # × percent: basis points), rounded up
    top_tier = -(-top_tier * (BASIS_POINTS + bounds.russian_extra.max * 100) // BASIS_POINTS)
    person = max(top_tier, bounds.pay.max * CENTS)
    blogger = max(t.high for t in params.tiers if t.id == params.blogger_tier) * CENTS
    return (
        bounds.staff.max * person
        + bounds.bloggers.max * blogger
        + bounds.supervisors.max * params.supervisor_pay.high * CENTS
    )


def params_to_json(params: CalculatorFile, language: str = "en") -> dict[str, Any]:
    """The parameters as JSON for site/static/js/cost-model.js, which reads every number here.

    The fields are the YAML's, plus each language's `percent` (the multiplier as the integer
    the model multiplies by), `breakdown_roles` in their declared order (the page writes
    JSON with sorted keys, which would lose the order of a mapping), and `declared_inputs`,
    the inputs of calculator/inputs.py in their order, and `language`, the language of the
    words, whose conventions the browser writes numbers in.
    """
    data = dataclasses.asdict(params)
    for choice, item in zip(params.languages, data["languages"], strict=True):
        item["percent"] = choice.percent
    roles = params.notes.breakdown_roles
    data["breakdown_roles"] = [
        {"role": f.name, **dataclasses.asdict(getattr(roles, f.name))} for f in dataclasses.fields(roles)
    ]
    data["declared_inputs"] = [i.to_json() for i in INPUTS]
    data["language"] = language  # the words' language, whose conventions write the numbers
    return data
