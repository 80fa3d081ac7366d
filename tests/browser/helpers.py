"""What the browser tests share: listening to a page, scrolling it, using its controls."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"390x844": MOBILE, "1280x900": DESKTOP}


class PageWatcher:
    """Records console errors, uncaught exceptions, failed requests and error responses."""

    def __init__(self, page: Page, allow_status: dict[str, int] | None = None):
        self.page = page
        self.allow_status = allow_status or {}  # url -> the error status that url should have
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.in_flight = 0
        self._last_activity = time.monotonic()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        page.on("request", self._request)
        page.on("requestfinished", self._settled)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def reset(self) -> None:
        self.problems.clear()
        self.requests.clear()

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url") or ""
            if where in self.allow_status and f"status of {self.allow_status[where]}" in message.text:
                return  # the deliberate error status, reported by the browser as a console error
            if where.endswith("/favicon.ico") and "status of 404" in message.text:
                return  # Chromium asks for it when a page names no icon: test_links checks that
            self.problems.append(f"console error: {message.text}" + (f" ({where})" if where else ""))

    def _request(self, request) -> None:
        self.requests.append(request.url)
        self.in_flight += 1
        self._last_activity = time.monotonic()

    def _settled(self, _request) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self._last_activity = time.monotonic()

    def _failed(self, request) -> None:
        self._settled(request)
        self.problems.append(f"request failed: {request.method} {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400 and self.allow_status.get(response.url) != response.status:
            self.problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    def wait_until_quiet(self, since: int | None = None, quiet_ms: int = 100,
                         timeout_ms: int = 5000) -> None:
        """Wait until no request has been in flight for `quiet_ms` (lazily loaded scripts, data).

        `since` is len(self.requests) before the action waited on: when the action started no
        request at all, a short grace period is enough.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        if since is not None and self.in_flight == 0 and len(self.requests) == since:
            self.page.wait_for_timeout(40)
            if self.in_flight == 0 and len(self.requests) == since:
                return
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(25)
            if self.in_flight == 0 and time.monotonic() - self._last_activity >= quiet_ms / 1000:
                return


SCROLL_STEP = """
async () => {
  // One screen at a time; after each, a frame (observers notice) and a task (their callbacks run).
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const step = Math.max(200, window.innerHeight);
  for (let y = step; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await settle();
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  await settle();
}
"""


def scroll_through(page: Page, watcher: PageWatcher | None = None) -> None:
    """Scroll to the bottom a screen at a time, so lazily loaded content (charts) comes in."""
    for _ in range(3):
        before = len(watcher.requests) if watcher else 0
        page.evaluate(SCROLL_STEP)
        if watcher is None:
            return
        watcher.wait_until_quiet(since=before)
        if len(watcher.requests) == before:
            return  # nothing new came in: the page is as long as it gets
        # Whatever arrived may have made the page longer (a chart drawn): scroll through again.


# Controls a reader can use without leaving the page. Submit buttons and links are left alone.
CONTROLS = ("summary, input[type=checkbox], input[type=radio], "
            "button:not([type=submit]):not([disabled]), [role=button], [role=tab], [role=switch]")


def use_controls(page: Page) -> int:
    """Click every summary, checkbox, radio and button that is visible; return how many."""
    used = 0
    controls = page.locator(CONTROLS)
    for index in range(controls.count()):
        control = controls.nth(index)
        if not control.is_visible() or control.is_disabled():
            continue
        tag = control.evaluate("e => e.tagName.toLowerCase()")
        if tag == "button" and control.evaluate("e => !!e.form && e.type === 'submit'"):
            continue
        control.click(timeout=2000)
        used += 1
    return used


def active_element(page: Page) -> dict:
    """A description of the focused element."""
    return page.evaluate(ACTIVE_ELEMENT)


ACTIVE_ELEMENT = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: e ? "body" : ""};
  const r = e.getBoundingClientRect();
  const main = document.querySelector("main");
  return {tag: e.tagName.toLowerCase(), id: e.id, href: e.getAttribute("href"),
          url: e.href || "", inNav: !!e.closest("header nav"), isMain: e === main, inMain: !!(main && main.contains(e)),
          skipsToMain: !!(main && main.id && e.getAttribute("href") === "#" + main.id),
          text: (e.innerText || e.value || "").trim().slice(0, 60),
          visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0
                   && r.top < window.innerHeight && r.left < window.innerWidth};
}"""

NAV_LINKS = """() => [...document.querySelectorAll("header nav a[href]")].map(a => a.href)"""


def describe(element: dict) -> str:
    return f"<{element.get('tag')}> {element.get('href') or element.get('text') or ''}".strip()


def keyboard_problems(page: Page) -> list[str]:
    """From the top of a fresh page: Tab reaches the skip link first, then every main-navigation
    link, each visible while focused; Enter on the skip link moves focus to <main>."""
    problems = []
    nav_links = page.evaluate(NAV_LINKS)
    if not nav_links:
        return ["no navigation links (header nav a[href]) to reach"]
    page.keyboard.press("Tab")
    first = active_element(page)
    if not first.get("skipsToMain"):
        problems.append(f"first Tab focuses {describe(first)}, not a skip link to <main>")
    elif not first.get("visible"):
        problems.append("the skip link is not visible while focused (WCAG 2.4.7)")
    reached, presses = [], 1
    while set(nav_links) - set(reached) and presses < len(nav_links) + 15:
        page.keyboard.press("Tab")
        presses += 1
        focused = active_element(page)
        if focused.get("inMain") or focused.get("tag") in ("body", ""):
            break  # left the header without reaching every link
        if focused.get("inNav") and focused.get("url") in nav_links:
            reached.append(focused["url"])
            if not focused.get("visible"):
                problems.append(f"nav link {focused['href']} is focused but not visible (WCAG 2.4.7)")
    missed = [link for link in nav_links if link not in reached]
    if missed:
        problems.append(f"Tab never reaches nav link(s) {', '.join(missed)}")
    elif reached != [link for link in nav_links if link in reached]:
        problems.append("Tab reaches the nav links out of their order")
    # Back to the skip link (already shown to come first) and follow it.
    page.locator("a[href='#main']").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    landed = active_element(page)
    if not landed.get("isMain"):
        problems.append(f"Enter on the skip link focuses {describe(landed)}, not <main> "
                        "(give <main> an id and tabindex=\"-1\")")
    return problems


# charts.js marks each plot data-drawn="yes" once Plotly has drawn it (or "failed": it then
# says so in the box and warns on the console, which is not an error).
UNDRAWN_CHARTS = """() => [...document.querySelectorAll(".chart-plot[data-chart]")]
  .filter((e) => e.dataset.drawn !== "yes" || !e.querySelector("svg"))
  .map((e) => `${e.dataset.chart} (data-drawn=${e.dataset.drawn || "unset"})`)"""


@dataclass
class Visit:
    """What happened while one page was loaded, used and scrolled in one browser tab."""

    name: str
    url: str
    status: int | None = None
    problems: list[str] = field(default_factory=list)   # errors, failed requests
    requests: list[str] = field(default_factory=list)   # every URL requested
    keyboard: list[str] = field(default_factory=list)   # keyboard problems
    overflow: int = 0                                    # px of sideways scrolling
    undrawn_charts: list[str] = field(default_factory=list)  # charts that did not draw
    controls_used: int = 0


def visit_pages(context, pages: list[tuple[str, str]], *, keyboard=False, controls=False,
                reflow=False) -> list[Visit]:
    """Visit every page in one tab: load, keyboard, scroll to the bottom, use the controls."""
    page = context.new_page()
    watcher = PageWatcher(page)
    visits = []
    for name, url in pages:
        watcher.reset()
        visit = Visit(name, url)
        try:
            response = page.goto(url, wait_until="load")
            visit.status = response.status if response else None
            if visit.status != 200:
                watcher.problems.append(f"the page itself answered {visit.status}")
            if keyboard:
                visit.keyboard = keyboard_problems(page)
            scroll_through(page, watcher)
            visit.undrawn_charts = page.evaluate(UNDRAWN_CHARTS)
            if reflow:
                visit.overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if controls:
                before = len(watcher.requests)
                visit.controls_used = use_controls(page)
                if visit.controls_used:
                    watcher.wait_until_quiet(since=before)
                    scroll_through(page, watcher)  # what the controls opened may load more
        except PlaywrightError as exc:
            watcher.problems.append(f"browser error: {str(exc).splitlines()[0]}")
        visit.problems = list(watcher.problems)
        visit.requests = list(watcher.requests)
        visits.append(visit)
    page.close()
    return visits
