"""Charts are drawn only when they near the screen, and then without errors."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_plotly_loads_only_when_a_chart_nears_the_screen(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_server.base_url + "kordai/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "plotly" in u], "Plotly was fetched before any chart was near"

    first = page.locator(".chart-plot").first
    first.scroll_into_view_if_needed()
    page.wait_for_selector(".chart-plot[data-drawn=yes]", timeout=15000)
    assert [u for u in requests if "plotly" in u]
    assert first.locator("svg.main-svg").count() >= 1
    assert problems == []
    context.close()


def test_dark_scheme_recolours_charts(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(site_server.base_url)
    plot = page.locator(".chart-plot[data-chart=database-takedown]")
    plot.scroll_into_view_if_needed()
    expect(plot).to_have_attribute("data-drawn", "yes", timeout=15000)
    colour = page.evaluate("el => el.data[0].marker.color", plot.element_handle())
    assert colour == "#56b4e9"
    context.close()
