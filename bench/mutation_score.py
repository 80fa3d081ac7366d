"""The mutation score of each mutated package, from the results `mutmut run` left in mutants/
(or, where there are none, from those kept in bench/mutation-results.json).

    python bench/mutation_score.py [--fail-under 90]

Scores are per package or module that pyproject.toml's [tool.mutmut] source_paths names. A
mutant is killed when a test failed (or timed out) with it in place, or when the type checker
refused it (`make lint` runs mypy, so such a change cannot land either; the table counts those
apart). Every other mutant (survived, no tests, could not run, suspicious, not checked)
counts against the score, so an interrupted run scores low until `mutmut run` finishes it.
Run after `mutmut run`; `make mutation` runs both.

A measure, not a test: it reports, and the README quotes what it reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

import mutation_results

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"

#: mutmut's exit codes by outcome (mutmut/stats.py); anything else is "suspicious".
KILLED: dict[int | None, str] = {
    1: "killed",
    3: "killed",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    37: "refused by the type checker",
}
#: mutmut counts 255 as a timeout, but its fork server gives it to a run that raised before any
#: test could fail (pytest refused the tests it was given): nothing was killed.
OTHER = {
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    255: "could not run",
    None: "not checked",
}


def outcome(exit_code: int | None) -> str:
    return KILLED.get(exit_code) or OTHER.get(exit_code, "suspicious")


def mutated() -> list[str]:
    """What `make mutation` mutates (pyproject.toml's [tool.mutmut] source_paths): packages
    (folders, ending in /) and single modules."""
    with open(ROOT / "pyproject.toml", "rb") as config:
        return tomllib.load(config)["tool"]["mutmut"]["source_paths"]


def scores(mutants: Path = MUTANTS) -> dict[str, Counter]:
    """Per mutated package or module: how many mutants had each outcome."""
    found: dict[str, Counter] = {}
    paths = mutated()
    for meta in sorted(mutants.rglob("*.py.meta")):
        source = meta.relative_to(mutants).with_suffix("").as_posix()
        package = next((p for p in paths if source == p or source.startswith(p.rstrip("/") + "/")), None)
        if package is None or not (ROOT / source).is_file():
            continue  # left from a module that has since moved, gone, or left the list
        exit_codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        found.setdefault(package, Counter()).update(outcome(code) for code in exit_codes.values())
    return found


def kept_scores() -> dict[str, Counter]:
    """The scores of the results kept in the repository (bench/mutation_results.py)."""
    with tempfile.TemporaryDirectory() as folder:
        mutation_results.restore(Path(folder))
        return scores(Path(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--fail-under",
        type=float,
        default=None,
        help="exit with 1 when a package's or module's score is below this percentage",
    )
    args = parser.parse_args(argv)
    found = scores() or kept_scores()
    if not found:
        print("no mutation results in mutants/ or kept: run `make mutation` first", file=sys.stderr)
        return 1
    low = False
    print(
        "| package or module | killed / total | score | by a test | by the type checker "
        "| survived | no tests | could not run | not checked |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for package, counts in sorted(found.items()):
        total = sum(counts.values())
        by_test = counts["killed"] + counts["timeout"]
        by_type_checker = counts["refused by the type checker"]
        killed = by_test + by_type_checker
        score = 100 * killed / total if total else 100.0
        not_run = counts["could not run"] + counts["suspicious"]
        print(
            f"| {package} | {killed} / {total} | {score:.1f}% | {by_test} | {by_type_checker} | "
            f"{counts['survived']} | {counts['no tests']} | {not_run} | {counts['not checked']} |"
        )
        low |= args.fail_under is not None and score < args.fail_under
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
