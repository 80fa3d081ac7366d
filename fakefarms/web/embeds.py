"""Embeds for other newsrooms: the calculator and each chart as a bare page that another site
places in an iframe, a page of copy-paste snippets, and the small script a host page includes
so each iframe takes the height of its content.

Only these pages may be framed by other sites (`frame-ancestors *` in `_headers`); every other
page refuses to be framed.
"""

from __future__ import annotations

import dataclasses
import json
import math

from flask import Blueprint, Response, abort, current_app, url_for
from markupsafe import Markup, escape

from fakefarms.content.model import SITE_PAGES
from fakefarms.outputs.charts import RenderedChart, rendered_charts
from fakefarms.web.calculator_page import render_calculator
from fakefarms.web.content_source import current_content
from fakefarms.web.i18n import current_language, gettext
from fakefarms.web.pagedata import render_page
from fakefarms.web.rendering import in_language, public_address, public_link
from fakefarms.web.security import EMBED_FOLDER

embeds = Blueprint("embeds", __name__)

#: The message an embedded page posts to its host whenever its height changes. Declared here
#: only: both scripts are served inside SCRIPT_WRAPPER, which gives it to them.
HEIGHT_MESSAGE = "fakefarms:height"
#: The code written around embed.js and embed-host.js (app.py's WRAPPED_ASSETS): a function
#: called with the message, so neither script spells it and no tag need carry it.
SCRIPT_WRAPPER = (b"((heightMessage) => {\n", f"\n}})({json.dumps(HEIGHT_MESSAGE)});\n".encode())
#: An iframe's height in its code, which it keeps on a page whose editor stripped the resizing
#: script: the height of its content at 320 px, the narrowest width the site supports, so that
#: nothing is cut off there (wider, the frame has room to spare; with the script it is trimmed
#: to the content). tests/browser/test_embed.py measures each embed in Chromium against it.
#: The calculator's compact form and estimate, its optional inputs and notes folded (1,991 px
#: in English and 2,389 in Russian, measured).
CALCULATOR_HEIGHT = 2450
#: A chart's: its summary, a line of SUMMARY_LINE px for every SUMMARY_CHARS characters or
#: part of them; its drawing, or an HTML chart's blocks (LINKS_GROUP for each block's heading,
#: LINKS_ENTRY for each person in it); and around them CHART_FRAME (the data's button, the
#: source line, the credit).
SUMMARY_LINE, SUMMARY_CHARS = 29, 22
LINKS_GROUP, LINKS_ENTRY = 100, 150
CHART_FRAME = 360


def embed_height(chart: RenderedChart) -> int:
    """The height an embedded chart's code gives its frame (see CALCULATOR_HEIGHT)."""
    summary = math.ceil(len(str(chart.summary)) / SUMMARY_CHARS) * SUMMARY_LINE
    if chart.sketch:
        body = chart.sketch.height
    else:
        body = sum(LINKS_GROUP + LINKS_ENTRY * len(entries) for _, entries in chart.groups or [])
    return CHART_FRAME + summary + body


def embeddable_charts(content):
    return [c for c in content.charts.values() if not c.compact]


def snippet(endpoint: str, title: str, height: int, **values) -> str:
    """What a newsroom pastes: the iframe, then the resizing script, both at public addresses
    (paths only when the site's address is not known: build with --base-url to publish)."""
    src = url_for(in_language(endpoint, current_language()), **values)
    # One resizing script serves the embeds of every language, at one fixed address.
    script = url_for("embeds.resize_script")
    src, script = (public_address(path) or path for path in (src, script))
    # No style attribute: a host page with a strict policy may refuse inline styles.
    return (
        f'<iframe src="{src}" title="{escape(title)}" width="100%" height="{height}" '
        f'loading="lazy"></iframe>\n<script src="{script}" async></script>'
    )


def chart_places(content) -> dict[str, tuple[str, str]]:
    """Where each chart appears in the story: chart id -> (page endpoint, page title in the
    page's language). Each chart is drawn once, where it belongs; the charts page links to it
    there."""
    places: dict[str, tuple[str, str]] = {}
    for name, page in content.pages.items():
        endpoint = "pages.index" if name == "home" else f"pages.{name}"
        for section in page.sections:
            for chart_id in section.charts:
                places.setdefault(chart_id, (endpoint, SITE_PAGES[endpoint.split(".")[1]].menu))
    for chart in content.charts.values():
        if chart.kind == "timeline" and not chart.compact:
            places.setdefault(chart.id, ("pages.timeline", SITE_PAGES["timeline"].menu))
        elif chart.kind == "links":
            places.setdefault(chart.id, ("pages.farms", SITE_PAGES["farms"].menu))
    return {chart_id: (endpoint, gettext(menu)) for chart_id, (endpoint, menu) in places.items()}


@embeds.route(f"/{EMBED_FOLDER}/")
def index():
    content = current_content()
    charts = rendered_charts(content)
    # Each item: its anchor, title, page, the page's values, the iframe's height, and the chart
    # whose drawing previews it (an HTML chart, such as the links, has none).
    items: list[tuple[str, str, str, dict[str, str], int, RenderedChart | None]] = [
        ("calculator", content.calculator.words.title, "embeds.calculator", {}, CALCULATOR_HEIGHT, None)
    ]
    for c in embeddable_charts(content):
        sketch = charts[c.id].sketch
        drawn = charts[c.id] if sketch else None
        height = embed_height(charts[c.id])
        items.append((f"chart-{c.id}", c.title, "embeds.chart", {"chart_id": c.id}, height, drawn))
    listed = [
        (key, title, endpoint, values, snippet(endpoint, title, height, **values), chart)
        for key, title, endpoint, values, height, chart in items
    ]
    return render_page(
        "embed_index.html",
        (),
        title=gettext("Embed the calculator and charts"),
        description=gettext(
            "Copy-paste code to place the Fake Farms cost calculator or any of its charts in your own page."
        ),
        content=content,
        items=listed,
        message=HEIGHT_MESSAGE,
    )


@embeds.route(f"/{EMBED_FOLDER}/calculator/")
def calculator():
    return render_calculator("embed_calculator.html", whole_page=False, full_page="calculator.calculator")


@embeds.route(f"/{EMBED_FOLDER}/charts/<chart_id>/")
def chart(chart_id: str):
    content = current_content()
    if chart_id not in {c.id for c in embeddable_charts(content)}:
        abort(404)
    shown = rendered_charts(content)[chart_id]
    # Compact, as newsroom chart tools make them: its sources are listed on the full page,
    # which its source line links to, so the embed has no notes of its own.
    listed = dataclasses.replace(shown, sources=[])
    told = chart_places(content).get(chart_id, ("charts.index", ""))[0]
    return render_page(
        "embed_chart.html",
        (listed,),
        title=shown.title,
        description=Markup(str(shown.summary)).striptags(),
        content=content,
        chart=shown,
        full_page="charts.index",
        sources_at=public_link(told) + f"#chart-{chart_id}",
    )


@embeds.route(f"/{EMBED_FOLDER}/resize.js")
def resize_script():
    """The host page's script, at an address that never changes (snippets live on in other
    sites' pages), unlike the site's content-hashed assets."""
    text = current_app.extensions["assets"].content("js/embed-host.js")
    return Response(text, mimetype="text/javascript")
