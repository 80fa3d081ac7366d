"""The JSON Schemas editors' IDEs read reject what `check` rejects, wherever a schema can say it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from fakefarms.content import FILES
from fakefarms.content.loader import schema_name
from tests.conftest import SHIPPED_CONTENT

SCHEMAS = SHIPPED_CONTENT / "schema"


def validator(filename: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / schema_name(FILES[filename])).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def shipped(filename: str):
    return yaml.safe_load((SHIPPED_CONTENT / filename).read_text(encoding="utf-8"))


def _stringify_dates(value):
    """An IDE's YAML server reads 2020-12-15 as text; PyYAML makes it a date."""
    if isinstance(value, dict):
        return {k: _stringify_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_dates(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("filename", sorted(FILES))
def test_the_shipped_content_passes_its_schema(filename):
    data = _stringify_dates(shipped(filename))
    errors = [e.message for e in validator(filename).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    "bad_date", ["2020-13", "2020-13-45", "2020-02-32", "2020-02-07 24:00", "2020-02-07 22:61", "20-02"]
)
def test_an_impossible_date_is_flagged_in_the_editor_too(bad_date):
    events = _stringify_dates(shipped("timeline.yaml"))
    events["events"][0]["date"] = bad_date
    assert list(validator("timeline.yaml").iter_errors(events))


def _first_link(farms, kind):
    return next(link for farm in farms["farms"] for link in farm["links"] if link["kind"] == kind)


@pytest.mark.parametrize(
    ("kind", "drop"), [("alleged", "response"), ("alleged", "allegation"), ("asked", "response")]
)
def test_a_link_without_what_its_kind_needs_is_flagged(kind, drop):
    farms = _stringify_dates(shipped("farms.yaml"))
    del _first_link(farms, kind)[drop]
    assert list(validator("farms.yaml").iter_errors(farms))


def test_a_request_for_comment_without_an_answer_is_flagged():
    farms = _stringify_dates(shipped("farms.yaml"))
    _first_link(farms, "asked")["response"]["statements"] = []
    assert list(validator("farms.yaml").iter_errors(farms))


def test_a_figure_with_a_value_and_a_range_is_flagged():
    figures = shipped("figures.yaml")
    figures["figures"][0]["low"] = 1
    assert list(validator("figures.yaml").iter_errors(figures))
