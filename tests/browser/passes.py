"""The whole-site passes: every page visited once per screen, and every page checked by axe-core.

They are the slow part of the browser tests and mostly wait on the browser (frames, scrolling,
network), so the conftest runs them side by side, each in its own thread with its own
Playwright and Chromium (Playwright's sync API is per thread), while the other tests run.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

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
        return visit_pages(context, site_pages, keyboard=kinds, controls=phone,
                           stepwise=phone, widths=narrower)
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
        shown = ", ".join(names[:MAX_PAGES]) + (f" and {len(names) - MAX_PAGES} more" if
                                                 len(names) > MAX_PAGES else "")
        lines.append(f"{rule} ({impact}): {help_text}\n    element: {target}\n    {summary}\n"
                     f"    on {len(names)} page(s): {shown}")
    return lines


def axe_reports(axe_source: Path, browser: Browser,
                site_pages: list[tuple[str, str]]) -> dict[str, list[str]]:
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
                visit.step(lambda v, into=found[scheme]: into.extend(
                    (v.name, violation) for violation in v.page.evaluate(RUN_AXE, TAGS)))
            broken += [f"{name}: {problem}" for problem in watcher.problems
                       if problem.startswith("browser error")]
    finally:
        context.close()
    return {scheme: broken + grouped(found[scheme]) for scheme in SCHEMES}
