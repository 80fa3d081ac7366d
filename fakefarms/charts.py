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
from dataclasses import dataclass, field
from datetime import datetime

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from calculator.params import Notes
from records.facts import Citation, Figure
from records.numbers import CENTS, money

from .content import Content
from .content.model import LINK_KINDS, Chart, Event

#: Marker and bar colours for each colour scheme. Each passes 3:1 against its background
#: (WCAG 1.4.11) and the set follows the Okabe–Ito palette, which colour-blind readers can tell
#: apart; symbols repeat the distinction where colour carries meaning.
PALETTES = {
    "light": {"background": "#fdfcf9", "text": "#1b1b1f", "grid": "#d6d3ca",
              "series": ["#0067a3", "#b34a00", "#007a5a", "#8e4a7a", "#5d6269"]},
    "dark": {"background": "#16171b", "text": "#ecebe6", "grid": "#3b3e46",
             "series": ["#56b4e9", "#e69f00", "#3fc59d", "#e79bc6", "#c4c7cc"]},
}
LINK_SYMBOLS = {"alleged": "diamond", "asked": "triangle-up", "supported": "circle",
                "benefited": "square", "targeted": "x"}


def _series(index: int) -> str:
    """The light-scheme colour of series `index`; the page swaps in the dark one by `meta.series`."""
    return PALETTES["light"]["series"][index % 5]


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
    figure: dict
    size: str  # "short", "medium" or "tall": a CSS class, so no inline style is needed
    csv_url: str | None = None  # where the CSV is, when not at the charts' own CSV address

    def figure_json(self) -> str:
        # Sorted keys and no generated uids keep builds byte-identical.
        text = json.dumps(self.figure, cls=PlotlyJSONEncoder, sort_keys=True, separators=(",", ":"))
        return text.replace("</", "<\\/")  # safe inside <script type="application/json">


def rendered_charts(content: Content) -> dict[str, RenderedChart]:
    """Every chart of the content, drawn once however many pages show it; a new content
    object (the preview re-reads changed files) gets charts of its own."""
    if _cache.get("content") is not content:
        _cache.update(content=content, charts={c.id: render_chart(c, content)
                                               for c in content.charts.values()})
    return _cache["charts"]


_cache: dict = {}


def render_chart(chart: Chart, content: Content) -> RenderedChart:
    builder = BUILDERS[chart.kind]
    table, traces, layout, size = builder(chart, content)
    return RenderedChart(chart.id, chart.title, chart.summary, list(chart.sources), table,
                         _figure(traces, layout, chart.title), "short" if chart.compact else size)


def _figure(traces: list[go.BaseTraceType], layout: dict, title: str) -> dict:
    figure = go.Figure(data=traces, layout=go.Layout(
        template=None,
        margin={"l": 8, "r": 16, "t": 40 if layout.get("showlegend") else 8, "b": 40},
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13},
        showlegend=layout.pop("showlegend", False),
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        hoverlabel={"align": "left"},
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


def _padded(axis: dict, top: float) -> dict:
    # Room beyond the longest bar for its hedged label ("approximately 800").
    return {**axis, "range": [0, top * 1.45], "rangemode": None}


def _drawn(figure: Figure, value: float) -> str:
    """The value a mark is drawn at, marked as worked out where the source gives no exact number
    ("nearly 400" drawn at 400, a range drawn at its top)."""
    if figure.hedge or figure.wording or figure.value is None:
        return f"{value:g} (worked out by the editors from “{figure.text}”)"
    return f"{value:g}"


def _figure_name(figure: Figure, label: str | None) -> str:
    return label or figure.label[:1].upper() + figure.label[1:]


def _value_axis(chart: Chart, fmt: str) -> dict:
    axis = {"title": {"text": chart.axis} if chart.axis else None, "rangemode": "tozero",
            "fixedrange": True, "automargin": True}
    if fmt == "usd":
        axis["tickprefix"] = "$"
        axis["separatethousands"] = True
    elif fmt == "percent":
        axis["ticksuffix"] = "%"
    else:
        axis["separatethousands"] = True
    return {k: v for k, v in axis.items() if v is not None}


def figures_chart(chart: Chart, content: Content):
    """Horizontal bars, one per key figure, labelled with the hedged number."""
    figures = [content.figures[f] for f in chart.figures]
    labels = [_figure_name(f, chart.labels[i] if chart.labels else None)
              for i, f in enumerate(figures)]
    values = [f.bounds[1] for f in figures]
    table = Table(["What", "As reported", "Value drawn"],
                  [[label, f.text, _drawn(f, v)] for label, f, v in zip(labels, figures, values,
                                                                       strict=True)])
    bar = go.Bar(x=values, y=[_wrap(label) for label in labels], orientation="h",
                 text=[f.text for f in figures], cliponaxis=False,
                 # Long bars hold their label inside; short ones beside them.
                 textposition=["inside" if v >= max(values) / 2 else "outside" for v in values],
                 insidetextanchor="end",
                 hovertemplate="%{y}: %{text}<extra></extra>",
                 marker={"color": _series(0)}, meta={"series": 0})
    layout = {"xaxis": _padded(_value_axis(chart, figures[0].format), max(values)),
              "yaxis": {"autorange": "reversed", "automargin": True, "fixedrange": True}}
    return table, [bar], layout, "short" if len(figures) <= 3 else "medium"


def ranges_chart(chart: Chart, content: Content):
    """Low–high bars for ranges; single reported amounts as points."""
    figures = [content.figures[f] for f in chart.figures]
    labels = [_figure_name(f, chart.labels[i] if chart.labels else None)
              for i, f in enumerate(figures)]
    table = Table(["Role", "As reported", "Low", "High"])
    spans = {"y": [], "base": [], "x": [], "text": []}
    points = {"y": [], "x": [], "text": []}
    for full_label, f in zip(labels, figures, strict=True):
        low, high = f.bounds
        table.rows.append([full_label, f.text, f"{low:g}", f"{high:g}"])
        label = _wrap(full_label)
        if low != high:
            spans["y"].append(label)
            spans["base"].append(low)
            spans["x"].append(high - low)
            spans["text"].append(f.text)
        else:
            points["y"].append(label)
            points["x"].append(low)
            points["text"].append(f.text)
    traces = [
        go.Bar(name="Reported range", orientation="h", marker={"color": _series(0)}, meta={"series": 0},
               textposition="outside", cliponaxis=False,
               hovertemplate="%{y}: %{text}<extra></extra>", **spans),
        go.Scatter(name="Single reported amount", mode="markers+text", textposition="middle right",
                   marker={"color": _series(1), "size": 12, "symbol": "diamond"}, meta={"series": 1},
                   hovertemplate="%{y}: %{text}<extra></extra>", **points),
    ]
    top = max(f.bounds[1] for f in figures)
    layout = {"xaxis": _padded(_value_axis(chart, figures[0].format), top), "showlegend": True,
              "yaxis": {"autorange": "reversed", "automargin": True, "fixedrange": True,
                        "categoryorder": "array", "categoryarray": [_wrap(x) for x in labels]}}
    return table, traces, layout, "medium"


def _events(chart: Chart, content: Content) -> list[Event]:
    return [e for e in content.events if chart.category in (None, e.category)]


def _when_text(event: Event) -> str:
    """The event's date as readers see it, marked where the editors worked it out."""
    return f"{event.when} (worked out by the editors: {event.worked_out})" if event.worked_out \
        else event.when


def _when(event: Event) -> str:
    """A plottable instant: the start of the period the date names."""
    d = event.date
    return datetime(d.year, d.month or 1, d.day or 1, d.hour or 0, d.minute or 0).isoformat()


def timeline_chart(chart: Chart, content: Content):
    """Events by date and category; symbols and colours tell categories apart."""
    events = _events(chart, content)
    categories = list(dict.fromkeys(e.category for e in events))
    table = Table(["Date", "Event", "Category", "Farms"],
                  [[_when_text(e), e.title, e.category.capitalize(),
                    ", ".join(content.farms[f].name for f in e.farms)] for e in events])
    symbols = ["circle", "diamond", "square", "triangle-up", "x", "star", "cross"]
    traces = []
    for i, category in enumerate(categories):
        chosen = [e for e in events if e.category == category]
        traces.append(go.Scatter(
            name=category.capitalize(), mode="markers", x=[_when(e) for e in chosen],
            y=[category.capitalize()] * len(chosen),
            text=[_wrap(f"{_when_text(e)}: {e.title}", 48) for e in chosen],
            hovertemplate="%{text}<extra></extra>",
            marker={"color": _series(i), "symbol": symbols[i % len(symbols)], "size": 11},
            meta={"series": i % 5}))
    layout = {"xaxis": {"type": "date", "fixedrange": True, "automargin": True},
              "yaxis": {"automargin": True, "fixedrange": True}}
    return table, traces, layout, "medium"


def links_chart(chart: Chart, content: Content):
    """Who is linked to which farm, and how. Every mark, row and label comes from the link
    record itself, so none can say more than the link and its response do."""
    table = Table(["Person or group", "Farm", "Link", "Role", "Response"])
    by_kind: dict[str, dict[str, list]] = {}
    for farm in content.farms.values():
        for link in farm.links:
            actor = content.actors[link.actor]
            response = link.response.summary if link.response else ""
            table.rows.append([actor.name, farm.name, link.label, link.role, response])
            points = by_kind.setdefault(link.kind, {"x": [], "y": [], "text": []})
            points["x"].append(farm.short_name or farm.name)
            points["y"].append(actor.name)
            points["text"].append(_wrap(f"{actor.name} — {farm.name}: {link.role}"
                                        + (f". Response: {response}" if response else ""), 48))
    traces = [go.Scatter(name=LINK_KINDS[kind][0], mode="markers",
                         hovertemplate="%{text}<extra></extra>",
                         marker={"color": _series(i), "symbol": LINK_SYMBOLS[kind], "size": 13},
                         meta={"series": i},
                         **by_kind[kind])
              for i, kind in enumerate(k for k in LINK_SYMBOLS if k in by_kind)]
    layout = {"showlegend": True,
              "xaxis": {"automargin": True, "fixedrange": True, "tickangle": -40},
              "yaxis": {"automargin": True, "fixedrange": True, "autorange": "reversed"}}
    return table, traces, layout, "tall"


def chronology_chart(chart: Chart, content: Content):
    """Events of one category by hours after the first. An event dated only to the day is
    drawn as a bar across that whole day, since the source gives no time for it."""
    events = _events(chart, content)
    start = datetime.fromisoformat(_when(events[0]))
    table = Table(["When", "Hours after the first report", "Event"])
    points = {"x": [], "y": [], "text": []}
    spans = {"base": [], "x": [], "y": [], "hovertext": []}
    for event in events:
        begin = (datetime.fromisoformat(_when(event)) - start).total_seconds() / 3600
        label = _wrap(event.title, 20)
        if event.date.hour is not None:
            table.rows.append([_when_text(event), f"{begin:g}", event.title])
            points["x"].append(begin)
            points["y"].append(label)
            points["text"].append(_wrap(_when_text(event), 48))
        else:
            length = {"day": 24, "month": 24 * 30, "year": 24 * 365}[event.date.precision]
            table.rows.append([_when_text(event), f"{begin:g}–{begin + length:g} (the source "
                               f"gives no time: the whole {event.date.precision} is drawn)",
                               event.title])
            spans["base"].append(begin)
            spans["x"].append(length)
            spans["y"].append(label)
            spans["hovertext"].append(f"{event.when} (no time given)")
    traces = [
        go.Scatter(name="Time of day given by the source", mode="markers", marker={"color": _series(0),
                   "size": 13, "symbol": "diamond"}, meta={"series": 0},
                   hovertemplate="%{text}: %{y}<extra></extra>", **points),
        go.Bar(name="Day given, no time", orientation="h", marker={"color": _series(1)},
               meta={"series": 1}, hovertemplate="%{hovertext}: %{y}<extra></extra>", **spans),
    ]
    order = [_wrap(e.title, 20) for e in events]
    layout = {"showlegend": True,
              "xaxis": {"title": {"text": chart.axis or "Hours after the first report"},
                        "fixedrange": True, "rangemode": "tozero", "dtick": 12},
              "yaxis": {"automargin": True, "fixedrange": True, "autorange": "reversed",
                        "categoryorder": "array", "categoryarray": order}}
    return table, traces, layout, "medium"


def breakdown_chart(result: dict, notes: Notes) -> RenderedChart:
    """The calculator's monthly cost by role; the page redraws it from each new estimate."""
    roles = [(f.name, getattr(notes.breakdown_roles, f.name).label)
             for f in dataclasses.fields(notes.breakdown_roles)]
    costs = [result["breakdown"][key] for key, _ in roles]
    labels = [label for _, label in roles]
    table = Table(["Role", "Low", "Midpoint", "High"],
                  [[label, *(money(round(c[end] * CENTS)) for end in ("low", "central", "high"))]
                   for label, c in zip(labels, costs, strict=True)])
    traces = [
        go.Bar(name="Range (low to high)", orientation="h", y=labels,
               base=[c["low"] for c in costs], x=[c["high"] - c["low"] for c in costs],
               marker={"color": _series(0)}, meta={"series": 0, "part": "range"},
               hovertemplate="%{y}: from $%{base:,.0f}<extra></extra>"),
        go.Scatter(name="Midpoint", mode="markers", y=labels,
                   x=[c["central"] for c in costs], meta={"series": 1, "part": "central"},
                   marker={"color": _series(1), "size": 13, "symbol": "diamond"},
                   hovertemplate="%{y}: midpoint $%{x:,.0f}<extra></extra>"),
    ]
    layout = {"showlegend": True, "barmode": "overlay",
              "xaxis": {"title": {"text": "US$ a month"}, "tickprefix": "$", "rangemode": "tozero",
                        "separatethousands": True, "fixedrange": True, "automargin": True},
              "yaxis": {"automargin": True, "fixedrange": True, "autorange": "reversed"}}
    return RenderedChart("calculator-breakdown", notes.breakdown_title, notes.breakdown_summary,
                         list(notes.breakdown_sources), table,
                         _figure(traces, layout, notes.breakdown_title), "short")


BUILDERS = {
    "figures": figures_chart,
    "ranges": ranges_chart,
    "timeline": timeline_chart,
    "links": links_chart,
    "chronology": chronology_chart,
}
