"""Charts built from the content: one data table per chart, and a Plotly figure drawn from it.

The table is the single source for both the figure and what readers without
JavaScript see, so the two cannot disagree. Figures are emitted as JSON for
the page's own module to draw; no Plotly script is written into the HTML.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from calculator.params import Notes
from records.facts import Citation, Figure
from records.numbers import CENTS, affixes, decimal, figure_number, money

from .catalogs import date_text
from .content import Content
from .content.model import Chart, Event, capitalize_first
from .i18n import current_language, gettext
from .sketches import (
    BAR,
    COLUMN_SHARE,
    NARROWEST,
    ROW_GAP,
    Column,
    Draft,
    Mark,
    Row,
    Scale,
    Sketch,
    column_texts,
    credit_lines,
    label_lines,
    lay_out,
    legend_rows,
    linear_scale,
    note_side,
    row_places,
    scale_end,
    text_place,
    title_lines,
)

#: Marker and bar colours for each colour scheme. Each passes 3:1 against its background
#: (WCAG 1.4.11) and the set follows the Okabe–Ito palette, which colour-blind readers can tell
#: apart; symbols repeat the distinction where colour carries meaning.
PALETTES = {
    "light": {"background": "#fdfcf9", "text": "#1b1b1f", "grid": "#d6d3ca",
              "series": ["#0067a3", "#b34a00", "#007a5a", "#8e4a7a", "#5d6269", "#a8323e",
                         "#6b5d00"]},
    "dark": {"background": "#16171b", "text": "#ecebe6", "grid": "#3b3e46",
             "series": ["#56b4e9", "#e69f00", "#3fc59d", "#e79bc6", "#c4c7cc", "#ff8a80",
                        "#e6d94f"]},
}


FLOOR_ARROW = "\u25b6 "  # after a bar that shows a lower bound
SERIES = len(PALETTES["light"]["series"])  # as many colours as timeline categories


def _series(index: int) -> str:
    """The light-scheme colour of series `index`; the page swaps in the dark one by `meta.series`."""
    return PALETTES["light"]["series"][index % SERIES]


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return out.getvalue()


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

    def figure_json(self) -> str:
        # Sorted keys and no generated uids keep builds byte-identical.
        text = json.dumps(self.figure, cls=PlotlyJSONEncoder, sort_keys=True, separators=(",", ":"))
        return text.replace("</", "<\\/")  # safe inside <script type="application/json">


def rendered_charts(content: Content) -> dict[str, RenderedChart]:
    """Every chart of the content, drawn once however many pages show it; a new content
    object (the preview re-reads changed files) gets charts of its own."""
    cached = _cache.get(content.language)
    if cached is None or cached[0] is not content:
        cached = _cache[content.language] = (content, {c.id: render_chart(c, content)
                                                       for c in content.charts.values()})
    return cached[1]


_cache: dict = {}


def credit_line(content: Content, citations: list[Citation]) -> str:
    """The line that keeps a chart's attribution inside its image: 'Source: Kloop · Fake Farms'."""
    publishers = dict.fromkeys(content.sources[c.source].publisher for c in citations)
    return gettext("Source: %(publishers)s · %(site)s", publishers=", ".join(publishers),
                   site=content.site.title)


def render_chart(chart: Chart, content: Content) -> RenderedChart:
    if chart.kind == "links":
        table, groups = links_chart(chart, content)
        return RenderedChart(chart.id, chart.title, chart.summary, list(chart.sources), table,
                             None, "tall", groups=groups)
    builder = BUILDERS[chart.kind]
    table, traces, layout, size, draft = builder(chart, content)
    credit = credit_line(content, chart.sources)
    return RenderedChart(chart.id, chart.title, chart.summary, list(chart.sources), table,
                         _figure(traces, layout, chart.title, credit),
                         "short" if chart.compact else size,
                         sketch=lay_out(draft, title_lines(chart.title), credit))


#: Plotly's horizontal legend: the width of an entry's key, the space between entries (with
#: room to spare), and the height of a row of 13 px names with the gap between rows.
PLOTLY_KEY, PLOTLY_GAP, PLOTLY_LEGEND_ROW, PLOTLY_ROW_GAP = 40, 10, 22, 2
#: Plotly's margins, left and right, in pixels: the narrowest drawing's room for a plot.
PLOTLY_LEFT, PLOTLY_RIGHT = 8, 16


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
        flowed = legend_rows([t.name for t in shown], NARROWEST - PLOTLY_LEFT - PLOTLY_RIGHT,
                             PLOTLY_KEY, PLOTLY_GAP)
        for row in flowed:
            for number, name_lines in row:
                shown[number].name = "<br>".join(name_lines)
                # An entry a group: Plotly flows groups at their own widths, where it would
                # give every entry of a legend that wraps the widest one's width.
                shown[number].legendgroup = str(number)
        rows = sum(max(len(name_lines) for _n, name_lines in row) for row in flowed)
    figure = go.Figure(data=traces, layout=go.Layout(
        template=None,
        title={"text": "<br>".join(lines), "x": 0, "xanchor": "left", "xref": "container",
               "y": 1, "yanchor": "top", "yref": "container", "pad": {"t": 16, "l": 8},
               "font": {"size": 15, "weight": 700},
               "subtitle": {"text": "<br>".join(source_lines), "font": {"size": 11}}},
        # Room under the title for the legend's rows as the narrowest screen wraps them.
        margin={"l": PLOTLY_LEFT, "r": PLOTLY_RIGHT,
                "t": heading + (PLOTLY_LEGEND_ROW * rows + 8 if legend else 8), "b": 40},
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13},
        showlegend=legend,
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom",
                "traceorder": "grouped", "tracegroupgap": PLOTLY_ROW_GAP},
        hoverlabel={"align": "left"},
        annotations=layout.pop("annotations", []),
        meta={"title": title},
        **layout,
    ))
    spec = figure.to_plotly_json()
    spec["layout"].pop("template", None)
    spec["palettes"] = PALETTES
    return spec


def _wrap(text: str, width: int = 18) -> str:
    """Break a long axis label into lines, so phone screens keep room for the bars."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def _label(text: str) -> str:
    """A row's label in lines that fit the narrowest screen, as the drawing breaks it."""
    return "<br>".join(label_lines(text))


def _value_scale(chart: Chart, fmt: str, marks: list[Mark], language: str) -> Scale:
    """The value scale of a chart's marks, for the drawing and the Plotly axis alike: from 0 to
    PADDING times the longest mark, or further where a mark's number needs the room beside it
    on a narrow screen (sketches.scale_end)."""
    top = max(mark.at if mark.to is None else mark.to for mark in marks)
    return linear_scale(0, scale_end(0, top * PADDING, marks),
                        lambda v: figure_number(v, fmt, language), chart.axis or "")


def _spanning(axis: dict, scale: Scale) -> dict:
    return {**axis, "range": [scale.low, scale.high], "rangemode": None}


PADDING = 1.7  # a value axis runs at least to this times its longest mark, for the numbers


def _drawn(figure: Figure, value: float, content: Content) -> str:
    """The value a mark is drawn at, marked as worked out where the source gives no exact number
    ("nearly 400" drawn at 400, a range drawn at its top)."""
    if figure.hedge or figure.wording or figure.value is None:
        return gettext("%(value)s (worked out by the editors from “%(shown)s”)",
                       value=decimal(value, content.language), shown=content.figure_text(figure))
    return f"{value:g}"


def _mark_text(figure: Figure, content: Content) -> str:
    """A mark's label: the figure as reported, after an arrow where it is only a lower bound
    (the true number may be higher)."""
    return (FLOOR_ARROW if figure.is_floor else "") + content.figure_text(figure)


def _figure_name(figure: Figure, label: str | None) -> str:
    return label or capitalize_first(figure.label)


def _value_axis(chart: Chart, fmt: str, language: str) -> dict:
    axis = {"title": {"text": _wrap(chart.axis, 28), "font": {"size": 12}} if chart.axis else None,
            "rangemode": "tozero",
            "fixedrange": True, "automargin": True}
    if fmt in ("usd", "percent"):
        axis["tickprefix"], axis["ticksuffix"] = affixes(fmt, language)
    axis["separatethousands"] = fmt != "percent"
    return {k: v for k, v in axis.items() if v is not None}


def figures_chart(chart: Chart, content: Content):
    """Horizontal bars, one per key figure, labelled with the hedged number. A lower bound
    ('over 205,000') runs on into an arrow, since the source's number is where it starts, not
    where it stops; figures that count different things (`separate`) get a scale each."""
    figures = [content.figures[f] for f in chart.figures]
    labels = [_figure_name(f, chart.labels[i] if chart.labels else None)
              for i, f in enumerate(figures)]
    values = [f.bounds[1] for f in figures]
    table = Table([gettext("What"), gettext("As reported"), gettext("Value drawn")],
                  [[label, content.figure_text(f), _drawn(f, v, content)] for label, f, v in zip(labels,
                      figures, values,
                                                                       strict=True)])
    marks = [Mark(0, v, text=_mark_text(f, content)) for f, v in zip(figures, values, strict=True)]
    rows = [[i] for i in range(len(figures))] if chart.separate else [list(range(len(figures)))]
    scales = [_value_scale(chart, figures[members[0]].format, [marks[i] for i in members],
                           content.language) for members in rows]
    draft = Draft([Row(label, (mark,), scales[i] if chart.separate else None)
                   for i, (label, mark) in enumerate(zip(labels, marks, strict=True))],
                  None if chart.separate else scales[0])
    places, height = row_places(draft)
    traces, layout, annotations = [], {"showlegend": False}, []
    for row, (members, scale) in enumerate(zip(rows, scales, strict=True), 1):
        x_name, y_name = ("x", "y") if row == 1 else (f"x{row}", f"y{row}")
        # Each bar's label sits above it and its number beside it, so on a phone the bars
        # get the chart's whole width instead of sharing it with a column of labels.
        traces.append(go.Bar(
            x=[values[i] for i in members], orientation="h", xaxis=x_name, yaxis=y_name,
            cliponaxis=False, customdata=[labels[i] for i in members],
            # A lower bound's bar runs on into an arrow: the true number may be higher.
            text=[marks[i].text for i in members],
            # Where the drawing puts each number: inside a long bar's end, else after it.
            textposition=["inside" if text_place(marks[i], scale) == "inside" else "outside"
                          for i in members],
            insidetextanchor="end", textangle=0, constraintext="none",
            hovertemplate="%{customdata}: %{text}<extra></extra>", showlegend=False,
            marker={"color": _series(0)}, meta={"series": 0},
            **({"y": [labels[i] for i in members], "width": 0.42, "offset": 0.02}  # under its label
               if chart.separate else {"y": [places[i][1] for i in members], "width": BAR})))
        x_axis = {**_spanning(_value_axis(chart, figures[members[0]].format, content.language),
                              scale), "anchor": y_name}
        if chart.separate:
            # Each figure on axes of its own, in the band the drawing gives its row.
            (top, _middle), bottom = places[row - 1], (places[row:] or [(height, 0)])[0][0]
            layout[f"yaxis{'' if row == 1 else row}"] = {
                "autorange": "reversed", "fixedrange": True, "showticklabels": False,
                "anchor": x_name, "domain": [1 - bottom / height, 1 - top / height]}
            annotations += [{"text": _label(labels[i]), "x": 0, "y": labels[i], "xref": x_name,
                             "yref": y_name, "xanchor": "left", "yanchor": "bottom", "yshift": 1,
                             "showarrow": False, "align": "left"} for i in members]
            x_axis["title"] = None
        layout[f"xaxis{'' if row == 1 else row}"] = x_axis
    if not chart.separate:
        rowed = labelled_rows(labels, "x", (places, height))
        layout["yaxis"], annotations = rowed["yaxis"], rowed["annotations"]
    layout["annotations"] = annotations
    size = "medium" if chart.separate or len(figures) > 3 else "short"
    return table, traces, layout, size, draft


def ranges_chart(chart: Chart, content: Content):
    """Low–high bars for ranges; single reported amounts as points. As in figure charts, each
    row's label sits above its mark, so the marks get the chart's whole width on a phone."""
    figures = [content.figures[f] for f in chart.figures]
    labels = [_figure_name(f, chart.labels[i] if chart.labels else None)
              for i, f in enumerate(figures)]
    table = Table([gettext("Role"), gettext("As reported"), gettext("Low"), gettext("High")])
    spans = {"y": [], "base": [], "x": [], "text": [], "customdata": [], "textposition": []}
    points = {"y": [], "x": [], "text": [], "customdata": [], "textposition": []}
    sketched = [Row(label, (Mark(f.bounds[0], f.bounds[1], 0, text=_mark_text(f, content))
                            if f.bounds[0] != f.bounds[1] else
                            Mark(f.bounds[0], None, 1, "diamond", _mark_text(f, content)),))
                for label, f in zip(labels, figures, strict=True)]
    scale = _value_scale(chart, figures[0].format, [row.marks[0] for row in sketched],
                         content.language)
    names = [gettext("Reported range"), gettext("Single reported amount")]
    draft = Draft(sketched, scale, legend=[(0, "bar", names[0]), (1, "diamond", names[1])])
    places, height = row_places(draft)
    for (label, f, drawn), (_top, middle) in zip(zip(labels, figures, sketched, strict=True),
                                                 places, strict=True):
        low, high = f.bounds
        table.rows.append([label, content.figure_text(f), f"{low:g}", f"{high:g}"])
        mark = drawn.marks[0]
        marks = spans if mark.to is not None else points
        marks["y"].append(middle)
        marks["x"].append(high - low if marks is spans else low)
        marks["text"].append(mark.text)
        marks["customdata"].append(label)
        # Where the drawing puts each number: inside a long bar's end or before a point where
        # there is no room after it.
        place = text_place(mark, scale)
        marks["textposition"].append(
            ("inside" if place == "inside" else "outside") if marks is spans else
            "middle left" if place == "before" else "middle right")
        if marks is spans:
            spans["base"].append(low)
    traces = [
        go.Bar(name=names[0], orientation="h", marker={"color": _series(0)},
               meta={"series": 0}, insidetextanchor="end", constraintext="none",
               cliponaxis=False, width=BAR, textangle=0,
               hovertemplate="%{customdata}: %{text}<extra></extra>", **spans),
        go.Scatter(name=names[1], mode="markers+text",
                   marker={"color": _series(1), "size": 12, "symbol": "diamond"}, meta={"series": 1},
                   cliponaxis=False, hovertemplate="%{customdata}: %{text}<extra></extra>", **points),
    ]
    layout = {"xaxis": _spanning(_value_axis(chart, figures[0].format, content.language), scale),
              "showlegend": True,
              **labelled_rows(labels, "x", (places, height))}
    return table, traces, layout, "tall" if len(figures) > 4 else "medium", draft


#: Where a row's mark sits, in rows, below the line its label stands on (the calculator's chart).
MARK_BELOW_LABEL = 0.25


def labelled_rows(labels: list[str], xref: str,
                  places: tuple[list[tuple[int, int]], int] | None = None) -> dict:
    """A y axis of one row a label, each label written above its row's mark, so on a phone the
    marks get the chart's whole width instead of sharing it with a column of labels. Given the
    drawing's rows (sketches.row_places), the axis counts the drawing's pixels and each label
    stands where the drawing puts it, its marks at the row's middle; without them (the
    calculator's chart, drawn by Plotly alone) a row is one unit, its mark MARK_BELOW_LABEL
    under its label."""
    axis = {"autorange": False, "showticklabels": False, "showgrid": False, "zeroline": False,
            "fixedrange": True}
    label = {"x": 0, "xref": xref, "yref": "y", "xanchor": "left", "showarrow": False,
             "align": "left"}
    if places is None:
        return {"yaxis": {**axis, "range": [len(labels) - 0.35, -0.6]},
                "annotations": [{**label, "text": _label(text), "y": row, "yanchor": "bottom"}
                                for row, text in enumerate(labels)]}
    rows, height = places
    return {"yaxis": {**axis, "range": [height - ROW_GAP // 2, 0]},
            "annotations": [{**label, "text": _label(text), "y": top, "yanchor": "top"}
                            for (top, _middle), text in zip(rows, labels, strict=True)]}


def _events(chart: Chart, content: Content) -> list[Event]:
    return [e for e in content.events if chart.category in (None, e.category)]


def _when_text(event: Event, language: str) -> str:
    """The event's date as readers see it, marked where the editors worked it out."""
    when = event.when(lambda date: date_text(date, language))
    return gettext("%(when)s (worked out by the editors: %(how)s)", when=when,
                   how=event.worked_out) if event.worked_out else when


def _when(event: Event) -> str:
    """A plottable instant: the start of the period the date names."""
    d = event.date
    return datetime(d.year, d.month or 1, d.day or 1, d.hour or 0, d.minute or 0).isoformat()


def timeline_chart(chart: Chart, content: Content):
    """Events by date and category, each category its own colour and symbol; key events (those
    with a label) are named beside their marks."""
    events = _events(chart, content)
    categories = list(dict.fromkeys(e.category for e in events))
    table = Table([gettext("Date"), gettext("Event"), gettext("Category"), gettext("Farms")],
                  [[_when_text(e, content.language), e.title, capitalize_first(gettext(e.category)),
                    ", ".join(content.farms[f].name for f in e.farms)] for e in events])
    symbols = ["circle", "diamond", "square", "triangle-up", "x", "star", "cross"]
    start, end = _years(events[0]), _years(events[-1])
    margin = (end - start) * 0.04  # room for the first and last marks
    scale = linear_scale(start - margin, end + margin, lambda year: f"{year:.0f}", steps=(1, 2, 5))
    names = [capitalize_first(gettext(category)) for category in categories]
    chosen = [[e for e in events if e.category == category] for category in categories]
    # The smaller version names no event over its marks, which would crowd its rows on a phone;
    # hovering names each, and the fuller chart names them.
    draft = Draft([Row(name, tuple(Mark(_years(e), series=i % SERIES, symbol=symbols[i % len(symbols)],
                                        note="" if chart.compact else e.label or "") for e in its))
                   for i, (name, its) in enumerate(zip(names, chosen, strict=True))], scale)
    places, height = row_places(draft)
    traces = []
    for i, (row, its, (_top, middle)) in enumerate(zip(draft.rows, chosen, places, strict=True)):
        # A name reads from its mark towards the middle of the chart, or the other way where
        # only that way has room, as the drawing places it.
        notes = [note_side(m.note, scale.place(m.at)) if m.note else ([""], "start")
                 for m in row.marks]
        traces.append(go.Scatter(
            name=row.label, x=[m.at for m in row.marks], y=[middle] * len(its),
            mode="markers" if chart.compact else "markers+text",
            **({} if chart.compact else {
                "text": ["<br>".join(lines) for lines, _side in notes], "textfont": {"size": 12},
                "textposition": ["top right" if side == "start" else "top left"
                                 for _lines, side in notes]}),
            cliponaxis=False,
            hovertext=[_wrap(f"{_when_text(e, content.language)}: {e.title}", 40) for e in its],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": _series(i), "symbol": symbols[i % len(symbols)], "size": 11},
            meta={"series": i % SERIES}))
    # As in range charts, each kind's name sits above its row, so the marks get the whole width
    # on a phone; the years are the drawing's.
    layout = {"xaxis": {"range": [scale.low, scale.high], "tickmode": "array",
                        "tickvals": [value for value, _text in scale.ticks],
                        "ticktext": [text for _value, text in scale.ticks], "fixedrange": True},
              **labelled_rows(names, "paper", (places, height))}
    return table, traces, layout, "medium", draft


def per_year_chart(chart: Chart, content: Content):
    """How many dated events each year: a column a year from the first to the last (a year with
    none shows none), stacked by kind in the timeline's colours, its total over it. Counted
    from the timeline as it is built; no count is typed."""
    events = _events(chart, content)
    categories = list(dict.fromkeys(e.category for e in events))
    names = [capitalize_first(gettext(category)) for category in categories]
    counted = Counter((e.date.year, e.category) for e in events)
    years = list(range(min(e.date.year for e in events), max(e.date.year for e in events) + 1))
    counts = [[counted[year, category] for category in categories] for year in years]
    totals = [sum(row) for row in counts]
    table = Table([gettext("Year"), gettext("Events"), *names],
                  [[str(year), str(total), *map(str, row)]
                   for year, total, row in zip(years, totals, counts, strict=True)])
    columns = []
    for year, total, row in zip(years, totals, counts, strict=True):
        tops = list(accumulate(row))
        columns.append(Column(str(year), tuple(
            Mark(top - count, top, i % SERIES) for i, (count, top) in enumerate(zip(row, tops, strict=True))
            if count), str(total)))
    labelled, totals_fit = column_texts([c.label for c in columns], [c.text for c in columns])
    traces = [go.Bar(name=name, x=years, y=[row[i] for row in counts], marker={"color": _series(i)},
                     meta={"series": i % SERIES},
                     hovertemplate=f"%{{x}}, {name}: %{{y}}<extra></extra>")
              for i, name in enumerate(names)]
    if totals_fit:
        traces.append(go.Scatter(x=years, y=totals, text=[c.text for c in columns], mode="text",
                                 textposition="top center", cliponaxis=False, showlegend=False,
                                 hoverinfo="skip"))
    layout = {"showlegend": True, "barmode": "stack", "bargap": 1 - COLUMN_SHARE,
              "xaxis": {"tickmode": "array", "tickvals": [years[n] for n in labelled],
                        "ticktext": [columns[n].label for n in labelled], "showgrid": False,
                        "range": [years[0] - 0.5, years[-1] + 0.5], "fixedrange": True},
              # Room over the tallest column for its total.
              "yaxis": {"visible": False, "range": [0, max(totals) * 1.25], "fixedrange": True}}
    draft = Draft([], legend=[(i % SERIES, "bar", name) for i, name in enumerate(names)],
                  columns=columns)
    return table, traces, layout, "short", draft


def _years(event: Event) -> float:
    """The event's instant in years, for a scale of years: 2020.5 is about 1 July 2020."""
    instant = datetime.fromisoformat(_when(event))
    return instant.year + (instant.timetuple().tm_yday - 1) / 366


def links_chart(chart: Chart, content: Content):
    """Who is linked to which farm, and how: one block a farm, each person or group once with
    every link's kind and their response in brief. Drawn in HTML, so it reads at any width;
    every word comes from the link record itself, so none says more than the link does."""
    table = Table([gettext("Person or group"), gettext("Farm"), gettext("Link"), gettext("Role"),
        gettext("Response")])
    groups = []
    for farm in content.farms.values():
        people: dict[str, list] = {}
        for link in farm.links:
            actor = content.actors[link.actor]
            people.setdefault(link.actor, [actor, []])[1].append(link)
            table.rows.append([actor.name, farm.name, link.label_in(content.words), link.role,
                               link.response.summary_in(content.words, content.date_text)
                               if link.response else ""])
        if people:
            groups.append((farm, [tuple(entry) for entry in people.values()]))
    return table, groups


def chronology_chart(chart: Chart, content: Content):
    """Events of one category by hours after the first. An event dated only to the day is
    drawn as a bar across that whole day, since the source gives no time for it. As in range
    charts, each event's name sits above its mark, so the marks get the whole width."""
    events = _events(chart, content)
    start = datetime.fromisoformat(_when(events[0]))
    table = Table([gettext("When"), gettext("Hours after the first report"), gettext("Event")])
    points = {"x": [], "y": [], "text": [], "customdata": []}
    spans = {"base": [], "x": [], "y": [], "hovertext": [], "customdata": []}
    sketched = []
    for row, event in enumerate(events):
        begin = (datetime.fromisoformat(_when(event)) - start).total_seconds() / 3600
        if event.date.hour is not None:
            table.rows.append([_when_text(event, content.language), f"{begin:g}", event.title])
            points["x"].append(begin)
            points["y"].append(row)  # the row's number, until the drawing places the rows
            points["customdata"].append(_wrap(event.title, 40))
            points["text"].append(_wrap(_when_text(event, content.language), 48))
            sketched.append(Row(event.title, (Mark(begin, None, 0, "diamond"),)))
        else:
            length = {"day": 24, "month": 24 * 30, "year": 24 * 365}[event.date.precision]
            drawn = {"day": gettext("the source gives no time: the whole day is drawn"),
                     "month": gettext("the source gives no time: the whole month is drawn"),
                     "year": gettext("the source gives no time: the whole year is drawn")}
            table.rows.append([_when_text(event, content.language),
                               f"{begin:g}–{begin + length:g} ({drawn[event.date.precision]})",
                               event.title])
            spans["base"].append(begin)
            spans["x"].append(length)
            spans["y"].append(row)
            spans["customdata"].append(_wrap(event.title, 40))
            spans["hovertext"].append(gettext("%(when)s (no time given)",
                                              when=_when_text(event, content.language)))
            sketched.append(Row(event.title, (Mark(begin, begin + length, 1),)))
    axis_title = chart.axis or gettext("Hours after the first report")
    end = max(points["x"] + [b + x for b, x in zip(spans["base"], spans["x"], strict=True)])
    scale = linear_scale(0, end, lambda hours: decimal(hours, content.language), axis_title,
                         step=HOURS_STEP)
    names = [gettext("Time of day given by the source"), gettext("Day given, no time")]
    draft = Draft(sketched, scale, [(0, "diamond", names[0]), (1, "bar", names[1])])
    places, height = row_places(draft)
    for marks in (points, spans):
        marks["y"] = [places[row][1] for row in marks["y"]]
    traces = [
        go.Scatter(name=names[0], mode="markers",
            marker={"color": _series(0),
                   "size": 13, "symbol": "diamond"}, meta={"series": 0}, cliponaxis=False,
                   hovertemplate="%{text}: %{customdata}<extra></extra>", **points),
        go.Bar(name=names[1], orientation="h", marker={"color": _series(1)},
               meta={"series": 1}, width=BAR, hovertemplate="%{hovertext}: %{customdata}<extra></extra>",
               **spans),
    ]
    layout = {"showlegend": True,
              # A little room before hour 0, so its mark is drawn whole.
              "xaxis": {"title": {"text": _wrap(axis_title, 28), "font": {"size": 12}},
                        "fixedrange": True, "range": [-HOURS_STEP / 8, end + 1],
                        "dtick": HOURS_STEP, "automargin": True},
              **labelled_rows([e.title for e in events], "paper", (places, height))}
    return table, traces, layout, "tall", draft  # events' names run to two or three lines


HOURS_STEP = 12  # a chronology's ticks: every half day


def breakdown_chart(result: dict, notes: Notes, credit: str) -> RenderedChart:
    """The calculator's monthly cost by role; the page redraws it from each new estimate."""
    roles = [(f.name, getattr(notes.breakdown_roles, f.name).label)
             for f in dataclasses.fields(notes.breakdown_roles)]
    costs = [result["breakdown"][key] for key, _ in roles]
    labels = [label for _, label in roles]
    before, after = affixes("usd", current_language())

    def dollars(number: str) -> str:
        return before + number + after

    table = Table([gettext("Role"), gettext("Low"), gettext("Midpoint"), gettext("High")],
                  [[label, *(money(round(c[end] * CENTS), current_language()) for end in ("low",
                      "central", "high"))]
                   for label, c in zip(labels, costs, strict=True)])
    # As in the range charts, each role's name sits above its mark (labelled_rows);
    # calculator.js changes only the marks' x values.
    rows = [row + MARK_BELOW_LABEL for row in range(len(labels))]
    traces = [
        go.Bar(name=gettext("Range (low to high)"), orientation="h", y=rows, width=0.4,
               base=[c["low"] for c in costs], x=[c["high"] - c["low"] for c in costs],
               customdata=labels, marker={"color": _series(0)}, meta={"series": 0, "part": "range"},
               hovertemplate="%{customdata}: " + gettext("from %(amount)s",
                                                         amount=dollars("%{base:,.0f}"))
               + "<extra></extra>"),
        go.Scatter(name=gettext("Midpoint"), mode="markers", y=rows, customdata=labels,
                   x=[c["central"] for c in costs], meta={"series": 1, "part": "central"},
                   marker={"color": _series(1), "size": 13, "symbol": "diamond"},
                   hovertemplate="%{customdata}: " + gettext("midpoint %(amount)s",
                                                             amount=dollars("%{x:,.0f}"))
                   + "<extra></extra>"),
    ]
    layout = {"showlegend": True, "barmode": "overlay",
              "xaxis": {"title": {"text": gettext("US$ a month")}, "tickprefix": before,
                        "ticksuffix": after, "rangemode": "tozero", "nticks": 5,
                        "separatethousands": True, "fixedrange": True, "automargin": True},
              **labelled_rows(labels, "paper")}
    return RenderedChart("calculator-breakdown", notes.breakdown_title, notes.breakdown_summary,
                         list(notes.breakdown_sources), table,
                         _figure(traces, layout, notes.breakdown_title, credit), "short")


BUILDERS = {
    "figures": figures_chart,
    "ranges": ranges_chart,
    "timeline": timeline_chart,
    "chronology": chronology_chart,
    "per-year": per_year_chart,
}
