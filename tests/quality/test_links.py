"""Links: external addresses are well-formed https, nothing is embedded from elsewhere, and the
asset references that tests/test_site.py's link walk does not cover (srcset, data-* file
references, CSS url()) resolve, at the domain root and under a sub-path.

Internal <a>/<link>/<script>/<img> links and fragments are checked by tests/test_site.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.sitecheck import ORIGIN, broken_asset_references, broken_css_references, pages, parsed, url_of

SUBPATH_MOUNT = "/fake-farms/"
LINK_ATTRIBUTES = ("href", "cite", "action", "formaction")
# Attributes that make the browser fetch something as the page loads or is used.
FETCHING = ("src", "srcset", "data-src", "poster", "data", "background", "longdesc")
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "mask-icon",
}
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")


def own_origins(root: Path) -> set[str]:
    """The site's own absolute origin(s), from canonical links (the --base-url of the build)."""
    origins = set()
    for file in pages(root):
        for link in parsed(file).select("link[rel~=canonical][href], meta[property='og:url'][content]"):
            parts = urlsplit(link.get("href") or link.get("content"))
            origins.add(f"{parts.scheme}://{parts.netloc}")
    return origins


def external_url_problem(value: str) -> str | None:
    """Why `value` is not a well-formed https address, or None."""
    if value != value.strip() or re.search(r"\s", value):
        return "contains white space"
    if "\\" in value:
        return "contains a backslash"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        return f"does not parse ({exc})"
    if parts.scheme != "https":
        return f"is {parts.scheme or 'schemeless'}, not https"
    host = parts.hostname or ""
    if not host:
        return "has no host"
    if parts.username or parts.password:
        return "carries a user name or password"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"host {host!r} is not a valid domain name"
    if not HOST.match(ascii_host):
        return f"host {host!r} is not a domain name with a dot"
    if port not in (None, 443):
        return f"names port {port}"
    return None


def test_external_links_are_well_formed_https(shipped_site):
    own = own_origins(shipped_site)
    problems, checked = [], 0
    for file in pages(shipped_site):
        name = file.relative_to(shipped_site).as_posix()
        for element in parsed(file).find_all(True):
            for attribute in LINK_ATTRIBUTES:
                value = element.get(attribute)
                if not isinstance(value, str) or not value.strip().lower().startswith("http"):
                    continue
                if any(value.startswith(origin + "/") or value == origin for origin in own):
                    continue  # the site's own canonical address
                checked += 1
                problem = external_url_problem(value)
                if problem:
                    problems.append(f"{name}: <{element.name} {attribute}={value!r}> {problem}")
    assert checked, "no external links found: the sources should link to the investigations"
    assert not problems, "\n".join(problems)


def test_external_url_check_can_fail():
    good = "https://kloop.kg/blog/2021/09/14/the-government-s-personal-firefighters/"
    assert external_url_problem(good) is None
    assert external_url_problem("https://xn--80ak6aa92e.com/path?q=1#x") is None
    for bad in (
        "http://kloop.kg/",
        "https://kloop.kg/a b",
        " https://kloop.kg/",
        "https://localhost/",
        "https://kloop/",
        "https:///x",
        "https://user:pw@kloop.kg/",
        "https://kloop.kg:8080/",
        "https://kloop..kg/",
        "https://kloop.kg\\x",
    ):
        assert external_url_problem(bad), bad


def test_nothing_is_embedded_from_another_site(shipped_site):
    """Private by default: no script, style, image, font or prefetch names another host."""
    problems = []
    for file in pages(shipped_site):
        name = file.relative_to(shipped_site).as_posix()
        page_url = url_of(shipped_site, file)
        for element in parsed(file).find_all(True):
            values = [element.get(a) for a in FETCHING]
            if element.name == "link" and FETCHING_RELS & set(element.get("rel", [])):
                values.append(element.get("href"))
            for value in filter(None, values):
                for url in (u.split()[0] for u in value.split(",") if u.split()):
                    absolute = urljoin(page_url, url)
                    if (
                        urlsplit(absolute).scheme in ("http", "https")
                        and urlsplit(absolute).netloc != urlsplit(ORIGIN).netloc
                    ):
                        problems.append(f"{name}: <{element.name}> loads {url}")
    for css in sorted(shipped_site.rglob("*.css")):
        for url in re.findall(
            r"""(?:url\(\s*['"]?|@import\s+['"])(\s*(?:https?:)?//[^'")\s]+)""",
            css.read_text(encoding="utf-8"),
        ):
            problems.append(f"{css.relative_to(shipped_site)}: loads {url.strip()}")
    assert not problems, "\n".join(problems)


def test_every_page_names_its_icon(shipped_site):
    """Without <link rel=icon> browsers ask for /favicon.ico at the domain root: a 404 on every
    visit, and outside the site when it is hosted under a sub-path."""
    missing = [
        file.relative_to(shipped_site).as_posix()
        for file in pages(shipped_site)
        if not parsed(file).select_one("link[rel~=icon][href]")
    ]
    assert not missing, "no <link rel=icon>: " + ", ".join(missing)


def test_fragment_links_stay_on_their_page(shipped_site):
    """With a <base> element, href="#x" points at the base address, not at the page itself: a
    skip link or footnote link on such a page leaves it."""
    problems = []
    for file in pages(shipped_site):
        soup = parsed(file)
        base = soup.find("base", href=True)
        if not base:
            continue
        name = file.relative_to(shipped_site).as_posix()
        page_url = url_of(shipped_site, file)
        base_url = urljoin(page_url, base["href"])
        for link in soup.select("a[href^='#']"):
            target = urljoin(base_url, link["href"])
            if target.split("#")[0] != page_url:
                problems.append(
                    f"{name}: <a href={link['href']!r}> goes to {target} "
                    "because of <base href>: build this page with root-relative links "
                    "(the base path) instead of a <base> element"
                )
    assert not problems, "\n".join(problems)


def test_root_asset_references_resolve(shipped_site):
    broken = broken_asset_references(shipped_site, "/") + broken_css_references(shipped_site, "/")
    assert not broken, "\n".join(broken)


def test_subpath_asset_references_resolve(shipped_subpath_site):
    broken = broken_asset_references(shipped_subpath_site, SUBPATH_MOUNT) + broken_css_references(
        shipped_subpath_site, SUBPATH_MOUNT
    )
    assert not broken, f"hosted under {SUBPATH_MOUNT}:\n" + "\n".join(broken)


def test_asset_reference_checks_can_fail(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "here.js").write_text("")
    (tmp_path / "index.html").write_text(
        '<img srcset="assets/a-1x.png 1x, assets/a-2x.png 2x" alt="">'
        '<script data-plotly-src="assets/missing.js"></script>'
        '<script data-model-src="assets/here.js"></script>'
        '<p data-figure="share-2015">x</p>'
    )
    (tmp_path / "assets" / "site.css").write_text(
        "a { background: url(../img/gone.svg); } b { background: url('data:image/png;base64,x'); }"
    )
    assert len(broken_asset_references(tmp_path)) == 3
    assert len(broken_css_references(tmp_path)) == 1
