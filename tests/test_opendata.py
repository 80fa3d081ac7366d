"""The open data: a valid Data Package whose tables hold what the site shows."""

from __future__ import annotations

import csv
import json

import pytest
from frictionless import validate

from fakefarms.opendata import TABLES
from tests.sitecheck import pages, parsed


@pytest.fixture(scope="module", params=["", "ru/"])
def data_dir(built_site, request):
    """The open data of each language: the same rows, the words in that language."""
    return built_site / request.param / "data"


def test_the_data_package_is_valid(data_dir):
    report = validate(str(data_dir / "datapackage.json"))
    errors = [f"{task.name}: {error.type}: {error.note}" for task in report.tasks
              for error in task.errors] + [f"{e.type}: {e.note}" for e in report.errors]
    assert report.valid, "\n".join(errors[:20])
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in package["resources"]} == {t.name for t in TABLES} | {"calculator"}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    links = next(r for r in package["resources"] if r["name"] == "links")
    assert {fk["reference"]["resource"] for fk in links["schema"]["foreignKeys"]} == \
        {"farms", "actors"}


def rows(data_dir, name: str) -> list[dict]:
    with open(data_dir / f"{name}.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def count(built_site, page: str, selector: str) -> int:
    soup = parsed(built_site / page)
    return len(soup.select(selector))


def test_the_tables_hold_what_the_site_shows(built_site, data_dir, content):
    farm_pages = sorted(p.parent.name for p in (built_site / "farms").glob("*/index.html"))
    assert sorted(r["id"] for r in rows(data_dir, "farms")) == farm_pages
    actor_pages = sorted(p.parent.name for p in pages(built_site)
                         if p.parent.parent == built_site / "actors")
    assert sorted(r["id"] for r in rows(data_dir, "actors")) == actor_pages
    links_shown = sum(count(built_site, f"farms/{farm}/index.html",
                            "#linked .link, #targeted .link")
                      for farm in farm_pages)
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
