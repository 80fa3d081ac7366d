"""Static first: with JavaScript off, every page still shows its heading and its text."""

from __future__ import annotations

import pytest

from tests.sitecheck import sampled

from .helpers import MOBILE

pytestmark = pytest.mark.browser

MIN_WORDS = 20
BLOCKS = "p, li, h2, h3, h4, dt, dd, th, td, caption, figcaption"

# Text that is hidden with JavaScript off, other than what a tap opens (a closed <details>, a
# note's popover). Hiding a JavaScript-only widget (the calculator form,
# an empty chart box) from a stylesheet inside <noscript> is deliberate, so text that shows once
# those stylesheets are set aside is not counted; anything else hidden is content lost.
RENDERED = """(blocks) => {
  const main = document.querySelector("main");
  const h1 = document.querySelector("h1");
  const shown = (e) => {
    const r = e.getBoundingClientRect(), style = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.opacity !== "0";
  };
  const text = (e) => e.textContent.trim().replace(/\\s+/g, " ");
  const hidden = () => (main ? [...main.querySelectorAll(blocks)] : []).filter((e) => text(e)
      && !shown(e) && !e.closest("details:not([open]), [popover]:not(:popover-open), [hidden], template, "
                 + "[aria-hidden='true']"));
  const result = {
    h1: h1 && shown(h1) ? h1.innerText.trim() : "",
    h1InMain: !!(main && h1 && main.contains(h1)),
    main: main && shown(main) ? main.innerText.trim() : "",
  };
  const hiddenWithSheets = hidden();
  const noscriptSheets = [...document.styleSheets].filter((s) => s.ownerNode.closest("noscript"));
  noscriptSheets.forEach((s) => { s.disabled = true; });
  const deliberate = new Set(hiddenWithSheets.filter((e) => shown(e)));
  noscriptSheets.forEach((s) => { s.disabled = false; });
  result.hidden = hiddenWithSheets.filter((e) => !deliberate.has(e))
    .map((e) => `<${e.tagName.toLowerCase()}> ${text(e).slice(0, 60)}`);
  return result;
}"""


def test_every_page_reads_without_javascript(browser, site_pages):
    """Every page of the site's own language, and each kind of page in each translation (the
    same templates: JavaScript's absence does not depend on the words)."""
    context = browser.new_context(viewport=MOBILE, java_script_enabled=False)
    page = context.new_page()
    problems = []
    try:
        for name, url in sampled(site_pages):
            page.goto(url, wait_until="load")
            rendered = page.evaluate(RENDERED, BLOCKS)
            if not rendered["h1"]:
                problems.append(f"{name}: no visible <h1>")
            elif not rendered["h1InMain"]:
                problems.append(f"{name}: the <h1> is not inside <main>")
            words = len(rendered["main"].split())
            if words < MIN_WORDS:
                problems.append(f"{name}: <main> shows only {words} words without JavaScript")
            problems += [f"{name}: hidden without JavaScript: {block}" for block in rendered["hidden"]]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
