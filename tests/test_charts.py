"""Charts draw exactly the content's numbers and read without JavaScript."""

from __future__ import annotations

import json
import typing

import pytest
import yaml

from fakefarms.content import load_content
from fakefarms.content.model import ChartKind
from fakefarms.outputs.charts import FLOOR_ARROW, PALETTES, render_chart
from fakefarms.outputs.sketches import COLUMN_HEIGHT
from records.facts import FLOOR_HEDGES
from tests.fixturecontent import FIXTURE_CONTENT
from tests.sitecheck import pages, parsed

# Test ids only, read without loading the content; the tests take the session's `content`,
# which is this fixture's, translated.
_DECLARED = yaml.safe_load((FIXTURE_CONTENT / "charts.yaml").read_text(encoding="utf-8"))["charts"]


def chart_ids(kind: str | None = None) -> list[str]:
    return [c["id"] for c in _DECLARED if kind is None or c["kind"] == kind]


def test_the_fixture_has_a_chart_of_every_kind():
    """The tests below take their cases from the fixture's charts: with no chart of a kind
    they would pass by testing nothing, so a kind the code draws with no chart fails here."""
    kinds = typing.get_args(ChartKind)
    assert kinds
    assert [kind for kind in kinds if not chart_ids(kind)] == []
    # figures on one scale, and figures on scales of their own
    figure_charts = [c for c in _DECLARED if c["kind"] == "figures"]
    assert {bool(c.get("separate")) for c in figure_charts} == {False, True}
    # among the figures drawn, lower bounds (drawn with an arrow) and exact numbers; among the
    # ranges, a range and a single amount
    figures = yaml.safe_load((FIXTURE_CONTENT / "figures.yaml").read_text(encoding="utf-8"))["figures"]
    hedges = {f["id"]: f.get("hedge") for f in figures}
    drawn = {hedges[f] in FLOOR_HEDGES for c in figure_charts for f in c["figures"]}
    assert drawn == {False, True}
    ranged = {f["id"]: "low" in f for f in figures}
    assert {ranged[f] for c in _DECLARED if c["kind"] == "ranges" for f in c["figures"]} == {False, True}


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
    (chart,) = [content.charts[c] for c in chart_ids("timeline") if content.charts[c].category is None]
    assert content.events
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
    (chart_id,) = chart_ids("links")
    rendered = render_chart(content.charts[chart_id], content)
    assert rendered.figure is None  # drawn in HTML, readable at any width
    links = [link for farm in content.farms.values() for link in farm.links]
    assert links
    shown = [link for _farm, people in rendered.groups for _actor, its in people for link in its]
    assert shown == links
    assert [farm.id for farm, _people in rendered.groups] == [f.id for f in content.farms.values() if f.links]
    for farm, people in rendered.groups:
        names = [actor.id for actor, _links in people]
        assert len(names) == len(set(names)), farm.id
        assert all(link.actor == actor.id for actor, its in people for link in its), farm.id
    # a table row a link, each allegation with its response
    assert len(rendered.table.rows) == len(links)
    responses = [row[4] for row in rendered.table.rows if row[2].startswith("Alleged")]
    assert len(responses) == sum(1 for link in links if link.kind == "alleged") > 0
    assert all(responses)


def test_the_links_chart_pairs_every_allegation_with_its_response(built_site, content):
    (chart_id,) = chart_ids("links")
    alleged_links = sum(1 for farm in content.farms.values() for link in farm.links if link.kind == "alleged")
    for farms in (built_site / "farms" / "index.html", built_site / "ru" / "farms" / "index.html"):
        soup = parsed(farms)
        lines = soup.select(f"#chart-{chart_id} .link-line")
        alleged = [line for line in lines if line.select_one(".tag-alleged")]
        assert len(alleged) == alleged_links > 0, farms
        assert all(line.select_one(".tag-response") for line in alleged), farms


#: Events added to the fixture's for a chronology of their own category: two at a time of day,
#: then one dated only to the day; and another category's event at a time, which the chronology
#: leaves out.
TIMED_EVENTS = """
  - id: first-report
    date: 2020-02-07 22:00
    title: A first report
    text: Something is reported.
    category: kordai
    sources: [{source: kloop, section: intro}]
  - id: second-report
    date: 2020-02-08 05:00
    title: A second report
    text: Something more is reported.
    category: kordai
    sources: [{source: kloop, section: intro}]
  - id: a-later-day
    date: 2020-02-09
    title: A day without a time
    text: Something happens that day.
    category: kordai
    sources: [{source: kloop, section: intro}]
  - id: farm-at-night
    date: 2020-02-07 23:00
    title: A farm posts
    text: The accounts post.
    category: farm
    sources: [{source: kloop, section: intro}]
"""


def test_chronology_uses_only_times_the_source_gives(content):
    (chart_id,) = chart_ids("chronology")
    chart = content.charts[chart_id]
    rendered = render_chart(chart, content)
    points, spans = rendered.figure["data"]
    events = [e for e in content.events if e.category == chart.category]
    assert events
    assert len(points["x"]) == sum(1 for e in events if e.date.hour is not None)
    assert len(spans["x"]) == sum(1 for e in events if e.date.hour is None)
    assert len(rendered.table.rows) == len(events)
    assert min([*points["x"], *spans["base"]]) == 0  # hours after the first


def test_a_chronology_counts_hours_from_the_first_and_draws_a_day_without_time_whole(content_copy):
    (chart_id,) = chart_ids("chronology")
    file = content_copy / "charts.yaml"
    schema, _, text = file.read_text(encoding="utf-8").partition("\n")
    charts = yaml.safe_load(text)
    next(c for c in charts["charts"] if c["id"] == chart_id)["category"] = "kordai"
    file.write_text(f"{schema}\n{yaml.safe_dump(charts, sort_keys=False)}", encoding="utf-8")
    timeline = content_copy / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8") + TIMED_EVENTS, encoding="utf-8")
    timed = load_content(content_copy)
    rendered = render_chart(timed.charts[chart_id], timed)
    points, spans = rendered.figure["data"]
    # A point at each time given, in hours from the first; the day given without one, whole.
    assert list(points["x"]) == [0, 7]
    assert (list(spans["base"]), list(spans["x"])) == ([26], [24])
    assert [row[1:] for row in rendered.table.rows] == [
        ["0", "A first report"],
        ["7", "A second report"],
        ["26–50 (the source gives no time: the whole day is drawn)", "A day without a time"],
    ]
    # The drawing has the same rows, under the events' names.
    assert [t.text for t in rendered.sketch.texts if t.kind == "label"] == [
        "A first report",
        "A second report",
        "A day without a time",
    ]


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
