"""Configuration for a web server that reads neither `_headers` nor `_redirects` (nginx),
written from a build's own files, so that the server sends each address exactly what those
files declare for it: the headers of every `_headers` rule that matches it, the redirects,
the files' types and gzip copies, and each language's 404 page.

The result is one `location` block for the site's base path, to include as it is inside a
`server { }` block; it names every type the build uses itself (a `types` block replaces the
server's list, so it must be whole), and keeps the build's own files private.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from fakefarms.web.security import HEADERS
from records.errors import UserError

#: The type hosts send for each kind of file (text ones with their charset): the static
#: host the tests and benchmarks use sends these, and the nginx configuration declares them.
TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".webmanifest": "application/manifest+json",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
}
#: The types sent with "; charset=utf-8".
CHARSET_TYPES = ("text/html", "text/css", "text/javascript", "text/plain", "text/csv")
#: The build's own files, which say how to serve it: never served.
PRIVATE = ("_headers", "_redirects")

Rules = dict[str, dict[str, str]]


def content_type(suffix: str) -> str | None:
    """The Content-Type a host sends for a file ending in `suffix`, or None if unknown."""
    kind = TYPES.get(suffix)
    return f"{kind}; charset=utf-8" if kind in CHARSET_TYPES else kind


class HostError(UserError):
    """The build cannot be served as declared; the message says why."""


class HeadersFileError(ValueError):
    """A `_headers` line that is neither a path nor a `Name: value` under one."""


def parse_headers(text: str, name: str = "_headers") -> Rules:
    """`_headers` as Netlify and Cloudflare Pages read it: a path pattern on its own line, then
    indented `Name: value` lines; `#` starts a comment. {pattern: {header: value}}, in file order;
    a pattern or header given twice keeps both values."""
    rules: Rules = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        header, colon, value = (part.strip() for part in line.partition(":"))
        if current is None or not colon:
            raise HeadersFileError(f"{name}:{number}: not 'Name: value' under a path: {line!r}")
        current[header] = f"{current[header]}, {value}" if header in current else value
    return rules


@functools.cache
def _pattern(rule: str) -> re.Pattern:
    """A `_headers` path; `*` (a splat) stands for any characters, "/" included."""
    return re.compile(".*".join(re.escape(part) for part in rule.split("*")))


def headers_for(rules: Rules, path: str) -> dict[str, str]:
    """The headers `_headers` adds to the response for `path`: those of every matching rule."""
    found: dict[str, tuple[str, list[str]]] = {}  # lower-case name -> (name, values)
    for rule, headers in rules.items():
        if _pattern(rule).fullmatch(path):
            for name, value in headers.items():
                found.setdefault(name.lower(), (name, []))[1].append(value)
    return {name: ", ".join(values) for name, values in found.values()}


def _rules(site: Path) -> Rules:
    return parse_headers((site / "_headers").read_text(encoding="utf-8"), str(site / "_headers"))


def redirects(site: Path) -> list[tuple[str, str, int]]:
    """The build's `_redirects` file, as (from, to, status)."""
    path = site / "_redirects"
    if not path.exists():
        return []
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, status = line.split()
            found.append((old, new, int(status)))
    return found


def nginx(site: Path, root: str | None = None) -> str:
    """The nginx configuration of the build in `site`, whose files the server finds in `root`
    (by default where they are now)."""
    site = Path(site).resolve()
    rules = _rules(site)
    base = next(iter(rules)).removesuffix("*")  # the first rule is the whole site's
    unknown = sorted(
        {p.suffix for p in site.rglob("*") if p.is_file() and p.name not in PRIVATE} - set(TYPES)
    )
    if unknown:
        raise HostError(
            f"the build has files of a kind with no type to serve them as: "
            f"{', '.join(unknown)} (add them to hosts.TYPES)"
        )
    folder = (root or str(site)).rstrip("/") + "/"
    languages = sorted(p.parent.name for p in site.glob("*/404.html"))
    lines = [
        f"# Fake Farms, built for {base}: include this inside a server {{ }} block.",
        "# Written by `python build.py host nginx` from the build's _headers and _redirects.",
        f"location ^~ {base} {{",
        f"    {'root ' + folder.removesuffix('/') if base == '/' else 'alias ' + folder};",
        "    index index.html;",
        "    absolute_redirect off;          # a folder's address gains its / on this host",
        "    gzip_static on;                 # the build's .gz copies",
        "    gzip_vary on;",
        "    types {",
        *(
            f"        {kind} {' '.join(sorted(s.lstrip('.') for s, k in TYPES.items() if k == kind))};"
            for kind in dict.fromkeys(TYPES.values())
        ),
        "    }",
        "    charset utf-8;",
        f"    charset_types {' '.join(CHARSET_TYPES)};",
        f"    error_page 404 {base}404.html;",
        *_headers_lines(_unknown(rules, base), "    "),
    ]
    lines += [f"    location = {base}{name} {{ return 404; }}" for name in PRIVATE]
    for old, new, status in redirects(site):
        lines.append(f"    location = {old} {{ return {status} {new}; }}")
    # Each language's addresses, those no rule names included, get its own 404 page.
    for pattern in [*(f"{base}{lang}/*" for lang in languages), *_locations(rules)]:
        lines += _location(pattern, rules, base, languages, "    ")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _locations(rules: Rules) -> list[str]:
    """Every pattern but the whole site's, in order, but the build's own files'."""
    return [pattern for pattern in list(rules)[1:] if pattern.rsplit("/", 1)[-1] not in PRIVATE]


def _location(pattern: str, rules: Rules, base: str, languages: list[str], indent: str) -> list[str]:
    """One `location` for the addresses a pattern covers, sending what every matching rule
    sends (nginx keeps only the add_header lines of the innermost block)."""
    example = pattern.removesuffix("*") + ("an-address" if pattern.endswith("*") else "")
    match = f"^~ {pattern.removesuffix('*')}" if pattern.endswith("*") else f"= {pattern}"
    inner = [f"{indent}location {match} {{"]
    language = next(
        (lang for lang in languages if pattern.removesuffix("*").startswith(f"{base}{lang}/")), None
    )
    if language:
        inner.append(f"{indent}    error_page 404 {base}{language}/404.html;")
    covered = pattern in rules
    inner += _headers_lines(
        headers_for(rules, example) if covered else _unknown(rules, base), indent + "    "
    )
    inner.append(f"{indent}}}")
    return inner


def _unknown(rules: Rules, base: str) -> dict[str, str]:
    """What an address no rule names gets (its 404 page): the whole site's headers, and the
    pages' policy, which `_headers` cannot give it without giving the embeds two."""
    return {
        **headers_for(rules, f"{base}an-unknown-address"),
        "Content-Security-Policy": HEADERS["Content-Security-Policy"],
    }


def _headers_lines(headers: dict[str, str], indent: str) -> Iterator[str]:
    for name, value in headers.items():
        yield f'{indent}add_header {name} "{value}" always;'
