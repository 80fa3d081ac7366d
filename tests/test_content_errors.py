"""Every class of bad content gets one precise line: file, line, column, field, message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fakefarms.build import cli
from fakefarms.content import ContentError, load_content
from tests.conftest import FIXTURE_CONTENT, ROOT, SHIPPED_CONTENT


def problems_for(directory: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(directory)
    return [str(p) for p in caught.value.problems]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_content_loads():
    content = load_content(FIXTURE_CONTENT)
    assert list(content.farms) == ["pro-matraimov"]
    assert [e.id for e in content.events] == ["early", "pub"]  # sorted by date


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    ("filename", "old", "new", "expected"),
    [
        pytest.param(
            "farms.yaml",
            "    period: 2019–2020",
            "    period: [2019",
            "content/farms.yaml:7:12: YAML syntax error",
            id="yaml-syntax",
        ),
        pytest.param(
            "actors.yaml",
            "    kind: person\n    role: Journalist",
            "    kind: person\n\trole: Journalist",
            "content/actors.yaml:6:1: a tab (U+0009) used for indentation at column 1 "
            "(indent with ordinary spaces only: delete it and type spaces)",
            id="tab-indentation",
        ),
        pytest.param(
            "actors.yaml",
            "    kind: person\n    role: Journalist",
            "    kind: person\n  \u00a0 role: Journalist",
            "content/actors.yaml:6:3: a no-break space (U+00A0) used for indentation at "
            "column 3 (indent with ordinary spaces only: delete it and type spaces)",
            id="no-break-space-indentation",
        ),
        pytest.param(
            "farms.yaml",
            "- actor: orunbekov",
            "- actor: orunbekov\u200b",
            "content/farms.yaml:16:25: farms['pro-matraimov'].links['orunbekov\u200b']"
            ".actor: a zero width space (U+200B) at character 10 (delete it, and type a "
            "space if one belongs there: it cannot be seen, but the text is not what it "
            "looks like)",
            id="zero-width-space-in-a-reference",
        ),
        pytest.param(
            "farms.yaml",
            "    name: Pro-Matraimov farm",
            "    name: [Pro, farm]",
            "content/farms.yaml:4:11: farms['pro-matraimov'].name: expected text, got a list",
            id="wrong-type",
        ),
        pytest.param(
            "farms.yaml",
            "    period: 2019–2020\n",
            "",
            "content/farms.yaml:3:5: farms['pro-matraimov'].period: missing required field 'period' "
            "(when it operated, in words, as precise as the source)",
            id="missing-field",
        ),
        pytest.param(
            "farms.yaml",
            "    summary:",
            "    sumary:",
            "content/farms.yaml:5:5: farms['pro-matraimov'].sumary: unknown field 'sumary' "
            "(did you mean 'summary'?)",
            id="unknown-field",
        ),
        pytest.param(
            "timeline.yaml",
            "  - id: early",
            "  - id: pub",
            "content/timeline.yaml:11:9: events['pub'].id: duplicate id 'pub' "
            "(already used at content/timeline.yaml:3; ids must be unique)",
            id="duplicate-id",
        ),
        pytest.param(
            "farms.yaml",
            "      - actor: orunbekov",
            "      - actor: orunbekv",
            "content/farms.yaml:16:16: farms['pro-matraimov'].links['orunbekv'].actor: "
            "unknown actor 'orunbekv' (did you mean 'orunbekov'?)",
            id="dangling-reference",
        ),
        pytest.param(
            "timeline.yaml",
            "date: 2020-12-31",
            "date: 2020-02-30",
            "content/timeline.yaml:4:11: events['pub'].date: '2020-02-30' is an impossible "
            "date: February 2020 has 29 days",
            id="impossible-date",
        ),
        pytest.param(
            "figures.yaml",
            "value: 800",
            "value: -800",
            "content/figures.yaml:6:12: figures['analysed'].value: -800.0 is below the minimum 0 "
            "(counts cannot be negative)",
            id="negative-count",
        ),
        pytest.param(
            "costs.yaml",
            "    calculator: typical-party-farm",
            "    calculator: typical-farm",
            "content/costs.yaml:14:17: sections['one'].calculator: unknown preset "
            "'typical-farm' (did you mean 'typical-party-farm'?)",
            id="unknown-calculator-preset",
        ),
        pytest.param(
            "figures.yaml",
            "low: 100",
            "low: 1000",
            "content/figures.yaml:12:10: figures['pay'].low: low (1000) is greater than "
            "high (150) (swap the two numbers)",
            id="min-above-max",
        ),
    ],
)
def test_bad_content_is_reported_precisely(content_copy, monkeypatch, filename, old, new, expected):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / filename, old, new)
    problem = only(problems_for(content_copy))
    assert problem.startswith(expected), problem


def test_yaml_syntax_error_names_the_problem(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "farms.yaml", "    period: 2019–2020", "    period: [2019")
    problem = only(problems_for(content_copy))
    assert "YAML syntax error" in problem and "check indentation" in problem


def test_empty_file(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "corrections.yaml").write_text("", encoding="utf-8")
    assert only(problems_for(content_copy)).startswith("content/corrections.yaml:1:1: file is empty")


def test_file_that_is_not_utf8(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "site.yaml"
    path.write_bytes(path.read_bytes().replace(b"tagline: Test", b"tagline: T\xe9st"))
    assert only(problems_for(content_copy)) == (
        "content/site.yaml:3:11: file is not UTF-8 text (save it with UTF-8 encoding)"
    )


def test_unreadable_file(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "corrections.yaml").unlink()
    (content_copy / "corrections.yaml").mkdir()  # reading a folder fails even for root
    assert only(problems_for(content_copy)).startswith("content/corrections.yaml:1:1: cannot read file")


def test_missing_response_fails(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    farms = content_copy / "farms.yaml"
    text = farms.read_text(encoding="utf-8")
    start = text.index("        response:\n")
    farms.write_text(text[:start] + text[text.index("      - actor: matraimov") :], encoding="utf-8")
    assert only(problems_for(content_copy)).endswith(
        "farms['pro-matraimov'].links['orunbekov'].response: an 'alleged' link needs the response "
        "(add 'response:' with request, statements, text and sources)"
    )


def test_unknown_source_section(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "timeline.yaml", "section: intro}", "section: intor}")
    assert only(problems_for(content_copy)).endswith(
        "events['pub'].sources#1.section: source 'kloop' has no section 'intor' (did you mean 'intro'?)"
    )


def test_unknown_figure_token(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "site.yaml", "{fig:analysed}", "{fig:analysd}")
    assert "unknown figure 'analysd' (did you mean 'analysed'?)" in only(problems_for(content_copy))


def test_every_problem_is_reported_at_once(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "farms.yaml", "    summary:", "    sumary:")
    replace(content_copy / "timeline.yaml", "date: 2020-12-31", "date: 2020-13")
    replace(content_copy / "figures.yaml", "value: 800", "value: many")
    assert len(problems_for(content_copy)) == 3


def test_check_cli_prints_one_line_per_problem_and_exits_1(content_copy, monkeypatch, capsys):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "farms.yaml", "    summary:", "    sumary:")
    replace(content_copy / "figures.yaml", "value: 800", "value: -1")
    assert cli.main(["check", "--content", "content"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0].startswith("content/farms.yaml:5:5: farms['pro-matraimov'].sumary: unknown field")
    assert lines[1].startswith("content/figures.yaml:6:12: figures['analysed'].value:")
    assert lines[2] == "2 problem(s); nothing was built."
    assert "Traceback" not in err


def test_check_cli_debug_shows_traceback(content_copy):
    replace(content_copy / "farms.yaml", "    summary:", "    sumary:")
    with pytest.raises(ContentError):
        cli.main(["--debug", "check", "--content", str(content_copy)])


def test_the_command_runs_as_a_script(content_copy):
    """The one subprocess smoke test: build.py itself, as editors run it (on a copy of the
    fixture: check records the addresses the content publishes beside it). Whether the shipped
    content passes is checked in tests/test_editorial.py."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--content", str(content_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "content OK" in result.stdout
    assert "Traceback" not in result.stderr


def test_schema_comment_is_required(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "actors.yaml"
    path.write_text(path.read_text().split("\n", 1)[1])
    assert only(problems_for(content_copy)) == (
        "content/actors.yaml:1:1: first line should name the schema "
        "(make it '# yaml-language-server: $schema=schema/actors.schema.json')"
    )


def test_exported_schemas_are_up_to_date():
    from fakefarms.content.export import schemas

    for name, text in schemas().items():
        path = SHIPPED_CONTENT / "schema" / name
        assert path.read_text(encoding="utf-8") == text, f"run: python build.py schema ({name})"


def test_calculator_tier_must_agree_with_its_figure(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "calculator.yaml", "    high: 150\n", "    high: 160\n")
    problem = only(problems_for(content_copy))
    assert problem.endswith(
        "tier 'entry' has high 160 but figure 'pay' says 150 "
        "(make them agree, or list the end under 'assumed')"
    )
    assert problem.startswith("content/calculator.yaml:")


def test_every_tier_that_names_a_figure_is_checked_against_it(content_copy):
    """A tier that names no figure does not end the check: a later one that does is checked."""
    replace(content_copy / "calculator.yaml", "    high: 3000\n", "    high: 3000\n    figure: pay\n")
    problems = problems_for(content_copy)
    assert any("tier 'top' has high 3000 but figure 'pay' says 150" in p for p in problems), problems


def test_the_som_rate_must_come_from_figures_that_fit(content_copy, monkeypatch):
    """The rate of som to the dollar: a som figure and a dollar figure of the same amount,
    checked when the site reads its content as when the calculator does."""
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "calculator.yaml", "  figure: wage-som\n", "  figure: wage-usd\n")
    problem = only(problems_for(content_copy))
    assert problem.startswith("content/calculator.yaml:")
    assert "som.figure: figure 'wage-usd' is written as usd, not som" in problem


def test_a_som_rate_from_two_sources_says_what_to_name(content_copy):
    replace(content_copy / "calculator.yaml", "  usd_figure: wage-usd\n", "  usd_figure: worker-pay\n")
    problems = problems_for(content_copy)
    assert any(
        p.endswith(
            "cite no source in common (name two figures that one source gives for the same amount, "
            "in som and in US dollars)"
        )
        for p in problems
    ), problems
