"""The whole-site passes: every page visited once per screen, and every page checked by axe-core.

They are the slow part of the browser tests and mostly wait on the browser (frames, scrolling,
network), so the conftest runs them side by side, each in its own thread with its own
Playwright and Chromium (Playwright's sync API is per thread), while the other tests run.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from tests.sitecheck import one_per_kind

from .helpers import DESKTOP, MOBILE, Visit, load, open_tab, scroll_through, visit_pages

#: The screens every page is visited at: a phone (scrolled a screen at a time, every control
#: used) and a desktop; each also narrowed to the widths after it to measure sideways scrolling
#: (320 px: the narrowest phone the site supports).
SCREENS = {
    "390x844": ({"viewport": MOBILE, "is_mobile": True, "has_touch": True}, (320,)),
    "1280x900": ({"viewport": DESKTOP}, (768,)),
}


def visits_at(screen_name: str, browser: Browser, site_pages: list[tuple[str, str]]) -> list[Visit]:
    """Every page at one screen size: loaded, lazy content scrolled into view, one page of each
    kind also walked with the keyboard (the header is the same on all)."""
    screen, narrower = SCREENS[screen_name]
    phone = screen.get("is_mobile", False)
    context = browser.new_context(**screen)
    try:
        kinds = one_per_kind(name for name, _address in site_pages)
        return visit_pages(
            context, site_pages, keyboard=kinds, controls=phone, stepwise=phone, widths=narrower
        )
    finally:
        context.close()


SCHEMES = ("light", "dark")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Two frames first, so a change of colour scheme has been restyled (and charts redrawn).
RUN_AXE = """async (tags) => {
  await window.__tests.settle();
  await window.__tests.settle();
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                           resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""
MAX_PAGES = 8  # named per finding; the count says how many there are


def grouped(found: list[tuple[str, dict]]) -> list[str]:
    """One entry per rule and element, naming the pages it is on (a layout fault is on all)."""
    pages_of: dict[tuple, list[str]] = {}
    for name, violation in found:
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())[:300]
            key = (violation["id"], violation["impact"], violation["help"], node["target"], summary)
            pages_of.setdefault(key, []).append(name)
    lines = []
    for (rule, impact, help_text, target, summary), names in pages_of.items():
        shown = ", ".join(names[:MAX_PAGES]) + (
            f" and {len(names) - MAX_PAGES} more" if len(names) > MAX_PAGES else ""
        )
        lines.append(
            f"{rule} ({impact}): {help_text}\n    element: {target}\n    {summary}\n"
            f"    on {len(names)} page(s): {shown}"
        )
    return lines


def axe_reports(
    axe_source: Path, browser: Browser, site_pages: list[tuple[str, str]]
) -> dict[str, list[str]]:
    """Each page is loaded in the light scheme, its lazy content brought into view, checked,
    then switched to the dark scheme (scripts hear the change and redraw) and checked again.
    Returns the findings of each scheme."""
    context = browser.new_context(viewport=DESKTOP, color_scheme=SCHEMES[0])
    # axe-core from node_modules goes in as an init script, evaluated in each page before the
    # page's own scripts. Unlike page.add_script_tag it is not an inline <script>, so the page's
    # CSP stays on (no bypass_csp), and the browser compiles it once for all the pages.
    context.add_init_script(path=str(axe_source))
    page, watcher = open_tab(context)
    found: dict[str, list[tuple[str, dict]]] = {scheme: [] for scheme in SCHEMES}
    broken: list[str] = []
    try:
        for name, url in site_pages:
            watcher.reset()
            visit = Visit(name, url, page, watcher)
            visit.step(lambda v: v.page.emulate_media(color_scheme=SCHEMES[0]))
            visit.step(load)
            visit.step(lambda v: scroll_through(v.page, v.watcher))  # lazily drawn charts too
            for scheme in SCHEMES:
                visit.step(lambda v, s=scheme: v.page.emulate_media(color_scheme=s))
                visit.step(
                    lambda v, into=found[scheme]: into.extend(
                        (v.name, violation) for violation in v.page.evaluate(RUN_AXE, TAGS)
                    )
                )
            broken += [
                f"{name}: {problem}" for problem in watcher.problems if problem.startswith("browser error")
            ]
    finally:
        context.close()
    return {scheme: broken + grouped(found[scheme]) for scheme in SCHEMES}


#: The screens the keyboard walks at: a phone, a desktop, and that desktop zoomed to 400%
#: (1280 × 720 at a 4× scale: a 320 × 180 CSS screen), where a sticky box takes the most room.
FOCUS_SCREENS = {
    "360x740": {"viewport": {"width": 360, "height": 740}},
    "1280x720": {"viewport": {"width": 1280, "height": 720}},
    "1280x720 at 400%": {"viewport": {"width": 320, "height": 180}, "device_scale_factor": 4},
}
MAX_STOPS = 600  # a walk longer than this is a focus trap, not a page
#: The page's sticky and fixed boxes, found once a walk (they do not come and go as focus moves).
FIND_STUCK = """() => { window.__stuck = [...document.querySelectorAll("body *")].filter(
  (box) => ["sticky", "fixed"].includes(getComputedStyle(box).position)); }"""
#: Where the focus is, and how much of it the largest sticky or fixed box over it hides.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (el === window.__first) return null;  // round again
  window.__first = window.__first || el;
  const r = el.getBoundingClientRect();
  let hidden = 0;
  if (r.width && r.height) {
    for (const box of window.__stuck) {
      if (box === el || box.contains(el) || el.contains(box)) continue;
      const b = box.getBoundingClientRect();
      const w = Math.min(r.right, b.right) - Math.max(r.left, b.left);
      const h = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
      if (w > 0 && h > 0) hidden = Math.max(hidden, (w * h) / (r.width * r.height));
    }
  }
  const outside = r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
  const name = (el.getAttribute("aria-label") || el.textContent || el.id || el.tagName);
  return {name: name.trim().replace(/\\s+/g, " ").slice(0, 50), hidden, outside,
          sized: Boolean(r.width && r.height)};
}"""


def focus_walk(page, key: str) -> tuple[int, list[str]]:
    """Press `key` (Tab or Shift+Tab) from the page's start until the focus leaves the page or
    comes back round; returns how many stops it made and where the focus was hidden."""
    page.evaluate(FIND_STUCK)
    stops, problems = 0, []
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None:  # past the last stop: the focus left the page or came round
            return stops, problems
        stops += 1
        if focused["hidden"] > 0.5:
            problems.append(f"{key}: “{focused['name']}” {focused['hidden']:.0%} under a sticky box")
        elif focused["sized"] and focused["outside"]:
            problems.append(f"{key}: “{focused['name']}” is off the screen")
    return stops, problems + [f"{key}: no end after {MAX_STOPS} stops (a focus trap?)"]


def focus_reports(browser: Browser, site_pages: list[tuple[str, str]]) -> dict[str, dict]:
    """Every page walked with the keyboard forwards and backwards at each of FOCUS_SCREENS
    (WCAG 2.2, 2.4.11: a focused control is never more than half hidden by a sticky box).
    Returns, per "screen page", the stops each way and the problems met."""
    reports = {}
    for screen_name, screen in FOCUS_SCREENS.items():
        context = browser.new_context(**screen)
        page = context.new_page()
        try:
            for name, url in site_pages:
                found = {"stops": {}, "problems": []}
                for key in ("Tab", "Shift+Tab"):
                    try:
                        page.goto(url, wait_until="load")
                        found["stops"][key], problems = focus_walk(page, key)
                    except PlaywrightError as exc:
                        found["stops"][key], problems = 0, [f"browser error: {str(exc).splitlines()[0]}"]
                    found["problems"] += problems
                reports[f"{screen_name} {name}"] = found
        finally:
            context.close()
    return reports
