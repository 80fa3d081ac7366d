"""Pages render, parse and link correctly; builds are atomic and reproducible."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from fakefarms.build.preview import preview_app
from fakefarms.build.publish import build_site
from fakefarms.content import ContentError
from fakefarms.web.views import page_addresses
from tests.conftest import ROOT, SUBPATH_BASE
from tests.sitecheck import broken_links, file_for, pages, parsed, url_of


def all_paths(app) -> list[str]:
    """Every HTML page's path."""
    with app.test_request_context():
        paths = {p for p in page_addresses() if p.endswith("/")}
    return sorted(paths) + ["/404.html"]


def test_every_page_returns_200_and_parses(app, client):
    for path in all_paths(app):
        response = client.get(path)
        assert response.status_code == 200, path
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        assert soup.html["lang"] == ("ru" if path.startswith("/ru/") else "en"), path
        assert soup.find("main", id="main"), path
        assert len(soup.find_all("h1")) == 1, path
        assert soup.select_one("a.skip-link[href='#main']"), path
        assert soup.find("title").get_text(strip=True), path
        assert soup.select_one("meta[name=description]")["content"], path


def test_pages_carry_canonical_and_open_graph(app, client):
    soup = BeautifulSoup(client.get("/farms/").get_data(as_text=True), "html.parser")
    assert soup.select_one("link[rel=canonical]")["href"] == SUBPATH_BASE + "farms/"
    assert soup.select_one("meta[property='og:url']")["content"] == SUBPATH_BASE + "farms/"
    assert soup.select_one("meta[property='og:title']")["content"].startswith("The farms")


def test_unknown_addresses_are_404(client):
    assert client.get("/farms/no-such-farm/").status_code == 404
    assert client.get("/actors/nobody/").status_code == 404
    assert client.get("/assets/css/site.0000000000.css").status_code == 404


def test_timeline_is_grouped_by_year_with_link_filters(client, content):
    soup = BeautifulSoup(client.get("/timeline/").get_data(as_text=True), "html.parser")
    years = [int(h.get_text()) for h in soup.select("section.year > h2")]
    assert years == sorted(years) and years == sorted({e.date.year for e in content.events})
    items = soup.select("section.year ol.events > li")
    assert len(items) == len(content.events)
    filters = [a["href"] for a in soup.select("nav.filters a")]
    # a filter for each farm, person and group that has events
    assert {f"farm/{farm}/" for farm in content.farms if content.events_for(farm=farm)} <= set(filters)
    assert {f"actor/{actor}/" for actor in content.actors if content.events_for(actor=actor)} <= set(filters)


def test_timeline_filter_shows_only_that_farm(client, content):
    farms = [farm for farm in content.farms if content.events_for(farm=farm)]
    assert farms and any(len(content.events_for(farm=farm)) < len(content.events) for farm in farms)
    for farm_id in farms:
        soup = BeautifulSoup(client.get(f"/timeline/farm/{farm_id}/").get_data(as_text=True), "html.parser")
        shown = {li["id"].removeprefix("event-") for li in soup.select("ol.events > li")}
        assert shown == {e.id for e in content.events_for(farm=farm_id)}


def test_frozen_site_has_every_page(built_site, app):
    for path in all_paths(app):
        assert file_for(built_site, path), path
    assert (built_site / "sitemap.xml").is_file() and (built_site / "robots.txt").is_file()


def test_sitemap_lists_absolute_addresses(built_subpath_site):
    tree = ElementTree.parse(built_subpath_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in tree.findall("s:url/s:loc", namespace)]
    assert locs and all(loc.startswith(SUBPATH_BASE) for loc in locs)
    assert SUBPATH_BASE + "farms/" in locs


def test_the_sitemap_lists_every_page_search_engines_may_index_and_nothing_else(built_subpath_site):
    """A page is listed when it may be indexed (no robots noindex) and is its own canonical
    address: the open data and the embeds' index are; an embed, whose canonical address is its
    full page, and the 404 pages are not."""
    tree = ElementTree.parse(built_subpath_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall("s:url/s:loc", namespace)}
    indexable = set()
    for page in pages(built_subpath_site):
        soup = parsed(page)
        robots = soup.find("meta", attrs={"name": "robots"})
        canonical = soup.find("link", rel="canonical")
        own = url_of(built_subpath_site, page, "/fake-farms/", "https://example.org")
        if not (robots and "noindex" in robots["content"]) and canonical and canonical["href"] == own:
            indexable.add(own)
    assert listed == indexable, (sorted(indexable - listed)[:5], sorted(listed - indexable)[:5])
    assert {SUBPATH_BASE + "data/", SUBPATH_BASE + "ru/embed/"} <= listed


def test_root_build_links_resolve(built_site):
    assert broken_links(built_site, "/") == []


def test_subpath_build_links_resolve(built_subpath_site):
    assert broken_links(built_subpath_site, "/fake-farms/") == []


def test_links_resolve_check_can_fail(tmp_path):
    (tmp_path / "index.html").write_text('<a href="missing/">x</a><a href="#nowhere">y</a>')
    assert len(broken_links(tmp_path)) == 2


def test_rebuild_is_byte_identical(built_site, fixture_content, tmp_path):
    """Built again from the command line, in a fresh process that shares nothing with this one
    (no loaded content, no drawn chart or card): the same files, byte for byte."""
    again = tmp_path / "again"
    subprocess.run(
        [
            sys.executable,
            "build.py",
            "build",
            "--content",
            str(fixture_content),
            "--out",
            str(again),
            "--base-url",
            "http://127.0.0.1/",
            "--no-card-cache",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    comparison = filecmp.dircmp(built_site, again)
    assert_same_tree(comparison)


def assert_same_tree(comparison: filecmp.dircmp) -> None:
    assert not comparison.left_only and not comparison.right_only, comparison.report()
    _, mismatch, errors = filecmp.cmpfiles(
        comparison.left, comparison.right, comparison.common_files, shallow=False
    )
    assert not mismatch and not errors, (comparison.left, comparison.right, mismatch)
    for sub in comparison.subdirs.values():
        assert_same_tree(sub)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_leaves_previous_output_untouched(content_copy, tmp_path):
    out = tmp_path / "public"
    build_site(content_copy, out)
    before = snapshot(out)
    (content_copy / "farms.yaml").write_text("farms: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        build_site(content_copy, out)
    assert snapshot(out) == before
    assert sorted(os.listdir(tmp_path)) == ["content", "public"]  # no staging left behind


def test_page_that_404s_fails_build_and_keeps_output(content_copy, tmp_path, monkeypatch):
    from fakefarms.build.publish import BuildError

    out = tmp_path / "public"
    build_site(content_copy, out)
    before = snapshot(out)
    monkeypatch.setattr("fakefarms.build.publish.page_addresses", lambda: ["/farms/", "/farms/no-such-farm/"])
    with pytest.raises(BuildError, match="^Unexpected status '404 NOT FOUND' on URL /farms/no-such-farm/$"):
        build_site(content_copy, out)
    assert snapshot(out) == before


def test_a_failing_view_names_its_error(content_copy, tmp_path, monkeypatch):
    """An exception in a view reaches the build as one line, whatever its type."""
    from fakefarms.build.publish import BuildError
    from fakefarms.web import views

    class Unusual(Exception):
        def __init__(self, a, b):
            super().__init__(f"{a} and {b}")

    def broken(*args, **kwargs):
        raise Unusual("this", "that")

    monkeypatch.setattr(views, "render_page", broken)
    with pytest.raises(BuildError, match="^rendering failed: Unusual: this and that$"):
        build_site(content_copy, tmp_path / "out")


def test_preview_shows_content_errors_on_the_page(content_copy, capsys):
    app = preview_app(content_copy, TESTING=True)
    client = app.test_client()
    assert client.get("/").status_code == 200
    (content_copy / "farms.yaml").write_text(
        (content_copy / "farms.yaml").read_text().replace("    summary:", "    sumary:")
    )
    response = client.get("/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "unknown field 'sumary'" in soup.find("ol").get_text()
    assert "unknown field 'sumary'" in capsys.readouterr().err


def test_fixture_site_builds(content_copy, tmp_path):
    out = tmp_path / "out"
    report = build_site(content_copy, out)
    assert report.files == len([p for p in out.rglob("*") if p.is_file()])
    assert pages(out)


def test_no_page_shows_markup_as_text(built_site):
    """Editors' prose becomes HTML once: no tag is ever escaped into visible text (code for
    readers to copy, in a <textarea>, is meant to show its tags)."""
    for page in pages(built_site):
        text = re.sub(r"<textarea[^>]*>.*?</textarea>", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"&lt;/?[a-z]+( [^&]*)?&gt;", text), page
