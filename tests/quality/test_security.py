"""A strict Content Security Policy on every page, and nothing in the markup that it would block.

Also the files the publishing step adds for hosts: `_headers` and precompressed `.gz` copies.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from fakefarms.build.hosts import headers_for, parse_headers
from fakefarms.build.publish import COMPRESSIBLE
from fakefarms.web.security import EMBED_FOLDER
from tests.conftest import SUBPATH_BASE
from tests.sitecheck import pages, parsed, url_of

DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}  # never executed by browsers
UNSAFE_SCRIPT_SOURCES = {
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "*",
    "http:",
    "https:",
    "data:",
    "blob:",
}
# Sources that never leave the site: keywords, hashes, nonces, and in-page data: / blob: URLs.
OWN_SOURCE = re.compile(
    r"^('self'|'none'|'unsafe-[a-z-]+'|'wasm-unsafe-eval'|'strict-dynamic'|"
    r"'report-sample'|'(sha256|sha384|sha512)-[A-Za-z0-9+/=_-]+'|'nonce-[^']+'|"
    r"data:|blob:)$"
)
SOURCE_LIST_DIRECTIVES = {"base-uri", "form-action", "frame-ancestors", "navigate-to", "report-uri"}
REQUIRED_HEADERS = (
    "Content-Security-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Permissions-Policy",
)


def parse_policy(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        if part.strip():
            name, *sources = part.split()
            directives.setdefault(name.lower(), sources)  # browsers keep the first of a repeat
    return directives


def policy_problems(policy: str) -> list[str]:
    """What makes a policy weaker than the site promises: only its own origin runs code."""
    directives = parse_policy(policy)
    problems = []
    default = directives.get("default-src")
    if default is None or "'self'" not in default:
        problems.append(f"default-src must include 'self' (it is {default})")
    elif set(default) & {"*", "http:", "https:"}:
        problems.append(f"default-src allows any host: {' '.join(default)}")
    for name in ("script-src", "script-src-elem", "script-src-attr"):
        sources = directives.get(name, directives.get("script-src", default)) or []
        unsafe = sorted(set(sources) & UNSAFE_SCRIPT_SOURCES)
        if unsafe:
            problems.append(f"{name} allows {' '.join(unsafe)}")
    for name, sources in directives.items():
        if name.endswith("-src") or name in SOURCE_LIST_DIRECTIVES:
            elsewhere = [s for s in sources if not OWN_SOURCE.match(s)]
            if elsewhere:
                problems.append(
                    f"{name} lets the page reach other origins: {' '.join(elsewhere)} "
                    "(private by default: only 'self')"
                )
    if directives.get("object-src", default) != ["'none'"]:
        problems.append("object-src must be 'none'")
    if "base-uri" not in directives:
        problems.append("base-uri is missing (default-src does not cover it): use 'self'")
    return problems


def csp_meta(soup: BeautifulSoup) -> list:
    return soup.find_all("meta", attrs={"http-equiv": lambda v: v and v.lower() == "content-security-policy"})


def test_every_page_has_a_strict_csp_meta(shipped_site):
    problems = []
    for file in pages(shipped_site):
        name = file.relative_to(shipped_site).as_posix()
        soup = parsed(file)
        metas = csp_meta(soup)
        if len(metas) != 1:
            problems.append(f"{name}: {len(metas)} <meta http-equiv=Content-Security-Policy>, want 1")
            continue
        meta = metas[0]
        if meta.parent.name != "head":
            problems.append(f"{name}: the CSP <meta> is not a child of <head>")
        # A <meta> policy applies only to what comes after it.
        before = meta.find_all_previous(["script", "link", "style", "base"])
        if before:
            problems.append(f"{name}: the CSP <meta> comes after <{before[-1].name}>: put it first in <head>")
        problems += [f"{name}: {p}" for p in policy_problems(meta.get("content", ""))]
    assert not problems, "\n".join(problems)


def test_no_inline_script_or_event_handler(shipped_site):
    problems = []
    for file in pages(shipped_site):
        name = file.relative_to(shipped_site).as_posix()
        for script in parsed(file).find_all("script"):
            kind = (script.get("type") or "").split(";")[0].strip().lower()
            if script.has_attr("src"):
                if script.string and script.string.strip():
                    problems.append(f"{name}: <script src={script['src']}> also has inline code")
                continue
            if kind not in DATA_BLOCK_TYPES:
                problems.append(
                    f"{name}: inline <script{' type=' + kind if kind else ''}> "
                    f"{(script.string or '').strip()[:60]!r}: move it into a file under "
                    'site/static/js/ (or make it a type="application/json" data block)'
                )
                continue
            try:
                json.loads(script.string or "")
            except json.JSONDecodeError as exc:
                problems.append(f"{name}: <script type={kind} id={script.get('id')}> is not JSON: {exc}")
        for element in parsed(file).find_all(True):
            for attribute, value in element.attrs.items():
                if attribute.lower().startswith("on"):
                    problems.append(
                        f"{name}: <{element.name} {attribute}=...>: event-handler attributes "
                        "are inline script; use addEventListener in a module"
                    )
                elif (
                    attribute in ("href", "src", "action", "formaction")
                    and isinstance(value, str)
                    and value.strip().lower().startswith("javascript:")
                ):
                    problems.append(f"{name}: <{element.name} {attribute}={value[:40]!r}>: javascript: URL")
    assert not problems, "\n".join(problems)


def style_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_no_inline_style_the_policy_blocks(shipped_site):
    """style-src without 'unsafe-inline' blocks style="" attributes and unhashed <style> elements."""
    problems = []
    for file in pages(shipped_site):
        name = file.relative_to(shipped_site).as_posix()
        soup = parsed(file)
        metas = csp_meta(soup)
        directives = parse_policy(metas[0].get("content", "")) if metas else {}
        sources = directives.get("style-src", directives.get("default-src", []))
        if "'unsafe-inline'" in sources:
            continue
        for element in soup.find_all(style=True):
            problems.append(f"{name}: <{element.name} style={element['style'][:40]!r}>: move it to the CSS")
        for style in soup.find_all("style"):
            if style_hash(style.string or "") not in sources:
                problems.append(f"{name}: <style> {(style.string or '')[:40]!r} is not allowed by style-src")
    assert not problems, "\n".join(problems)


def test_policy_check_can_fail():
    assert policy_problems("default-src 'self'; object-src 'none'; base-uri 'self'") == []
    assert policy_problems("script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'")
    assert policy_problems(
        "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'"
    )
    assert policy_problems("default-src 'self' https:; object-src 'none'; base-uri 'self'")
    assert policy_problems(
        "default-src 'self'; img-src 'self' https://stats.example.org; object-src 'none'; base-uri 'self'"
    )


# ---- files that the publishing step adds for hosts -------------------------------------------


@pytest.mark.parametrize("site", ["shipped_site", "shipped_subpath_site"])
def test_headers_file_sets_security_headers(site, request):
    """Every address of the build gets every security header, as a host combines the rules
    (every matching rule applies): one policy each, never two (a browser would enforce both),
    refusing to be framed, except the embeds, which any site may frame."""
    root = request.getfixturevalue(site)
    headers_file = root / "_headers"
    assert headers_file.is_file(), "the build has no _headers file for static hosts"
    rules = parse_headers(headers_file.read_text(encoding="utf-8"))
    mount = "/" if site == "shipped_site" else urlsplit(SUBPATH_BASE).path
    problems = []
    # Addresses readers ask for: not the .gz copies (sent in place of their originals), nor
    # the files a host never serves (_headers, the build's marker).
    files = [
        f
        for f in sorted(root.rglob("*"))
        if f.is_file() and f.suffix != ".gz" and not f.name.startswith(("_", "."))
    ]
    for file in files:
        path = url_of(root, file, mount, origin="")
        sent = headers_for(rules, path)
        missing = [name for name in REQUIRED_HEADERS if name not in sent]
        if missing:
            problems.append(f"{path}: lacks {', '.join(missing)}")
            continue
        policy = sent["Content-Security-Policy"]
        if ", " in policy:
            problems.append(f"{path}: more than one policy: {policy}")
            continue
        framing = parse_policy(policy).get("frame-ancestors")
        embedded = path.startswith((f"{mount}{EMBED_FOLDER}/", f"{mount}ru/{EMBED_FOLDER}/"))
        if framing != (["*"] if embedded else ["'none'"]):
            problems.append(f"{path}: frame-ancestors {framing}")
        others = "; ".join(d for d in policy.split("; ") if not d.startswith("frame-ancestors"))
        if policy_problems(others):
            problems.append(f"{path}: {policy_problems(others)}")
        if sent["X-Content-Type-Options"].lower() != "nosniff":
            problems.append(f"{path}: X-Content-Type-Options {sent['X-Content-Type-Options']}")
    assert len(files) > 100
    assert not problems, "\n".join(problems[:20])


def test_every_text_file_has_an_identical_gzip_copy(shipped_site):
    problems = []
    files = [f for f in sorted(shipped_site.rglob("*")) if f.is_file() and f.suffix in COMPRESSIBLE]
    assert files
    for file in files:
        name = file.relative_to(shipped_site).as_posix()
        copy = file.with_name(file.name + ".gz")
        if not copy.is_file():
            problems.append(f"{name}: no {copy.name}")
        elif gzip.decompress(copy.read_bytes()) != file.read_bytes():
            problems.append(f"{name}: {copy.name} does not decompress to the same bytes")
    assert not problems, f"{len(problems)} of {len(files)} files:\n" + "\n".join(problems)
