"""The methodology checklist: ticked with the keyboard, its live status text keeps count."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.sitecheck import parsed

from .helpers import MOBILE, PageWatcher, active_element

pytestmark = pytest.mark.browser

PAGE = "methodology/index.html"
CHECKLIST = "fieldset.checklist"


@pytest.fixture
def checklist_page(browser, site_server):
    file = site_server.folder / PAGE
    if not file.is_file():
        pytest.skip(f"the build has no {PAGE}")
    soup = parsed(file)
    if not soup.select_one(CHECKLIST):
        pytest.skip(f"{PAGE} has no checklist")
    context = browser.new_context(viewport=MOBILE)
    page = context.new_page()
    page.set_default_timeout(5000)
    watcher = PageWatcher(page)
    page.goto(site_server.url_for_file(file), wait_until="load")
    yield page, len(soup.select(f"{CHECKLIST} li[id]")), watcher
    context.close()


def tab_to(page, box_id: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active_element(page).get("id") == box_id:
            return
    raise AssertionError(f"Tab never reaches the checkbox #{box_id}")


def count_in(number: int):
    return re.compile(rf"(^|\D){number}(\D|$)")


def test_checklist_ticks_with_the_keyboard_and_announces_the_count(checklist_page):
    page, signals, watcher = checklist_page
    checklist = page.locator(CHECKLIST).first
    boxes = checklist.locator("input[type=checkbox]")
    expect(boxes).to_have_count(signals)
    assert signals >= 2, "the checklist needs at least two signals for this test"
    for index in range(signals):
        box = boxes.nth(index)
        assert box.evaluate("e => e.labels.length > 0 && e.labels[0].innerText.trim() !== ''"), (
            f"checkbox {index + 1} has no label"
        )
    status = checklist.locator("[role=status], [aria-live=polite]")
    expect(status).to_have_count(1)
    expect(status).to_contain_text(count_in(0))
    start = status.inner_text()

    # From the start of <main> (the skip link's target), Tab along to each box, tick it with Space.
    ids = [boxes.nth(i).get_attribute("id") for i in range(2)]
    page.locator("main").focus()
    tab_to(page, ids[0])
    page.keyboard.press("Space")
    expect(boxes.nth(0)).to_be_checked()
    expect(status).to_contain_text(count_in(1))
    expect(status).not_to_have_text(start)
    one = status.inner_text()
    tab_to(page, ids[1], limit=50)
    page.keyboard.press("Space")
    expect(boxes.nth(1)).to_be_checked()
    expect(status).to_contain_text(count_in(2))
    expect(status).not_to_have_text(one)
    page.keyboard.press("Space")  # untick: the count goes back down
    expect(boxes.nth(1)).not_to_be_checked()
    expect(status).to_have_text(one)
    assert not watcher.problems, "\n".join(watcher.problems)


def test_checklist_label_toggles_its_box(checklist_page):
    page, _signals, watcher = checklist_page
    box = page.locator(f"{CHECKLIST} input[type=checkbox]").first
    label = page.locator(f"label[for='{box.get_attribute('id')}']")
    label.click()
    expect(box).to_be_checked()
    label.click()
    expect(box).not_to_be_checked()
    assert not watcher.problems, "\n".join(watcher.problems)
