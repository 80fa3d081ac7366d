"""The embed pages and their codes, as built."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from fakefarms.web.embeds import HEIGHT_MESSAGE
from tests.conftest import ROOT
from tests.sitecheck import file_for, pages, parsed


def embed_pages(built_site, language: str = ""):
    """A language's embeds as built, not their list, nor the pages left at the addresses of
    embeds that are gone, which send readers on."""
    folder = built_site / language / "embed"
    return [
        page for page in pages(built_site) if page.is_relative_to(folder) and page != folder / "index.html"
    ]


def test_each_embed_is_bare_credited_and_reports_its_height(built_site):
    embeds = embed_pages(built_site)
    assert len(embeds) >= 2
    for page in embeds:
        soup = parsed(page)
        assert soup.body["class"] == ["embedded"] and not soup.select("body > header, nav.menu")
        credit = soup.select_one(".embed-credit a")
        assert credit["target"] == "_top" and credit["href"].startswith("http://127.0.0.1/")
        # search engines list the full page the credit leads to, not the frame
        assert soup.select_one("link[rel=canonical]")["href"] == credit["href"], page
        assert not soup.find("meta", attrs={"name": "robots"})
        assert soup.find("script", src=lambda s: s and "/embed." in s), page
        # the calculator lists its sources; a chart, compact, links to the page that does
        told = soup.select_one(".chart-source a[target=_top]")
        if told:
            address = urlsplit(told["href"])
            place = file_for(built_site, address.path)
            chart = parsed(place).select_one(f"#{address.fragment}")
            assert chart is not None and chart.select(".chart-source .cite"), (page, told["href"])
        else:
            assert soup.select("section.notes li"), f"{page}: no sources"


@pytest.mark.parametrize("language", ["", "ru/"])
def test_the_codes_name_public_addresses_and_one_resizing_script(built_site, language):
    """Each language's embeds page gives its own language's embeds, and the one script."""
    soup = parsed(built_site / language / "embed" / "index.html")
    codes = [area.string for area in soup.select("textarea.embed-code")]
    assert len(codes) == len(embed_pages(built_site, language))
    for code in codes:
        iframe = BeautifulSoup(code, "html.parser")
        frame, script = iframe.find("iframe"), iframe.find("script")
        assert frame["src"].startswith(f"http://127.0.0.1/{language}embed/") and frame["title"]
        assert script["src"] == "http://127.0.0.1/embed/resize.js"
    assert (built_site / "embed" / "resize.js").is_file()


def test_both_sides_are_served_the_one_message_and_spell_it_nowhere(built_site):
    """The message is declared once, in embeds.py: both scripts are served inside the code
    that gives it to them (so code pasted before keeps working), and neither spells it."""
    for script in ("embed.js", "embed-host.js"):
        text = (ROOT / "site" / "static" / "js" / script).read_text(encoding="utf-8")
        assert HEIGHT_MESSAGE not in text and "heightMessage" in text, script
    served = [
        (built_site / "embed" / "resize.js").read_text(encoding="utf-8"),
        *(p.read_text(encoding="utf-8") for p in (built_site / "assets").rglob("embed.*.js")),
    ]
    assert len(served) == 2
    for text in served:
        assert text.startswith("((heightMessage) => {") and f'}})("{HEIGHT_MESSAGE}");' in text
