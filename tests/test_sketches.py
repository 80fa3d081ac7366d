"""Charts drawn at build time: the same rows, numbers and colours as the Plotly charts, placed
to fit any width."""

from __future__ import annotations

import re
from itertools import accumulate

import pytest
from bs4 import BeautifulSoup

from fakefarms.outputs.charts import PALETTES, render_chart
from fakefarms.outputs.chartspec import ChartSpec, Mark, Row, Scale, Series, Table, linear_scale
from fakefarms.outputs.sketches import (
    BAR,
    COLUMN_HEIGHT,
    COLUMN_SHARE,
    LEFT,
    NARROWEST,
    TEXT_SIZE,
    TEXT_SIZES,
    WIDTH,
    draw_sketch,
    label_lines,
    row_places,
    scale_end,
    text_place,
    text_width,
)
from tests.conftest import ROOT
from tests.sitecheck import pages, parsed
from tests.test_charts import chart_ids


@pytest.mark.parametrize(
    ("low", "high", "options", "ticks"),
    [
        (0, 1360, {}, [0, 500, 1000]),
        (0, 5100, {}, [0, 2000, 4000]),
        (0, 85, {}, [0, 20, 40, 60, 80]),
        (0, 2550, {}, [0, 1000, 2000]),
        (2009.6, 2021.2, {"steps": (1, 2, 5)}, [2010, 2015, 2020]),
        (0, 50, {"step": 12}, [0, 12, 24, 36, 48]),
    ],
)
def test_scales_have_round_ticks(low, high, options, ticks):
    scale = linear_scale(low, high, lambda v: f"{v:g}", **options)
    assert [value for value, _text in scale.ticks] == ticks
    assert [text for _value, text in scale.ticks] == [f"{t:g}" for t in ticks]


def test_marks_are_placed_across_in_percent_of_the_width():
    scale = Scale(0, 100, ((0, "0"), (50, "50"), (100, "100")))
    sketch = draw_sketch(
        ChartSpec(
            "ranges",
            "A title",
            "Source: test",
            "en",
            Table([]),
            (Series(), Series("", "diamond")),
            rows=(
                Row("Short", (Mark(0, 25, text="25"),)),
                Row("Long", (Mark(0, 80, text="80"),)),
                Row("Point", (Mark(40, series=1, text="about 40"),)),
            ),
            scale=scale,
        )
    )
    short, long_, point = sketch.shapes
    assert (short.x, short.width) == ("3.00%", "23.00%")  # 92% of the width is the scale's
    assert (long_.x, long_.width) == ("3.00%", "73.60%")
    assert (point.x, point.symbol, point.series) == ("39.80%", "diamond", 1)
    values = {t.text: t for t in sketch.texts}
    assert values["25"].kind == "value" and values["25"].anchor == "start"  # after a short bar
    assert values["80"].kind == "inside" and values["80"].anchor == "end"  # inside a long one
    assert values["about 40"].x == point.x and values["about 40"].dx > 0
    # Numbers at either end of the scale stay inside the drawing.
    assert [values[n].anchor for n in ("0", "50", "100")] == ["start", "middle", "end"]
    # Rows go down the drawing in order, below the title and source line.
    tops = [values[label].y for label in ("A title", "Source: test", "Short", "Long", "Point")]
    assert tops == sorted(tops) and sketch.height > tops[-1]
    assert set(sketch.symbols) == {"diamond"}


@pytest.mark.parametrize("chart_id", [c for c in chart_ids() if c not in chart_ids("links")])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_drawing_has_every_row_and_number_of_its_chart(content, chart_id, language):
    content = content.translations.get(language, content)
    assert content.language == language
    rendered = render_chart(content.charts[chart_id], content)
    sketch = rendered.sketch
    labels = [t.text for t in sketch.texts if t.kind == "label"]
    kind = content.charts[chart_id].kind
    texts = [
        line
        for trace in rendered.figure["data"]
        if trace.get("mode") != "markers"
        for text in trace.get("text") or []
        if text
        for line in text.split("<br>")
    ]
    if kind == "timeline":  # a row a category, a mark an event, a note each named event
        assert labels == list(dict.fromkeys(row[2] for row in rendered.table.rows))
        assert len([s for s in sketch.shapes if s.symbol]) == len(rendered.table.rows)
        assert sorted(t.text for t in sketch.texts if t.kind == "note") == sorted(texts)
    elif kind == "per-year":  # a column a year under its total, a bar each kind it has
        rows = rendered.table.rows
        assert [t.text for t in sketch.texts if t.kind == "value"] == [row[1] for row in rows]
        assert texts == [row[1] for row in rows]  # Plotly writes the same totals
        ticks = [t.text for t in sketch.texts if t.kind == "tick"]
        assert ticks[-1] == rows[-1][0] and set(ticks) <= {row[0] for row in rows}
        bars = [s for s in sketch.shapes if s.width.endswith("%")]
        assert len(bars) == sum(1 for row in rows for count in row[2:] if count != "0")
    else:  # a row a table row, under its label, with the number as reported
        named = 2 if kind == "chronology" else 0
        assert labels == [line for row in rendered.table.rows for line in label_lines(row[named])]
        drawn = [t.text for t in sketch.texts if t.kind in ("value", "inside")]
        assert sorted(drawn) == sorted(texts)
    assert " ".join(t.text for t in sketch.texts if t.kind == "title") == rendered.title


@pytest.mark.parametrize("chart_id", chart_ids("figures") + chart_ids("ranges"))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_plotly_puts_each_number_where_the_drawing_does(content, chart_id, language):
    """Inside a bar's end, or beside its mark: one decision, for both renderers."""
    content = content.translations.get(language, content)
    assert content.language == language
    rendered = render_chart(content.charts[chart_id], content)
    drawn = {
        t.text: t.kind == "inside" or t.anchor == "end"
        for t in rendered.sketch.texts
        if t.kind in ("value", "inside")
    }
    placed = [
        (text, where)
        for trace in rendered.figure["data"]
        for text, where in zip(trace.get("text") or [], trace.get("textposition") or [], strict=True)
    ]
    assert len(placed) == len(drawn) == len(rendered.spec.rows)  # a number a row
    for text, where in placed:
        assert drawn[text] == (where in ("inside", "middle left")), (text, where)


def _across(scale: Scale, start: float, end: float | None) -> tuple[str, str]:
    """Where a mark from `start` (to `end`, for a bar) on `scale` is across the drawing, as the
    drawing writes it: its start, and a bar's width."""
    width = "" if end is None else f"{WIDTH * (scale.place(end) - scale.place(start)):.2f}%"
    return f"{LEFT + WIDTH * scale.place(start):.2f}%", width


def plotly_marks(rendered) -> list[tuple]:
    """Each mark in the Plotly figure's traces: its row's number, where it is across the
    drawing on its row's scale, its colour and its symbol ("" for a bar)."""
    spec = rendered.spec
    middles = [middle for _top, middle in row_places(spec)[0]]
    labels = [row.label for row in spec.rows]
    marks = []
    for trace in rendered.figure["data"]:
        if trace["type"] == "bar":
            bases = trace.get("base") or [0] * len(trace["x"])
            ends = [(base, base + x) for base, x in zip(bases, trace["x"], strict=True)]
        else:
            ends = [(x, None) for x in trace["x"]]
        for y, (start, end) in zip(trace["y"], ends, strict=True):
            row = labels.index(y) if isinstance(y, str) else middles.index(y)  # y: label or middle
            marks.append(
                (
                    row,
                    *_across(spec.rows[row].scale or spec.scale, start, end),
                    trace["meta"]["series"],
                    trace["marker"].get("symbol", ""),
                )
            )
    return sorted(marks)


def drawn_marks(rendered) -> list[tuple]:
    """Each mark of the drawing (not the legend's keys), as `plotly_marks` gives them."""
    middles = [middle for _top, middle in rendered.sketch.rows]
    return sorted(
        (middles.index(s.y if s.symbol else s.y + BAR // 2), s.x, s.width, s.series, s.symbol)
        for s in rendered.sketch.shapes
        if s.x.endswith("%")
    )


def plotly_columns(rendered) -> list[tuple]:
    """Each bar of the Plotly figure's stacked columns, as the drawing places and sizes it: its
    place across, its height and its colour."""
    bars = [trace for trace in rendered.figure["data"] if trace["type"] == "bar"]
    years = len(bars[0]["x"])
    stacks = [[trace["y"][n] for trace in bars] for n in range(years)]
    high, slot = max(sum(stack) for stack in stacks), WIDTH / years

    def up(count: int) -> int:
        return round(count * COLUMN_HEIGHT / high)

    drawn = []
    for n, stack in enumerate(stacks):
        for trace, bottom, count in zip(bars, [0, *accumulate(stack)][:-1], stack, strict=True):
            if up(bottom + count) > up(bottom):
                drawn.append(
                    (
                        f"{LEFT + slot * (n + 0.5) - slot * COLUMN_SHARE / 2:.2f}%",
                        up(bottom + count) - up(bottom),
                        trace["meta"]["series"],
                    )
                )
    return drawn


def texts(sketch, kind: str) -> list[str]:
    return [t.text for t in sketch.texts if t.kind == kind]


def test_the_plotly_figure_and_the_drawing_show_the_same_chart(content):
    """Two renderers of one spec: every chart's Plotly traces hold the marks the drawing draws,
    at the same values, in the same rows, colours and symbols, under the same labels, title,
    source line and legend, in every language."""
    assert content.translations
    for charts in (content, *content.translations.values()):
        for chart in charts.charts.values():
            if chart.kind == "links":
                continue
            rendered = render_chart(chart, charts)
            figure, sketch = rendered.figure, rendered.sketch
            if rendered.spec.columns:
                assert plotly_columns(rendered) == [
                    (s.x, s.height, s.series) for s in sketch.shapes if s.x.endswith("%")
                ], chart.id
                assert figure["layout"]["xaxis"]["ticktext"] == texts(sketch, "tick"), chart.id
            else:
                assert plotly_marks(rendered) == drawn_marks(rendered), chart.id
                labels = [a["text"] for a in figure["layout"]["annotations"]]
                assert "<br>".join(labels).split("<br>") == texts(sketch, "label"), chart.id
            title = figure["layout"]["title"]
            assert title["text"].split("<br>") == texts(sketch, "title"), chart.id
            assert title["subtitle"]["text"].split("<br>") == texts(sketch, "credit"), chart.id
            # The same names in the same order; each renderer wraps them to its own keys' widths.
            named = [t["name"] for t in figure["data"] if t.get("showlegend") is not False]
            legend = " ".join(named).replace("<br>", " ") if figure["layout"]["showlegend"] else ""
            assert legend.split() == " ".join(texts(sketch, "legend")).split(), chart.id


def _pixels(place: float) -> float:
    """Where a place on a scale is, in pixels across the narrowest drawing."""
    return NARROWEST * (LEFT + WIDTH * place) / 100


@pytest.mark.parametrize(
    ("mark", "place"),
    [
        (Mark(0, 30, text="425"), "after"),  # room after a short bar
        (Mark(0, 90, text="425"), "inside"),  # a long bar holds its number in its end
        (Mark(0, 60, text="approximately 8,000 accounts"), "under"),  # room neither in it nor after
        (Mark(95, series=1, text="3000 dollars"), "before"),  # a point near the end
        (Mark(5, series=1, text="3000 dollars"), "after"),
    ],
)
def test_a_number_goes_where_it_is_whole_on_the_narrowest_screen(mark, place):
    scale = Scale(0, 100, ())
    assert text_place(mark, scale) == place
    width, end = text_width(mark.text), _pixels(scale.place(mark.to if mark.to is not None else mark.at))
    if place == "after":
        assert end + width <= NARROWEST
    if place in ("inside", "before"):
        assert end - width >= 0


def test_a_scale_runs_on_until_each_number_has_room():
    marks = [Mark(0, 50, text="▶ at least half of those checked")]
    assert text_place(marks[0], Scale(0, 85, ())) == "under"
    end = scale_end(0, 85, marks)
    assert end > 85 and text_place(marks[0], Scale(0, end, ())) == "after"
    # no further than it must: a little less and the number is cut
    assert text_place(marks[0], Scale(0, end * 0.98, ())) == "under"
    short = [Mark(0, 50, text="50%")]
    assert scale_end(0, 85, short) == 85


def test_texts_are_measured_at_the_sizes_the_stylesheet_sets():
    css = (ROOT / "site" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    rules = {
        selector.strip(): body
        for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css)
        for selector in selectors.split(",")
    }

    def size(selector: str) -> tuple[int, bool]:
        body = rules[selector]
        return (int(re.search(r"font-size: (\d+)px", body).group(1)), "font-weight: 700" in body)

    assert size(".chart-sketch text") == TEXT_SIZE
    for kind, measured in TEXT_SIZES.items():
        assert size(f".chart-sketch .{kind}") == measured, kind


def test_the_drawing_colours_are_the_charts_palettes(built_site):
    (stylesheet,) = (built_site / "assets" / "css").glob("site.*.css")
    css = stylesheet.read_text(encoding="utf-8")
    light, _, dark = css.partition("@media (prefers-color-scheme: dark)")
    for scheme, text in (("light", light), ("dark", dark.partition("}\n}")[0])):
        for number, colour in enumerate(PALETTES[scheme]["series"]):
            assert f"--series-{number}: {colour};" in text, scheme
            assert f".chart-sketch .series-{number} {{ fill: var(--series-{number}); }}" in css


def test_every_page_shows_the_drawing_until_the_reader_asks_for_plotly(built_site, content):
    shown: dict[str, set[str]] = {"en": set(), "ru": set()}
    for file in pages(built_site):
        soup = parsed(file)
        for plot in soup.select(".chart-plot[data-chart]"):
            # The drawing is in the Plotly box, which waits for the reader's pointer, with or
            # without JavaScript; only the estimate's chart is drawn by its script alone.
            kept = plot.find_next_sibling("noscript")
            if plot["data-chart"] == "calculator-breakdown":
                assert not kept and not plot.select_one("svg.chart-sketch")
                continue
            assert not kept, file
            sketch = plot.select_one("svg.chart-sketch")
            assert sketch and plot.get("data-draw") == "on-request", file
            if sketch:
                language = "ru" if file.relative_to(built_site).parts[0] == "ru" else "en"
                shown[language].add(plot["data-chart"])
                # The drawing is in the page's language.
                title = plot.find_parent("figure").select_one(".chart-title").get_text()
                drawn = "".join(t.get_text() for t in sketch.select("text.title"))
                assert drawn.replace(" ", "") == title.replace(" ", "")  # lines may break at a hyphen
                # Each symbol it uses is defined once, under an id of its own chart.
                ids = [p["id"] for p in sketch.select("defs path")]
                uses = {u["href"].lstrip("#") for u in sketch.select("use")}
                assert uses <= set(ids) and all(i.startswith(f"sketch-{plot['data-chart']}-") for i in ids)
    # every chart Plotly draws, in both languages
    drawn = {c.id for c in content.charts.values() if c.kind != "links"}
    assert drawn and {language: drawn for language in ("en", "ru")} == shown


def test_the_embeds_page_previews_each_chart(built_site, content):
    embeddable = [c for c in content.charts.values() if not c.compact]
    for folder in ("embed", "ru/embed"):
        soup = parsed(built_site / folder / "index.html")
        items = soup.select(".embed-item[id^=embed-chart-]")
        assert [i["id"] for i in items] == [f"embed-chart-{c.id}" for c in embeddable], folder
        previewed = [i["id"] for i in items if i.select_one(".embed-preview[role=img] svg.chart-sketch")]
        # Every chart but the links, which is drawn in HTML, has its drawing as a preview.
        assert previewed == [f"embed-chart-{c.id}" for c in embeddable if c.kind != "links"], folder


def test_a_chart_embed_code_is_tall_enough_for_its_drawing(built_site, content):
    """Without the resizing script the iframe keeps the height in its code: the whole chart
    shows, not its top."""
    soup = parsed(built_site / "embed" / "index.html")
    for item in soup.select(".embed-item[id^=embed-chart-]"):
        preview = item.select_one("svg.chart-sketch")
        if preview:
            code = BeautifulSoup(item.select_one("textarea").get_text(), "html.parser")
            assert int(code.iframe["height"]) > int(preview["height"]) + 300
