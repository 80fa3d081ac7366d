"""Link-preview cards: every page but the 404 names its own 1200×630 PNG, drawn from its title."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

from PIL import Image

from fakefarms.outputs.cards import CardText, _font, card_png
from tests.sitecheck import pages, parsed

MAX_BYTES = 200_000


def test_every_page_has_its_own_complete_card(built_site):
    seen = set()
    for page in pages(built_site):
        soup = parsed(page)
        meta = {
            tag.get("property") or tag.get("name"): tag["content"]
            for tag in soup.find_all("meta")
            if tag.get("content")
        }
        if page.name == "404.html":
            assert "og:image" not in meta and meta["twitter:card"] == "summary"
            continue
        image = meta["og:image"]
        # absolute with --base-url
        assert image.startswith(("http://127.0.0.1/cards/", "http://127.0.0.1/ru/cards/")), page
        assert image not in seen, f"{page}: shares its card"
        seen.add(image)
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["og:image:alt"].startswith(meta["og:title"])
        assert meta["twitter:card"] == "summary_large_image"
        for name in ("og:title", "og:description", "og:type", "og:locale", "og:url"):
            assert meta.get(name), (page, name)
        file = built_site / urlsplit(image).path.lstrip("/")
        assert file.stat().st_size <= MAX_BYTES, f"{file}: {file.stat().st_size} bytes"
        with Image.open(file) as png:
            assert (png.format, png.size) == ("PNG", (1200, 630))


def test_a_card_is_the_same_bytes_every_time_and_differs_by_page():
    text = CardText(
        "The same fake profiles cheered one party",
        "approximately 800",
        "accounts analysed",
        "Fake Farms",
        "An explainer",
    )
    assert card_png(text) == card_png(text)
    assert card_png(text) != card_png(CardText("Another title", site="Fake Farms"))


def test_the_card_font_draws_cyrillic():
    """Not the 'missing glyph' box: two Cyrillic letters draw differently."""
    font = _font(True, 48)
    assert font.getmask("Ж").getbbox() != font.getmask("Д").getbbox()
    png = card_png(CardText("Сколько стоит ферма фейков", site="Fake Farms"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630)


def _card_and_page(path: str):
    """The card's words for a page of the fixture content, worked out from the page's data,
    and the page as the app serves it (and the build writes it)."""
    from bs4 import BeautifulSoup

    from fakefarms.web.app import create_app
    from fakefarms.web.pagedata import page_card
    from tests.conftest import FIXTURE_CONTENT

    app = create_app({"TESTING": True, "CONTENT_DIR": FIXTURE_CONTENT})
    with app.test_request_context("/"):
        text = page_card(path)
    response = app.test_client().get(path)
    assert response.status_code == 200, path
    return text, BeautifulSoup(response.get_data(as_text=True), "html.parser")


def _shown(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_a_card_shows_the_title_and_first_key_figure_the_page_shows():
    """The card draws its number big and what it counts beneath: the page's first key figure
    as the page shows it, with its label, under the page's own title."""
    from fakefarms.content import load_content
    from tests.conftest import FIXTURE_CONTENT

    figures = load_content(FIXTURE_CONTENT).figures
    for path in ("/", "/farms/pro-matraimov/", "/kordai/"):
        text, page = _card_and_page(path)
        first = page.select_one("li.keyfig")
        assert first is not None, f"{path}: no key figures to check"
        assert text.title == page.find("meta", property="og:title")["content"], path
        assert text.figure == _shown(first.select_one(".keyfig-number")), path
        assert any(c.isdigit() for c in text.figure), path
        assert text.figure_label == str(figures[first["id"].removeprefix("fig-")].label), path


def test_the_calculators_card_shows_its_default_estimate():
    text, page = _card_and_page("/calculator/")
    assert text.figure == _shown(page.select_one("#out-monthly"))
    assert any(c.isdigit() for c in text.figure)
    assert text.figure_label == _shown(page.select_one("#out-arithmetic"))


def test_a_page_without_key_figures_has_a_card_of_its_title_alone():
    text, page = _card_and_page("/sources/")
    assert text.title == page.find("meta", property="og:title")["content"]
    assert (text.figure, text.figure_label) == ("", "")
