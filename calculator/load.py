"""Read content/calculator.yaml, with the key figures beside it, into typed parameters.

The calculator reads its own file with the shared `records` package: every problem gets its
file, line and column, and no web code is loaded. It reads figures.yaml too, because pay tiers
name the key figure they come from and its prose shows figures as {fig:id} tokens; the
terminal gets the figures' words. Citations are the site's to check, against its sources.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from records import prose
from records.errors import ContentError, Problem
from records.facts import ENGLISH, Catalog, Figure, FiguresFile
from records.files import at, cross_check, read_file
from records.numbers import CENTS
from records.schema import Invalid, Reader

from .params import MAX_EXACT, CalculatorFile, worst_month


def load_params(path: Path) -> CalculatorFile:
    """The parameters in `path`, with {fig:id} tokens written out in the figures' words;
    ContentError lists every problem."""
    path = Path(path)
    figures, figures_reader = read_file(path.parent, "figures.yaml", FiguresFile)
    params, reader = read_file(path.parent, path.name, CalculatorFile)
    readers = [figures_reader, reader]
    problems = [p for r in readers for p in r.problems]
    problems += cross_check(readers, checkable={"figures"} if figures is not Invalid else set())
    if not problems:
        problems += figure_problems(params, figures.figures, readers)
    if problems:
        raise ContentError(problems)
    resolved = with_figures(params, figures.figures)
    return _figures_in_words(resolved, {f.id: f.text() for f in figures.figures})


def with_figures(
    params: CalculatorFile, figures: list[Figure], language: str = "en", words: Catalog = ENGLISH
) -> CalculatorFile:
    """The parameters with each comparison's amount, hedge and sources taken from its key
    figure, so a number the story shows is never typed twice; its words in `language`."""
    by_id = {f.id: f for f in figures}

    def label(text: str) -> str:  # a label is put into sentences as it is: its figures in words
        return prose.FIGURE_TOKEN.sub(lambda m: by_id[m.group(1)].text(language, words), text)

    comparisons = [
        dataclasses.replace(c, label=label(c.label))
        if c.figure is None or by_id[c.figure].value is None  # a range: reported, not computed
        else dataclasses.replace(
            c,
            label=label(c.label),
            cents=round(_single_value(by_id[c.figure]) * CENTS),
            amount_text=by_id[c.figure].text(language, words),
            sources=list(by_id[c.figure].sources),
        )
        for c in params.comparisons
    ]
    som, usd = by_id.get(params.som.figure), by_id.get(params.som.usd_figure)
    rate = params.som
    if som and usd and som.value and usd.value:  # else som_rate_problems says what is wrong
        rate = dataclasses.replace(
            rate,
            amount=round(som.value),
            cents=round(usd.value * CENTS),
            amount_text=som.text(language, words),
            usd_text=usd.text(language, words),
            sources=list(dict.fromkeys([*som.sources, *usd.sources])),
        )
    return dataclasses.replace(params, comparisons=comparisons, som=rate)


def _single_value(figure: Figure) -> float:
    """The one number a figure gives: the calculator names no figure that gives a range."""
    assert figure.value is not None, f"figure '{figure.id}' gives a range, not one value"
    return figure.value


def figure_problems(params: CalculatorFile, figures: list[Figure], readers: list[Reader]) -> list[Problem]:
    """Every problem between the calculator's parameters and the key figures they name."""
    return (
        tiers_match_figures(params, figures, readers)
        + comparisons_name_amounts(figures, readers)
        + som_rate_problems(params, figures, readers)
    )


def figure_references(readers: list[Reader], under: str) -> dict[str, Any]:
    """Where the file names each key figure, by the field that names it, for the fields whose
    path starts with `under` ("tiers[", "som."): a problem with a figure points there."""
    return {
        use.problem_at.field: use
        for r in readers
        for use in r.refs
        if use.collection == "figures" and use.problem_at.field.startswith(under)
    }


def tiers_match_figures(
    params: CalculatorFile, figures: list[Figure], readers: list[Reader]
) -> list[Problem]:
    """A pay tier that names its key figure must agree with it at every end a source gives:
    the calculator and the story then cannot drift apart."""
    by_id = {f.id: f for f in figures}
    places = figure_references(readers, "tiers[")
    problems = []
    for tier in params.tiers:
        if tier.figure not in by_id:
            continue  # none named, or an unknown one, which is reported on its own
        f = by_id[tier.figure]
        reported = dict(zip(("low", "high"), f.bounds, strict=True))
        for end in ("low", "high"):
            if end not in tier.assumed and getattr(tier, end) != reported[end]:
                problems.append(
                    at(
                        places[f"tiers['{tier.id}'].figure"],
                        f"tier '{tier.id}' has {end} {getattr(tier, end)} but figure "
                        f"'{f.id}' says {reported[end]:g}",
                        "make them agree, or list the end under 'assumed'",
                    )
                )
    return problems


def comparisons_name_amounts(figures: list[Figure], readers: list[Reader]) -> list[Problem]:
    """A comparison sets the estimate beside one amount: the figure it names gives one value,
    not a range."""
    by_id = {f.id: f for f in figures}
    return [
        at(
            use,
            f"figure '{use.value}' is a range; a comparison needs one amount",
            "name a figure with a single 'value'",
        )
        for field, use in figure_references(readers, "comparisons[").items()
        if field.endswith(".figure") and use.value in by_id and by_id[use.value].value is None
    ]


def som_rate_problems(params: CalculatorFile, figures: list[Figure], readers: list[Reader]) -> list[Problem]:
    """The rate of som to the dollar comes from one amount a source gives in both currencies:
    a figure in whole som and one in US dollars (to the cent), each a single value, citing a
    source in common, and every estimate converts exactly in the browser too."""
    by_id = {f.id: f for f in figures}
    places = figure_references(readers, "som.")
    problems = []

    def problem(field: str, message: str, hint: str) -> None:
        problems.append(at(places[f"som.{field}"], message, hint))

    named = {"figure": ("som", "a whole number of som"), "usd_figure": ("usd", "US dollars and whole cents")}
    for field, (kind, unit) in named.items():
        f = by_id.get(getattr(params.som, field))
        if f is None:
            continue  # an unknown figure is reported on its own
        if f.format != kind:
            problem(
                field,
                f"figure '{f.id}' is written as {f.format}, not {kind}",
                f"name a figure with 'format: {kind}'",
            )
        elif f.value is None:
            problem(
                field,
                f"figure '{f.id}' is a range; a rate needs one amount",
                "name a figure with a single 'value'",
            )
        elif abs((units := f.value * (CENTS if kind == "usd" else 1)) - round(units)) > 1e-6:
            problem(
                field, f"figure '{f.id}' ({f.value:g}) is not {unit}", f"name a figure whose value is {unit}"
            )
    som, usd = by_id.get(params.som.figure), by_id.get(params.som.usd_figure)
    if problems or som is None or usd is None:
        return problems
    if not {(c.source, c.section) for c in som.sources} & {(c.source, c.section) for c in usd.sources}:
        problem(
            "usd_figure",
            f"figures '{som.id}' and '{usd.id}' cite no source in common",
            "name two figures that one source gives for the same amount, in som and in US dollars",
        )
    elif (
        2 * worst_month(params) * round(_single_value(som))
        + round(_single_value(usd) * CENTS) * params.som.round_to
        > MAX_EXACT
    ):
        problem(
            "figure",
            "the largest possible cost in som is too large to compute exactly in the browser",
            "lower the inputs' max values",
        )
    return problems


def _figures_in_words(value: Any, words: dict[str, str]) -> Any:
    if isinstance(value, str):
        return prose.FIGURE_TOKEN.sub(lambda m: words[m.group(1)], value)
    if isinstance(value, list):
        return [_figures_in_words(item, words) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value,
            **{
                f.name: _figures_in_words(getattr(value, f.name), words)
                for f in dataclasses.fields(value)
                if f.init
            },
        )
    return value
