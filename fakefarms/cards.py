"""Link-preview images: a 1200×630 PNG for each page, drawn at build time from the page's own
head (its title, its first key figure, the site's name and byline).

The font is Noto Sans from the pymupdf-fonts package (SIL Open Font Licence), which covers Latin
and Cyrillic, so a Russian page gets a card in its own script. Pillow writes no timestamps into
a PNG, so the same page gives the same bytes.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from functools import cache, lru_cache

import pymupdf_fonts
from PIL import Image, ImageChops, ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 72
#: The site's light palette (site.css): paper, ink, muted ink, accent.
PAPER, INK, MUTED, ACCENT = "#fdfcf9", "#1b1b1f", "#4f5360", "#9b2c1f"


@dataclass(frozen=True)
class CardText:
    """What a card shows, read from the page it stands for."""

    title: str
    figure: str = ""        # the page's first key figure, with its hedge ("approximately 800")
    figure_label: str = ""  # what it counts
    site: str = ""
    byline: str = ""


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    data = pymupdf_fonts.myfont("notosbo" if bold else "notos")
    return ImageFont.truetype(io.BytesIO(data), size)


def _wrapped(draw: ImageDraw.ImageDraw, text: str, bold: bool, sizes: tuple[int, ...],
             width: int, max_lines: int) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The largest of `sizes` at which `text` fits `width` in `max_lines` lines (the smallest,
    cut with an ellipsis, when none does)."""
    for size in sizes:
        font = _font(bold, size)
        chars = max(8, int(width / (size * 0.52)))
        lines = textwrap.wrap(text, chars)
        while chars > 8:
            lines = textwrap.wrap(text, chars)
            if all(draw.textlength(line, font=font) <= width for line in lines):
                break
            chars -= 1
        if len(lines) <= max_lines:
            return lines, font
    lines = lines[:max_lines]
    lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return lines, font


@lru_cache(maxsize=4096)  # a rebuild (the preview, the tests) redraws only changed cards
def card_png(text: CardText) -> bytes:
    # Each ink is drawn as its own coverage layer, then the layers become one palette image.
    layers = {colour: layer.copy() for colour, layer in _frame(text.site, text.byline).items()}
    accent, ink, muted = (ImageDraw.Draw(layers[colour]) for colour in INKS)
    width = SIZE[0] - 2 * MARGIN
    lines, font = _wrapped(ink, text.title, True, (64, 56, 48, 42), width,
                           2 if text.figure else 4)
    y = 120
    for line in lines:
        ink.text((MARGIN, y), line, font=font, fill=FULL)
        y += int(font.size * 1.2)
    if text.figure:
        y += 20
        number, number_font = _wrapped(accent, text.figure, True, (60, 52, 44), width, 1)
        accent.text((MARGIN, y), number[0], font=number_font, fill=FULL)
        y += int(number_font.size * 1.25)
        label_lines, label_font = _wrapped(muted, text.figure_label, False, (28, 24), width, 2)
        for i, line in enumerate(label_lines):
            muted.text((MARGIN, y + i * 36), line, font=label_font, fill=FULL)
    return _palette_png(layers)


@lru_cache(maxsize=8)
def _frame(site: str, byline: str) -> dict[str, Image.Image]:
    """What all of a site's cards share, drawn once: the accent bar, the site's name and the
    byline, one coverage layer an ink."""
    layers = {colour: Image.new("L", SIZE, 0) for colour in INKS}
    accent, muted = ImageDraw.Draw(layers[ACCENT]), ImageDraw.Draw(layers[MUTED])
    accent.rectangle((0, 0, 16, SIZE[1]), fill=FULL)
    accent.text((MARGIN, 56), site.upper(), font=_font(True, 30), fill=FULL)
    if byline:
        line, font = _wrapped(muted, byline, False, (26, 22), SIZE[0] - 2 * MARGIN, 1)
        muted.text((MARGIN, SIZE[1] - 64), line[0], font=font, fill=FULL)
    return layers


INKS = (ACCENT, INK, MUTED)  # a card's colours on its paper, each drawn as a layer of its own
FULL = 255  # full coverage in a layer
#: The shades of each ink over the paper that a card keeps (text edges are antialiased). The
#: card is then a palette image of 1 + 3 × SHADES colours: half the time to write and about
#: a third of the bytes of a full-colour PNG, and it looks the same.
SHADES = 15


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _blend(paper: tuple[int, ...], ink: tuple[int, ...], shade: int) -> list[int]:
    return [round(p + (i - p) * shade / SHADES) for p, i in zip(paper, ink, strict=True)]


#: The palette: the paper, then each ink's shades from faint to full.
PALETTE = _rgb(PAPER) + tuple(value for colour in INKS for shade in range(1, SHADES + 1)
                              for value in _blend(_rgb(PAPER), _rgb(colour), shade))
#: A layer's coverage (0 to FULL) as a shade (0: none, then 1 to SHADES).
SHADE_OF = [(coverage * SHADES + FULL // 2) // FULL for coverage in range(FULL + 1)]


def _palette_png(layers: dict[str, Image.Image]) -> bytes:
    """One palette PNG from each ink's coverage layer: a pixel is paper, or one of the shades of
    the single ink that covers it (no two inks overlap on a card)."""
    indexed = Image.new("L", SIZE, 0)
    for number, colour in enumerate(INKS):
        first = 1 + number * SHADES  # this ink's first shade in the palette
        index = [first + shade - 1 if shade else 0 for shade in SHADE_OF]
        indexed = ImageChops.add(indexed, layers[colour].point(index))
    indexed.putpalette(PALETTE)
    out = io.BytesIO()
    # Light compression: twice as fast as the default for a few KB more (about 25 KB a card).
    indexed.save(out, format="PNG", compress_level=3)
    return out.getvalue()
