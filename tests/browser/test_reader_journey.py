"""A reader's journey on a 390 × 844 phone, in each language, as one story: open the site, read
the opening, jump to a chapter from the contents and read it whole, open the calculator from
the menu, try a team of their own, and share the estimate."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .helpers import MOBILE

pytestmark = pytest.mark.browser

SCREEN = MOBILE["height"]
#: Where an element is on the screen as the reader sees it.
PLACE = """(el) => { const r = el.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, inView: r.top >= 0 && r.bottom <= innerHeight}; }"""


@pytest.mark.parametrize("language", ["", "ru/"], ids=["en", "ru"])
def test_a_reader_opens_reads_jumps_to_a_chapter_works_out_a_cost_and_shares_it(
    browser, site_server, language
):
    context = browser.new_context(
        viewport=MOBILE, is_mobile=True, has_touch=True, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    # Opening: the headline, the picture's payoff and the key figures in the first screen.
    page.goto(site_server.base_url + language, wait_until="load")
    assert page.locator("h1").evaluate(PLACE)["inView"]
    assert page.locator(".profile-after .profile-backing").evaluate(PLACE)["inView"]
    figures = page.locator(".keyfigs-opening").evaluate(PLACE)
    assert figures["top"] < SCREEN, figures
    if not language:  # the English words fit whole; the Russian ones start on it
        assert figures["bottom"] <= SCREEN, figures
    assert "hedge" not in page.locator(".keyfigs-opening").inner_text()  # numbers, not markup

    # A chapter from the contents: it lands in view, below the contents bar.
    page.locator(".toc-heading").tap()
    chapters = page.locator(".section:has(.more a[href*='story/'])")
    chapter_id = chapters.nth(1).get_attribute("id")
    heading = page.locator(f"#{chapter_id} h2").inner_text()
    page.locator(f".toc ol a[href='#{chapter_id}']").tap()
    page.wait_for_timeout(300)
    place = page.locator(f"#{chapter_id} h2").evaluate(PLACE)
    bar = page.locator(".toc").evaluate(PLACE)
    assert place["inView"] and place["top"] >= bar["bottom"] - 1, (place, bar)

    # The whole chapter, on its own page, with more than the home page showed.
    shown_here = page.locator(f"#{chapter_id} .passage, #{chapter_id} p").count()
    page.locator(f"#{chapter_id} .more a[href*='story/']").tap()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == heading
    assert page.locator("main p").count() > shown_here

    # The calculator, from the site's menu.
    page.locator(".menu-button").tap()
    page.locator(".menu a[href*='calculator/']").first.tap()
    page.wait_for_selector("#calculator[data-ready]", state="attached")
    before = page.locator("#out-monthly").inner_text()
    page.locator("#in-staff").fill("25")
    page.locator("#in-staff").press("Tab")
    after = page.locator("#out-monthly").inner_text()
    assert after != before and after.strip() != "—"
    assert page.locator("#estimate-summary").evaluate(PLACE)["inView"]
    address = page.evaluate("() => window.location.href")
    assert "staff=25" in address

    # Sharing: every link carries the reader's own estimate, and the copy button copies it.
    telegram = page.locator(".share-telegram").get_attribute("href")
    assert parse_qs(urlsplit(telegram).query)["url"] == [address]
    page.locator("[data-share-copy]").tap()
    page.wait_for_function("() => document.querySelector('[data-share-status]').textContent")
    assert page.evaluate("() => navigator.clipboard.readText()") == address

    # The shared address opens on the same estimate for whoever follows it.
    other = context.new_page()
    other.goto(address)
    other.wait_for_selector("#calculator[data-ready]", state="attached")
    assert other.locator("#out-monthly").inner_text() == after
    context.close()
    assert errors == []
