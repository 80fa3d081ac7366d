"""Fixtures for the browser tests: the built site served over HTTP, Chromium, and the whole-site
passes run in the background."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from fakefarms.build.statichost import CHROMIUM, CHROMIUM_ARGS, StaticSiteServer
from tests.sitecheck import one_per_kind, pages, sampled

from .helpers import Visit
from .passes import SCREENS, focus_reports, visits_at
from .passes import axe_reports as axe_reports_of

SUBPATH_MOUNT = "/fake-farms/"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def site_server(shipped_site):
    """The root build at http://127.0.0.1:<port>/, served as a static host serves it."""
    with StaticSiteServer(shipped_site, "/") as server:
        yield server


@pytest.fixture(scope="session")
def subpath_server(shipped_subpath_site):
    """The sub-path build mounted at http://127.0.0.1:<port>/fake-farms/."""
    with StaticSiteServer(shipped_subpath_site, SUBPATH_MOUNT) as server:
        yield server


@pytest.fixture(scope="session")
def site_pages(site_server) -> list[tuple[str, str]]:
    """(file relative to the build, address) of every built HTML page, discovered from the folder."""
    found = [
        (file.relative_to(site_server.folder).as_posix(), site_server.url_for_file(file))
        for file in pages(site_server.folder)
    ]
    assert found, f"no HTML pages in {site_server.folder}"
    return found


def launch(playwright: Playwright) -> Browser:
    """Debian's headless Chromium (Playwright never downloads one here)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    try:
        return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except PlaywrightError as exc:
        pytest.fail(f"could not start {CHROMIUM}: {exc}")


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the tests that drive it themselves."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci)")
    return AXE


def _in_own_browser(run_pass: Callable[[Browser, list], object], site_pages: list) -> object:
    with sync_playwright() as playwright:  # one per thread: Playwright's sync API is per thread
        browser = launch(playwright)
        try:
            return run_pass(browser, site_pages)
        finally:
            browser.close()


def _reads_a_pass(item: pytest.Item) -> bool:
    return bool({"visits", "axe_reports", "focus_walks"} & set(getattr(item, "fixturenames", ())))


@pytest.fixture(scope="session", autouse=True)
def whole_site_passes(request) -> dict[str, Future]:
    """The whole-site passes (passes.py), started with the first browser test and run side by
    side in threads while the other tests run; the tests that read them run last (below).
    Not started when no selected test reads them."""
    if not any(_reads_a_pass(item) for item in request.session.items):
        yield {}
        return
    site_pages = request.getfixturevalue("site_pages")
    axe_source = request.getfixturevalue("axe_source")
    # The phone pass reads every page in every language: its reflow and word-split checks
    # depend on the words. The desktop and axe passes read each translation's kinds once.
    runs = {
        f"visits-{name}": (
            partial(visits_at, name),
            site_pages if screen.get("is_mobile") else sampled(site_pages),
        )
        for name, (screen, _narrower) in SCREENS.items()
    }
    runs["axe"] = (partial(axe_reports_of, axe_source), sampled(site_pages))
    # The keyboard walks every kind of page in every language (the words set the lengths).
    kinds = one_per_kind(name for name, _address in site_pages)
    runs["focus"] = (focus_reports, [(name, address) for name, address in site_pages if name in kinds])
    with ThreadPoolExecutor(max_workers=len(runs), thread_name_prefix="site-pass") as pool:
        yield {name: pool.submit(_in_own_browser, run, chosen) for name, (run, chosen) in runs.items()}


@pytest.fixture(scope="session", params=list(SCREENS))
def visits(request, whole_site_passes) -> list[Visit]:
    """Every page at one screen size (passes.visits_at). A parameter of the tests that read
    it, so --durations shows the wait for it as their setup."""
    return whole_site_passes[f"visits-{request.param}"].result()


@pytest.fixture(scope="session")
def focus_walks(whole_site_passes) -> dict[str, dict]:
    """Every kind of page walked with the keyboard at three screens (passes.focus_reports)."""
    return whole_site_passes["focus"].result()


@pytest.fixture(scope="session")
def axe_reports(whole_site_passes) -> dict[str, list[str]]:
    """axe-core's findings on every page, by colour scheme (passes.axe_reports)."""
    return whole_site_passes["axe"].result()


def pytest_collection_modifyitems(items):
    """The tests that read a whole-site pass run after all others, so the passes have the
    whole run to finish in the background."""
    readers = [item for item in items if _reads_a_pass(item)]
    items[:] = [item for item in items if item not in readers] + readers
