"""What a page shows, worked out before its template runs, as Pelican's generators do.

A view gives its page's title and description and names the things the page shows;
`page_data` walks them and returns the page's citations, numbered in the order a reader meets
them, whether the page draws charts, and the key figure its link-preview card shows.
Templates then only look these up; they record nothing. A page's card is drawn from the same
data, without rendering the page (`page_card`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app, render_template, request
from markupsafe import Markup, escape

from fakefarms.content import Content
from fakefarms.content.model import Farm, Page, Section
from fakefarms.outputs.cards import CardText
from fakefarms.outputs.charts import RenderedChart, rendered_charts
from records.facts import Citation, Figure


@dataclass(frozen=True)
class PageData:
    """The notes a page lists, keyed by (source, section), and whether it draws charts with
    Plotly (and so loads the charts script)."""

    notes: dict[tuple[str, str], int]
    charts: bool
    #: The notes that one mark cites together (two or more), each listed once.
    groups: tuple[tuple[int, ...], ...] = ()
    #: The first key figure the page shows, which its link-preview card shows too.
    first_figure: Figure | None = None
    #: The page's title as its heading shows it (a text awaiting its translation is marked
    #: when written), and its description: plain words, or prose as HTML.
    title: str = ""
    description: str = ""

    def plain_title(self) -> str:
        """The title in plain words, for the window's title and the card: written as a
        template writes it (a text awaiting its translation marked), then its tags stripped."""
        finalize = current_app.jinja_env.finalize
        assert finalize is not None  # the site's templates always have one (rendering.shown)
        written = escape(finalize(self.title))
        return Markup(written).striptags()

    def number(self, citation: Citation) -> int:
        return self.notes[(citation.source, citation.section)]

    def pop_ups(self) -> list[tuple[int, ...]]:
        """The notes each pop-up shows: every note alone, then each group cited together."""
        return [(n,) for n in self.notes.values()] + list(self.groups)

    def cited(self, number: int) -> tuple[str, str]:
        """Note `number`'s (source, section)."""
        return next(key for key, n in self.notes.items() if n == number)

    def numbers(self, citations: Sequence[Citation]) -> tuple[int, ...]:
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
    together: list[Sequence[Citation]] = []
    charts = False
    first_figure = None

    def visit(item: Any) -> None:
        nonlocal charts, first_figure
        if isinstance(item, Figure):
            first_figure = first_figure or item
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
    data = PageData({key: n for n, key in enumerate(found, 1)}, charts, first_figure=first_figure)
    groups = {data.numbers(citations) for citations in together}
    return dataclasses.replace(data, groups=tuple(sorted(g for g in groups if len(g) > 1)))


def _brought_in(item: Any, content: Content) -> dict[str, list[Any]]:
    """What a record brings onto the page by reference (key-figure cards, charts, events),
    keyed by the field its template shows them after."""
    if isinstance(item, Page):  # the picture and the figure cards come before the lede
        return {
            "description": [*([item.hook] if item.hook else []), *(content.figures[f] for f in item.figures)]
        }
    if isinstance(item, Farm):
        return {"sources": [content.figures[f] for f in item.figures]}
    if isinstance(item, Section):
        charts = rendered_charts(content)
        events = [e for e in content.events if e.category == item.timeline] if item.timeline else []
        return {
            "heading": [content.figures[f] for f in item.figures],
            "passages": [*(charts[c] for c in item.charts), *events],
        }
    return {}


def render_page(
    template: str,
    shown: tuple,
    *,
    title: str,
    description: str | None = None,
    card: tuple[str, str] | None = None,
    **context: Any,
) -> str | CardText:
    """Render a page of the site titled `title` (described by `description`, or the site's
    description) with the data of what it shows (`shown`) worked out first; `card` is the
    number and words its link-preview card shows, when not its first key figure.
    Asked for its card only (`page_card`), return the card's words instead.

    The data rides on the request, where the shared macros read it through `current()`;
    passing it as context instead would make Jinja re-run the macros' module on every page.
    """
    content = context["content"]
    data = dataclasses.replace(
        page_data(content, *shown),
        title=title,
        description=content.site.description if description is None else description,
    )
    if request.environ.get(_CARD_ONLY):
        return _card_text(content, data, card)
    request.environ[_KEY] = data
    return render_template(template, **context)


def page_card(path: str) -> CardText | None:
    """The words of the card of the page at `path` (within the app), from the page's data and
    its title, without rendering the page; None if there is no such page."""
    adapter = current_app.url_map.bind_to_environ(request.environ)
    try:
        endpoint, values = adapter.match(path, method="GET")
    except Exception:  # no page there (or a redirect): no card
        return None
    with current_app.test_request_context(request.script_root + path, base_url=request.host_url):
        request.environ[_CARD_ONLY] = True
        shown = current_app.view_functions[endpoint](**values)
    return shown if isinstance(shown, CardText) else None


def _card_text(content: Content, data: PageData, card: tuple[str, str] | None) -> CardText:
    """A card's words: the page's title and its number."""
    if card is None and data.first_figure is not None:
        first = data.first_figure
        card = (content.figure_text(first), str(first.label))
    figure, label = card or ("", "")
    site = content.site
    return CardText(
        title=data.plain_title(),
        figure=figure,
        figure_label=label,
        site=str(site.title),
        byline=str(site.byline),
    )


def current() -> PageData:
    """The data of the page being rendered (set by render_page before its template runs)."""
    return request.environ.get(_KEY, NO_DATA)


_KEY = "fakefarms.page_data"
_CARD_ONLY = "fakefarms.card_only"  # set while a page is asked for its card's words only
NO_DATA = PageData({}, charts=False)  # pages outside the site's layout: problems, redirects
