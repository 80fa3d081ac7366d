"""The web server configurations the build writes (`python build.py host nginx|apache|caddy`),
each tried with the real server (Debian's package) on a root build and a sub-path build: every
file is served with its status, type, encoding and exactly the headers `_headers` gives its
address; each language's unknown addresses get that language's 404 page; the build's own files
are not served; moved addresses redirect.

Each server runs on a free port of 127.0.0.1 with its configuration, pid file and logs in the
test's own folder, so a server Debian started when it installed the package does not matter."""

from __future__ import annotations

import getpass
import gzip
import http.client
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest

from fakefarms.build.hosts import PRIVATE, SERVERS, content_type, headers_for, parse_headers, redirects
from fakefarms.build.publish import COMPRESSIBLE
from tests.conftest import SUBPATH_BASE


class Server:
    """A real web server serving `site` with the configuration the build writes for it."""

    name = ""  # as `build.py host` calls it
    package = ""  # Debian's package
    binary = ""
    #: The status it redirects a folder's address without its slash with.
    slash_status = 301

    @classmethod
    def require(cls) -> None:
        if not Path(cls.binary).is_file():
            pytest.fail(f"{cls.package} is missing: `make test` installs Debian's {cls.package} package")

    def __init__(self, site: Path, tmp: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.tmp = tmp
        (tmp / "fake-farms.conf").write_text(SERVERS[self.name](site, None), encoding="utf-8")
        self.log = tmp / "server.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                self.command(), stdout=log, stderr=subprocess.STDOUT, env=self.environment()
            )
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    pytest.fail(f"{self.name} did not start: {self.errors()}")
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"{self.name} did not answer: {self.errors()}")

    def command(self) -> list[str]:
        """Write the server's own configuration around the build's, and say how to start it."""
        raise NotImplementedError

    def environment(self) -> dict[str, str] | None:
        return None

    def errors(self) -> str:
        return "\n".join(p.read_text() for p in (self.log, self.tmp / "error.log") if p.exists())

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request("GET", quote(path), headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body

    def leads_to(self, address: str, location: str | None) -> str:
        """Where a redirect from `address` leads: a path on this server, or another URL."""
        url = urljoin(self.origin + address, location or "")
        return url.removeprefix(self.origin) if url.startswith(self.origin + "/") else url

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Nginx(Server):
    name = package = "nginx"
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    CONFIG = """daemon off;
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

    def command(self) -> list[str]:
        # Its workers run as this test's user, who can read the build (as root, nginx would
        # otherwise drop to nobody); as anyone else nginx ignores the line.
        config = self.CONFIG.format(tmp=self.tmp, port=self.port, user=getpass.getuser())
        (self.tmp / "nginx.conf").write_text(config, encoding="utf-8")
        return [self.binary, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf")]


class Apache(Server):
    """Debian's apache2 in one process, with the modules the configuration needs and Debian's
    own settings of types and compression, which the configuration adds to."""

    name = "apache"
    package = "apache2"
    binary = shutil.which("apache2") or "/usr/sbin/apache2"
    MODULES = ("mpm_prefork", "authz_core", "alias", "dir", "headers", "mime", "rewrite", "filter", "deflate")
    CONFIG = """ServerRoot "{tmp}"
DefaultRuntimeDir "{tmp}"
PidFile "{tmp}/apache2.pid"
ErrorLog "{tmp}/error.log"
LogLevel warn
{modules}
Include /etc/apache2/mods-available/mime.conf
Include /etc/apache2/mods-available/deflate.conf
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<VirtualHost 127.0.0.1:{port}>
    Include "{tmp}/fake-farms.conf"
</VirtualHost>
"""

    def command(self) -> list[str]:
        modules = "\n".join(
            f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so" for name in self.MODULES
        )
        config = self.CONFIG.format(tmp=self.tmp, port=self.port, modules=modules)
        (self.tmp / "apache2.conf").write_text(config, encoding="utf-8")
        command = [self.binary, "-X", "-f", str(self.tmp / "apache2.conf")]
        if os.geteuid() != 0:
            return command
        # Apache refuses to serve as root and would drop to a user who cannot read the test's
        # private folders: it runs as nobody, keeping only the power to read and write them.
        setpriv = shutil.which("setpriv") or "/usr/bin/setpriv"
        drop = ["--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        return [setpriv, *drop, "--inh-caps=+dac_override", "--ambient-caps=+dac_override", *command]


class Caddy(Server):
    name = package = "caddy"
    binary = shutil.which("caddy") or "/usr/bin/caddy"
    slash_status = 308
    CONFIG = """{{
	admin off
	auto_https off
}}
http://127.0.0.1:{port} {{
	import {tmp}/fake-farms.conf
}}
"""

    def command(self) -> list[str]:
        (self.tmp / "Caddyfile").write_text(
            self.CONFIG.format(tmp=self.tmp, port=self.port), encoding="utf-8"
        )
        return [self.binary, "run", "--config", str(self.tmp / "Caddyfile"), "--adapter", "caddyfile"]

    def environment(self) -> dict[str, str]:
        # Caddy keeps its state (an autosaved configuration, certificates) here, not in ~.
        return {
            **os.environ,
            "XDG_CONFIG_HOME": str(self.tmp / "config"),
            "XDG_DATA_HOME": str(self.tmp / "data"),
        }


@pytest.fixture(
    scope="module",
    params=[(server, build) for server in (Nginx, Apache, Caddy) for build in ("root", "sub-path")],
    ids=lambda param: f"{param[0].name}-{param[1]}",
)
def served(request, tmp_path_factory):
    """(the server, the build, its base path) for each server, on a root build and a sub-path build."""
    kind, build = request.param
    kind.require()  # before building the site
    site = request.getfixturevalue("shipped_site" if build == "root" else "shipped_subpath_site")
    base = "/" if build == "root" else urlsplit(SUBPATH_BASE).path
    server = kind(site, tmp_path_factory.mktemp(f"{kind.name}-{build}"))
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
    for name in ("index.html", "ru/data/index.html", "sitemap.xml", "robots.txt"):
        file = site / name
        assert file.suffix in COMPRESSIBLE
        address = base + name.removesuffix("index.html")
        status, headers, body = server.get(address, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("content-encoding") == "gzip", address
        assert headers["content-type"] == content_type(file.suffix), address
        assert gzip.decompress(body) == file.read_bytes() and "Accept-Encoding" in headers["vary"]


def test_each_language_answers_unknown_addresses_with_its_own_404_page(served):
    server, site, base = served
    for address, page in [
        (f"{base}no-such-page/", "404.html"),
        (f"{base}ru/no-such-page/", "ru/404.html"),
        (f"{base}ru/embed/no-such-chart/", "ru/404.html"),
        (f"{base}farms/no-such-farm/", "404.html"),
        (f"{base}assets/no-such-file.js", "404.html"),
    ]:
        status, headers, body = server.get(address)
        assert status == 404 and body == (site / page).read_bytes(), address
        assert headers["content-type"] == content_type(".html"), address
        assert "frame-ancestors 'none'" in headers["content-security-policy"], address
        assert "cache-control" not in headers, address  # a missing asset is not cached for a year


def test_the_builds_own_files_are_not_served(served):
    server, site, base = served
    for name in PRIVATE:
        assert server.get(base + name)[0] == 404, name


def test_moved_addresses_redirect(served):
    server, site, base = served
    moved = redirects(site)
    assert moved
    for old, new, status in moved:
        for accepted in ("identity", "gzip"):  # not the page left at the old address, compressed
            got, headers, _ = server.get(old, **{"Accept-Encoding": accepted})
            assert (got, server.leads_to(old, headers.get("location"))) == (status, new), old


def test_a_folder_asked_for_without_its_slash_gains_it(served):
    server, site, base = served
    status, headers, _ = server.get(f"{base}farms")
    assert (
        status == server.slash_status
        and server.leads_to(f"{base}farms", headers["location"]) == f"{base}farms/"
    )
