"""`python -m calculator`, as a reader would run it, on the fixture parameters.

The tests call `calculator.cli.main` in process with `--params` naming the fixture
(tests/fixtures/content/calculator.yaml), so they lock the command's behaviour, not
today's content; one smoke test runs the real command in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from calculator.cli import ROOT, main
from tests.conftest import FIXTURE_CALCULATOR


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `python -m calculator --params <fixture> ARGS`."""
    try:
        code = main(["--params", str(FIXTURE_CALCULATOR), *args])
    except SystemExit as exc:  # argparse exits for --help and for its own usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, *args: str) -> dict:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_command_runs_as_a_module():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "calculator",
            "--params",
            str(FIXTURE_CALCULATOR),
            "--staff",
            "10",
            "--accounts-per-person",
            "5",
            "--tier",
            "entry",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Monthly cost:      $1,000–1,500 (midpoint $1,250)" in result.stdout


def test_the_typical_farm_costs_1000_to_1500_a_month(capsys):
    code, out, err = run(capsys, "--staff", "10", "--accounts-per-person", "5", "--tier", "entry")
    assert code == 0, err
    assert "10 people × $100–150 = $1,000–1,500 a month" in out
    assert "Monthly cost:      $1,000–1,500 (midpoint $1,250)" in out
    assert "10 people × 5 accounts each = 50" in out


def test_json_shape(capsys, calculator_params):
    data = as_json(capsys, "--staff", "10", "--accounts-per-person", "5", "--tier", "entry")
    assert data["accounts"] == 50
    assert data["monthly_cost"] == {"low": 1000, "central": 1250, "high": 1500}
    assert data["yearly_cost"] == {"low": 12000, "central": 15000, "high": 18000}
    assert data["cost_per_account"] == {"low": 20, "central": 25, "high": 30}
    assert set(data["breakdown"]) == {"operators", "bloggers", "supervisors"}
    # these are the default preset's inputs: the preset is not compared with itself
    assert [c["id"] for c in data["comparisons"]] == [
        c.id for c in calculator_params.comparisons if c.preset != calculator_params.default_preset
    ]
    other = as_json(capsys, "--staff", "11", "--accounts-per-person", "5", "--tier", "entry")
    assert [c["id"] for c in other["comparisons"]] == [c.id for c in calculator_params.comparisons]


def test_a_custom_pay_is_exact_in_any_language(capsys):
    results = [
        as_json(capsys, "--staff", "12", "--accounts-per-person", "5", "--pay", "180", "--language", language)
        for language in ("kyrgyz", "russian")
    ]
    assert results[0]["monthly_cost"] == {"low": 2160, "central": 2160, "high": 2160}
    assert results[0]["monthly_cost"] == results[1]["monthly_cost"]
    assert results[0]["cost_per_account"] == {"low": 36, "central": 36, "high": 36}


def test_presets_fill_the_inputs_and_flags_override_them(capsys):
    preset = as_json(capsys, "--preset", "election-2015-team")
    assert preset["inputs"] == {
        "staff": 8,
        "accounts_per_person": 5,
        "language": "both",
        "tier": "entry",
        "pay": None,
        "bloggers": 0,
        "supervisors": 0,
        "russian_extra": 0,
    }
    assert preset["monthly_cost"] == {"low": 800, "central": 1000, "high": 1200}
    changed = as_json(capsys, "--preset", "election-2015-team", "--staff", "12", "--pay", "350")
    assert changed["inputs"]["staff"] == 12 and changed["inputs"]["tier"] is None
    assert changed["monthly_cost"] == {"low": 4200, "central": 4200, "high": 4200}


def test_the_readers_extra_for_russian_speaking_work_and_the_cost_in_som(capsys):
    plain = as_json(
        capsys, "--staff", "10", "--accounts-per-person", "5", "--tier", "entry", "--language", "russian"
    )
    assert plain["inputs"]["russian_extra"] == 0
    assert plain["monthly_som"] == {"low": 84_500, "central": 105_600, "high": 126_800}
    extra = as_json(
        capsys,
        "--staff",
        "10",
        "--accounts-per-person",
        "5",
        "--tier",
        "entry",
        "--language",
        "russian",
        "--russian-extra",
        "20",
    )
    assert extra["monthly_cost"] == {"low": 1200, "central": 1500, "high": 1800}
    assert extra["monthly_som"] == {"low": 101_400, "central": 126_800, "high": 152_100}
    code, out, _ = run(capsys, "--language", "russian", "--russian-extra", "20")
    assert code == 0
    assert (
        "In som:            about 101,400–152,100 som. The midpoint is 6.5 months of the average wage." in out
    )
    assert "your extra for Russian-speaking work: 20% × 100%" in out
    assert "At 84.5 som to the dollar" in out
    code, out, err = run(capsys, "--russian-extra", "101")
    assert code == 2
    assert "error: Extra pay for Russian-speaking work, your assumption (%): must be at most 100." in err


def test_without_a_preset_the_default_one_applies(capsys, calculator_params):
    assert as_json(capsys) == as_json(capsys, "--preset", calculator_params.default_preset)


def test_help_lists_tiers_languages_and_presets_from_the_yaml(capsys, calculator_params):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    params = calculator_params
    for item in [*params.tiers, *params.languages, *params.presets]:
        assert f"  {item.id} " in out, item.id
    assert params.notes.language in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--staff", "-1"], "error: People running fake accounts: cannot be negative."),
        (["--staff", "abc"], "error: People running fake accounts: not a number"),
        (["--staff", "1.5"], "error: People running fake accounts: must be a whole number."),
        (["--staff", "NaN"], "error: People running fake accounts: NaN is not a number"),
        (["--staff", ""], "error: People running fake accounts: enter a number from 0 to 10,000."),
        (["--staff", "99999999999999999999"], "error: People running fake accounts: far too large"),
        (["--accounts-per-person", "0"], "error: Fake accounts per person: must be at least 1."),
        (["--pay", "99"], "error: Custom monthly pay per person: must be at least $100."),
        (
            ["--tier", "entry", "--pay", "200"],
            "error: Pay: choose a pay tier or a custom monthly pay, not both.",
        ),
        (["--tier", "gold"], "error: Pay tier: not one of entry, experienced"),
        (["--language", "english"], "error: Language they write in: not one of kyrgyz, russian, both."),
        (["--preset", "nope"], "error: Preset: not one of typical-party-farm"),
    ],
)
def test_invalid_input_exits_2_with_the_message(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_a_broken_yaml_is_reported_with_its_line(capsys, content_copy):
    broken = content_copy / "calculator.yaml"
    text = broken.read_text(encoding="utf-8")
    assert "    low: 100\n    high: 150\n" in text
    broken.write_text(
        text.replace("    low: 100\n    high: 150\n", "    low: 150\n    high: 100\n", 1), encoding="utf-8"
    )
    code = main(["--params", str(broken)])
    _, err = capsys.readouterr()
    assert code == 1
    assert f"{broken}:" in err
    assert "tiers['entry'].low: low (150) is greater than high (100)" in err
    assert "Traceback" not in err
