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
from PIL import Image, ImageDraw, ImageFont

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
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, 16, SIZE[1]), fill=ACCENT)
    draw.text((MARGIN, 56), text.site.upper(), font=_font(True, 30), fill=ACCENT)
    lines, font = _wrapped(draw, text.title, True, (64, 56, 48, 42), width,
                           2 if text.figure else 4)
    y = 120
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=INK)
        y += int(font.size * 1.2)
    if text.figure:
        y += 20
        number, number_font = _wrapped(draw, text.figure, True, (60, 52, 44), width, 1)
        draw.text((MARGIN, y), number[0], font=number_font, fill=ACCENT)
        y += int(number_font.size * 1.25)
        label_lines, label_font = _wrapped(draw, text.figure_label, False, (28, 24), width, 2)
        for i, line in enumerate(label_lines):
            draw.text((MARGIN, y + i * 36), line, font=label_font, fill=MUTED)
    if text.byline:
        byline, byline_font = _wrapped(draw, text.byline, False, (26, 22), width, 1)
        draw.text((MARGIN, SIZE[1] - 64), byline[0], font=byline_font, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG")  # no "optimize": four times faster for a few KB more
    return out.getvalue()
