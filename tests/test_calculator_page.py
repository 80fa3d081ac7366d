"""The calculator page carries the model's parameters and the presets' results."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

from calculator.describe import som_note
from calculator.inputs import INPUTS
from calculator.params import params_to_json
from fakefarms.content import load_content
from fakefarms.content.translations import update
from fakefarms.web.app import create_app
from fakefarms.web.calculator_page import preset_results
from tests.conftest import FIXTURE_CONTENT
from tests.sitecheck import as_scripted, parsed, parsed_scripted


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
        # without the script, a preset is a link to the calculator on it, at its row of the
        # table (calculator.js makes it a button)
        link = soup.select_one(f".presets a[data-preset='{preset.id}']")
        assert link["href"] == f"?preset={preset.id}#preset-{preset.id}"
        assert cell.find_parent("tr")["id"] == f"preset-{preset.id}"


def test_assumptions_are_labelled_on_the_page(built_site, content):
    soup = page(built_site)
    text = soup.select_one("#how").get_text(" ", strip=True)
    assert content.calculator.notes.language in text
    labelled = soup.select("#how .tag-assumption")
    assumed = sum(
        1
        for group in (content.calculator.tiers, content.calculator.languages)
        for item in group
        if item.assumed
    )
    assert len(labelled) >= assumed > 0


def test_without_javascript_the_estimate_shows_the_default_preset(built_site, content):
    soup = page(built_site)
    params = content.calculator
    _, _, text = next(r for r in preset_results(params, "en") if r[0].id == params.default_preset)
    assert soup.select_one("#out-monthly").get_text() == text["monthly"]
    assert soup.select_one("#out-arithmetic").get_text() == text["arithmetic"]
    for slot in ("yearly", "accounts", "per_account", "som", "wage_months"):
        assert soup.select_one(f"#out-{slot.replace('_', '-')}").get_text() == text[slot]
    # the controls that need the script are not in the HTML, where text browsers would show
    # them dead: the form is data that calculator.js puts in the page, and share.js makes the
    # share and copy buttons (tests/quality/test_text_browsers.py reads the pages)
    assert not soup.select("form, input, select, textarea, button")
    assert not soup.select("template")  # text browsers show a template's content
    assert parsed_scripted(built_site / "calculator" / "index.html").select_one(
        "section#calculator form#calculator-form input"
    )
    assert soup.select_one(".share")["data-copy-label"] == content.calculator.words.copy_link
    assert not soup.select_one("#no-script-note").has_attr("hidden")


def test_the_embed_is_compact_with_every_preset_in_one_list(built_site, content):
    """An embed stands only in a browser's frame: it has its form in place (so it does not jump
    as its script starts), which the no-script sheet hides; its presets are one list, above the
    estimate, ending in the reader's own numbers (chosen by the script, never by the reader);
    its optional inputs are folded, and the estimate is written again where the others end."""
    soup = parsed(built_site / "embed" / "calculator" / "index.html")
    assert soup.select("form#calculator-form") and not soup.select("button, template")
    options = soup.select("select#preset-choice option")
    assert [o["value"] for o in options] == [p.id for p in content.calculator.presets] + [""]
    assert options[-1].has_attr("disabled")
    assert soup.select_one("label[for=preset-choice]")
    order = [e.get("id") or e["class"][0] for e in soup.select("#preset-choice, #estimate-summary, form")]
    assert order == ["preset-choice", "estimate-summary", "calculator-form"]
    folded = {i["name"] for i in soup.select("details.more-inputs input")}
    shown = {i["name"] for i in soup.select("form input") if not i.find_parent("details")}
    assert folded == {i.query for i in INPUTS if i.optional} and not folded & shown
    again = soup.select_one("form .estimate-again [data-estimate-again]")
    assert again.get_text() == soup.select_one("#out-monthly").get_text()
    assert soup.select_one("#no-script-note").has_attr("hidden")  # nojs.css shows it


#: The Russian words for an amount in som, in each plural form Russian has (the fixture's
#: pseudo-Russian keeps the English two).
RUSSIAN_SOM = {
    "som": {
        "one": "{number} сом",
        "few": "{number} сома",
        "many": "{number} сомов",
        "other": "{number} сома",
    },
    "in_som": "около {amount}",
}


@pytest.fixture(scope="module")
def russian_som(fixture_content, tmp_path_factory):
    """The fixture content, its Russian calculator writing amounts in som in Russian words."""
    directory = shutil.copytree(fixture_content, tmp_path_factory.mktemp("som") / "content")
    path = directory / "ru" / "calculator.yaml"
    calculator = yaml.safe_load(path.read_text(encoding="utf-8"))
    calculator["words"].update(RUSSIAN_SOM)
    path.write_text(yaml.safe_dump(calculator, allow_unicode=True, sort_keys=False), encoding="utf-8")
    update(directory)  # the Russian words are the translations of the English of now
    return load_content(directory)


def test_the_russian_page_writes_the_estimate_in_som_the_russian_way(russian_som):
    params = russian_som.translations["ru"].calculator
    _, _, text = next(r for r in preset_results(params, "ru") if r[0].id == params.default_preset)
    client = create_app({"TESTING": True}, content=russian_som).test_client()
    soup = BeautifulSoup(client.get("/ru/calculator/").get_data(as_text=True), "html.parser")
    som = soup.select_one("#out-som").get_text()
    assert som == text["som"] and som.endswith(" сомов")  # 100 som and up: «сомов»
    assert "\u00a0" in som  # thousands grouped the Russian way
    assert soup.select_one("#out-wage-months").get_text() == text["wage_months"]
    assert som_note(params, "ru") in soup.select_one(".som-note").get_text()


def test_without_javascript_the_form_is_hidden_and_the_presets_remain(built_site, content):
    soup = page(built_site)
    noscript = soup.select_one("head noscript link[rel=stylesheet]")
    assert noscript and "nojs" in noscript["href"]
    assert soup.select("#presets-table tbody tr")
    assert content.calculator.notes.by_hand in soup.get_text(" ")


def test_form_fields_have_labels_and_hints(built_site):
    soup = parsed_scripted(built_site / "calculator" / "index.html")
    fields = soup.select("#calculator-form input[type=text], #calculator-form select")
    assert len(fields) >= 4
    for field in fields:
        assert soup.select_one(f"label[for='{field['id']}']"), field["id"]
        for described in field["aria-describedby"].split():
            assert soup.find(id=described), described


# -- on the fixture content: the estimate in som, what it is based on, the language input ----


@pytest.fixture(scope="module")
def fixture_client():
    return create_app({"TESTING": True, "CONTENT_DIR": FIXTURE_CONTENT}).test_client()


def fixture_page(client, path: str = "/calculator/", scripted: bool = False) -> BeautifulSoup:
    """The page; `scripted`, with the HTML its scripts put in it (the form, the pop-ups)."""
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return BeautifulSoup(as_scripted(html) if scripted else html, "html.parser")


def _note(soup: BeautifulSoup, cite) -> str:
    """The text of the page's note that a citation button opens."""
    return " ".join(
        soup.select_one(f"li#{note}").get_text(" ", strip=True) for note in cite["data-notes"].split()
    )


def test_the_estimate_in_som_is_under_the_dollars_without_javascript(fixture_client):
    soup = fixture_page(fixture_client)
    lines = [p.get("id") for p in soup.select("#estimate-summary > p")]
    assert lines[lines.index("out-monthly") + 1] == "out-som"
    assert soup.select_one("#out-monthly").get_text() == "$1,000–1,500 (midpoint $1,250)"
    assert soup.select_one("#out-som").get_text() == "about 84,500–126,800 som"
    months = soup.select_one("#results #out-wage-months")
    assert months.get_text() == "The midpoint is 5.4 months of the average wage."
    note = months.find_next_sibling("p")
    assert note.get_text(" ", strip=True).startswith(
        "At 84.5 som to the dollar: the rate implied by the average monthly wage of the first "
        "half of 2021, reported both as 19,395 som and as $229.5. Amounts in som are rounded to "
        "the nearest 100 som."
    )
    # the rate links its source, as every figure on the page does
    (cite,) = note.select(".cites .cite")
    assert "Average monthly wage in Kyrgyzstan for the first half of 2021" in _note(soup, cite)


def test_the_estimate_says_which_preset_it_is_based_on(fixture_client, calculator_params):
    soup = fixture_page(fixture_client)
    based = soup.select_one("#based-on")
    assert based.find_previous_sibling("div")["id"] == "estimate-summary"  # right under it
    assert based.get_text(" ", strip=True).startswith("Based on: Typical party farm, 10 people")
    (cite,) = based.select(".cites .cite")
    assert "Kloop" in _note(soup, cite)
    # a line for each preset, with its own citations, and one for the reader's own numbers,
    # kept as data for the script (text browsers show a <template>'s content: every line)
    block = BeautifulSoup(json.loads(soup.select_one("script#based-on-lines").string), "html.parser")
    lines = {line["data-based-on"]: line for line in block.find_all(attrs={"data-based-on": True})}
    assert list(lines) == [p.id for p in calculator_params.presets] + [""]
    assert lines[""].get_text() == "Based on: your own numbers"
    beginner = lines["opendemocracy-team"]
    assert beginner.get_text().startswith("Based on: A team of 15 on a beginner's pay (openDemocracy)[")
    assert "openDemocracy" in _note(soup, beginner.select_one(".cite"))


def test_the_language_input_says_it_changes_nothing_by_itself(fixture_client, calculator_params):
    soup = fixture_page(fixture_client, scripted=True)
    language_hint = soup.select_one("#hint-language").get_text()
    assert "give no amounts" in language_hint and "treats every language alike" in language_hint
    extra = soup.select_one("#in-russian_extra")
    label = soup.select_one("label[for='in-russian_extra']").get_text(" ", strip=True)
    assert label == "Extra pay for Russian-speaking work, your assumption (%) (optional)"
    hint = soup.select_one(f"#{extra['aria-describedby'].split()[0]}").get_text()
    assert hint.startswith("A whole number from 0 to 100. Your own assumption")
    assert hint.endswith("At 0 it changes nothing.")
    # it follows the language it qualifies
    fields = [f["id"] for f in soup.select("#calculator-form input[type=text], #calculator-form select")]
    assert fields.index("in-russian_extra") == fields.index("in-language") + 1
    # and the method lists how much of it each language gets, and that the share is assumed
    languages = {
        li.strong.get_text(): li.get_text(" ", strip=True)
        for li in soup.select("#how h3 + p + ul.basis-list li")
    }
    assert "counts at 100%" in languages["Russian-speaking"]
    assert "counts at 50%" in languages["Kyrgyz and Russian"]
    assert "share of work in Russian" in languages["Kyrgyz and Russian"]
    assert "counts at" not in languages["Kyrgyz-speaking"]


def test_a_page_section_links_the_calculator_on_a_preset(fixture_client):
    soup = fixture_page(fixture_client, "/costs/")
    (link,) = [a for a in soup.select("#one .more a") if "preset=" in a["href"]]
    assert link["href"] == "../calculator/?preset=typical-party-farm"
    assert link.get_text(" ", strip=True) == "Work out the monthly cost of “Typical party farm, 10 people” →"


def test_the_cost_chapter_links_the_calculator_in_each_language(built_site, content):
    """The shipped cost chapter opens the calculator of its own language on the preset its
    section names, with the preset's name in that language."""
    (section,) = [s for s in content.pages["costs"].sections if s.calculator]
    for prefix, edition in (("", content), ("ru/", content.translations["ru"])):
        soup = parsed(built_site / f"{prefix}costs" / "index.html")
        (link,) = [a for a in soup.select(f"#{section.id} .more a") if "preset=" in a["href"]]
        assert link["href"] == f"../calculator/?preset={section.calculator}"
        label = next(p.label for p in edition.calculator.presets if p.id == section.calculator)
        assert f"«{label}»" in link.get_text() if prefix else f"“{label}”" in link.get_text()
        assert (built_site / f"{prefix}calculator" / "index.html").is_file()


@pytest.mark.parametrize(("path", "multiplier"), [("calculator", "× 1.0"), ("ru/calculator", "× 1,0")])
def test_each_languages_multiplier_is_written_in_the_pages_numbers(built_site, path, multiplier):
    soup = parsed(built_site / path / "index.html")
    languages = [li.get_text(" ", strip=True) for li in soup.select("#how h3 + p + ul.basis-list li")]
    assert languages and all(f": {multiplier}" in text for text in languages), languages


def test_an_assumption_is_a_phrase_of_its_own_when_read_as_text(fixture_client):
    """The tag is set apart by its look; read aloud or copied, a space comes before it and a
    full stop ends it, so it runs into neither the words before nor the explanation after."""
    soup = fixture_page(fixture_client)
    tags = soup.select("#how .tag-assumption")
    assert tags
    for tag in tags:
        assert str(tag.previous_sibling).endswith(" "), tag
        assert tag.get_text().endswith("."), tag
