"""Every word a script writes on a Russian page comes from the page's language: the
checklist's running count, the calculator's notes on a link it could not use, its errors."""

from __future__ import annotations

import re

import pytest

from tests.sitecheck import parsed

pytestmark = pytest.mark.browser

LATIN = re.compile(r"[A-Za-z]{2,}")
#: Russian pages with a script, what the reader does there, and the Latin words the reader
#: typed themselves (a tampered address's own names come back in the note about it).
VISITS = [
    ("ru/methodology/", lambda page: page.locator("fieldset.checklist input").first.check(), set()),
    ("ru/calculator/?preset=nope", None, {"nope"}),
    ("ru/calculator/?colour=red", None, {"colour"}),
    ("ru/calculator/", lambda page: page.fill("#in-staff", "lots"), {"lots"}),
]


@pytest.mark.parametrize(("address", "act", "typed"), VISITS, ids=[v[0] for v in VISITS])
def test_no_script_writes_english_on_a_russian_page(browser, site_server, address, act, typed):
    path = address.split("?")[0]
    static = set(LATIN.findall(parsed(site_server.folder / path / "index.html").get_text(" ")))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_server.base_url + address, wait_until="load")
    if act:
        act(page)
        page.locator("body").press("Tab")  # errors show on leaving a field
    written = set(LATIN.findall(page.evaluate("document.body.innerText")))
    context.close()
    assert written - static - typed == set(), address
