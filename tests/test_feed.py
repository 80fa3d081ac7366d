"""The Atom feed of corrections and updates: valid, complete, stable."""

from __future__ import annotations

import feedparser

from fakefarms.content.model import Correction, PartialDate
from fakefarms.outputs.feed import feed_entries
from tests.sitecheck import pages, parsed


def test_the_feed_is_valid_atom_with_every_log_entry(built_site, content):
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == len(content.corrections)
    for entry, correction in zip(feed.entries, content.corrections, strict=True):
        assert entry.summary == correction.text
        assert entry.title.startswith(correction.kind.capitalize())
        assert entry.updated.startswith(correction.date.timestamp[:10])
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    # Dated by the content, never by the build's clock.
    assert feed.feed.updated == content.corrections[0].date.timestamp


def test_the_russian_feed_is_valid_atom_in_russian(built_site, content):
    english = feedparser.parse((built_site / "feed.xml").read_bytes())
    feed = feedparser.parse((built_site / "ru" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == "ru"
    russian = content.translations["ru"].corrections
    assert [e.summary for e in feed.entries] == [c.text for c in russian]
    assert all(e.link.startswith("http://127.0.0.1/ru/") for e in feed.entries)
    # its own entries, dated as the English ones
    assert not {e.id for e in feed.entries} & {e.id for e in english.entries}
    assert [e.updated for e in feed.entries] == [e.updated for e in english.entries]


def test_a_newer_entry_never_renames_an_older_one():
    older = [Correction(PartialDate.from_text("2026-11-23"), "update", "First publication.")]
    same_day = Correction(PartialDate.from_text("2026-11-23"), "update", "A second update.")
    later = Correction(PartialDate.from_text("2026-12-01"), "correction", "A fix.")
    before = {c.text: i for i, _d, c in feed_entries(older)}
    after = {c.text: i for i, _d, c in feed_entries([later, same_day, *older])}
    assert after["First publication."] == before["First publication."]
    assert len(set(after.values())) == 3


def test_every_page_names_the_feed(built_site):
    for page in pages(built_site):
        soup = parsed(page)
        link = soup.find("link", rel="alternate", type="application/atom+xml")
        assert link and link["href"].endswith("feed.xml"), page
