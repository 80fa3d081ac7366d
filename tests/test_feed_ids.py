"""The Atom feed's ids, checked directly (no site build): exact, stable UUIDs for the feed and for
each entry of the corrections log, the same on every rebuild and never renamed by a newer entry.

The ids are recorded here: a feed reader that has seen an entry must never see it again under a
new id, so a change to these values is a change readers notice. Each is uuid5(NAMESPACE_URL,
name), with the name given beside it.
"""

from __future__ import annotations

from fakefarms.content.model import Correction, PartialDate
from fakefarms.outputs.feed import feed_entries, feed_id

FEED = "urn:uuid:397123e7-fbbe-561a-8396-edad98928814"  # fake-farms:feed
FEED_RU = "urn:uuid:5e356d18-3fe1-58e8-94ea-23cdb86cec90"  # fake-farms:feed:ru
FIRST_UPDATE = "urn:uuid:c7d0aee7-6a89-5346-b867-901d46a22315"  # fake-farms:update:2026-11-23:1
SECOND_UPDATE = "urn:uuid:d78b247a-28cb-53da-92fe-4ab33a6c2339"  # fake-farms:update:2026-11-23:2
FIX = "urn:uuid:bc774b66-76eb-56d5-9e26-e0d6e6063c6a"  # fake-farms:correction:2026-12-01:1
FIRST_UPDATE_RU = "urn:uuid:21904c16-66d6-5dde-9970-34a7547e46ad"  # fake-farms:update:2026-11-23:1:ru
SECOND_UPDATE_RU = "urn:uuid:0979498e-53c3-516a-926d-bdf765caba7e"  # fake-farms:update:2026-11-23:2:ru
FIX_RU = "urn:uuid:8c1ea90c-991b-553a-a541-22fe8c55fa6c"  # fake-farms:correction:2026-12-01:1:ru
SAME_DAY_FIX = "urn:uuid:11cb998f-cca6-5665-aadc-bf20f7dfc6c8"  # fake-farms:correction:2026-11-23:1
MONTH_UPDATE = "urn:uuid:986200f7-5d0c-5992-9b61-119a185775a5"  # fake-farms:update:2026-12:1


def entry(date: str, kind: str, text: str) -> Correction:
    return Correction(PartialDate.from_text(date), kind, text)


FIRST = entry("2026-11-23", "update", "First publication.")
SECOND = entry("2026-11-23", "update", "A second update.")
LATER = entry("2026-12-01", "correction", "A fix.")


def test_the_feed_has_its_own_id_in_each_edition():
    assert feed_id() == FEED
    assert feed_id("") == FEED
    assert feed_id("ru") == FEED_RU


def test_each_entry_has_an_exact_id_newest_first():
    log = [LATER, SECOND, FIRST]  # as the log lists them: newest first
    assert feed_entries(log) == [
        (FIX, LATER.date, LATER),
        (SECOND_UPDATE, SECOND.date, SECOND),
        (FIRST_UPDATE, FIRST.date, FIRST),
    ]
    assert feed_entries([]) == []


def test_a_newer_entry_renames_no_older_one():
    assert feed_entries([FIRST]) == [(FIRST_UPDATE, FIRST.date, FIRST)]
    assert [i for i, _d, _c in feed_entries([SECOND, FIRST])] == [SECOND_UPDATE, FIRST_UPDATE]
    assert [i for i, _d, _c in feed_entries([LATER, SECOND, FIRST])] == [FIX, SECOND_UPDATE, FIRST_UPDATE]


def test_entries_are_counted_by_date_and_kind():
    """A correction on the day of an update, or an update in a month given without its day,
    starts its own count."""
    fix = entry("2026-11-23", "correction", "A same-day fix.")
    month = entry("2026-12", "update", "Sometime in December.")
    assert [i for i, _d, _c in feed_entries([month, fix, SECOND, FIRST])] == [
        MONTH_UPDATE,
        SAME_DAY_FIX,
        SECOND_UPDATE,
        FIRST_UPDATE,
    ]


def test_a_translation_has_ids_of_its_own():
    assert feed_entries([LATER, SECOND, FIRST], "ru") == [
        (FIX_RU, LATER.date, LATER),
        (SECOND_UPDATE_RU, SECOND.date, SECOND),
        (FIRST_UPDATE_RU, FIRST.date, FIRST),
    ]
    assert feed_entries([FIRST], "") == [(FIRST_UPDATE, FIRST.date, FIRST)]
