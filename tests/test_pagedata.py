"""A page's data, worked out before its template runs, checked directly on the fixture content
(no site build): its notes numbered in reading order, the citations cited together, whether it
draws charts, its first key figure, and the words of its link-preview card."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pytest
from flask import request

from fakefarms.content import load_content
from fakefarms.content.model import Hook, ProfileCard
from fakefarms.outputs.cards import CardText
from fakefarms.outputs.charts import rendered_charts
from fakefarms.web.app import create_app
from fakefarms.web.pagedata import NO_DATA, PageData, current, page_card, page_data, render_page
from records.facts import Citation
from records.translation import Untranslated
from tests.fixturecontent import FIXTURE_CONTENT, translated_copy


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE_CONTENT)


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True, "CONTENT_DIR": FIXTURE_CONTENT})


@dataclass(frozen=True)
class Block:
    """A record of no kind the page model knows: its fields are read in order."""

    heading: str
    sources: list
    more: object = None


INTRO, METHOD, JAPAROV = Citation("kloop", "intro"), Citation("kloop", "method"), Citation("kloop", "japarov")
REPORT = Citation("oii-2020", "report")


def test_notes_are_numbered_in_reading_order(content):
    data = page_data(content, Block("a", [METHOD]), [Block("b", [INTRO, METHOD])], (REPORT,), METHOD)
    assert data.notes == {("kloop", "method"): 1, ("kloop", "intro"): 2, ("oii-2020", "report"): 3}
    assert list(data.notes) == [("kloop", "method"), ("kloop", "intro"), ("oii-2020", "report")]
    assert data.number(INTRO) == 2
    assert data.cited(3) == ("oii-2020", "report")
    assert data.cited(1) == ("kloop", "method")
    # A nested record's fields are read in order, its own fields before what follows it.
    data = page_data(content, Block("x", [JAPAROV], more=Block("y", [INTRO])), [METHOD])
    assert list(data.notes.values()) == [1, 2, 3]
    assert list(data.notes) == [("kloop", "japarov"), ("kloop", "intro"), ("kloop", "method")]


def test_citations_cited_together_make_a_group(content):
    data = page_data(
        content,
        Block("a", [JAPAROV, INTRO]),  # one mark citing two notes
        Block("b", [INTRO]),  # one note alone: no group
        Block("c", [INTRO, JAPAROV, INTRO]),  # the same two: listed once
        Block("d", [METHOD, METHOD]),  # one note twice: no group
        Block("e", [METHOD, REPORT, INTRO]),
        Block("f", [REPORT, "not a citation"]),  # not all citations: no group
    )
    assert data.notes == {
        ("kloop", "japarov"): 1,
        ("kloop", "intro"): 2,
        ("kloop", "method"): 3,
        ("oii-2020", "report"): 4,
    }
    assert data.groups == ((1, 2), (2, 3, 4))
    assert data.numbers([JAPAROV, INTRO, JAPAROV]) == (1, 2)
    assert data.numbers([REPORT, METHOD]) == (3, 4)
    assert data.numbers([]) == ()
    assert data.pop_ups() == [(1,), (2,), (3,), (4,), (1, 2), (2, 3, 4)]
    assert page_data(content, Block("a", [INTRO])).groups == ()


def test_notes_from_one_source_name_its_first_note(content):
    data = page_data(content, [JAPAROV, REPORT, INTRO, Citation("oii-2020", "methods"), METHOD])
    assert data.listed() == [
        (1, "kloop", "japarov", None),
        (2, "oii-2020", "report", None),
        (3, "kloop", "intro", 1),
        (4, "oii-2020", "methods", 2),
        (5, "kloop", "method", 1),
    ]
    assert page_data(content).listed() == [] and page_data(content).pop_ups() == []


def test_the_home_page_numbers_its_figures_and_charts_and_draws_charts(content):
    home = content.pages["home"]
    data = page_data(content, home)
    # The key figures at the top (analysed, pay: both cite kloop#intro), then section one's
    # passages (intro, method), its chart "pay" (intro), then section two's pair (japarov, intro).
    assert data.notes == {("kloop", "intro"): 1, ("kloop", "method"): 2, ("kloop", "japarov"): 3}
    assert data.groups == ((1, 3),)
    assert data.charts is True
    assert data.first_figure is content.figures["analysed"]
    assert (data.title, data.description) == ("", "")


def test_a_farm_page_lists_its_sources_before_its_figures(content):
    data = page_data(content, content.farms["pro-matraimov"])
    assert data.notes == {("kloop", "matraimov"): 1, ("kloop", "intro"): 2}
    assert data.first_figure is content.figures["analysed"]
    assert (data.charts, data.groups) == (False, ())


def test_the_first_figure_is_the_first_the_page_shows(content):
    figures = content.figures
    data = page_data(content, Block("a", [METHOD]), [figures["checked"], figures["pay"]], figures["analysed"])
    assert data.first_figure is figures["checked"]
    # A figure's own citations are notes of the page.
    assert data.notes == {("kloop", "method"): 1, ("kloop", "intro"): 2}
    assert page_data(content, Block("a", [METHOD])).first_figure is None
    # A section brings in its key figures after its heading, before its passages.
    section = dataclasses.replace(
        content.pages["home"].sections[0], figures=["worker-pay", "checked"], charts=[]
    )
    data = page_data(content, section)
    assert data.first_figure is figures["worker-pay"]
    assert list(data.notes) == [("kloop", "presidents"), ("kloop", "method"), ("kloop", "intro")]
    assert data.charts is False


def test_a_chart_drawn_by_plotly_needs_the_script_and_one_in_html_does_not(content):
    charts = rendered_charts(content)
    assert charts["farm-links"].figure is None and charts["counts"].figure is not None
    html = page_data(content, [charts["farm-links"]])
    assert html.charts is False
    assert html.notes == {("kloop", "matraimov"): 1}
    plotly = page_data(content, charts["farm-links"], charts["counts"])
    assert plotly.charts is True
    assert plotly.notes == {("kloop", "matraimov"): 1, ("kloop", "intro"): 2, ("kloop", "method"): 3}
    assert plotly.groups == ((2, 3),)
    assert page_data(content, charts["counts"], charts["farm-links"]).charts is True
    # A section brings in its charts with its passages.
    section = dataclasses.replace(content.pages["home"].sections[1], charts=["counts-apart"])
    data = page_data(content, section)
    assert data.charts is True
    assert list(data.notes) == [
        ("kloop", "japarov"),
        ("kloop", "intro"),
        ("kloop", "method"),
        ("kloop", "presidents"),
    ]


def test_a_section_with_a_timeline_brings_in_its_events(content):
    # The fixture's one "farm" event cites kloop#matraimov; they come after the passages.
    section = dataclasses.replace(content.pages["home"].sections[1], timeline="farm")
    data = page_data(content, section)
    assert list(data.notes) == [("kloop", "japarov"), ("kloop", "intro"), ("kloop", "matraimov")]
    plain = dataclasses.replace(section, timeline=None)
    assert list(page_data(content, plain).notes) == [("kloop", "japarov"), ("kloop", "intro")]


def test_a_page_with_a_hook_shows_it_before_its_figures(content):
    home = content.pages["home"]
    assert home.hook is None
    fields = {f.name: f for f in dataclasses.fields(ProfileCard)}
    card = ProfileCard(**{name: "x" for name in fields if fields[name].default is dataclasses.MISSING})
    hook = Hook("acc", card, "turn", card, "note", [REPORT])
    data = page_data(content, dataclasses.replace(home, hook=hook))
    assert list(data.notes)[:2] == [("oii-2020", "report"), ("kloop", "intro")]


def test_a_title_in_plain_words(app):
    """As the page's heading writes it, tags stripped: a text awaiting its translation keeps
    its note; a plain text keeps its characters as they are."""
    with app.test_request_context("/"):
        data = PageData({}, charts=False, title=Untranslated("Farms & <people>"))
        assert data.plain_title() == "Farms & <people> (translation to come)"
        assert PageData({}, charts=False, title="Farms & <people>").plain_title() == "Farms & <people>"
        assert PageData({}, charts=False).plain_title() == ""


def test_render_page_puts_the_data_on_the_request(app, content):
    with app.test_request_context("/"):
        assert current() is NO_DATA
        html = render_page(
            "404.html",
            (Block("a", [INTRO]),),
            title="Sources",
            content=content,
        )
        assert isinstance(html, str) and html
        data = current()
        assert data.notes == {("kloop", "intro"): 1}
        assert (data.title, data.description) == ("Sources", "Test site.")
    with app.test_request_context("/"):
        render_page("404.html", (), title="T", description="Described.", content=content)
        assert current().description == "Described."
        render_page("404.html", (), title="T", description="", content=content)
        assert current().description == ""


def test_a_page_card_shows_its_title_and_first_figure(app, content):
    with app.test_request_context("/"):
        text = page_card("/")
        assert text == CardText(
            title="The story",
            figure="approximately 800",
            figure_label="accounts analysed",
            site="Fake Farms",
            byline="A fixture explainer, based on fixture reporting",
        )
        assert page_card("/farms/pro-matraimov/").figure == "approximately 800"
        sources = page_card("/sources/")
        assert (sources.figure, sources.figure_label, sources.site) == ("", "", "Fake Farms")
        assert page_card("/no-such-page/") is None
        assert page_card("/sources/robots.txt") is None


def test_a_card_may_show_another_number(app, content):
    with app.test_request_context("/"):
        request.environ["fakefarms.card_only"] = True
        figure = content.figures["checked"]
        text = render_page(
            "404.html", (figure,), title=Untranslated("Checked"), card=("42", "things"), content=content
        )
        assert text == CardText(
            "Checked (translation to come)", "42", "things", "Fake Farms", str(content.site.byline)
        )
        text = render_page("404.html", (figure,), title="Checked", content=content)
        assert (text.figure, text.figure_label) == (
            "more than 120",
            "accounts the researchers checked by hand",
        )
        text = render_page("404.html", (), title="Nothing", content=content)
        assert (text.title, text.figure, text.figure_label) == ("Nothing", "", "")
        assert current() is NO_DATA  # asked for its card, the page is not rendered


def test_a_page_card_is_looked_up_as_a_page_is_read(app):
    """Whatever the request asking for it (a POST to the preview), a card is the page's as a
    reader's GET would show it; what is no page of the site (a file, a redirect) has no card."""
    with app.test_request_context("/", method="POST"):
        assert page_card("/").title == "The story"
    with app.test_request_context("/"):
        assert page_card("/robots.txt") is None
        assert page_card("/sitemap.xml") is None


def test_a_translated_page_has_a_card_in_its_language(tmp_path):
    translated = create_app({"TESTING": True, "CONTENT_DIR": translated_copy(tmp_path / "content")})
    with translated.test_request_context("/"):
        text = page_card("/ru/")
        english = page_card("/")
    assert text.title == "⟦The story⟧"
    assert text.site == "⟦Fake Farms⟧"
    assert english.title == "The story"
