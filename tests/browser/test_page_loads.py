"""Every built page loads cleanly in a real browser, on a phone and on a desktop screen."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.sitecheck import pages, parsed

from .helpers import DESKTOP, PageWatcher, visit_pages

pytestmark = pytest.mark.browser

MISSING = "no/such/page/"


def problems_of(visits) -> list[str]:
    return [f"{visit.name}: {problem}" for visit in visits for problem in visit.problems]


def test_every_page_loads_without_errors(visits):
    """No console error, uncaught exception, failed request or error status while each page
    loads, is scrolled to the bottom and (on the phone) has its controls used."""
    problems = problems_of(visits)
    assert not problems, "\n".join(problems)


def test_every_chart_draws(visits):
    """Each chart is drawn once scrolled into view (the lazily loaded Plotly bundle works)."""
    undrawn = [
        f"{visit.name}: chart {chart} was not drawn" for visit in visits for chart in visit.undrawn_charts
    ]
    assert not undrawn, "\n".join(undrawn)


def test_pages_fit_the_screen(visits):
    """WCAG 1.4.10 reflow: nothing makes the whole page scroll sideways, at 320 px (the
    narrowest phone) and up."""
    unmeasured = [visit.name for visit in visits if not visit.overflow]
    assert not unmeasured, f"never measured (the browser failed): {unmeasured}"
    wide = [
        f"{visit.name} at {width}px: scrolls sideways by {found['px']}px, past the edge: "
        f"{', '.join(found['wide']) or '?'}"
        for visit in visits
        for width, found in sorted(visit.overflow.items())
        if found["px"] > 0
    ]
    assert not wide, (
        "wrap the wide element (table, chart, long word) in a scrolling container "
        "or let it wrap:\n" + "\n".join(wide)
    )


ASSET = re.compile(r"^[^\s:?#]+\.[a-z0-9]{2,5}([?#]\S*)?$", re.I)


def asset_signature(file: Path, root: Path) -> tuple:
    """Pages at the same depth that name the same assets resolve them the same way."""
    soup = parsed(file)
    references = {
        value
        for element in soup.find_all(True)
        for name, value in element.attrs.items()
        if isinstance(value, str)
        and (
            name in ("src", "srcset", "data-src")
            or (name.startswith("data-") and ASSET.match(value))
            # a stylesheet or an icon, not a page's twin
            or (name == "href" and element.name == "link" and ASSET.match(value))
        )
    }
    return len(file.relative_to(root).parts), frozenset(references)


def test_every_kind_of_subpath_page_loads_without_errors(browser, subpath_server):
    """The build for /fake-farms/: every asset, including those scripts load later, resolves there.
    (Every link of every page is checked statically by test_site; here one page per depth and set
    of assets is enough.)"""
    root = subpath_server.folder
    chosen: dict[tuple, Path] = {}
    for file in pages(root):
        chosen.setdefault(asset_signature(file, root), file)
    subpath_pages = [
        (subpath_server.mount + file.relative_to(root).as_posix(), subpath_server.url_for_file(file))
        for file in chosen.values()
    ]
    context = browser.new_context(viewport=DESKTOP)
    try:
        problems = problems_of(visit_pages(context, subpath_pages))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("server_fixture", ["site_server", "subpath_server"])
def test_unknown_address_gets_styled_404_page(browser, request, server_fixture):
    """A static host serves 404.html at any depth; its stylesheet and links must still resolve."""
    server = request.getfixturevalue(server_fixture)
    url = server.base_url + MISSING
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    watcher = PageWatcher(page, allow_status={url: 404})
    try:
        response = page.goto(url, wait_until="load")
        watcher.wait_until_quiet()
        assert response.status == 404
        assert page.locator("h1").inner_text().strip()
        styled = page.evaluate("() => [...document.styleSheets].some(s => s.cssRules.length > 0)")
        assert styled, "the 404 page's stylesheet did not load at " + url
        assert not watcher.problems, "\n".join(watcher.problems)
        home = page.locator("header a[href]").first
        href = home.get_attribute("href")
        home.click()
        page.wait_for_load_state("load")
        assert page.url == server.base_url, (
            f"the first header link {href!r} on the 404 page at {url} goes to {page.url}, not the home page"
        )
    finally:
        context.close()


def test_the_header_is_the_same_height_on_every_page(visits):
    """A page's menu never takes more room than another's (the current page's mark included)."""
    heights = {
        visit.name: visit.as_opened.get("header") for visit in visits if not visit.as_opened.get("embedded")
    }  # embeds have no site header
    assert all(heights.values()), f"no header measured: {heights}"
    usual = Counter(heights.values()).most_common(1)[0][0]
    odd = [f"{name}: {height}px" for name, height in heights.items() if height != usual]
    assert not odd, f"the header is {usual}px on most pages but not on:\n" + "\n".join(odd)


def test_data_tables_open_closed(visits):
    """Charts' data tables wait behind "Show the data", so pages stay short on a phone."""
    opened = [
        f"{visit.name}: {visit.as_opened['openTables']} open"
        for visit in visits
        if visit.as_opened.get("openTables")
    ]
    assert not opened, "\n".join(opened)


def test_no_word_is_broken_across_lines(visits):
    """Headings, key figures and labels wrap between words, never inside one, at every width
    measured (320 px to 1280 px)."""
    broken = [
        f"{visit.name} at {width}px: {', '.join(words[:4])}"
        for visit in visits
        for width, words in sorted(visit.split_words.items())
        if words
    ]
    assert not broken, "\n".join(broken)


def test_a_note_mark_opens_its_note_in_place(visits):
    """On a phone, tapping a note mark shows the source over the text, and Escape goes back."""
    tapped = [visit for visit in visits if visit.first_note is not None]
    if not tapped:
        pytest.skip("controls are used on the phone pass only")
    wrong = [
        f"{visit.name}: {visit.first_note}"
        for visit in tapped
        if visit.first_note not in ("", "no note marks")
    ]
    assert not wrong, "\n".join(wrong)
    assert sum(visit.first_note == "" for visit in tapped) > len(tapped) / 2
