"""The calculator in a real browser: typing, presets, a shared link, invalid input."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from calculator.cli import range_text
from calculator.model import estimate, validate
from fakefarms.content import load_content
from tests.conftest import SHIPPED_CONTENT

pytestmark = pytest.mark.browser
PARAMS = load_content(SHIPPED_CONTENT).calculator


def python_monthly(raw: dict) -> str:
    inputs, errors = validate(PARAMS, raw)
    assert not errors
    return range_text(estimate(PARAMS, inputs).monthly)


def address(page) -> str:
    # page.url can lag behind history.replaceState; ask the page itself.
    return page.evaluate("() => window.location.href")


@pytest.fixture
def calculator(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def open_page(query: str = ""):
        page.goto(site_server.base_url + "calculator/" + query)
        page.wait_for_selector("#out-monthly:not(:empty)")
        return page

    yield open_page
    context.close()
    assert errors == []


def test_opens_on_the_default_preset(calculator):
    page = calculator()
    default = next(p for p in PARAMS.presets if p.id == PARAMS.default_preset)
    assert page.locator(f"button[data-preset='{default.id}']").get_attribute("aria-pressed") == "true"
    assert page.locator("#out-monthly").text_content() == python_monthly(
        {"staff": default.staff, "accounts_per_person": default.accounts_per_person,
         "language": default.language, "tier": default.tier, "pay": default.pay})


def test_typing_updates_the_result_and_the_address(calculator):
    page = calculator()
    page.fill("#in-staff", "12")
    page.fill("#in-accounts", "7")
    page.check("#tier-experienced")
    expected = python_monthly({"staff": "12", "accounts_per_person": "7",
                               "language": PARAMS.languages[0].id, "tier": "experienced"})
    page.locator("#in-language").select_option(PARAMS.languages[0].id)
    assert page.locator("#out-monthly").text_content() == expected
    assert page.locator("#out-accounts").text_content() == "84"
    query = parse_qs(urlsplit(address(page)).query)
    assert query["staff"] == ["12"] and query["accounts"] == ["7"] and query["tier"] == ["experienced"]


def test_custom_pay_is_exact(calculator):
    page = calculator()
    page.check("#tier-custom")
    page.fill("#in-pay", "180")
    page.fill("#in-staff", "15")
    assert page.locator("#out-monthly").text_content() == "$2,700"


@pytest.mark.parametrize("preset", [p.id for p in PARAMS.presets])
def test_every_preset_button_matches_python(calculator, preset):
    page = calculator()
    page.click(f"button[data-preset='{preset}']")
    chosen = next(p for p in PARAMS.presets if p.id == preset)
    expected = python_monthly({"staff": chosen.staff, "accounts_per_person": chosen.accounts_per_person,
                               "language": chosen.language, "tier": chosen.tier, "pay": chosen.pay,
                               "bloggers": chosen.bloggers, "supervisors": chosen.supervisors})
    assert page.locator("#out-monthly").text_content() == expected
    assert parse_qs(urlsplit(address(page)).query) == {"preset": [preset]}


def test_a_shared_link_restores_the_estimate(calculator):
    page = calculator()
    page.fill("#in-staff", "40")
    page.fill("#in-supervisors", "2")
    shared = address(page)
    result = page.locator("#out-monthly").text_content()
    other = calculator("?preset=" + PARAMS.presets[-1].id)
    other.goto(shared)
    other.wait_for_selector("#out-monthly:not(:empty)")
    assert other.locator("#out-monthly").text_content() == result
    assert other.locator("#in-staff").input_value() == "40"
    assert other.locator("#query-note").is_hidden()


@pytest.mark.parametrize("query", ["?staff=-4", "?staff=abc", "?accounts=2.5", "?tier=imaginary",
                                   "?preset=nope", "?staff=99999999999999999999", "?colour=red"])
def test_a_tampered_link_falls_back_to_defaults_with_a_note(calculator, query):
    page = calculator(query)
    assert page.locator("#query-note").is_visible()
    assert "could not be used" in page.locator("#query-note").text_content()
    default = next(p for p in PARAMS.presets if p.id == PARAMS.default_preset)
    assert page.locator("#in-staff").input_value() == str(default.staff)


@pytest.mark.parametrize(("value", "words"), [("-3", "negative"), ("2.5", "whole"),
                                              ("", "enter a number"), ("lots", "not a number"),
                                              ("20000", "at most 10,000"), ("NaN", "NaN"),
                                              ("1e400", "far too large")])
def test_invalid_input_is_announced(calculator, value, words):
    page = calculator()
    before = page.locator("#out-monthly").text_content()
    page.fill("#in-staff", value)
    error = page.locator("#error-staff")
    assert words.lower() in error.text_content().lower()
    assert page.locator("#in-staff").get_attribute("aria-invalid") is not None
    summary = page.locator("#error-summary")
    assert summary.is_visible() and summary.get_attribute("role") == "alert"
    assert page.locator("#out-monthly").text_content() == before  # nothing clamped silently


def test_breakdown_chart_and_csv_follow_the_estimate(calculator):
    page = calculator()
    page.fill("#in-bloggers", "2")
    page.locator("#chart-calculator-breakdown").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-calculator-breakdown .chart-plot[data-drawn=yes]")
    cells = page.locator("#chart-calculator-breakdown tbody tr").nth(1).locator("td")
    assert cells.nth(0).text_content() == "$2,000"
    href = page.locator("#chart-calculator-breakdown .chart-download a").get_attribute("href")
    assert href.startswith("blob:")
