"""Shared fixtures: the app, a client, content folders to break, and built sites.

Tests of behaviour run on the test fixture's content (tests/fixtures/content, translated by
tests/fixturecontent.py): `content`, `app`, `client`, `built_site`. Only the gates over what is
published (tests/quality/, tests/browser/) and the editorial checks of the shipped content
(tests/test_editorial.py) take the `shipped_*` fixtures.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from calculator.cli import load_params
from fakefarms.build.publish import build_site
from fakefarms.content import load_content
from fakefarms.web.app import create_app
from tests.fixturecontent import FIXTURE_CONTENT, translated_copy

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = ROOT / "content"
#: The calculator parameters the formula tests lock; editors never change them.
FIXTURE_CALCULATOR = FIXTURE_CONTENT / "calculator.yaml"
SUBPATH_BASE = "https://example.org/fake-farms/"
ROOT_BASE = "http://127.0.0.1/"

#: How the tests run under `make mutation`.
pytest_plugins = ["tests.mutationhooks"]


@pytest.fixture(scope="session")
def fixture_content(tmp_path_factory) -> Path:
    """The test fixture's content in both languages, in a folder of its own: builds record the
    addresses they published beside their content, and no test writes into the working tree."""
    return translated_copy(tmp_path_factory.mktemp("fixture") / "content")


@pytest.fixture(scope="session")
def content(fixture_content):
    """The fixture content, loaded once for every test that reads it."""
    return load_content(fixture_content)


@pytest.fixture(scope="session")
def app(fixture_content):
    return create_app({"TESTING": True, "BASE_URL": SUBPATH_BASE, "CONTENT_DIR": fixture_content})


@pytest.fixture
def client(app):
    return app.test_client()


def _built(tmp_path_factory, content: Path, name: str, base_url: str) -> Path:
    """`content` built for `base_url` into a folder of the session's own."""
    out = tmp_path_factory.mktemp(name) / "public"
    build_site(content, out, base_url)
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, fixture_content) -> Path:
    """The fixture content built at a domain root."""
    return _built(tmp_path_factory, fixture_content, "root", ROOT_BASE)


@pytest.fixture(scope="session")
def built_subpath_site(tmp_path_factory, fixture_content) -> Path:
    """The fixture content built for hosting under a sub-path."""
    return _built(tmp_path_factory, fixture_content, "sub", SUBPATH_BASE)


@pytest.fixture(scope="session")
def calculator_params():
    """The fixture calculator parameters: golden tables, properties and the CLI run on these,
    so that they lock the formulas, not today's content."""
    return load_params(FIXTURE_CALCULATOR)


@pytest.fixture(scope="session")
def shipped_calculator_params():
    """content/calculator.yaml as it is now: only for tests of the content's consistency."""
    return load_params(SHIPPED_CONTENT / "calculator.yaml")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the small fixture content, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def shipped_content(tmp_path_factory) -> Path:
    """A copy of the shipped content, to build from: a build records the addresses it
    published beside its content, and no test writes into the working tree."""
    target = tmp_path_factory.mktemp("shipped") / "content"
    shutil.copytree(SHIPPED_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory, shipped_content) -> Path:
    """The shipped content built at a domain root: what the gates check."""
    return _built(tmp_path_factory, shipped_content, "shipped-root", ROOT_BASE)


@pytest.fixture(scope="session")
def shipped_subpath_site(tmp_path_factory, shipped_content) -> Path:
    """The shipped content built for hosting under a sub-path."""
    return _built(tmp_path_factory, shipped_content, "shipped-sub", SUBPATH_BASE)


@pytest.fixture(scope="session")
def shipped_model():
    """The shipped content, loaded once: for the editorial checks and the gates only."""
    return load_content(SHIPPED_CONTENT)
