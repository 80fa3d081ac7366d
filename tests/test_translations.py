"""The Russian edition: the same facts as the English, every text translated, every interface
string from the catalogs, and the check that names what is missing or different."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from gettext import NullTranslations
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from fakefarms.content import load_content
from fakefarms.content.catalogs import CATALOGS, catalog_path, replaced
from fakefarms.content.loader import read_originals
from fakefarms.web.app import create_app
from records.translation import Untranslated, words_of
from tests.conftest import ROOT, SHIPPED_CONTENT, SUBPATH_BASE
from tests.fixturecontent import pseudo
from tests.sitecheck import pages, parsed
from tests.test_content_errors import problems_for, replace


def _twins(built_site: Path):
    """(English page, its Russian twin) for every page of the built site."""
    for page in pages(built_site):
        relative = page.relative_to(built_site)
        if relative.parts[0] != "ru":
            yield page, built_site / "ru" / relative


def test_every_english_page_has_a_russian_twin_with_the_same_figures(built_site, content):
    compared = set()
    for english, russian in _twins(built_site):
        assert russian.is_file(), f"{english} has no Russian twin"
        figures = []
        for page in (english, russian):
            soup = parsed(page)
            figures.append([(d["data-figure"], d["value"]) for d in soup.select("data[data-figure]")])
            assert soup.html["lang"] == ("ru" if page == russian else "en")
        # the same figures, in the order each language's sentences put them
        assert sorted(figures[0]) == sorted(figures[1]), english
        compared |= {figure for figure, _value in figures[0]}
    # the comparison met every key figure the content shows as a card
    cards = {f for page in content.pages.values() for f in page.figures}
    cards |= {f for farm in content.farms.values() for f in farm.figures}
    assert cards and cards <= compared, cards - compared


def test_twins_link_each_other_with_hreflang(built_site):
    for english, russian in _twins(built_site):
        for page, other in ((english, "ru"), (russian, "en")):
            soup = parsed(page)
            if not soup.select_one(".site-header") or page.name == "404.html":
                continue  # redirects, embeds and the 404 page, which hosts serve at any address
            languages = {a["hreflang"] for a in soup.select("link[rel=alternate][hreflang]")}
            assert languages == {"en", "ru", "x-default"}, page
            switch = soup.select_one(f'.language-switch a[hreflang="{other}"]')
            assert switch, page
            target = (page.parent / switch["href"]).resolve()
            expected = russian if page == english else english
            assert target == expected.parent.resolve() or target == expected.resolve(), page


def test_every_hreflang_and_sitemap_twin_is_a_built_page(built_subpath_site):
    """Under a sub-path, with absolute addresses: each language link of each page, and each
    alternate of the sitemap, names a page the build wrote."""

    def built(url: str) -> Path:
        assert url.startswith(SUBPATH_BASE), url
        path = built_subpath_site / url.removeprefix(SUBPATH_BASE)
        return path / "index.html" if url.endswith("/") else path

    linked = 0
    for page in pages(built_subpath_site):
        soup = parsed(page)
        for link in soup.select("link[rel=alternate][hreflang]"):
            assert built(link["href"]).is_file(), (page, link["href"])
        linked += bool(soup.select("link[rel=alternate][hreflang]"))
    sitemap = ElementTree.parse(built_subpath_site / "sitemap.xml")
    alternates = list(sitemap.iter("{http://www.w3.org/1999/xhtml}link"))
    for link in alternates:
        assert built(link.get("href")).is_file(), link.get("href")
    # every page with a twin names it: in English, Russian and as the default, in the page
    # and in the sitemap
    twinned = [
        url
        for url in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}url")
        if url.find("{http://www.w3.org/1999/xhtml}link") is not None
    ]
    assert twinned and len(alternates) == 3 * len(twinned)
    assert linked >= len(twinned)


def test_the_russian_calculator_gives_the_english_estimates(app):
    client = app.test_client()
    pages = {}
    for prefix in ("", "/ru"):
        soup = BeautifulSoup(client.get(f"{prefix}/calculator/").get_data(as_text=True), "html.parser")
        pages[prefix] = soup
    for english, russian in zip(
        pages[""].select(".preset-table tbody tr"), pages["/ru"].select(".preset-table tbody tr"), strict=True
    ):
        digits = [re.sub(r"\D", "", cell.get_text()) for cell in english.select("td")[:1]]
        assert digits == [re.sub(r"\D", "", cell.get_text()) for cell in russian.select("td")[:1]]
    assert "\u00a0$" in pages["/ru"].select_one("#out-monthly").get_text()


# -- the check --------------------------------------------------------------------


#: A key figure of the fixture's, with a label to translate.
FIGURE = "analysed"


@pytest.fixture
def translated_copy(fixture_content, tmp_path) -> Path:
    """A writable copy of the fixture content, with its (pseudo-)Russian translation."""
    return shutil.copytree(fixture_content, tmp_path / "content")


def _warnings(directory: Path) -> list[str]:
    """What the check says about the Russian edition."""
    return [str(w) for w in load_content(directory).warnings if "/ru/" in w.path]


def test_a_sources_publisher_is_translated(client, content):
    """A publisher's name is words of the page's language ("Министерство юстиции США (по
    сообщению CNET)"), not the English left unmarked on a Russian page."""
    russian = BeautifulSoup(client.get("/ru/sources/").get_data(as_text=True), "html.parser").get_text(" ")
    for source in content.sources.values():
        assert pseudo(source.publisher) in russian, source.id
        assert content.translations["ru"].sources[source.id].publisher == pseudo(source.publisher)


def test_a_missing_russian_text_is_a_warning_and_shows_the_english(translated_copy):
    path = translated_copy / "ru" / "figures.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith(f"- id: {FIGURE}\n"))
    label = next(i for i in range(number + 1, len(lines)) if lines[i].lstrip().startswith("label:"))
    del lines[label]
    path.write_text("".join(lines), encoding="utf-8")
    (warning,) = _warnings(translated_copy)
    assert warning.split(":")[0].endswith("ru/figures.yaml")
    assert f"figures['{FIGURE}'].label: warning: not translated yet" in warning
    russian = load_content(translated_copy).translations["ru"].figures[FIGURE]
    english = load_content(translated_copy).figures[FIGURE]
    assert russian.label == english.label and isinstance(russian.label, Untranslated)


def test_a_translation_must_keep_the_figures_and_links_of_the_english(translated_copy, content):
    home = translated_copy / "ru" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    token = re.search(r"\{fig:[a-z0-9-]+\}", text).group(0)
    number = content.figures[token[5:-1]].number_text("en")
    home.write_text(text.replace(token, number, 1), encoding="utf-8")
    kept, *retyped = problems_for(translated_copy)
    assert "does not keep the original's tokens and links" in kept
    assert token in kept
    # and where the number typed in is a key figure's, the Russian retypes it
    assert retyped and all("retypes the key figure" in p for p in retyped)


def test_facts_cannot_be_changed_in_a_translation(translated_copy):
    replace(translated_copy / "ru" / "figures.yaml", f"- id: {FIGURE}\n", f"- id: {FIGURE}\n  value: 6\n")
    (problem,) = problems_for(translated_copy)
    assert "'value' is not text to translate" in problem
    assert "change them in the original file" in problem


def test_an_item_the_english_lacks_is_reported(translated_copy):
    replace(translated_copy / "ru" / "figures.yaml", f"- id: {FIGURE}\n", "- id: farms-lost\n")
    (problem,) = problems_for(translated_copy)
    assert "figures['farms-lost']: no item with id 'farms-lost' in the original" in problem


def test_a_missing_translation_file_shows_the_english_and_says_how_to_start_one(translated_copy):
    (translated_copy / "ru" / "kordai.yaml").unlink()
    (warning,) = _warnings(translated_copy)
    assert "ru/kordai.yaml:1:1: (the whole file): warning: not translated yet" in warning
    assert "python build.py translate LANGUAGE FILE" in warning
    page = load_content(translated_copy).translations["ru"].pages["kordai"]
    assert isinstance(page.title, Untranslated)


def test_translate_prints_a_files_words_in_the_shape_of_its_translation(fixture_content):
    result = subprocess.run(
        [sys.executable, "build.py", "translate", "ru", "figures.yaml", "--content", str(fixture_content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    words = yaml.safe_load(result.stdout)
    first = words["figures"][0]
    assert set(first) <= {"id", "label", "note", "wording", "worked_out"}  # no numbers
    values, _ = read_originals(fixture_content)
    assert words == words_of(values["figures.yaml"])


# -- the interface catalogs ---------------------------------------------------------


def _extracted(tmp_path: Path) -> Path:
    """The catalogs' template as `make translations` extracts it, with the Makefile's keywords."""
    out = tmp_path / "messages.pot"
    line = next(
        line
        for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
        if line.startswith("BABEL_KEYWORDS :=")
    )
    subprocess.run(
        [
            Path(sys.executable).parent / "pybabel",
            "extract",
            "-F",
            "babel.cfg",
            *line.split(":=", 1)[1].split(),
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    return out


def test_the_catalogs_template_is_up_to_date_and_russian_translates_all_of_it(tmp_path):
    fresh = _extracted(tmp_path)
    assert fresh.read_text(encoding="utf-8") == (CATALOGS / "messages.pot").read_text(encoding="utf-8"), (
        "run: make translations"
    )
    with fresh.open("rb") as template, catalog_path("ru").open("rb") as russian:
        wanted, catalog = read_po(template), read_po(russian)
    for message in wanted:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        assert found is not None and not found.fuzzy, message.id
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        assert all(strings), f"no Russian for {message.id!r}"
        if isinstance(found.string, tuple):
            assert len(strings) == 3, message.id  # one, few, many


class Pseudo(NullTranslations):
    """Every interface string wrapped in ⟦…⟧, so text outside the marks bypassed the
    catalogs."""

    def gettext(self, message):
        return f"⟦{message}⟧"

    def ngettext(self, singular, plural, n):
        return f"⟦{singular if n == 1 else plural}⟧"

    def pgettext(self, context, message):
        return f"⟦{message}⟧"


def _pseudo_translation(directory: Path) -> None:
    """content/ru/ with every text of the English wrapped in ⟦…⟧."""
    values, _ = read_originals(directory)

    def wrap(value):
        if isinstance(value, str):
            return f"⟦{value}⟧"
        if isinstance(value, list):
            return [wrap(v) for v in value]
        return {k: (v if k in ("id", "actor") else wrap(v)) for k, v in value.items()}

    for filename, value in values.items():
        words = words_of(value)
        if words:
            (directory / "ru" / filename).write_text(
                yaml.safe_dump(wrap(words), allow_unicode=True), encoding="utf-8"
            )


MARKED = re.compile(r"⟦[^⟦⟧]*⟧")


def test_no_english_interface_text_bypasses_the_catalogs(tmp_path):
    """A pseudo-translation: every interface string and every content text wrapped in marks.
    What is left on a Russian page outside them came from neither, and must have no Latin
    words (the English names of sources, marked lang="en", fake accounts' names as the source
    spells them, marked translate="no", and the switch to English aside)."""
    directory = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, directory)
    _pseudo_translation(directory)
    app = create_app({"TESTING": True, "CONTENT_DIR": directory})
    client = app.test_client()
    leaks = []
    with replaced("ru", Pseudo()), app.test_request_context():
        from fakefarms.web.views import page_addresses

        addresses = [a for a in page_addresses("ru") if a.endswith("/")] + ["/ru/404.html"]
    with replaced("ru", Pseudo()):
        for address in addresses:
            soup = BeautifulSoup(client.get(address).get_data(as_text=True), "html.parser")
            # names kept as the source spells them are marked translate="no"
            for hidden in soup.select(
                "script, style, textarea, pre, code, [translate=no], [lang]:not([lang=ru])"
            ):
                hidden.decompose()
            text = soup.get_text(" ")
            while MARKED.search(text):
                text = MARKED.sub(" ", text)
            words = set(re.findall(r"[A-Za-z]{2,}", text))
            if words:
                leaks.append(f"{address}: {sorted(words)[:12]}")
    assert not leaks, "\n".join(leaks)


def test_a_translation_file_that_does_not_parse_is_reported_not_a_crash(translated_copy):
    farms = translated_copy / "ru" / "farms.yaml"
    farms.write_text(
        farms.read_text(encoding="utf-8").replace("heading: ", "heading: x: ", 1), encoding="utf-8"
    )
    (problem,) = problems_for(translated_copy)
    assert "ru/farms.yaml" in problem and 'the text contains ": "' in problem
