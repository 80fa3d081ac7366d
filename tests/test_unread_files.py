"""A YAML file in the content folder that the site does not read is reported, not ignored."""

from __future__ import annotations

from calculator.load import load_params
from fakefarms.content import FILES, load_content
from tests.test_content_errors import problems_for

READ = ", ".join(sorted(FILES))


def test_extra_file_of_a_known_kind_is_reported(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "farms-extra.yaml").write_text("farms: []\n", encoding="utf-8")
    assert problems_for(content_copy) == [
        "content/farms-extra.yaml:1:1: this file is not read by the site (move its entries "
        f"into farms.yaml, then delete it; the files it reads are: {READ})"
    ]


def test_every_unread_file_is_reported_with_the_other_problems(content_copy, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "notes.yml").write_text("todo: check\n", encoding="utf-8")
    (content_copy / "Sitemap.YAML").write_text("pages: []\n", encoding="utf-8")
    (content_copy / "corrections.yaml").write_text("", encoding="utf-8")
    assert problems_for(content_copy) == [
        "content/Sitemap.YAML:1:1: this file is not read by the site (move its entries into "
        f"the file that holds their kind, then delete it; the files it reads are: {READ})",
        "content/corrections.yaml:1:1: file is empty (restore its content from version control)",
        "content/notes.yml:1:1: this file is not read by the site (move its entries into the "
        f"file that holds their kind, then delete it; the files it reads are: {READ})",
    ]


def test_schemas_hidden_files_and_other_files_are_left_alone(content_copy):
    (content_copy / "schema").mkdir()
    (content_copy / "schema" / "farms.schema.yaml").write_text("{}\n", encoding="utf-8")
    (content_copy / ".farms.yaml.swp.yaml").write_text("x\n", encoding="utf-8")
    (content_copy / "README.md").write_text("# Content\n", encoding="utf-8")
    (content_copy / "farms.yaml.bak").write_text("farms: []\n", encoding="utf-8")
    assert load_content(content_copy).farms


def test_calculator_alone_does_not_report_the_rest_of_the_folder(content_copy):
    (content_copy / "farms-extra.yaml").write_text("farms: []\n", encoding="utf-8")
    assert load_params(content_copy / "calculator.yaml").tiers
