"""A chart's static drawing: SVG written at build time, shown where a chart must appear at once
without the cost of Plotly (an embed, whose only content is its chart), and without JavaScript.

A chart builder says what to draw in a `Draft`: rows, each with a label and marks (bars from
one value to another, or points) on a scale. `lay_out` places them: across in percentages of
the width, so the drawing fits any screen without script, and down in pixels. Colours come
from classes (`series-N`), whose rules `palette_css` writes from the charts' palettes, so the
drawing follows the reader's colour scheme as the Plotly chart does. Where script runs, the
page may replace the drawing with the Plotly chart when the reader reaches for it.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

#: Point shapes, centred on (0, 0), named as Plotly names its marker symbols.
SYMBOLS = {
    "circle": "M6,0A6,6 0 1 1 -6,0A6,6 0 1 1 6,0Z",
    "diamond": "M0,-7.5L7.5,0L0,7.5L-7.5,0Z",
    "square": "M-5.5,-5.5H5.5V5.5H-5.5Z",
    "triangle-up": "M0,-6.5L6.5,5L-6.5,5Z",
    "x": "M-6,-3.5L-3.5,-6L0,-2.5L3.5,-6L6,-3.5L2.5,0L6,3.5L3.5,6L0,2.5L-3.5,6L-6,3.5L-2.5,0Z",
    "star": "M0,-7L1.8,-2.3L6.7,-2.2L2.9,0.9L4.3,5.7L0,2.9L-4.3,5.7L-2.9,0.9L-6.7,-2.2L-1.8,-2.3Z",
    "cross": "M-2.5,-6.5H2.5V-2.5H6.5V2.5H2.5V6.5H-2.5V2.5H-6.5V-2.5H-2.5Z",
}

# Where the marks may go, in percent of the drawing's width: the rest is margin.
LEFT, WIDTH = 3.0, 92.0
# Pixel measures down the drawing.
TITLE_LINE, CREDIT_LINE, LEGEND_LINE = 20, 18, 20
LABEL_LINE, NOTE_LINE, STRIP, BAR, TICK_LINE, ROW_GAP = 16, 15, 22, 12, 16, 12
LABEL_WIDTH = 34  # characters a row's label may take before it wraps
EDGE = 0.04  # a tick this close to either end of its scale has its number beside the line


@dataclass(frozen=True)
class Mark:
    """A bar from `at` to `to`, or a point at `at` when `to` is None."""

    at: float
    to: float | None = None
    series: int = 0
    symbol: str = "circle"
    text: str = ""  # beside the mark: the number as reported
    note: str = ""  # above the mark: a key event's name


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]
    title: str = ""

    def place(self, value: float) -> float:
        """Where `value` falls, from 0 (low) to 1 (high)."""
        return (value - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class Row:
    label: str
    marks: tuple[Mark, ...]
    scale: Scale | None = None  # a row on a scale of its own (figures that count different things)


@dataclass(frozen=True)
class Draft:
    """What a chart builder asks to draw."""

    rows: list[Row]
    scale: Scale | None = None  # the scale of every row without its own
    legend: list[tuple[int, str, str]] = field(default_factory=list)  # (series, symbol or "bar", name)


def linear_scale(low: float, high: float, write: Callable[[float], str], title: str = "", *,
                 steps: tuple[float, ...] = (1, 2, 2.5, 5, 10), step: float | None = None) -> Scale:
    """A scale from `low` to `high` with about five round ticks (`steps` times a power of ten),
    or a tick every `step`, each written by `write`."""
    if step is None:
        raw = (high - low) / 5
        power = 10 ** math.floor(math.log10(raw))
        step = next(m * power for m in (*steps, 10) if m * power >= raw)
    first = math.ceil(low / step)
    values = [n * step for n in range(first, math.floor(high / step) + 1)]
    return Scale(low, high, tuple((v, write(v)) for v in values), title)


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
    series: int
    symbol: str = ""  # a point's symbol; empty for a bar
    width: str = ""  # a bar's width
    height: int = 0


@dataclass
class Sketch:
    height: int = 0
    texts: list[Text] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    grid: list[tuple[str, int, int]] = field(default_factory=list)  # (x, top, bottom)

    @property
    def symbols(self) -> dict[str, str]:
        """The symbols this drawing uses, with their outlines."""
        used = {s.symbol for s in self.shapes if s.symbol}
        return {name: path for name, path in SYMBOLS.items() if name in used}


def _across(fraction: float) -> str:
    return f"{LEFT + WIDTH * fraction:.2f}%"


def lay_out(draft: Draft, title_lines: list[str], credit: str) -> Sketch:
    """Places the draft under the chart's title and source line, as the Plotly chart does."""
    sketch = Sketch()
    y = 12
    for line in title_lines:
        y += TITLE_LINE
        sketch.texts.append(Text("8", y, line, "title"))
    y += CREDIT_LINE
    sketch.texts.append(Text("8", y, credit, "credit"))
    y += 8
    for series, symbol, name in draft.legend:
        y += LEGEND_LINE
        if symbol == "bar":
            sketch.shapes.append(Shape("10", y - 10, series, width="12", height=BAR))
        else:
            sketch.shapes.append(Shape("16", y - 4, series, symbol))
        sketch.texts.append(Text("30", y, name, "legend"))
    y += ROW_GAP
    top = y
    for row in draft.rows:
        y = _row(sketch, row, row.scale or draft.scale, y)
    if draft.scale:
        _axis(sketch, draft.scale, top, y - ROW_GAP // 2)
        y += TICK_LINE
        for line in textwrap.wrap(draft.scale.title, LABEL_WIDTH):
            y += LABEL_LINE
            sketch.texts.append(Text("50%", y, line, "axis-title", "middle"))
    sketch.height = y + 12
    return sketch


def _row(sketch: Sketch, row: Row, scale: Scale, y: int) -> int:
    """Draws a row below `y`: its label, its marks' notes, its marks; returns the next row's top."""
    top = y
    for line in textwrap.wrap(row.label, LABEL_WIDTH) or [row.label]:
        y += LABEL_LINE
        sketch.texts.append(Text(_across(0), y, line, "label"))
    if any(mark.note for mark in row.marks):
        y += NOTE_LINE
        for mark in (m for m in row.marks if m.note):
            before_middle = scale.place(mark.at) < 0.5
            sketch.texts.append(Text(_across(scale.place(mark.at)), y - 2, mark.note, "note",
                                     "start" if before_middle else "end", -6 if before_middle else 6))
    middle = y + STRIP // 2 + 2
    for mark in row.marks:
        start = scale.place(mark.at)
        if mark.to is None:
            sketch.shapes.append(Shape(_across(start), middle, mark.series, mark.symbol))
            end = start
        else:
            end = scale.place(mark.to)
            sketch.shapes.append(Shape(_across(start), middle - BAR // 2, mark.series,
                                       width=f"{WIDTH * (end - start):.2f}%", height=BAR))
        if mark.text:
            # Past the middle of a bar chart the number goes inside the bar's end, so it never
            # runs off a narrow screen; elsewhere it follows the mark.
            inside = mark.to is not None and end > 0.55
            sketch.texts.append(Text(_across(end), middle + 4, mark.text,
                                     "inside" if inside else "value", "end" if inside else "start",
                                     -6 if inside else (6 if mark.to is not None else 11)))
    y += STRIP
    if row.scale:
        _axis(sketch, scale, top + 4, y)
        y += TICK_LINE
    return y + ROW_GAP


def _axis(sketch: Sketch, scale: Scale, top: int, bottom: int) -> None:
    """Grid lines from `top` to `bottom` at each tick, and the ticks' numbers under them."""
    for value, text in scale.ticks:
        place = scale.place(value)
        sketch.grid.append((_across(place), top, bottom))
        # A number at either end stays inside the drawing: it starts, or ends, at its line.
        anchor = "start" if place < EDGE else "end" if place > 1 - EDGE else "middle"
        sketch.texts.append(Text(_across(place), bottom + 13, text, "tick", anchor,
                                 {"start": -3, "end": 3, "middle": 0}[anchor]))


def palette_css(palettes: dict[str, dict]) -> str:
    """The drawing's colours, from the palettes the Plotly charts use: light, and dark where the
    reader's system asks for it."""
    def rules(palette: dict) -> str:
        lines = [f".chart-sketch {{ color: {palette['text']}; }}",
                 f".chart-sketch .grid {{ stroke: {palette['grid']}; }}",
                 f".chart-sketch .inside {{ fill: {palette['background']}; }}"]
        lines += [f".chart-sketch .series-{i} {{ fill: {colour}; }}"
                  for i, colour in enumerate(palette["series"])]
        return "\n".join(lines)

    return (f"\n/* Chart drawings' colours, written by the build from the charts' palettes. */\n"
            f"{rules(palettes['light'])}\n"
            f"@media (prefers-color-scheme: dark) {{\n{rules(palettes['dark'])}\n}}\n")
