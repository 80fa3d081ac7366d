"""The calculator's comparisons and its rate of som to the dollar take their amounts, words
and sources from the key figures they name: in the terminal (English), and on the site in each
language, where a figure in a label is written in that language's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculator.load import load_params
from fakefarms.content import load_content
from records.errors import UserError
from records.facts import Citation
from tests.test_content_errors import problems_for


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_comparisons_and_the_rate_take_their_words_from_the_figures_in_russian(content):
    calculator = content.translations["ru"].calculator
    comparisons = {c.id: c for c in calculator.comparisons}
    assert comparisons["pro-atambayev-worker"].amount_text == "350 долларов"
    assert comparisons["nato-stratcom-purchase"].amount_text == "около 333 долларов"
    assert comparisons["ira-2016"].amount_text == "12 млн долларов"
    # a figure in a label, in Russian words (the rest of the label is the pseudo-translation)
    assert comparisons["average-wage"].label.endswith("2021, 19\u00a0395 сомов⟧")
    assert calculator.som.amount_text == "19\u00a0395 сомов"
    assert calculator.som.usd_text == "229,5 доллара"
    assert (calculator.som.amount, calculator.som.cents) == (19395, 22950)


def test_labels_show_figures_in_words_on_the_site(content):
    """The site's calculator gets its labels with figures written out, as the terminal does."""
    labels = {c.id: c.label for c in content.calculator.comparisons}
    assert (
        labels["average-wage"]
        == "the average monthly wage in Kyrgyzstan in the first half of 2021, 19,395 som"
    )
    assert not any("{fig:" in label for label in labels.values())


def test_comparisons_and_the_rate_cite_the_figures_sources(content):
    for calculator in (content.calculator, content.translations["ru"].calculator):
        comparisons = {c.id: c for c in calculator.comparisons}
        assert comparisons["pro-atambayev-worker"].sources == [Citation("kloop", "presidents")]
        assert comparisons["ira-2016"].sources == [Citation("doj-2018", "report")]
        assert comparisons["typical-party-farm"].sources == []  # a preset: no figure
        # the two figures cite the same section once
        assert calculator.som.sources == [Citation("wages-2021", "report")]


def test_a_figure_in_the_label_of_a_comparison_without_figure_is_written_out(content_copy):
    _replace(
        content_copy / "calculator.yaml",
        "label: the midpoint monthly cost of a typical party farm of 10 people\n",
        "label: the midpoint monthly cost of a typical party farm of 10 people at {fig:pay}\n",
    )
    content = load_content(content_copy)
    label = {c.id: c.label for c in content.calculator.comparisons}["typical-party-farm"]
    assert label == "the midpoint monthly cost of a typical party farm of 10 people at $100–150"


def test_the_terminal_writes_figures_in_english(content_copy):
    """Dollars in running English are grouped by thousands ($3,330), as Russian does not
    (3330 долларов): the calculator's default language is English itself."""
    _replace(content_copy / "figures.yaml", "    value: 333\n", "    value: 3330\n")
    params = load_params(content_copy / "calculator.yaml")
    comparison = {c.id: c for c in params.comparisons}["nato-stratcom-purchase"]
    assert comparison.amount_text == "about $3,330"
    assert comparison.cents == 333_000
    assert params.som.amount_text == "19,395 som" and params.som.usd_text == "$229.5"


def test_a_rate_from_a_range_is_reported_not_computed(content_copy):
    """The site reads its content to report every problem at once: a som figure that gives a
    range is reported at the line that names it, and no rate is worked out from it."""
    _replace(content_copy / "figures.yaml", "    value: 19395\n", "    low: 19000\n    high: 19395\n")
    problems = [p.split(": ", 1)[1] for p in problems_for(content_copy) if "som." in p]
    assert problems == [
        "som.figure: figure 'wage-som' is a range; a rate needs one amount "
        "(name a figure with a single 'value')"
    ]


def test_a_comparison_with_a_range_is_reported_not_computed(content_copy):
    """A comparison sets the estimate beside one amount: one that names a figure giving a
    range is reported at the line that names it, by the calculator and by the site alike,
    instead of stopping either with an internal error."""
    _replace(content_copy / "calculator.yaml", "    figure: worker-pay\n", "    figure: pay\n")
    lines = (content_copy / "calculator.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("    figure: pay", lines.index("  - id: pro-atambayev-worker")) + 1
    expected = (
        f"calculator.yaml:{line}:13: comparisons['pro-atambayev-worker'].figure: figure 'pay' is a "
        "range; a comparison needs one amount (name a figure with a single 'value')"
    )
    assert [p for p in problems_for(content_copy) if "comparisons[" in p] == [f"{content_copy / expected}"]
    with pytest.raises(UserError) as raised:
        load_params(content_copy / "calculator.yaml")
    assert expected in str(raised.value)
