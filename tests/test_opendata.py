"""The open data: a valid Data Package whose tables hold what the site shows."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from frictionless import validate

from fakefarms.content import load_content
from fakefarms.outputs.opendata import TABLES, OpenDataError
from fakefarms.web.app import create_app
from tests.conftest import FIXTURE_CONTENT
from tests.sitecheck import pages, parsed


@pytest.fixture(scope="module", params=["", "ru/"])
def data_dir(built_site, request):
    """The open data of each language: the same rows, the words in that language."""
    return built_site / request.param / "data"


def test_the_data_package_is_valid(data_dir):
    report = validate(str(data_dir / "datapackage.json"))
    errors = [
        f"{task.name}: {error.type}: {error.note}" for task in report.tasks for error in task.errors
    ] + [f"{e.type}: {e.note}" for e in report.errors]
    assert report.valid, "\n".join(errors[:20])
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in package["resources"]} == {t.name for t in TABLES} | {"calculator"}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    links = next(r for r in package["resources"] if r["name"] == "links")
    assert {fk["reference"]["resource"] for fk in links["schema"]["foreignKeys"]} == {"farms", "actors"}


def rows(data_dir, name: str) -> list[dict]:
    with open(data_dir / f"{name}.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def count(built_site, page: str, selector: str) -> int:
    soup = parsed(built_site / page)
    return len(soup.select(selector))


def test_the_tables_hold_what_the_site_shows(built_site, data_dir, content):
    farm_pages = sorted(p.parent.name for p in (built_site / "farms").glob("*/index.html"))
    assert sorted(r["id"] for r in rows(data_dir, "farms")) == farm_pages
    actor_pages = sorted(p.parent.name for p in pages(built_site) if p.parent.parent == built_site / "actors")
    assert sorted(r["id"] for r in rows(data_dir, "actors")) == actor_pages
    links_shown = sum(
        count(built_site, f"farms/{farm}/index.html", "#linked .link, #targeted .link") for farm in farm_pages
    )
    assert len(rows(data_dir, "links")) == links_shown
    assert len(rows(data_dir, "events")) == count(built_site, "timeline/index.html", "li.event")
    assert len(rows(data_dir, "figures")) == len(content.figures)
    # Every allegation row names who makes it and what it rests on, with the response beside.
    for row in rows(data_dir, "links"):
        if row["kind"] == "alleged":
            assert row["allegation"] and row["alleged_by"] and row["basis"] and row["response"]
    # Figures are written out in plain words: no {fig:} tokens or markup in any text.
    for table in TABLES:
        text = (data_dir / f"{table.name}.csv").read_text(encoding="utf-8")
        assert "{fig:" not in text and "<" not in text, table.name


def test_csv_and_json_agree_and_the_page_lists_every_file(built_site, data_dir):
    soup = parsed(data_dir / "index.html")
    linked = {a["href"].rsplit("/", 1)[-1] for a in soup.select("a[href]")}
    for table in TABLES:
        records = json.loads((data_dir / f"{table.name}.json").read_text(encoding="utf-8"))
        assert len(records) == len(rows(data_dir, table.name))
        assert list(records[0]) == [c.name for c in table.columns]
        assert {f"{table.name}.csv", f"{table.name}.json"} <= linked
    assert {"datapackage.json", "calculator.json"} <= linked


@pytest.fixture(scope="module")
def fixture_client():
    """The fixture content served as the build freezes it: the same routes write data/."""
    return create_app({"TESTING": True, "CONTENT_DIR": FIXTURE_CONTENT}).test_client()


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_every_column_holds_what_the_fixture_content_fills(fixture_client, table):
    """The fixture content fills every column in some record (an event's and a figure's
    worked_out, a figure's note...), so a column whose values the code loses comes out empty
    here, in the CSV and in the JSON alike."""
    response = fixture_client.get(f"/data/{table.name}.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows, table.name
    empty = [c.name for c in table.columns if not any(row[c.name] for row in rows)]
    assert not empty, f"{table.name}.csv: no row has a value for {empty}"
    records = fixture_client.get(f"/data/{table.name}.json").get_json()
    assert [{k: "" if v is None else str(v) for k, v in r.items()} for r in records] == rows


def test_the_editors_working_is_in_the_data(fixture_client):
    content = load_content(FIXTURE_CONTENT)
    events = {r["id"]: r for r in fixture_client.get("/data/events.json").get_json()}
    figures = {r["id"]: r for r in fixture_client.get("/data/figures.json").get_json()}
    assert (
        [(e.id, e.worked_out) for e in content.events if e.worked_out]
        == [(i, r["worked_out"]) for i, r in events.items() if r["worked_out"]]
        != []
    )
    assert (
        [(f.id, f.worked_out, f.note) for f in content.figures.values() if f.worked_out]
        == [(i, r["worked_out"], r["note"]) for i, r in figures.items() if r["worked_out"]]
        != []
    )


def _with_value(table_name: str, column_name: str, value):
    """A table whose column computes `value` for every row: a broken value function."""
    table = next(t for t in TABLES if t.name == table_name)
    return dataclasses.replace(
        table,
        columns=tuple(
            dataclasses.replace(c, value=lambda *_: value) if c.name == column_name else c
            for c in table.columns
        ),
    )


LOST = "empty in every row, though the records fill 'worked_out'; its value function loses it"


@pytest.mark.parametrize(
    "table, column, value, message",
    [
        ("events", "worked_out", None, LOST),
        ("events", "worked_out", "", LOST),
        ("figures", "low", "100", "row 1: the value is '100' (str), not a number"),
        ("events", "farms", ["pro-matraimov"], "row 1: the value is ['pro-matraimov'] (list), not a string"),
        (
            "figures",
            "hedge",
            "roughly",
            "row 1: the value is 'roughly', not about, almost, approximately, around, at least, from, "
            "more than, nearly, over or up to",
        ),
        ("farms", "name", None, "row 1: the value is empty, but the column is required"),
    ],
)
def test_the_build_stops_on_a_value_with_no_place_in_its_column(table, column, value, message):
    """The whole message: the table, the column, the row counted from one, and why."""
    content = load_content(FIXTURE_CONTENT)
    with pytest.raises(OpenDataError) as raised:
        _with_value(table, column, value).records(content)
    separator = ": " if message == LOST else ", "
    assert str(raised.value) == f"open data table {table!r}, column {column!r}{separator}{message}"
