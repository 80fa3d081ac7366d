"""How the tests run under `make mutation` (mutmut). Nothing here acts in any other run.

mutmut works in its copy of the project (mutants/). It first runs every test once with
MUTANT_UNDER_TEST=stats, tying each test to the functions it called and timing it. Then, for
each mutant, it runs with -x only the tests tied to the mutant's function, with
MUTANT_UNDER_TEST naming the mutant: the first test to fail kills it.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import time
from pathlib import Path

import pytest

#: mutmut's copy of the project when these hooks act (this file is in its tests/).
COPY = Path(__file__).resolve().parent.parent
#: What mutmut's stats run measured: each test's duration, the tests tied to each function.
STATS = COPY / "mutmut-stats.json"
#: What the stats run measured of each fixture: its longest setup, in seconds.
FIXTURE_SECONDS = COPY / "mutation-fixture-seconds.json"
#: A test that runs longer than this many times what the stats run timed, and this many seconds
#: more, is stuck in a loop the mutant made.
OVERRUN_TIMES, OVERRUN_SECONDS = 10, 20

# A session fixture (the content loaded, the site built) runs once, inside the first test that
# asks for it: what it calls would be tied to that one test alone, and a mutant in the content
# loader would never meet the tests that kill it. The stats run ties what such a fixture
# called to every test that uses it.
_called_by_fixture: dict[str, set[str]] = {}
_fixture_seconds: dict[str, float] = {}


def _collecting_stats() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


def _testing_a_mutant() -> bool:
    return "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", "")


@functools.cache
def _durations() -> dict[str, float]:
    """Each test's duration in the stats run."""
    return json.loads(STATS.read_text(encoding="utf-8"))["duration_by_test"] if STATS.is_file() else {}


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


def _nearness(item, mutant: str) -> int:
    """How near a test is to the mutated module: 0 for its own tests (test_records_schema.py,
    test_schema_parity.py for records.schema), 1 for its package's (tests/records/), 2 else."""
    parts = mutant.split(".")
    module = parts[: next(i for i, part in enumerate(parts) if part.startswith(("x_", "xǁ")))]
    stem = item.path.stem
    if stem.endswith(f"_{module[-1]}") or f"_{module[-1]}_" in stem:
        return 0
    return 1 if module[0] in item.path.parts or stem.startswith(f"test_{module[0]}_") else 2


def pytest_collection_modifyitems(items):
    """For a mutant, the tests of its own module first, then those of its package, then the
    rest; within each, the cheapest first, as the stats run timed them with the fixtures they
    set up (a test of one function before a test of the built site). The first to fail kills
    the mutant, so a near and cheap one kills it soonest: most mutants of the content reader
    fail a table of messages in tests/records/, after a few hundred tests of the calculator
    that cost less and that also read content."""
    mutant = os.environ.get("MUTANT_UNDER_TEST")
    if mutant is None:
        return
    took = _durations()
    setup = json.loads(FIXTURE_SECONDS.read_text(encoding="utf-8")) if FIXTURE_SECONDS.is_file() else {}

    def cost(item) -> float:
        return took.get(item.nodeid, 0.0) + sum(setup.get(name, 0.0) for name in item.fixturenames)

    if not _testing_a_mutant():
        items.sort(key=cost)
        return
    items.sort(key=lambda item: (_nearness(item, mutant), cost(item)))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A mutant that keeps a test running far longer than the stats run timed it (an endless
    loop) fails that test there and then. mutmut's own limit is on the whole run, at fifteen
    times the sum of its tests' times: a loop in the content reader held a core for half an
    hour."""
    if not _testing_a_mutant() or item.nodeid not in (took := _durations()):
        return (yield)
    limit = OVERRUN_TIMES * took[item.nodeid] + OVERRUN_SECONDS

    def overran(signum, frame):
        pytest.fail(f"still running after {limit:.0f} s: the stats run timed it at {took[item.nodeid]:.1f} s")

    previous = signal.signal(signal.SIGALRM, overran)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return (yield)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
