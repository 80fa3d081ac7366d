"""How a link-preview card is drawn, checked directly (no site build): golden PNGs for fixed
texts, the card cache, the wrapping of a title into lines and the palette's colours."""

from __future__ import annotations

import dataclasses
import hashlib
import io

import pytest
from PIL import Image

from fakefarms.outputs import cards
from fakefarms.outputs.cards import (
    PALETTE,
    SHADES,
    SIZE,
    CardCache,
    CardText,
    _blend,
    _card_key,
    _font,
    _rgb,
    _wrapped,
    card_png,
)
from fakefarms.outputs.palette import LIGHT

FACEBOOK = (
    "accounts Facebook removed from the network in October 2020, after the parliamentary election "
    "and the protests that followed it"
)

#: Cards that between them take every branch of the drawing: each size a title, a number and its
#: label can come out at, a title cut with an ellipsis, a card with and without a byline.
GOLDEN_TEXTS = {
    # English with a figure: the title at 56 px in two lines, the number at 60, a two-line label.
    "english_figure": CardText(
        "How fake accounts cheered the government through two elections",
        "approximately 800",
        FACEBOOK,
        "Fake Farms",
        "An explainer by the Fake Farms team",
    ),
    # Russian, Cyrillic, no figure: the title at 64 px in one line; a Cyrillic byline.
    "russian": CardText(
        "Сколько стоит ферма фейков",
        site="Фейковые фермы",
        byline="Объяснение от команды «Фейковых ферм»",
    ),
    # A long title with no figure: four lines at 48 px; no byline.
    "long_title": CardText(
        "The same few hundred fake profiles praised the president, attacked his critics and cheered "
        "his party in every election campaign from 2020 to 2021",
        site="Fake Farms",
    ),
    # Too long a title for a card with a figure: cut at 42 px with an ellipsis; the number at
    # 52 px; the label at 24 px in two lines.
    "cut_title": CardText(
        "Why the same few hundred fake profiles praised the president, attacked his critics, and "
        "cheered his party in every campaign of 2020 and 2021, tax, relax, and more words here",
        "between 1,200 and 1,500 fake accounts",
        FACEBOOK + ", with the pages they ran",
        "Fake Farms",
        "An explainer",
    ),
    # A short two-line title at 64 px, a long number at 44 px, a one-word label.
    "long_number": CardText(
        "The fake accounts that cheered the government in two elections",
        "between 1,200 and 1,500 fake accounts a month",
        "accounts",
        "Fake Farms",
        "An explainer",
    ),
    # A line whose first letter reaches left of where it is set (FreeType's box starts at -5):
    # each line is drawn in its own box, which must hold the whole letter.
    "overhanging_letter": CardText("jobs on a farm of fake accounts", site="Fake Farms"),
}

#: The sha256 of each card's PNG. The drawing depends on Pillow and the fonts (pymupdf-fonts),
#: both pinned exactly in pyproject.toml, so these hold on every machine. An intended change of
#: the cards' design (or an upgrade of either pin) changes them: look at the new cards (write
#: them out with `card_png`), and when they look right, record the new values printed by
#:     .venv/bin/python -c "import hashlib; from tests.test_cards_drawing import GOLDEN_TEXTS as T; \
#:     from fakefarms.outputs.cards import card_png; \
#:     [print(k, hashlib.sha256(card_png(t)).hexdigest()) for k, t in T.items()]"
GOLDEN_SHA256 = {
    "english_figure": "921369ad98acfdb22e6d0659b494b5e1bca781f077192bad7aadc145ed2d2433",
    "russian": "740253bf562102349bc89c9912d5d2f32504722fb356efeca0e492a3ba681ff5",
    "long_title": "39ec2efd23d8bad03e4391616b915646c774c1d7d0bceb880118fddfeb7eae74",
    "cut_title": "37536fab0d6f90dff70dc8190147af42e4904f013837d042a18eb7e1d01d2176",
    "long_number": "fe27a3ce7b390c536c5e6b1abec25730298c7bd718fd759d9f421bb4aa06dcdc",
    "overhanging_letter": "0bb0ada09852bc76f7bde0d03722d7c1e35b07acb0bf51b53f5e61c160943911",
}


@pytest.mark.parametrize("name", GOLDEN_TEXTS)
def test_a_card_is_the_recorded_drawing(name):
    png = card_png(GOLDEN_TEXTS[name])
    assert hashlib.sha256(png).hexdigest() == GOLDEN_SHA256[name]
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")


def test_every_card_is_1200_by_630():
    assert SIZE == (1200, 630)
    with Image.open(io.BytesIO(card_png(CardText("A")))) as image:
        assert image.size == (1200, 630)


def test_the_drawing_is_pinned():
    """The golden cards hold only as long as Pillow and the fonts are pinned exactly."""
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {d.split("==")[0]: d for d in project["project"]["dependencies"]}
    assert "==" in pins["pillow"] and "==" in pins["pymupdf-fonts"]


def test_the_cache_draws_each_distinct_card_once_and_keeps_it(tmp_path):
    folder = tmp_path / "cache" / "cards"  # not there yet, nor its parent
    cache = CardCache(folder)
    first, second = CardText("One title", site="S"), CardText("Another title", site="S")
    drawn = cache.png(first)
    assert drawn == card_png(first)
    assert cache.drawn == 1
    assert cache.png(second) == card_png(second)
    assert cache.drawn == 2
    assert cache.png(first) == drawn and cache.png(second) == card_png(second)
    assert cache.drawn == 2
    # One file a card, named by its key; no partial files left behind.
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{_card_key(t)}.png" for t in (first, second))
    assert (folder / f"{_card_key(first)}.png").read_bytes() == drawn
    # Another cache on the same folder (a rebuild) draws nothing.
    again = CardCache(folder)
    assert again.png(second) == card_png(second) and again.drawn == 0


def test_a_cached_file_is_what_the_cache_returns(tmp_path):
    text = CardText("Cached", site="S")
    (tmp_path / f"{_card_key(text)}.png").write_bytes(b"kept")
    cache = CardCache(tmp_path)
    assert cache.png(text) == b"kept" and cache.drawn == 0


def test_without_a_folder_every_card_is_drawn():
    cache = CardCache(None)
    text = CardText("Uncached", site="S")
    assert cache.png(text) == cache.png(text) == card_png(text)
    assert cache.drawn == 2


def test_the_key_changes_with_each_field():
    text = CardText("Title", "about 800", "accounts", "Fake Farms", "An explainer")
    key = _card_key(text)
    assert len(key) == 64 and int(key, 16) >= 0
    assert _card_key(dataclasses.replace(text)) == key
    keys = {key}
    for f in dataclasses.fields(CardText):
        keys.add(_card_key(dataclasses.replace(text, **{f.name: getattr(text, f.name) + "!"})))
    assert len(keys) == 1 + len(dataclasses.fields(CardText))


WIDTH = SIZE[0] - 2 * 72


def test_a_title_takes_the_largest_size_at_which_it_fits():
    lines, font = _wrapped("Short", True, (64, 56), WIDTH, 1)
    assert (lines, font.size) == (["Short"], 64)
    assert font.getname() == ("Noto Sans", "Bold")
    assert _wrapped("Short", False, (64, 56), WIDTH, 1)[1].getname() == ("Noto Sans", "Regular")
    # Two lines at 64 px, so it fits two lines exactly at the largest size.
    title = "The fake accounts that cheered the government in two elections"
    lines, font = _wrapped(title, True, (64, 56, 48, 42), WIDTH, 2)
    assert (lines, font.size) == (["The fake accounts that cheered", "the government in two elections"], 64)
    # Three lines at 64 px: in two lines at 56.
    title = "How fake accounts cheered the government through two elections"
    lines, font = _wrapped(title, True, (64, 56, 48, 42), WIDTH, 2)
    assert (lines, font.size) == (["How fake accounts cheered the", "government through two elections"], 56)


def test_each_line_fits_the_width_in_as_few_lines_as_it_can():
    title = (
        "The same few hundred fake profiles praised the president, attacked his critics and cheered "
        "his party in every election campaign from 2020 to 2021"
    )
    lines, font = _wrapped(title, True, (64, 56, 48, 42), WIDTH, 4)
    assert font.size == 48
    assert lines == [
        "The same few hundred fake profiles praised",
        "the president, attacked his critics and",
        "cheered his party in every election",
        "campaign from 2020 to 2021",
    ]
    assert all(font.getlength(line) <= WIDTH for line in lines)
    assert " ".join(lines) == title


def test_a_line_exactly_as_wide_as_the_width_fits():
    text = "MWMWMWMW WMWMWMWM"
    font = _font(True, 40)
    width = font.getlength(text)
    assert _wrapped(text, True, (40,), width, 2)[0] == [text]
    assert _wrapped(text, True, (40,), width - 1, 2)[0] == ["MWMWMWMW", "WMWMWMWM"]


def test_a_narrow_card_fills_each_line_as_far_as_it_fits():
    """One character fewer a line at a time, from an estimate down, until every line fits."""
    text = "Who ran the farms, who paid for them and what they were paid to say"
    lines, font = _wrapped(text, True, (64,), 368, 8)
    assert lines == [
        "Who ran",
        "the farms,",
        "who paid",
        "for them",
        "and what",
        "they were",
        "paid to",
        "say",
    ]
    assert all(font.getlength(line) <= 368 for line in lines)


def test_a_word_too_wide_is_broken_into_pieces_of_nine_characters():
    """Lines are never cut below nine characters (then eight, the floor): a word that will not fit
    even so is broken into pieces that run over the width, rather than into letters."""
    lines, font = _wrapped("M" * 20, True, (28,), 150, 4)
    assert lines == ["M" * 9, "M" * 9, "MM"]
    assert font.getlength("M" * 9) > 150


def test_a_narrow_width_wraps_at_eight_characters_at_least():
    lines, font = _wrapped("abcd efgh ijkl mnop", False, (28,), 100, 4)
    assert (lines, font.size) == (["abcd", "efgh", "ijkl", "mnop"], 28)
    # A word longer than eight characters is broken where it does not fit.
    lines, _ = _wrapped("Supercalifragilistic", True, (28,), 100, 4)
    assert lines == ["Supercal", "ifragili", "stic"]


def test_a_title_too_long_is_cut_with_an_ellipsis_at_the_smallest_size():
    title = (
        "Why the same few hundred fake profiles praised the president, attacked his critics, and "
        "cheered his party in every campaign of 2020 and 2021, tax, relax, and more words here"
    )
    lines, font = _wrapped(title, True, (64, 56, 48, 42), WIDTH, 2)
    assert font.size == 42
    assert lines == [
        "Why the same few hundred fake profiles praised",
        "the president, attacked his critics, and cheered…",
    ]
    # Three lines at most: the first two whole, the third cut, its comma dropped for the ellipsis.
    lines, font = _wrapped(title, True, (48, 42), WIDTH, 3)
    assert font.size == 42
    assert lines == [
        "Why the same few hundred fake profiles praised",
        "the president, attacked his critics, and cheered",
        "his party in every campaign of 2020 and 2021…",
    ]
    text = "one two three four, TAX, five six seven eight relax"
    assert _wrapped(text, True, (42,), 300, 2)[0] == ["one two three", "four, TAX…"]
    assert _wrapped(text, True, (42,), 300, 3)[0] == ["one two three", "four, TAX,", "five six…"]


def test_the_palette_blends_each_ink_over_the_paper():
    assert _rgb("#9b2c1f") == (0x9B, 0x2C, 0x1F)
    assert _rgb("#fdfcf9") == (253, 252, 249)
    assert _rgb("#1b1b1f") == (27, 27, 31)
    paper, ink = (253, 252, 249), (27, 27, 31)
    assert _blend(paper, ink, 0) == [253, 252, 249]
    assert _blend(paper, ink, SHADES) == [27, 27, 31]
    assert _blend(paper, ink, 5) == [178, 177, 176]
    assert _blend((0, 100, 255), (255, 0, 0), 3) == [51, 80, 204]
    with pytest.raises(ValueError):
        _blend((0, 0, 0), (0, 0), 1)
    assert SHADES == 15
    # The paper, then fifteen shades of each ink (accent, text, muted), the last one the ink.
    assert len(PALETTE) == 3 * (1 + 3 * SHADES)
    assert PALETTE[:3] == _rgb(LIGHT["bg"])
    for number, colour in enumerate((LIGHT["accent"], LIGHT["text"], LIGHT["muted"])):
        full = 3 * (1 + number * SHADES + SHADES - 1)
        assert PALETTE[full : full + 3] == _rgb(colour)
    assert cards.PAPER == LIGHT["bg"]


def test_wide_letters_are_wrapped_narrower_than_the_first_guess():
    """The first guess of how many letters fit a line assumes letters of average width; a
    title of wide ones (Ш, Ж, W) is wrapped again, narrower, until every line fits."""
    title = "ЖШЩ ШЖЩ ЩШЖ " * 6
    lines, font = _wrapped(title, True, (64,), 600, 12)
    assert len(lines) > 2 and all(font.getlength(line) <= 600 for line in lines)
    assert " ".join(lines) == title.strip()
