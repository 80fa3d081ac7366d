"""Pages that list everything stay usable at scale: past LIST_LIMIT items the timeline is
split into one page a year and the people index into one page a letter, with links between
them and no JavaScript needed; below it (the real site) they stay whole."""

from __future__ import annotations

from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from fakefarms.web.app import create_app
from fakefarms.web.views import initial, page_addresses

SITEMAP, XHTML = "{http://www.sitemaps.org/schemas/sitemap/0.9}", "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def small_limit(content):
    app = create_app({"LIST_LIMIT": 5}, content=content)
    return app


def soup_of(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_the_real_site_keeps_whole_lists(client, content):
    whole = soup_of(client, "/timeline/")
    assert len(whole.select("ol.events > li")) == len(content.events)
    year = content.events[0].date.year
    assert client.get(f"/timeline/{year}/").status_code == 404
    assert client.get("/actors/letter/a/").status_code == 404


def test_the_timeline_splits_by_year(small_limit, content):
    client = small_limit.test_client()
    index = soup_of(client, "/timeline/")
    assert not index.select("ol.events > li")  # the index lists years, not every event
    years = sorted({e.date.year for e in content.events})
    links = [a["href"] for a in index.select("nav.filters a") if a["href"].rstrip("/")[-4:].isdigit()]
    assert len(links) == len(years)
    for year in years:
        page = soup_of(client, f"/timeline/{year}/")
        listed = page.select("ol.events > li")
        assert len(listed) == sum(1 for e in content.events if e.date.year == year)
        assert page.select_one("nav.filters a[aria-current=page]").get_text().startswith(str(year))
    assert client.get(f"/timeline/{years[0] - 1}/").status_code == 404


def test_the_people_index_splits_by_letter(small_limit, content):
    client = small_limit.test_client()
    index = soup_of(client, "/actors/")
    assert not index.select(".card")
    letters = {initial(a.name) for a in content.actors.values()}
    for letter in letters:
        page = soup_of(client, f"/actors/letter/{letter}/")
        names = [h.get_text(strip=True) for h in page.select(".card h3")]
        assert sorted(names) == sorted(a.name for a in content.actors.values() if initial(a.name) == letter)
    assert client.get("/actors/letter/q1/").status_code == 404
    # each letter page has its link-preview card, its title worked out without the page
    for letter in letters:
        assert client.get(f"/cards/actors/letter/{letter}.png").status_code == 200, letter


def test_the_russian_people_index_splits_by_russian_letters(small_limit, content):
    client = small_limit.test_client()
    russian = content.translations["ru"].actors.values()
    letters = {initial(a.name) for a in russian}
    assert {"а", "с"} <= letters  # Азим Азимов, Садыр Жапаров (Cyrillic letters)
    index = soup_of(client, "/ru/actors/")
    assert len(index.select("nav.filters a")) >= len(letters)
    page = soup_of(client, "/ru/actors/letter/с/")
    names = [h.get_text(strip=True) for h in page.select(".card h3")]
    assert sorted(names) == sorted(a.name for a in russian if initial(a.name) == "с")
    assert "Садыр Жапаров" in names


def test_split_pages_are_frozen_and_in_the_sitemap(small_limit, content):
    with small_limit.test_request_context():
        addresses = set(page_addresses())
    assert {f"/timeline/{e.date.year}/" for e in content.events} <= addresses
    assert {f"/actors/letter/{initial(a.name)}/" for a in content.actors.values()} <= addresses


def test_a_letter_page_leads_to_the_other_languages_people_index(small_limit):
    """A letter is a word of its own language ('s' in English, 'с' in Russian): a letter page
    has no twin, so its language switch leads to the other language's people index, and it
    names no other language's address as the same page."""
    client = small_limit.test_client()
    for path, other, other_index in (
        ("/ru/actors/letter/с/", "en", "../../../../actors/"),
        ("/actors/letter/s/", "ru", "../../../ru/actors/"),
    ):
        page = soup_of(client, path)
        switch = page.select_one(f".language-switch a[hreflang={other}]")
        assert switch["href"] == other_index
        alternates = {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")}
        assert other not in alternates and "x-default" not in alternates
        assert not page.select("meta[property='og:locale:alternate']")
    farm = soup_of(client, "/farms/pre-election-2020/")
    assert {link["hreflang"] for link in farm.select("link[rel=alternate][hreflang]")} == {
        "en",
        "ru",
        "x-default",
    }


def test_the_sitemap_pairs_only_twins(small_limit):
    sitemap = ElementTree.fromstring(small_limit.test_client().get("/sitemap.xml").get_data())
    entries = {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang") for link in url.findall(f"{XHTML}link")}
        for url in sitemap.findall(f"{SITEMAP}url")
    }
    # Addresses in a sitemap are escaped: the Cyrillic letter is percent-encoded.
    assert entries["/actors/letter/s/"] == set() and entries[quote("/ru/actors/letter/с/")] == set()
    assert (
        entries["/farms/pre-election-2020/"]
        == entries["/ru/farms/pre-election-2020/"]
        == {"en", "ru", "x-default"}
    )
    assert entries["/timeline/2020/"] == {"en", "ru", "x-default"}  # a year is the same in both
