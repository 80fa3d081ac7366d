"""Keep `make mutation`'s results in the repository, so that a run can go on from a clean clone.

    python bench/mutation_results.py save      # mutants/ -> bench/mutation-results.json
    python bench/mutation_results.py restore   # bench/mutation-results.json -> mutants/

A whole run takes longer than one sitting on a small machine, and mutants/ (mutmut's copy of
the project and its results) is not committed. `save` writes, for each mutated function, the
hash mutmut keeps of its code and the outcome of each of its mutants; `restore` puts them back
as mutmut's own result files where mutants/ has none. mutmut then keeps an outcome only while
the function's code is unchanged: it retests every mutant of a function whose hash differs.
`make mutation` restores before it runs and saves after; after an interrupted run, `save` by
hand. `bench/mutation_score.py` reports from mutants/.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
RESULTS = ROOT / "bench" / "mutation-results.json"
#: How mutmut names a mutant: the function's qualified name and its number (from 1).
_MUTANT = re.compile(r"^(?P<function>.+)__mutmut_(?P<number>\d+)$")


def _module(source: str) -> str:
    """`records/schema.py` -> `records.schema`, as mutmut prefixes its mutants' names."""
    return source.removesuffix(".py").replace("/", ".")


def saved(mutants: Path = MUTANTS) -> dict[str, dict[str, dict]]:
    """Per mutated file, per function: its code's hash and its mutants' outcomes in order
    (mutmut's exit codes; `null` for a mutant not yet checked)."""
    found: dict[str, dict[str, dict]] = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        source = meta.relative_to(mutants).with_suffix("").as_posix()
        data = json.loads(meta.read_text(encoding="utf-8"))
        prefix = _module(source) + "."
        outcomes: dict[str, dict[int, int | None]] = {}
        for key, exit_code in data["exit_code_by_key"].items():
            match = _MUTANT.match(key.removeprefix(prefix))
            if match is None:
                raise ValueError(f"{meta}: a mutant named {key!r}, not as mutmut names them")
            outcomes.setdefault(match["function"], {})[int(match["number"])] = exit_code
        unhashed = sorted(set(outcomes) - set(data["hash_by_function_name"]))
        if unhashed:
            raise ValueError(f"{meta}: mutants of {', '.join(unhashed)}, whose code mutmut kept no hash of")
        functions = {}
        for function, code_hash in sorted(data["hash_by_function_name"].items()):
            by_number = outcomes.get(function, {})
            if sorted(by_number) != list(range(1, len(by_number) + 1)):
                raise ValueError(f"{meta}: the mutants of {function} are not numbered 1 to {len(by_number)}")
            functions[function] = {"hash": code_hash, "outcomes": [by_number[n] for n in sorted(by_number)]}
        found[source] = functions
    return found


def restored(results: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """mutmut's result file for each mutated file, from what `saved` wrote."""
    metas = {}
    for source, functions in results.items():
        prefix = _module(source) + "."
        metas[source] = {
            "exit_code_by_key": {
                f"{prefix}{function}__mutmut_{number}": exit_code
                for function, entry in functions.items()
                for number, exit_code in enumerate(entry["outcomes"], start=1)
            },
            "hash_by_function_name": {function: entry["hash"] for function, entry in functions.items()},
            # what mutmut measures again as it runs
            "type_check_error_by_key": {},
            "durations_by_key": {},
            "estimated_durations_by_key": {},
        }
    return metas


def restore(mutants: Path) -> int:
    """Write the kept results into `mutants` as mutmut's result files, where it has none; how
    many files it wrote."""
    if not RESULTS.is_file():
        return 0
    written = 0
    for source, meta in restored(json.loads(RESULTS.read_text(encoding="utf-8"))).items():
        path = mutants / f"{source}.meta"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(meta, indent=4), encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["save", "restore"])
    args = parser.parse_args(argv)
    if args.action == "save":
        results = saved()
        if not results:
            print("no mutation results in mutants/ to save", file=sys.stderr)
            return 1
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"saved the results of {len(results)} files to {RESULTS.relative_to(ROOT)}")
        return 0
    written = restore(MUTANTS)
    print(f"restored the results of {written} files from {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
