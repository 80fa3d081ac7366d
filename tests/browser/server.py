"""A small threaded static server that behaves like a static host: files, index.html, 404.html.

The site is served under `mount` ("/" or e.g. "/fake-farms/"); anything that is not a file of the
built folder gets the folder's 404.html with status 404, as GitHub Pages and Netlify do.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from bench.gzserve import TYPES  # one table of content types for both static servers


class StaticHostHandler(SimpleHTTPRequestHandler):
    mount = "/"

    def __init__(self, *args, directory: str, mount: str, **kwargs):
        self.mount = mount
        super().__init__(*args, directory=directory, **kwargs)

    def translate_path(self, path: str) -> str:
        """Map an address under the mount to the folder; anything else to a path that is not there."""
        address = urlsplit(path).path
        if not address.startswith(self.mount):
            return str(Path(self.directory) / ".not-under-mount")
        return super().translate_path("/" + address[len(self.mount):])

    def guess_type(self, path) -> str:
        suffix = Path(str(path)).suffix.lower()
        return TYPES.get(suffix) or super().guess_type(path)

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir() and urlsplit(self.path).path.endswith("/"):
            target = target / "index.html"  # no directory listings: a host gives index.html or 404
        if not target.exists():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"<!doctype html><title>404</title>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass  # keep test output clean; failures are reported by the tests


class StaticSiteServer:
    """Serve `folder` at http://127.0.0.1:<free port><mount> in a background thread."""

    def __init__(self, folder: Path, mount: str = "/"):
        if not (mount.startswith("/") and mount.endswith("/")):
            raise ValueError(f"mount must start and end with '/': {mount!r}")
        self.folder = Path(folder)
        self.mount = mount
        handler = partial(StaticHostHandler, directory=str(self.folder), mount=mount)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.origin = f"http://{host}:{port}"
        self.base_url = self.origin + mount
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="static-site",
                                        daemon=True)

    def url_for_file(self, file: Path) -> str:
        """The address a static host gives a built HTML file (index.html -> its folder)."""
        relative = Path(file).relative_to(self.folder).as_posix()
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        return self.base_url + relative

    def __enter__(self) -> StaticSiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)
