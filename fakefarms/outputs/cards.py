"""Link-preview images: a 1200×630 PNG for each page, drawn at build time from the page's own
head (its title, its first key figure, the site's name and byline).

The font is Noto Sans from the pymupdf-fonts package (SIL Open Font Licence), which covers Latin
and Cyrillic, so a Russian page gets a card in its own script. Pillow writes no timestamps into
a PNG, so the same page gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import os
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

import pymupdf_fonts
from PIL import Image, ImageDraw, ImageFont

from fakefarms.outputs.fonts import font as _font
from fakefarms.outputs.palette import LIGHT

SIZE = (1200, 630)
MARGIN = 72
#: The site's light palette (palette.py): paper, ink, muted ink, accent.
PAPER, INK, MUTED, ACCENT = LIGHT["bg"], LIGHT["text"], LIGHT["muted"], LIGHT["accent"]


@dataclass(frozen=True)
class CardText:
    """What a card shows, read from the page it stands for."""

    title: str
    figure: str = ""  # the page's first key figure, with its hedge ("approximately 800")
    figure_label: str = ""  # what it counts
    site: str = ""
    byline: str = ""


class CardCache:
    """Cards already drawn, kept on disk by a hash of what they show and of how they are
    drawn (this module, its palette, its font), so a rebuild draws only the cards that
    changed; with no folder, every card is drawn. `drawn` counts the cards drawn here."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None
        self.drawn = 0

    def png(self, text: CardText) -> bytes:
        path = self.folder / f"{_card_key(text)}.png" if self.folder else None
        if path and path.is_file():
            return path.read_bytes()
        data = card_png(text)
        self.drawn += 1
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written whole, then renamed: a build that stops half-way leaves no half card.
            partial = path.with_name(f".{path.name}.{os.getpid()}")
            partial.write_bytes(data)
            partial.replace(path)
        return data


@functools.cache
def _drawing() -> bytes:
    """What decides how a card looks besides its words: this module, the palette and the
    fonts' files."""
    fonts = b"".join(pymupdf_fonts.myfont(name) for name in ("notos", "notosbo"))
    return hashlib.sha256(Path(__file__).read_bytes() + repr(PALETTE).encode() + fonts).digest()


def _card_key(text: CardText) -> str:
    return hashlib.sha256(_drawing() + repr(dataclasses.astuple(text)).encode()).hexdigest()


def _wrapped(
    text: str, bold: bool, sizes: tuple[int, ...], width: int, max_lines: int
) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The largest of `sizes` at which `text` fits `width` in `max_lines` lines (the smallest,
    cut with an ellipsis, when none does)."""
    for size in sizes:
        font = _font(bold, size)
        chars = max(8, int(width / (size * 0.52)))
        lines = textwrap.wrap(text, chars)
        while chars > 8:
            lines = textwrap.wrap(text, chars)
            if all(font.getlength(line) <= width for line in lines):
                break
            chars -= 1
        if len(lines) <= max_lines:
            return lines, font
    lines = lines[:max_lines]
    lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return lines, font


def card_png(text: CardText) -> bytes:
    """The card for `text`, drawn now (CardCache keeps the cards already drawn)."""
    card = _frame(text.site, text.byline).copy()
    width = SIZE[0] - 2 * MARGIN
    lines, font = _wrapped(text.title, True, (64, 56, 48, 42), width, 2 if text.figure else 4)
    y = 120
    for line in lines:
        _write(card, (MARGIN, y), line, font, INK)
        y += int(font.size * 1.2)
    if text.figure:
        y += 20
        number, number_font = _wrapped(text.figure, True, (60, 52, 44), width, 1)
        _write(card, (MARGIN, y), number[0], number_font, ACCENT)
        y += int(number_font.size * 1.25)
        label_lines, label_font = _wrapped(text.figure_label, False, (28, 24), width, 2)
        for i, line in enumerate(label_lines):
            _write(card, (MARGIN, y + i * 36), line, label_font, MUTED)
    out = io.BytesIO()
    # Light compression: twice as fast as the default for a few KB more (about 25 KB a card).
    card.save(out, format="PNG", compress_level=3)
    return out.getvalue()


@lru_cache(maxsize=8)
def _frame(site: str, byline: str) -> Image.Image:
    """What all of a site's cards share, drawn once: the paper, the accent bar, the site's
    name and the byline."""
    card = Image.new("P", SIZE, 0)
    card.putpalette(PALETTE)
    ImageDraw.Draw(card).rectangle((0, 0, 16, SIZE[1]), fill=_SHADES_OF[ACCENT][FULL])
    _write(card, (MARGIN, 56), site.upper(), _font(True, 30), ACCENT)
    if byline:
        line, font = _wrapped(byline, False, (26, 22), SIZE[0] - 2 * MARGIN, 1)
        _write(card, (MARGIN, SIZE[1] - 64), line[0], font, MUTED)
    return card


def _write(
    card: Image.Image, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont, colour: str
) -> None:
    """Write one line in one ink's shades (its edges antialiased) onto the paper: the line is
    drawn as coverage in its own box only, then turned into the ink's palette entries."""
    # Whole pixels, as FreeType measures them; Pillow's types allow fractions.
    left, top, right, bottom = cast(tuple[int, int, int, int], font.getbbox(text))
    coverage = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(coverage).text((-left, -top), text, font=font, fill=FULL)
    box = (xy[0] + left, xy[1] + top)
    # Nothing else is drawn where a line goes, so its box is paper (palette entry 0).
    card.paste(coverage.point(_SHADES_OF[colour]), box, coverage.point(_COVERED))


INKS = (ACCENT, INK, MUTED)  # a card's colours on its paper
FULL = 255  # a line's full coverage of a pixel
#: The shades of each ink over the paper that a card keeps (text edges are antialiased). The
#: card is then a palette image of 1 + 3 × SHADES colours: half the time to write and about
#: a third of the bytes of a full-colour PNG, and it looks the same.
SHADES = 15


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _blend(paper: tuple[int, ...], ink: tuple[int, ...], shade: int) -> list[int]:
    return [round(p + (i - p) * shade / SHADES) for p, i in zip(paper, ink, strict=True)]


#: The palette: the paper, then each ink's shades from faint to full.
PALETTE = _rgb(PAPER) + tuple(
    value
    for colour in INKS
    for shade in range(1, SHADES + 1)
    for value in _blend(_rgb(PAPER), _rgb(colour), shade)
)
#: A line's coverage of a pixel (0 to FULL) as a shade (0: none, then 1 to SHADES).
SHADE_OF = [(coverage * SHADES + FULL // 2) // FULL for coverage in range(FULL + 1)]
#: For each ink, a coverage as the ink's palette entry (0: paper).
_SHADES_OF = {
    colour: [1 + number * SHADES + shade - 1 if shade else 0 for shade in SHADE_OF]
    for number, colour in enumerate(INKS)
}
#: The pixels a line takes: those it covers enough to show a shade.
_COVERED = [FULL if shade else 0 for shade in SHADE_OF]
