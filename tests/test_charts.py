"""Charts draw exactly the content's numbers and read without JavaScript."""

from __future__ import annotations

import json

import pytest
import yaml

from fakefarms.content import load_content
from fakefarms.outputs.charts import FLOOR_ARROW, PALETTES, render_chart
from fakefarms.outputs.sketches import COLUMN_HEIGHT
from tests.conftest import SHIPPED_CONTENT
from tests.sitecheck import pages, parsed

# Test ids only, read without loading the content; the tests take the session's `content`.
_DECLARED = yaml.safe_load((SHIPPED_CONTENT / "charts.yaml").read_text(encoding="utf-8"))["charts"]


def chart_ids(kind: str | None = None) -> list[str]:
    return [c["id"] for c in _DECLARED if kind is None or c["kind"] == kind]


def test_the_charts_tested_by_kind_exist():
    """The tests below take their cases from the content's charts: with no chart of a kind
    they would pass by testing nothing, so an empty kind fails here instead."""
    assert chart_ids("figures") and chart_ids("ranges") and chart_ids()


def value_of(figure):
    return figure.bounds[1]


@pytest.mark.parametrize("chart_id", chart_ids("figures"))
def test_figure_bars_equal_yaml(content, chart_id):
    chart = content.charts[chart_id]
    traces = render_chart(chart, content).figure["data"]
    bars = [t for t in traces if t["type"] == "bar"]
    figures = [content.figures[f] for f in chart.figures]
    assert [x for bar in bars for x in bar["x"]] == [value_of(f) for f in figures]
    # Each number as the source gives it; each lower bound, and only those, runs on into an arrow.
    assert [t for bar in bars for t in bar["text"]] == [
        (FLOOR_ARROW if f.is_floor else "") + f.text() for f in figures
    ]
    if chart.separate:  # one scale a figure: a bar a row, each on its own axes
        assert len(bars) == len(figures)
        assert len({bar["xaxis"] for bar in bars}) == len(figures)


@pytest.mark.parametrize("chart_id", chart_ids("ranges"))
def test_range_bars_equal_yaml(content, chart_id):
    chart = content.charts[chart_id]
    rendered = render_chart(chart, content)
    spans, points = rendered.figure["data"]
    drawn = {}
    for base, width, text in zip(spans["base"], spans["x"], spans["text"], strict=True):
        drawn[text] = (base, base + width)
    for x, text in zip(points["x"], points["text"], strict=True):
        drawn[text] = (x, x)
    for figure_id in chart.figures:
        f = content.figures[figure_id]
        low, high = f.bounds
        assert drawn[(FLOOR_ARROW if f.is_floor else "") + f.text()] == (low, high), figure_id


def test_timeline_chart_has_every_event(content):
    chart = next(c for c in list(content.charts.values()) if c.kind == "timeline" and c.category is None)
    traces = render_chart(chart, content).figure["data"]
    assert sum(len(t["x"]) for t in traces) == len(content.events)


#: Events added to the fixture's two (a farm's in August 2019, an investigation's on 31
#: December 2020): one in 2016, none in 2017 or 2018, a second in 2019 of another kind.
MORE_EVENTS = """
  - id: history-2016
    date: 2016
    title: An early event
    text: Something happens.
    category: history
    sources: [{source: kloop, section: intro}]
  - id: history-2019
    date: 2019-11-05
    title: A later event
    text: Something else happens.
    category: history
    sources: [{source: kloop, section: intro}]
"""


@pytest.fixture
def more_events(content_copy):
    timeline = content_copy / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8") + MORE_EVENTS, encoding="utf-8")
    return load_content(content_copy)


def test_a_per_year_chart_counts_each_years_events_by_kind(more_events):
    rendered = render_chart(more_events.charts["per-year"], more_events)
    # Every year from the first to the last, a year without events too; kinds in the order
    # they first appear, as on the timeline.
    assert rendered.table.columns == ["Year", "Events", "History", "Farm", "Investigation"]
    assert rendered.table.rows == [
        ["2016", "1", "1", "0", "0"],
        ["2017", "0", "0", "0", "0"],
        ["2018", "0", "0", "0", "0"],
        ["2019", "2", "1", "1", "0"],
        ["2020", "1", "0", "0", "1"],
    ]
    bars = [t for t in rendered.figure["data"] if t["type"] == "bar"]
    assert {t["name"]: list(t["y"]) for t in bars} == {
        "History": [1, 0, 0, 1, 0],
        "Farm": [0, 0, 0, 1, 0],
        "Investigation": [0, 0, 0, 0, 1],
    }
    assert all(list(t["x"]) == [2016, 2017, 2018, 2019, 2020] for t in bars)
    assert rendered.figure["layout"]["barmode"] == "stack"
    (totals,) = [t for t in rendered.figure["data"] if t["type"] == "scatter"]
    assert (list(totals["y"]), list(totals["text"])) == ([1, 0, 0, 2, 1], ["1", "0", "0", "2", "1"])
    # The drawing: a column a year, a bar a kind stacked from one baseline, each as tall as its
    # count (the tallest column is COLUMN_HEIGHT), the total over it and every year under it.
    sketch = rendered.sketch
    bars = [s for s in sketch.shapes if s.width.endswith("%")]  # not the legend's keys
    one = COLUMN_HEIGHT // 2
    assert [(s.x, s.height, s.series) for s in bars] == [
        ("6.68%", one, 0),
        ("61.88%", one, 0),
        ("61.88%", one, 1),
        ("80.28%", one, 2),
    ]
    assert bars[1].y == bars[2].y + one  # 2019: the farm's bar on the history one
    assert len({s.y + s.height for s in bars if s is not bars[2]}) == 1  # one baseline
    assert [t.text for t in sketch.texts if t.kind == "value"] == ["1", "0", "0", "2", "1"]
    assert [t.text for t in sketch.texts if t.kind == "tick"] == ["2016", "2017", "2018", "2019", "2020"]
    assert [t.text for t in sketch.texts if t.kind == "legend"] == ["History", "Farm", "Investigation"]


def test_links_chart_lists_each_person_once_a_farm_with_every_link(content):
    chart = next(c for c in list(content.charts.values()) if c.kind == "links")
    rendered = render_chart(chart, content)
    assert rendered.figure is None  # drawn in HTML, readable at any width
    links = [link for farm in content.farms.values() for link in farm.links]
    shown = [link for _farm, people in rendered.groups for _actor, its in people for link in its]
    assert shown == links
    for farm, people in rendered.groups:
        names = [actor.id for actor, _links in people]
        assert len(names) == len(set(names)), farm.id
    responses = [row[4] for row in rendered.table.rows if row[2].startswith("Alleged")]
    assert all(responses)


def test_the_links_chart_pairs_every_allegation_with_its_response(built_site):
    farms = built_site / "farms" / "index.html"
    soup = parsed(farms)
    lines = soup.select("#chart-farm-links .link-line")
    alleged = [line for line in lines if line.select_one(".tag-alleged")]
    assert alleged
    assert all(line.select_one(".tag-response") for line in alleged)


def test_chronology_uses_only_times_the_source_gives(content):
    chart = next(c for c in list(content.charts.values()) if c.kind == "chronology")
    rendered = render_chart(chart, content)
    points, spans = rendered.figure["data"]
    events = [e for e in content.events if e.category == chart.category]
    assert len(points["x"]) == sum(1 for e in events if e.date.hour is not None)
    assert len(spans["x"]) == sum(1 for e in events if e.date.hour is None)
    assert points["x"][0] == 0


@pytest.mark.parametrize("chart_id", chart_ids())
def test_table_and_csv_match(content, chart_id):
    chart = content.charts[chart_id]
    rendered = render_chart(chart, content)
    lines = rendered.table.csv().splitlines()
    assert len(lines) == len(rendered.table.rows) + 1
    assert rendered.table.rows


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_colours_pass_non_text_contrast(scheme):
    palette = PALETTES[scheme]
    for colour in palette["series"]:
        assert contrast(colour, palette["background"]) >= 3, colour  # WCAG 1.4.11
    assert contrast(palette["text"], palette["background"]) >= 4.5  # WCAG 1.4.3
    # Labels inside bars are drawn in the background colour on the bar.
    assert contrast(palette["series"][0], palette["background"]) >= 4.5


def chart_pages(root):
    for page in pages(root):
        soup = parsed(page)
        if soup.select("figure.chart"):
            yield page, soup


def test_every_chart_reads_without_javascript(built_site, content):
    seen = set()
    for page, soup in chart_pages(built_site):
        for figure in soup.select("figure.chart"):
            chart_id = figure["id"].removeprefix("chart-")
            seen.add(chart_id)
            assert figure.select_one("figcaption .chart-title").get_text(strip=True)
            assert figure.select_one("figcaption .chart-summary").get_text(strip=True)
            assert figure.select("table tbody tr"), (page, chart_id)
            # a chart's sources: its notes, or in an embed a link to where they are listed
            told = figure.select_one(".chart-source a[target=_top]")
            assert figure.select_one(".chart-source .cite") or (
                told and told["href"].endswith(f"#chart-{chart_id}")
            ), (page, chart_id)
            download = figure.select_one(".chart-download a[download]")
            assert download["href"].endswith(".csv")
            if figure.select_one(".link-blocks"):
                continue  # drawn in HTML: nothing waits for a script
            plot = figure.select_one(".chart-plot")
            assert plot["role"] == "img" and plot["aria-label"].startswith(("Chart:", "График:"))
            data = json.loads(figure.select_one("script[type='application/json']").string)
            assert data["layout"]["meta"]["title"] == figure.select_one(".chart-title").get_text()
    assert set(content.charts) <= seen


def test_first_html_carries_no_chart_script(built_site):
    for page in pages(built_site):
        soup = parsed(page)
        for script in soup.find_all("script"):
            assert "plotly" not in script.get("src", "").lower(), page
            if not script.get("src"):
                assert script.get("type") == "application/json", page  # data, never code
        assert not soup.select("head script[src*=charts]"), page
        # nothing loads or preloads Plotly; a page in another language only names the script
        # with Plotly's words for it, which charts.js loads with Plotly
        assert not soup.select("link[href*=plotly]"), page
        for plot in soup.select(".chart-plot[data-locale-src]"):
            assert "/vendor/plotly-locale-" in plot["data-locale-src"], page
    script = next((built_site / "assets" / "js").glob("charts.*.js")).read_text()
    assert "@PLOTLY_BUNDLE@" not in script and "../vendor/plotly-basic.min." in script
    bundle = list((built_site / "assets" / "vendor").glob("plotly-basic.min.*.js"))
    assert len(bundle) == 1  # served from the site's own origin, content-hashed


def test_charts_load_only_on_chart_pages(built_site):
    for page in pages(built_site):
        soup = parsed(page)
        has_charts = bool(soup.select(".chart-plot"))
        loads = bool(soup.select("script[src*='js/charts.']"))
        assert has_charts == loads, page


def test_csv_downloads_match_tables(built_site, content):
    for chart in content.charts.values():
        csv = (built_site / "charts" / f"{chart.id}.csv").read_text(encoding="utf-8")
        assert csv == render_chart(chart, content).table.csv()
