"""What the calculator's words and parameters become: {fig:id} tokens written out, the rate of
som in each language's plural forms, the inputs as the page reads them, and a broken figures
file reported once, not as a cascade of unknown figures."""

from __future__ import annotations

import dataclasses

import pytest

from calculator import estimate, params_to_json, validate
from calculator.cli import catalogue, load_params
from calculator.describe import (
    arithmetic,
    comparison_texts,
    range_text,
    ratio_text,
    som_note,
    som_text,
    wage_months,
)
from calculator.inputs import INPUTS
from calculator.params import Plural
from records.errors import ContentError
from tests.conftest import FIXTURE_CALCULATOR

FORMS = Plural(one="{number} ONE", other="{number} OTHER", few="{number} FEW", many="{number} MANY")


def test_figure_tokens_are_written_out_in_the_figures_words():
    calculator_params = load_params(FIXTURE_CALCULATOR)  # not the shared fixture: loaded here
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


def test_english_is_the_default_language(calculator_params):
    inputs, _ = validate(
        calculator_params, {"staff": 12, "accounts_per_person": 5, "tier": "top", "language": "kyrgyz"}
    )
    result = estimate(calculator_params, inputs)
    assert arithmetic(calculator_params, result) == arithmetic(calculator_params, result, "en")
    assert arithmetic(calculator_params, result, "ru") != arithmetic(calculator_params, result)
    assert comparison_texts(calculator_params, result) == comparison_texts(calculator_params, result, "en")
    assert range_text(calculator_params, result.yearly) == "$144,000–432,000 (midpoint $288,000)"
    assert ratio_text(calculator_params.words.ratio, 54_000) == "5.4 times"
    assert som_text(calculator_params, result) == som_text(calculator_params, result, "en")
    assert wage_months(calculator_params, result) == wage_months(calculator_params, result, "en")
    assert params_to_json(calculator_params)["language"] == "en"
    assert params_to_json(calculator_params, "ru")["language"] == "ru"


def test_a_language_that_is_not_assumed_says_nothing_of_it(calculator_params):
    languages = [dataclasses.replace(x, assumed=[]) for x in calculator_params.languages]
    text = catalogue(dataclasses.replace(calculator_params, languages=languages))
    assert "  kyrgyz                    Kyrgyz-speaking, tier pay × 1.0\n" in text
    assert "(assumed)" not in text


def test_a_preset_with_bloggers_and_supervisors_lists_both(calculator_params):
    presets = [dataclasses.replace(calculator_params.presets[0], bloggers=2, supervisors=1)]
    text = catalogue(dataclasses.replace(calculator_params, presets=presets))
    assert "staff 10 × 5 accounts, tier entry, 2 bloggers, 1 supervisors\n" in text


def test_each_role_takes_the_plural_form_of_the_language(calculator_params):
    roles = calculator_params.notes.breakdown_roles
    operators = dataclasses.replace(roles.operators, one="ONE", other="OTHER")
    params = dataclasses.replace(
        calculator_params,
        notes=dataclasses.replace(
            calculator_params.notes, breakdown_roles=dataclasses.replace(roles, operators=operators)
        ),
    )
    inputs, _ = validate(
        params, {"staff": 21, "accounts_per_person": 5, "tier": "entry", "language": "kyrgyz"}
    )
    result = estimate(params, inputs)
    assert "21 ONE" in arithmetic(params, result, "ru")  # 21 takes Russian's 'one' form
    assert "21 OTHER" in arithmetic(params, result, "en")
