"""Pages that list everything stay usable at scale: past LIST_LIMIT items the timeline is
split into one page a year and the people index into one page a letter, with links between
them and no JavaScript needed; below it (the real site) they stay whole.

The fixture's lists are short: here LIST_LIMIT is set below them, and its Russian names are
written in Cyrillic (its pseudo-translation keeps the Latin letters), so that the Russian
people index has letters of its own."""

from __future__ import annotations

import shutil
import unicodedata
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from fakefarms.content import load_content
from fakefarms.content.translations import update
from fakefarms.web.app import create_app
from fakefarms.web.views import initial, page_addresses

SITEMAP, XHTML = "{http://www.sitemaps.org/schemas/sitemap/0.9}", "{http://www.w3.org/1999/xhtml}"
#: Latin letters as Cyrillic ones, for names in the fixture's Russian.
LETTERS = dict(zip("abcdefghijklmnopqrstuvwyz", "абкдефгхижклмнопкрстуввыз", strict=True)) | {"x": "кс"}


def in_cyrillic(name: str) -> str:
    """A Latin name spelt in Cyrillic letters, as the Russian edition writes names."""
    return "".join(LETTERS.get(c, c) if c.islower() else LETTERS.get(c.lower(), c).capitalize() for c in name)


@pytest.fixture(scope="module")
def split_content(fixture_content, tmp_path_factory):
    """The fixture content with every Russian name in Cyrillic letters."""
    directory = shutil.copytree(fixture_content, tmp_path_factory.mktemp("split") / "content")
    english = load_content(directory).actors
    path = directory / "ru" / "actors.yaml"
    russian = yaml.safe_load(path.read_text(encoding="utf-8"))
    for actor in russian["actors"]:
        actor["name"] = in_cyrillic(english[actor["id"]].name)
    path.write_text(yaml.safe_dump(russian, allow_unicode=True, sort_keys=False), encoding="utf-8")
    update(directory)  # the Cyrillic names are the translations of the English of now
    return load_content(directory)


@pytest.fixture(scope="module")
def small_limit(split_content):
    """The site with a LIST_LIMIT below both lists: the timeline and the people index split."""
    limit = min(len(split_content.events), len(split_content.actors)) - 1
    return create_app({"LIST_LIMIT": limit}, content=split_content)


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


def test_the_timeline_splits_by_year(small_limit, split_content):
    content = split_content
    client = small_limit.test_client()
    index = soup_of(client, "/timeline/")
    assert not index.select("ol.events > li")  # the index lists years, not every event
    years = sorted({e.date.year for e in content.events})
    assert len(years) > 1
    links = [a["href"] for a in index.select("nav.filters a") if a["href"].rstrip("/")[-4:].isdigit()]
    assert len(links) == len(years)
    for year in years:
        page = soup_of(client, f"/timeline/{year}/")
        listed = [li["id"].removeprefix("event-") for li in page.select("ol.events > li")]
        assert listed == [e.id for e in content.events if e.date.year == year]
        assert page.select_one("nav.filters a[aria-current=page]").get_text().startswith(str(year))
    assert client.get(f"/timeline/{years[0] - 1}/").status_code == 404


def test_the_people_index_splits_by_letter(small_limit, split_content):
    content = split_content
    client = small_limit.test_client()
    index = soup_of(client, "/actors/")
    assert not index.select(".card")
    letters = {initial(a.name) for a in content.actors.values()}
    assert len(letters) < len(content.actors)  # a letter that several names share
    for letter in letters:
        page = soup_of(client, f"/actors/letter/{letter}/")
        names = [h.get_text(strip=True) for h in page.select(".card h3")]
        assert sorted(names) == sorted(a.name for a in content.actors.values() if initial(a.name) == letter)
    assert client.get("/actors/letter/q1/").status_code == 404
    # each letter page has its link-preview card, its title worked out without the page
    for letter in letters:
        assert client.get(f"/cards/actors/letter/{letter}.png").status_code == 200, letter


def _cyrillic(letter: str) -> bool:
    return unicodedata.name(letter).startswith("CYRILLIC")


def test_the_russian_people_index_splits_by_russian_letters(small_limit, split_content):
    client = small_limit.test_client()
    russian = split_content.translations["ru"].actors.values()
    letters = {initial(a.name) for a in russian}
    assert all(_cyrillic(letter) for letter in letters), letters
    index = soup_of(client, "/ru/actors/")
    assert len(index.select("nav.filters a")) >= len(letters)
    for letter in letters:
        page = soup_of(client, f"/ru/actors/letter/{letter}/")
        names = [h.get_text(strip=True) for h in page.select(".card h3")]
        assert sorted(names) == sorted(a.name for a in russian if initial(a.name) == letter)


def test_split_pages_are_frozen_and_in_the_sitemap(small_limit, split_content):
    content = split_content
    with small_limit.test_request_context():
        addresses = set(page_addresses())
    assert {f"/timeline/{e.date.year}/" for e in content.events} <= addresses
    assert {f"/actors/letter/{initial(a.name)}/" for a in content.actors.values()} <= addresses
    russian = content.translations["ru"].actors.values()
    assert {quote(f"/ru/actors/letter/{initial(a.name)}/") for a in russian} <= addresses


def _letters(content):
    """(English letter, Russian letter) of each person's name."""
    russian = content.translations["ru"].actors
    return {(initial(a.name), initial(russian[a.id].name)) for a in content.actors.values()}


def test_a_letter_page_leads_to_the_other_languages_people_index(small_limit, split_content):
    """A letter is a word of its own language ('s' in English, 'с' in Russian): a letter page
    has no twin, so its language switch leads to the other language's people index, and it
    names no other language's address as the same page."""
    client = small_limit.test_client()
    for english, russian in _letters(split_content):
        for path, other, other_index in (
            (f"/ru/actors/letter/{russian}/", "en", "../../../../actors/"),
            (f"/actors/letter/{english}/", "ru", "../../../ru/actors/"),
        ):
            page = soup_of(client, path)
            switch = page.select_one(f".language-switch a[hreflang={other}]")
            assert switch["href"] == other_index
            alternates = {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")}
            assert other not in alternates and "x-default" not in alternates
            assert not page.select("meta[property='og:locale:alternate']")
    for farm_id in split_content.farms:
        farm = soup_of(client, f"/farms/{farm_id}/")
        assert {link["hreflang"] for link in farm.select("link[rel=alternate][hreflang]")} == {
            "en",
            "ru",
            "x-default",
        }


def test_the_sitemap_pairs_only_twins(small_limit, split_content):
    sitemap = ElementTree.fromstring(small_limit.test_client().get("/sitemap.xml").get_data())
    entries = {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang") for link in url.findall(f"{XHTML}link")}
        for url in sitemap.findall(f"{SITEMAP}url")
    }
    twins = {"en", "ru", "x-default"}
    for english, russian in _letters(split_content):
        # Addresses in a sitemap are escaped: the Cyrillic letter is percent-encoded.
        assert entries[f"/actors/letter/{english}/"] == set()
        assert entries[quote(f"/ru/actors/letter/{russian}/")] == set()
    for farm_id in split_content.farms:
        assert entries[f"/farms/{farm_id}/"] == entries[f"/ru/farms/{farm_id}/"] == twins
    for year in {e.date.year for e in split_content.events}:
        assert entries[f"/timeline/{year}/"] == twins  # a year is the same in both
