"""The checks of the shipped content: the editorial rules that content/ keeps, on the content as
it ships and on the site built from it (the `shipped_*` fixtures).

Everything else runs on the test fixture's content (tests/fixtures/content): a test of what the
code does belongs with the code's tests, with the data it needs added to the fixture. The checks
here find who and what they look at in the content's own records (who a source accuses, which
figures a page shows, which sections are a source's own headings), never in a list of names or
a count, so that they hold whatever the editors add.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest
import yaml

from calculator import estimate, preset_raw, validate
from fakefarms.build import cli
from fakefarms.content.loader import FILES, read_editions, read_originals
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
from records.translation import words_of
from records.walk import walk
from tests.calculator.vectors import problems
from tests.conftest import FIXTURE_CONTENT, ROOT, SHIPPED_CONTENT
from tests.sitecheck import in_edition, pages, parsed

SHARED = ROOT.parent / "shared"  # the sources and the project's copy tool, beside the project


def _rule(name: str, directory=SHIPPED_CONTENT) -> list[str]:
    """What one of check's rules finds in a content folder."""
    editions, _problems = read_editions(directory)
    return [str(p) for p in RULES[name].apply(editions, directory)]


def _links(content):
    return [(farm, link) for farm in content.farms.values() for link in farm.links]


def _accused(content, *kinds: str) -> set[str]:
    """The ids of those a source names in a link of one of `kinds`."""
    return {link.actor for _farm, link in _links(content) if link.kind in kinds}


# -- the content reads, and check passes ------------------------------------------------


def test_shipped_content_loads(shipped_model):
    assert shipped_model.farms and shipped_model.actors and shipped_model.events


def test_check_passes_on_the_shipped_content(shipped_content, capsys):
    """`python build.py check`, on a copy (check records the addresses the content publishes
    beside it)."""
    code = cli.main(["check", "--content", str(shipped_content)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "content OK" in out
    # the one warning left is the editors' to clear: the address readers write to
    assert [line.split(": ")[1] for line in err.splitlines()] in ([], ["contact"])


def test_every_text_of_every_file_has_its_russian_text(shipped_model):
    values, _ = read_originals(SHIPPED_CONTENT)
    for filename in FILES:
        if words_of(values[filename]):
            assert (SHIPPED_CONTENT / "ru" / filename).is_file(), filename
    for language, translation in shipped_model.translations.items():
        assert translation.site.title != shipped_model.site.title, language


# -- who is accused, and how ------------------------------------------------------------


def test_people_no_source_accuses_by_name_are_not_marked_alleged(shipped_site, shipped_model):
    """Corrections of issue 9: a person or group is shown as alleged to be behind a farm only
    where a source alleges it of them by name (an allegation recorded in farms.yaml); their
    side, or a relative, is not."""
    accused = _accused(shipped_model, "alleged")
    others = [actor for actor in shipped_model.actors.values() if actor.id not in accused]
    assert accused and others
    for actor in others:
        text = parsed(shipped_site / "actors" / actor.id / "index.html").get_text(" ", strip=True)
        assert "patron" not in text and "Alleged link" not in text, actor.id


@pytest.mark.rule("accused-not-priced")
def test_no_calculator_preset_comparison_or_cost_chart_names_an_accused_person(shipped_model):
    accused = _accused(shipped_model, "alleged", "asked")
    # the rule has people to look for
    assert any(shipped_model.actors[a].kind == "person" for a in accused)
    assert _rule("accused-not-priced") == []


# -- what is never named, and what is never copied -------------------------------------------


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
def test_nobody_on_the_never_named_list_is_named_anywhere_on_the_site(shipped_site):
    """The people whose photos were stolen for fake profiles, and the commenters the source
    quotes, in every spelling on the list (kept as fingerprints: the names are not in the
    repository), in every file of the built site."""
    names, missing = fingerprints(SHIPPED_CONTENT, NEVER_NAMED)
    assert names and not missing
    assert _named_on_site(shipped_site) == []


def test_the_never_named_check_can_fail(tmp_path):
    (tmp_path / "index.html").write_text("<p>the photos of Fixture Victim</p>")
    assert _named_on_site(tmp_path, FIXTURE_CONTENT) == ["%s: Fixture Victim" % (tmp_path / "index.html")]


def _verbatim_check(*paths) -> str:
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "verbatim_check.py"), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.strip()


@pytest.mark.rule("not-copied")
def test_no_sentence_is_copied_from_the_sources():
    """content/, site/ and README.md, as the copy tool reads them by default."""
    assert _verbatim_check().endswith("0 copied runs of 12+ words")


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
def test_no_sentence_readers_see_is_copied_from_the_sources(shipped_site):
    """The check strips markup and joins lines, so it sees what readers see."""
    assert _verbatim_check(shipped_site).endswith("0 copied runs of 12+ words")


def test_section_titles_in_quotation_marks_are_the_sources_headings(shipped_model):
    """A section marked as the source's own heading is shown in quotation marks: its title is
    the heading, word for word, as one of the source articles has it."""
    articles = [
        " ".join(p.read_text(encoding="utf-8").split()) for p in sorted((SHARED / "sources").glob("0*.txt"))
    ]
    headings = [
        (source.id, section.title)
        for source in shipped_model.sources.values()
        for section in source.sections
        if section.heading
    ]
    assert headings
    for source_id, title in headings:
        assert any(title in article for article in articles), (source_id, title)


# -- how a reader meets the numbers -------------------------------------------------------


def test_no_key_figure_is_repeated_on_a_page(shipped_site):
    """A reader meets each key figure once a page: in a card, a sentence or a chart's summary,
    not in all three. A chart's data table is its data, closed until asked for; and each
    allegation is shown whole beside the response of the one it is about, even where the
    source makes the same claim about two (a party and its leader)."""
    repeated = []
    for page in pages(shipped_site):
        if in_edition(page.relative_to(shipped_site).as_posix())[1] == "calculator/index.html":
            continue  # a tool: each pay tier is a choice in its form and a line of its method
        shown = parsed(page).select(
            "[data-figure]:not(.chart-data, .chart-data *, .allegation-claim, .allegation-claim *)"
        )
        counts = Counter(element["data-figure"] for element in shown)
        repeated += [
            f"{page.relative_to(shipped_site)}: {figure} shown {n} times"
            for figure, n in counts.items()
            if n > 1
        ]
    assert not repeated, "\n".join(repeated)


# -- the calculator's parameters: consistent, whatever their numbers ------------------------


def test_the_calculator_file_names_its_schema():
    first = (SHIPPED_CONTENT / "calculator.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/calculator.schema.json"


def test_shipped_parameters_load_with_no_problems(shipped_calculator_params, shipped_model):
    assert problems(shipped_calculator_params) == []
    assert shipped_model.calculator.tiers  # the whole content loads, cross-checks included


@pytest.mark.rule("tiers-match-figures")
def test_shipped_tiers_agree_with_their_key_figures(shipped_model):
    figures = shipped_model.figures
    for tier in shipped_model.calculator.tiers:
        if tier.figure is None:
            continue
        figure = figures[tier.figure]
        reported = {
            "low": figure.value if figure.low is None else figure.low,
            "high": figure.value if figure.high is None else figure.high,
        }
        for end in ("low", "high"):
            if end not in tier.assumed:
                assert getattr(tier, end) == reported[end], (tier.id, end, figure.id)


def test_every_shipped_preset_computes(shipped_calculator_params):
    params = shipped_calculator_params
    for preset in params.presets:
        inputs, errors = validate(params, preset_raw(preset))
        assert errors == [], preset.id
        result = estimate(params, inputs)
        assert 0 <= result.monthly.low <= result.monthly.central <= result.monthly.high
        others = [c for c in params.comparisons if c.preset != preset.id]
        assert [c.id for c in result.comparisons] == [c.id for c in others], preset.id
    assert params.default_preset in {p.id for p in params.presets}


@pytest.mark.rule("references-resolve")
def test_every_calculator_citation_names_a_known_source_section(shipped_calculator_params):
    sources = yaml.safe_load((SHIPPED_CONTENT / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    sections = {(s["id"], x["id"]) for s in sources for x in s["sections"]}
    cited = {(c.source, c.section) for _path, c in walk(shipped_calculator_params) if isinstance(c, Citation)}
    assert cited and cited <= sections, cited - sections


def test_an_assumed_language_effect_is_said_to_be_an_assumption(shipped_calculator_params):
    params = shipped_calculator_params
    if any(x.assumed for x in params.languages):
        assert "assumption" in params.notes.language
