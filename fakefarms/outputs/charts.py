"""Charts built from the content: each described once, as a chart spec (chartspec.py), and drawn
from it twice: as a Plotly figure (`plotly_figure`, here) and as the build's SVG drawing
(`sketches.draw_sketch`).

A builder reads the content and returns the spec: its rows or columns of marks, their scales,
series and labels, and the data table that readers without JavaScript see, so the figure, the
drawing and the table cannot disagree. Figures are emitted as JSON for the page's own module to
draw; no Plotly script is written into the HTML.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate
from typing import Any

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from calculator.params import Notes
from fakefarms.content import Content
from fakefarms.content.catalogs import date_text, say
from fakefarms.content.model import Chart, Event, capitalize_first
from fakefarms.outputs.chartspec import (
    SYMBOLS,
    ChartSpec,
    Column,
    Mark,
    Row,
    Scale,
    Series,
    Table,
    colour,
    linear_scale,
)
from fakefarms.outputs.palette import SCHEMES, SERIES
from fakefarms.outputs.sketches import (
    BAR,
    COLUMN_SHARE,
    PLOTLY_LEFT,
    PLOTLY_RIGHT,
    ROW_GAP,
    Sketch,
    axis_title_lines,
    column_texts,
    credit_lines,
    draw_sketch,
    label_lines,
    legend_rows,
    note_side,
    row_places,
    scale_end,
    text_place,
    title_lines,
)
from records.facts import Citation, Figure
from records.numbers import CENTS, affixes, decimal, figure_number, money

#: The Plotly charts' colours for each colour scheme, from the site's palette (palette.py): the
#: page's background and text, its lines for the grid, and the series' marker and bar colours.
PALETTES = {
    scheme: {
        "background": colours["bg"],
        "text": colours["text"],
        "grid": colours["line"],
        "series": SERIES[scheme],
    }
    for scheme, colours in SCHEMES.items()
}


FLOOR_ARROW = "\u25b6 "  # after a bar that shows a lower bound


@dataclass
class RenderedChart:
    """Everything a page needs to show one chart."""

    id: str
    title: str
    summary: str
    sources: list[Citation]
    table: Table
    figure: dict | None  # None: the chart is drawn in HTML (see `groups`), not by Plotly
    size: str  # "short", "medium" or "tall": a CSS class, so no inline style is needed
    csv_url: str | None = None  # where the CSV is, when not at the charts' own CSV address
    groups: list | None = None  # an HTML chart's blocks: (farm, [(actor, link)]) for "links"
    sketch: Sketch | None = None  # the chart drawn without script (see sketches.py)
    spec: ChartSpec | None = None  # what `figure` and `sketch` draw

    def figure_json(self) -> str:
        # Sorted keys and no generated uids keep builds byte-identical.
        text = json.dumps(self.figure, cls=PlotlyJSONEncoder, sort_keys=True, separators=(",", ":"))
        return text.replace("</", "<\\/")  # safe inside <script type="application/json">


def rendered_charts(content: Content) -> dict[str, RenderedChart]:
    """Every chart of the content, drawn once however many pages show it; a new content
    object (the preview re-reads changed files) gets charts of its own."""
    cached = _cache.get(content.language)
    if cached is None or cached[0] is not content:
        cached = _cache[content.language] = (
            content,
            {c.id: render_chart(c, content) for c in content.charts.values()},
        )
    return cached[1]


_cache: dict = {}


def credit_line(content: Content, citations: list[Citation]) -> str:
    """The line that keeps a chart's attribution inside its image: 'Source: Kloop · Fake Farms'."""
    publishers = dict.fromkeys(content.sources[c.source].publisher for c in citations)
    return say(
        content.language,
        "Source: %(publishers)s · %(site)s",
        publishers=", ".join(publishers),
        site=content.site.title,
    )


def render_chart(chart: Chart, content: Content) -> RenderedChart:
    if chart.kind == "links":
        table, groups = links_chart(chart, content)
        return RenderedChart(
            chart.id, chart.title, chart.summary, list(chart.sources), table, None, "tall", groups=groups
        )
    spec = BUILDERS[chart.kind](chart, content)
    drawn = draw_sketch(spec)
    return RenderedChart(
        chart.id,
        chart.title,
        chart.summary,
        list(chart.sources),
        spec.table,
        plotly_figure(spec, drawn),
        spec.size,
        sketch=drawn,
        spec=spec,
    )


def _spec(
    chart: Chart, content: Content, table: Table, series: list[Series], size: str, **drawn
) -> ChartSpec:
    """The spec of a content chart, with its title, source line and language; its smaller
    version is short."""
    return ChartSpec(
        chart.kind,
        chart.title,
        credit_line(content, chart.sources),
        content.language,
        table,
        tuple(series),
        size="short" if chart.compact else size,
        **drawn,
    )


# --- The builders: the content's charts as specs -------------------------------------------

PADDING = 1.7  # a value axis runs at least to this times its longest mark, for the numbers


def _value_scale(chart: Chart, fmt: str, marks: list[Mark], language: str) -> Scale:
    """The value scale of a chart's marks: from 0 to PADDING times the longest mark, or further
    where a mark's number needs the room beside it on a narrow screen (sketches.scale_end)."""
    top = max(mark.at if mark.to is None else mark.to for mark in marks)
    return linear_scale(
        0,
        scale_end(0, top * PADDING, marks),
        lambda v: figure_number(v, fmt, language),
        chart.axis or "",
        numbers=fmt,
    )


def _drawn(figure: Figure, value: float, content: Content) -> str:
    """The value a mark is drawn at, marked as worked out where the source gives no exact number
    ("nearly 400" drawn at 400, a range drawn at its top)."""
    if figure.hedge or figure.wording or figure.value is None:
        return say(
            content.language,
            "%(value)s (worked out by the editors from “%(shown)s”)",
            value=decimal(value, content.language),
            shown=content.figure_text(figure),
        )
    return f"{value:g}"


def _mark_text(figure: Figure, content: Content) -> str:
    """A mark's label: the figure as reported, after an arrow where it is only a lower bound
    (the true number may be higher)."""
    return (FLOOR_ARROW if figure.is_floor else "") + content.figure_text(figure)


def _figure_name(figure: Figure, label: str | None) -> str:
    return label or capitalize_first(figure.label)


def _figures(chart: Chart, content: Content) -> tuple[list[Figure], list[str]]:
    figures = [content.figures[f] for f in chart.figures]
    return figures, [
        _figure_name(f, chart.labels[i] if chart.labels else None) for i, f in enumerate(figures)
    ]


def figures_chart(chart: Chart, content: Content) -> ChartSpec:
    """Horizontal bars, one per key figure, labelled with the hedged number. A lower bound
    ('over 205,000') runs on into an arrow, since the source's number is where it starts, not
    where it stops; figures that count different things (`separate`) get a scale each."""
    figures, labels = _figures(chart, content)
    values = [f.bounds[1] for f in figures]
    table = Table(
        [
            say(content.language, "What"),
            say(content.language, "As reported"),
            say(content.language, "Value drawn"),
        ],
        [
            [label, content.figure_text(f), _drawn(f, v, content)]
            for label, f, v in zip(labels, figures, values, strict=True)
        ],
    )
    marks = [Mark(0, v, text=_mark_text(f, content)) for f, v in zip(figures, values, strict=True)]
    groups = [[i] for i in range(len(figures))] if chart.separate else [list(range(len(figures)))]
    scales = [
        _value_scale(chart, figures[members[0]].format, [marks[i] for i in members], content.language)
        for members in groups
    ]
    rows = tuple(
        Row(label, (mark,), scales[i] if chart.separate else None)
        for i, (label, mark) in enumerate(zip(labels, marks, strict=True))
    )
    return _spec(
        chart,
        content,
        table,
        [Series()],
        "medium" if chart.separate or len(figures) > 3 else "short",
        rows=rows,
        scale=None if chart.separate else scales[0],
    )


def ranges_chart(chart: Chart, content: Content) -> ChartSpec:
    """Low–high bars for ranges; single reported amounts as points. As in figure charts, each
    row's label sits above its mark, so the marks get the chart's whole width on a phone."""
    figures, labels = _figures(chart, content)
    table = Table(
        [
            say(content.language, "Role"),
            say(content.language, "As reported"),
            say(content.language, "Low"),
            say(content.language, "High"),
        ],
        [
            [label, content.figure_text(f), f"{f.bounds[0]:g}", f"{f.bounds[1]:g}"]
            for label, f in zip(labels, figures, strict=True)
        ],
    )
    rows = tuple(
        Row(
            label,
            (
                Mark(f.bounds[0], f.bounds[1], series=0, text=_mark_text(f, content))
                if f.bounds[0] != f.bounds[1]
                else Mark(f.bounds[0], series=1, text=_mark_text(f, content)),
            ),
        )
        for label, f in zip(labels, figures, strict=True)
    )
    scale = _value_scale(chart, figures[0].format, [row.marks[0] for row in rows], content.language)
    series = [
        Series(say(content.language, "Reported range")),
        Series(say(content.language, "Single reported amount"), "diamond", size=12),
    ]
    return _spec(
        chart,
        content,
        table,
        series,
        "tall" if len(figures) > 4 else "medium",
        rows=rows,
        scale=scale,
        legend=True,
    )


def _events(chart: Chart, content: Content) -> list[Event]:
    return [e for e in content.events if chart.category in (None, e.category)]


def _when_text(event: Event, language: str) -> str:
    """The event's date as readers see it, marked where the editors worked it out."""
    when = event.when(lambda date: date_text(date, language))
    return (
        say(language, "%(when)s (worked out by the editors: %(how)s)", when=when, how=event.worked_out)
        if event.worked_out
        else when
    )


def _when(event: Event) -> str:
    """A plottable instant: the start of the period the date names."""
    d = event.date
    return datetime(d.year, d.month or 1, d.day or 1, d.hour or 0, d.minute or 0).isoformat()


def _years(event: Event) -> float:
    """The event's instant in years, for a scale of years: 2020.5 is about 1 July 2020."""
    instant = datetime.fromisoformat(_when(event))
    return instant.year + (instant.timetuple().tm_yday - 1) / 366


def timeline_chart(chart: Chart, content: Content) -> ChartSpec:
    """Events by date and category, a row for each category, each its own colour and symbol;
    key events (those with a label) are named over their marks, except in the smaller
    version, where names would crowd its rows on a phone (hovering names each)."""
    events = _events(chart, content)
    categories = list(dict.fromkeys(e.category for e in events))
    table = Table(
        [
            say(content.language, "Date"),
            say(content.language, "Event"),
            say(content.language, "Category"),
            say(content.language, "Farms"),
        ],
        [
            [
                _when_text(e, content.language),
                e.title,
                capitalize_first(say(content.language, e.category)),
                ", ".join(content.farms[f].name for f in e.farms),
            ]
            for e in events
        ],
    )
    start, end = _years(events[0]), _years(events[-1])
    margin = (end - start) * 0.04  # room for the first and last marks
    scale = linear_scale(start - margin, end + margin, lambda year: f"{year:.0f}", steps=(1, 2, 5))
    names = [capitalize_first(say(content.language, category)) for category in categories]
    shapes = list(SYMBOLS)
    series = [Series(name, shapes[i % len(shapes)], size=11) for i, name in enumerate(names)]
    rows = tuple(
        Row(
            name,
            tuple(
                Mark(
                    _years(e),
                    series=i,
                    note="" if chart.compact else e.label or "",
                    hover=f"{_when_text(e, content.language)}: {e.title}",
                )
                for e in events
                if e.category == category
            ),
        )
        for i, (name, category) in enumerate(zip(names, categories, strict=True))
    )
    return _spec(chart, content, table, series, "medium", rows=rows, scale=scale, notes=not chart.compact)


def per_year_chart(chart: Chart, content: Content) -> ChartSpec:
    """How many dated events each year: a column a year from the first to the last (a year with
    none shows none), stacked by kind in the timeline's colours, its total over it. Counted
    from the timeline as it is built; no count is typed."""
    events = _events(chart, content)
    categories = list(dict.fromkeys(e.category for e in events))
    names = [capitalize_first(say(content.language, category)) for category in categories]
    counted = Counter((e.date.year, e.category) for e in events)
    years = list(range(min(e.date.year for e in events), max(e.date.year for e in events) + 1))
    counts = [[counted[year, category] for category in categories] for year in years]
    totals = [sum(row) for row in counts]
    table = Table(
        [say(content.language, "Year"), say(content.language, "Events"), *names],
        [
            [str(year), str(total), *map(str, row)]
            for year, total, row in zip(years, totals, counts, strict=True)
        ],
    )
    columns = tuple(
        Column(
            str(year),
            tuple(
                Mark(top - count, top, series=i)
                for i, (count, top) in enumerate(zip(row, accumulate(row), strict=True))
                if count
            ),
            str(total),
        )
        for year, total, row in zip(years, totals, counts, strict=True)
    )
    return _spec(
        chart, content, table, [Series(name) for name in names], "short", columns=columns, legend=True
    )


def links_chart(chart: Chart, content: Content):
    """Who is linked to which farm, and how: one block a farm, each person or group once with
    every link's kind and their response in brief. Drawn in HTML, so it reads at any width;
    every word comes from the link record itself, so none says more than the link does."""
    table = Table(
        [
            say(content.language, "Person or group"),
            say(content.language, "Farm"),
            say(content.language, "Link"),
            say(content.language, "Role"),
            say(content.language, "Response"),
        ]
    )
    groups = []
    for farm in content.farms.values():
        people: dict[str, list] = {}
        for link in farm.links:
            actor = content.actors[link.actor]
            people.setdefault(link.actor, [actor, []])[1].append(link)
            table.rows.append(
                [
                    actor.name,
                    farm.name,
                    link.label_in(content.words),
                    link.role,
                    link.response.summary_in(content.words, content.date_text) if link.response else "",
                ]
            )
        if people:
            groups.append((farm, [tuple(entry) for entry in people.values()]))
    return table, groups


HOURS_STEP = 12  # a chronology's ticks: every half day


def chronology_chart(chart: Chart, content: Content) -> ChartSpec:
    """Events of one category by hours after the first. An event dated only to the day is
    drawn as a bar across that whole day, since the source gives no time for it. As in range
    charts, each event's name sits above its mark, so the marks get the whole width."""
    events = _events(chart, content)
    start = datetime.fromisoformat(_when(events[0]))
    table = Table(
        [
            say(content.language, "When"),
            say(content.language, "Hours after the first report"),
            say(content.language, "Event"),
        ]
    )
    rows = []
    for event in events:
        begin = (datetime.fromisoformat(_when(event)) - start).total_seconds() / 3600
        when = _when_text(event, content.language)
        if event.date.hour is not None:
            table.rows.append([when, f"{begin:g}", event.title])
            rows.append(Row(event.title, (Mark(begin, series=0, hover=when),)))
        else:
            length = {"day": 24, "month": 24 * 30, "year": 24 * 365}[event.date.precision]
            drawn = {
                "day": say(content.language, "the source gives no time: the whole day is drawn"),
                "month": say(content.language, "the source gives no time: the whole month is drawn"),
                "year": say(content.language, "the source gives no time: the whole year is drawn"),
            }
            table.rows.append(
                [when, f"{begin:g}–{begin + length:g} ({drawn[event.date.precision]})", event.title]
            )
            rows.append(
                Row(
                    event.title,
                    (
                        Mark(
                            begin,
                            begin + length,
                            series=1,
                            hover=say(content.language, "%(when)s (no time given)", when=when),
                        ),
                    ),
                )
            )
    end = max(mark.at if mark.to is None else mark.to for row in rows for mark in row.marks)
    scale = linear_scale(
        0,
        end,
        lambda hours: decimal(hours, content.language),
        chart.axis or say(content.language, "Hours after the first report"),
        step=HOURS_STEP,
    )
    series = [
        Series(say(content.language, "Time of day given by the source"), "diamond", size=13),
        Series(say(content.language, "Day given, no time")),
    ]
    return _spec(
        chart,
        content,
        table,
        series,
        "tall",  # names run to two or three lines
        rows=tuple(rows),
        scale=scale,
        legend=True,
    )


def breakdown_chart(result: dict, notes: Notes, credit: str, language: str) -> RenderedChart:
    """The calculator's monthly cost by role; the page redraws it from each new estimate, so
    it has no drawing."""
    roles = [
        (f.name, getattr(notes.breakdown_roles, f.name).label)
        for f in dataclasses.fields(notes.breakdown_roles)
    ]
    costs = [result["breakdown"][key] for key, _ in roles]
    labels = [label for _, label in roles]
    table = Table(
        [say(language, "Role"), say(language, "Low"), say(language, "Midpoint"), say(language, "High")],
        [
            [label, *(money(round(c[end] * CENTS), language) for end in ("low", "central", "high"))]
            for label, c in zip(labels, costs, strict=True)
        ],
    )
    spec = ChartSpec(
        "breakdown",
        notes.breakdown_title,
        credit,
        language,
        table,
        (Series(say(language, "Range (low to high)")), Series(say(language, "Midpoint"), "diamond", size=13)),
        rows=tuple(
            Row(label, (Mark(c["low"], c["high"], series=0), Mark(c["central"], series=1)))
            for label, c in zip(labels, costs, strict=True)
        ),
        legend=True,
        size="short",
    )
    return RenderedChart(
        "calculator-breakdown",
        notes.breakdown_title,
        notes.breakdown_summary,
        list(notes.breakdown_sources),
        table,
        plotly_figure(spec),
        spec.size,
        spec=spec,
    )


BUILDERS = {
    "figures": figures_chart,
    "ranges": ranges_chart,
    "timeline": timeline_chart,
    "chronology": chronology_chart,
    "per-year": per_year_chart,
}


# --- The Plotly renderer -------------------------------------------------------------------


def plotly_figure(spec: ChartSpec, drawn: Sketch | None = None) -> dict:
    """The spec as a Plotly figure: its marks in traces, a trace a series, at the places and
    with the texts the drawing gives them (sketches.py), under its title and source line. Given
    the drawing (`drawn`), whose place the figure takes at the drawing's height, a chart of rows
    puts them exactly where the drawing does: a pixel of its axis is a pixel on the screen, so a
    label of two lines has the room above its marks that the drawing gives it."""
    traces, layout = PLOTTERS[spec.kind](spec)
    figure = _figure(traces, {"showlegend": spec.legend, **layout}, spec.title, spec.credit)
    rows = figure["layout"].get("yaxis", {}).get("range")  # one axis of rows (not one a row)
    if drawn is not None and drawn.rows and rows:
        low, high = rows
        margin = figure["layout"]["margin"]
        margin["t"] = max(margin["t"], drawn.rows[0][0])
        margin["b"] = drawn.height - margin["t"] - (low - high)
    return figure


#: Plotly's horizontal legend (its names flowed as sketches.legend_rows flows them): the height
#: of a row of 13 px names with the gap between rows.
PLOTLY_LEGEND_ROW, PLOTLY_ROW_GAP = 22, 2


def _figure(traces: list[go.BaseTraceType], layout: dict, title: str, credit: str) -> dict:
    """The Plotly figure, with the chart's title and its source line at its top, so an image of
    the chart (a screenshot shared in a chat) keeps both. Texts are fitted to the narrowest
    screen as the drawing's are: the title and source line wrap, and so do legend names, with
    room above the plot for as many rows as the legend takes there."""
    lines = title_lines(title)
    source_lines = credit_lines(credit)
    legend = layout.pop("showlegend", False)
    heading = 16 + 20 * len(lines) + 20 * len(source_lines)  # the title's lines, the source's
    rows = 0
    if legend:
        shown = [t for t in traces if t.showlegend is not False]
        flowed = legend_rows([t.name for t in shown])
        for row in flowed:
            for number, name_lines in row:
                shown[number].name = "<br>".join(name_lines)
                # An entry a group: Plotly flows groups at their own widths, where it would
                # give every entry of a legend that wraps the widest one's width.
                shown[number].legendgroup = str(number)
        rows = sum(max(len(name_lines) for _n, name_lines in row) for row in flowed)
    figure = go.Figure(
        data=traces,
        layout=go.Layout(
            template=None,
            title={
                "text": "<br>".join(lines),
                "x": 0,
                "xanchor": "left",
                "xref": "container",
                "y": 1,
                "yanchor": "top",
                "yref": "container",
                "pad": {"t": 16, "l": 8},
                "font": {"size": 15, "weight": 700},
                "subtitle": {"text": "<br>".join(source_lines), "font": {"size": 11}},
            },
            # Room under the title for the legend's rows as the narrowest screen wraps them.
            margin={
                "l": PLOTLY_LEFT,
                "r": PLOTLY_RIGHT,
                "t": heading + (PLOTLY_LEGEND_ROW * rows + 8 if legend else 8),
                "b": 40,
            },
            font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13},
            showlegend=legend,
            legend={
                "orientation": "h",
                "x": 0,
                "y": 1.02,
                "yanchor": "bottom",
                "traceorder": "grouped",
                "tracegroupgap": PLOTLY_ROW_GAP,
            },
            hoverlabel={"align": "left"},
            annotations=layout.pop("annotations", []),
            meta={"title": title},
            **layout,
        ),
    )
    spec = figure.to_plotly_json()
    spec["layout"].pop("template", None)
    spec["palettes"] = PALETTES
    return spec


def _series(spec: ChartSpec, number: int) -> dict:
    """A trace's fields for the spec's series `number`: its name (one without stays out of the
    legend), its marker in the series' light-scheme colour and shape, and its colour's number,
    by which the page swaps in the dark scheme's colour (`meta.series`)."""
    series = spec.series[number]
    marker: dict[str, str | int] = {"color": PALETTES["light"]["series"][colour(number)]}
    if series.shape != "bar":
        marker.update(symbol=series.shape, size=series.size)
    named = {"name": series.name} if series.name else {"showlegend": False}
    return {**named, "marker": marker, "meta": {"series": colour(number)}}


#: A mark of one series with its row, and its row's middle in pixels down (sketches.row_places).
Marked = list[tuple[Row, Mark, int]]


def _marked(
    spec: ChartSpec, places: list[tuple[int, int]], number: int, rows: list[int] | None = None
) -> Marked:
    """Every mark of the series `number` in the rows numbered `rows` (all of them if None), in
    the rows' order, with its row and where the drawing places the row (`places`)."""
    return [
        (row, mark, middle)
        for n, (row, (_top, middle)) in enumerate(zip(spec.rows, places, strict=True))
        if rows is None or n in rows
        for mark in row.marks
        if mark.series == number
    ]


def _numbered(spec: ChartSpec, number: int, marked: Marked, scale: Scale, **fields) -> go.BaseTraceType:
    """A trace of marks that each show their number as reported, where the drawing writes it
    (inside a long bar's end, before a point with no room after it); pointing at a mark names
    its row."""
    places = [text_place(mark, scale) for _row, mark, _middle in marked]
    numbers = {
        "text": [mark.text for _row, mark, _middle in marked],
        "customdata": [row.label for row, _mark, _middle in marked],
        "cliponaxis": False,
        "hovertemplate": "%{customdata}: %{text}<extra></extra>",
        **_series(spec, number),
    }
    if spec.series[number].shape == "bar":
        return go.Bar(
            orientation="h",
            insidetextanchor="end",
            textangle=0,
            constraintext="none",
            textposition=["inside" if place == "inside" else "outside" for place in places],
            **numbers,
            **fields,
        )
    return go.Scatter(
        mode="markers+text",
        **numbers,
        **fields,
        textposition=["middle left" if place == "before" else "middle right" for place in places],
    )


def _wrap(text: str, width: int = 18) -> str:
    """Break a long axis label into lines, so phone screens keep room for the bars."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def _label(text: str) -> str:
    """A row's label in lines that fit the narrowest screen, as the drawing breaks it."""
    return "<br>".join(label_lines(text))


def _value_axis(scale: Scale, language: str) -> dict:
    """A value scale's axis, which Plotly ticks itself, its numbers written as the scale's,
    running where the drawing's does."""
    axis: dict[str, Any] = {
        "title": {"text": "<br>".join(axis_title_lines(scale.title)), "font": {"size": 12}}
        if scale.title
        else None,
        "fixedrange": True,
        "automargin": True,
    }
    if scale.numbers in ("usd", "percent"):
        axis["tickprefix"], axis["ticksuffix"] = affixes(scale.numbers, language)
    axis["separatethousands"] = scale.numbers != "percent"
    axis["range"] = [scale.low, scale.high]
    return {k: v for k, v in axis.items() if v is not None}


def _figures_plotly(spec: ChartSpec) -> tuple[list, dict]:
    """Bars from zero: each bar's label sits above it and its number beside it, so on a phone
    the bars get the chart's whole width instead of sharing it with a column of labels. Rows on
    scales of their own get axes of their own, each in the band the drawing gives its row."""
    places, height = row_places(spec)
    separate = spec.scale is None
    groups = [[i] for i in range(len(spec.rows))] if separate else [list(range(len(spec.rows)))]
    traces, annotations = [], []
    layout: dict[str, Any] = {}
    for number, members in enumerate(groups, 1):
        scale = spec.rows[members[0]].scale or spec.scale
        assert scale is not None  # every row has a scale: its own or the chart's
        marked = _marked(spec, places, 0, members)
        x_name, y_name = ("x", "y") if number == 1 else (f"x{number}", f"y{number}")
        traces.append(
            _numbered(
                spec,
                0,
                marked,
                scale,
                x=[mark.length for _row, mark, _middle in marked],
                xaxis=x_name,
                yaxis=y_name,
                **(
                    {"y": [row.label for row, _mark, _middle in marked], "width": 0.42, "offset": 0.02}
                    if separate
                    else {"y": [middle for *_, middle in marked], "width": BAR}
                ),
            )
        )
        x_axis = {**_value_axis(scale, spec.language), "anchor": y_name}
        if separate:
            (top, _middle), bottom = places[number - 1], (places[number:] or [(height, 0)])[0][0]
            layout[f"yaxis{'' if number == 1 else number}"] = {
                "autorange": "reversed",
                "fixedrange": True,
                "showticklabels": False,
                "anchor": x_name,
                "domain": [1 - bottom / height, 1 - top / height],
            }
            annotations += [
                {
                    "text": _label(row.label),
                    "x": 0,
                    "y": row.label,
                    "xref": x_name,
                    "yref": y_name,
                    "xanchor": "left",
                    "yanchor": "bottom",
                    "yshift": 1,
                    "showarrow": False,
                    "align": "left",
                }
                for row, _mark, _middle in marked
            ]
            x_axis.pop("title", None)
        layout[f"xaxis{'' if number == 1 else number}"] = x_axis
    if not separate:
        rowed = labelled_rows([row.label for row in spec.rows], "x", (places, height))
        layout["yaxis"], annotations = rowed["yaxis"], rowed["annotations"]
    layout["annotations"] = annotations
    return traces, layout


def _ranges_plotly(spec: ChartSpec) -> tuple[list, dict]:
    """Low–high bars and points, each row's label above its mark, as in figure charts."""
    places, height = row_places(spec)
    scale = spec.scale
    assert scale is not None  # ranges share one scale
    traces = []
    for number, series in enumerate(spec.series):
        marked = _marked(spec, places, number)
        marks = [mark for _row, mark, _middle in marked]
        fields = (
            {"base": [mark.at for mark in marks], "x": [mark.length for mark in marks], "width": BAR}
            if series.shape == "bar"
            else {"x": [mark.at for mark in marks]}
        )
        traces.append(_numbered(spec, number, marked, scale, y=[middle for *_, middle in marked], **fields))
    return traces, {
        "xaxis": _value_axis(scale, spec.language),
        **labelled_rows([row.label for row in spec.rows], "x", (places, height)),
    }


def _timeline_plotly(spec: ChartSpec) -> tuple[list, dict]:
    """A row a series (a kind of event), its name above it, so the marks get the whole width on
    a phone; the years are the drawing's. A key event's name reads from its mark towards the
    middle of the chart, or the other way where only that way has room, as the drawing places
    it."""
    scale, (places, height) = spec.scale, row_places(spec)
    assert scale is not None  # a timeline's rows share its years
    traces = []
    for number in range(len(spec.series)):
        marked = _marked(spec, places, number)
        marks = [mark for _row, mark, _middle in marked]
        notes = [note_side(m.note, scale.place(m.at)) if m.note else ([""], "start") for m in marks]
        traces.append(
            go.Scatter(
                x=[m.at for m in marks],
                y=[middle for *_, middle in marked],
                mode="markers+text" if spec.notes else "markers",
                **(
                    {
                        "text": ["<br>".join(lines) for lines, _side in notes],
                        "textfont": {"size": 12},
                        "textposition": [
                            "top right" if side == "start" else "top left" for _lines, side in notes
                        ],
                    }
                    if spec.notes
                    else {}
                ),
                cliponaxis=False,
                hovertext=[_wrap(m.hover, 40) for m in marks],
                hovertemplate="%{hovertext}<extra></extra>",
                **_series(spec, number),
            )
        )
    layout = {
        "xaxis": {
            "range": [scale.low, scale.high],
            "tickmode": "array",
            "tickvals": [value for value, _text in scale.ticks],
            "ticktext": [text for _value, text in scale.ticks],
            "fixedrange": True,
        },
        **labelled_rows([row.label for row in spec.rows], "paper", (places, height)),
    }
    return traces, layout


def _chronology_plotly(spec: ChartSpec) -> tuple[list, dict]:
    """Points at the hour given, bars across a day (a month, a year) where none is; pointing at
    a mark tells its date and event. The axis ticks every half day."""
    places, height = row_places(spec)
    traces = []
    for number, series in enumerate(spec.series):
        marked = _marked(spec, places, number)
        marks = [mark for _row, mark, _middle in marked]
        fields = {
            "y": [middle for *_, middle in marked],
            "customdata": [_wrap(row.label, 40) for row, _mark, _middle in marked],
            **_series(spec, number),
        }
        if series.shape == "bar":
            # A whole day, month or year: a whole number of hours.
            traces.append(
                go.Bar(
                    orientation="h",
                    width=BAR,
                    base=[mark.at for mark in marks],
                    x=[round(mark.length) for mark in marks],
                    hovertext=[mark.hover for mark in marks],
                    hovertemplate="%{hovertext}: %{customdata}<extra></extra>",
                    **fields,
                )
            )
        else:
            traces.append(
                go.Scatter(
                    mode="markers",
                    cliponaxis=False,
                    x=[mark.at for mark in marks],
                    text=[_wrap(mark.hover, 48) for mark in marks],
                    hovertemplate="%{text}: %{customdata}<extra></extra>",
                    **fields,
                )
            )
    scale = spec.scale
    assert scale is not None  # the rows share one axis of hours
    layout = {  # a little room before hour 0, so its mark is drawn whole
        "xaxis": {
            "title": {"text": "<br>".join(axis_title_lines(scale.title)), "font": {"size": 12}},
            "fixedrange": True,
            "range": [-HOURS_STEP / 8, scale.high + 1],
            "dtick": HOURS_STEP,
            "automargin": True,
        },
        **labelled_rows([row.label for row in spec.rows], "paper", (places, height)),
    }
    return traces, layout


def _per_year_plotly(spec: ChartSpec) -> tuple[list, dict]:
    """Columns of years, a bar a series stacked in each, the totals over them where they fit."""
    columns = spec.columns
    years = [int(column.label) for column in columns]  # a column a year
    totals = [max((mark.end for mark in column.marks), default=0) for column in columns]
    labelled, totals_fit = column_texts([c.label for c in columns], [c.text for c in columns])
    traces = [
        go.Bar(
            x=years,
            y=[sum(mark.length for mark in column.marks if mark.series == number) for column in columns],
            hovertemplate=f"%{{x}}, {series.name}: %{{y}}<extra></extra>",
            **_series(spec, number),
        )
        for number, series in enumerate(spec.series)
    ]
    if totals_fit:
        traces.append(
            go.Scatter(
                x=years,
                y=totals,
                text=[c.text for c in columns],
                mode="text",
                textposition="top center",
                cliponaxis=False,
                showlegend=False,
                hoverinfo="skip",
            )
        )
    layout = {
        "barmode": "stack",
        "bargap": 1 - COLUMN_SHARE,
        "xaxis": {
            "tickmode": "array",
            "tickvals": [years[n] for n in labelled],
            "ticktext": [columns[n].label for n in labelled],
            "showgrid": False,
            "range": [years[0] - 0.5, years[-1] + 0.5],
            "fixedrange": True,
        },
        # Room over the tallest column for its total.
        "yaxis": {"visible": False, "range": [0, max(totals) * 1.25], "fixedrange": True},
    }
    return traces, layout


#: Where a row's mark sits, in rows, below the line its label stands on (the calculator's chart).
MARK_BELOW_LABEL = 0.25


def _breakdown_plotly(spec: ChartSpec) -> tuple[list, dict]:
    """The calculator's chart, drawn by Plotly alone: a row a role, counted in rows (see
    `labelled_rows`); calculator.js changes only the marks' x values."""
    before, after = affixes("usd", spec.language)
    y = [row + MARK_BELOW_LABEL for row in range(len(spec.rows))]
    bars, points = [row.marks[0] for row in spec.rows], [row.marks[1] for row in spec.rows]
    labels = [row.label for row in spec.rows]
    range_series, central_series = _series(spec, 0), _series(spec, 1)
    traces = [
        go.Bar(
            orientation="h",
            y=y,
            width=0.4,
            base=[m.at for m in bars],
            x=[m.length for m in bars],
            customdata=labels,
            **{**range_series, "meta": {**range_series["meta"], "part": "range"}},
            hovertemplate="%{customdata}: "
            + say(spec.language, "from %(amount)s", amount=before + "%{base:,.0f}" + after)
            + "<extra></extra>",
        ),
        go.Scatter(
            mode="markers",
            y=y,
            customdata=labels,
            x=[m.at for m in points],
            **{**central_series, "meta": {**central_series["meta"], "part": "central"}},
            hovertemplate="%{customdata}: "
            + say(spec.language, "midpoint %(amount)s", amount=before + "%{x:,.0f}" + after)
            + "<extra></extra>",
        ),
    ]
    layout = {
        "barmode": "overlay",
        "xaxis": {
            "title": {"text": say(spec.language, "US$ a month")},
            "tickprefix": before,
            "ticksuffix": after,
            "rangemode": "tozero",
            "nticks": 5,
            "separatethousands": True,
            "fixedrange": True,
            "automargin": True,
        },
        **labelled_rows(labels, "paper"),
    }
    return traces, layout


def labelled_rows(
    labels: list[str], xref: str, places: tuple[list[tuple[int, int]], int] | None = None
) -> dict:
    """A y axis of one row a label, each label written above its row's mark, so on a phone the
    marks get the chart's whole width instead of sharing it with a column of labels. Given the
    drawing's rows (sketches.row_places), the axis counts the drawing's pixels and each label
    stands where the drawing puts it, its marks at the row's middle; without them (the
    calculator's chart, drawn by Plotly alone) a row is one unit, its mark MARK_BELOW_LABEL
    under its label."""
    axis = {
        "autorange": False,
        "showticklabels": False,
        "showgrid": False,
        "zeroline": False,
        "fixedrange": True,
    }
    label = {"x": 0, "xref": xref, "yref": "y", "xanchor": "left", "showarrow": False, "align": "left"}
    if places is None:
        return {
            "yaxis": {**axis, "range": [len(labels) - 0.35, -0.6]},
            "annotations": [
                {**label, "text": _label(text), "y": row, "yanchor": "bottom"}
                for row, text in enumerate(labels)
            ],
        }
    rows, height = places
    return {
        "yaxis": {**axis, "range": [height - ROW_GAP // 2, 0]},
        "annotations": [
            {**label, "text": _label(text), "y": top, "yanchor": "top"}
            for (top, _middle), text in zip(rows, labels, strict=True)
        ],
    }


PLOTTERS = {
    "figures": _figures_plotly,
    "ranges": _ranges_plotly,
    "timeline": _timeline_plotly,
    "chronology": _chronology_plotly,
    "per-year": _per_year_plotly,
    "breakdown": _breakdown_plotly,
}
