"""The command line's own texts, word for word, on the fixture parameters: the --help options and
catalogue, the report's every line for a changed preset, and the exit codes for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator.cli import DEFAULT_PARAMS, catalogue, main, parser
from tests.conftest import FIXTURE_CALCULATOR

CATALOGUE = """\
pay tiers (--tier), a month per person:
  entry                     $100–150  Typical farm worker
  experienced               $350  Pro-Atambayev worker
  negotiated                $100–1,000  Negotiated individually
  top                       $1,000–3,000  Top reported pay (partly assumed)
  blogger                   $1,000–3,000  Blogger or journalist (partly assumed)

languages (--language):
  kyrgyz                    Kyrgyz-speaking, tier pay × 1.0 (assumed)
  russian                   Russian-speaking, tier pay × 1.0, 100% of --russian-extra (assumed)
  both                      Kyrgyz and Russian, tier pay × 1.0, 50% of --russian-extra (assumed)

presets (--preset):
  typical-party-farm        Typical party farm, 10 people: staff 10 × 5 accounts, tier entry
  typical-party-farm-large  Typical party farm, 15 people: staff 15 × 5 accounts, tier entry
  one-admin                 One admin, 10 accounts: staff 1 × 10 accounts, tier entry
  pro-atambayev-worker      The pro-Atambayev worker: staff 1 × 5 accounts, tier experienced
  election-2015-team        2015 election, one platform: staff 8 × 5 accounts, tier entry
  one-blogger               One blogger or journalist: staff 0 × 5 accounts, tier entry, 1 bloggers
  opendemocracy-team        A team of 15 on a beginner's pay (openDemocracy): staff 15 × 5 \
accounts, pay $180
"""

NOTES = [
    "The midpoint lies halfway between the low and the high end of each pay range. It is a "
    "middle point, not a more likely figure than any other in the range.",
    "Costs are worked out exactly in cents, with midpoints and costs per account rounded to the "
    "nearest cent, half a cent up; the page and the command line show whole dollars from $10 up.",
    "At 84.5 som to the dollar: the rate implied by the average monthly wage of the first half "
    "of 2021, reported both as 19,395 som and as $229.5. Amounts in som are rounded to the "
    "nearest 100 som.",
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--params", str(FIXTURE_CALCULATOR), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_catalogue_lists_every_tier_language_and_preset(calculator_params):
    text = catalogue(calculator_params)
    assert text.startswith(CATALOGUE + "\n")
    assert text.removeprefix(CATALOGUE + "\n") == calculator_params.notes.language


def test_each_option_says_what_it_takes(calculator_params):
    ap = parser(calculator_params)
    assert ap.prog == "python -m calculator"
    assert ap.description == (
        "Estimate what a fake-account department costs a month, from the pay the Kloop "
        "investigation (31 Dec 2020) reports. Values not given come from the preset (default: "
        "typical-party-farm)."
    )
    assert ap.epilog == catalogue(calculator_params)
    options = {a.option_strings[-1]: (a.metavar, a.help) for a in ap._actions}
    assert options == {
        "--help": (None, "show this help message and exit"),
        "--preset": ("ID", "start from a preset; flags override it"),
        "--staff": ("N", "People running fake accounts, 0 to 10,000"),
        "--accounts-per-person": ("N", "Fake accounts per person, 1 to 100"),
        "--language": ("ID", "Language they write in: an id listed below"),
        "--russian-extra": ("PERCENT", "Extra pay for Russian-speaking work, your assumption (%%), 0 to 100"),
        "--tier": ("ID", "Pay tier: an id listed below"),
        "--pay": ("USD", "Custom monthly pay per person, $100 to $3,000"),
        "--bloggers": ("N", "Bloggers and journalists paid for their audience, 0 to 1,000"),
        "--supervisors": ("N", "Supervisors, 0 to 1,000"),
        "--json": (None, "print the result as JSON, costs as {low, central, high} in US dollars"),
        "--params": ("FILE", "the calculator's YAML (default: content/calculator.yaml)"),
    }
    args = ap.parse_args([])
    assert args.params == DEFAULT_PARAMS and args.json is False
    assert ap.parse_args(["--params", "x.yaml"]).params == Path("x.yaml")


def test_help_prints_the_catalogue(capsys, calculator_params):
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "--help")
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m calculator [-h] [--preset ID]")
    assert "pay tiers (--tier), a month per person:\n  entry " in out
    assert out.rstrip().endswith(calculator_params.notes.language)


def test_a_changed_preset_reports_every_line(capsys, calculator_params):
    code, out, err = run(
        capsys,
        "--preset",
        "one-admin",
        "--staff",
        "3",
        "--language",
        "both",
        "--russian-extra",
        "20",
        "--tier",
        "top",
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Preset one-admin: One admin, 10 accounts",
        "  Kloop's journalists picked out groups of 5 to 10 fake accounts that behaved alike and "
        "seemed to be run by a single admin. This preset takes the upper end, 10 accounts.",
        "  Changed by your flags: staff, language, russian_extra, tier",
        "  Assumed (tier, language): The source does not say what such an admin earns; the "
        "editors use the typical farm worker's pay. The language is not given either.",
        "",
        "3 people × $1,100–3,300 = $3,300–9,900 a month",
        "Fake accounts:     3 people × 10 accounts each = 30",
        "Pay per person:    $1,100–3,300 (midpoint $2,200) a month (tier top: Top reported pay; "
        "language: Kyrgyz and Russian; your extra for Russian-speaking work: 20% × 50%)",
        "Monthly cost:      $3,300–9,900 (midpoint $6,600)",
        "In som:            about 278,900–836,600 som. The midpoint is 29 months of the average wage.",
        "Yearly cost:       $39,600–118,800 (midpoint $79,200)",
        "Cost per account:  $110–330 (midpoint $220)",
        "",
        "The midpoint monthly cost is 29 times the average monthly wage in Kyrgyzstan in the "
        "first half of 2021, 19,395 som ($229.5).",
        "The midpoint monthly cost is 19 times the monthly pay of the pro-Atambayev worker ($350).",
        "The midpoint monthly cost is 5.3 times the midpoint monthly cost of a typical party farm "
        "of 10 people ($1,250).",
        "The midpoint monthly cost is 37 times the monthly pay of a beginner troll described by "
        "openDemocracy ($180).",
        "The midpoint monthly cost is 20 times what NATO StratCom's researchers paid in their "
        "test (about $333).",
        "The midpoint yearly cost is 1% of what Russia's Internet Research Agency spent in 2016 "
        "($12 million).",
        "",
        "Tier top: The source gives only the top figure. The editors start this tier at $1,000, "
        "where the usual negotiated range ends.",
        "",
        *NOTES,
        calculator_params.notes.language,
    ]


def test_a_custom_pay_replaces_the_presets_tier(capsys):
    code, out, _ = run(capsys, "--pay", "200")
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "10 people × $200 = $2,000 a month",
        "Fake accounts:     10 people × 5 accounts each = 50",
        "Pay per person:    $200 a month (custom pay, the same in any language)",
    ]
    assert "Preset" not in out and "Tier " not in out
    assert lines[-4:-1] == NOTES


def test_no_extra_is_mentioned_for_a_language_without_a_russian_share(capsys):
    code, out, _ = run(capsys, "--language", "kyrgyz", "--russian-extra", "20")
    assert code == 0
    assert "(tier entry: Typical farm worker; language: Kyrgyz-speaking)\n" in out
    code, out, _ = run(capsys, "--language", "russian", "--russian-extra", "0")
    assert "(tier entry: Typical farm worker; language: Russian-speaking)\n" in out


def test_a_preset_without_changes_says_so(capsys):
    code, out, _ = run(capsys, "--preset", "typical-party-farm")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Preset typical-party-farm: Typical party farm, 10 people"
    assert lines[2:4] == [
        "  Assumed (language): The source does not say which language the workers write in.",
        "",
    ]
    assert "Changed by your flags" not in out


def test_an_unknown_preset_and_bad_input_exit_with_2(capsys):
    code, out, err = run(capsys, "--preset", "nope")
    assert (code, out) == (2, "")
    assert err == (
        "error: Preset: not one of typical-party-farm, typical-party-farm-large, "
        "one-admin, pro-atambayev-worker, election-2015-team, one-blogger, "
        "opendemocracy-team.\n"
    )
    code, out, err = run(capsys, "--staff", "-1", "--pay", "50")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 2
    assert all(line.startswith("error: ") for line in err.splitlines())


def test_broken_parameters_exit_with_1_and_one_line_each(capsys, tmp_path):
    for name in ("figures.yaml", "calculator.yaml"):
        (tmp_path / name).write_text(
            FIXTURE_CALCULATOR.with_name(name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    path = tmp_path / "calculator.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("default_preset:", "default_prest:"), encoding="utf-8"
    )
    code = main(["--params", str(path)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "unknown field 'default_prest'" in err
    assert "Traceback" not in err


def test_json_prints_the_estimate(capsys):
    code, out, _ = run(capsys, "--preset", "one-blogger", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["inputs"]["bloggers"] == 1
    assert data["cost_per_account"] is None


def test_without_params_the_default_file_is_read(capsys, monkeypatch):
    monkeypatch.setattr("calculator.cli.DEFAULT_PARAMS", FIXTURE_CALCULATOR)
    assert main(["--staff", "2"]) == 0
    assert capsys.readouterr().out.startswith("2 people × $100–150 = $200–300 a month\n")


def test_json_is_indented_by_two(capsys):
    code, out, _ = run(capsys, "--json")
    assert code == 0
    assert out.startswith('{\n  "inputs": {\n    "staff": 10,\n')


def test_an_unknown_id_in_the_parameters_lists_the_known_ones(capsys, tmp_path):
    for name in ("figures.yaml", "calculator.yaml"):
        (tmp_path / name).write_text(
            FIXTURE_CALCULATOR.with_name(name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    path = tmp_path / "calculator.yaml"
    text = path.read_text(encoding="utf-8")
    assert "blogger_tier: blogger\n" in text
    path.write_text(text.replace("blogger_tier: blogger\n", "blogger_tier: bloger\n"), encoding="utf-8")
    assert main(["--params", str(path)]) == 1
    err = capsys.readouterr().err
    assert (
        "blogger_tier: unknown tier 'bloger' (known: blogger, entry, experienced, negotiated, top)"
    ) in err
