"""Keyboard only: the skip link comes first and lands in <main>; Tab reaches every nav link.

Walked on one page of each kind (same first folder and depth) at both sizes: the header is the
same on every page, the page kinds are what can differ.
"""

from __future__ import annotations

import pytest

from tests.sitecheck import one_per_kind

pytestmark = pytest.mark.browser


def test_skip_link_and_navigation_work_by_keyboard(visits):
    walked = {visit.name for visit in visits if visit.walked_by_keyboard}
    assert walked == one_per_kind(visit.name for visit in visits)
    problems = [f"{visit.name}: {problem}" for visit in visits for problem in visit.keyboard]
    assert not problems, "\n".join(problems)
