"""Public addresses: a published page never disappears without a redirect.

Readers and other sites link to the site's addresses. `published-addresses.txt` in the
content folder lists every one the site has published, the old addresses that redirect
included (`check` and the build keep it current, and a reviewer sees it change in the diff);
`check` names each listed address that the content no longer produces, unless
`redirects.yaml` sends it to a page that exists: a redirect removed after it was published is
an address that would disappear. The build leaves a small page at each old address that sends
readers on, and a `_redirects` file for hosts that read one.

The same check follows every link editors write to a page of the site, anchor included.
"""

from __future__ import annotations

import difflib
from html.parser import HTMLParser
from pathlib import Path

import yaml
from flask import Flask, render_template

from fakefarms.content import Content, ContentError, Problem
from fakefarms.content.model import Redirect
from fakefarms.web.i18n import current_language
from fakefarms.web.rendering import relative_path
from fakefarms.web.views import page_addresses
from records.files import display_path
from records.schema import node_at

LIST_NAME = "published-addresses.txt"
#: Said when the site's addresses cannot be made: its original files do not read.
UNCHECKED = (
    "the site's addresses and links are checked once the English files read: fix "
    "the problems above, then run the check again"
)
_HEADER = (
    "# Every address the site publishes, one a line. The build keeps this list current:\n"
    "# commit it with your change. An address that disappears needs a line in\n"
    "# redirects.yaml (see EDITING.md).\n"
)


#: The hosts the site may be published on, and whether each follows the build's redirect rules
#: (`_redirects` itself, or the configuration `build.py host` writes from it). On one that
#: does not, a moved page still leads readers on, through the page the build leaves at its old
#: address, but a moved data file cannot: HTML under a data file's name would be read as data.
HOSTS = {
    "netlify": True,
    "cloudflare-pages": True,
    "nginx": True,
    "apache": True,
    "caddy": True,
    "github-pages": False,
}


def leaves_a_page(address: str) -> bool:
    """Whether a moved address keeps a page that sends readers on (a page's, not a file's)."""
    return address.endswith(("/", ".html"))


def checked(app: Flask, content_dir: Path, content: Content, host: str | None = None) -> list[str]:
    """The addresses the site publishes; ContentError if a published one would go, a link
    leads nowhere, or a redirect cannot be followed on `host`."""
    published, found = site_problems(app, content_dir, content, host)
    if found:
        raise ContentError(found)
    return published


def site_problems(
    app: Flask, content_dir: Path, content: Content, host: str | None = None
) -> tuple[list[str], list[Problem]]:
    """The addresses the site publishes (its pages and data, and the old addresses that
    redirect), and every problem with them: a published one that would go, a redirect or a
    link that leads nowhere, a redirect that `host` (when given) would not follow."""
    current = produced(app)
    found = (
        problems(content_dir, content, current)
        + link_problems(app, content, current, content_dir)
        + host_problems(content_dir, content, host)
    )
    return sorted({*current, *(r.old for r in content.redirects)}), found


def produced(app: Flask) -> list[str]:
    """Every page and data file the content produces, as site paths (/farms/…/)."""
    with app.test_request_context():
        return sorted(set(page_addresses()))


def listed(content_dir: Path) -> list[tuple[int, str]]:
    """The published addresses with their line numbers; none before the first build."""
    path = content_dir / LIST_NAME
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def problems(content_dir: Path, content: Content, addresses: list[str]) -> list[Problem]:
    """Listed addresses that would disappear, and redirects that lead nowhere."""
    current = set(addresses)
    redirected = {r.old for r in content.redirects}
    shown_as = display_path(content_dir / LIST_NAME)
    found = [
        Problem(
            shown_as,
            line,
            1,
            "",
            f"{address} would disappear",
            "keep the id that made it, or send it to its new page in redirects.yaml",
        )
        for line, address in listed(content_dir)
        if address not in current and address not in redirected
    ]
    redirects_file = display_path(content_dir / "redirects.yaml")
    for r in content.redirects:
        if r.old in current:
            found.append(
                Problem(
                    redirects_file,
                    *redirect_place(content_dir, content, r),
                    f"redirects['{r.old}']",
                    f"{r.old} is still a page of the site",
                    "remove this redirect",
                )
            )
        if r.new not in current:
            found.append(
                Problem(
                    redirects_file,
                    *redirect_place(content_dir, content, r),
                    f"redirects['{r.old}']",
                    f"{r.new} is not a page of the site",
                    "send it to an address the site publishes",
                )
            )
    return found


def redirect_place(content_dir: Path, content: Content, redirect: Redirect) -> tuple[int, int]:
    """The line and column of redirects.yaml where `redirect` is written."""
    text = (content_dir / "redirects.yaml").read_text(encoding="utf-8")
    document = yaml.compose(text, Loader=yaml.SafeLoader)
    assert document is not None  # the file was read into `content`
    position = content.redirects.index(redirect) + 1
    start = node_at(document, f"redirects#{position}").start_mark
    return start.line + 1, start.column + 1


def host_problems(content_dir: Path, content: Content, host: str | None) -> list[Problem]:
    """Each redirect that `host` would not follow: a moved data file, on a host that reads no
    redirect rules."""
    if host is None or HOSTS[host]:
        return []
    return [
        Problem(
            display_path(content_dir / "redirects.yaml"),
            *redirect_place(content_dir, content, r),
            f"redirects['{r.old}']",
            f"{r.old} is a data file, and {host} follows no redirect rule: it would answer 404 there",
            "publish on a host that follows them ("
            + ", ".join(name for name, follows in HOSTS.items() if follows)
            + "), or keep a file at the old address",
        )
        for r in content.redirects
        if not leaves_a_page(r.old)
    ]


def link_problems(app: Flask, content: Content, current: list[str], content_dir: Path) -> list[Problem]:
    """Each link editors wrote to a page the site does not have, or to an anchor the page
    lacks."""
    pages = set(current)
    anchors: dict[str, set[str]] = {}
    found = [
        Problem(
            display_path(Path(content_dir) / "corrections.yaml"),
            1,
            1,
            f"corrections['{c.id}'].pages",
            f"{page} is not a page of the site",
            "list the pages the entry changed, as the site publishes them",
        )
        for c in content.corrections
        for page in c.pages
        if page not in pages
    ]
    for where, address in content.site_links:
        path, _hash, anchor = address.partition("#")
        path = path or "/"
        if path not in pages:
            close = difflib.get_close_matches(path, sorted(pages), n=1, cutoff=0.6)
            found.append(
                _at(
                    where,
                    f"links to {path}, which is not a page of the site",
                    f"did you mean {close[0]}?"
                    if close
                    else "link to an address the site publishes, such as /farms/",
                )
            )
            continue
        if anchor:
            if path not in anchors:
                anchors[path] = _ids(app, path)
            if anchor not in anchors[path]:
                close = difflib.get_close_matches(anchor, sorted(anchors[path]), n=1)
                found.append(
                    _at(
                        where,
                        f"links to #{anchor}, which {path} does not have",
                        f"did you mean #{close[0]}?" if close else "link to a section's id on that page",
                    )
                )
    return found


def _at(where: Problem, message: str, hint: str) -> Problem:
    return Problem(where.path, where.line, where.column, where.field, message, hint)


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def _ids(app: Flask, path: str) -> set[str]:
    """The ids a page's elements carry: where a link's anchor can lead."""
    parser = _Ids()
    parser.feed(app.test_client().get(path).get_data(as_text=True))
    return parser.ids


def record(content_dir: Path, addresses: list[str]) -> bool:
    """Bring the list up to date; True when it changed."""
    path = content_dir / LIST_NAME
    text = _HEADER + "".join(f"{a}\n" for a in addresses)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def write_redirects(app: Flask, content: Content, root: Path) -> None:
    """`_redirects` for hosts that read one (Netlify, Cloudflare Pages) and the server
    configurations (hosts.py); and, for a moved page, a page in its language at its old
    address that sends readers on, for hosts that read neither. A moved data file gets no
    page: HTML under a .csv name would be read as data."""
    base = app.config["BASE_PATH"]
    rules = []
    for r in content.redirects:
        rules.append(f"{base}{r.old.lstrip('/')} {base}{r.new.lstrip('/')} 301")
        if not leaves_a_page(r.old):
            continue
        page = root / r.old.lstrip("/")
        page = page / "index.html" if r.old.endswith("/") else page
        page.parent.mkdir(parents=True, exist_ok=True)
        target = relative_path(r.new, r.old)
        with app.test_request_context(r.old):
            html = render_template(
                "redirect.html",
                content=content.edition(current_language()),
                target=target,
                canonical=(app.config["BASE_URL"] or "") + r.new.lstrip("/")
                if app.config["BASE_URL"]
                else None,
            )
        page.write_text(html, encoding="utf-8")
    if rules:
        (root / "_redirects").write_text("\n".join(rules) + "\n", encoding="utf-8")
