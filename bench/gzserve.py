"""A small static server that behaves like a real host, for benchmarks: gzip, caching, 404.html.

- Sends the build's precompressed `file.gz` when the client accepts gzip, or compresses text on
  the fly (once, kept in memory) when there is no `.gz` copy.
- Applies the build's `_headers` file (Netlify / Cloudflare Pages format: a path pattern line,
  then indented `Name: value` lines); without one, hashed assets get a year of caching.
- Unknown addresses get 404.html with status 404; folders get their index.html.

Run alone: python bench/gzserve.py public/ [--port 8000]
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

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
}
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".webmanifest"}
DEFAULT_HEADERS = [("/assets/*", {"Cache-Control": "public, max-age=31536000, immutable"}),
                   ("/*", {"Cache-Control": "no-cache"})]


def read_headers_file(path: Path) -> list[tuple[str, dict[str, str]]]:
    rules: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        elif rules and ":" in line:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts do

    def __init__(self, *args, root: Path, rules, cache: dict, **kwargs):
        self.root, self.rules, self.cache = root, rules, cache
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body: bool = True):
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if self.root not in target.parents and target != self.root:
            target = None
        elif target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        status = 200
        if target is None or not target.is_file():
            status, target, path = 404, self.root / "404.html", "/404.html"
        data, encoding = self.content(target)
        self.send_response(status)
        self.send_header("Content-Type", TYPES.get(target.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(data)))
        if target.suffix in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        sent = set()
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers.items():
                    if name.lower() not in sent:  # the first matching rule wins for a header
                        self.send_header(name, value)
                        sent.add(name.lower())
        self.end_headers()
        if body:
            self.wfile.write(data)

    def content(self, target: Path) -> tuple[bytes, str | None]:
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and target.suffix in COMPRESSIBLE):
            return target.read_bytes(), None
        precompressed = target.with_name(target.name + ".gz")
        if precompressed.is_file():
            return precompressed.read_bytes(), "gzip"
        key = (target, target.stat().st_mtime_ns)
        if key not in self.cache:
            self.cache[key] = gzip.compress(target.read_bytes(), compresslevel=9, mtime=0)
        return self.cache[key], "gzip"


class GzipSiteServer:
    """Serve `root` at http://127.0.0.1:<port>/ in a background thread (port 0: a free one)."""

    def __init__(self, root: Path, port: int = 0):
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        handler = partial(Handler, root=self.root, rules=None, cache={})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def load_rules(self) -> None:
        """Read `_headers` (call after the build is in place)."""
        headers_file = self.root / "_headers"
        rules = read_headers_file(headers_file) if headers_file.is_file() else DEFAULT_HEADERS
        self.httpd.RequestHandlerClass = partial(Handler, root=self.root, rules=rules, cache={})

    def __enter__(self) -> GzipSiteServer:
        self.load_rules()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with GzipSiteServer(args.root, args.port) as server:
        print(f"serving {args.root} at {server.base_url} (Ctrl+C stops)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
