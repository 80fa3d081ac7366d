"""content/calculator.yaml: typed, sourced, checked, and mirrored for the browser."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
import yaml

from calculator import params_to_json
from calculator.cli import load_params
from calculator.params import CalculatorFile, Citation
from calculator.vectors import build, problems, render, variant

ROOT = Path(__file__).resolve().parents[2]
YAML = ROOT / "content" / "calculator.yaml"
VECTORS = Path(__file__).resolve().parent / "vectors.json"


@pytest.fixture(scope="module")
def params():
    return load_params()


def load_problems(tmp_path: Path, old: str, new: str) -> list[str]:
    """Load the shipped YAML with one change; return the problems the loader reports."""
    from fakefarms.content import ContentError

    text = YAML.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "calculator.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for beside in ("sources.yaml", "figures.yaml"):  # citations and {fig:id} tokens
        shutil.copy(YAML.parent / beside, tmp_path)
    with pytest.raises(ContentError) as caught:
        load_params(path)
    return [str(p) for p in caught.value.problems]


def test_first_line_names_the_schema():
    first = YAML.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/calculator.schema.json"


def test_shipped_parameters_have_no_problems(params):
    assert problems(params) == []
    assert problems(variant(params)) == []


def _citations(value):
    if isinstance(value, Citation):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _citations(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            yield from _citations(item)


def test_every_citation_names_a_known_source_section(params):
    sources_file = YAML.parent / "sources.yaml"
    if not sources_file.exists():
        pytest.skip("content/sources.yaml is not there yet")
    sources = yaml.safe_load(sources_file.read_text(encoding="utf-8"))["sources"]
    sections = {(s["id"], x["id"]) for s in sources for x in s["sections"]}
    cited = {(c.source, c.section) for c in _citations(params)}
    assert cited and cited <= sections, cited - sections


def test_the_language_effect_is_neutral_and_said_to_be_an_assumption(params):
    assert all(x.multiplier == 1.0 and x.assumed == ["multiplier"] for x in params.languages)
    assert "assumption" in params.notes.language and "1.0" in params.notes.language


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("default_preset: typical-party-farm", "default_preset: typical-farm",
     "default_preset: unknown preset 'typical-farm'"),
    ("blogger_tier: blogger", "blogger_tier: bloggers", "blogger_tier: unknown tier 'bloggers'"),
    ("    low: 100\n    high: 150\n", "    low: 150\n    high: 100\n",
     "tiers['entry'].low: low (150) is greater than high (100)"),
    ("    multiplier: 1.0\n", "    multiplier: 1.155\n",
     "languages['kyrgyz'].multiplier: 1.155 has more than two decimals"),
    ("    multiplier: 1.0\n", "    multiplier: 9\n", "9.0 is above the maximum 4.0"),
    ("    staff: 10\n    accounts_per_person: 5\n    language: both\n    tier: entry\n",
     "    staff: 10\n    accounts_per_person: 5\n    language: both\n    tier: entri\n",
     "presets['typical-party-farm'].tier: unknown tier 'entri'"),
    ("    staff: 8\n", "    staff: 20000\n",
     "presets['election-2015-team'].staff: 20000 is outside the calculator's limits 0–10000"),
    ("    pay: 180\n", "    pay: 180\n    tier: entry\n", "give either a pay tier or a custom pay"),
    ("    assumed: [low]\n", "", "tiers['top'].assumption: the assumption names no value"),
    ("  - id: experienced\n", "  - id: entry\n", "duplicate id 'entry'"),
    ("    sources:\n      - {source: kloop, section: presidents}\n    assumed: [accounts",
     "    assumed: [accounts", "presets['pro-atambayev-worker'].sources: staff, tier: no source given"),
    ("    amount: 350\n", "    amount: 350\n    preset: one-admin\n",
     "give either an amount or a preset"),
    ("    max: 10000\n", "    max: 1000000000\n", "too large to compute exactly"),
    ("  staff:\n    label", "  staf:\n    label", "unknown field 'staf'"),
])
def test_the_loader_reports_mistakes_with_their_line(tmp_path, old, new, expected):
    found = load_problems(tmp_path, old, new)
    assert any(expected in p for p in found), found
    assert all(p.startswith(f"{tmp_path / 'calculator.yaml'}:") or "calculator.yaml:" in p
               for p in found)


def test_json_schema_can_be_exported():
    from fakefarms.content.schema import json_schema

    schema = json_schema(CalculatorFile, "calculator.yaml")
    assert {"Tier", "Preset", "Language", "Bound", "Citation"} <= set(schema["$defs"])
    assert schema["$defs"]["Tier"]["properties"]["id"]["pattern"]


def test_params_json_has_every_number_the_browser_needs(params):
    data = json.loads(json.dumps(params_to_json(params), allow_nan=False))
    assert [x["percent"] for x in data["languages"]] == [100, 100, 100]
    assert data["inputs"]["staff"] == {**data["inputs"]["staff"], "min": 0, "max": 10000}
    assert {t["id"] for t in data["tiers"]} == {"entry", "experienced", "negotiated", "top",
                                                 "blogger"}


def test_vectors_file_is_up_to_date(params):
    """If this fails: python -m calculator.vectors --write tests/calculator/vectors.json"""
    data = build(params)
    assert len(data["cases"]) >= 500
    assert VECTORS.read_text(encoding="utf-8") == render(data)
