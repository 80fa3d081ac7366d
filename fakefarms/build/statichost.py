"""The built site as readers get it: a static host on 127.0.0.1, and the Chromium that visits it.

The browser tests and the benchmarks use this module. The host does what Netlify and Cloudflare
Pages do with a build:

- an address is served the file `file_for` names (a folder's index.html); a
  folder asked for without its "/" is redirected to it; anything else gets 404.html, status 404;
- a client that accepts gzip gets the build's precompressed `file.gz`, with Content-Encoding;
- every `_headers` rule whose pattern matches the address adds its headers; a header that
  several matching rules give gets their values joined with ", ".

Run alone to look at a build as a host serves it: python -m fakefarms.build.statichost public/ [--port N]
"""

from __future__ import annotations

import argparse
import mimetypes
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from fakefarms.build.hosts import Rules, content_type, headers_for, parse_headers
from fakefarms.build.publish import COMPRESSIBLE

ORIGIN = "http://site.test"


def pages(root: Path) -> list[Path]:
    """The built site's pages: not the small pages left at old addresses, which only send
    readers on (listed in `_redirects`)."""
    redirects = root / "_redirects"
    moved = (
        [line.split()[0] for line in redirects.read_text(encoding="utf-8").splitlines() if line.strip()]
        if redirects.is_file()
        else []
    )
    return sorted(
        page
        for page in root.rglob("*.html")
        if not any(
            old.endswith("/" + page.parent.relative_to(root).as_posix() + "/") and page.name == "index.html"
            for old in moved
        )
    )


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
    target = root / path[len(mount) :]
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


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


CHROMIUM = "/usr/bin/chromium"
#: Without these Chromium keeps trying to reach the internet (updates, sync, field trials).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


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
        headers = {
            "Content-Type": content_type(file.suffix)
            or mimetypes.guess_type(file.name)[0]
            or "application/octet-stream"
        }
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
        assert isinstance(host, str)  # an IPv4 server's address is text
        self.origin = f"http://{host}:{port}"
        self.base_url = self.origin + mount
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="static-site", daemon=True)

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
