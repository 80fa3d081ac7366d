"""`python -m calculator`: what a fake-account department costs, from the command line.

Exit codes: 0 done; 1 content/calculator.yaml has problems (one line each);
2 invalid input (one line per problem, the same messages as the web page).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from records.errors import ContentError
from records.numbers import CENTS, grouped, money, money_span

from . import load
from .describe import describe, som_note
from .inputs import INPUTS, NAMES
from .model import Estimate, estimate, preset_raw, validate
from .params import Bound, CalculatorFile, Preset

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PARAMS = ROOT / "content" / "calculator.yaml"


def load_params(path: Path = DEFAULT_PARAMS) -> CalculatorFile:
    """Read and validate calculator.yaml; ContentError lists every problem, one line each."""
    return load.load_params(path)


def main(argv: list[str] | None = None) -> int:
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--params", type=Path, default=DEFAULT_PARAMS)
    try:
        params = load_params(first.parse_known_args(argv)[0].params)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    args = parser(params).parse_args(argv)

    presets = {p.id: p for p in params.presets}
    preset_id = params.default_preset if args.preset is None else args.preset
    if preset_id not in presets:
        return _invalid([f"Preset: not one of {', '.join(presets)}."])
    raw = preset_raw(presets[preset_id])
    given = {name: getattr(args, name) for name in NAMES if getattr(args, name) is not None}
    if any(i.pay and i.name in given for i in INPUTS):  # a pay given replaces the preset's
        raw.update({i.name: None for i in INPUTS if i.pay})
    raw.update(given)

    inputs, errors = validate(params, raw)
    if errors:
        return _invalid([e.message for e in errors])
    assert inputs is not None  # validate gives the inputs whenever it finds no error
    result = estimate(params, inputs)
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print(report(params, result, presets[preset_id] if args.preset else None, list(given)))
    return 0


def _invalid(messages: list[str]) -> int:
    for message in messages:
        print(f"error: {message}", file=sys.stderr)
    return 2


def parser(params: CalculatorFile) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m calculator",
        description="Estimate what a fake-account department costs a month, from the pay the "
        "Kloop investigation (31 Dec 2020) reports. Values not given come from the "
        f"preset (default: {params.default_preset}).",
        epilog=catalogue(params),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--preset", metavar="ID", help="start from a preset; flags override it")
    for item in INPUTS:
        ap.add_argument(item.flag, metavar=item.metavar, help=_help(params, item.name))
    ap.add_argument(
        "--json",
        action="store_true",
        help="print the result as JSON, costs as {low, central, high} in US dollars",
    )
    ap.add_argument(
        "--params",
        type=Path,
        default=DEFAULT_PARAMS,
        metavar="FILE",
        help="the calculator's YAML (default: content/calculator.yaml)",
    )
    return ap


def _help(params: CalculatorFile, name: str) -> str:
    """An option's help: its label, and its limits or where its choices are listed."""
    words = getattr(params.inputs, name)
    label = words.label.replace("%", "%%")  # argparse formats help with %
    if not isinstance(words, Bound):
        return f"{label}: an id listed below"
    return f"{label}, {_whole(words.min, words)} to {_whole(words.max, words)}"


def _whole(value: int, bound: Bound) -> str:
    return money(value * CENTS) if bound.format == "usd" else grouped(value)


def catalogue(params: CalculatorFile) -> str:
    """The tiers, languages and presets of the YAML, for --help."""
    lines = ["pay tiers (--tier), a month per person:"]
    lines += [
        f"  {t.id:<26}{money_span(t.low * CENTS, t.high * CENTS)}  {t.label}"
        + (" (partly assumed)" if t.assumed else "")
        for t in params.tiers
    ]
    lines += ["", "languages (--language):"]
    lines += [
        f"  {x.id:<26}{x.label}, tier pay × {x.multiplier}"
        + (f", {x.russian_share}% of --russian-extra" if x.russian_share else "")
        + (" (assumed)" if x.assumed else "")
        for x in params.languages
    ]
    lines += ["", "presets (--preset):"]
    for p in params.presets:
        pay = f"tier {p.tier}" if p.pay is None else f"pay {money(p.pay * CENTS)}"  # one of the two
        extra = "".join(f", {getattr(p, n)} {n}" for n in ("bloggers", "supervisors") if getattr(p, n))
        lines.append(
            f"  {p.id:<26}{p.label}: staff {p.staff} × {p.accounts_per_person} accounts, {pay}{extra}"
        )
    lines += ["", params.notes.language]
    return "\n".join(lines)


def report(params: CalculatorFile, result: Estimate, preset: Preset | None, changed: list[str]) -> str:
    """The result as plain text; `changed` names the preset's values the flags replaced."""
    i = result.inputs
    if i.tier:
        tier = next(t for t in params.tiers if t.id == i.tier)
        language = next(x for x in params.languages if x.id == i.language)
        pay = f"tier {tier.id}: {tier.label}; language: {language.label}"
        if i.russian_extra and language.russian_share:
            pay += f"; your extra for Russian-speaking work: {i.russian_extra}% × {language.russian_share}%"
    else:
        pay = "custom pay, the same in any language"
    lines = []
    if preset:
        lines += [f"Preset {preset.id}: {preset.label}", f"  {preset.description}"]
        if changed:
            lines.append(f"  Changed by your flags: {', '.join(changed)}")
        if preset.assumption:
            lines.append(f"  Assumed ({', '.join(preset.assumed)}): {preset.assumption}")
        lines.append("")
    text = describe(params, result)
    lines += [
        text["arithmetic"],
        f"Fake accounts:     {grouped(i.staff)} people × {grouped(i.accounts_per_person)} "
        "accounts each = "
        f"{text['accounts']}",
        f"Pay per person:    {text['pay_per_person']} a month ({pay})",
        f"Monthly cost:      {text['monthly']}",
        f"In som:            {text['som']}. {text['wage_months']}",
        f"Yearly cost:       {text['yearly']}",
        f"Cost per account:  {text['per_account']}",
        "",
        *text["comparisons"],
    ]
    if i.tier:
        tier = next(t for t in params.tiers if t.id == i.tier)
        if tier.assumption:
            lines += ["", f"Tier {tier.id}: {tier.assumption}"]
    lines += ["", params.notes.central, params.notes.rounding, som_note(params), params.notes.language]
    return "\n".join(lines)
