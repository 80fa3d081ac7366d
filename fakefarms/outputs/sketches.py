"""A chart's static drawing: SVG written at build time, shown where a chart must appear at once
without the cost of Plotly (an embed, whose only content is its chart), and without JavaScript.

`draw_sketch` is one of a chart's two renderers (charts.plotly_figure is the other): it places
the rows and marks of a chart's spec (chartspec.py) across in percentages of the width, so the
drawing fits any screen without script, and down in pixels. Colours come from classes
(`series-N`), whose rules `palette_css` writes from the palette's custom properties
(palette.py), so the drawing follows the reader's colour scheme as the Plotly chart does. Where
script runs, the page may replace the drawing with the Plotly chart when the reader reaches for
it. The measures here (which text goes where, how rows stack) are the narrowest screen's, and
the Plotly chart takes them too, so the two place each mark and text alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fakefarms.outputs.chartspec import COLOURS, SYMBOLS, ChartSpec, Column, Mark, Row, Scale, colour
from fakefarms.outputs.fonts import font, wrap

# Where the marks may go, in percent of the drawing's width: the rest is margin.
LEFT, WIDTH = 3.0, 92.0
# Pixel measures down the drawing.
TITLE_LINE, CREDIT_LINE, LEGEND_LINE = 20, 18, 20
LABEL_LINE, NOTE_LINE, STRIP, BAR, TICK_LINE, ROW_GAP = 17, 15, 22, 12, 16, 12
COLUMN_HEIGHT = 150  # a column chart's tallest column
COLUMN_SHARE = 0.6  # of a column's slot, the part its bar takes
EDGE = 0.04  # a tick this close to either end of its scale has its number beside the line

#: The drawing's width in pixels on the narrowest screen the site supports (320 px, less the
#: page's margins). Texts keep their size on any screen while the marks spread with the width,
#: so a text that fits here fits everywhere: every text is measured and placed for this width.
NARROWEST = 288
#: The texts are measured in Noto Sans (fonts.py); a reader's sans-serif may set them wider
#: (DejaVu Sans, common on Linux, by up to an eighth), so each is taken to be this much wider.
WIDER = 1.15
#: Each kind of text's size in pixels and whether it is bold, as site.css sets `.chart-sketch`
#: texts (and the Plotly layouts in charts.py); any other kind is TEXT_SIZE.
TEXT_SIZES = {
    "title": (15, True),
    "credit": (11, False),
    "tick": (12, False),
    "note": (12, False),
    "axis-title": (12, False),
}
TEXT_SIZE = (13, False)
AFTER_BAR, AFTER_POINT = 6, 11  # pixels between a mark's end and its number
INSIDE_FROM = 0.55  # a bar this far along its scale holds its number inside its end, if it fits
TEXT_MARGIN = 8  # pixels between a text and the drawing's edge


def text_width(text: str, kind: str = "") -> float:
    """How wide `text` may be set, in pixels, as a text of this kind."""
    size, bold = TEXT_SIZES.get(kind, TEXT_SIZE)
    return font(bold, size).getlength(text) * WIDER


def lines_of(text: str, kind: str, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` pixels."""
    return wrap(text, width, lambda line: text_width(line, kind))


def title_lines(title: str) -> list[str]:
    """A chart's title in lines that fit the narrowest drawing (the Plotly chart's title too)."""
    return lines_of(title, "title", NARROWEST - 2 * TEXT_MARGIN)


def axis_title_lines(title: str) -> list[str]:
    """A scale's title in lines that fit under the narrowest drawing (the Plotly chart's too)."""
    return lines_of(title, "axis-title", NARROWEST - 2 * TEXT_MARGIN)


def label_lines(label: str) -> list[str]:
    """A row's label in lines that fit above its marks on the narrowest drawing."""
    return lines_of(label, "label", _px(100 - LEFT) - TEXT_MARGIN)


def credit_lines(credit: str) -> list[str]:
    """The source line ("Source: Kloop · Fake Farms") in lines that fit the narrowest drawing,
    broken before the site's name if it must break, and then where it must."""
    room = NARROWEST - 2 * TEXT_MARGIN
    source, dot, site = credit.rpartition(" · ")
    parts = [source, f"·\u00a0{site}"] if dot and text_width(credit, "credit") > room else [credit]
    return [line for part in parts for line in lines_of(part, "credit", room)]


def _px(percent: float) -> float:
    """A distance across the narrowest drawing in pixels, from a percentage of its width."""
    return NARROWEST * percent / 100


def text_place(mark: Mark, scale: Scale) -> str:
    """Where a mark's number goes so that it is whole on the narrowest drawing: "inside" the end
    of a bar long enough to hold it that reaches past INSIDE_FROM, else "after" the mark if there
    is room, else "inside" the bar or "before" the point, else "under" the mark on a line of
    its own."""
    width = text_width(mark.text)
    start = scale.place(mark.at)
    end = start if mark.to is None else scale.place(mark.to)
    holds = mark.to is not None and width + 2 * AFTER_BAR <= _px(WIDTH * (end - start))
    if holds and end > INSIDE_FROM:
        return "inside"
    if width <= _px(100 - LEFT - WIDTH * end) - _gap(mark):
        return "after"
    if holds:
        return "inside"
    if mark.to is None and width + AFTER_POINT <= _px(LEFT + WIDTH * start):
        return "before"
    return "under"


def _gap(mark: Mark) -> int:
    return AFTER_POINT if mark.to is None else AFTER_BAR


def scale_end(low: float, high: float, marks: Iterable[Mark]) -> float:
    """Where a scale from `low` should end: at `high`, or further when that gives a mark's
    number room beside it on the narrowest drawing (the marks get shorter; their numbers
    do not)."""
    marks = [mark for mark in marks if mark.text]

    def fits(end: float) -> bool:
        scale = Scale(low, end, ())
        return all(text_place(mark, scale) != "under" for mark in marks)

    ends = sorted(end for end in (_end_with_room_after(mark, low) for mark in marks) if end > high)
    return next((end for end in [high, *ends] if fits(end)), high)


def _end_with_room_after(mark: Mark, low: float) -> float:
    """The scale's end at which the mark's number just fits after it (inf: never)."""
    room = _px(100 - LEFT) - _gap(mark) - text_width(mark.text)  # from the scale's start
    if room <= 0:
        return math.inf
    value = mark.at if mark.to is None else mark.to
    return low + (value - low) * _px(WIDTH) / room


# --- Page data: what the template places ---------------------------------------------------


@dataclass(frozen=True)
class Text:
    x: str
    y: int
    text: str
    kind: str = ""  # a CSS class: "title", "credit", "tick", "inside" (on a bar)...
    anchor: str = "start"
    dx: int = 0


@dataclass(frozen=True)
class Shape:
    x: str
    y: int
    series: int  # its colour: palette.SERIES' index, a class `series-N`
    symbol: str = ""  # a point's symbol; empty for a bar
    width: str = ""  # a bar's width
    height: int = 0


@dataclass
class Sketch:
    height: int = 0
    texts: list[Text] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    grid: list[tuple[str, int, int]] = field(default_factory=list)  # (x, top, bottom)
    rows: list[tuple[int, int]] = field(default_factory=list)  # each row's (top, marks' middle)

    @property
    def symbols(self) -> dict[str, str]:
        """The symbols this drawing uses, with their outlines."""
        used = {s.symbol for s in self.shapes if s.symbol}
        return {name: path for name, path in SYMBOLS.items() if name in used}


def _across(fraction: float) -> str:
    return f"{LEFT + WIDTH * fraction:.2f}%"


def draw_sketch(spec: ChartSpec) -> Sketch:
    """The chart drawn under its title and source line, as the Plotly chart draws it."""
    sketch = Sketch()
    y = 12
    for line in title_lines(spec.title):
        y += TITLE_LINE
        sketch.texts.append(Text(str(TEXT_MARGIN), y, line, "title"))
    for line in credit_lines(spec.credit):
        y += CREDIT_LINE
        sketch.texts.append(Text(str(TEXT_MARGIN), y, line, "credit"))
    y = _legend(sketch, spec, y + 8)
    y += ROW_GAP
    if spec.columns:
        y = _columns(sketch, spec.columns, y)
    top = y
    for row in spec.rows:
        y = _row(sketch, spec, row, y)
    if spec.scale:
        _axis(sketch, spec.scale, top, y - ROW_GAP // 2)
        y += TICK_LINE
        for line in axis_title_lines(spec.scale.title):
            y += LABEL_LINE
            sketch.texts.append(Text("50%", y, line, "axis-title", "middle"))
    sketch.height = y + 12
    return sketch


def row_places(spec: ChartSpec) -> tuple[list[tuple[int, int]], int]:
    """Where the drawing puts each row, in pixels down from the first row's top: the row's top
    (its label's) and its marks' middle; and the height of the rows. The Plotly chart places
    its rows the same way, so a label with more lines gets the same extra room in both."""
    sketch, y = Sketch(), 0
    for row in spec.rows:
        y = _row(sketch, spec, row, y)
    return sketch.rows, y


LEGEND_KEY, LEGEND_GAP = 20, 16  # a legend entry's key and name; the space before the next
#: The Plotly chart's margins, left and right, in pixels (charts.py).
PLOTLY_LEFT, PLOTLY_RIGHT = 8, 16
#: How both renderers flow a legend's names into rows and lines: as Plotly needs, whose keys
#: take 40 px within its margins, so that the drawing and the Plotly chart that replaces it
#: break every name alike and give the legend one height.
FLOW_KEY, FLOW_GAP, FLOW_WIDTH = 40, 10, NARROWEST - PLOTLY_LEFT - PLOTLY_RIGHT


def legend_rows(
    names: list[str], width: float = FLOW_WIDTH, key: float = FLOW_KEY, gap: float = FLOW_GAP
) -> list[list[tuple[int, list[str]]]]:
    """A legend's entries (their index and their name in lines) flowed into rows that fit
    `width` pixels, each entry a `key` and its name, with a `gap` between entries; a name too
    long for a row of its own is wrapped. By default, as both renderers flow them (FLOW_*)."""
    rows: list[list[tuple[int, list[str]]]] = [[]]
    used = 0.0
    for number, name in enumerate(names):
        lines = lines_of(name, "legend", width - key)
        needs = key + max(text_width(line, "legend") for line in lines)
        if rows[-1] and used + gap + needs > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0) + needs
        rows[-1].append((number, lines))
    return [row for row in rows if row]


def _legend(sketch: Sketch, spec: ChartSpec, y: int) -> int:
    """The legend's entries, if the chart has a legend, flowed into rows below `y`; returns the
    bottom of the last."""
    x0 = TEXT_MARGIN + 2
    legend = spec.series if spec.legend else ()
    for row in legend_rows([series.name for series in legend]):
        x: float = x0
        for number, lines in row:
            shape = legend[number].shape
            if shape == "bar":
                sketch.shapes.append(
                    Shape(f"{x:.0f}", y + LEGEND_LINE - 10, colour(number), width="12", height=BAR)
                )
            else:
                sketch.shapes.append(Shape(f"{x + 6:.0f}", y + LEGEND_LINE - 4, colour(number), shape))
            for n, line in enumerate(lines, 1):
                sketch.texts.append(Text(f"{x + LEGEND_KEY:.0f}", y + n * LEGEND_LINE, line, "legend"))
            x += LEGEND_KEY + max(text_width(line, "legend") for line in lines) + LEGEND_GAP
        y += LEGEND_LINE * max(len(lines) for _number, lines in row)
    return y


def _row(sketch: Sketch, spec: ChartSpec, row: Row, y: int) -> int:
    """Draws a row below `y`: its label, its marks' notes, its marks; returns the next row's top."""
    scale = row.scale or spec.scale
    assert scale is not None  # every row has a scale: its own or the chart's
    top = y
    for line in label_lines(row.label):
        y += LABEL_LINE
        sketch.texts.append(Text(_across(0), y, line, "label"))
    notes = [(mark, *note_side(mark.note, scale.place(mark.at))) for mark in row.marks if mark.note]
    y += NOTE_LINE * max((len(lines) for _mark, lines, _anchor in notes), default=0)
    for mark, lines, anchor in notes:
        for n, line in enumerate(reversed(lines)):
            sketch.texts.append(
                Text(
                    _across(scale.place(mark.at)),
                    y - 2 - n * NOTE_LINE,
                    line,
                    "note",
                    anchor,
                    -6 if anchor == "start" else 6,
                )
            )
    middle = y + STRIP // 2 + 2
    sketch.rows.append((top, middle))
    under = []
    for mark in row.marks:
        start = scale.place(mark.at)
        if mark.to is None:
            sketch.shapes.append(
                Shape(_across(start), middle, colour(mark.series), spec.series[mark.series].shape)
            )
            end = start
        else:
            end = scale.place(mark.to)
            sketch.shapes.append(
                Shape(
                    _across(start),
                    middle - BAR // 2,
                    colour(mark.series),
                    width=f"{WIDTH * (end - start):.2f}%",
                    height=BAR,
                )
            )
        if mark.text:
            place = text_place(mark, scale)
            if place == "under":
                under.append(mark.text)
                continue
            sketch.texts.append(
                Text(
                    _across(start if place == "before" else end),
                    middle + 4,
                    mark.text,
                    "inside" if place == "inside" else "value",
                    "start" if place == "after" else "end",
                    {"after": _gap(mark), "inside": -AFTER_BAR, "before": -AFTER_POINT}[place],
                )
            )
    y += STRIP
    for text in under:  # no room beside the mark on a narrow screen: on a line of its own
        y += LABEL_LINE
        sketch.texts.append(Text(_across(0), y - 2, text, "value"))
    if row.scale:
        _axis(sketch, scale, top + 4, y)
        y += TICK_LINE
    return y + ROW_GAP


def note_side(note: str, place: float) -> tuple[list[str], str]:
    """A note's lines and anchor: it reads from its mark towards the middle of the drawing, or
    the other way if only that way has room; where neither has, it wraps on the wider side."""
    at = _px(LEFT + WIDTH * place)
    room = {"start": NARROWEST - TEXT_MARGIN - at + 6, "end": at + 6 - TEXT_MARGIN}
    sides = ("start", "end") if place < 0.5 else ("end", "start")
    fitting = [side for side in sides if text_width(note, "note") <= room[side]]
    side = fitting[0] if fitting else max(sides, key=lambda s: room[s])
    return lines_of(note, "note", room[side]), side


def column_texts(labels: list[str], totals: list[str]) -> tuple[list[int], bool]:
    """Which columns show their labels on the narrowest drawing (every one, or every second,
    fifth..., counted back from the last, as far apart as the widest label needs), and whether
    every total fits over its column."""
    slot = _px(WIDTH / len(labels))
    widest = max(text_width(label, "tick") for label in labels) + 6
    every = next((n for n in (1, 2, 5, 10, 20, 50) if n * slot >= widest), len(labels))
    return (
        [n for n in range(len(labels)) if (len(labels) - 1 - n) % every == 0],
        all(text_width(total) <= slot for total in totals),
    )


def _columns(sketch: Sketch, columns: Sequence[Column], y: int) -> int:
    """Columns side by side across the drawing, each a stack of bars (a count) with its total
    over it and its label under it, where they fit; returns the bottom of the labels."""
    slot = WIDTH / len(columns)
    high = max((mark.end for column in columns for mark in column.marks), default=0) or 1
    base = y + LABEL_LINE + COLUMN_HEIGHT

    def up(value: float) -> int:
        return round(value * COLUMN_HEIGHT / high)

    labelled, totals = column_texts([c.label for c in columns], [c.text for c in columns])
    for number, column in enumerate(columns):
        middle = LEFT + slot * (number + 0.5)
        for mark in column.marks:
            if up(mark.end) > up(mark.at):
                sketch.shapes.append(
                    Shape(
                        f"{middle - slot * COLUMN_SHARE / 2:.2f}%",
                        base - up(mark.end),
                        colour(mark.series),
                        width=f"{slot * COLUMN_SHARE:.2f}%",
                        height=up(mark.end) - up(mark.at),
                    )
                )
        if totals and column.text:
            tallest = max((mark.end for mark in column.marks), default=0)
            sketch.texts.append(
                Text(f"{middle:.2f}%", base - up(tallest) - 5, column.text, "value", "middle")
            )
        if number in labelled:
            sketch.texts.append(Text(f"{middle:.2f}%", base + 15, column.label, "tick", "middle"))
    return base + TICK_LINE + ROW_GAP


def _axis(sketch: Sketch, scale: Scale, top: int, bottom: int) -> None:
    """Grid lines from `top` to `bottom` at each tick, and the ticks' numbers under them."""
    for value, text in scale.ticks:
        place = scale.place(value)
        sketch.grid.append((_across(place), top, bottom))
        # A number at either end stays inside the drawing: it starts, or ends, at its line.
        at, half = _px(LEFT + WIDTH * place), text_width(text, "tick") / 2
        anchor = (
            "start"
            if place < EDGE or at < half
            else "end"
            if place > 1 - EDGE or at + half > NARROWEST
            else "middle"
        )
        sketch.texts.append(
            Text(
                _across(place),
                bottom + 13,
                text,
                "tick",
                anchor,
                {"start": -3, "end": 3, "middle": 0}[anchor],
            )
        )


def palette_css() -> str:
    """The drawing's colours: the palette's custom properties (palette.py) that the Plotly charts
    take too, one rule for each series, so the drawing follows the reader's colour scheme."""
    lines = [
        ".chart-sketch { color: var(--text); }",
        ".chart-sketch .grid { stroke: var(--line); }",
        ".chart-sketch .inside { fill: var(--bg); }",
    ]
    lines += [f".chart-sketch .series-{i} {{ fill: var(--series-{i}); }}" for i in range(COLOURS)]
    return (
        "\n/* Chart drawings' colours, written by the build from the palette. */\n" + "\n".join(lines) + "\n"
    )
