"""The cost calculator's page: presets worked out at build time, the model's JSON for the
browser, and the breakdown chart drawn through the same chart code as every other chart."""

from __future__ import annotations

from flask import Blueprint, Response

from calculator.model import estimate, preset_raw, validate
from calculator.params import params_to_json

from .charts import breakdown_chart
from .live import current_content
from .pagedata import render_page
from .rendering import link

calculator = Blueprint("calculator", __name__)

#: The page's query parameters, as readers see them in shared links, and the model's names.
QUERY_NAMES = {"staff": "staff", "accounts": "accounts_per_person", "language": "language",
               "tier": "tier", "pay": "pay", "bloggers": "bloggers", "supervisors": "supervisors"}


def preset_results(params):
    """(preset, estimate) for every preset, computed by the Python model."""
    results = []
    for preset in params.presets:
        inputs, errors = validate(params, preset_raw(preset))
        if errors:  # calculator.yaml's own checks keep presets within bounds
            raise ValueError(f"preset {preset.id}: {errors[0].message}")
        results.append((preset, estimate(params, inputs)))
    return results


def default_breakdown(params, results):
    default = next(r for p, r in results if p.id == params.default_preset)
    return breakdown_chart(default.to_json(), params.notes)


@calculator.route("/calculator/breakdown.csv")
def breakdown_csv():
    """The breakdown of the default preset; the page offers the current one once it runs."""
    params = current_content().calculator
    table = default_breakdown(params, preset_results(params)).table
    return Response(table.csv(), mimetype="text/csv")


@calculator.route("/calculator/", endpoint="calculator")
def page():
    content = current_content()
    params = content.calculator
    results = preset_results(params)
    breakdown = default_breakdown(params, results)
    breakdown.csv_url = link("calculator.breakdown_csv")
    shown = (breakdown, params.presets, params.tiers, params.supervisor_pay, params.languages,
             params.inputs, params.comparisons)  # in the page's reading order
    return render_page(
        "calculator.html", shown, content=content, params=params, results=results,
        breakdown=breakdown, model_json={"params": params_to_json(params), "query": QUERY_NAMES},
    )
