"""`python -m calculator`, run as a reader would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculator.cli import load_params

ROOT = Path(__file__).resolve().parents[2]
YAML = ROOT / "content" / "calculator.yaml"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculator", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def as_json(*args: str) -> dict:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_typical_farm_costs_1000_to_1500_a_month():
    result = run("--staff", "10", "--accounts-per-person", "5", "--tier", "entry")
    assert result.returncode == 0, result.stderr
    assert "Monthly cost:      $1,000–1,500, central $1,250" in result.stdout
    assert "50 fake accounts" in result.stdout


def test_json_shape():
    data = as_json("--staff", "10", "--accounts-per-person", "5", "--tier", "entry")
    assert data["accounts"] == 50
    assert data["monthly_cost"] == {"low": 1000, "central": 1250, "high": 1500}
    assert data["yearly_cost"] == {"low": 12000, "central": 15000, "high": 18000}
    assert data["cost_per_account"] == {"low": 20, "central": 25, "high": 30}
    assert set(data["breakdown"]) == {"operators", "bloggers", "supervisors"}
    assert [c["id"] for c in data["comparisons"]] == [c.id for c in load_params().comparisons]


def test_a_custom_pay_is_exact_in_any_language():
    results = [as_json("--staff", "12", "--accounts-per-person", "5", "--pay", "180",
                       "--language", language) for language in ("kyrgyz", "russian")]
    assert results[0]["monthly_cost"] == {"low": 2160, "central": 2160, "high": 2160}
    assert results[0]["monthly_cost"] == results[1]["monthly_cost"]
    assert results[0]["cost_per_account"] == {"low": 36, "central": 36, "high": 36}


def test_presets_fill_the_inputs_and_flags_override_them():
    preset = as_json("--preset", "election-2015-team")
    assert preset["inputs"] == {"staff": 8, "accounts_per_person": 5, "language": "both",
                                "tier": "entry", "pay": None, "bloggers": 0,
                                "supervisors": 0}
    assert preset["monthly_cost"] == {"low": 800, "central": 1000, "high": 1200}
    changed = as_json("--preset", "election-2015-team", "--staff", "12", "--pay", "350")
    assert changed["inputs"]["staff"] == 12 and changed["inputs"]["tier"] is None
    assert changed["monthly_cost"] == {"low": 4200, "central": 4200, "high": 4200}


def test_without_a_preset_the_default_one_applies():
    default = load_params().default_preset
    assert as_json() == as_json("--preset", default)


def test_help_lists_tiers_languages_and_presets_from_the_yaml():
    result = run("--help")
    assert result.returncode == 0
    params = load_params()
    for item in [*params.tiers, *params.languages, *params.presets]:
        assert f"  {item.id} " in result.stdout, item.id
    assert params.notes.language in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--staff", "-1"], "error: People running fake accounts: cannot be negative."),
    (["--staff", "abc"], "error: People running fake accounts: not a number"),
    (["--staff", "1.5"], "error: People running fake accounts: must be a whole number."),
    (["--staff", "NaN"], "error: People running fake accounts: NaN is not a number"),
    (["--staff", ""], "error: People running fake accounts: enter a number from 0 to 10,000."),
    (["--staff", "99999999999999999999"], "error: People running fake accounts: far too large"),
    (["--accounts-per-person", "0"], "error: Fake accounts per person: must be at least 1."),
    (["--pay", "99"], "error: Custom monthly pay per person: must be at least $100."),
    (["--tier", "entry", "--pay", "200"], "error: Pay: choose a pay tier or a custom monthly "
                                           "pay, not both."),
    (["--tier", "gold"], "error: Pay tier: not one of entry, experienced"),
    (["--language", "english"], "error: Language: not one of kyrgyz, russian, both."),
    (["--preset", "nope"], "error: Preset: not one of typical-party-farm"),
])
def test_invalid_input_exits_2_with_the_message(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_broken_yaml_is_reported_with_its_line(tmp_path):
    broken = tmp_path / "calculator.yaml"
    broken.write_text(YAML.read_text(encoding="utf-8").replace(
        "    low: 100\n    high: 150\n", "    low: 150\n    high: 100\n", 1), encoding="utf-8")
    result = run("--params", str(broken))
    assert result.returncode == 1
    assert "calculator.yaml:" in result.stderr
    assert "tiers['entry'].low: low (150) is greater than high (100)" in result.stderr
    assert "Traceback" not in result.stderr
