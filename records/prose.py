"""Editors' prose: the checks that keep it publishable.

Prose fields may use *emphasis*, **strong**, [links](https://…) and, in paragraph fields,
lists; `{fig:figure-id}` tokens show a key figure (the site renders it, with raw HTML off:
fakefarms/markup.py). `problems()` finds what would publish wrongly (raw HTML shown as
text, a link that is not https:// or one of the site's pages, an unknown `{token}`, a key
figure retyped instead of referenced), each with
where in the text it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FIGURE_TOKEN = re.compile(r"\{fig:([a-z0-9-]+)\}")
_ANY_TOKEN = re.compile(r"\{[^{}\s]*\}")
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
_LINK = re.compile(r"\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
_SITE_PAGE = re.compile(r"/(?:[a-z0-9-]+/)*(?:#[a-z0-9-]+)?")


@dataclass(frozen=True)
class ProseProblem:
    """Something in a prose field that would not publish as the editor means; `start` is the
    offset in the text, so the loader can report the line it is on."""

    start: int
    length: int
    message: str
    hint: str


def problems(text: str) -> Iterator[ProseProblem]:
    for match in _RAW_HTML.finditer(text):
        tag = match.group(0)
        yield ProseProblem(
            match.start(),
            len(tag),
            f"HTML tag '{tag}' would be shown as text",
            "write *emphasis*, **strong** or [text](https://…) instead",
        )
    for match in _LINK.finditer(text):
        target = match.group(1)
        if not (target.startswith("https://") or _SITE_PAGE.fullmatch(target)):
            yield ProseProblem(
                match.start(1),
                len(target),
                f"link to '{target}' is not allowed",
                "link to an https:// address, or to a page of this site such as /farms/pro-matraimov/",
            )
    for match in _ANY_TOKEN.finditer(text):
        if not FIGURE_TOKEN.fullmatch(match.group(0)):
            yield ProseProblem(
                match.start(),
                len(match.group(0)),
                f"unknown token '{match.group(0)}'",
                "the only token is {fig:figure-id}, for a key figure",
            )


def site_links(text: str) -> Iterator[tuple[int, int, str]]:
    """Each link to a page of the site (/farms/x/, /methodology/#signals): its offset, its
    length and the address."""
    for match in _LINK.finditer(text):
        if _SITE_PAGE.fullmatch(match.group(1)):
            yield match.start(1), len(match.group(1)), match.group(1)


def figure_ids(text: str) -> Iterator[tuple[int, int, str]]:
    """Each {fig:id} token: its offset, its length and the figure it names."""
    for match in FIGURE_TOKEN.finditer(text):
        yield match.start(), len(match.group(0)), match.group(1)


class Spellings:
    """Every way the key figures can be typed, compiled into one pattern so that each prose
    field is scanned once, however many figures there are."""

    def __init__(self, forms: dict[str, list[str]]):
        self._figure: dict[str, str] = {}
        for figure_id, figure_forms in forms.items():
            for form in figure_forms:
                self._figure.setdefault(_normal(form), figure_id)
        # Longest first, so "$100 to $150" wins over "$100" where both match.
        words = sorted(self._figure, key=len, reverse=True)
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        self._pattern = (
            re.compile(r"(?<![\w$.,])(?:" + alternatives + r")(?![\w%]|[.,]\d)", re.IGNORECASE)
            if words
            else None
        )

    def retyped(self, text: str) -> Iterator[tuple[int, str, str]]:
        """Where a key figure's number is written out instead of referenced: (offset, the
        words found, the figure's id)."""
        if self._pattern is None:
            return
        plain = FIGURE_TOKEN.sub(lambda m: " " * len(m.group(0)), text)  # keep offsets
        for match in self._pattern.finditer(plain):
            yield match.start(), match.group(0), self._figure[_normal(match.group(0))]


def _normal(words: str) -> str:
    return " ".join(words.split()).lower()


def spellings(
    value: float | None,
    low: float | None,
    high: float | None,
    kind: str,
    hedge: str | None,
    wording: str | None,
) -> list[str]:
    """The ways a key figure's number can be typed in prose: '425', 'nearly 400',
    '205,000', '205 000', '$350', '30%', '$100 to $150', '10–15', 'at least a third'. Bare
    numbers under 100 are left out: too many dates and counts share them."""

    def forms(number: float) -> list[str]:
        digits = f"{number:g}" if not float(number).is_integer() else f"{int(number)}"
        grouped = (
            [digits, f"{int(number):,}", f"{int(number):,}".replace(",", " ")]
            if float(number).is_integer() and number >= 1000
            else [digits]
        )
        if kind == "usd":
            return [f"${d}" for d in grouped] + [f"{d} dollars" for d in grouped]
        if kind == "percent":
            return [f"{d}%" for d in grouped] + [f"{d} per cent" for d in grouped]
        return grouped

    result: list[str] = []
    if wording:
        result += [f"{hedge} {wording}"] if hedge else ([wording] if " " in wording else [])
    if value is not None:
        numbers = forms(value)
        result += [f"{hedge} {n}" for n in numbers] if hedge else []
        if value >= 100 or kind in ("usd", "percent"):
            result += numbers
    else:
        assert low is not None and high is not None  # Figure.check: a range has both ends
        for a in forms(low):
            for b in forms(high):
                bare_b = b.lstrip("$")
                result += [f"{a} to {b}", f"{a}–{bare_b}", f"{a}-{bare_b}", f"{a} – {bare_b}"]
        if hedge:
            result = result + [f"{hedge} {r}" for r in result]
    return result
