"""A chart described once: its rows or columns of marks, their scales, series and labels, and
its data table. A builder in charts.py makes one `ChartSpec` for each chart of the content, and
two renderers draw it: `charts.plotly_figure`, the Plotly chart a reader may ask for, and
`sketches.draw_sketch`, the SVG drawing the build writes into the page.

A mark's colour and shape are its series': the series' place in `ChartSpec.series` is its
colour in the palette (palette.py) and its `shape` is a bar or one of SYMBOLS, so neither
renderer names a colour or a shape of its own.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from fakefarms.outputs.palette import SERIES

#: Point shapes, named as Plotly names its marker symbols, with the outline the drawing gives
#: each, centred on (0, 0). A series drawn as bars has the shape "bar" instead.
SYMBOLS = {
    "circle": "M6,0A6,6 0 1 1 -6,0A6,6 0 1 1 6,0Z",
    "diamond": "M0,-7.5L7.5,0L0,7.5L-7.5,0Z",
    "square": "M-5.5,-5.5H5.5V5.5H-5.5Z",
    "triangle-up": "M0,-6.5L6.5,5L-6.5,5Z",
    "x": "M-6,-3.5L-3.5,-6L0,-2.5L3.5,-6L6,-3.5L2.5,0L6,3.5L3.5,6L0,2.5L-3.5,6L-6,3.5L-2.5,0Z",
    "star": "M0,-7L1.8,-2.3L6.7,-2.2L2.9,0.9L4.3,5.7L0,2.9L-4.3,5.7L-2.9,0.9L-6.7,-2.2L-1.8,-2.3Z",
    "cross": "M-2.5,-6.5H2.5V-2.5H6.5V2.5H2.5V6.5H-2.5V2.5H-6.5V-2.5H-2.5Z",
}
#: How many colours the palette has for series; a chart with more series repeats them.
COLOURS = len(SERIES["light"])


def colour(series: int) -> int:
    """The palette's colour (its index in palette.SERIES) of a chart's series number `series`."""
    return series % COLOURS


@dataclass
class Table:
    """A chart's data, as its page's table and its CSV file give it."""

    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return out.getvalue()


@dataclass(frozen=True)
class Series:
    """A kind of mark: its name in the legend (none: it has no entry), its shape, and the size
    of its points in the Plotly chart (the drawing's symbols have one size)."""

    name: str = ""
    shape: str = "bar"  # or a point's symbol: one of SYMBOLS
    size: int = 12


@dataclass(frozen=True)
class Mark:
    """A bar from `at` to `to`, or a point at `at` when `to` is None, of the chart's series
    number `series`."""

    at: float
    to: float | None = None
    series: int = 0
    text: str = ""  # beside the mark: the number as reported
    note: str = ""  # above the mark: a key event's name
    hover: str = ""  # what pointing at the mark tells in the Plotly chart: an event's date...

    @property
    def end(self) -> float:
        """Where a bar ends."""
        assert self.to is not None, "a point has no end"
        return self.to

    @property
    def length(self) -> float:
        """A bar's length, from `at` to `to`."""
        return self.end - self.at


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]
    title: str = ""
    numbers: str = ""  # a value scale's numbers' format (records.numbers): "usd", "percent"...

    def place(self, value: float) -> float:
        """Where `value` falls, from 0 (low) to 1 (high)."""
        return (value - self.low) / (self.high - self.low)


def linear_scale(
    low: float,
    high: float,
    write: Callable[[float], str],
    title: str = "",
    *,
    steps: tuple[float, ...] = (1, 2, 2.5, 5, 10),
    step: float | None = None,
    numbers: str = "",
) -> Scale:
    """A scale from `low` to `high` with about five round ticks (`steps` times a power of ten),
    or a tick every `step`, each written by `write`."""
    if step is None:
        raw = (high - low) / 5
        power = 10 ** math.floor(math.log10(raw))
        step = next(m * power for m in (*steps, 10) if m * power >= raw)
    first = math.ceil(low / step)
    values = [n * step for n in range(first, math.floor(high / step) + 1)]
    return Scale(low, high, tuple((v, write(v)) for v in values), title, numbers)


@dataclass(frozen=True)
class Row:
    """A row of marks under its label."""

    label: str
    marks: tuple[Mark, ...]
    scale: Scale | None = None  # a row on a scale of its own (figures that count different things)


@dataclass(frozen=True)
class Column:
    """A column of bars stacked from `at` to `to` up a count, over its label (a year)."""

    label: str
    marks: tuple[Mark, ...]
    text: str = ""  # over the column: its total


@dataclass(frozen=True)
class ChartSpec:
    """One chart: rows across a scale, or columns side by side, of marks in `series`; its
    title and source line ('Source: Kloop · Fake Farms'), which both renderers keep inside
    the image; and its data table. `kind` is the content's kind of chart ("breakdown" for the
    calculator's, which has no drawing), by which the Plotly chart chooses how its axes read
    and what pointing at a mark tells."""

    kind: str
    title: str
    credit: str
    language: str
    table: Table
    series: tuple[Series, ...]
    rows: tuple[Row, ...] = ()
    scale: Scale | None = None  # the scale of every row without its own
    columns: tuple[Column, ...] = ()
    legend: bool = False  # the series' names and shapes over the marks
    notes: bool = False  # key events named over their marks (not in a smaller version)
    size: str = "medium"  # "short", "medium" or "tall": the Plotly chart's box, a CSS class
