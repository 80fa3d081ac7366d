"""The story's rules as the code applies them, on the fixture content and the site built from
it: citations, allegations beside their responses, worked-out values, the checklist.

Whether the shipped content keeps the editorial rules is checked in tests/test_editorial.py."""

from __future__ import annotations

import re

import pytest

from fakefarms.content.model import Link, Passage
from records.facts import Citation
from records.walk import walk
from tests.sitecheck import in_edition, pages, parsed, parsed_scripted


@pytest.mark.rule("references-resolve")
def test_every_citation_resolves(content):
    citations = [(path, c) for path, c in walk(content) if isinstance(c, Citation)]
    assert len(citations) > 100
    for path, citation in citations:
        source = content.sources.get(citation.source)
        assert source, path
        assert citation.section in {s.id for s in source.sections}, path


@pytest.mark.rule("facts-cited")
def test_every_fact_passage_is_cited(content):
    for path, passage in walk(content):
        if isinstance(passage, Passage) and passage.kind == "fact":
            assert passage.sources, path


@pytest.mark.rule("allegations-answered")
def test_every_allegation_has_basis_and_response(content):
    alleged = [
        (path, link) for path, link in walk(content) if isinstance(link, Link) and link.kind == "alleged"
    ]
    assert alleged
    for path, link in alleged:
        allegation = link.allegation
        assert allegation.alleged_by.strip() and allegation.basis.strip(), path
        assert link.response.text.strip(), path
        assert link.response.summary_in().strip(), path


def test_responses_sit_beside_allegations(built_site, content):
    shown = 0
    for page in pages(built_site):
        soup = parsed(page)
        for block in soup.select(".allegation"):
            parts = [child["class"][0] for child in block.find_all("div", recursive=False)]
            assert parts == ["allegation-claim", "allegation-response"], page
            shown += 1
    alleged = sum(1 for f in content.farms.values() for link in f.links if link.allegation)
    # once on the farm's page, once on the person's, in each language
    assert shown == 2 * alleged * (1 + len(content.translations))


def _links(content):
    return [(farm, link) for farm in content.farms.values() for link in farm.links]


def _actor_page(built_site, actor_id):
    return parsed(built_site / "actors" / actor_id / "index.html")


def _links_data(built_site, content) -> str:
    """The data file of the chart of who the sources link to each farm."""
    (chart,) = [chart for chart in content.charts.values() if chart.kind == "links"]
    return (built_site / "charts" / f"{chart.id}.csv").read_text(encoding="utf-8")


def test_every_statement_of_a_response_is_shown_wherever_the_response_is(built_site, content):
    csv_text = _links_data(built_site, content)
    with_statements = [
        (farm, link) for farm, link in _links(content) if link.response and len(link.response.statements) > 1
    ]
    assert with_statements  # a response of more than one statement (refused, then denied)
    for farm, link in with_statements:
        shown = [_actor_page(built_site, link.actor), parsed(built_site / "farms" / farm.id / "index.html")]
        for soup in shown:
            items = [li.get_text(" ", strip=True).lower() for li in soup.select(".statements li")]
            for statement in link.response.statements:
                assert any(statement.summary.lower() in item for item in items), (link.actor, statement)
        for statement in link.response.statements:
            assert statement.summary.lower() in csv_text.lower(), (link.actor, statement)


def test_a_person_is_alleged_only_where_an_allegation_about_them_is_recorded(built_site, content):
    alleged = {link.actor for _farm, link in _links(content) if link.kind == "alleged"}
    for actor_id in content.actors:
        tags = _actor_page(built_site, actor_id).select(".tag-alleged")
        assert bool(tags) == (actor_id in alleged), actor_id
    rows = _links_data(built_site, content).splitlines()
    marked = {row.split(",")[0] for row in rows if ",Alleged link," in row}
    assert marked == {content.actors[a].name for a in alleged}


def test_each_source_links_an_archived_copy(built_site, content):
    soup = parsed(built_site / "sources" / "index.html")
    for source in content.sources.values():
        archived = f"https://web.archive.org/web/{source.url}"
        assert soup.select_one(f"#source-{source.id} a[href='{archived}']"), source.id
    # and the page says why, in the site's words
    why = " ".join(soup.select_one("#archives").get_text(" ").split())
    assert " ".join(content.site.archives.split()) in why


def _charts_of(content, *kinds):
    return [chart for chart in content.charts.values() if chart.kind in kinds]


def test_worked_out_values_are_marked_on_the_page(built_site, content):
    """A date or a number the editors worked out, where the source gives it only indirectly,
    says so on the timeline and in the data of every chart that draws it."""
    worked = [e for e in content.events if e.worked_out]
    assert worked
    soup = parsed(built_site / "timeline" / "index.html")
    for event in worked:
        assert "worked out" in soup.select_one(f"#event-{event.id}").get_text().lower()
    drawn = 0
    for chart in _charts_of(content, "timeline", "chronology"):
        data = (built_site / "charts" / f"{chart.id}.csv").read_text(encoding="utf-8")
        for event in worked:
            if chart.category in (None, event.category):
                assert f"worked out by the editors: {event.worked_out}" in data, (chart.id, event.id)
                drawn += 1
    # a bar for a figure the source does not give as one exact number ("over 205,000") is
    # drawn at a number of the editors' choosing (205,000), and its data says so
    for chart in _charts_of(content, "figures"):
        data = (built_site / "charts" / f"{chart.id}.csv").read_text(encoding="utf-8")
        for figure in (content.figures[f] for f in chart.figures):
            if figure.hedge or figure.wording or figure.value is None:
                assert f"worked out by the editors from “{content.figure_text(figure)}”" in data, (
                    chart.id,
                    figure.id,
                )
                drawn += 1
    assert drawn


def test_an_entry_that_starts_with_its_date_starts_with_a_capital(built_site, content):
    """A month alone is lower case in running Russian («в августе», «август 2019 г.»), but a
    timeline entry starts with its date, which then takes its capital («Август 2019 г.»)."""
    months = [e for e in content.events if e.date.precision == "month" and not e.date_label]
    assert months
    for path in ("timeline", "ru/timeline"):
        soup = parsed(built_site / path / "index.html")
        for event in months:
            date = soup.select_one(f"#event-{event.id} .event-date time").get_text()
            assert date[:1].isupper(), (path, date)


def test_rendered_figures_equal_their_yaml_values(built_site, content):
    checked = set()
    for page in pages(built_site):
        soup = parsed(page)
        for element in soup.select("data[data-figure]"):
            figure = content.figures[element["data-figure"]]
            expected = sorted(set(figure.bounds))
            assert [float(x) for x in element["value"].split("-")] == expected, (page, figure.id)
            language, _path = in_edition(page.relative_to(built_site).as_posix())
            edition = content.edition(language)
            assert element.get_text() == edition.figure_text(edition.figures[figure.id]), (page, figure.id)
            checked.add(figure.id)
    used = {m for text in _all_text(content) for m in re.findall(r"\{fig:([^}]+)\}", text)}
    assert used <= checked  # every figure used in text was rendered somewhere


def _all_text(content):
    for _path, obj in walk(content):
        for value in vars(obj).values():
            if isinstance(value, str):
                yield value


def test_every_page_shows_its_citations(built_site):
    for page in pages(built_site):
        if in_edition(page.relative_to(built_site).as_posix())[1] in (
            "404.html",
            "embed/index.html",
            "data/index.html",
        ):
            continue  # no facts: a wrong address, the embed codes, the list of data files
        soup = parsed_scripted(page)  # the pop-ups and the lines the scripts show too
        notes = soup.select("section.notes li[id^=note-]")
        if not notes and soup.select_one("body.embedded .chart-source a[target=_top]"):
            continue  # a compact chart embed: its sources are listed where its link leads
        assert notes, f"{page.relative_to(built_site)} has no citations"
        for cite in soup.find_all(class_="cite"):
            cited = cite["data-notes"].split()
            assert all(soup.find(id=note) for note in cited), (page, cited)
            assert cite.name == "a" and cite["href"] == f"#{cited[0]}"  # without a script
            opens = soup.find(id=cite["data-pop"])  # the notes, in place, each in full
            assert opens.has_attr("popover") and opens.find("a", href=f"#{cited[0]}")
            assert len(opens.select("a[href^='https://']")) >= len(cited), (page, cited)
        assert notes[0].find("a"), page  # a source in full, with its address, at its first note
        for note in notes:
            link = note.find("a")
            assert link is None or link["href"].startswith("https://"), page


def test_citations_name_the_section(built_site):
    soup = parsed(built_site / "farms" / "pro-matraimov" / "index.html")
    notes = [li.get_text(" ", strip=True) for li in soup.select("section.notes li")]
    assert any("Fake accounts supporting the Matraimovs" in note for note in notes), notes


def test_credits_and_corrections_are_shown(built_site, content):
    soup = parsed(built_site / "sources" / "index.html")
    text = soup.get_text(" ", strip=True)
    kloop = content.sources["kloop"]
    for person in [kloop.translator, *(c.name for c in kloop.contributors)]:
        assert person in text
    assert soup.select_one(f"a[href='{kloop.url}']")
    assert soup.select_one(f"a[href='{content.sources['factcheck'].url}']")
    log = soup.select("#corrections ol.log li")
    assert len(log) == len(content.corrections)
    assert all(li.find("time")["datetime"] for li in log)


def test_methodology_checklist_is_a_plain_list_without_javascript(built_site, content):
    (section,) = [s for s in content.pages["methodology"].sections if s.checklist]
    soup = parsed(built_site / "methodology" / "index.html")
    checklist = soup.select_one("fieldset.checklist")
    signals = checklist.select("ol.signals > li")
    assert len(signals) == len(section.checklist)
    for item, signal in zip(signals, section.checklist, strict=True):
        assert signal.label in item.get_text(" ", strip=True), signal.id
    assert not checklist.select("input")  # the checkboxes are added by checklist.js
    assert int(checklist["data-threshold"]) == section.threshold
    assert "proves nothing" in soup.get_text(" ")  # the threshold is a reason to look, no more


def test_each_page_lists_exactly_the_notes_it_cites(built_site):
    """Page data numbers citations before rendering; the list and the marks must agree."""
    for page in pages(built_site):
        soup = parsed_scripted(page)
        # the marks a script shows from data (the calculator's "Based on" lines) too
        marks = [note for mark in soup.find_all(class_="cite") for note in mark["data-notes"].split()]
        listed = [li["id"] for li in soup.select("section.notes li[id^=note-]")]
        # Numbered in reading order: note n is the n-th source a reader meets.
        assert list(dict.fromkeys(marks)) == listed, page.relative_to(built_site)
        assert listed == [f"note-{n}" for n in range(1, len(listed) + 1)]
