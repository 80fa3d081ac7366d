"""What a page shows, worked out before its template runs, as Pelican's generators do.

A view names the things its page shows; `page_data` walks them and returns the page's
citations, numbered in the order a reader meets them, and whether the page draws charts.
Templates then only look numbers up; they record nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from flask import render_template, request

from records.facts import Citation

from .charts import RenderedChart, rendered_charts
from .content import Content
from .content.model import Farm, Page, Section


@dataclass(frozen=True)
class PageData:
    """The notes a page lists, keyed by (source, section), and whether it draws charts with
    Plotly (and so loads the charts script)."""

    notes: dict[tuple[str, str], int]
    charts: bool
    #: The notes that one mark cites together (two or more), each listed once.
    groups: tuple[tuple[int, ...], ...] = ()

    def number(self, citation: Citation) -> int:
        return self.notes[(citation.source, citation.section)]

    def pop_ups(self) -> list[tuple[int, ...]]:
        """The notes each pop-up shows: every note alone, then each group cited together."""
        return [(n,) for n in self.notes.values()] + list(self.groups)

    def cited(self, number: int) -> tuple[str, str]:
        """Note `number`'s (source, section)."""
        return next(key for key, n in self.notes.items() if n == number)

    def numbers(self, citations: list[Citation]) -> tuple[int, ...]:
        """The notes one mark cites: its citations' numbers, in order, each once."""
        return tuple(sorted({self.number(c) for c in citations}))

    def listed(self) -> list[tuple[int, str, str, int | None]]:
        """The notes in order, as (number, source, section, first), where `first` is the
        number of the first note from the same source, or None on that first note: the list
        names a source in full once, then in short, as a book's notes do."""
        first: dict[str, int] = {}
        listed = []
        for (source, section), n in self.notes.items():
            listed.append((n, source, section, first.get(source)))
            first.setdefault(source, n)
        return listed


def page_data(content: Content, *shown: Any) -> PageData:
    """The data of a page that shows `shown` (records, lists of them, rendered charts), in
    reading order: notes are numbered in the order a reader meets their first mark."""
    found: dict[tuple[str, str], None] = {}
    together: list[list[Citation]] = []
    charts = False

    def visit(item: Any) -> None:
        nonlocal charts
        if isinstance(item, Citation):
            found.setdefault((item.source, item.section))
        elif isinstance(item, RenderedChart):
            charts = charts or item.figure is not None  # HTML charts need no script
            visit(item.sources)
        elif isinstance(item, list | tuple):
            if len(item) > 1 and all(isinstance(part, Citation) for part in item):
                together.append(item)
            for part in item:
                visit(part)
        elif dataclasses.is_dataclass(item):
            brought = _brought_in(item, content)
            for f in dataclasses.fields(item):
                visit(getattr(item, f.name))
                visit(brought.get(f.name, []))

    visit(shown)
    data = PageData({key: n for n, key in enumerate(found, 1)}, charts)
    groups = {data.numbers(citations) for citations in together}
    return dataclasses.replace(data, groups=tuple(sorted(g for g in groups if len(g) > 1)))


def _brought_in(item: Any, content: Content) -> dict[str, list[Any]]:
    """What a record brings onto the page by reference (key-figure cards, charts, events),
    keyed by the field its template shows them after."""
    if isinstance(item, Page):  # the picture and the figure cards come before the lede
        return {"description": [*([item.hook] if item.hook else []),
                                *(content.figures[f] for f in item.figures)]}
    if isinstance(item, Farm):
        return {"sources": [content.figures[f] for f in item.figures]}
    if isinstance(item, Section):
        charts = rendered_charts(content)
        events = [e for e in content.events if e.category == item.timeline] if item.timeline else []
        return {"heading": [content.figures[f] for f in item.figures],
                "passages": [*(charts[c] for c in item.charts), *events]}
    return {}


def render_page(template: str, shown: tuple, **context: Any) -> str:
    """Render a page of the site with the data of what it shows (`shown`) worked out first.

    The data rides on the request, where the shared macros read it through `current()`;
    passing it as context instead would make Jinja re-run the macros' module on every page.
    """
    request.environ[_KEY] = page_data(context["content"], *shown)
    return render_template(template, **context)


def current() -> PageData:
    """The data of the page being rendered (set by render_page before its template runs)."""
    return request.environ.get(_KEY, NO_DATA)


_KEY = "fakefarms.page_data"
NO_DATA = PageData({}, charts=False)  # pages outside the site's layout: problems, redirects
