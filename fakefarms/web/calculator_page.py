"""The cost calculator's page: presets worked out and put into words at build time, the
model's JSON for the browser, and the breakdown chart drawn through the same chart code as
every other chart."""

from __future__ import annotations

from babel.numbers import format_decimal
from flask import Blueprint, Response

from calculator.describe import describe, som_note
from calculator.inputs import INPUTS
from calculator.model import estimate, preset_raw, validate
from calculator.params import params_to_json
from fakefarms.outputs.charts import breakdown_chart, credit_line
from fakefarms.web.content_source import current_content
from fakefarms.web.pagedata import render_page
from fakefarms.web.rendering import link
from records.numbers import CENTS, fill, grouped, money_span, percent

from .i18n import pgettext

calculator = Blueprint("calculator", __name__)


def preset_results(params, language: str):
    """(preset, estimate, its texts) for every preset, computed by the Python model."""
    results = []
    for preset in params.presets:
        inputs, errors = validate(params, preset_raw(preset))
        if errors:  # calculator.yaml's own checks keep presets within bounds
            raise ValueError(f"preset {preset.id}: {errors[0].message}")
        assert inputs is not None  # validate gives the inputs whenever it finds no error
        result = estimate(params, inputs)
        results.append((preset, result, describe(params, result, language)))
    return results


def form_fields(params, language: str):
    """The form's fields, one per declared input, with their words and hints; the two pay
    inputs share one group (a tier, or a custom pay shown when chosen)."""
    words, notes, bounds = params.words, params.notes, params.inputs
    blogger = next(t for t in params.tiers if t.id == params.blogger_tier)
    extra = {
        "bloggers": fill(words.blogger_hint, tier=blogger.label),
        "supervisors": fill(
            words.supervisor_hint,
            pay=money_span(params.supervisor_pay.low * CENTS, params.supervisor_pay.high * CENTS, language),
        ),
        "russian_extra": notes.russian_extra,
    }
    fields = []
    for item in INPUTS:
        own = getattr(bounds, item.name)
        field = {
            "name": item.name,
            "query": item.query,
            "kind": item.kind,
            "label": own.label,
            "optional": item.optional,
            "pay": item.pay,
        }
        if item.kind == "choice":
            assert item.choices is not None  # calculator/inputs.py names the list of every choice
            field["options"] = [
                (x.id, x.label, money_span(x.low * CENTS, x.high * CENTS, language) if item.pay else None)
                for x in getattr(params, item.choices)
                if x.id != params.blogger_tier
            ]
            field["hint"] = None if item.pay else notes.language
        elif item.kind == "money":
            field["hint"] = fill(
                notes.pay_hint, min=grouped(own.min, language), max=grouped(own.max, language)
            )
        else:
            hint = fill(
                words.whole_number_hint, min=grouped(own.min, language), max=grouped(own.max, language)
            )
            field["hint"] = f"{hint} {extra[item.name]}" if item.name in extra else hint
        fields.append(field)
    return fields


def assumed_words() -> dict[str, str]:
    """The values a record of calculator.yaml may list under `assumed`, as the page names them
    after 'Editors’ assumption:', in the page's language (written out, so that Babel finds each
    one; a value missing here is shown by its name)."""
    return {
        "min": pgettext("assumed value", "min"),
        "max": pgettext("assumed value", "max"),
        "low": pgettext("assumed value", "low"),
        "high": pgettext("assumed value", "high"),
        "multiplier": pgettext("assumed value", "multiplier"),
        "russian_share": pgettext("assumed value", "share of work in Russian"),
        "staff": pgettext("assumed value", "staff"),
        "accounts_per_person": pgettext("assumed value", "accounts per person"),
        "language": pgettext("assumed value", "language"),
        "tier": pgettext("assumed value", "tier"),
        "pay": pgettext("assumed value", "pay"),
        "bloggers": pgettext("assumed value", "bloggers"),
        "supervisors": pgettext("assumed value", "supervisors"),
    }


def based_on(params) -> dict[str, str]:
    """What the estimate is based on while the form holds a preset's values, by preset id:
    the preset's name, which says whose account it is (the page adds its citations)."""
    return {p.id: fill(params.words.based_on, preset=p.label) for p in params.presets}


def multipliers(params, language: str) -> dict[str, str]:
    """Each language's multiplier as the list of languages writes it, by language id: '× 1.0',
    in Russian '× 1,0'."""
    return {
        x.id: "× " + format_decimal(x.multiplier, format="0.0#", locale=language) for x in params.languages
    }


def russian_shares(params, language: str) -> dict[str, str]:
    """How much of the reader's extra pay for Russian-speaking work each language gets, for
    the list of languages (none for a language with no work in Russian)."""
    return {
        x.id: fill(params.words.russian_share, share=percent(x.russian_share, language))
        for x in params.languages
        if x.russian_share
    }


def default_result(params, results):
    """The default preset, its estimate and their texts."""
    return next(item for item in results if item[0].id == params.default_preset)


def default_breakdown(content, results):
    params = content.calculator
    return breakdown_chart(
        default_result(params, results)[1].to_json(),
        params.notes,
        credit_line(content, params.notes.breakdown_sources),
        content.language,
    )


@calculator.route("/calculator/breakdown.csv")
def breakdown_csv():
    """The breakdown of the default preset; the page offers the current one once it runs."""
    content = current_content()
    table = default_breakdown(content, preset_results(content.calculator, content.language)).table
    return Response(table.csv(), mimetype="text/csv")


def render_calculator(template: str, whole_page: bool = True, **context):
    """The calculator's page or its embed: the same app, with the same data; the embed shows
    the form and the estimate alone (linking to the rest of the results), so only their
    sources are its notes."""
    content = current_content()
    params = content.calculator
    results = preset_results(params, content.language)
    breakdown = default_breakdown(content, results)
    breakdown.csv_url = link("calculator.breakdown_csv")
    default, _, default_text = default_result(params, results)
    # reading order: what the estimate is based on, the rate of som, the chart, then the rest
    shown: tuple[object, ...] = (default.sources, params.som)
    if whole_page:
        shown += (
            breakdown,
            params.presets,
            params.tiers,
            params.supervisor_pay,
            params.languages,
            params.inputs,
            params.comparisons,
        )
    else:
        shown += (params.presets,)
    return render_page(
        template,
        shown,
        title=params.words.title,
        description=params.words.description,
        content=content,
        params=params,
        results=results,
        fields=form_fields(params, content.language),
        default_text=default_text,
        breakdown=breakdown,
        no_script=fill(
            params.notes.no_script if whole_page else params.notes.no_script_embed, preset=default.label
        ),
        model_json=params_to_json(params, content.language),
        assumed_words=assumed_words(),
        default=default,
        based_on=based_on(params),
        som_note=som_note(params, content.language),
        russian_shares=russian_shares(params, content.language),
        multipliers=multipliers(params, content.language),
        card=(default_text["monthly"], default_text["arithmetic"]),
        **context,
    )


@calculator.route("/calculator/", endpoint="calculator")
def page():
    return render_calculator("calculator.html")
