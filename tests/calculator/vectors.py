"""Shared test vectors: the Python model's answers, which cost-model.js must reproduce.

The tests generate them on every run (tests/calculator/test_calculator_parity.py writes
them to a temporary file and runs `node --test tests/js/` on it), so nothing is committed
and no one regenerates anything after editing content/. To look at them:

    python -m tests.calculator.vectors --write /tmp/vectors.json

The file holds the parameters as the page receives them (params_to_json) and, for
each case, the raw inputs with the model's errors or estimate. Three parameter sets:
'fixture' is tests/fixtures/content/calculator.yaml, the parameters the formula tests
lock; 'variant' changes every kind of number in the fixture (odd language percentages,
odd tier ends, other limits and labels), so that a mirror which retyped a number instead
of reading it from params fails; 'content' is content/calculator.yaml, whatever the
editors have made it, so that the page's own parameters give the same results in both.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

from calculator.describe import describe
from calculator.model import estimate, preset_raw, validate
from calculator.params import CalculatorFile, params_to_json
from records.errors import ContentError

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_PARAMS = ROOT / "tests" / "fixtures" / "content" / "calculator.yaml"


def variant(params: CalculatorFile) -> CalculatorFile:
    """Test-only parameters unlike the shipped ones (see the module docstring)."""
    replace = dataclasses.replace
    multipliers = [0.85, 1.15, 1.33, 2.0, 0.5]
    shares = [0, 100, 37, 63]
    bounds = params.inputs
    return replace(
        params,
        blogger_tier=params.tiers[-2].id,
        supervisor_pay=replace(params.supervisor_pay, low=401, high=999),
        inputs=replace(
            bounds,
            staff=replace(bounds.staff, label="Staff (variant)", max=5000),
            accounts_per_person=replace(bounds.accounts_per_person, min=2, max=50),
            pay=replace(bounds.pay, label="Pay (variant)", min=150, max=2500),
            bloggers=replace(bounds.bloggers, max=10),
            supervisors=replace(bounds.supervisors, min=1, max=20),
            russian_extra=replace(bounds.russian_extra, max=60),
        ),
        tiers=[replace(t, high=t.high + 1) for t in reversed(params.tiers)],
        languages=[
            replace(
                x,
                multiplier=m,
                russian_share=share,
                assumed=[
                    *x.assumed,
                    *(["russian_share"] if 0 < share < 100 and "russian_share" not in x.assumed else []),
                ],
            )
            for x, m, share in zip(params.languages, itertools.cycle(multipliers), itertools.cycle(shares))
        ],
        som=replace(params.som, amount=12_347, cents=15_001, round_to=50),
        presets=[
            replace(
                p,
                accounts_per_person=max(p.accounts_per_person, 2),
                pay=None if p.pay is None else max(p.pay, 150),
                supervisors=1,
            )
            for p in params.presets
        ],
    )


def problems(value: Any) -> list[tuple[str, str, str]]:
    """Every check() problem in a tree of records (the loader reports them with lines)."""
    found = list(value.check()) if hasattr(value, "check") else []
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            found += problems(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            found += problems(item)
    return found


# Raw values for one whole-number input; each is tried in every count field.
AWKWARD = [
    "",
    "   ",
    None,
    "abc",
    "12abc",
    "1,000",
    "$350",
    "1 000",
    "1\u00a0000",
    "1,000 000",
    "1,00",
    "12,345",
    "-1,000",
    "1,000.5",
    "1,000.",
    ",100",
    "1,0000",
    "0x10",
    "\u0661\u0662",
    "NaN",
    "nan",
    "-nan",
    math.nan,
    "Infinity",
    math.inf,
    -math.inf,
    "-1",
    -1,
    "-0.5",
    -0.5,
    "1.5",
    1.5,
    ".5",
    "1e-1",
    0.1 + 0.2,
    5e-324,
    "99999999999999999999",
    10**20,
    "1e400",
    1e300,
    "9007199254740991",
    9007199254740991,
    "9007199254740992",
    9007199254740993,
    "9007199254740991.5",
    "9007199254740990.5",
    "12345678901234567",
    "1e16",
    1e16,
    "1000000000000000e-1",
    "1e99999999999999999999",
    "1e0000000000000000000000001",
    "1e-99999999999999999999",
    "-0",
    -0.0,
    "0e5",
    ".",
    "e5",
    "5.",
    "+-5",
    " +5 ",
    "5e0",
    "0.5e1",
    "12.000",
    "0012",
    "1e1",
    7.0,
    True,
    False,
    [],
    [5],
    "\t7\n",
    "\u00a07",
]


# The variant differs in limits and labels only, so fewer values show that it reads them.
AWKWARD_FEW = ["", math.nan, "abc", "1.5", "-1", "1e400"]


def _valid_raw(params: CalculatorFile) -> dict[str, Any]:
    """Valid raw inputs; bloggers and supervisors are left out (meaning 0) where 0 is allowed."""
    raw = {
        "staff": "12",
        "accounts_per_person": "5",
        "language": params.languages[0].id,
        "tier": params.tiers[0].id,
    }
    for name in ("bloggers", "supervisors"):
        if getattr(params.inputs, name).min > 0:
            raw[name] = getattr(params.inputs, name).min
    return raw


def _raw_cases(params: CalculatorFile, awkward: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    cases: list[tuple[str, dict[str, Any]]] = []
    tiers = [t.id for t in params.tiers]
    languages = [x.id for x in params.languages]
    b = params.inputs
    pays = [b.pay.min, b.pay.min + 1, 180, 333, b.pay.max - 1, b.pay.max]
    choices = [("tier", t) for t in tiers] + [("pay", p) for p in pays if b.pay.min <= p]
    staff = sorted({b.staff.min, 1, 2, 3, 7, 10, 12, 15, 20, 333, b.staff.max - 1, b.staff.max})
    accounts = sorted({b.accounts_per_person.min, 3, 5, 7, 10, 32, b.accounts_per_person.max})
    bloggers = [0, 1, 3, b.bloggers.max, 0]
    supervisors = [0, 2, b.supervisors.max, 1, 0, 0, 5]
    n = 0
    for s, a, _ in itertools.product(staff, accounts, range(2)):
        kind, value = choices[n % len(choices)]
        raw = {
            "staff": s,
            "accounts_per_person": a,
            "language": languages[n % len(languages)],
            kind: value if n % 2 else str(value),
            "bloggers": min(bloggers[n % 5], b.bloggers.max),
            "supervisors": max(min(supervisors[n % 7], b.supervisors.max), b.supervisors.min),
        }
        cases.append(("grid", raw))
        n += 1

    # The reader's extra pay for Russian-speaking work, in every language, on tiers and pay.
    extras = sorted({b.russian_extra.min, 1, 7, 33, 50, b.russian_extra.max})
    for n, (extra, language) in enumerate(itertools.product(extras, languages)):
        kind, value = choices[n % len(choices)]
        raw = {
            "staff": staff[n % len(staff)],
            "accounts_per_person": 5,
            "language": language,
            kind: value,
            "russian_extra": extra if n % 2 else str(extra),
        }
        cases.append((f"extra {extra}% {language}", raw))

    base = _valid_raw(params)
    for name in ("staff", "accounts_per_person", "pay", "bloggers", "supervisors", "russian_extra"):
        bound = getattr(b, name)
        values = awkward + [bound.min - 1, bound.min, bound.max, bound.max + 1, str(bound.max + 1)]
        for value in values:
            raw = dict(base, **{name: value})
            if name == "pay":
                del raw["tier"]
            cases.append((f"{name} {value!r}", raw))

    for name, values in (
        ("language", [None, "", "  ", "english", languages[0].upper(), 5, True, f" {languages[-1]}\n"]),
        ("tier", ["unknown", tiers[0].capitalize(), 3, False, f"\t{tiers[-1]} "]),
    ):
        for value in values:
            cases.append((f"{name} {value!r}", dict(base, **{name: value})))
    pay_rules = [
        ("tier and pay", {"tier": tiers[0], "pay": "200"}),
        ("neither tier nor pay", {"tier": None}),
        ("blank tier and pay", {"tier": "", "pay": " "}),
        ("blank tier, pay", {"tier": " ", "pay": "200"}),
        ("tier, blank pay", {"tier": tiers[-1], "pay": ""}),
        ("unknown tier and pay", {"tier": "nope", "pay": "nope"}),
        ("nothing at all", None),
        (
            "everything wrong",
            {
                "staff": "-3",
                "accounts_per_person": "0",
                "language": "x",
                "tier": None,
                "pay": "1e9",
                "bloggers": "1.5",
                "supervisors": math.nan,
            },
        ),
        (
            "everything wrong, the extra too",
            {"staff": "-3", "language": "x", "tier": None, "russian_extra": "-5"},
        ),
    ]
    for label, change in pay_rules:
        cases.append((label, {} if change is None else dict(base, **change)))
    return cases


def _encode(value: Any) -> Any:
    """JSON has no NaN or infinities; the node test decodes {"$number": ...}."""
    if isinstance(value, float) and not math.isfinite(value):
        return {"$number": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")}
    return value


def _case(
    n: int,
    label: str,
    set_name: str,
    params: CalculatorFile,
    raw: dict[str, Any],
    preset: str | None = None,
    language: str = "en",
) -> dict[str, Any]:
    inputs, errors = validate(params, raw, language)
    case: dict[str, Any] = {"id": f"{n:04d} {set_name}: {label}", "params": set_name}
    if preset:
        case["preset"] = preset
    case["raw"] = {key: _encode(value) for key, value in raw.items()}
    case["errors"] = [{"field": e.field, "message": e.message} for e in errors]
    result = estimate(params, inputs) if inputs else None
    case["estimate"] = result.to_json() if result else None
    case["texts"] = describe(params, result, language) if result else None
    return case


def build(fixture: CalculatorFile, content: CalculatorFile) -> dict[str, Any]:
    """The vectors for the fixture parameters, their variant, and the shipped content's."""
    # The fixture's numbers written the Russian way as well ("1 000–1 500 $", "5,4", plural
    # forms), so the browser's Intl is checked against Babel.
    sets = {
        "fixture": (fixture, AWKWARD, "en"),
        "variant": (variant(fixture), AWKWARD_FEW, "en"),
        "content": (content, AWKWARD, "en"),
        "fixture-ru": (fixture, AWKWARD, "ru"),
    }
    for name, (values, _, _) in sets.items():
        if problems(values):
            raise ValueError(f"{name} parameters have problems: {problems(values)}")
    cases = []
    for name, (values, awkward, language) in sets.items():
        for preset in values.presets:
            cases.append(
                _case(
                    len(cases), f"preset {preset.id}", name, values, preset_raw(preset), preset.id, language
                )
            )
        for label, raw in _raw_cases(values, awkward):
            cases.append(_case(len(cases), label, name, values, raw, language=language))
    return {
        "about": "Generated from the Python model by the tests, or by `python -m "
        "tests.calculator.vectors --write FILE`; not committed. Money is in US dollars, "
        "exact to the cent.",
        "params": {name: params_to_json(values, language) for name, (values, _, language) in sets.items()},
        "cases": cases,
    }


def render(data: dict[str, Any]) -> str:
    """Stable text: one case a line, so that a change shows as a readable diff."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    cases = ",\n".join(dump(case) for case in data["cases"])
    return (
        f'{{\n"about": {dump(data["about"])},\n"params": {dump(data["params"])},\n'
        f'"cases": [\n{cases}\n]\n}}\n'
    )


def main(argv: list[str] | None = None) -> int:
    from .cli import DEFAULT_PARAMS, load_params

    ap = argparse.ArgumentParser(
        prog="python -m tests.calculator.vectors",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--write", type=Path, metavar="FILE", required=True, help="write the vectors to FILE")
    ap.add_argument(
        "--params",
        type=Path,
        default=DEFAULT_PARAMS,
        metavar="FILE",
        help="the content parameters (default: content/calculator.yaml)",
    )
    ap.add_argument(
        "--fixture",
        type=Path,
        default=FIXTURE_PARAMS,
        metavar="FILE",
        help="the fixture parameters (default: tests/fixtures/content/calculator.yaml)",
    )
    args = ap.parse_args(argv)
    try:
        text = render(build(load_params(args.fixture), load_params(args.params)))
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    args.write.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10) + '{')} cases to {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
