"""What editors meet while changing content: ordering, messages, choices."""

from __future__ import annotations

import pytest

from fakefarms.build.publish import build_site
from fakefarms.content import ContentError, load_content
from tests.sitecheck import parsed
from tests.test_content_errors import replace


def _problems(directory) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(directory)
    return [str(p) for p in caught.value.problems]


def _append_event(directory, event: str) -> None:
    path = directory / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8") + event, encoding="utf-8")


END_OF_2019 = """  - id: end-2019
    date: 2019
    date_label: End of 2019
    title: Attacks noticed
    text: Outlets noticed attacks.
    category: farm
    sources: [{source: kloop, section: matraimov}]
"""


def test_a_year_only_event_sorts_before_the_months_of_its_year(content_copy):
    _append_event(content_copy, END_OF_2019)
    assert [e.id for e in load_content(content_copy).events] == ["end-2019", "early", "pub"]


def test_order_as_places_an_event_without_a_more_precise_date(content_copy):
    _append_event(content_copy, END_OF_2019 + "    order_as: 2019-12\n")
    events = load_content(content_copy).events
    assert [e.id for e in events] == ["early", "end-2019", "pub"]
    assert events[1].when() == "End of 2019"  # the shown date is unchanged


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "kind: alleged",
            "kind: accused",
            "content/farms.yaml:17:15: farms['pro-matraimov'].links['orunbekov'].kind: 'accused' is "
            "not an allowed value (allowed: alleged, asked, supported, benefited, targeted)",
        ),
        (
            "kind: denied",
            "kind: denid",
            "content/farms.yaml:29:22: farms['pro-matraimov'].links['orunbekov'].response"
            ".statements#2.kind: 'denid' is not an allowed value (did you mean 'denied'? allowed: "
            "no_response, refused, denied, confirmed, said)",
        ),
    ],
    ids=["every-allowed-value", "close-guess-and-allowed-values"],
)
def test_a_choice_lists_the_allowed_values(content_copy, monkeypatch, old, new, expected):
    monkeypatch.chdir(content_copy.parent)
    replace(content_copy / "farms.yaml", old, new)
    assert _problems(content_copy) == [expected]


def test_no_guess_of_another_shape_is_offered(content_copy, monkeypatch):
    """'summry' with a list under it is not a typo of the text field 'summary'."""
    monkeypatch.chdir(content_copy.parent)
    replace(
        content_copy / "farms.yaml",
        "    period: 2019–2020\n",
        "    period: 2019–2020\n    summry:\n      - a list\n",
    )
    (problem,) = _problems(content_copy)
    assert "unknown field 'summry' (allowed: id, name, summary" in problem


# -- prose: the Markdown subset, tokens and retyped figures --------------------------------


def _set_summary(directory, text: str) -> None:
    """Give the first actor's summary paragraph a new text (as a literal block)."""
    path = directory / "actors.yaml"
    block = "|-\n" + "".join(f"          {line}\n" for line in text.splitlines())
    path.write_text(path.read_text(encoding="utf-8").replace("A journalist.\n", block, 1), encoding="utf-8")


def test_markdown_subset_is_published_as_formatting(content_copy, tmp_path):
    _set_summary(
        content_copy,
        "He is **named** by *three* sources; see [the farm](/farms/"
        "pro-matraimov/) and [Kloop](https://kloop.kg/).\n\n"
        "- first point\n- second point",
    )
    out = tmp_path / "out"
    build_site(content_copy, out)
    soup = parsed(out / "actors/orunbekov/index.html")
    main = soup.select_one("main")
    assert main.select_one("strong").get_text() == "named"
    assert main.select_one("p em").get_text() == "three"
    assert main.select_one("a[href='../../farms/pro-matraimov/']").get_text() == "the farm"
    assert main.select_one("a[href='https://kloop.kg/']")["rel"] == ["noopener"]
    assert [li.get_text() for li in main.select("ul li")][:2] == ["first point", "second point"]
    assert "**" not in main.get_text() and "](" not in main.get_text()


def test_every_bad_token_and_link_in_a_paragraph_is_reported_at_its_own_line(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    _set_summary(
        content_copy,
        "One {fig:analysed} and {figure:analysed}\n"
        "then {sic} and [a link](javascript:alert(1))\n"
        "and <em>raw</em> and [data](data:text/html,x).",
    )
    problems = _problems(content_copy)
    where = "actors['orunbekov'].summary#1.text"
    assert problems == [
        f"content/actors.yaml:9:34: {where}: unknown token '{{figure:analysed}}' "
        "(the only token is {fig:figure-id}, for a key figure)",
        f"content/actors.yaml:10:16: {where}: unknown token '{{sic}}' "
        "(the only token is {fig:figure-id}, for a key figure)",
        f"content/actors.yaml:10:35: {where}: link to 'javascript:alert(1)' is not allowed "
        "(link to an https:// address, or to a page of this site such as /farms/pro-matraimov/)",
        f"content/actors.yaml:11:15: {where}: HTML tag '<em>' would be shown as text "
        "(write *emphasis*, **strong** or [text](https://…) instead)",
        f"content/actors.yaml:11:22: {where}: HTML tag '</em>' would be shown as text "
        "(write *emphasis*, **strong** or [text](https://…) instead)",
        f"content/actors.yaml:11:39: {where}: link to 'data:text/html,x' is not allowed "
        "(link to an https:// address, or to a page of this site such as /farms/pro-matraimov/)",
    ]


@pytest.mark.parametrize(
    "written", ["approximately 800", "800", "Approximately\n800", "$100 to $150", "$100–150"]
)
def test_a_retyped_key_figure_asks_for_its_token(content_copy, monkeypatch, written):
    monkeypatch.chdir(content_copy.parent)
    _set_summary(content_copy, f"Kloop looked at {written} accounts.")
    figure = "analysed" if "800" in written else "pay"
    shown = "approximately 800" if figure == "analysed" else "$100–150"
    (problem,) = _problems(content_copy)
    assert problem.startswith("content/actors.yaml:9:27: actors['orunbekov'].summary#1.text: ")
    assert problem.endswith(
        f"retypes the key figure '{figure}' (write {{fig:{figure}}}, which "
        f"shows “{shown}” and follows any change to it)"
    )


@pytest.mark.parametrize("written", ["in 2020", "8,000 posts", "1800", "$1000", "about 80"])
def test_other_numbers_are_not_taken_for_key_figures(content_copy, written):
    _set_summary(content_copy, f"Kloop looked {written} and {{fig:analysed}} accounts.")
    load_content(content_copy)


def test_the_calculator_prose_uses_tokens_and_the_cli_shows_their_words(content_copy):
    from calculator.cli import load_params

    params = load_params(content_copy / "calculator.yaml")
    entry = next(t for t in params.tiers if t.id == "entry")
    assert "{fig:" not in entry.description and "$100–150" in entry.description


def test_an_overlong_title_is_a_warning_that_does_not_stop_the_build(content_copy, monkeypatch, capsys):
    from fakefarms.build.cli import main

    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "farms.yaml"
    long_name = "Pro-Matraimov farm " + "and its many accounts " * 6
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Pro-Matraimov farm", f"name: {long_name.strip()}"),
        encoding="utf-8",
    )
    assert main(["check", "--content", str(content_copy)]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"content/farms.yaml:4:11: farms['pro-matraimov'].name: warning: "
        f"{len(long_name.strip())} characters is long for a title or name (keep it "
        "under 120: it is shown in lists, tabs and link previews)\n"
    )


def test_meta_descriptions_are_cut_at_a_word(content_copy, tmp_path):
    path = content_copy / "home.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "description: A story.", "description: " + "A long description of the site. " * 8
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build_site(content_copy, out)
    soup = parsed(out / "index.html")
    description = soup.select_one("meta[name=description]")["content"]
    assert len(description) <= 161 and description.endswith("site…")


def test_the_editors_guide_examples_are_valid_yaml():
    import re

    import yaml

    from tests.conftest import ROOT

    guide = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    examples = re.findall(r"```yaml\n(.*?)```", guide, flags=re.DOTALL)
    assert len(examples) >= 8
    for example in examples:
        assert yaml.safe_load(example), example[:60]
