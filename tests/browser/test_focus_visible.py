"""WCAG 2.2, 2.4.11: a control the keyboard reaches is never more than half hidden under a
sticky box (the calculator's estimate, the contents bar), going forwards or backwards, on
every kind of page in every language, on a phone, a desktop and a desktop zoomed to 400%."""

from __future__ import annotations

import pytest

from .passes import FOCUS_SCREENS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", list(FOCUS_SCREENS))
def test_no_focused_control_is_hidden_under_a_sticky_box(focus_walks, screen):
    walks = {name: found for name, found in focus_walks.items() if name.startswith(screen + " ")}
    assert len(walks) >= 30, sorted(walks)  # every kind of page, in both languages
    problems = [f"{name}: {problem}" for name, found in walks.items() for problem in found["problems"]]
    assert not problems, "\n".join(problems[:20])


def test_each_walk_goes_all_the_way_round_both_ways(focus_walks):
    """The walks reach every stop: as many going backwards as forwards, and more than the
    header's links on every page (a walk that stopped early would check nothing); an embed,
    which has no header, at least its data and its link out."""

    def fewest(name: str) -> int:
        return 2 if "embed/" in name and not name.endswith("embed/index.html") else 5

    short = {
        name: found["stops"]
        for name, found in focus_walks.items()
        if found["stops"]["Tab"] != found["stops"]["Shift+Tab"] or found["stops"]["Tab"] < fewest(name)
    }
    assert not short, short
