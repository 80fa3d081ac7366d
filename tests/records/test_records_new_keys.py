"""The ids `python build.py translations --update` writes into English items that have none,
so that translations can be tied to them: where each is written, and the line the command
prints for it (file, line, the item's path, the id), at every depth of the records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from fakefarms.content.translations import update
from tests.fixturecontent import FIXTURE_CONTENT, with_translations


@pytest.fixture
def unkeyed(tmp_path) -> Path:
    """The fixture as an editor leaves it: a translation declared, no ids on paragraphs,
    statements or contributors yet."""
    return with_translations(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))


def _printed(lines: list[str]) -> list[str]:
    """The lines `--update` prints, from the content folder on."""
    return [line.split("/content/", 1)[1] for line in lines]


def test_each_id_written_is_named_by_file_line_and_path(unkeyed):
    printed = _printed(update(unkeyed).keys)
    # a list at the top of a file
    assert "site.yaml:10: about['p1']: wrote id p1" in printed
    # a list in each item of a list
    assert "sources.yaml:11: sources['kloop'].contributors['c1']: wrote id c1" in printed
    assert "farms.yaml:13: farms['pro-matraimov'].sections['tactics'].passages['p1']: wrote id p1" in printed
    # a list in a record (a link's response) in an item of a list in an item of a list
    assert [line for line in printed if line.startswith("farms.yaml")] == [
        "farms.yaml:13: farms['pro-matraimov'].sections['tactics'].passages['p1']: wrote id p1",
        "farms.yaml:28: farms['pro-matraimov'].links['orunbekov'].response.statements['s1']: wrote id s1",
        "farms.yaml:29: farms['pro-matraimov'].links['orunbekov'].response.statements['s2']: wrote id s2",
    ]
    # and the ids are in the English file, each as its item's first field
    farms = yaml.safe_load((unkeyed / "farms.yaml").read_text(encoding="utf-8"))
    statements = farms["farms"][0]["links"][0]["response"]["statements"]
    assert [list(s)[0] for s in statements] == ["id", "id"]
    assert [s["id"] for s in statements] == ["s1", "s2"]
    # once written, there is nothing left to write
    assert update(unkeyed).keys == []


def test_a_record_written_as_empty_is_passed_over(unkeyed):
    """`allegation:` left empty (null) on a link that needs none holds nothing to key."""
    farms = unkeyed / "farms.yaml"
    text = farms.read_text(encoding="utf-8")
    old = "        role: defended by the accounts\n"
    assert old in text
    farms.write_text(text.replace(old, old + "        allegation:\n", 1), encoding="utf-8")
    printed = _printed(update(unkeyed).keys)
    assert (
        "farms.yaml:28: farms['pro-matraimov'].links['orunbekov'].response.statements['s1']: wrote id s1"
        in printed
    )
    assert "allegation:\n" in farms.read_text(encoding="utf-8")
