"""Walk a built site as a static server would serve it, and list what does not resolve."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

ORIGIN = "http://site.test"
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("form", "action"))


def pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def url_of(root: Path, file: Path, mount: str) -> str:
    relative = file.relative_to(root).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return ORIGIN + mount + relative


def file_for(root: Path, url: str, mount: str) -> Path | None:
    path = urlsplit(url).path
    if not path.startswith(mount):
        return None
    target = root / path[len(mount):]
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


@cache
def _soup(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def internal_links(root: Path, file: Path, mount: str):
    """(attribute value, absolute URL) for every same-origin reference on the page."""
    soup = _soup(file)
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
            if fragment and target.suffix == ".html" and not _soup(target).find(id=fragment):
                broken.append(f"{where} -> no element with id '{fragment}'")
    return broken
