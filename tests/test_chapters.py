"""The story's chapters: the home page opens each with its first passage and links to the
rest, told on a page of its own; no passage is lost on the way, and each page lists only the
notes it cites, naming a source in full once."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from fakefarms.content import load_content
from fakefarms.web.app import create_app
from fakefarms.web.views import story_chapters
from tests.conftest import FIXTURE_CONTENT
from tests.sitecheck import as_scripted


@pytest.fixture(scope="module")
def fixture_client():
    return create_app({"TESTING": True, "CONTENT_DIR": FIXTURE_CONTENT}).test_client()


@pytest.fixture(scope="module")
def fixture_home():
    return load_content(FIXTURE_CONTENT).pages["home"]


def soup_of(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def scripted(soup: BeautifulSoup) -> BeautifulSoup:
    """The page with the HTML its scripts put in it (the notes' pop-ups)."""
    return BeautifulSoup(as_scripted(str(soup)), "html.parser")


def test_the_home_page_opens_each_chapter_and_links_to_the_rest(fixture_client):
    home = soup_of(fixture_client, "/")
    one, two = home.find(id="one"), home.find(id="two")
    assert "Text." in one.get_text()
    assert "An assumption" not in one.get_text()
    assert "How the accounts were checked" not in one.get_text()
    assert one.find("a", href="story/one/").get_text(strip=True).startswith("Read the whole chapter")
    # a section of one passage is told whole on the home page, with its own further reading
    assert "A chapter of one passage" in two.get_text()
    assert not two.find("a", href="story/two/")
    assert two.find("a", href="kordai/")


def test_a_chapter_page_tells_the_whole_section(fixture_client, fixture_home):
    page = soup_of(fixture_client, "/story/one/")
    section = next(s for s in fixture_home.sections if s.id == "one")
    text = page.find("article").get_text(" ", strip=True)
    assert page.find("h1").get_text(strip=True) == section.heading
    for passage in section.passages:
        assert passage.text.rstrip(".") in text
    assert "Chapter 1 of 1" in page.select_one(".kicker").get_text()
    assert page.find("a", href="../../farms/")  # the section's further reading
    assert page.find("a", href="../../calculator/?preset=typical-party-farm")  # and its preset
    assert not page.select("figure.chart")  # its charts are drawn on the home page
    assert fixture_client.get("/story/two/").status_code == 404  # nothing more to tell
    assert fixture_client.get("/story/nowhere/").status_code == 404


def test_chapter_pages_exist_in_every_language(client, content):
    """The fixture has one language; the shipped content has a translation."""
    chapter_id = next(iter(story_chapters(content.pages["home"])))
    page = soup_of(client, f"/ru/story/{chapter_id}/")
    assert page.html["lang"] == "ru"
    assert {a["hreflang"] for a in page.select("link[rel=alternate][hreflang]")} >= {"en", "ru"}


def test_notes_name_a_source_in_full_once_then_in_short(fixture_client):
    chapter = soup_of(fixture_client, "/story/one/")
    notes = chapter.select("section.notes li")
    assert len(notes) == 2
    assert notes[0].find("a", href=True)["href"].startswith("https://")  # in full, linked
    assert "as in note 1" in notes[1].get_text() and not notes[1].find("a")
    assert "how Kloop checked the accounts" in notes[1].get_text()  # the section, named
    # each note's pop-up (which notes.js puts in the page) stands alone, in full
    assert scripted(chapter).select_one("#note-pop-2 a[href^='https://']")


def test_neighbouring_notes_are_one_mark_that_opens_them_all(fixture_client):
    """A text citing two sections has one mark, big enough to tap, that lists both notes."""
    home = soup_of(fixture_client, "/")
    marks = home.select(".cite")
    assert all(len(mark.find_parent("sup").select(".cite")) == 1 for mark in marks)
    (both,) = [m for m in marks if len(m["data-notes"].split()) > 1]
    numbers = [note.removeprefix("note-") for note in both["data-notes"].split()]
    assert both.get_text() == f"[{', '.join(numbers)}]"
    assert both["aria-label"] == f"Sources {', '.join(numbers)}"
    assert both["href"] == f"#note-{numbers[0]}"  # a link to the first, without a script
    pop_up = scripted(home).find(id=both["data-pop"])
    assert pop_up.has_attr("popover")
    assert [b.get_text() for b in pop_up.select("p > strong")][1:] == [f"[{n}]" for n in numbers]
