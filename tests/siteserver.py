"""The built site as readers get it: a static host on 127.0.0.1, and the Chromium that visits it.

The browser tests and bench/lighthouse.py both use this module (the benchmark imports the tests'
tools, never the reverse). The host does what Netlify and Cloudflare Pages do with a build:

- an address is served the file `tests.sitecheck.file_for` names (a folder's index.html); a
  folder asked for without its "/" is redirected to it; anything else gets 404.html, status 404;
- a client that accepts gzip gets the build's precompressed `file.gz`, with Content-Encoding;
- every `_headers` rule whose pattern matches the address adds its headers; a header that
  several matching rules give gets their values joined with ", ".

Run alone to look at a build as a host serves it: python -m tests.siteserver public/ [--port N]
"""

from __future__ import annotations

import argparse
import mimetypes
import re
import threading
from functools import cache, partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from fakefarms.publish import COMPRESSIBLE
from tests.sitecheck import file_for, url_of

CHROMIUM = "/usr/bin/chromium"
#: Without these Chromium keeps trying to reach the internet (updates, sync, field trials).
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run")

#: Content types as hosts send them; other suffixes get Python's guess.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
}

Rules = dict[str, dict[str, str]]


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


@cache
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


class _Host(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as hosts do

    def __init__(self, *args, site: StaticSiteServer, **kwargs):
        self.site = site
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _respond(self, body: bool) -> None:
        address = urlsplit(self.path)
        file = file_for(self.site.folder, address.path, self.site.mount)
        if file is None and file_for(self.site.folder, address.path + "/", self.site.mount):
            location = address.path + "/" + (f"?{address.query}" if address.query else "")
            self._send(301, b"", {"Location": location}, body)
            return
        status = 200 if file else 404
        file = file or self.site.folder / "404.html"
        headers = {"Content-Type": TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0]
                   or "application/octet-stream"}
        if file.suffix in COMPRESSIBLE:
            headers["Vary"] = "Accept-Encoding"
            copy = file.with_name(file.name + ".gz")
            if "gzip" in self.headers.get("Accept-Encoding", "") and copy.is_file():
                file, headers["Content-Encoding"] = copy, "gzip"
        headers |= headers_for(self.site.rules, unquote(address.path))
        self._send(status, file.read_bytes(), headers, body)

    def _send(self, status: int, data: bytes, headers: dict[str, str], body: bool) -> None:
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(data))}.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass  # keep test output clean; the tests report what went wrong


class StaticSiteServer:
    """Serve a built `folder` at http://127.0.0.1:<port><mount> from a background thread.

    The port (0: a free one) is bound at once, so that a build can be given `base_url` before
    it is written; the build's `_headers` is read when the server starts."""

    def __init__(self, folder: Path, mount: str = "/", port: int = 0):
        if not (mount.startswith("/") and mount.endswith("/")):
            raise ValueError(f"mount must start and end with '/': {mount!r}")
        self.folder = Path(folder)
        self.mount = mount
        self.rules: Rules = {}
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), partial(_Host, site=self))
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.origin = f"http://{host}:{port}"
        self.base_url = self.origin + mount
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="static-site",
                                        daemon=True)

    def url_for_file(self, file: Path) -> str:
        """The address this server gives a built file (index.html -> its folder)."""
        return url_of(self.folder, Path(file), self.mount, self.origin)

    def __enter__(self) -> StaticSiteServer:
        headers_file = self.folder / "_headers"
        if headers_file.is_file():
            self.rules = parse_headers(headers_file.read_text(encoding="utf-8"), str(headers_file))
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a built site, e.g. public/")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--mount", default="/", help="the sub-path it is built for, e.g. /fake-farms/")
    args = parser.parse_args(argv)
    with StaticSiteServer(args.folder, args.mount, args.port) as server:
        print(f"serving {args.folder} at {server.base_url} (Ctrl+C stops)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
