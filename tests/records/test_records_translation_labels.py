"""A chart's labels are translated each under the id of the figure it labels: what a
translator sees when one is missing, written as a list, or given under an id the chart does
not draw, and what the Russian edition then shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakefarms.content import load_content
from fakefarms.content.loader import gather
from fakefarms.content.translations import update
from records.translation import Untranslated
from tests.fixturecontent import pseudo, translated_copy
from tests.test_content_errors import problems_for

ENGLISH = ["Pay a month", "Accounts analysed"]


@pytest.fixture
def labelled(tmp_path) -> Path:
    """The translated fixture, its 'pay' chart (figures pay and analysed) given English labels
    that the Russian file does not translate yet."""
    directory = translated_copy(tmp_path / "content")
    charts = directory / "charts.yaml"
    text = charts.read_text(encoding="utf-8")
    old = "    figures: [pay, analysed]\n"
    assert old in text, "the fixture's 'pay' chart no longer draws pay and analysed"
    charts.write_text(text.replace(old, old + f"    labels: [{', '.join(ENGLISH)}]\n", 1), encoding="utf-8")
    return directory


def _russian_labels(directory: Path, lines: str) -> None:
    """Write `lines` as the Russian 'pay' chart's labels."""
    ru = directory / "ru" / "charts.yaml"
    text = ru.read_text(encoding="utf-8")
    assert "- id: pay\n" in text
    ru.write_text(text.replace("- id: pay\n", "- id: pay\n" + lines, 1), encoding="utf-8")


def _where(problem) -> str:
    """A problem as the check prints it, from the language folder on."""
    return str(problem).split("/content/", 1)[1]


def test_labels_not_translated_yet_are_named_one_by_one_at_their_chart(labelled):
    content = load_content(labelled)
    chart_warnings = sorted(_where(w) for w in content.warnings if "charts.yaml" in w.path)
    # the Russian file has no labels: each is placed at the chart's item (line 2, column 3)
    assert chart_warnings == [
        f"ru/charts.yaml:2:3: charts['pay'].labels['{figure}']: warning: not translated yet: its "
        "pages show the English, marked, until it is (translate it; python build.py translate "
        "LANGUAGE FILE prints the texts to start from, and python build.py translations lists "
        "what is left)"
        for figure in ("analysed", "pay")
    ]
    labels = content.translations["ru"].charts["pay"].labels
    assert labels == ENGLISH and all(isinstance(label, Untranslated) for label in labels)
    # the rest of the chart stays translated
    assert content.translations["ru"].charts["pay"].title == pseudo("Pay varies")


def test_translated_labels_are_shown_under_the_figures_they_label(labelled):
    # given in the other order than the figures: each still labels its own figure
    _russian_labels(
        labelled, f"  labels:\n    analysed: {pseudo(ENGLISH[1])}\n    pay: {pseudo(ENGLISH[0])}\n"
    )
    update(labelled)
    content = load_content(labelled)
    assert [w for w in content.warnings if "charts.yaml" in w.path] == []
    labels = content.translations["ru"].charts["pay"].labels
    assert labels == [pseudo(label) for label in ENGLISH]
    assert not any(isinstance(label, Untranslated) for label in labels)


def test_labels_written_as_a_list_are_an_error_naming_the_ids(labelled):
    _russian_labels(labelled, "  labels: [Оплата, Аккаунты]\n")
    assert [_where(p) for p in problems_for(labelled)] == [
        "ru/charts.yaml:3:11: charts['pay'].labels: expected each label under the id it labels "
        "(write 'figure-id: label' lines, one for each of: pay, analysed)"
    ]


def test_a_label_under_an_id_the_chart_does_not_draw_is_an_error(labelled):
    _russian_labels(labelled, f"  labels:\n    pay: {pseudo(ENGLISH[0])}\n    analyzed: Аккаунты\n")
    assert [_where(p) for p in problems_for(labelled)] == [
        "ru/charts.yaml:5:5: charts['pay'].labels['analyzed']: no label for 'analyzed' in the "
        "original (labels are tied to ids: use one of pay, analysed)"
    ]


def test_a_broken_label_leaves_the_whole_file_in_english(labelled):
    """A label that adds a token is an error, and meanwhile the checks on the site see the
    charts in English, never a chart with a hole where that label was."""
    _russian_labels(
        labelled, f"  labels:\n    pay: {pseudo(ENGLISH[0])} {{fig:pay}}\n    analysed: Аккаунты\n"
    )
    content, problems = gather(labelled)
    assert [_where(p) for p in problems] == [
        "ru/charts.yaml:4:10: charts['pay'].labels['pay']: the translation does not keep the "
        "original's tokens and links (the original has no {…} tokens or site links: remove them)"
    ]
    chart = content.translations["ru"].charts["pay"]
    assert chart.labels == ENGLISH and chart.title == "Pay varies"
    assert all(isinstance(text, Untranslated) for text in [*chart.labels, chart.title])
