"""The contents of a story page on a phone: opened, they close when a link is followed or
Escape is pressed, and the section jumped to lands in view, below the contents bar; on a wide
screen they are open and say so."""

from __future__ import annotations

import pytest

from .helpers import DESKTOP, MOBILE

pytestmark = pytest.mark.browser

COVERED = """(id) => {
  const heading = document.getElementById(id).querySelector("h2");
  const bar = document.querySelector(".toc").getBoundingClientRect();
  const r = heading.getBoundingClientRect();
  return {inView: r.top >= 0 && r.bottom <= innerHeight, below: r.top >= bar.bottom - 1};
}"""


@pytest.fixture(params=["", "ru/"], ids=["en", "ru"])
def story(request, browser, site_server):
    context = browser.new_context(viewport=MOBILE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_server.base_url + request.param, wait_until="load")
    yield page
    context.close()


def test_a_tapped_chapter_closes_the_contents_and_shows_its_heading(story):
    box = story.locator("details.toc-box")
    story.locator(".toc-heading").tap()
    assert box.evaluate("(d) => d.open")
    link = story.locator(".toc ol a").nth(2)
    target = link.get_attribute("href").lstrip("#")
    link.tap()
    story.wait_for_timeout(300)
    assert not box.evaluate("(d) => d.open")
    place = story.evaluate(COVERED, target)
    assert place["inView"] and place["below"], place


def test_escape_closes_the_contents_and_returns_to_their_button(story):
    story.locator(".toc-heading").focus()
    story.keyboard.press("Enter")
    assert story.locator("details.toc-box").evaluate("(d) => d.open")
    story.keyboard.press("Escape")
    assert not story.locator("details.toc-box").evaluate("(d) => d.open")
    assert story.evaluate("document.activeElement.classList.contains('toc-heading')")


def test_on_a_wide_screen_the_contents_are_open_and_say_so(browser, site_server):
    context = browser.new_context(viewport={**DESKTOP, "width": 1300})
    page = context.new_page()
    page.goto(site_server.base_url, wait_until="load")
    assert page.locator("details.toc-box").evaluate("(d) => d.open")
    context.close()


def test_the_site_menu_closes_when_the_reader_is_done_with_it(story):
    """Open, the phone menu lies over the page's top: it closes when focus moves past it, on a
    tap outside it, and on Escape, which returns focus to its button."""
    menu = story.locator("header details.menu")
    is_open = lambda: menu.evaluate("(d) => d.open")  # noqa: E731
    story.locator(".menu-button").focus()
    story.keyboard.press("Enter")
    assert is_open()
    for _ in story.locator("header .nav a").all():
        story.keyboard.press("Tab")
    assert is_open()  # on its last link
    story.keyboard.press("Tab")
    assert not is_open()
    story.locator(".menu-button").tap()
    assert is_open()
    story.locator("main .lede").tap()
    assert not is_open()
    story.locator(".menu-button").tap()
    story.locator("header .nav a").first.focus()
    story.keyboard.press("Escape")
    assert not is_open()
    assert story.evaluate("document.activeElement.matches('.menu-button')")
