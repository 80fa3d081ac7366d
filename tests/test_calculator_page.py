"""The calculator page carries the model's parameters and the presets' results."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from calculator.inputs import INPUTS
from calculator.params import params_to_json
from fakefarms.calculator_page import preset_results
from tests.sitecheck import parsed


def page(built_site) -> BeautifulSoup:
    return parsed(built_site / "calculator" / "index.html")


def test_page_embeds_the_parameters_from_yaml(built_site, content):
    data = json.loads(page(built_site).select_one("script#calculator-model").string)
    assert data == json.loads(json.dumps(params_to_json(content.calculator)))
    assert [i["query"] for i in data["declared_inputs"]] == [i.query for i in INPUTS]


def test_presets_are_precomputed_by_the_python_model(built_site, content):
    soup = page(built_site)
    results = preset_results(content.calculator, "en")
    assert len(results) == len(content.calculator.presets) >= 6
    for preset, _result, text in results:
        cell = soup.select_one(f"td[data-preset-monthly='{preset.id}']")
        assert cell.get_text() == text["monthly"], preset.id
        assert soup.select_one(f"button[data-preset='{preset.id}']")


def test_assumptions_are_labelled_on_the_page(built_site, content):
    soup = page(built_site)
    text = soup.select_one("#how").get_text(" ", strip=True)
    assert content.calculator.notes.language in text
    labelled = soup.select("#how .tag-assumption")
    assumed = sum(1 for group in (content.calculator.tiers, content.calculator.languages)
                  for item in group if item.assumed)
    assert len(labelled) >= assumed > 0


def test_without_javascript_the_estimate_shows_the_default_preset(built_site, content):
    soup = page(built_site)
    params = content.calculator
    _, _, text = next(r for r in preset_results(params, "en") if r[0].id == params.default_preset)
    assert soup.select_one("#out-monthly").get_text() == text["monthly"]
    assert soup.select_one("#out-arithmetic").get_text() == text["arithmetic"]
    for slot in ("yearly", "accounts", "per_account"):
        assert soup.select_one(f"#out-{slot.replace('_', '-')}").get_text() == text[slot]
    # the controls that need the script are hidden from text browsers and reader modes
    assert soup.select_one("#calculator-form").has_attr("hidden")
    assert soup.select_one(".presets").has_attr("hidden")
    assert soup.select_one("[data-share-copy]").find_parent(attrs={"hidden": True})
    assert not soup.select_one("#no-script-note").has_attr("hidden")


def test_without_javascript_the_form_is_hidden_and_the_presets_remain(built_site, content):
    soup = page(built_site)
    noscript = soup.select_one("head noscript link[rel=stylesheet]")
    assert noscript and "nojs" in noscript["href"]
    assert soup.select("#presets-table tbody tr")
    assert content.calculator.notes.by_hand in soup.get_text(" ")


def test_form_fields_have_labels_and_hints(built_site):
    soup = page(built_site)
    for field in soup.select("#calculator-form input[type=text], #calculator-form select"):
        assert soup.select_one(f"label[for='{field['id']}']"), field["id"]
        for described in field["aria-describedby"].split():
            assert soup.find(id=described), described
