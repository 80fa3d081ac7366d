"""Text from YAML is escaped: markup typed into content stays inert on the page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from fakefarms.content import ContentError
from fakefarms.publish import build_site
from tests.test_content_errors import replace

PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>'


def test_markup_in_text_is_rendered_inert(content_copy, tmp_path):
    replace(content_copy / "farms.yaml", "They posted the same things.", f"'{PAYLOAD}'")
    replace(content_copy / "actors.yaml", "role: Journalist", f"role: '{PAYLOAD}'")
    out = tmp_path / "out"
    build_site(content_copy, out)
    for page in ("farms/pro-matraimov/index.html", "actors/orunbekov/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert "alert(1)" not in " ".join(s.get_text() for s in soup.find_all("script"))
        assert not soup.find_all(attrs={"onerror": True})
        assert not soup.select("a[href^='javascript:']")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not run


def test_javascript_address_is_refused(content_copy):
    replace(content_copy / "sources.yaml", "url: https://kloop.kg/", "url: javascript:alert(1)//")
    with pytest.raises(ContentError, match="is not an https:// address"):
        build_site(content_copy, content_copy.parent / "out")
