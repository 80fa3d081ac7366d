"""Shared fixtures: the app, a client, content folders to break, and built sites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from calculator.cli import load_params
from fakefarms.build.publish import build_site
from fakefarms.content import load_content
from fakefarms.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = ROOT / "content"
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
#: The calculator parameters the formula tests lock; editors never change them.
FIXTURE_CALCULATOR = FIXTURE_CONTENT / "calculator.yaml"
SUBPATH_BASE = "https://example.org/fake-farms/"


@pytest.fixture(scope="session")
def app():
    return create_app({"TESTING": True, "BASE_URL": SUBPATH_BASE})


@pytest.fixture
def client(app):
    return app.test_client()


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
def built_site(tmp_path_factory, shipped_content) -> Path:
    """The shipped content built at a domain root."""
    out = tmp_path_factory.mktemp("root") / "public"
    build_site(shipped_content, out, "http://127.0.0.1/")
    return out


@pytest.fixture(scope="session")
def built_subpath_site(tmp_path_factory, shipped_content) -> Path:
    """The shipped content built for hosting under a sub-path."""
    out = tmp_path_factory.mktemp("sub") / "public"
    build_site(shipped_content, out, SUBPATH_BASE)
    return out


@pytest.fixture(scope="session")
def content():
    """The shipped content, loaded once for every test that reads it."""
    return load_content(SHIPPED_CONTENT)
