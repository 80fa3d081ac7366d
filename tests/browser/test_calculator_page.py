"""The calculator in a real browser: typing, presets, a shared link, invalid input."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from calculator.describe import describe
from calculator.load import load_params
from calculator.model import estimate, preset_raw, validate
from records.numbers import fill
from tests.conftest import SHIPPED_CONTENT

pytestmark = pytest.mark.browser
# The calculator's own file, read by its own loader (no site content, no web code): the
# presets parametrize the tests.
PARAMS = load_params(SHIPPED_CONTENT / "calculator.yaml")


def python_texts(raw: dict) -> dict:
    inputs, errors = validate(PARAMS, raw)
    assert not errors
    return describe(PARAMS, estimate(PARAMS, inputs))


def python_monthly(raw: dict) -> str:
    return python_texts(raw)["monthly"]


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

    def open_page(query: str = "", stopped_clock: bool = False):
        """The calculator at `query`; with `stopped_clock`, its timers wait for the test to
        move the page's clock (page.clock.run_for), however slow the machine."""
        if stopped_clock:
            page.clock.install()
        page.goto(site_server.base_url + "calculator/" + query)
        # The estimate is in the HTML already (for readers without JavaScript); the script
        # marks the calculator ready once it is wired and filled in.
        page.wait_for_selector("#calculator[data-ready]", state="attached")
        if stopped_clock:
            page.clock.pause_at(page.evaluate("Date.now()") + 1)
        return page

    yield open_page
    context.close()
    assert errors == []


def test_opens_on_the_default_preset(calculator):
    page = calculator()
    default = next(p for p in PARAMS.presets if p.id == PARAMS.default_preset)
    assert page.locator(f"button[data-preset='{default.id}']").get_attribute("aria-pressed") == "true"
    assert page.locator("#out-monthly").text_content() == python_monthly(
        {
            "staff": default.staff,
            "accounts_per_person": default.accounts_per_person,
            "language": default.language,
            "tier": default.tier,
            "pay": default.pay,
        }
    )


def test_typing_updates_the_result_and_the_address(calculator):
    page = calculator()
    page.fill("#in-staff", "12")
    page.fill("#in-accounts", "7")
    page.check("#tier-experienced")
    expected = python_monthly(
        {"staff": "12", "accounts_per_person": "7", "language": PARAMS.languages[0].id, "tier": "experienced"}
    )
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
    expected = python_monthly(
        {
            "staff": chosen.staff,
            "accounts_per_person": chosen.accounts_per_person,
            "language": chosen.language,
            "tier": chosen.tier,
            "pay": chosen.pay,
            "bloggers": chosen.bloggers,
            "supervisors": chosen.supervisors,
        }
    )
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
    other.wait_for_selector("#calculator[data-ready]", state="attached")
    assert other.locator("#out-monthly").text_content() == result
    assert other.locator("#in-staff").input_value() == "40"
    assert other.locator("#query-note").is_hidden()


@pytest.mark.parametrize(
    "query",
    [
        "?staff=-4",
        "?staff=abc",
        "?accounts=2.5",
        "?tier=imaginary",
        "?preset=nope",
        "?staff=99999999999999999999",
        "?colour=red",
        "?constructor=1",
        "?toString=x",
        "?__proto__=1",
        "?hasOwnProperty=1",
    ],
)
def test_a_tampered_link_falls_back_to_defaults_with_a_note(calculator, query):
    page = calculator(query)
    assert page.locator("#query-note").is_visible()
    assert "could not be used" in page.locator("#query-note").text_content()
    default = next(p for p in PARAMS.presets if p.id == PARAMS.default_preset)
    assert page.locator("#in-staff").input_value() == str(default.staff)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("-3", "negative"),
        ("2.5", "whole"),
        ("", "enter a number"),
        ("lots", "not a number"),
        ("20000", "at most 10,000"),
        ("NaN", "NaN"),
        ("1e400", "far too large"),
    ],
)
def test_invalid_input_is_announced(calculator, value, words):
    page = calculator(stopped_clock=True)
    page.fill("#in-staff", value)
    # while the value cannot be used, the estimate shows no figure, at once
    assert page.locator("#out-monthly").text_content() == "—"
    assert "is-stale" in page.locator("#estimate-summary").get_attribute("class")
    assert page.locator("#error-staff").text_content() == ""  # not while typing
    page.locator("#in-staff").press("Tab")  # leaving the field says what is wrong, once
    error = page.locator("#error-staff")
    assert words.lower() in error.text_content().lower()
    assert page.locator("#in-staff").get_attribute("aria-invalid") == "true"
    summary = page.locator("#error-summary")
    assert summary.is_visible() and summary.get_attribute("role") == "alert"


def test_an_error_also_shows_after_a_pause_in_typing(calculator):
    page = calculator(stopped_clock=True)
    page.locator("#in-staff").fill("lots")
    page.clock.run_for(500)
    assert page.locator("#error-staff").text_content() == ""  # still typing
    page.clock.run_for(1000)
    expect(page.locator("#error-staff")).to_contain_text("not a number")


def test_choosing_my_own_amount_says_nothing_until_the_reader_leaves_it(calculator):
    page = calculator(stopped_clock=True)
    page.locator("#tier-custom").check()
    page.clock.run_for(1500)
    assert page.locator("#error-summary").is_hidden()


def test_breakdown_chart_and_csv_follow_the_estimate(calculator):
    page = calculator()
    page.fill("#in-bloggers", "2")
    page.locator("#chart-calculator-breakdown").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-calculator-breakdown .chart-plot[data-drawn=yes]")
    cells = page.locator("#chart-calculator-breakdown tbody tr").nth(1).locator("td")
    assert cells.nth(0).text_content() == "$2,000"
    href = page.locator("#chart-calculator-breakdown .chart-download a").get_attribute("href")
    assert href.startswith("blob:")


def test_after_each_preset_tap_the_monthly_cost_is_on_screen(calculator):
    """At 390×844 the estimate stays in view (a sticky summary) wherever the presets are."""
    page = calculator()
    for preset in PARAMS.presets:
        button = page.locator(f"button[data-preset='{preset.id}']")
        button.scroll_into_view_if_needed()
        button.click()
        box = page.locator("#out-monthly").bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 844, preset.id
        assert page.locator("#out-monthly").text_content() == python_monthly(
            {
                name: getattr(preset, name)
                for name in (
                    "staff",
                    "accounts_per_person",
                    "language",
                    "tier",
                    "pay",
                    "bloggers",
                    "supervisors",
                )
            }
        )
    assert page.locator("#estimate-summary").get_attribute("aria-live") == "polite"


def test_the_result_explains_its_arithmetic(calculator):
    page = calculator("?staff=10&accounts=5&language=both&tier=entry")
    assert page.locator("#out-arithmetic").text_content() == "10 people × $100–150 = $1,000–1,500 a month"
    comparisons = page.locator("#out-comparisons li").all_text_contents()
    assert comparisons and all("midpoint" in c for c in comparisons)
    # a result is not compared with itself (the comparison that is this very preset)
    itself = next(c.label for c in PARAMS.comparisons if c.preset == "typical-party-farm")
    assert not any(itself in c for c in comparisons)


def test_a_preset_with_a_blogger_keeps_it_visibly_after_typing(calculator):
    page = calculator("?preset=one-blogger")
    page.fill("#in-staff", "3")
    assert page.locator("#in-bloggers").input_value() == "1"
    assert "1 blogger or journalist" in page.locator("#out-arithmetic").text_content()


def test_the_custom_pay_field_shows_only_when_chosen(calculator):
    page = calculator()
    assert page.locator("#in-pay").is_hidden()
    page.check("#tier-custom")
    assert page.locator("#in-pay").is_visible()
    page.check("#tier-entry")
    assert page.locator("#in-pay").is_hidden()


@pytest.mark.parametrize("typed", ["1,000", "1 000"])
def test_grouped_thousands_are_accepted(calculator, typed):
    page = calculator()
    page.fill("#in-staff", typed)
    assert page.locator("#error-staff").text_content() == ""
    assert page.locator("#out-accounts").text_content() == "5,000"


def test_share_links_carry_the_readers_estimate(calculator):
    page = calculator()
    page.fill("#in-staff", "40")
    shared = address(page)
    assert "staff=40" in shared
    telegram = page.locator(".share-telegram").get_attribute("href")
    assert parse_qs(urlsplit(telegram).query)["url"] == [shared]
    assert page.locator("[data-share-copy]").is_visible()


def test_the_russian_calculator_works_out_the_same_estimates_in_russian(browser, site_server):
    """A shared address works in both languages; the Russian page gives the English page's
    estimate, written the Russian way by the browser, as Python writes it."""
    from fakefarms.content import load_content

    russian = load_content(SHIPPED_CONTENT).translations["ru"].calculator
    raw = {
        "staff": "12",
        "accounts_per_person": "7",
        "language": PARAMS.languages[0].id,
        "tier": "experienced",
    }
    inputs, errors = validate(russian, raw, "ru")
    assert not errors
    expected = describe(russian, estimate(russian, inputs), "ru")
    query = f"?staff=12&accounts=7&language={PARAMS.languages[0].id}&tier=experienced"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    shown = {}
    for prefix in ("", "ru/"):
        page.goto(site_server.base_url + prefix + "calculator/" + query)
        page.wait_for_selector("#calculator[data-ready]", state="attached")
        shown[prefix] = page.locator("#out-monthly").text_content()
    assert shown["ru/"] == expected["monthly"]
    assert page.locator("#out-arithmetic").text_content() == expected["arithmetic"]
    assert page.locator("#out-comparisons li").all_text_contents() == expected["comparisons"]
    assert "\u00a0$" in shown["ru/"] and shown[""].startswith("$")
    assert [c for c in shown[""] if c.isdigit()] == [c for c in shown["ru/"] if c.isdigit()]
    page.fill("#in-staff", "-1")
    page.locator("#in-staff").press("Tab")
    assert "не может быть отрицательным" in page.locator("#error-summary").text_content()
    context.close()


def based_on(page) -> str:
    return page.locator("#based-on").text_content()


def test_the_estimate_in_som_and_what_it_is_based_on_follow_the_form(calculator):
    """Under the dollars, the estimate in som; under the estimate, the preset it rests on, with
    its citations, until the reader changes a value: then the reader's own numbers."""
    page = calculator()
    default = next(p for p in PARAMS.presets if p.id == PARAMS.default_preset)
    texts = python_texts(preset_raw(default))
    assert page.locator("#out-som").text_content() == texts["som"]
    assert page.locator("#out-wage-months").text_content() == texts["wage_months"]
    assert based_on(page).startswith(fill(PARAMS.words.based_on, preset=default.label))
    assert page.locator("#based-on .cite").count() == len(default.sources)
    som = page.locator("#out-som").bounding_box()
    monthly = page.locator("#out-monthly").bounding_box()
    assert som["y"] >= monthly["y"] + monthly["height"] - 1  # under the dollar figure

    page.fill("#in-staff", "40")
    raw = dict(preset_raw(default), staff="40")
    assert page.locator("#out-som").text_content() == python_texts(raw)["som"] != texts["som"]
    assert page.locator("#out-wage-months").text_content() == python_texts(raw)["wage_months"]
    assert based_on(page) == PARAMS.words.based_on_own
    assert page.locator("#based-on .cite").count() == 0

    other = PARAMS.presets[-1]
    page.click(f"button[data-preset='{other.id}']")
    assert based_on(page).startswith(fill(PARAMS.words.based_on, preset=other.label))
    cite = page.locator("#based-on .cite").first
    cite.click()  # its citation opens the source's note, as everywhere on the page
    expect(page.locator(f"#{cite.get_attribute('popovertarget')}")).to_be_visible()


def test_a_value_the_reader_cannot_use_leaves_no_som_figure(calculator):
    page = calculator()
    page.fill("#in-staff", "lots")
    assert page.locator("#out-som").text_content() == ""
    assert based_on(page) == PARAMS.words.based_on_own


def test_the_extra_for_russian_speaking_work_is_the_readers_own_and_starts_at_nothing(calculator):
    page = calculator()
    assert page.locator("#in-russian_extra").input_value() == "0"
    before = page.locator("#out-monthly").text_content()
    russian = next(x for x in PARAMS.languages if x.russian_share == 100)
    page.locator("#in-language").select_option(russian.id)
    assert page.locator("#out-monthly").text_content() == before  # a language alone: no change
    page.fill("#in-russian_extra", "20")
    default = next(p for p in PARAMS.presets if p.id == PARAMS.default_preset)
    raw = dict(preset_raw(default), language=russian.id, russian_extra="20")
    assert page.locator("#out-monthly").text_content() == python_monthly(raw) != before
    assert parse_qs(urlsplit(address(page)).query)["russian_extra"] == ["20"]
    assert based_on(page) == PARAMS.words.based_on_own


@pytest.mark.parametrize("path", ["calculator/", "ru/calculator/"])
def test_on_a_short_screen_the_estimate_is_a_one_line_bar(browser, site_server, path):
    """A phone held sideways, or a desktop zoomed to 400% (320 × 180 CSS pixels): the sticky
    estimate is one line, its range first, and still tells a screen reader everything."""
    for viewport, scale in (({"width": 320, "height": 180}, 4), ({"width": 844, "height": 390}, 2)):
        context = browser.new_context(viewport=viewport, device_scale_factor=scale)
        page = context.new_page()
        page.goto(site_server.base_url + path)
        page.locator("#in-staff").fill("12")
        page.locator("#in-staff").press("Tab")
        summary = page.locator("#estimate-summary")
        line = page.locator("#out-monthly").evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        box = summary.bounding_box()
        assert box["height"] <= line * 1.6 + 8, (viewport, box)  # one line and its padding
        # the som and the arithmetic are out of sight, not out of the live region
        for hidden in ("#out-som", "#out-arithmetic"):
            assert page.locator(hidden).evaluate("e => e.textContent.trim().length") > 0
        assert "12" in page.locator("#out-arithmetic").text_content()
        context.close()
