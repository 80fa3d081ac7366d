"""The font the build draws and measures text with: Noto Sans from the pymupdf-fonts package (SIL
Open Font Licence), which covers Latin and Cyrillic and is the same on every machine (a machine's
own fonts differ, and the build's output must not)."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from functools import cache

import pymupdf_fonts
from PIL import ImageFont


@cache
def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    data = pymupdf_fonts.myfont("notosbo" if bold else "notos")
    return ImageFont.truetype(io.BytesIO(data), size)


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """`text` in as few lines as fit `width` as `measure` gives it, broken at spaces and hyphens;
    a word wider than `width` on its own keeps a line to itself, whole."""
    whole = measure(text)
    if whole <= width:
        return [text]
    # Start a third above the characters that fit on average, then take one fewer at a time.
    chars = min(len(text), int(len(text) * width / whole * 4 / 3) + 1)
    lines = textwrap.wrap(text, chars, break_long_words=False)
    while chars > 1 and any(measure(line) > width for line in lines):
        chars -= 1
        lines = textwrap.wrap(text, chars, break_long_words=False)
    return lines
