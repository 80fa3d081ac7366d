"""The static host that the browser tests and the Lighthouse benchmark use behaves as hosts do."""

from __future__ import annotations

import gzip
from http.client import HTTPConnection
from urllib.parse import urlsplit

import pytest

from fakefarms.build.hosts import HeadersFileError, parse_headers
from fakefarms.build.statichost import StaticSiteServer

HEADERS_FILE = """# every response, then hashed assets
/sub/*
  X-Frame-Options: DENY
  X-Note: all
/sub/assets/*
  Cache-Control: public, max-age=31536000, immutable
  X-Note: assets
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("host")
    files = {
        "index.html": "<h1>home</h1>",
        "farms/index.html": "<h1>farms</h1>",
        "404.html": "<h1>missing</h1>",
        "assets/app.1234.js": "let x = 1;",
        "data/table.csv": "year,count\n2020,3\n",
        "_headers": HEADERS_FILE,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "index.html.gz").write_bytes(gzip.compress(b"<h1>home</h1>", mtime=0))
    with StaticSiteServer(folder, "/sub/") as server:
        yield server


def get(server, path: str, **headers) -> tuple[int, dict[str, str], bytes]:
    connection = HTTPConnection(urlsplit(server.origin).netloc, timeout=5)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_a_folder_gets_its_index_and_gzip_clients_the_precompressed_copy(server):
    status, headers, body = get(server, "/sub/", **{"Accept-Encoding": "gzip, deflate"})
    assert (status, headers["Content-Encoding"], headers["Vary"]) == (200, "gzip", "Accept-Encoding")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert gzip.decompress(body) == b"<h1>home</h1>"
    status, headers, body = get(server, "/sub/")
    assert (status, body, "Content-Encoding" in headers) == (200, b"<h1>home</h1>", False)


def test_a_text_file_without_a_copy_is_sent_as_it_is(server):
    status, headers, body = get(server, "/sub/data/table.csv", **{"Accept-Encoding": "gzip"})
    assert (status, headers["Content-Type"], body) == (
        200,
        "text/csv; charset=utf-8",
        b"year,count\n2020,3\n",
    )
    assert "Content-Encoding" not in headers


def test_a_folder_without_its_slash_is_redirected(server):
    status, headers, _body = get(server, "/sub/farms?x=1")
    assert (status, headers["Location"]) == (301, "/sub/farms/?x=1")


@pytest.mark.parametrize(
    "path", ["/sub/no/such/page/", "/index.html", "/sub/../sub/index.html", "/sub/farms/index.htm"]
)
def test_anything_else_gets_the_404_page(server, path):
    status, headers, body = get(server, path)
    assert (status, headers["Content-Type"], body) == (404, "text/html; charset=utf-8", b"<h1>missing</h1>")


def test_every_matching_headers_rule_applies(server):
    _status, page, _body = get(server, "/sub/farms/")
    _status, asset, _body = get(server, "/sub/assets/app.1234.js")
    _status, missing, _body = get(server, "/sub/nothing")
    assert (page["X-Frame-Options"], page["X-Note"], "Cache-Control" in page) == ("DENY", "all", False)
    assert (asset["X-Frame-Options"], asset["X-Note"]) == ("DENY", "all, assets")
    assert asset["Cache-Control"] == "public, max-age=31536000, immutable"
    assert missing["X-Frame-Options"] == "DENY"


def test_headers_file_is_read_as_hosts_read_it():
    assert parse_headers(HEADERS_FILE + "/sub/*\n  X-Note: again\n") == {
        "/sub/*": {"X-Frame-Options": "DENY", "X-Note": "all, again"},
        "/sub/assets/*": {"Cache-Control": "public, max-age=31536000, immutable", "X-Note": "assets"},
    }
    with pytest.raises(HeadersFileError, match=r"^public/_headers:2: not 'Name: value' under a path"):
        parse_headers("/*\n  X-Frame-Options DENY\n", "public/_headers")
    with pytest.raises(HeadersFileError, match=r"^_headers:1: "):
        parse_headers("  X-Frame-Options: DENY\n")


def test_mount_must_be_a_folder(tmp_path):
    with pytest.raises(ValueError, match="mount must start and end with '/'"):
        StaticSiteServer(tmp_path, "/sub")
