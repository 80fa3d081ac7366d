"""The site's colours are declared once, in fakefarms/outputs/palette.py: the stylesheet, the charts and
the link-preview cards take them from there, and no file types one of them again."""

from __future__ import annotations

import re

import pytest

from fakefarms.outputs import cards, palette
from fakefarms.outputs.charts import PALETTES
from fakefarms.web.app import LINKED_ASSETS, SITE_DIR, VENDOR_ASSETS, WRAPPED_ASSETS
from fakefarms.web.assets import AssetIndex
from tests.conftest import ROOT

HEX = re.compile(r"#([0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
COMMENT = re.compile(r"/\*.*?\*/", re.S)
DECLARATION = re.compile(r"--([a-z0-9-]+):\s*([^;]+);")
#: Where a colour could be typed: the stylesheets, scripts and templates, and the Python code.
SOURCES = (
    "site/static/**/*.css",
    "site/static/**/*.js",
    "site/templates/**/*",
    "fakefarms/**/*.py",
    "calculator/**/*.py",
    "records/**/*.py",
    "tools/**/*.py",
    "build.py",
)


def normal(colour: str) -> str:
    """A hex colour as six lower-case digits (#abc is #aabbcc; an alpha channel is dropped)."""
    digits = colour.lstrip("#").lower()
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    return "#" + digits[:6]


def palette_colours() -> set[str]:
    return {normal(c) for scheme in palette.SCHEMES for c in palette.custom_properties(scheme).values()}


def source_files():
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and path != ROOT / "fakefarms" / "outputs" / "palette.py":
                yield path


def typed_palette_colours(paths) -> list[tuple[str, int, str]]:
    """(file, line, colour as typed) of each palette colour found in `paths`."""
    colours = palette_colours()
    return [
        (path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name, number, match.group())
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in HEX.finditer(line)
        if normal(match.group()) in colours
    ]


def test_no_file_types_a_palette_colour_again():
    files = list(source_files())
    assert len(files) > 20  # the patterns still find the code
    assert typed_palette_colours(files) == []


def test_the_check_can_fail(tmp_path):
    retyped = tmp_path / "retyped.css"
    link = palette.LIGHT["link"].upper()  # however it is spelt
    retyped.write_text(f"a {{ color: {link}; background: #abc; }}\n", encoding="utf-8")
    assert typed_palette_colours([retyped]) == [("retyped.css", 1, link)]
    assert normal("#ABC") == normal("#aabbccff") == "#aabbcc"


def test_the_stylesheet_types_no_colour_at_all():
    """site.css names colours only as var(--...): custom properties, or black shadows by rgb()."""
    css = COMMENT.sub("", (SITE_DIR / "static" / "css" / "site.css").read_text(encoding="utf-8"))
    assert HEX.findall(css) == []


def test_both_schemes_name_the_same_colours():
    assert palette.LIGHT.keys() == palette.DARK.keys()
    assert len(palette.SERIES["light"]) == len(palette.SERIES["dark"])
    for scheme in palette.SCHEMES:
        for colour in palette.custom_properties(scheme).values():
            assert re.fullmatch(r"#[0-9a-f]{6}", colour), colour


def served_stylesheet() -> str:
    index = AssetIndex(SITE_DIR / "static", VENDOR_ASSETS, LINKED_ASSETS, WRAPPED_ASSETS)
    return index.content("css/site.css").decode()


def test_the_served_stylesheet_declares_every_palette_colour_in_both_schemes():
    css = served_stylesheet()
    assert css.startswith(palette.stylesheet())  # before site.css's own rules
    light, media, dark = palette.stylesheet().partition("@media (prefers-color-scheme: dark)")
    assert media
    for scheme, block in (("light", light), ("dark", dark)):
        assert dict(DECLARATION.findall(block)) == palette.custom_properties(scheme), scheme


@pytest.mark.parametrize("name", ["site.css", "nojs.css", "print.css"])
def test_every_property_a_stylesheet_uses_is_declared(name):
    """A colour renamed in the palette cannot leave a rule naming the old one."""
    declared = set(DECLARATION.findall(COMMENT.sub("", served_stylesheet())))
    declared = {prop for prop, _value in declared}
    css = COMMENT.sub("", (SITE_DIR / "static" / "css" / name).read_text(encoding="utf-8"))
    used = set(re.findall(r"var\(--([a-z0-9-]+)", css))
    assert used - declared == set()


def test_charts_and_cards_take_the_palette():
    for scheme, colours in palette.SCHEMES.items():
        assert PALETTES[scheme] == {
            "background": colours["bg"],
            "text": colours["text"],
            "grid": colours["line"],
            "series": palette.SERIES[scheme],
        }
    assert (cards.PAPER, cards.INK, cards.MUTED, cards.ACCENT) == tuple(
        palette.LIGHT[name] for name in ("bg", "text", "muted", "accent")
    )
