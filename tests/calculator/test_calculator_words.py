"""What the calculator's words and parameters become: {fig:id} tokens written out, the rate of
som in each language's plural forms, the inputs as the page reads them, and a broken figures
file reported once, not as a cascade of unknown figures."""

from __future__ import annotations

import dataclasses

import pytest

from calculator.cli import load_params
from calculator.describe import som_note
from calculator.inputs import INPUTS
from calculator.params import Plural
from records.errors import ContentError
from tests.conftest import FIXTURE_CALCULATOR

FORMS = Plural(one="{number} ONE", other="{number} OTHER", few="{number} FEW", many="{number} MANY")


def test_figure_tokens_are_written_in_the_figures_words(calculator_params):
    entry = calculator_params.tiers[0]
    assert entry.description == (
        "A source who works for one of the parties said a farm could "
        "hire people for $100–150 a month, each of them running five "
        "fake accounts."
    )
    assert calculator_params.presets[0].description.startswith(
        "The party source's typical farm: 10 to 15 people at $100–150 a month,"
    )
    assert "{fig:" not in repr(calculator_params)


def with_rate(params, amount: int, cents: int):
    """The parameters with another rate of som to the dollar, and words with every plural form."""
    return dataclasses.replace(
        params,
        som=dataclasses.replace(params.som, amount=amount, cents=cents),
        words=dataclasses.replace(params.words, som=FORMS),
    )


@pytest.mark.parametrize(
    ("amount", "cents", "language", "rate", "step"),
    [
        (2, 100, "ru", "2 FEW", "100 MANY"),
        (2, 100, "en", "2 OTHER", "100 OTHER"),
        (3, 200, "ru", "1,5 OTHER", "100 MANY"),
        (1, 100, "en", "1 ONE", "100 OTHER"),
        (21, 100, "ru", "21 ONE", "100 MANY"),
    ],
)
def test_the_som_note_writes_the_rate_in_the_languages_forms(
    calculator_params, amount, cents, language, rate, step
):
    note = som_note(with_rate(calculator_params, amount, cents), language)
    assert note.startswith(f"At {rate} to the dollar: ")
    assert note.endswith(f"Amounts in som are rounded to the nearest {step}.")


def test_the_inputs_as_the_page_reads_them():
    assert INPUTS[0].to_json() == {
        "name": "staff",
        "query": "staff",
        "kind": "count",
        "choices": None,
        "pay": False,
        "optional": False,
        "preset": True,
    }
    by_name = {i.name: i.to_json() for i in INPUTS}
    assert set(by_name["tier"]) == {"name", "query", "kind", "choices", "pay", "optional", "preset"}


def test_a_broken_figures_file_is_reported_once(tmp_path):
    for name in ("figures.yaml", "calculator.yaml"):
        (tmp_path / name).write_text(
            FIXTURE_CALCULATOR.with_name(name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "figures.yaml").write_text("figures: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_params(tmp_path / "calculator.yaml")
    problems = [str(p) for p in error.value.problems]
    assert len(problems) == 1, problems
    assert "figures.yaml:2:1: YAML syntax error" in problems[0]
