"""Every page shows the build's drawing of each chart at once, and becomes a Plotly chart only
when the reader points at or taps it (the calculator's chart, which follows the reader's
estimate, when it nears the screen); then without errors."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def watched_phone(browser):
    """A phone-sized page that records its errors and warnings, and every address it asks for."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    return context, page, problems, requests


def test_a_story_page_shows_the_drawing_and_fetches_plotly_only_when_a_chart_is_pointed_at(
    browser, site_server
):
    context, page, problems, requests = watched_phone(browser)
    page.goto(site_server.base_url + "kordai/")
    page.wait_for_load_state("networkidle")
    first = page.locator(".chart-plot").first
    first.scroll_into_view_if_needed()  # a chart on screen is not a chart asked for
    page.wait_for_timeout(500)
    expect(first.locator("svg.chart-sketch")).to_be_visible()
    assert not [u for u in requests if "plotly" in u], "Plotly was fetched before it was wanted"

    first.hover()
    expect(first).to_have_attribute("data-drawn", "yes", timeout=15000)
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
    plot.hover()
    expect(plot).to_have_attribute("data-drawn", "yes", timeout=15000)
    colour = page.evaluate("el => el.data[0].marker.color", plot.element_handle())
    assert colour == "#56b4e9"
    # The build's drawing takes the same colours from the stylesheet.
    page.goto(site_server.base_url + "embed/charts/database-takedown/")
    bar = page.locator(".chart-sketch rect.series-0").first
    assert page.evaluate("el => getComputedStyle(el).fill", bar.element_handle()) == "rgb(86, 180, 233)"
    context.close()


@pytest.mark.parametrize("path", ["embed/charts/database-takedown/", "ru/embed/charts/kordai-spread/"])
def test_an_embedded_chart_shows_at_once_and_fetches_plotly_only_when_pointed_at(browser, site_server, path):
    context, page, problems, requests = watched_phone(browser)
    page.goto(site_server.base_url + path)
    page.wait_for_load_state("networkidle")
    plot = page.locator(".chart-plot")
    sketch = plot.locator("svg.chart-sketch")
    # The build's drawing shows, with its marks, before any script has drawn anything.
    expect(sketch).to_be_visible()
    assert sketch.locator("rect, use").count() >= 4
    assert not [u for u in requests if "plotly" in u], "Plotly was fetched before it was wanted"
    page.mouse.wheel(0, 300)  # scrolling the embed is not asking for the chart
    page.wait_for_timeout(300)
    assert not [u for u in requests if "plotly" in u]

    height = plot.bounding_box()["height"]
    plot.hover()
    expect(plot).to_have_attribute("data-drawn", "yes", timeout=15000)
    assert [u for u in requests if "plotly" in u]
    assert plot.locator("svg.main-svg").count() >= 1 and sketch.count() == 0
    # Plotly takes the drawing's place at its height: nothing below the chart moves.
    assert abs(plot.bounding_box()["height"] - height) <= 1
    assert problems == []
    context.close()
