"""WCAG 2.2, 2.4.11: a control the keyboard reaches is never more than half hidden under a
sticky box (the calculator's estimate, the contents bar), going forwards or backwards."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

COVERED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) return null;
  let hidden = 0;
  for (const box of document.querySelectorAll("body *")) {
    if (box === el || box.contains(el) || el.contains(box)) continue;
    const style = getComputedStyle(box);
    if (style.position !== "sticky" && style.position !== "fixed") continue;
    const b = box.getBoundingClientRect();
    const w = Math.min(r.right, b.right) - Math.max(r.left, b.left);
    const h = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
    if (w > 0 && h > 0) hidden = Math.max(hidden, (w * h) / (r.width * r.height));
  }
  return {name: (el.textContent || el.id || el.tagName).trim().slice(0, 40), hidden};
}"""


@pytest.mark.parametrize("path", ["calculator/", "ru/calculator/", "methodology/", "ru/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_focused_control_is_hidden_under_a_sticky_box(browser, site_server, path, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    page.goto(site_server.base_url + path, wait_until="load")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.locator("footer a").last.focus()
    hidden = []
    for key in ["Shift+Tab"] * 100 + ["Tab"] * 60:
        page.keyboard.press(key)
        found = page.evaluate(COVERED)
        if found and found["hidden"] > 0.5:
            hidden.append(f"{key}: {found['name']} ({found['hidden']:.0%})")
    context.close()
    assert not hidden, hidden[:8]
