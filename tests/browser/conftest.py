"""Fixtures for the browser tests: the built site served over HTTP, and one Chromium for all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.sitecheck import pages
from tests.siteserver import CHROMIUM, CHROMIUM_ARGS, StaticSiteServer

from .helpers import DESKTOP, MOBILE, one_per_kind, visit_pages

SUBPATH_MOUNT = "/fake-farms/"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def site_server(built_site):
    """The root build at http://127.0.0.1:<port>/, served as a static host serves it."""
    with StaticSiteServer(built_site, "/") as server:
        yield server


@pytest.fixture(scope="session")
def subpath_server(built_subpath_site):
    """The sub-path build mounted at http://127.0.0.1:<port>/fake-farms/."""
    with StaticSiteServer(built_subpath_site, SUBPATH_MOUNT) as server:
        yield server


@pytest.fixture(scope="session")
def site_pages(site_server) -> list[tuple[str, str]]:
    """(file relative to the build, address) of every built HTML page, discovered from the folder."""
    found = [(file.relative_to(site_server.folder).as_posix(), site_server.url_for_file(file))
             for file in pages(site_server.folder)]
    assert found, f"no HTML pages in {site_server.folder}"
    return found


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's; Playwright never downloads one)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            pytest.fail(f"could not start {CHROMIUM}: {exc}")
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci)")
    return AXE


#: The screens every page is visited at: a phone (scrolled a screen at a time, every control
#: used) and a desktop; each also narrowed to the widths after it to measure sideways scrolling
#: (320 px: the narrowest phone the site supports).
SCREENS = {
    "390x844": ({"viewport": MOBILE, "is_mobile": True, "has_touch": True}, (320,)),
    "1280x900": ({"viewport": DESKTOP}, (768,)),
}


@pytest.fixture(scope="session", params=list(SCREENS))
def visits(request, browser, site_pages):
    """Every page at one screen size, visited once a session: loaded, lazy content scrolled
    into view, one page of each kind also walked with the keyboard (the header is the same on
    all). A parameter of the tests that read it, so --durations shows where the time goes."""
    screen, narrower = SCREENS[request.param]
    phone = screen.get("is_mobile", False)
    context = browser.new_context(**screen)
    try:
        yield visit_pages(context, site_pages, keyboard=one_per_kind(site_pages), controls=phone,
                          stepwise=phone, widths=narrower)
    finally:
        context.close()

