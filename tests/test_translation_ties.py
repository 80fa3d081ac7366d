"""Every translated text is tied to what it translates, never to a position, and to the
English it was made from: reordering or inserting English items never moves a translation
to another item or person, a changed English text is out of date until translated again,
and meanwhile pages show the English, marked."""

from __future__ import annotations

import copy
import dataclasses
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from fakefarms.content import load_content
from fakefarms.content.loader import FILES, read_originals, translate
from fakefarms.content.translations import update
from fakefarms.web.app import create_app
from records.translation import MADE_FROM_FILE, Untranslated, words_of
from tests.conftest import FIXTURE_CONTENT, ROOT, SHIPPED_CONTENT
from tests.fixturecontent import pseudo, translated_copy, with_translations
from tests.sitecheck import as_scripted
from tests.test_content_errors import problems_for


@pytest.fixture(params=["fixture", "shipped"])
def translated(request, tmp_path) -> Path:
    """Content with a Russian translation whose every text is recorded as made from the
    English of now: the test fixture with a pseudo-translation, or the shipped content."""
    target = tmp_path / "content"
    if request.param == "shipped":
        shutil.copytree(SHIPPED_CONTENT, target)
        return target
    return translated_copy(target)


# -- editing the English as an editor would ------------------------------------------


def _edit(directory: Path, filename: str, change) -> None:
    """Load one English file as data, change it, and write it back (keeping its first line,
    which names its schema)."""
    path = directory / filename
    first, _ = path.read_text(encoding="utf-8").split("\n", 1)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(
        first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _every_list(data, name: str):
    """Every list of records held under the key `name`, anywhere in the data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == name and isinstance(value, list) and value and isinstance(value[0], dict):
                yield value
            yield from _every_list(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from _every_list(value, name)


def _reverse_everything(directory: Path) -> None:
    """Every list of links, statements, paragraphs, events, sections and chart figures (with
    their labels) in reverse order."""
    for filename in FILES:

        def reverse(data):
            for name in (
                "links",
                "statements",
                "passages",
                "summary",
                "about",
                "events",
                "sections",
                "contributors",
            ):
                for items in _every_list(data, name):
                    items.reverse()
            for chart in data.get("charts", []) if isinstance(data, dict) else []:
                chart.get("figures", []).reverse()
                chart.get("labels", []).reverse()

        _edit(directory, filename, reverse)


INSERTED = "Inserted by the test, not translated"
NEW_ACTOR = "inserted-by-the-test"


def _insert_everywhere(directory: Path) -> None:
    """A new person, and a new item at the head of every list of links (to the new person),
    statements and paragraphs, and a new event: none of them translated."""

    def insert(data):
        for actors in _every_list(data, "actors"):
            actors.insert(
                0, {**copy.deepcopy(actors[0]), "id": NEW_ACTOR, "name": INSERTED, "role": INSERTED}
            )
        for links in _every_list(data, "links"):
            links.insert(
                0,
                {
                    "actor": NEW_ACTOR,
                    "kind": "supported",
                    "role": INSERTED,
                    "sources": copy.deepcopy(links[0]["sources"]),
                },
            )
        for statements in _every_list(data, "statements"):
            statements.insert(0, {"kind": "said", "summary": INSERTED})
        for passages in _every_list(data, "passages"):
            if passages and "sources" in passages[0]:
                passages.insert(0, {"text": INSERTED, "sources": copy.deepcopy(passages[0]["sources"])})
        for events in _every_list(data, "events"):
            events.insert(
                0, {**copy.deepcopy(events[0]), "id": NEW_ACTOR, "title": INSERTED, "text": INSERTED}
            )

    for filename in ("actors.yaml", "farms.yaml", "timeline.yaml", "home.yaml"):
        _edit(directory, filename, insert)


# -- what the Russian edition says ---------------------------------------------------


def _people_and_farm_pages(directory: Path) -> dict[str, Counter]:
    """What each Russian person and farm page says: its lines of text, in any order, without
    citation marks (numbered by reading order) and without what is shown in English."""
    app = create_app({"TESTING": True, "CONTENT_DIR": directory})
    content = load_content(directory)
    client = app.test_client()
    said = {}
    for address in [f"/ru/actors/{a}/" for a in content.actors] + [f"/ru/farms/{f}/" for f in content.farms]:
        response = client.get(address)
        assert response.status_code == 200, address
        # the pop-ups are data that notes.js puts in the page
        main = BeautifulSoup(as_scripted(response.get_data(as_text=True)), "html.parser").select_one("main")
        # the sources, each in full as its own pop-up gives it (the list names a source in
        # full only at its first note, which the order decides)
        sources = [
            pop.select("p")[1].get_text(" ", strip=True)
            for pop in main.select("[popover][id^=note-pop-]")
            if pop["id"].removeprefix("note-pop-").isdigit()
        ]
        for gone in main.select(
            "script, sup.cites, [popover], .untranslated, .translation-pending, section.notes ol"
        ):
            gone.decompose()
        said[address] = Counter(
            line.strip() for line in main.get_text("\n").splitlines() if line.strip()
        ) + Counter(sources)
    return said


def test_reordering_english_items_changes_no_russian_person_or_farm_page(translated):
    before = _people_and_farm_pages(translated)
    _reverse_everything(translated)
    assert _translation_warnings(translated) == []  # nothing became pending
    assert _people_and_farm_pages(translated) == before


def test_inserted_english_items_never_take_another_items_translation(translated):
    values, _ = read_originals(translated)
    before = translate(translated, "ru", values)
    _insert_everywhere(translated)
    values, _ = read_originals(translated)
    after = translate(translated, "ru", values)
    assert not after.problems
    # every translation still shown stands at the same item, with the same English
    for filename, texts in after.texts.items():
        for path, (english, russian) in texts.items():
            assert before.texts[filename][path] == (english, russian), path
    # the new items are pending, shown in English, and the check says so
    pending = [p for found in after.pending.values() for p in found]
    assert {p.state for p in pending} == {"unkeyed", "missing"}
    assert all(NEW_ACTOR in p.path for p in pending if p.state == "missing")  # the new ids
    shown = _shown_texts(after.values)
    assert INSERTED in shown and all(isinstance(t, Untranslated) for t in shown[INSERTED])
    assert any("has no id" in str(w) for w in load_content(translated).warnings)
    # once the tooling gives them ids, they are simply not translated yet
    update(translated)
    values, _ = read_originals(translated)
    tied = translate(translated, "ru", values)
    assert {p.state for found in tied.pending.values() for p in found} == {"missing"}
    for filename, texts in tied.texts.items():
        for path, (english, russian) in texts.items():
            assert before.texts[filename][path] == (english, russian), path


def _shown_texts(values) -> dict[str, list[str]]:
    """Every text of the records, as objects (so their marks survive), by their words."""
    out: dict[str, list[str]] = {}

    def walk(value):
        if isinstance(value, str):
            out.setdefault(str(value), []).append(value)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))

    walk(values)
    return out


# -- the one-time migration from ties by position -------------------------------------


def _old_shape(value):
    """A record's words as translation files held them before December 2026: items of kinds
    without an id (paragraphs, statements, links) in the English order and with no key,
    labels as a list in the figures' order, fake-account names among the words."""
    from records.schema import _declared
    from records.translation import _holds_words, is_words

    fields, hints = _declared(type(value))
    out = {}
    if "id" in fields and getattr(value, "id", None) and fields["id"].metadata.get("pattern"):
        out["id"] = value.id
    for name, f in fields.items():
        item = getattr(value, name)
        if item in (None, [], ""):
            continue
        if is_words(f, hints[name]) or name == "example_accounts":
            out[name] = [pseudo(x) for x in item] if isinstance(item, list) else pseudo(item)
        elif _holds_words(hints[name]):
            out[name] = [_old_shape(x) for x in item] if isinstance(item, list) else _old_shape(item)
    return out


def test_the_migration_ties_each_translation_to_the_item_it_stood_beside(tmp_path):
    """The fixture in the older shape: after the migration, every Russian text is the
    translation of the English item at its old position (pseudo(English), by construction),
    so every page says what it said; nothing is pending; the English gained ids."""
    directory = with_translations(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))
    (directory / "ru").mkdir()
    values, _ = read_originals(directory)
    for filename, value in values.items():
        if words_of(value) or _old_shape(value):
            (directory / "ru" / filename).write_text(
                yaml.safe_dump(_old_shape(value), allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "tie_translations_by_key.py"), str(directory)], check=True
    )
    values, _ = read_originals(directory)
    found = translate(directory, "ru", values)
    assert not found.problems and not any(found.pending.values())
    texts = [pair for by_path in found.texts.values() for pair in by_path.values()]
    assert len(texts) > 50
    assert all(russian == pseudo(english) for english, russian in texts)
    assert "- id: p1" in (directory / "farms.yaml").read_text(encoding="utf-8")
    assert (directory / "ru" / MADE_FROM_FILE).is_file()


# -- out of date ------------------------------------------------------------------------


@pytest.fixture
def pseudo_translated(tmp_path) -> Path:
    """The test fixture with a pseudo-translation, every text recorded as current."""
    return translated_copy(tmp_path / "content")


def _first_statement(data) -> dict:
    return next(_every_list(data, "statements"))[0]


def _statement_shown(directory: Path) -> tuple[str, list[str]]:
    """The first statement on the Russian page of the person it belongs to: its text, and
    the languages marked on it."""
    app = create_app({"TESTING": True, "CONTENT_DIR": directory})
    html = app.test_client().get("/ru/actors/orunbekov/").get_data(as_text=True)
    statement = BeautifulSoup(html, "html.parser").select_one(".statements .statement")
    return statement.get_text(" ", strip=True), [e["lang"] for e in statement.select("[lang]")]


def test_a_changed_english_text_is_out_of_date_until_it_is_translated_again(pseudo_translated):
    directory = pseudo_translated
    old = yaml.safe_load((directory / "farms.yaml").read_text(encoding="utf-8"))
    old_summary = _first_statement(old)["summary"]
    assert pseudo(old_summary)[1:] in _statement_shown(directory)[0]
    _edit(
        directory,
        "farms.yaml",
        lambda data: _first_statement(data).update(summary=old_summary + " and much more"),
    )

    # check names it, with the words that changed; the page shows the English, marked
    (warning,) = [str(w) for w in _translation_warnings(directory)]
    assert "statements['s1'].summary: warning: out of date" in warning
    assert "now: “" in warning and "and much more" in warning
    text, languages = _statement_shown(directory)
    assert "and much more" in text and "⟦" not in text and languages == ["en"]
    assert "(перевод готовится)" in text  # "translation to come"
    report = translations_report(directory)
    assert f"English then: {old_summary}" in report
    assert f"English now:  {old_summary} and much more" in report
    assert f"ru:           {pseudo(old_summary)}" in report  # the translation as it stands

    # the tooling does not record a translation nobody revised
    assert update(directory).still_outdated
    assert _translation_warnings(directory)
    # the translator revises it; it shows once the tooling records it
    ru = directory / "ru" / "farms.yaml"
    ru.write_text(
        ru.read_text(encoding="utf-8").replace(pseudo(old_summary), pseudo(old_summary + " and much more")),
        encoding="utf-8",
    )
    assert _translation_warnings(directory)  # still out of date until recorded
    assert not update(directory).still_outdated
    assert _translation_warnings(directory) == []
    assert _statement_shown(directory)[1] == []


def test_an_english_change_that_keeps_the_meaning_can_be_accepted(pseudo_translated):
    directory = pseudo_translated
    _edit(
        directory,
        "farms.yaml",
        lambda data: _first_statement(data).update(summary=_first_statement(data)["summary"] + "."),
    )
    done = update(directory, ["farms.yaml:*statements['s1'].summary"])
    assert not done.still_outdated and done.recorded
    assert _translation_warnings(directory) == []


def translations_report(directory: Path) -> str:
    result = subprocess.run(
        [sys.executable, "build.py", "translations", "--content", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


# -- what cannot be tied ------------------------------------------------------------------


def test_a_translated_item_that_names_no_item_is_an_error(pseudo_translated):
    ru = pseudo_translated / "ru" / "farms.yaml"
    text = ru.read_text(encoding="utf-8")
    ru.write_text(text.replace("- actor: orunbekov\n", "- actor: orunbekof\n", 1), encoding="utf-8")
    (problem,) = problems_for(pseudo_translated)
    assert "links['orunbekof']: no item with actor 'orunbekof' in the original" in problem
    data = yaml.safe_load(text)
    del next(_every_list(data, "links"))[0]["actor"]
    ru.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (problem,) = problems_for(pseudo_translated)
    assert "this item names no actor" in problem and "never by position" in problem


def test_two_english_items_with_one_id_are_an_error(pseudo_translated):
    farms = pseudo_translated / "farms.yaml"
    farms.write_text(farms.read_text(encoding="utf-8").replace("id: s2", "id: s1"), encoding="utf-8")
    problems = problems_for(pseudo_translated)
    assert any("id 's1' is used twice in this list" in p for p in problems), problems


def test_a_site_whose_translation_is_missing_shows_clean_english_pages(pseudo_translated):
    """With no Russian text at all, every Russian page shows the English, marked: never a
    mark inside an attribute, a title or a script's data."""
    for path in (pseudo_translated / "ru").glob("*.yaml"):
        path.unlink()
    assert all("not translated yet" in str(w) for w in _translation_warnings(pseudo_translated))
    app = create_app({"TESTING": True, "CONTENT_DIR": pseudo_translated})
    client = app.test_client()
    with app.test_request_context():
        from fakefarms.web.views import page_addresses

        addresses = [a for a in page_addresses("ru") if a.endswith("/")]
    assert len(addresses) > 10
    marked = 0
    for address in addresses:
        html = client.get(address).get_data(as_text=True)
        # HTML that scripts put in the page (the notes' pop-ups) is HTML, not a script's data
        soup = BeautifulSoup(as_scripted(html), "html.parser")
        title = html.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "<" not in title, address
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                assert "untranslated" not in str(value) or name == "class", (address, name)
        for script in soup.select("script"):
            assert "untranslated" not in script.get_text(), address
        marked += len(soup.select('[lang="en"].untranslated'))
    assert marked > 50
    feed = client.get("/ru/feed.xml").get_data(as_text=True)
    assert "untranslated" not in feed and "<span" not in feed


def _translation_warnings(directory: Path) -> list:
    """What the check says about translations (not, say, a missing contact address)."""
    return [w for w in load_content(directory).warnings if "/ru/" in w.path]
