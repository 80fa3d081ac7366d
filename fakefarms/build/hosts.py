"""Configuration for the web servers that read neither `_headers` nor `_redirects` (nginx,
Apache, Caddy), written from a build's own files, so that the server sends each address exactly
what those files declare for it: the headers of every `_headers` rule that matches it, the
redirects, the files' types and gzip copies, and each language's 404 page.

Each is one piece of the server's configuration of a site, to include as it is: for nginx one
`location` block for the site's base path, inside a `server { }` block; for Apache lines for
inside a `<VirtualHost>`; for Caddy lines for inside a site block. Each names the type of every
kind of file the build has (nginx's `types` block replaces the server's list, so it is whole;
Apache's `AddType` lines add to it; Caddy's set each response's), and keeps the build's own
files private.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from fakefarms.web.security import HEADERS
from records.errors import UserError

#: The type hosts send for each kind of file (text ones with their charset): the static
#: host the tests and benchmarks use sends these, and the servers' configurations declare them.
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
#: The file a folder's address serves.
INDEX = "index.html"
#: Characters no header value may hold: each server would read them as its own syntax
#: (quotes and escapes, nginx's $variables, Apache's %-formats, Caddy's {placeholders}).
SYNTAX = frozenset('"\\$%{}')

Rules = dict[str, dict[str, str]]


def content_type(suffix: str) -> str | None:
    """The Content-Type a host sends for a file ending in `suffix`, or None if unknown."""
    kind = TYPES.get(suffix)
    return None if kind is None else _with_charset(kind)


def _with_charset(kind: str) -> str:
    return f"{kind}; charset=utf-8" if kind in CHARSET_TYPES else kind


def _kinds() -> dict[str, list[str]]:
    """Each type, in TYPES's order, with the suffixes (without their dot) of its files."""
    return {
        kind: sorted(s.lstrip(".") for s, k in TYPES.items() if k == kind)
        for kind in dict.fromkeys(TYPES.values())
    }


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


class Block(NamedTuple):
    """The addresses one pattern covers (a `_headers` rule's, or a language's), every header
    the server sends them, and the language whose 404 page answers those that do not exist
    (None: the site's own)."""

    pattern: str
    headers: dict[str, str]
    language: str | None


@dataclass(frozen=True)
class _Site:
    """A build, as each server's configuration is written from it."""

    base: str  # the base path, ending in /
    folder: str  # where the server finds the files, ending in /
    languages: list[str]
    whole: Block  # the whole site's: what an address no other block covers gets
    blocks: list[Block]  # each language's, then each rule's but the whole site's and the private files'
    moved: list[tuple[str, str, int]]  # the redirects

    def most_specific(self, address: str) -> Block:
        """The block whose headers `address` gets: the most specific one that covers it."""
        covering = [b for b in (self.whole, *self.blocks) if _pattern(b.pattern).fullmatch(address)]
        return max(covering, key=_specificity)


def _read(site: Path, root: str | None) -> _Site:
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
    for pattern, headers in rules.items():
        for name, value in headers.items():
            if SYNTAX & set(value):
                raise HostError(
                    f"_headers: {pattern}: {name} holds {' '.join(sorted(SYNTAX & set(value)))}, "
                    "which a server's configuration would read as its own syntax"
                )
    languages = sorted(p.parent.name for p in site.glob("*/404.html"))
    blocks = []
    # Each language's addresses, those no rule names included, get its own 404 page.
    for pattern in [*(f"{base}{lang}/*" for lang in languages), *_locations(rules)]:
        language = next(
            (lang for lang in languages if pattern.removesuffix("*").startswith(f"{base}{lang}/")),
            None,
        )
        headers = headers_for(rules, _example(pattern)) if pattern in rules else _unknown(rules, base)
        blocks.append(Block(pattern, headers, language))
    return _Site(
        base=base,
        folder=(root or str(site)).rstrip("/") + "/",
        languages=languages,
        whole=Block(f"{base}*", _unknown(rules, base), None),
        blocks=blocks,
        moved=redirects(site),
    )


def _written(server: str) -> str:
    return f"# Written by `python build.py host {server}` from the build's _headers and _redirects."


def _not_found(base: str, language: str | None) -> str:
    """The address of a language's 404 page (None: the site's own)."""
    return f"{base}{language}/404.html" if language else f"{base}404.html"


def _example(pattern: str) -> str:
    """An address the pattern covers (for a prefix, an invented one)."""
    return pattern.removesuffix("*") + ("an-address" if pattern.endswith("*") else "")


def _specificity(block: Block) -> tuple[bool, int]:
    """How specific a block is: an exact address more than any prefix, a longer prefix more
    than a shorter one (as nginx chooses a location)."""
    return not block.pattern.endswith("*"), len(block.pattern)


def _outers(blocks: list[Block]) -> dict[str, list[Block]]:
    """For each block's pattern, the blocks that cover all its addresses too, less specifically
    (the nearest last, since patterns nest)."""
    return {
        block.pattern: sorted(
            (
                outer
                for outer in blocks
                if _specificity(block) > _specificity(outer)
                and _pattern(outer.pattern).fullmatch(_example(block.pattern))
            ),
            key=_specificity,
        )
        for block in blocks
    }


def nginx(site: Path, root: str | None = None) -> str:
    """The nginx configuration of the build in `site`, whose files the server finds in `root`
    (by default where they are now)."""
    build = _read(site, root)
    base, folder = build.base, build.folder
    lines = [
        f"# Fake Farms, built for {base}: include this inside a server {{ }} block.",
        _written("nginx"),
        f"location ^~ {base} {{",
        f"    {'root ' + folder.removesuffix('/') if base == '/' else 'alias ' + folder};",
        f"    index {INDEX};",
        "    absolute_redirect off;          # a folder's address gains its / on this host",
        "    gzip_static on;                 # the build's .gz copies",
        "    gzip_vary on;",
        "    types {",
        *(f"        {kind} {' '.join(suffixes)};" for kind, suffixes in _kinds().items()),
        "    }",
        "    charset utf-8;",
        f"    charset_types {' '.join(CHARSET_TYPES)};",
        f"    error_page 404 {_not_found(base, None)};",
        *_nginx_headers(build.whole.headers, "    "),
    ]
    lines += [f"    location = {base}{name} {{ return 404; }}" for name in PRIVATE]
    lines += [f"    location = {old} {{ return {status} {new}; }}" for old, new, status in build.moved]
    for block in build.blocks:
        lines += _nginx_location(block, base, "    ")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _nginx_location(block: Block, base: str, indent: str) -> list[str]:
    """One `location` for the addresses a block covers, sending all its headers (nginx keeps
    only the add_header lines of the innermost block)."""
    prefix = block.pattern.removesuffix("*")
    match = f"^~ {prefix}" if block.pattern.endswith("*") else f"= {block.pattern}"
    inner = [f"{indent}location {match} {{"]
    if block.language:
        inner.append(f"{indent}    error_page 404 {_not_found(base, block.language)};")
    inner += _nginx_headers(block.headers, indent + "    ")
    inner.append(f"{indent}}}")
    return inner


def _nginx_headers(headers: dict[str, str], indent: str) -> Iterator[str]:
    for name, value in headers.items():
        yield f'{indent}add_header {name} "{value}" always;'


def apache(site: Path, root: str | None = None) -> str:
    """The Apache configuration of the build in `site`, whose files the server finds in `root`
    (by default where they are now)."""
    build = _read(site, root)
    base, folder = build.base, build.folder
    gzip = "[E=FAKE_FARMS_GZIP:1,E=no-gzip:1,L]"  # no-gzip: mod_deflate leaves the copy alone
    lines = [
        f"# Fake Farms, built for {base}: include this inside a <VirtualHost> block.",
        _written("apache"),
        "# It needs the modules alias, dir, headers, mime and rewrite:",
        "# a2enmod alias dir headers mime rewrite",
        f'Alias "/" "{folder}"' if base == "/" else f'Alias "{base[:-1]}" "{folder[:-1]}"',
        "# Moved addresses and the build's own files first: mod_rewrite runs before mod_alias.",
        "RewriteEngine On",
        *(f'RewriteRule "^{re.escape(old)}$" "{new}" [R={status},L]' for old, new, status in build.moved),
        *(f'RewriteRule "^{re.escape(base + name)}$" "-" [R=404,L]' for name in PRIVATE),
        "# The .gz copy of a folder's index or of a file, to clients that accept gzip.",
    ]
    for address, file in (("((?:.*/)?)", f"$1{INDEX}"), ("(.+)", "$1")):
        lines += [
            'RewriteCond "%{HTTP:Accept-Encoding}" "gzip"',
            f'RewriteCond "{folder}{file}.gz" -f',
            f'RewriteRule "^{re.escape(base)}{address}$" "{folder}{file}.gz" {gzip}',
        ]
    lines += [
        f'<Directory "{folder}">',
        "    Options FollowSymLinks",
        "    AllowOverride None",
        "    Require all granted",
        f"    DirectoryIndex {INDEX}",
        *(
            f'    AddType "{_with_charset(kind)}" {" ".join("." + s for s in suffixes)}'
            for kind, suffixes in _kinds().items()
        ),
        "    # A .gz copy sent for its file: that file's type, encoded.",
        "    <If \"-n reqenv('FAKE_FARMS_GZIP')\">",
        "        RemoveType .gz",
        "        AddEncoding gzip .gz",
        "        Header merge Vary Accept-Encoding",
        "    </If>",
        "</Directory>",
        "# Apache applies every block that matches an address, in order: each block comes after",
        "# those that cover its addresses too, and unsets what they send that it does not.",
    ]
    outers = _outers([build.whole, *build.blocks])
    for block in sorted([build.whole, *build.blocks], key=lambda block: len(outers[block.pattern])):
        own = {name.lower() for name in block.headers}
        stale = {
            name.lower(): name
            for outer in outers[block.pattern]
            for name in outer.headers
            if name.lower() not in own
        }
        lines.append(f'<LocationMatch "^{_pattern(block.pattern).pattern}$">')
        if block.language or block is build.whole:
            lines.append(f"    ErrorDocument 404 {_not_found(base, block.language)}")
        lines += [f'    Header always set {name} "{value}"' for name, value in block.headers.items()]
        lines += [f"    Header always unset {name}" for name in stale.values()]
        lines.append("</LocationMatch>")
    return "\n".join(lines) + "\n"


def caddy(site: Path, root: str | None = None) -> str:
    """The Caddy configuration (Caddyfile lines) of the build in `site`, whose files the server
    finds in `root` (by default where they are now)."""
    build = _read(site, root)
    base, folder = build.base, build.folder
    every = [build.whole, *build.blocks]
    lines = [
        f"# Fake Farms, built for {base}: import this inside the site's block.",
        _written("caddy"),
        "# A site has one handle_errors block: if it has its own, merge the two.",
        f"route {base}* {{",
        *(f"\terror {base}{name} 404" for name in PRIVATE),
        *(f"\tredir {old} {new} {status}" for old, new, status in build.moved),
        f"\t# Each kind of file's type; a folder's address serves its {INDEX}.",
    ]
    for kind, suffixes in _kinds().items():
        matcher = "@fake-farms-" + re.sub("[^a-z0-9]+", "-", kind)
        paths = [f"*.{suffix}" for suffix in suffixes] + (["*/"] if kind == TYPES[Path(INDEX).suffix] else [])
        lines += [
            f"\t{matcher} path {' '.join(paths)}",
            f'\theader {matcher} Content-Type "{_with_charset(kind)}"',
        ]
    lines.append("\t# Each address gets the headers of the most specific block that covers it, only.")
    outers = _outers(every)
    for number, block in enumerate(every):
        matcher = block.pattern
        inner = [other.pattern for other in every if outers[other.pattern][-1:] == [block]]
        if inner:
            matcher = f"@fake-farms-{number}"
            lines += [f"\t{matcher} {{", f"\t\tpath {block.pattern}", "\t\tnot {"]
            lines += [f"\t\t\tpath {pattern}" for pattern in inner]
            lines += ["\t\t}", "\t}"]
        lines += [f"\theader {matcher} {{", *_caddy_headers(block.headers, "\t\t"), "\t}"]
    if base != "/":
        lines.append(f"\turi strip_prefix {base[:-1]}")
    lines += [*_caddy_files(folder, "\t"), "}"]
    names = {name.lower(): name for block in every for name in block.headers}
    lines += [
        "handle_errors {",
        "\t# An unknown address gets its language's 404 page, with that page's headers only.",
    ]
    for language in [None, *build.languages]:
        page = _not_found(base, language)
        headers = build.most_specific(page).headers
        matcher = "@fake-farms-404" + (f"-{language}" if language else "")
        lines += [
            f"\t{matcher} {{",
            f"\t\tpath {base}{language + '/' if language else ''}*",
            "\t\texpression `{err.status_code} == 404`",
            "\t}",
            f"\thandle {matcher} {{",
            f"\t\trewrite * /{page.removeprefix(base)}",
            "\t\theader {",
            f'\t\t\tContent-Type "{content_type(Path(page).suffix)}"',
            *_caddy_headers(headers, "\t\t\t"),
            *(f"\t\t\t-{name}" for key, name in names.items() if key not in {n.lower() for n in headers}),
            "\t\t}",
            *_caddy_files(folder, "\t\t"),
            "\t}",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _caddy_headers(headers: dict[str, str], indent: str) -> Iterator[str]:
    for name, value in headers.items():
        yield f'{indent}{name} "{value}"'


def _caddy_files(folder: str, indent: str) -> list[str]:
    return [
        f"{indent}file_server {{",
        f"{indent}\troot {folder}",
        f"{indent}\tprecompressed gzip",
        f"{indent}}}",
    ]


#: Each server `python build.py host` writes a configuration for.
SERVERS: dict[str, Callable[[Path, str | None], str]] = {"nginx": nginx, "apache": apache, "caddy": caddy}


def _locations(rules: Rules) -> list[str]:
    """Every pattern but the whole site's, in order, but the build's own files'."""
    return [pattern for pattern in list(rules)[1:] if pattern.rsplit("/", 1)[-1] not in PRIVATE]


def _unknown(rules: Rules, base: str) -> dict[str, str]:
    """What an address no rule names gets (its 404 page): the whole site's headers, and the
    pages' policy, which `_headers` cannot give it without giving the embeds two."""
    return {
        **headers_for(rules, f"{base}an-unknown-address"),
        "Content-Security-Policy": HEADERS["Content-Security-Policy"],
    }
