"""Keyboard only: the skip link comes first and lands in <main>; Tab reaches every nav link."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("visits", ["mobile_visits", "desktop_visits"], ids=["390x844", "1280x900"])
def test_skip_link_and_navigation_work_by_keyboard(request, visits):
    problems = [f"{visit.name}: {problem}" for visit in request.getfixturevalue(visits)
                for problem in visit.keyboard]
    assert not problems, "\n".join(problems)
