"""Text from YAML is escaped: markup typed into content stays inert on the page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from fakefarms.build.publish import build_site
from fakefarms.content import ContentError
from fakefarms.outputs import markup
from tests.test_content_errors import replace

PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>'


def test_markup_in_prose_is_reported_tag_by_tag(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "farms.yaml", "They posted the same things.", f"'{PAYLOAD}'")
    with pytest.raises(ContentError) as caught:
        build_site(content_copy, content_copy.parent / "out")
    problems = [str(p) for p in caught.value.problems]
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"content/farms.yaml:13:{column}" for column in (20, 36, 45, 76, 107)
    ]
    assert all("would be shown as text" in p for p in problems)


def test_markup_in_plain_text_is_rendered_inert(content_copy, tmp_path):
    replace(content_copy / "actors.yaml", "role: Journalist", f"role: '{PAYLOAD}'")
    out = tmp_path / "out"
    build_site(content_copy, out)
    html = (out / "actors/orunbekov/index.html").read_text(encoding="utf-8")
    _assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not run


def test_the_prose_renderer_keeps_anything_that_slips_through_inert():
    html = markup.render(
        PAYLOAD + " [x](javascript:alert(4)) [y](data:text/html,z)", block=True, figure=str, site_link=str
    )
    _assert_inert(html)
    assert not BeautifulSoup(html, "html.parser").select("a[href^='data:']")


def _assert_inert(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert "alert(1)" not in " ".join(s.get_text() for s in soup.find_all("script"))
    assert not soup.find_all(attrs={"onerror": True})
    assert not soup.select("a[href^='javascript:']")


def test_javascript_address_is_refused(content_copy):
    replace(content_copy / "sources.yaml", "url: https://kloop.kg/", "url: javascript:alert(1)//")
    with pytest.raises(ContentError, match="is not an https:// address"):
        build_site(content_copy, content_copy.parent / "out")
