"""Walk a built site as a static server would serve it, and list what does not resolve."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from fakefarms.build.statichost import (
    ORIGIN,
    TRANSLATIONS,
    file_for,
    in_edition,
    one_per_kind,
    pages,
    url_of,
)

# What this module shares with the benchmarks lives with the static host (the benchmarks
# use the product, never the tests); the tests import it from here too.
__all__ = ["ORIGIN", "TRANSLATIONS", "file_for", "in_edition", "one_per_kind", "pages", "url_of"]

LINK_ATTRIBUTES = (
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("form", "action"),
)


def parsed(file: Path) -> BeautifulSoup:
    """A built page's tree, parsed once for every test that reads it (until the file changes):
    read it, never change it."""
    stat = file.stat()
    return _parsed(file, stat.st_mtime_ns, stat.st_size)


@cache
def _parsed(file: Path, _mtime_ns: int, _size: int) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


_DATA_BLOCK = re.compile(r'<script\b[^>]*\btype="application/json"[^>]*>(.*?)</script>', re.S)


def as_scripted(html: str) -> str:
    """A page's HTML with the HTML its scripts put in the page in place: what the build writes
    as a JSON string in a data block (the notes' pop-ups, the calculator's form and its
    "Based on" lines), so that text browsers, which run no script, never show it. Marks and
    presets stay the links they are without a script."""

    def expand(match: re.Match) -> str:
        value = json.loads(match.group(1))
        return value if isinstance(value, str) else match.group()

    return _DATA_BLOCK.sub(expand, html)


def parsed_scripted(file: Path) -> BeautifulSoup:
    """parsed(file), with the HTML its scripts put in the page in place (as_scripted)."""
    stat = file.stat()
    return _parsed_scripted(file, stat.st_mtime_ns, stat.st_size)


@cache
def _parsed_scripted(file: Path, _mtime_ns: int, _size: int) -> BeautifulSoup:
    return BeautifulSoup(as_scripted(file.read_text(encoding="utf-8")), "html.parser")


def internal_links(root: Path, file: Path, mount: str):
    """(attribute value, absolute URL) for every same-origin reference on the page."""
    soup = parsed(file)
    base = url_of(root, file, mount)
    base_tag = soup.find("base", href=True)
    if base_tag:
        base = urljoin(ORIGIN, base_tag["href"])
    for tag, attribute in LINK_ATTRIBUTES:
        for element in soup.find_all(tag, attrs={attribute: True}):
            value = element[attribute]
            absolute = urljoin(base, value)
            if absolute.startswith(ORIGIN):
                yield value, absolute
    for element in soup.find_all(attrs={"data-src": True}):
        yield element["data-src"], urljoin(base, element["data-src"])


def broken_links(root: Path, mount: str = "/") -> list[str]:
    """Every internal link, asset or fragment that a plain static server would not resolve."""
    broken = []
    for file in pages(root):
        for value, absolute in internal_links(root, file, mount):
            target = file_for(root, absolute, mount)
            where = f"{file.relative_to(root)}: {value}"
            if target is None:
                broken.append(f"{where} -> missing {absolute}")
                continue
            fragment = urlsplit(absolute).fragment
            if fragment and target.suffix == ".html" and not parsed(target).find(id=fragment):
                broken.append(f"{where} -> no element with id '{fragment}'")
    return broken


# ---- added for the whole-site quality gates: srcset, data-* asset references, CSS url() ----

_ASSET_DATA = re.compile(r"^data-(.+-)?(src|href|url|srcset)$")
_ASSET_VALUE = re.compile(r"^(\.{0,2}/)?[\w.-]+(/[\w.-]+)*\.[a-z0-9]{2,5}([?#]\S*)?$", re.I)


def _srcset_urls(value: str):
    for candidate in value.split(","):
        parts = candidate.split()
        if parts and not parts[0].startswith("data:"):
            yield parts[0]


def asset_references(root: Path, file: Path, mount: str):
    """(value, absolute URL) for srcset candidates and data-* attributes that name a file
    (data-plotly-src="assets/…", data-model-src=…); data-src is in internal_links already."""
    soup = parsed(file)
    base = url_of(root, file, mount)
    base_tag = soup.find("base", href=True)
    if base_tag:
        base = urljoin(ORIGIN, base_tag["href"])
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if not isinstance(value, str) or name == "data-src":
                continue
            if name == "srcset" or name == "data-srcset":
                urls = list(_srcset_urls(value))
            elif name.startswith("data-") and (
                _ASSET_DATA.match(name) or ("/" in value and _ASSET_VALUE.match(value))
            ):
                urls = [value]
            else:
                continue
            for url in urls:
                absolute = urljoin(base, url)
                if absolute.startswith(ORIGIN):
                    yield url, absolute


def broken_asset_references(root: Path, mount: str = "/") -> list[str]:
    """srcset and data-* file references that a plain static server would not resolve."""
    broken = []
    for file in pages(root):
        for value, absolute in asset_references(root, file, mount):
            if file_for(root, absolute, mount) is None:
                broken.append(f"{file.relative_to(root)}: {value} -> missing {absolute}")
    return broken


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


def broken_css_references(root: Path, mount: str = "/") -> list[str]:
    """url(…) and @import targets in the built CSS that a plain static server would not resolve."""
    broken = []
    for css in sorted(root.rglob("*.css")):
        base = url_of(root, css, mount)
        for match in _CSS_URL.finditer(css.read_text(encoding="utf-8")):
            value = (match.group(2) or match.group(4)).strip()
            if value.startswith(("data:", "#")):
                continue
            absolute = urljoin(base, value)
            if not absolute.startswith(ORIGIN):
                broken.append(f"{css.relative_to(root)}: {value} is not on the site")
            elif file_for(root, absolute, mount) is None:
                broken.append(f"{css.relative_to(root)}: {value} -> missing {absolute}")
    return broken


def sampled(pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, address) of every page in the site's own language, and of one page of each kind
    in each translation: the pages share their templates, so checks that do not depend on
    the words (a desktop screen, axe, no JavaScript) read each translation's kinds once."""
    kinds = one_per_kind(name for name, _address in pages)
    return [(name, address) for name, address in pages if in_edition(name)[0] == "en" or name in kinds]
