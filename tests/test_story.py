"""Editorial rules, checked on the shipped content and on the built site."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest

from fakefarms.content.loader import read_editions
from fakefarms.content.model import Link, Passage
from fakefarms.content.rules import (
    FINGERPRINTS,
    NEVER_NAMED,
    RULES,
    SOURCE_RUNS,
    fingerprints,
    named_in,
    write_source_runs,
)
from records.facts import Citation
from records.walk import walk
from tests.conftest import FIXTURE_CONTENT, ROOT, SHIPPED_CONTENT
from tests.sitecheck import in_edition, pages, parsed, parsed_scripted

SHARED = ROOT.parent / "shared"  # the sources and the project's copy tool, beside the project


def _rule(name: str, directory=SHIPPED_CONTENT) -> list[str]:
    """What one of check's rules finds in a content folder."""
    editions, _problems = read_editions(directory)
    return [str(p) for p in RULES[name].apply(editions, directory)]


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


def test_every_statement_of_a_response_is_shown_wherever_the_response_is(built_site, content):
    csv_text = (built_site / "charts" / "farm-links.csv").read_text(encoding="utf-8")
    with_statements = [
        (farm, link) for farm, link in _links(content) if link.response and len(link.response.statements) > 1
    ]
    assert with_statements  # Orunbekov's response has four statements
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
    rows = (built_site / "charts" / "farm-links.csv").read_text(encoding="utf-8").splitlines()
    marked = {row.split(",")[0] for row in rows if ",Alleged link," in row}
    assert marked == {content.actors[a].name for a in alleged}


@pytest.mark.parametrize("actor_id", ["raimbek-matraimov", "stamalieva"])
def test_people_no_source_accuses_by_name_are_not_marked_alleged(built_site, actor_id, content):
    """Corrections of issue 9: no source alleges anything about them by name."""
    assert not any(link.kind == "alleged" for _farm, link in _links(content) if link.actor == actor_id)
    text = _actor_page(built_site, actor_id).get_text(" ", strip=True)
    assert "patron" not in text and "Alleged link" not in text


@pytest.mark.rule("accused-not-priced")
def test_no_calculator_preset_comparison_or_cost_chart_names_an_accused_person(content):
    accused = {link.actor for _farm, link in _links(content) if link.kind == "alleged"}
    assert {"orunbekov", "alkanova"} <= accused  # the rule has people to look for
    assert _rule("accused-not-priced") == []


def test_each_source_links_an_archived_copy(built_site, content):
    soup = parsed(built_site / "sources" / "index.html")
    for source in content.sources.values():
        archived = f"https://web.archive.org/web/{source.url}"
        assert soup.select_one(f"#source-{source.id} a[href='{archived}']"), source.id
    assert "blocked" in soup.select_one("#archives").get_text()


def test_worked_out_values_are_marked_on_the_page(built_site, content):
    worked = [e for e in content.events if e.worked_out]
    assert worked  # the Kordai videos' time is worked out from "7 hours" after 22:00
    soup = parsed(built_site / "timeline" / "index.html")
    for event in worked:
        assert "worked out" in soup.select_one(f"#event-{event.id}").get_text().lower()
    csv_rows = (built_site / "charts" / "kordai-reach.csv").read_text(encoding="utf-8")
    assert "worked out by the editors" in csv_rows  # "over 205,000" is drawn at 205,000


def test_section_titles_in_quotation_marks_are_the_sources_headings(built_site, content):
    kloop = SHARED / "sources" / "000_fab98e7debba79b7.txt"
    text = " ".join(kloop.read_text(encoding="utf-8").split())
    for section in content.sources["kloop"].sections:
        if section.heading:
            assert section.title in text, section.title


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


def _named_on_site(site, directory=SHIPPED_CONTENT) -> list[str]:
    names, _missing = fingerprints(directory, NEVER_NAMED)
    return [
        f"{file}: {text[start:end]}"
        for file in sorted(site.rglob("*"))
        if file.is_file() and file.suffix in {".html", ".json", ".csv", ".xml", ".txt", ".js"}
        for text in [file.read_text(encoding="utf-8")]
        for start, end in named_in(text, names)
    ]


@pytest.mark.rule("never-named")
def test_nobody_on_the_never_named_list_is_named_anywhere_on_the_site(built_site):
    """The people whose photos were stolen for fake profiles, and the commenters the source
    quotes, in every spelling on the list (kept as fingerprints: the names are not in the
    repository), in every file of the built site."""
    assert len(fingerprints(SHIPPED_CONTENT, NEVER_NAMED)[0]) >= 20
    assert _named_on_site(built_site) == []


def test_the_never_named_check_can_fail(tmp_path):
    (tmp_path / "index.html").write_text("<p>the photos of Fixture Victim</p>")
    assert _named_on_site(tmp_path, FIXTURE_CONTENT) == ["%s: Fixture Victim" % (tmp_path / "index.html")]


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


@pytest.mark.rule("not-copied")
def test_no_sentence_is_copied_from_the_sources():
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "verbatim_check.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().endswith("0 copied runs of 12+ words"), result.stdout


@pytest.mark.rule("not-copied")
def test_the_copy_rules_fingerprints_are_those_of_the_sources(tmp_path):
    """check compares against fingerprints of the two articles; they must be the articles'."""
    write_source_runs(
        tmp_path, [p.read_text(encoding="utf-8") for p in sorted((SHARED / "sources").glob("0*.txt"))]
    )
    assert (tmp_path / FINGERPRINTS / SOURCE_RUNS).read_text(encoding="utf-8") == (
        SHIPPED_CONTENT / FINGERPRINTS / SOURCE_RUNS
    ).read_text(encoding="utf-8")


@pytest.mark.rule("not-copied")
def test_no_sentence_readers_see_is_copied_from_the_sources(built_site):
    """The check strips markup and joins lines, so it sees what readers see."""
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "verbatim_check.py"), str(built_site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().endswith("0 copied runs of 12+ words"), result.stdout


def test_methodology_checklist_is_a_plain_list_without_javascript(built_site):
    soup = parsed(built_site / "methodology" / "index.html")
    checklist = soup.select_one("fieldset.checklist")
    signals = checklist.select("ol.signals > li")
    assert len(signals) >= 8
    assert not checklist.select("input")  # the checkboxes are added by checklist.js
    threshold = int(checklist["data-threshold"])
    assert 1 <= threshold <= len(signals)
    assert "not proof" in soup.get_text(" ").lower() or "proves nothing" in soup.get_text(" ")


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


def test_no_key_figure_is_repeated_on_a_page(built_site):
    """A reader meets each key figure once a page: in a card, a sentence or a chart's summary,
    not in all three. A chart's data table is its data, closed until asked for; and each
    allegation is shown whole beside the response of the one it is about, even where the
    source makes the same claim about two (a party and its leader)."""
    repeated = []
    for page in pages(built_site):
        if in_edition(page.relative_to(built_site).as_posix())[1] == "calculator/index.html":
            continue  # a tool: each pay tier is a choice in its form and a line of its method
        shown = parsed(page).select(
            "[data-figure]:not(.chart-data, .chart-data *, .allegation-claim, .allegation-claim *)"
        )
        counts = Counter(element["data-figure"] for element in shown)
        repeated += [
            f"{page.relative_to(built_site)}: {figure} shown {n} times"
            for figure, n in counts.items()
            if n > 1
        ]
    assert not repeated, "\n".join(repeated)
