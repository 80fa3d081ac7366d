"""How the build scales: synthetic content at 1×, 10×, 100× the real site, built and timed.

For each scale the script writes a content folder with that many copies of the real farms,
actors, events and figures (each copy with its own ids, its references and {fig:id} tokens
pointing at its own copies, so the content is valid and pages are of realistic size), builds
it into a temporary folder in a fresh process, as `build.py build` does, and reports pages,
seconds, pages per second, peak memory, the processor time, and how much of it went into
rendering templates with Jinja2 itself (Frozen-Flask's overhead is the total over that). It
then builds the same content again with the card cache the first build filled, as a rebuild
with nothing changed does, and reports its seconds and the cards it drew (none, when the
cache works).

    python bench/build_scale.py                     # scales 1,10,100
    python bench/build_scale.py --scales 1,10 --json

With --json the last line is a JSON list of {"scale", "pages", "seconds", "peak_mb", ...}.
Goals, on two cores: the real site builds in 2 s or less; pages per second at 100× are at
least 80% of those at 1× and at least 300; the build takes at most twice the bare Jinja2
rendering time; a rebuild with nothing changed draws no card.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
#: The collections that grow with the scale, and the fields that refer to each.
GROWING = {
    "farms.yaml": "farms",
    "actors.yaml": "actors",
    "timeline.yaml": "events",
    "figures.yaml": "figures",
}
REFERENCES = {"actor": "actors", "farms": "farms", "actors": "actors", "figures": "figures"}


def synthetic_content(scale: int, target: Path) -> None:
    """The real content with `scale` copies of every farm, actor, event and figure, in the
    original files and in each translation's (content/ru/...), so every edition grows alike."""
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("published-addresses.txt"))
    for filename, key in GROWING.items():
        for path in [target / filename, *sorted(target.glob(f"*/{filename}"))]:
            _grow(path, key, scale)


def _grow(path: Path, key: str, scale: int) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    items = yaml.safe_load(path.read_text(encoding="utf-8"))[key]
    copies = list(items)
    for copy in range(1, scale):
        copies += [_renamed(item, f"-x{copy}", key) for item in items]
    body = yaml.safe_dump({key: copies}, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(first_line + "\n" + body, encoding="utf-8")


def _renamed(value, suffix: str, collection: str, field: str | None = None):
    """A copy whose own id and every id it refers to carry `suffix`."""
    if isinstance(value, dict):
        return {k: _renamed(v, suffix, collection, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, suffix, collection, field) for v in value]
    if isinstance(value, str):
        if field == "id" and collection in GROWING.values():
            return value + suffix
        if field in REFERENCES:
            return value + suffix
        return re.sub(r"\{fig:([a-z0-9-]+)\}", lambda m: f"{{fig:{m.group(1)}{suffix}}}", value)
    return value


def measure(content: Path) -> dict:
    """Build once with an empty card cache, then again with the cache it filled, in this
    process, and report; run in a fresh process per scale."""
    import jinja2

    from fakefarms.build.publish import build_site

    rendering = 0.0
    render = jinja2.Template.render

    def timed_render(self, *args, **kwargs):
        nonlocal rendering
        start = time.perf_counter()
        try:
            return render(self, *args, **kwargs)
        finally:
            rendering += time.perf_counter() - start

    jinja2.Template.render = timed_render  # type: ignore[method-assign]  # times every page's rendering
    with tempfile.TemporaryDirectory() as out:
        cache = Path(out) / "cards"
        before = _processor_seconds()
        start = time.perf_counter()
        report = build_site(content, Path(out) / "site", card_cache=cache)
        seconds = time.perf_counter() - start
        processor = _processor_seconds() - before
        jinja = rendering
        start = time.perf_counter()
        again = build_site(content, Path(out) / "site", card_cache=cache)
        rebuild_seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "pages": report.pages,
        "seconds": round(seconds, 2),
        "pages_per_second": round(report.pages / seconds, 1),
        "peak_mb": round(peak_kb / 1024, 1),
        "cpu_seconds": round(processor, 2),
        "jinja_seconds": round(jinja, 2),
        "overhead": round(processor / jinja, 2) if jinja else None,
        "cards_drawn": report.cards_drawn,
        "rebuild_seconds": round(rebuild_seconds, 2),
        "rebuild_cards_drawn": again.cards_drawn,
    }


def _processor_seconds() -> float:
    """User and system time of this process."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(scales: list[int]) -> list[dict]:
    results = []
    for scale in scales:
        with tempfile.TemporaryDirectory() as folder:
            content = Path(folder) / "content"
            synthetic_content(scale, content)
            child = subprocess.run(
                [sys.executable, __file__, "--measure", str(content)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            if child.returncode != 0:
                raise SystemExit(f"scale {scale}: the build failed:\n{child.stderr[-3000:]}")
            results.append({"scale": scale, **json.loads(child.stdout.splitlines()[-1])})
    return results


def table(results: list[dict]) -> str:
    lines = [
        "| scale | pages | seconds | pages/s | peak MB | processor s | Jinja2 s | build ÷ Jinja2 "
        "| cards drawn | rebuild s | cards drawn again |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['scale']}× | {r['pages']} | {r['seconds']} | {r['pages_per_second']} | "
        f"{r['peak_mb']} | {r['cpu_seconds']} | {r['jinja_seconds']} | {r['overhead']} | "
        f"{r['cards_drawn']} | {r['rebuild_seconds']} | {r['rebuild_cards_drawn']} |"
        for r in results
    ]
    return "\n".join(lines)


def goals(results: list[dict]) -> list[str]:
    """One line per goal: met or missed, with the numbers."""
    by_scale = {r["scale"]: r for r in results}
    lines = []
    if 1 in by_scale:
        s = by_scale[1]["seconds"]
        lines.append(f"{'met' if s <= 2 else 'MISSED'}: the real site builds in {s} s (goal ≤ 2 s)")
    if 1 in by_scale and 100 in by_scale:
        ratio = by_scale[100]["pages_per_second"] / by_scale[1]["pages_per_second"]
        lines.append(
            f"{'met' if ratio >= 0.8 else 'MISSED'}: pages/s at 100× are {ratio:.0%} of "
            "those at 1× (goal ≥ 80%)"
        )
        pps = by_scale[100]["pages_per_second"]
        lines.append(f"{'met' if pps >= 300 else 'MISSED'}: {pps} pages/s at 100× (goal ≥ 300)")
    for r in results:
        lines.append(
            f"{'met' if r['rebuild_cards_drawn'] == 0 else 'MISSED'}: at {r['scale']}× a "
            f"rebuild with nothing changed drew {r['rebuild_cards_drawn']} card(s) (goal: 0)"
        )
        if r["overhead"]:
            lines.append(
                f"{'met' if r['overhead'] <= 2 else 'MISSED'}: at {r['scale']}× the build "
                f"takes {r['overhead']}× the Jinja2 rendering time, in processor time "
                "(goal ≤ 2×)"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the site")
    ap.add_argument("--json", action="store_true", help="end with one line of JSON")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    results = run([int(s) for s in args.scales.split(",")])
    print(table(results))
    print("\n".join(goals(results)))
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
