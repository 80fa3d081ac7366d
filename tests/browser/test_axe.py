"""WCAG 2.1 A and AA, as axe-core checks it, on every page in light and dark colour schemes."""

from __future__ import annotations

import pytest

from .helpers import DESKTOP, PageWatcher, scroll_through

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                           resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""
MAX_NODES = 5  # per rule and page in the message; the count says how many there are


def report(name: str, violation: dict) -> str:
    nodes = violation["nodes"]
    lines = [f"{name}: {violation['id']} ({violation['impact']}): {violation['help']} "
             f"[{len(nodes)} element(s)]"]
    for node in nodes[:MAX_NODES]:
        summary = " ".join((node["summary"] or "").split())
        lines.append(f"    {node['target']} -- {summary[:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(browser, site_pages, axe_source, scheme):
    # axe is injected as an inline script, which the pages' CSP would rightly block.
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    watcher = PageWatcher(page)
    found = []
    try:
        for name, url in site_pages:
            page.goto(url, wait_until="load")
            scroll_through(page, watcher)  # lazily drawn charts are checked too
            page.evaluate("window.scrollTo(0, 0)")
            page.add_script_tag(path=str(axe_source))
            found += [report(name, violation) for violation in page.evaluate(RUN_AXE, TAGS)]
    finally:
        context.close()
    assert not found, f"axe-core ({scheme} scheme) found WCAG 2.1 AA violations:\n" + "\n".join(found)
