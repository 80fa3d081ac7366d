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

from . import load
from .model import Estimate, Range, estimate, half_up, preset_raw, validate
from .params import BASIS_POINTS, CENTS, Bound, CalculatorFile, Preset

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PARAMS = ROOT / "content" / "calculator.yaml"
FLAGS = ("staff", "accounts_per_person", "language", "tier", "pay", "bloggers", "supervisors")


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
    given = {name: getattr(args, name) for name in FLAGS if getattr(args, name) is not None}
    if "tier" in given or "pay" in given:  # an explicit choice replaces the preset's, not adds
        raw["tier"] = raw["pay"] = None
    raw.update(given)

    inputs, errors = validate(params, raw)
    if errors:
        return _invalid([e.message for e in errors])
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
    bounds = params.inputs
    ap = argparse.ArgumentParser(
        prog="python -m calculator",
        description="Estimate what a fake-account department costs a month, from the pay the "
                    "Kloop investigation (31 Dec 2020) reports. Values not given come from the "
                    f"preset (default: {params.default_preset}).",
        epilog=catalogue(params),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--preset", metavar="ID", help="start from a preset; flags override it")
    ap.add_argument("--staff", metavar="N", help=_limit(bounds.staff))
    ap.add_argument("--accounts-per-person", metavar="N", help=_limit(bounds.accounts_per_person))
    ap.add_argument("--language", metavar="ID", help="language the staff write in (below)")
    ap.add_argument("--tier", metavar="ID", help="a pay tier (below); or --pay")
    ap.add_argument("--pay", metavar="USD",
                    help=f"{_limit(bounds.pay)}; exact, the same in any language")
    ap.add_argument("--bloggers", metavar="N", help=_limit(bounds.bloggers))
    ap.add_argument("--supervisors", metavar="N", help=_limit(bounds.supervisors))
    ap.add_argument("--json", action="store_true",
                    help="print the result as JSON, costs as {low, central, high} in US dollars")
    ap.add_argument("--params", type=Path, default=DEFAULT_PARAMS, metavar="FILE",
                    help="the calculator's YAML (default: content/calculator.yaml)")
    return ap


def _limit(bound: Bound) -> str:
    return f"{bound.label}, {_whole(bound.min, bound)} to {_whole(bound.max, bound)}"


def _whole(value: int, bound: Bound) -> str:
    return f"${value:,}" if bound.format == "usd" else f"{value:,}"


def catalogue(params: CalculatorFile) -> str:
    """The tiers, languages and presets of the YAML, for --help."""
    lines = ["pay tiers (--tier), a month per person:"]
    lines += [f"  {t.id:<26}{span_text(t.low * CENTS, t.high * CENTS)}  {t.label}"
              + (" (partly assumed)" if t.assumed else "") for t in params.tiers]
    lines += ["", "languages (--language):"]
    lines += [f"  {x.id:<26}{x.label}, tier pay × {x.multiplier}"
              + (" (assumed)" if x.assumed else "") for x in params.languages]
    lines += ["", "presets (--preset):"]
    for p in params.presets:
        pay = f"tier {p.tier}" if p.tier else f"pay ${p.pay:,}"
        extra = "".join(f", {getattr(p, n)} {n}" for n in ("bloggers", "supervisors")
                        if getattr(p, n))
        lines.append(f"  {p.id:<26}{p.label}: staff {p.staff} × {p.accounts_per_person} "
                     f"accounts, {pay}{extra}")
    lines += ["", params.notes.language]
    return "\n".join(lines)


def usd(cents: int) -> str:
    """$1,250 or $1,250.50."""
    dollars, rest = divmod(cents, CENTS)
    return f"${dollars:,}" + (f".{rest:02d}" if rest else "")


def span_text(low: int, high: int) -> str:
    """A range the site's way: $1,000–1,500; a single figure when both ends agree."""
    return usd(low) if low == high else f"{usd(low)}–{usd(high)[1:]}"


def range_text(r: Range) -> str:
    text = span_text(r.low, r.high)
    return text if r.low == r.high else f"{text}, central {usd(r.central)}"


def ratio_text(bp: int | None) -> str:
    if bp is None:
        return "n/a"
    if bp >= BASIS_POINTS:
        hundredths = half_up(bp, 100)
        return f"{hundredths // 100:,}.{hundredths % 100:02d} times"
    return f"{bp // 100}.{bp % 100:02d}% of"


def report(params: CalculatorFile, result: Estimate, preset: Preset | None,
           changed: list[str]) -> str:
    """The result as plain text; `changed` names the preset's values the flags replaced."""
    i = result.inputs
    if i.tier:
        tier = next(t for t in params.tiers if t.id == i.tier)
        language = next(x for x in params.languages if x.id == i.language)
        pay = f"tier {tier.id}: {tier.label}; language: {language.label}"
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
    lines += [
        f"{i.staff:,} people × {i.accounts_per_person:,} accounts = {result.accounts:,} fake "
        f"accounts; {i.bloggers:,} bloggers or journalists; {i.supervisors:,} supervisors",
        f"Pay per person:    {range_text(result.pay_per_person)} a month ({pay})",
        f"Monthly cost:      {range_text(result.monthly)}",
        f"Yearly cost:       {range_text(result.yearly)}",
        "Cost per account:  " + (f"{range_text(result.per_account)} a month" if result.per_account
                                 else "none (no fake accounts)"),
        f"By role, monthly:  operators {range_text(result.operators)}; "
        f"bloggers {range_text(result.bloggers)}; supervisors {range_text(result.supervisors)}",
        "",
        "Central cost compared with (monthly; yearly for yearly figures):",
    ]
    for c, spec in zip(result.comparisons, params.comparisons, strict=True):
        figure = "" if spec.preset else f" ({spec.hedge + ' ' if spec.hedge else ''}" \
                                          f"{usd(c.amount)})"
        lines.append(f"  {ratio_text(c.ratio_bp)} {spec.label}{figure}")
    if i.tier:
        tier = next(t for t in params.tiers if t.id == i.tier)
        if tier.assumption:
            lines += ["", f"Tier {tier.id}: {tier.assumption}"]
    lines += ["", params.notes.central, params.notes.rounding, params.notes.language]
    return "\n".join(lines)
