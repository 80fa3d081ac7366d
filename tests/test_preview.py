"""The preview: it reloads itself after a save, and shows problems in context, never crashing."""

from __future__ import annotations

import os

import pytest
from bs4 import BeautifulSoup

from fakefarms.build.preview import preview_app
from fakefarms.web.app import SITE_DIR
from tests.sitecheck import pages


@pytest.fixture
def preview(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)  # problems name files as an editor types them
    app = preview_app(content_copy, TESTING=True)
    return app.test_client()


def _problem_page(client):
    response = client.get("/")
    assert response.status_code == 500
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_a_problem_is_shown_with_its_lines(preview, content_copy):
    farms = content_copy / "farms.yaml"
    farms.write_text(farms.read_text().replace("    summary:", "    sumary:"), encoding="utf-8")
    soup = _problem_page(preview)
    (problem,) = soup.select("li.problem")
    assert "content/farms.yaml, line 5, column 5" in problem.select_one(".problem-where").text
    assert "unknown field 'sumary'" in problem.select_one(".problem-message").text
    assert problem.select_one(".problem-hint").text == "How to fix it: did you mean 'summary'?"
    lines = [line.get_text() for line in problem.select(".problem-lines > span")]
    assert lines == [
        "4      name: Pro-Matraimov farm",
        "5▶     sumary: Accounts that defended the Matraimovs.",
        "6      period: 2019–2020",
    ]
    assert problem.select_one(".problem-line").get_text().startswith("5▶")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: (d / "farms.yaml").write_text("farms:\n  - id: [x\n"), "farms.yaml"),
        (lambda d: (d / "actors.yaml").unlink(), "file is missing"),
        (lambda d: (d / "site.yaml").write_bytes(b"title: \xff\n"), "file is not UTF-8 text"),
    ],
)
def test_the_preview_never_crashes_on_broken_files(preview, content_copy, damage, message):
    damage(content_copy)
    assert message in _problem_page(preview).get_text()


def test_any_address_shows_the_problems_while_the_content_is_broken(preview, content_copy):
    (content_copy / "farms.yaml").write_text("farms:\n  - id: [x\n")
    response = preview.get("/farms/no-such-farm/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.select("li.problem") and "farms.yaml" in soup.select_one(".problem-where").text


def test_the_problem_page_keeps_the_sites_policy_and_reloads_itself(preview, content_copy):
    (content_copy / "actors.yaml").unlink()
    soup = _problem_page(preview)
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert policy is not None and "script-src 'self'" in policy["content"]
    assert not [s for s in soup.find_all("script") if not s.get("src")], "no inline script"
    script = soup.select_one("script[src$='__preview/reload.js']")
    assert script["data-version"] == preview.get("/__preview/version").get_data(as_text=True)


def test_the_version_stamp_changes_when_a_file_is_saved(preview, content_copy):
    before = preview.get("/__preview/version").get_data(as_text=True)
    path = content_copy / "timeline.yaml"
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    after = preview.get("/__preview/version").get_data(as_text=True)
    assert before != after


def test_an_editors_swap_and_backup_files_do_not_reload_the_page(preview, content_copy):
    before = preview.get("/__preview/version").get_data(as_text=True)
    for name in (".farms.yaml.swp", "farms.yaml~", ".#farms.yaml", "#farms.yaml#", "notes.txt"):
        (content_copy / name).write_text("typing…", encoding="utf-8")
    assert preview.get("/__preview/version").get_data(as_text=True) == before


def test_preview_pages_load_the_reload_script(preview):
    soup = BeautifulSoup(preview.get("/farms/").get_data(as_text=True), "html.parser")
    script = soup.select_one("script[src$='__preview/reload.js']")
    assert script is not None and script.has_attr("defer")
    assert script["data-version"] == preview.get("/__preview/version").get_data(as_text=True)
    response = preview.get("/__preview/reload.js")
    assert response.status_code == 200 and "location.reload()" in response.get_data(as_text=True)


def test_a_built_site_has_no_trace_of_the_preview(built_site):
    script = (SITE_DIR / "preview" / "reload.js").read_text(encoding="utf-8")
    for file in built_site.rglob("*"):
        assert "preview" not in file.relative_to(built_site).as_posix(), file
        if file.is_file() and file.suffix in {".html", ".js", ".css", ".txt", ".xml", ".csv"}:
            text = file.read_text(encoding="utf-8")
            assert "__preview" not in text and "data-version" not in text, file
            assert script not in text, file
    assert pages(built_site)


def test_a_new_yaml_file_shows_up_at_once(preview, content_copy):
    assert preview.get("/").status_code == 200
    (content_copy / "farms-extra.yml").write_text("farms: []\n", encoding="utf-8")
    assert "this file is not read by the site" in _problem_page(preview).get_text()


def test_an_unknown_address_gets_the_404_page(preview):
    """A mistyped address in the preview is the site's 404 page, as on a host, not a crash."""
    response = preview.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.select_one("main h1") and not soup.select("[aria-current=page]")


def test_an_address_that_would_disappear_is_shown_like_any_other_problem(preview, content_copy):
    listed = content_copy / "published-addresses.txt"
    listed.write_text(
        listed.read_text(encoding="utf-8") + "/farms/a-farm-once-published/\n", encoding="utf-8"
    )
    (problem,) = _problem_page(preview).select("li.problem")
    assert "/farms/a-farm-once-published/ would disappear" in problem.get_text()
    assert "published-addresses.txt" in problem.select_one(".problem-where").text
