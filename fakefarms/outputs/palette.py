"""The site's colours, declared here and nowhere else.

The stylesheet gets them as custom properties (`--text`, `--bg`, `--series-0`, ...), which the
build writes at the top of `css/site.css` (see `stylesheet` and app.py), so site.css and the
charts' static drawings name them only as `var(--...)`. The Plotly charts (charts.py) and the
link-preview cards (cards.py) read them from here. tests/test_palette.py fails when a colour of
the palette is typed anywhere else.
"""

from __future__ import annotations

#: The light scheme's named colours; each becomes the custom property of the same name.
LIGHT = {
    "text": "#1b1b1f",
    "muted": "#4f5360",
    "bg": "#fdfcf9",
    "panel": "#f2f0ea",
    "line": "#d6d3ca",
    "accent": "#9b2c1f",
    "link": "#1d4f91",
    "alleged": "#7a4b00",
    "alleged-bg": "#fff4dc",
    "response": "#1c5a36",
    "response-bg": "#e7f4ec",
}
#: The same names in the dark scheme, used where the reader's system asks for it.
DARK = {
    "text": "#ecebe6",
    "muted": "#b8b6ae",
    "bg": "#16171b",
    "panel": "#22242a",
    "line": "#3b3e46",
    "accent": "#f08a76",
    "link": "#9cc3ff",
    "alleged": "#ffd27a",
    "alleged-bg": "#3a2d12",
    "response": "#9be0b5",
    "response-bg": "#15321f",
}
#: The charts' marker and bar colours for each scheme (custom properties `--series-0` ...).
#: Each passes 3:1 against its scheme's background (WCAG 1.4.11) and the set follows the
#: Okabe–Ito palette, which colour-blind readers can tell apart; symbols repeat the distinction
#: where colour carries meaning.
SERIES = {
    "light": ["#0067a3", "#b34a00", "#007a5a", "#8e4a7a", "#5d6269", "#a8323e", "#6b5d00"],
    "dark": ["#56b4e9", "#e69f00", "#3fc59d", "#e79bc6", "#c4c7cc", "#ff8a80", "#e6d94f"],
}
SCHEMES = {"light": LIGHT, "dark": DARK}


def custom_properties(scheme: str) -> dict[str, str]:
    """Every colour of a scheme by its custom property's name, without the leading dashes."""
    named = dict(SCHEMES[scheme])
    named.update((f"series-{number}", colour) for number, colour in enumerate(SERIES[scheme]))
    return named


def stylesheet() -> str:
    """The custom properties of both schemes: light, and dark where the reader's system asks
    for it. The build puts this before site.css's own rules."""

    def block(scheme: str, indent: str) -> str:
        lines = [f"{indent}  --{name}: {colour};" for name, colour in custom_properties(scheme).items()]
        return "\n".join([f"{indent}:root {{", *lines, f"{indent}}}"])

    return (
        "/* The palette's colours, written by the build from fakefarms/palette.py. */\n"
        f"{block('light', '')}\n"
        f"@media (prefers-color-scheme: dark) {{\n{block('dark', '  ')}\n}}\n"
    )
