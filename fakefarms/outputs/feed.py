"""The Atom feed's ids: stable names for the corrections and updates log and its entries.

Every id is a UUID made from names the content gives (never the clock or the address the site
is published at), so a rebuild writes the same feed, and a feed reader never sees an entry
twice.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence

from fakefarms.content.model import Correction, PartialDate


def feed_id(edition: str = "") -> str:
    """The feed's own id; a translation (`edition`, its language code) has its own."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "fake-farms:feed" + (f":{edition}" if edition else "")).urn


def feed_entries(
    corrections: Sequence[Correction], edition: str = ""
) -> list[tuple[str, PartialDate, Correction]]:
    """(stable id, date, correction) for each log entry, newest first. The id counts entries of
    the same date and kind from the oldest, so adding a newer one never renames an older one;
    a translation (`edition`) has ids of its own."""
    seen: Counter = Counter()
    oldest_first = []
    for correction in reversed(corrections):
        key = (correction.date.iso, correction.kind)
        seen[key] += 1
        name = f"fake-farms:{correction.kind}:{correction.date.iso}:{seen[key]}"
        name += f":{edition}" if edition else ""
        oldest_first.append((uuid.uuid5(uuid.NAMESPACE_URL, name).urn, correction.date, correction))
    return oldest_first[::-1]
