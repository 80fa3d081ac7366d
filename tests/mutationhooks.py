"""How the tests run under `make mutation` (mutmut). Nothing here acts in any other run.

mutmut works in its copy of the project (mutants/). It first runs every test once with
MUTANT_UNDER_TEST=stats, tying each test to the functions it called and timing it. Then, for
each mutant, it runs with -x only the tests tied to the mutant's function, with
MUTANT_UNDER_TEST naming the mutant: the first test to fail kills it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

#: mutmut's copy of the project when these hooks act (this file is in its tests/).
COPY = Path(__file__).resolve().parent.parent
#: What mutmut's stats run measured: each test's duration, the tests tied to each function.
STATS = COPY / "mutmut-stats.json"
#: What the stats run measured of each fixture: its longest setup, in seconds.
FIXTURE_SECONDS = COPY / "mutation-fixture-seconds.json"

# A session fixture (the content loaded, the site built) runs once, inside the first test that
# asks for it: what it calls would be tied to that one test alone, and a mutant in the content
# loader would never meet the tests that kill it. The stats run ties what such a fixture
# called to every test that uses it.
_called_by_fixture: dict[str, set[str]] = {}
_fixture_seconds: dict[str, float] = {}


def _collecting_stats() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    if not _collecting_stats():
        return (yield)
    from mutmut.state import state

    called_before = set(state()._stats)
    state()._stats.clear()
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        took = time.perf_counter() - started
        name = fixturedef.argname
        _fixture_seconds[name] = max(took, _fixture_seconds.get(name, 0.0))
        if fixturedef.scope != "function":
            _called_by_fixture.setdefault(name, set()).update(state()._stats)
        state()._stats.update(called_before)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item):
    if _collecting_stats():
        from mutmut.state import state

        for name in item.fixturenames:
            state()._stats.update(_called_by_fixture.get(name, ()))


def pytest_sessionfinish(session):
    if _collecting_stats() and _fixture_seconds:
        FIXTURE_SECONDS.write_text(json.dumps(_fixture_seconds, indent=1, sort_keys=True), encoding="utf-8")


def pytest_collection_modifyitems(items):
    """For a mutant, the cheapest tests first, as the stats run timed them with the fixtures
    they set up (a test of one function before a test of the built site): the first to fail
    kills the mutant, so a cheap one kills it soonest."""
    if "MUTANT_UNDER_TEST" not in os.environ or not STATS.is_file():
        return
    took = json.loads(STATS.read_text(encoding="utf-8"))["duration_by_test"]
    setup = json.loads(FIXTURE_SECONDS.read_text(encoding="utf-8")) if FIXTURE_SECONDS.is_file() else {}
    items.sort(
        key=lambda item: took.get(item.nodeid, 0.0) + sum(setup.get(f, 0.0) for f in item.fixturenames)
    )
