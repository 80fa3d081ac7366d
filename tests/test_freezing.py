"""The freeze, on Frozen-Flask's public API: each address built once, every file it writes
reported, and a rebuild with nothing changed draws no link-preview card. (test_site.py checks
that a build in a fresh process gives the same files, byte for byte.)"""

from __future__ import annotations

import filecmp
import warnings
from pathlib import Path

from flask_frozen import MissingURLGeneratorWarning

from fakefarms.build import freezing
from fakefarms.build.publish import build_site
from fakefarms.web.app import create_app
from fakefarms.web.views import page_addresses
from tests.conftest import FIXTURE_CONTENT


def test_each_file_is_written_once_and_reported(tmp_path):
    out = tmp_path / "out"
    app = create_app(
        {
            "CONTENT_DIR": FIXTURE_CONTENT,
            "FREEZER_DESTINATION": str(out),
            "FREEZER_REMOVE_EXTRA_FILES": False,
            "PROPAGATE_EXCEPTIONS": True,
        }
    )
    written: list[Path] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)  # the split lists
        urls = freezing.freeze(app, page_addresses, written.append, with_static_files=False, log_url_for=True)
    names = [path.relative_to(out).as_posix() for path in written]
    assert len(names) == len(set(names)), "a file was written twice"
    assert set(names) == {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert len(urls) == len(names)
    assert any(name.startswith("cards/") for name in names)  # linked files are found too


def test_a_rebuild_with_nothing_changed_draws_no_card(content_copy, tmp_path):
    cache = tmp_path / "cards"
    first = build_site(content_copy, tmp_path / "first", card_cache=cache)
    again = build_site(content_copy, tmp_path / "again", card_cache=cache)
    assert first.cards_drawn > 5 and again.cards_drawn == 0
    cards = tmp_path / "first" / "cards"
    drawn = sorted(p.relative_to(cards).as_posix() for p in cards.rglob("*.png"))
    assert (
        drawn
        and filecmp.cmpfiles(
            tmp_path / "first" / "cards", tmp_path / "again" / "cards", drawn, shallow=False
        )[0]
        == drawn
    )
    # A card whose words change is drawn again, and only that one.
    words = content_copy
    home = words / "home.yaml"
    text = home.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    home.write_text(text.replace(title, title + " (updated)", 1), encoding="utf-8")
    changed = build_site(words, tmp_path / "changed", card_cache=cache)
    assert 1 <= changed.cards_drawn <= 2, changed.cards_drawn  # the home page's card, per edition
