"""The preview: it reloads itself after a save, and shows problems in context, never crashing."""

from __future__ import annotations

import os

import pytest
from bs4 import BeautifulSoup

from fakefarms.app import create_app
from tests.sitecheck import pages


@pytest.fixture
def preview(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)  # problems name files as an editor types them
    app = create_app({"CONTENT_DIR": content_copy, "LIVE_CONTENT": True, "TESTING": True})
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
    assert lines == ["4      name: Pro-Matraimov farm",
                     "5▶     sumary: Accounts that defended the Matraimovs.",
                     "6      period: 2019–2020"]
    assert problem.select_one(".problem-line").get_text().startswith("5▶")


@pytest.mark.parametrize(("damage", "message"), [
    (lambda d: (d / "farms.yaml").write_text("farms:\n  - id: [x\n"), "farms.yaml"),
    (lambda d: (d / "actors.yaml").unlink(), "file is missing"),
    (lambda d: (d / "site.yaml").write_bytes(b"title: \xff\n"), "file is not UTF-8 text"),
])
def test_the_preview_never_crashes_on_broken_files(preview, content_copy, damage, message):
    damage(content_copy)
    assert message in _problem_page(preview).get_text()


def test_the_version_stamp_changes_when_a_file_is_saved(preview, content_copy):
    before = preview.get("/__preview/version").get_data(as_text=True)
    path = content_copy / "timeline.yaml"
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    after = preview.get("/__preview/version").get_data(as_text=True)
    assert before != after


def test_preview_pages_load_the_reload_script(preview):
    soup = BeautifulSoup(preview.get("/farms/").get_data(as_text=True), "html.parser")
    script = soup.select_one("script[src$='__preview/reload.js']")
    assert script is not None
    response = preview.get("/__preview/reload.js")
    assert response.status_code == 200 and "location.reload()" in response.get_data(as_text=True)


def test_a_built_site_has_no_trace_of_the_preview(built_site):
    for file in built_site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".js", ".txt", ".xml"}:
            assert "__preview" not in file.read_text(encoding="utf-8"), file
    assert pages(built_site)
