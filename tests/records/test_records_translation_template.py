"""What `python build.py translate LANGUAGE FILE` gives a translator to start from: every text
the file has, and nothing for a text the English leaves out (an empty dek)."""

from __future__ import annotations

import yaml

from fakefarms.content.export import translation_template
from tests.fixturecontent import FIXTURE_CONTENT


def test_a_page_without_a_dek_gives_no_dek_to_translate():
    assert "dek:" not in (FIXTURE_CONTENT / "home.yaml").read_text(encoding="utf-8")
    template = translation_template(FIXTURE_CONTENT, "ru", "home.yaml")
    words = yaml.safe_load(template)
    assert "dek" not in words
    assert {"title", "description", "lede", "sections"} <= set(words)
