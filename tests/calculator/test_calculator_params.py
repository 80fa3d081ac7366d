"""calculator.yaml: typed, sourced, checked, and mirrored for the browser.

The loader's messages and the JSON for the browser are locked on the fixture parameters
(tests/fixtures/content/calculator.yaml). Whether the shipped content/calculator.yaml is
consistent (it loads, its tiers agree with their key figures, every preset computes, every
citation resolves) is an editorial check, in tests/test_editorial.py; its amounts are the
editors' to change.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
import yaml

from calculator import estimate, params_to_json, validate
from calculator.cli import load_params
from calculator.params import MAX_EXACT, MONTHS, CalculatorFile, worst_month
from records.facts import Citation
from records.numbers import BASIS_POINTS, CENTS
from tests.calculator.vectors import FIXTURE_PARAMS, problems, variant
from tests.conftest import FIXTURE_CALCULATOR


def load_problems(
    folder: Path, old: str = "", new: str = "", figures: dict[str, str] | None = None
) -> list[str]:
    """The problems the loader reports with one change to the fixture's calculator.yaml (`old`
    to `new`, its first place) and changes to its key figures (each text once), in `folder`."""
    from fakefarms.content import ContentError

    folder.mkdir(exist_ok=True)
    text = FIXTURE_CALCULATOR.read_text(encoding="utf-8")
    assert old in text, old
    (folder / "calculator.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copy(FIXTURE_CALCULATOR.parent / "sources.yaml", folder)  # citations
    figures_text = (FIXTURE_CALCULATOR.parent / "figures.yaml").read_text(encoding="utf-8")  # {fig:id}
    for before, after in (figures or {}).items():
        assert figures_text.count(before) == 1, before
        figures_text = figures_text.replace(before, after)
    (folder / "figures.yaml").write_text(figures_text, encoding="utf-8")
    try:
        load_params(folder / "calculator.yaml")
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


def _citations(value):
    if isinstance(value, Citation):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _citations(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            yield from _citations(item)


# -- the fixture: the loader and the browser's JSON ------------------------------------


def test_the_vectors_default_to_the_fixture_the_tests_use():
    assert FIXTURE_PARAMS == FIXTURE_CALCULATOR


def test_the_fixture_and_its_variant_have_no_problems(calculator_params):
    assert problems(calculator_params) == []
    assert problems(variant(calculator_params)) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "default_preset: typical-party-farm",
            "default_preset: typical-farm",
            "default_preset: unknown preset 'typical-farm' (known: election-2015-team, one-admin, "
            "one-blogger, opendemocracy-team, pro-atambayev-worker, typical-party-farm, "
            "typical-party-farm-large)",
        ),
        (
            "blogger_tier: blogger",
            "blogger_tier: bloggers",
            "blogger_tier: unknown tier 'bloggers' (known: blogger, entry, experienced, negotiated, top)",
        ),
        ("    format: usd\n", "", "inputs.pay: pay is money (set 'format: usd')"),
        (
            "    label: People running fake accounts\n    min: 0\n",
            "    label: People running fake accounts\n    min: 20000\n",
            "inputs.staff.min: min (20000) is greater than max (10000) (swap them)",
        ),
        (
            "  low: 350\n  high: 1000\n",
            "  low: 2000\n  high: 1000\n",
            "supervisor_pay.low: low (2000) is greater than high (1000) (swap them)",
        ),
        (
            "  assumed: [low, high]\n  assumption: >-\n    No source says what a supervisor earns. "
            "The editors assume at least the {fig:worker-pay} a month of the\n"
            "    one worker Kloop interviewed, and at most $1,000, the top of the usual negotiated range.\n",
            "  assumed: [low, high]\n",
            "supervisor_pay.assumed: assumed values need an 'assumption' saying why (add 'assumption:' "
            "with a sentence readers will see)",
        ),
        (
            "    label: Fake accounts per person\n    min: 1\n",
            "    label: Fake accounts per person\n    min: 0\n",
            "inputs.accounts_per_person: accounts per person must be at least 1 (set min: 1)",
        ),
        (
            "    low: 100\n    high: 150\n",
            "    low: 150\n    high: 100\n",
            "tiers['entry'].low: low (150) is greater than high (100) (swap them)",
        ),
        (
            "    multiplier: 1.0\n",
            "    multiplier: 1.155\n",
            "languages['kyrgyz'].multiplier: 1.155 has more than two decimals (use e.g. 1.16)",
        ),
        (
            "    multiplier: 1.0\n",
            "    multiplier: 9\n",
            "languages['kyrgyz'].multiplier: 9.0 is above the maximum 4.0 (use 4.0 or less)",
        ),
        (
            "    staff: 10\n    accounts_per_person: 5\n    language: both\n    tier: entry\n",
            "    staff: 10\n    accounts_per_person: 5\n    language: both\n    tier: entri\n",
            "presets['typical-party-farm'].tier: unknown tier 'entri' (known: blogger, entry, experienced, "
            "negotiated, top)",
        ),
        (
            "    staff: 10\n    accounts_per_person: 5\n    language: both\n",
            "    staff: 10\n    accounts_per_person: 5\n    language: uzbek\n",
            "presets['typical-party-farm'].language: unknown language 'uzbek' (known: both, kyrgyz, russian)",
        ),
        (
            "    preset: typical-party-farm\n",
            "    preset: typical-farm\n",
            "comparisons['typical-party-farm'].preset: unknown preset 'typical-farm' (known: "
            "election-2015-team, one-admin, one-blogger, opendemocracy-team, pro-atambayev-worker, "
            "typical-party-farm, typical-party-farm-large)",
        ),
        (
            "    staff: 8\n",
            "    staff: 20000\n",
            "presets['election-2015-team'].staff: 20000 is outside the calculator's limits 0–10000 (change "
            "the preset or inputs.staff)",
        ),
        (
            "    pay: 180\n",
            "    pay: 180\n    tier: entry\n",
            "presets['opendemocracy-team'].tier: give either a pay tier or a custom pay (write 'tier: "
            "entry' or 'pay: 180', not both)",
        ),
        (
            "    assumed: [low]\n",
            "",
            "tiers['top'].assumption: the assumption names no value (list the assumed values under "
            "'assumed', e.g. 'assumed: [high]')",
        ),
        ("  - id: experienced\n", "  - id: entry\n", "duplicate id 'entry'"),
        (
            "    sources:\n      - {source: kloop, section: cost}\n    assumed: [low]\n",
            "    assumed: [low]\n",
            "tiers['top'].sources: high: no source given",
        ),
        (
            "    multiplier: 1.0\n    sources:\n      - {source: kloop, section: cost}\n"
            "    assumed: [multiplier]\n",
            "    multiplier: 1.0\n",
            "languages['kyrgyz'].sources: multiplier: no source given",
        ),
        (
            "    russian_share: 50\n    sources:\n      - {source: kloop, section: cost}\n"
            "    assumed: [multiplier, russian_share]",
            "    russian_share: 1\n    sources:\n      - {source: kloop, section: cost}\n"
            "    assumed: [multiplier]",
            "languages['both'].russian_share: a share of 1% of the work in Russian is the editors' "
            "assumption",
        ),
        (
            "    pay: 180\n    sources:\n      - {source: opendemocracy-2020, section: report}\n"
            "    assumed: [accounts_per_person, pay, language]\n",
            "    pay: 180\n    assumed: [accounts_per_person, language]\n",
            "presets['opendemocracy-team'].sources: staff, pay: no source given",
        ),
        (
            "    sources:\n      - {source: kloop, section: presidents}\n    assumed: [accounts",
            "    assumed: [accounts",
            "presets['pro-atambayev-worker'].sources: staff, tier: no source given (cite e.g. '- {source: "
            "kloop, section: cost}', or list the values under 'assumed')",
        ),
        (
            "    figure: worker-pay\n",
            "    figure: worker-pay\n    preset: one-admin\n",
            "comparisons['pro-atambayev-worker'].figure: give either a key figure or a preset (not both)",
        ),
        (
            "    figure: worker-pay\n",
            "    cents: 35000\n",
            "comparisons['pro-atambayev-worker'].cents: an amount comes from a key figure (remove it, and "
            "name the figure with 'figure:')",
        ),
        (
            "    figure: worker-pay\n",
            "    figure: worker-pai\n",
            "comparisons['pro-atambayev-worker'].figure: unknown figure 'worker-pai' (did you mean "
            "'worker-pay'?)",
        ),
        (
            "    max: 10000\n",
            "    max: 1000000000\n",
            "inputs: the largest possible cost is too large to compute exactly in the browser "
            "(lower the inputs' max values)",
        ),
        (
            "  staff:\n    label",
            "  staf:\n    label",
            "inputs.staf: unknown field 'staf' (did you mean 'staff'?)",
        ),
        # the rate of som to the dollar: two figures of one amount, a som one and a dollar one
        (
            "  figure: wage-som\n",
            "  figure: wage-sum\n",
            "som.figure: unknown figure 'wage-sum' (did you mean 'wage-som'?)",
        ),
        (
            "  figure: wage-som\n",
            "  figure: analysed\n",
            "som.figure: figure 'analysed' is written as number, not som (name a figure with 'format: som')",
        ),
        (
            "  figure: wage-som\n",
            "  figure: pay\n",
            "som.figure: figure 'pay' is written as usd, not som (name a figure with 'format: som')",
        ),
        (
            "  usd_figure: wage-usd\n",
            "  usd_figure: worker-pay\n",
            "som.usd_figure: figures 'wage-som' and 'worker-pay' cite no source in common (name two "
            "figures that one source gives for the same amount, in som and in US dollars)",
        ),
        (
            "    figure: wage-usd\n",
            "    figure: beginner-pay\n",
            "som.usd_figure: no monthly comparison names figure 'wage-usd' (add one under 'comparisons' "
            "(period: month): the page says how many months of that amount the estimate is)",
        ),
        ("  round_to: 100\n", "  round_to: 0\n", "som.round_to: 0 is below the minimum 1 (use 1 or more)"),
        (
            "  round_to: 100\n",
            "",
            "som.round_to: missing required field 'round_to' (amounts in som are rounded to the nearest "
            "this many som)",
        ),
        (
            "  - id: both\n    label: Kyrgyz and Russian\n    multiplier: 1.0\n    russian_share: 50\n"
            "    sources:\n      - {source: kloop, section: cost}\n    assumed: [multiplier, russian_share]",
            "  - id: both\n    label: Kyrgyz and Russian\n    multiplier: 1.0\n    russian_share: 50\n"
            "    sources:\n      - {source: kloop, section: cost}\n    assumed: [multiplier]",
            "languages['both'].russian_share: a share of 50% of the work in Russian is the editors' "
            "assumption (list 'russian_share' under 'assumed' and say why)",
        ),
        (
            "  russian_extra:\n    label: Extra pay for Russian-speaking work, your assumption (%)\n"
            "    min: 0\n    max: 100\n",
            "  russian_extra:\n    label: Extra pay for "
            "Russian-speaking work, your assumption (%)\n    min: 0\n    max: 1000000000\n",
            "inputs: the largest possible cost is too large to compute exactly in the browser "
            "(lower the inputs' max values)",
        ),
    ],
)
def test_the_loader_reports_mistakes_with_their_line(tmp_path, old, new, expected):
    found = load_problems(tmp_path, old, new)
    assert any(expected in p for p in found), found
    assert all(p.startswith(f"{tmp_path / 'calculator.yaml'}:") or "calculator.yaml:" in p for p in found)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    value: 229.5\n",
            "    low: 229.5\n    high: 230\n",
            "som.usd_figure: figure 'wage-usd' is a range; a rate needs one amount",
        ),
        (
            "    value: 229.5\n",
            "    value: 229.555\n",
            "som.usd_figure: figure 'wage-usd' (229.555) is not US dollars and whole cents",
        ),
        (
            "    value: 19395\n",
            "    value: 19395.5\n",
            "som.figure: figure 'wage-som' (19395.5) is not a whole number of som",
        ),
    ],
)
def test_the_som_rate_needs_one_whole_amount_in_each_currency(tmp_path, old, new, expected):
    found = load_problems(tmp_path, figures={old: new})
    assert any(f"{tmp_path / 'calculator.yaml'}:" in p and expected in p for p in found), found


def test_json_schema_can_be_exported():
    from records.schema import json_schema

    schema = json_schema(CalculatorFile, "calculator.yaml")
    assert {"Tier", "Preset", "Language", "Bound", "Citation"} <= set(schema["$defs"])
    assert schema["$defs"]["Tier"]["properties"]["id"]["pattern"]


def test_params_json_has_every_number_the_browser_needs(calculator_params):
    data = json.loads(json.dumps(params_to_json(calculator_params), allow_nan=False))
    assert [x["percent"] for x in data["languages"]] == [100, 100, 100]
    assert data["inputs"]["staff"] == {**data["inputs"]["staff"], "min": 0, "max": 10000}
    assert {t["id"] for t in data["tiers"]} == {"entry", "experienced", "negotiated", "top", "blogger"}


# -- citations --------------------------------------------------------------------------


def test_every_citation_names_a_known_source_section():
    sources = yaml.safe_load((FIXTURE_CALCULATOR.parent / "sources.yaml").read_text(encoding="utf-8"))
    sections = {(s["id"], x["id"]) for s in sources["sources"] for x in s["sections"]}
    cited = {(c.source, c.section) for c in _citations(load_params(FIXTURE_CALCULATOR))}
    assert cited and cited <= sections, cited - sections


def _som_problems(folder: Path, som: int, usd: float) -> list[str]:
    """The loader's problems with the cost in som when the wage the rate comes from is `som`
    in som and `usd` in US dollars."""
    changes = {"    value: 19395\n": f"    value: {som}\n", "    value: 229.5\n": f"    value: {usd}\n"}
    return [p for p in load_problems(folder, figures=changes) if "cost in som" in p]


def test_every_cost_in_som_stays_exact_in_the_browser(tmp_path):
    # The page works out a cost in som with whole numbers as large as 2 × cost in cents × the
    # wage in som + the wage in cents × the rounding step; a browser holds them exactly up to
    # 2^53 - 1, and the loader refuses a wage that could take the largest cost past it.
    params = load_params(FIXTURE_CALCULATOR)
    worst, rounding = worst_month(params), params.som.round_to
    som = MAX_EXACT // (2 * worst)  # the largest wage in som the first term allows
    left = MAX_EXACT - 2 * worst * som  # what the second term may add
    usd = 229.5
    assert usd * CENTS * rounding <= left, "the fixture's limits leave room for its wage in dollars"
    assert _som_problems(tmp_path / "fits", som, usd) == []
    (too_many_som,) = _som_problems(tmp_path / "som", som + 1, usd)
    assert too_many_som.endswith(
        "som.figure: the largest possible cost in som is too large to compute exactly in the browser "
        "(lower the inputs' max values)"
    )
    assert _som_problems(tmp_path / "usd", som, (left // rounding + CENTS) / CENTS) != []


def test_the_largest_cost_the_checks_allow_for_is_the_dearest_estimate_the_form_allows(calculator_params):
    params = calculator_params
    limits = params.inputs
    counts = {
        name: getattr(limits, name).max
        for name in ("staff", "accounts_per_person", "bloggers", "supervisors")
    }
    pays = [{"tier": t.id} for t in params.tiers] + [{"pay": limits.pay.max}]
    dearest = 0
    for language in params.languages:
        for pay in pays:
            raw = {**counts, "language": language.id, "russian_extra": limits.russian_extra.max, **pay}
            inputs, errors = validate(params, raw)
            assert errors == []
            dearest = max(dearest, estimate(params, inputs).monthly.high)
    assert worst_month(params) == dearest


def test_a_preset_may_take_each_inputs_limits(calculator_params):
    staff = calculator_params.inputs.staff
    for value in (staff.min, staff.max):
        presets = [dataclasses.replace(p, staff=value) for p in calculator_params.presets]
        assert problems(dataclasses.replace(calculator_params, presets=presets)) == []


def test_the_largest_number_the_model_forms_may_be_the_largest_a_browser_holds_exactly(calculator_params):
    # The model's largest number is a comparison's ratio of the largest yearly cost:
    # 2 × the dearest month × 12 × 10,000 basis points + the largest amount compared with.
    params = calculator_params
    room = MAX_EXACT - 2 * worst_month(params) * MONTHS * BASIS_POINTS
    compared = next(c for c in params.comparisons if c.cents)

    def problems_with(cents):
        comparisons = [
            dataclasses.replace(c, cents=cents) if c is compared else c for c in params.comparisons
        ]
        return [p for p in problems(dataclasses.replace(params, comparisons=comparisons)) if p[0] == "inputs"]

    assert problems_with(room) == []
    assert problems_with(room + 1) == [
        (
            "inputs",
            "the largest possible cost is too large to compute exactly in the browser",
            "lower the inputs' max values",
        )
    ]


def test_a_range_may_be_a_single_amount(calculator_params):
    # min equal to max, low equal to high: one amount, not a mistake
    params = calculator_params
    extra = dataclasses.replace(params.inputs.russian_extra, min=20, max=20)  # no preset sets it
    supervisor_pay = dataclasses.replace(params.supervisor_pay, low=500, high=500)
    tiers = [dataclasses.replace(t, low=t.high) for t in params.tiers]
    inputs = dataclasses.replace(params.inputs, russian_extra=extra)
    single = dataclasses.replace(params, inputs=inputs, supervisor_pay=supervisor_pay, tiers=tiers)
    assert problems(single) == []
