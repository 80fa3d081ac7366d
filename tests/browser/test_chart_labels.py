"""No chart's words are cut or crowded on a phone: at the narrowest screen the site supports
(320 px) and at a common one (390 px), every text a chart draws (title, labels, numbers, ticks,
legend) lies inside the chart's own box and clear of every other, in the build's drawing and in
the Plotly chart that replaces it when the reader reaches for it, on every page that shows a
chart (embeds included), in every language."""

from __future__ import annotations

import pytest

from tests.sitecheck import TRANSLATIONS, in_edition, parsed

pytestmark = pytest.mark.browser

WIDTHS = (320, 390)
#: How far (CSS px) a text may pass its box's edge: anti-aliasing, not a cut letter.
TOLERANCE = 0.5
#: How far two texts' boxes may overlap (CSS px, each way): a text's box holds its font's whole
#: height, so lines stacked close share a pixel of box, not of ink.
OVERLAP = 1.5
SKETCHES = "svg.chart-sketch"  # the build's drawings, the charts page's previews included
PLOTS = ".chart-plot[data-drawn=yes]"  # what Plotly has drawn

#: The chart a box belongs to: its plot's, or that of the charts page's or embeds page's entry
#: it previews.
CHART_OF = """(box) => box.closest("[data-chart]")?.dataset.chart
  || box.closest(".chart-entry")?.querySelector("a").hash.replace("#chart-", "")
  || box.closest(".embed-item")?.id.replace("embed-chart-", "")"""
#: The charts each box shows, every text that passes its own box's edge, by how much, and every
#: two texts of a box that overlap. Plotly's hover labels float over the page, and the ticks it
#: hides are not drawn: both are left out.
MEASURE = f"""([selector, tolerance, overlap]) => {{
  const chartOf = {CHART_OF};
  const boxes = [...document.querySelectorAll(selector)];
  const textsOf = (box) => [...box.querySelectorAll("text")]
    .filter((t) => t.textContent.trim() && !t.closest(".hoverlayer") && t.getClientRects().length);
  const overlaps = boxes.flatMap((box) => {{
    const texts = textsOf(box).map((t) => [t.textContent, t.getBoundingClientRect()]);
    return texts.flatMap(([a, ra], i) => texts.slice(i + 1)
      .filter(([, rb]) => Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > overlap
        && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > overlap)
      .map(([b]) => ({{chart: chartOf(box), a, b}})));
  }});
  const cuts = boxes.flatMap((box) => {{
    const edge = box.getBoundingClientRect();
    return textsOf(box)
      .map((t) => {{
        const r = t.getBoundingClientRect();
        const past = [["left", edge.left - r.left], ["right", r.right - edge.right],
                      ["top", edge.top - r.top], ["bottom", r.bottom - edge.bottom]];
        const [side, by] = past.sort((a, b) => b[1] - a[1])[0];
        return {{chart: chartOf(box), text: t.textContent, side, by}};
      }})
      .filter((cut) => cut.by > tolerance);
  }});
  return {{charts: boxes.map(chartOf), cuts, overlaps}};
}}"""


def draw_with_plotly(page) -> None:
    """Every chart on the page as Plotly draws it for a reader who points at it (or, for the
    calculator's, scrolls to it)."""
    for chart in page.eval_on_selector_all(
        ".chart-plot[data-chart]", "plots => plots.map((p) => p.dataset.chart)"
    ):
        plot = page.locator(f".chart-plot[data-chart='{chart}']")
        plot.scroll_into_view_if_needed()
        if plot.get_attribute("data-draw") == "on-request":
            plot.hover()
        page.wait_for_selector(f".chart-plot[data-chart='{chart}'][data-drawn=yes]", timeout=15000)
    page.mouse.move(0, 0)  # no hover label left open


@pytest.fixture(scope="module")
def measured(browser, site_server, site_pages):
    """Every page that shows a chart, at each width: the texts cut, and the charts measured in
    each language, as drawn by the build and by Plotly."""
    shown = [
        (name, url)
        for name, url in site_pages
        if parsed(site_server.folder / name).select(f"{SKETCHES}, .chart-plot[data-chart]")
    ]
    cuts: dict[int, list[str]] = {}
    charts: dict[tuple[str, str], set[str]] = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        cuts[width] = []
        for name, url in shown:
            page.goto(url)
            for drawn_by, selector in (("the drawing", SKETCHES), ("Plotly", PLOTS)):
                if drawn_by == "Plotly":
                    draw_with_plotly(page)
                found = page.evaluate(MEASURE, [selector, TOLERANCE, OVERLAP])
                charts.setdefault((in_edition(name)[0], drawn_by), set()).update(found["charts"])
                cuts[width] += [
                    f"{name}: {c['chart']} ({drawn_by}): “{c['text']}” runs "
                    f"{c['by']:.1f} px past the {c['side']} edge"
                    for c in found["cuts"]
                ] + [
                    f"{name}: {o['chart']} ({drawn_by}): “{o['a']}” overlaps “{o['b']}”"
                    for o in found["overlaps"]
                ]
        context.close()
    return cuts, charts


@pytest.mark.parametrize("width", WIDTHS)
def test_no_chart_text_runs_past_its_chart_or_over_another(measured, width):
    cuts, _charts = measured
    assert not cuts[width], "\n".join(cuts[width])


def test_every_chart_is_measured_in_every_language(measured, shipped_model):
    _cuts, charts = measured
    drawn = {c.id for c in shipped_model.charts.values() if c.kind != "links"}  # links: HTML, not SVG
    for language in ("en", *TRANSLATIONS):
        assert drawn <= charts[(language, "the drawing")], language
        # Plotly draws each too, and the calculator's chart, which only Plotly draws.
        assert drawn | {"calculator-breakdown"} <= charts[(language, "Plotly")], language
