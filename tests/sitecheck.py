"""Walk a built site as a static server would serve it, and list what does not resolve."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ORIGIN = "http://site.test"
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("form", "action"))


def pages(root: Path) -> list[Path]:
    """The built site's pages: not the small pages left at old addresses, which only send
    readers on (listed in `_redirects`)."""
    redirects = root / "_redirects"
    moved = [line.split()[0] for line in redirects.read_text(encoding="utf-8").splitlines()
             if line.strip()] if redirects.is_file() else []
    return sorted(page for page in root.rglob("*.html")
                  if not any(old.endswith("/" + page.parent.relative_to(root).as_posix() + "/")
                             and page.name == "index.html" for old in moved))


def url_of(root: Path, file: Path, mount: str = "/", origin: str = ORIGIN) -> str:
    """The address a static host gives a built file: `root` served at `origin` + `mount`, a
    folder's index.html at the folder (origin "" gives the path alone: "/farms/")."""
    relative = file.relative_to(root).as_posix()
    if file.name == "index.html":
        relative = relative[: -len("index.html")]
    return origin + mount + relative


def file_for(root: Path, url: str, mount: str = "/") -> Path | None:
    """The built file a static host sends for `url` (a folder's index.html), or None: nothing
    there, a folder asked for without its "/", or an address outside `mount` or `root`."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(mount) or ".." in path.split("/"):
        return None
    target = root / path[len(mount):]
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def parsed(file: Path) -> BeautifulSoup:
    """A built page's tree, parsed once for every test that reads it (until the file changes):
    read it, never change it."""
    stat = file.stat()
    return _parsed(file, stat.st_mtime_ns, stat.st_size)


@cache
def _parsed(file: Path, _mtime_ns: int, _size: int) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


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
            elif name.startswith("data-") and (_ASSET_DATA.match(name) or
                                               ("/" in value and _ASSET_VALUE.match(value))):
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


def in_edition(relative: str) -> tuple[str, str]:
    """A built file's language and its path within its language's edition:
    'ru/farms/index.html' → ('ru', 'farms/index.html')."""
    language, slash, rest = relative.partition("/")
    return (language, rest) if slash and language in TRANSLATIONS else ("en", relative)


#: The languages the shipped content is translated into (site.yaml).
TRANSLATIONS = ("ru",)


def one_per_kind(names) -> set[str]:
    """One of each kind of page in each language, by name within the build ('farms/x/' or
    'farms/x/index.html'): same language, first folder and depth."""
    kinds: dict[tuple[str, str, int], str] = {}
    for name in names:
        language, path = in_edition(name.lstrip("/"))
        parts = path.strip("/").split("/")
        kinds.setdefault((language, parts[0], len(parts)), name)
    return set(kinds.values())


def sampled(pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, address) of every page in the site's own language, and of one page of each kind
    in each translation: the pages share their templates, so checks that do not depend on
    the words (a desktop screen, axe, no JavaScript) read each translation's kinds once."""
    kinds = one_per_kind(name for name, _address in pages)
    return [(name, address) for name, address in pages
            if in_edition(name)[0] == "en" or name in kinds]
