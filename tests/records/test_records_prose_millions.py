"""A key figure of a million or more, retyped in prose, is still caught however it is typed:
in plain digits, grouped with commas or with spaces (never as Python's '1.5e+06')."""

from __future__ import annotations

from records.prose import Spellings, spellings


def test_a_million_is_spelt_in_digits():
    assert spellings(1_500_000, None, None, "number", None, None) == ["1500000", "1,500,000", "1 500 000"]
    assert spellings(None, 1_000_000, 1_500_000, "number", None, None)[:2] == [
        "1000000 to 1500000",
        "1000000–1500000",
    ]


def test_a_million_retyped_in_prose_is_found():
    found = Spellings({"accounts": spellings(1_500_000, None, None, "number", "over", None)})
    assert list(found.retyped("They ran over 1500000 accounts.")) == [(9, "over 1500000", "accounts")]
    assert list(found.retyped("It was 1,500,000 in all.")) == [(7, "1,500,000", "accounts")]
