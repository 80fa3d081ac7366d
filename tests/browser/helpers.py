"""What the browser tests share: listening to a page, scrolling it, using its controls, the keyboard.

A whole-site pass (`visit_pages`) visits every page once in one tab and records what each test
needs, so that several tests share one pass. (Several tabs at once proved slower on 2 cores:
background tabs draw late, and Playwright's clicks wait for them.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

ACTIVE_ELEMENT = """(e) => {
  if (!e || e === document.body) return {tag: e ? "body" : ""};
  const r = e.getBoundingClientRect();
  const main = document.querySelector("main");
  return {tag: e.tagName.toLowerCase(), id: e.id, href: e.getAttribute("href"),
          url: e.href || "", inNav: !!e.closest("header nav"), isMain: e === main,
          inMain: !!(main && main.contains(e)),
          skipsToMain: !!(main && main.id && e.getAttribute("href") === "#" + main.id),
          text: (e.innerText || e.value || "").trim().slice(0, 60),
          visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0
                   && r.top < window.innerHeight && r.left < window.innerWidth};
}"""

# Installed in every context of a whole-site pass before any page script runs (so no CSP
# applies to it). It notes the elements that scripts watch with IntersectionObserver (lazily
# drawn charts), logs each focus move as it happens, and offers the two ways of scrolling down:
# a screen at a time to the bottom, or straight to each watched or lazy element.
INSTRUMENT = f"""(() => {{
  const watched = new Set();
  const observe = IntersectionObserver.prototype.observe;
  IntersectionObserver.prototype.observe = function (target) {{
    watched.add(target);
    return observe.call(this, target);
  }};
  const describe = {ACTIVE_ELEMENT};
  const focusLog = [];
  document.addEventListener("focusin", (event) => focusLog.push(describe(event.target)), true);
  // After each scroll: a frame (observers notice) and a task (their callbacks run).
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  async function scroll(stepwise) {{
    if (stepwise) {{
      const step = Math.max(200, window.innerHeight);
      for (let y = step; y < document.documentElement.scrollHeight; y += step) {{
        window.scrollTo(0, y);
        await settle();
      }}
    }} else {{
      const lazy = [...watched, ...document.querySelectorAll("[loading=lazy]")];
      for (const element of lazy.filter((e) => e.isConnected)) {{
        element.scrollIntoView({{block: "center"}});
        await settle();
      }}
    }}
    window.scrollTo(0, document.documentElement.scrollHeight);
    await settle();
  }}
  Object.defineProperty(window, "__tests", {{value: {{watched, focusLog, describe, settle, scroll}}}});
}})();"""
START_SCROLL = "(stepwise) => { window.__tests.scrolling = window.__tests.scroll(stepwise); }"
FINISH_SCROLL = "() => window.__tests.scrolling"
SETTLE = "() => window.__tests.settle()"


def instrument(context: BrowserContext) -> BrowserContext:
    context.add_init_script(script=INSTRUMENT)
    return context


class PageWatcher:
    """Records console errors, uncaught exceptions, failed requests and error responses."""

    def __init__(self, page: Page, allow_status: dict[str, int] | None = None):
        self.page = page
        self.allow_status = allow_status or {}  # url -> the error status that url should have
        self.problems: list[str] = []
        self.requests: list[str] = []  # every URL, for the privacy test
        self.activity = 0  # requests that page content made (not the browser's icon)
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

    @staticmethod
    def _counts(request) -> bool:
        return request.resource_type != "other"  # "other": the icon Chromium fetches after load

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if self._counts(request):
            self.activity += 1
            self.in_flight += 1
            self._last_activity = time.monotonic()

    def _settled(self, request) -> None:
        if self._counts(request):
            self.in_flight = max(0, self.in_flight - 1)
            self._last_activity = time.monotonic()

    def _failed(self, request) -> None:
        self._settled(request)
        if not self._counts(request) and request.failure == "net::ERR_ABORTED":
            return  # the browser's own icon request, cut short when the test navigates away
        self.problems.append(f"request failed: {request.method} {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400 and self.allow_status.get(response.url) != response.status:
            self.problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    def wait_until_quiet(self, since: int | None = None, quiet_ms: int = 100, timeout_ms: int = 5000) -> None:
        """Wait until no request has been in flight for `quiet_ms` (lazily loaded scripts, data).

        `since` is self.activity before the action waited on: when the action started no request
        at all, a short grace period is enough.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        if since is not None and self.in_flight == 0 and self.activity == since:
            self.page.wait_for_timeout(30)
            if self.in_flight == 0 and self.activity == since:
                return
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(25)
            if self.in_flight == 0 and time.monotonic() - self._last_activity >= quiet_ms / 1000:
                return


def scroll_through(page: Page, watcher: PageWatcher | None = None, stepwise: bool = False) -> None:
    """Scroll down so lazily loaded content (charts) comes in: a screen at a time to the bottom
    (`stepwise`), or straight to each element a script watches. Needs `instrument`."""
    for _ in range(3):
        before = watcher.activity if watcher else 0
        page.evaluate(START_SCROLL, stepwise)
        page.evaluate(FINISH_SCROLL)
        if watcher is None:
            return
        watcher.wait_until_quiet(since=before)
        if watcher.activity == before:
            return  # nothing new came in: the page is as long as it gets
        # Whatever arrived may have made the page longer (a chart drawn): scroll through again.


# Controls a reader can use without leaving the page. Links and submit buttons are left alone,
# and so is the site's menu (the keyboard walk opens it; open, it would cover the page's top);
# note marks all work alike, so only the first is tapped (`open_first_note`).
CONTROLS = (
    "main summary, input[type=checkbox], input[type=radio], button:not(.cite), "
    "[role=button], [role=tab], [role=switch]"
)
USABLE = """(selector) => [...document.querySelectorAll(selector)].flatMap((e, index) => {
  const r = e.getBoundingClientRect(), style = getComputedStyle(e);
  const shown = r.width > 0 && r.height > 0 && style.visibility !== "hidden";
  const submits = e.tagName === "BUTTON" && e.type === "submit" && !!e.form;
  return shown && !e.disabled && !submits ? [index] : [];
})"""


def use_controls(page: Page) -> int:
    """Click every visible summary, checkbox, radio and button; return how many were clicked."""
    clicked: set[int] = set()
    for _ in range(4):  # opening a <details> can show more controls: look again
        todo = [i for i in page.evaluate(USABLE, CONTROLS) if i not in clicked]
        if not todo:
            break
        controls = page.locator(CONTROLS)
        for index in todo:
            control = controls.nth(index)
            try:
                control.click(timeout=10_000)
            except PlaywrightError as error:  # say which control, not only that one failed
                shown = control.evaluate("e => e.outerHTML.slice(0, 160)")
                raise PlaywrightError(f"{shown}: {error.message.splitlines()[0]}") from error
            clicked.add(index)
    return len(clicked)


OPEN_NOTE = """() => {
  const open = document.querySelector(":popover-open");
  if (!open) return null;
  const r = open.getBoundingClientRect();
  return {id: open.id, inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight
                               && r.right <= innerWidth && r.width > 0};
}"""


def open_first_note(page: Page) -> str:
    """Tap the page's first note mark: its note must open in view, and Escape must close it.
    Returns what went wrong, or "" (or "no note marks")."""
    marks = page.locator("main .cite")
    if not marks.count():
        return "no note marks"
    mark = marks.first
    mark.click(timeout=10_000)
    shown = page.evaluate(OPEN_NOTE)
    if not shown or shown["id"] != mark.get_attribute("popovertarget"):
        return f"tapping {mark.get_attribute('aria-label')} opened {shown and shown['id']}"
    if not shown["inView"]:
        return f"note {shown['id']} opens partly off the screen"
    page.keyboard.press("Escape")
    if page.evaluate(OPEN_NOTE):
        return f"Escape leaves note {shown['id']} open"
    return ""


def active_element(page: Page) -> dict:
    """A description of the focused element."""
    return page.evaluate(f"() => ({ACTIVE_ELEMENT})(document.activeElement)")


def describe(element: dict) -> str:
    return f"<{element.get('tag')}> {element.get('href') or element.get('text') or ''}".strip()


# How many Tab presses should reach the last navigation link: the tabbable elements before it.
TABS_TO_NAV = """() => {
  const nav = [...document.querySelectorAll("header nav a[href]")];
  if (!nav.length) return {links: [], presses: 0};
  const tabbable = [...document.querySelectorAll(
      "a[href], button, input, select, textarea, summary, [tabindex]")].filter((e) =>
    !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);
  return {links: nav.map((a) => a.href), presses: tabbable.indexOf(nav[nav.length - 1]) + 1};
}"""
# On a narrow screen the header's links are behind a menu button (a <details>).
MENU_IS_CLOSED = """() => { const s = document.querySelector("header nav details:not([open]) > summary");
  return !!s && s.getClientRects().length > 0; }"""
ON_MENU_BUTTON = "() => document.activeElement.matches('header nav summary')"
# The focus moves since last asked, then where focus is now.
FOCUS_LOG = """() => [...window.__tests.focusLog.splice(0),
                      window.__tests.describe(document.activeElement)]"""


def keyboard_problems(page: Page) -> list[str]:
    """From the top of a fresh page: Tab reaches the skip link first, then every main-navigation
    link (on a narrow screen after opening the menu button with Enter), each visible while
    focused; Enter on the skip link moves focus to <main>. Needs `instrument`."""
    if page.evaluate("() => document.body.classList.contains('embedded')"):
        return []  # an embed, inside another site's page: no site menu, no skip link
    problems = []
    page.evaluate("() => window.__tests.focusLog.splice(0)")
    pressed, log = 0, []
    if page.evaluate(MENU_IS_CLOSED):  # a narrow screen: Tab to the menu button, open it
        while pressed < 10 and not page.evaluate(ON_MENU_BUTTON):
            page.keyboard.press("Tab")
            pressed += 1
        log = page.evaluate(FOCUS_LOG)[:-1]
        if not page.evaluate(ON_MENU_BUTTON):
            return [f"Tab never reaches the menu button in {pressed} presses"]
        page.keyboard.press("Enter")
        if page.evaluate(MENU_IS_CLOSED):
            return ["Enter on the menu button does not open the menu"]
    plan = page.evaluate(TABS_TO_NAV)
    nav_links = plan["links"]
    if not nav_links:
        return ["no navigation links (header nav a[href]) to reach"]
    presses = max(plan["presses"] - pressed, 1)
    for _ in range(presses):
        page.keyboard.press("Tab")
    log += page.evaluate(FOCUS_LOG)[:-1]
    while set(nav_links) - {f["url"] for f in log if f.get("inNav")} and presses < len(nav_links) + 20:
        page.keyboard.press("Tab")  # the estimate fell short: go on one press at a time
        presses += 1
        log += page.evaluate(FOCUS_LOG)[:-1]
        if log and (log[-1].get("inMain") or log[-1].get("tag") in ("body", "")):
            break  # left the header without reaching every link
    first = log[0] if log else {"tag": "body"}
    if not first.get("skipsToMain"):
        problems.append(f"first Tab focuses {describe(first)}, not a skip link to <main>")
    elif not first.get("visible"):
        problems.append("the skip link is not visible while focused (WCAG 2.4.7)")
    reached = [f for f in log if f.get("inNav") and f.get("url") in nav_links]
    problems += [
        f"nav link {f['href']} is focused but not visible (WCAG 2.4.7)"
        for f in reached
        if not f.get("visible")
    ]
    order = list(dict.fromkeys(f["url"] for f in reached))
    missed = [link for link in nav_links if link not in order]
    if missed:
        problems.append(f"Tab never reaches nav link(s) {', '.join(missed)}")
    elif order != nav_links:
        problems.append("Tab reaches the nav links out of their order")
    # Back to the skip link (shown above to come first) and follow it.
    skip = page.locator("a[href='#main']").first
    target = skip.evaluate("a => a.href.split('#')[0] === location.href.split('#')[0] ? '' : a.href")
    if target:
        problems.append(
            f"the skip link leaves the page for {target} (a <base> element makes "
            'href="#main" point at another address)'
        )
        return problems
    skip.focus()
    page.keyboard.press("Enter")
    landed = page.evaluate(FOCUS_LOG)[-1]
    if not landed.get("isMain"):
        problems.append(
            f"Enter on the skip link focuses {describe(landed)}, not <main> "
            '(give <main> an id and tabindex="-1")'
        )
    return problems


# charts.js marks each plot data-drawn="yes" once Plotly has drawn it (or "failed": it then
# says so in the box and warns on the console, which is not an error). A plot the build drew
# (data-draw="on-request", an embed's) waits for the reader's pointer: its drawing must show.
UNDRAWN_CHARTS = """() => [...document.querySelectorAll(".chart-plot[data-chart]")]
  .filter((e) => e.dataset.draw === "on-request"
    ? !(e.dataset.drawn === "yes" || e.querySelector("svg.chart-sketch")?.getBoundingClientRect().height)
    : e.dataset.drawn !== "yes" || !e.querySelector("svg"))
  .map((e) => `${e.dataset.chart} (data-drawn=${e.dataset.drawn || "unset"})`)"""
# How far the page scrolls sideways, and the outermost elements that stick out past the screen's
# right edge (those inside a container that scrolls or clips on its own are not at fault).
SIDEWAYS = """() => {
  const root = document.documentElement, edge = root.clientWidth + 0.5;
  const px = root.scrollWidth - root.clientWidth;
  if (px <= 0) return {px, wide: []};
  const clips = (e) => getComputedStyle(e).overflowX !== "visible";
  const name = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "")
    + [...e.classList].slice(0, 2).map((c) => `.${c}`).join("");
  const out = [...document.body.querySelectorAll("*")].filter((e) => {
    if (e.getBoundingClientRect().right <= edge) return false;
    for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
      if (clips(up) || up.getBoundingClientRect().right > edge) return false;
    }
    return true;
  });
  const right = (e) => Math.round(e.getBoundingClientRect().right);
  return {px, wide: out.slice(0, 3).map((e) => `<${name(e)}> to ${right(e)}px`)};
}"""


# Where a word broken across two lines would hurt most: headings, numbers, labels.
KEY_TEXT = (
    "h1, h2, h3, .dek, .keyfig-number, .keyfig-label, .estimate-monthly, .result-figures dd, "
    ".pager-title, .tag, .in-brief, .chart-entry-title"
)
# The words in key elements whose letters sit on more than one line ("approximatel / y").
SPLIT_WORDS = rf"""() => {{
  const found = [];
  for (const element of document.querySelectorAll({KEY_TEXT!r})) {{
    if (!element.getClientRects().length) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
      // A line may break after a hyphen or dash ("fake- / account"); never inside the letters.
      for (const match of node.data.matchAll(/[^\s\-\u2010-\u2015\/]+/g)) {{
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
                                                         .map((r) => Math.round(r.top)));
        if (tops.size > 1) found.push(`<${{element.tagName.toLowerCase()}}> "${{match[0]}}"`);
      }}
    }}
  }}
  return found;
}}"""
# The page as it opens: whether it is an embed (no site header), the header's height, and how
# many data tables are open.
AS_OPENED = """() => ({
  embedded: document.body.classList.contains("embedded"),
  header: Math.round(document.querySelector("body > header")?.getBoundingClientRect().height ?? 0),
  openTables: document.querySelectorAll("details.chart-data[open]").length,
})"""


@dataclass
class Visit:
    """What happened while one page was loaded, used and scrolled."""

    name: str
    url: str
    page: Page = field(repr=False, default=None)
    watcher: PageWatcher = field(repr=False, default=None)
    status: int | None = None
    problems: list[str] = field(default_factory=list)  # errors, failed requests
    requests: list[str] = field(default_factory=list)  # every URL requested
    keyboard: list[str] = field(default_factory=list)  # keyboard problems
    walked_by_keyboard: bool = False  # the keyboard walk ran to its end
    overflow: dict[int, dict] = field(default_factory=dict)  # screen width -> sideways scroll
    split_words: dict[int, list[str]] = field(default_factory=dict)  # width -> words on 2 lines
    as_opened: dict = field(default_factory=dict)  # header height, open data tables
    undrawn_charts: list[str] = field(default_factory=list)
    controls_used: int = 0
    first_note: str | None = None  # what went wrong opening a note
    broken: bool = False  # the browser failed: skip the rest

    def step(self, action: Callable[[Visit], object]) -> None:
        if self.broken:
            return
        try:
            action(self)
        except PlaywrightError as exc:
            self.watcher.problems.append(f"browser error: {str(exc).splitlines()[0]}")
            self.broken = True


def open_tab(context: BrowserContext) -> tuple[Page, PageWatcher]:
    instrument(context)
    page = context.new_page()
    return page, PageWatcher(page)


def load(visit: Visit) -> None:
    response = visit.page.goto(visit.url, wait_until="load")
    visit.status = response.status if response else None
    if visit.status != 200:
        visit.watcher.problems.append(f"the page itself answered {visit.status}")


REDRAW_WAITS = 20  # tenths of a second a page gets to redraw for a new width (more under load)


def measure_overflow(visit: Visit, widths: tuple[int, ...]) -> None:
    """Sideways scrolling at the screen's own width, then at each narrower width in `widths`
    (the window made narrower, as a reader turning or resizing it would; what a page's scripts
    redraw on resizing gets a moment to do so before a finding counts)."""
    page = visit.page
    screen = page.viewport_size
    try:
        for width in (screen["width"], *widths):
            if width != page.viewport_size["width"]:
                page.set_viewport_size({"width": width, "height": screen["height"]})
                page.evaluate(SETTLE)
            found = page.evaluate(SIDEWAYS)
            for _ in range(REDRAW_WAITS):  # charts redraw on a resize after a short delay
                if found["px"] <= 0:
                    break
                page.wait_for_timeout(100)
                found = page.evaluate(SIDEWAYS)
            visit.overflow[width] = found
            visit.split_words[width] = page.evaluate(SPLIT_WORDS)
    finally:
        if page.viewport_size != screen:
            page.set_viewport_size(screen)


def visit_pages(
    context: BrowserContext,
    pages: list[tuple[str, str]],
    *,
    keyboard: bool | set[str] = False,
    controls: bool = False,
    stepwise: bool = False,
    widths: tuple[int, ...] = (),
) -> list[Visit]:
    """Visit every page: load, walk with the keyboard (every page, or those named in a set),
    scroll down, check charts, use the controls, then measure sideways scrolling at the
    screen's width and at each of `widths`."""
    page, watcher = open_tab(context)
    visits = []
    for name, url in pages:
        watcher.reset()
        visit = Visit(name, url, page, watcher)
        visit.step(load)
        visit.step(lambda v: setattr(v, "as_opened", v.page.evaluate(AS_OPENED)))
        if keyboard is True or (keyboard and name in keyboard):
            visit.step(
                lambda v: (
                    v.keyboard.extend(keyboard_problems(v.page)),
                    setattr(v, "walked_by_keyboard", True),
                )
            )
        visit.step(lambda v: scroll_through(v.page, v.watcher, stepwise))
        visit.step(lambda v: setattr(v, "undrawn_charts", v.page.evaluate(UNDRAWN_CHARTS)))
        if controls:
            visit.step(lambda v: setattr(v, "first_note", open_first_note(v.page)))
            before = watcher.activity
            visit.step(lambda v: setattr(v, "controls_used", use_controls(v.page)))
            if watcher.activity > before:
                watcher.wait_until_quiet(since=before)
                visit.step(lambda v: scroll_through(v.page, v.watcher, stepwise))  # opened: more?
            visit.step(lambda v: v.page.evaluate(SETTLE))  # let any error from a click surface
        visit.step(lambda v: measure_overflow(v, widths))
        visit.problems = list(watcher.problems)
        visit.requests = list(watcher.requests)
        visits.append(visit)
    page.close()
    return visits
