"""A translation in the wrong shape: each problem names where it is and what to write instead,
so an editor finds the line without reading the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixturecontent import translated_copy
from tests.test_content_errors import problems_for, replace


@pytest.fixture
def translated(tmp_path) -> Path:
    return translated_copy(tmp_path / "content")


def test_a_record_written_as_text_asks_for_its_fields(translated):
    calculator = translated / "ru" / "calculator.yaml"
    text = calculator.read_text(encoding="utf-8")
    start = text.index("supervisor_pay:\n")
    end = text.index("inputs:\n")
    calculator.write_text(text[:start] + "supervisor_pay: ⟦Supervisor⟧\n" + text[end:], encoding="utf-8")
    (problem,) = problems_for(translated)
    assert problem.endswith(
        "supervisor_pay: expected a mapping of fields (write it as 'field: text' lines, as in the original)"
    ), problem


def test_a_file_written_as_text_says_so_of_its_top_level(translated):
    (translated / "ru" / "figures.yaml").write_text("⟦figures⟧\n", encoding="utf-8")
    (problem,) = problems_for(translated)
    assert problem.endswith(
        "(top level): expected a mapping of fields (write it as 'field: text' lines, as in the original)"
    ), problem


def test_a_fact_in_a_translation_is_named_by_its_place(translated):
    replace(translated / "ru" / "figures.yaml", "- id: pay\n", "- id: pay\n  value: 6\n")
    (problem,) = problems_for(translated)
    assert "figures['pay'].value: 'value' is not text to translate" in problem, problem
