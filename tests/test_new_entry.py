"""`build.py new KIND ID`: a complete entry appended in the file's style, its TODOs reported
by `check` at their own lines until an editor replaces them."""

from __future__ import annotations

import re

import pytest
import yaml

from fakefarms.build.cli import main
from fakefarms.content import ContentError, load_content
from fakefarms.content.scaffold import kinds

#: What an editor might write in place of each TODO, by field name (fixture ids).
WRITTEN = {
    "source": "kloop",
    "section": "intro",
    "id": "overview",
    "date": "2020-10",
    "value": "12",
    "url": "https://example.org/report",
    "figures": "analysed",
}
FILES = {
    "farm": "farms.yaml",
    "actor": "actors.yaml",
    "event": "timeline.yaml",
    "figure": "figures.yaml",
    "source": "sources.yaml",
    "chart": "charts.yaml",
}


def _todo_places(text: str) -> set[tuple[int, int]]:
    """(line, column) of every TODO outside comments, counted from one."""
    places = set()
    for number, line in enumerate(text.splitlines(), 1):
        code = line.split(" #")[0]
        places |= {(number, m.start() + 1) for m in re.finditer(r"\bTODO\b", code)}
    return places


def _filled(text: str) -> str:
    """Each TODO replaced with a value of the kind its field takes."""

    def fill(line: str) -> str:
        field = re.match(r"\s*(?:- )?(?:\{)?(\w+):", line)
        words = "Words the source supports."
        if field and field.group(1) == "public":  # a person named in a public role
            return line.replace("TODO", "true")
        if "{" in line:  # a citation: {source: TODO, section: TODO}
            return line.replace("source: TODO", "source: kloop").replace("section: TODO", "section: intro")
        return line.replace("TODO", WRITTEN.get(field.group(1), words) if field else words)

    return "\n".join(fill(line) for line in text.splitlines()) + "\n"


def test_every_kind_the_brief_names_can_be_added():
    assert set(FILES) == set(kinds())
    assert {k: v.filename for k, v in kinds().items()} == FILES


@pytest.mark.parametrize("kind", sorted(FILES))
def test_new_appends_an_entry_whose_todos_check_reports_at_their_lines(content_copy, capsys, kind):
    path = content_copy / FILES[kind]
    before = path.read_text(encoding="utf-8")

    assert main(["new", kind, "kloop-asks", "--content", str(content_copy)]) == 0
    out = capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert text.startswith(before), "the file's own text is kept as it was"
    added = text[len(before) :]
    start = before.count("\n") + 1 + (1 if added.startswith("\n") else 0)
    assert f"added {kind} 'kloop-asks' to " in out and f"at line {start}:" in out

    # It parses, as the last entry of its list, with the file's indentation.
    collection = kinds()[kind].collection
    entries = yaml.safe_load(text)[collection]
    assert entries[-1]["id"] == "kloop-asks"
    assert text.splitlines()[start - 1] == "  - id: kloop-asks" + text.splitlines()[start - 1][18:]

    # check reports each TODO, at its own line and column, and nothing else.
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    problems = caught.value.problems
    assert all(p.message.startswith("TODO left in ") for p in problems), [str(p) for p in problems]
    assert {p.hint for p in problems} <= {
        "write the words (or the citation) it needs",
        "write the number, in digits",
        "write true or false",
        "write 2020, 2020-10, 2020-10-06 or 2020-02-07 22:00",
    }
    assert {(p.line, p.column) for p in problems} == _todo_places(text)
    assert all(p.line >= start for p in problems)

    # With the TODOs written, the content loads and holds the new entry.
    path.write_text(before + _filled(added), encoding="utf-8")
    content = load_content(content_copy)
    new = {
        "farm": content.farms,
        "actor": content.actors,
        "figure": content.figures,
        "source": content.sources,
        "chart": content.charts,
        "event": {e.id: e for e in content.events},
    }[kind]
    assert "kloop-asks" in new


def test_new_keeps_the_files_blank_line_between_entries(content_copy):
    # The fixture's sources.yaml leaves a blank line between entries; its timeline.yaml does not.
    for kind, gap in (("source", True), ("event", False)):
        path = content_copy / FILES[kind]
        before = path.read_text(encoding="utf-8")
        assert main(["new", kind, "added", "--content", str(content_copy)]) == 0
        assert path.read_text(encoding="utf-8")[len(before) :].startswith("\n") == gap


def test_the_entry_says_which_values_a_choice_allows(content_copy):
    assert main(["new", "figure", "added", "--content", str(content_copy)]) == 0
    line = [
        line
        for line in (content_copy / "figures.yaml").read_text().splitlines()
        if line.startswith("    format:")
    ][-1]
    assert re.fullmatch(
        r"    format: number +# how the number is written: number, usd, "
        r"percent, hours, som",
        line,
    )


@pytest.mark.parametrize(
    ("entry_id", "message"),
    [
        ("pub", "timeline.yaml:3 already has the event 'pub': choose another id"),
        (
            "Kloop_Asks",
            "'Kloop_Asks' is not a valid id: use lower-case letters, digits and single "
            "hyphens, such as kloop-asks-for-comment",
        ),
        ("asks--kloop", "'asks--kloop' is not a valid id"),
    ],
)
def test_new_refuses_a_bad_or_taken_id_and_touches_nothing(content_copy, capsys, entry_id, message):
    path = content_copy / "timeline.yaml"
    before = path.read_bytes()
    assert main(["new", "event", entry_id, "--content", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and message in err
    assert path.read_bytes() == before


def test_new_refuses_a_file_that_does_not_parse(content_copy, capsys):
    path = content_copy / "actors.yaml"
    path.write_text(path.read_text() + "  - id: x\n   name: y\n", encoding="utf-8")
    before = path.read_bytes()
    assert main(["new", "actor", "added", "--content", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.endswith("; fix that first\n")
    assert path.read_bytes() == before


def test_a_todo_in_a_paragraph_is_reported_at_its_line(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "actors.yaml"
    path.write_text(
        path.read_text().replace(
            "      - text: A journalist.",
            "      - text: >-\n          A journalist who\n          wrote TODO.",
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert [str(p) for p in caught.value.problems] == [
        "content/actors.yaml:10:17: actors['orunbekov'].summary#1.text: TODO left in text: the "
        "paragraph; may use {fig:figure-id} to show a key figure (write the words (or the "
        "citation) it needs)"
    ]


def test_a_todo_citation_is_not_called_an_unknown_source(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "actors.yaml"
    path.write_text(
        path.read_text().replace(
            "[{source: kloop, section: matraimov}]", "[{source: TODO, section: matraimov}]", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert [str(p) for p in caught.value.problems] == [
        "content/actors.yaml:9:28: actors['orunbekov'].summary#1.sources#1.source: TODO left in "
        "source: id of a source in sources.yaml (write the words (or the citation) it needs)"
    ]
