"""Every content rule is enforced by `check`, in one pass: one break of each, made as an
editor would on the test fixture (with a pseudo-translation), gives its line from
`python build.py check`; and the list of rules is complete: a test that checks content
against a rule names the rule (`@pytest.mark.rule`), and the rule must be one `check`
applies."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from fakefarms.build.cli import main
from fakefarms.content.rules import RULES, table
from tests.fixturecontent import translated_copy

TESTS = Path(__file__).resolve().parent
VICTIM = "Fixture Victim"  # on the fixture's never-named list
#: A run of the fixture's "source article" (tests/fixtures/sources/article.txt).
COPIED = "the same twelve profiles liked each other's posts within a minute of publication"


@pytest.fixture(scope="module")
def translated_fixture(tmp_path_factory) -> Path:
    return translated_copy(tmp_path_factory.mktemp("rules") / "content")


@pytest.fixture
def content(translated_fixture, tmp_path) -> Path:
    return shutil.copytree(translated_fixture, tmp_path / "content")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _check(directory: Path, capsys) -> list[str]:
    code = main(["check", "--content", str(directory)])
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert code == 1, lines
    return lines


PASSAGE = "They posted the same things."
LINK = "[the same things](/farms/pro-matraimov/#tacticz)"
#: For each rule, a break an editor could make: the edits ((file, text there, text instead))
#: and what the problem line says.
BREAKS: dict[str, tuple[list[tuple[str, str, str]], str]] = {
    "allegations-answered": (
        [("farms.yaml", "        kind: supported\n", "        kind: alleged\n")],
        "an alleged link needs an allegation",
    ),
    "private-persons-unpaged": ([("actors.yaml", "    public: true\n", "")], "a private person gets no page"),
    "responses-whole": (
        [("farms.yaml", "          request: asked\n", "          request: not_reported\n")],
        "statements or a date asked mean the source reports a request",
    ),
    "facts-cited": (
        [
            (
                "methodology.yaml",
                "Text.\n        sources: [{source: kloop, section: intro}]",
                "Text.\n        sources: []",
            )
        ],
        "a fact needs at least one citation",
    ),
    "references-resolve": (
        [("farms.yaml", "      - actor: matraimov", "      - actor: matraimof")],
        "unknown actor 'matraimof' (did you mean 'matraimov'?)",
    ),
    "dates-as-given": (
        [("timeline.yaml", "date: 2019-08", "date: 2019-02-30")],
        "'2019-02-30' is an impossible date",
    ),
    "tiers-match-figures": (
        [("calculator.yaml", "figure: pay", "figure: worker-pay")],
        "but figure 'worker-pay' says",
    ),
    "som-rate-from-figures": (
        [("calculator.yaml", "usd_figure: wage-usd", "usd_figure: worker-pay")],
        "figures 'wage-som' and 'worker-pay' cite no source in common",
    ),
    "translations-tied": (
        [("ru/farms.yaml", "- actor: matraimov", "- actor: matraimof")],
        "no item with actor 'matraimof' in the original",
    ),
    "no-invisible-characters": (
        [("farms.yaml", "      - actor: matraimov", "      - actor: matraimov\u200b")],
        "a zero width space (U+200B)",
    ),
    "site-links-resolve": (
        [
            ("farms.yaml", PASSAGE, f"They posted {LINK}."),
            ("ru/farms.yaml", f"⟦{PASSAGE}⟧", f"⟦They posted {LINK}.⟧"),
        ],
        "links to #tacticz, which /farms/pro-matraimov/ does not have (did you mean #tactics?)",
    ),
    "addresses-stay-published": (
        [
            (
                "published-addresses.txt",
                "/farms/pro-matraimov/\n",
                "/farms/pro-matraimov/\n/farms/pro-matraimov-old/\n",
            )
        ],
        "/farms/pro-matraimov-old/ would disappear",
    ),
    "figures-not-retyped": (
        [("ru/farms.yaml", "⟦Tactics⟧", "⟦Tactics, 800 accounts⟧")],
        "'800' retypes the key figure 'analysed'",
    ),
    "wording-fits-value": (
        [("figures.yaml", "    value: 800\n", "    value: 800\n    wording: a dozen\n")],
        "'a dozen' means 12, but the value is 800",
    ),
    "catalogs-complete": (
        [("CATALOG", 'msgstr "перевод готовится"', 'msgstr ""')],
        "msgid 'translation to come': not translated",
    ),
    "accused-not-priced": (
        [("ru/calculator.yaml", "⟦Typical party farm, 10 people⟧", "⟦Typical party farm of Orunbekov⟧")],
        "names Orunbekov, whom (or whose side) a source accuses",
    ),
    "never-named": (
        [("farms.yaml", PASSAGE, f"One wore the photo of {VICTIM}.")],
        "names someone on the never-named list",
    ),
    "not-copied": (
        [("ru/farms.yaml", f"⟦{PASSAGE}⟧", f"⟦They saw that {COPIED}.⟧")],
        "12 or more words copied from a source article",
    ),
}


def _break(content: Path, edits, monkeypatch, tmp_path) -> None:
    for filename, old, new in edits:
        if filename == "CATALOG":
            catalogs = shutil.copytree(TESTS.parent / "site" / "translations", tmp_path / "catalogs")
            _replace(catalogs / "ru" / "LC_MESSAGES" / "messages.po", old, new)
            monkeypatch.setattr("fakefarms.content.catalogs.CATALOGS", catalogs)
        else:
            _replace(content / filename, old, new)


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_check_reports_each_rule_broken(name, content, capsys, monkeypatch, tmp_path):
    edits, says = BREAKS[name]
    _break(content, edits, monkeypatch, tmp_path)
    lines = _check(content, capsys)
    assert any(says in line for line in lines), (says, lines)


#: Breaks that make an English file unreadable: its record cannot be followed further, and
#: the site's links and addresses are checked once the English files read (check says so).
STOPS = {
    "allegations-answered",
    "responses-whole",
    "references-resolve",
    "site-links-resolve",
    "no-invisible-characters",
    "facts-cited",
    "dates-as-given",
    "private-persons-unpaged",
}


def test_every_rule_broken_at_once_is_reported_in_one_pass(content, capsys, monkeypatch, tmp_path):
    """English, Russian, the interface catalogs and the site's addresses together: none
    hides another."""
    breaks = {name: b for name, b in BREAKS.items() if name not in STOPS}
    for edits, _says in breaks.values():
        _break(content, edits, monkeypatch, tmp_path)
    lines = "\n".join(_check(content, capsys))
    missing = [name for name, (_edits, says) in breaks.items() if says not in lines]
    assert not missing, lines


def test_every_rule_check_applies_is_broken_here():
    assert set(BREAKS) == set(RULES)


def _rule_marks() -> dict[str, list[str]]:
    """The rule each test of content names with @pytest.mark.rule(...), by test module."""
    found: dict[str, list[str]] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "rule"
                and ast.unparse(node.func.value) == "pytest.mark"
            ):
                found.setdefault(path.name, []).append(ast.literal_eval(node.args[0]))
    return found


def test_every_content_rule_the_tests_check_is_one_check_applies():
    named = {rule for rules in _rule_marks().values() for rule in rules}
    assert named, "the tests of the shipped content name their rules"
    assert named <= set(RULES), sorted(named - set(RULES))


def test_editing_md_lists_every_rule_as_check_applies_it():
    assert table() in (TESTS.parent / "EDITING.md").read_text(encoding="utf-8"), (
        "paste the output of python build.py rules into EDITING.md"
    )


def test_a_side_a_source_accuses_is_not_priced_either(content, capsys):
    """The person a farm with an allegation supported (its side) is named in no calculator
    text: "the pro-Matraimov worker" would price the allegation against his side."""
    _replace(
        content / "calculator.yaml",
        "label: Typical party farm, 10 people",
        "label: Typical pro-Matraimov farm, 10 people",
    )
    assert any(
        "names Matraimov, whom (or whose side) a source accuses" in line for line in _check(content, capsys)
    )


def test_a_correction_names_only_pages_the_site_has(content, capsys):
    _replace(
        content / "corrections.yaml",
        "    kind: update\n",
        "    kind: update\n    pages: [/farms/pro-matraimof/]\n",
    )
    assert any(
        "corrections['c1'].pages" in line and "/farms/pro-matraimof/ is not a page" in line
        for line in _check(content, capsys)
    )


def test_each_page_a_correction_changed_shows_it_in_every_language(content):
    from bs4 import BeautifulSoup

    from fakefarms.web.app import create_app

    _replace(
        content / "corrections.yaml",
        "    kind: update\n",
        "    kind: update\n    pages: [/farms/pro-matraimov/]\n",
    )
    client = create_app({"TESTING": True, "CONTENT_DIR": content}).test_client()
    for address in ("/farms/pro-matraimov/", "/ru/farms/pro-matraimov/"):
        soup = BeautifulSoup(client.get(address).get_data(as_text=True), "html.parser")
        (note,) = soup.select("#corrections-here p")
        assert "First publication." in note.get_text()  # the pseudo-Russian keeps the words
        assert note.select_one("a")["href"].endswith("sources/#correction-c1")
        # and its header says when it was published and when the entry updated it
        dates = [t["datetime"] for t in soup.select(".page-header .byline time")]
        assert dates == ["2026-01-01", "2026-11-23"], dates
    other = BeautifulSoup(client.get("/actors/orunbekov/").get_data(as_text=True), "html.parser")
    assert not other.select("#corrections-here")
    assert [t["datetime"] for t in other.select(".page-header .byline time")] == ["2026-01-01"]


def test_readers_can_report_an_error_once_the_editors_give_an_address(content):
    from bs4 import BeautifulSoup

    from fakefarms.content import load_content
    from fakefarms.web.app import create_app

    site = content / "site.yaml"
    with_contact = site.read_text(encoding="utf-8")
    site.write_text(with_contact.replace("contact: editors@example.org\n", ""), encoding="utf-8")
    assert any(w.field == "contact" for w in load_content(content).warnings)
    client = create_app({"TESTING": True, "CONTENT_DIR": content}).test_client()
    footer = BeautifulSoup(
        client.get("/farms/pro-matraimov/").get_data(as_text=True), "html.parser"
    ).select_one(".site-footer")
    assert not footer.select("a[href^=mailto]")  # no dead link while there is no address
    site.write_text(with_contact, encoding="utf-8")
    assert not any(w.field == "contact" for w in load_content(content).warnings)
    client = create_app({"TESTING": True, "CONTENT_DIR": content}).test_client()
    for address in ("/farms/pro-matraimov/", "/ru/farms/pro-matraimov/"):
        footer = BeautifulSoup(client.get(address).get_data(as_text=True), "html.parser").select_one(
            ".site-footer"
        )
        report = footer.select("a[href^='mailto:editors@example.org?subject=']")
        assert report and "/farms/pro-matraimov/" in report[0]["href"]
