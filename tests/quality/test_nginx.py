"""The nginx configuration the build writes (`python build.py host nginx`), tried with a real
nginx (Debian's package) on a root build and a sub-path build: every file is served with its
status, type, encoding and exactly the headers `_headers` gives its address; each language's
unknown addresses get that language's 404 page; the build's own files are not served; moved
addresses redirect."""

from __future__ import annotations

import getpass
import gzip
import http.client
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from fakefarms.build.hosts import PRIVATE, content_type, headers_for, nginx, parse_headers, redirects
from fakefarms.build.publish import COMPRESSIBLE
from tests.conftest import SUBPATH_BASE

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SERVER = """daemon off;
user {user};
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        include {tmp}/fake-farms.conf;
    }}
}}
"""


class Nginx:
    """A real nginx serving `site` with the configuration the build writes for it."""

    def __init__(self, site: Path, tmp: Path):
        if not Path(NGINX).is_file():
            pytest.fail("nginx is missing: `make test` installs Debian's nginx package")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        (tmp / "fake-farms.conf").write_text(nginx(site), encoding="utf-8")
        # Its workers run as this test's user, who can read the build (as root, nginx would
        # otherwise drop to nobody); as anyone else nginx ignores the line.
        config = SERVER.format(tmp=tmp, port=self.port, user=getpass.getuser())
        (tmp / "nginx.conf").write_text(config, encoding="utf-8")
        self.tmp = tmp
        self.process = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")], stderr=subprocess.PIPE
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    pytest.fail(f"nginx did not start: {self.process.stderr.read().decode()}")
                time.sleep(0.05)
        pytest.fail("nginx did not answer")

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request("GET", quote(path), headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stderr.close()


@pytest.fixture(scope="module", params=["root", "sub-path"])
def served(request, tmp_path_factory):
    """(nginx, the build, its base path) for a root build and a sub-path build."""
    site = request.getfixturevalue("built_site" if request.param == "root" else "built_subpath_site")
    base = "/" if request.param == "root" else urlsplit(SUBPATH_BASE).path
    server = Nginx(site, tmp_path_factory.mktemp(f"nginx-{request.param}"))
    yield server, site, base
    server.stop()


def addresses(site: Path, base: str):
    """Every file the build publishes, by the address a reader asks for it at, but the pages
    at moved addresses (for hosts without redirects), which the server redirects."""
    moved = {old for old, _new, _status in redirects(site)}
    for file in sorted(site.rglob("*")):
        if file.is_file() and file.suffix != ".gz" and file.name not in PRIVATE:
            path = file.relative_to(site).as_posix()
            address = base + (path.removesuffix("index.html") if path.endswith("index.html") else path)
            if address not in moved:
                yield file, address


def test_every_file_is_served_as_the_build_declares(served):
    server, site, base = served
    rules = parse_headers((site / "_headers").read_text(encoding="utf-8"))
    wrong = []
    for file, address in addresses(site, base):
        status, headers, body = server.get(address)
        expected = {
            "content-type": content_type(file.suffix),
            **{k.lower(): v for k, v in headers_for(rules, address).items()},
        }
        got = {name: headers.get(name) for name in expected}
        if status != 200 or body != file.read_bytes() or got != expected:
            wrong.append(f"{address}: {status}, {got} (expected {expected})")
    assert not wrong, "\n".join(wrong[:5]) + f"\n({len(wrong)} in all)"


def test_text_is_sent_compressed_to_clients_that_accept_it(served):
    server, site, base = served
    for name in ("index.html", "ru/data/index.html", "sitemap.xml"):
        file = site / name
        assert file.suffix in COMPRESSIBLE
        address = base + name.removesuffix("index.html")
        status, headers, body = server.get(address, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("content-encoding") == "gzip", address
        assert gzip.decompress(body) == file.read_bytes() and "Accept-Encoding" in headers["vary"]


def test_each_language_answers_unknown_addresses_with_its_own_404_page(served):
    server, site, base = served
    for address, page in [
        (f"{base}no-such-page/", "404.html"),
        (f"{base}ru/no-such-page/", "ru/404.html"),
        (f"{base}ru/embed/no-such-chart/", "ru/404.html"),
        (f"{base}farms/no-such-farm/", "404.html"),
    ]:
        status, headers, body = server.get(address)
        assert status == 404 and body == (site / page).read_bytes(), address
        assert "frame-ancestors 'none'" in headers["content-security-policy"], address


def test_the_builds_own_files_are_not_served(served):
    server, site, base = served
    for name in PRIVATE:
        assert server.get(base + name)[0] == 404, name


def test_moved_addresses_redirect(served):
    server, site, base = served
    moved = redirects(site)
    assert moved
    for old, new, status in moved:
        got, headers, _ = server.get(old)
        assert (got, headers.get("location")) == (status, new), old


def test_a_folder_asked_for_without_its_slash_gains_it(served):
    server, site, base = served
    status, headers, _ = server.get(f"{base}farms")
    assert status == 301 and headers["location"] == f"{base}farms/"
