"""What editors meet while changing content: ordering, messages, choices."""

from __future__ import annotations

import pytest

from fakefarms.content import ContentError, load_content


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
    assert events[1].when == "End of 2019"  # the shown date is unchanged


def test_a_choice_lists_every_allowed_value(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "farms.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: alleged", "kind: accused"),
                    encoding="utf-8")
    assert _problems(content_copy) == [
        "content/farms.yaml:17:15: farms['pro-matraimov'].links['orunbekov'].kind: 'accused' is "
        "not an allowed value (allowed: alleged, asked, supported, benefited, targeted)"]


def test_a_close_guess_is_offered_with_the_allowed_values(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "farms.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: denied", "kind: denid"),
                    encoding="utf-8")
    assert _problems(content_copy) == [
        "content/farms.yaml:29:22: farms['pro-matraimov'].links['orunbekov'].response"
        ".statements#2.kind: 'denid' is not an allowed value (did you mean 'denied'? allowed: "
        "no_response, refused, denied, confirmed, said)"]


def test_no_guess_of_another_shape_is_offered(content_copy, monkeypatch):
    """'source' with a list under it is not a typo of the text field 'summary'."""
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "farms.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    period: 2019–2020\n", "    period: 2019–2020\n    summry:\n"
                                 "      - a list\n"), encoding="utf-8")
    (problem,) = _problems(content_copy)
    assert "unknown field 'summry' (allowed: id, name, summary" in problem
