"""How the build scales: synthetic content at 1×, 10×, 100× the real site, built and timed.

For each scale the script writes a content folder with that many copies of the real farms,
actors, events and figures (each copy with its own ids, its references and {fig:id} tokens
pointing at its own copies, so the content is valid and pages are of realistic size), builds
it into a temporary folder in a fresh process, with one worker a core as `build.py build`
does, and reports pages, seconds, pages per second, peak memory, the processor time of all
the processes, and how much of it went into rendering templates with Jinja2 itself
(Frozen-Flask's overhead is the total over that).

    python bench/build_scale.py                     # scales 1,10,100
    python bench/build_scale.py --scales 1,10 --json
    python bench/build_scale.py --workers 1         # one process, for comparison

With --json the last line is a JSON list of {"scale", "pages", "seconds", "peak_mb", ...}.
Goals, on two cores: the real site builds in 2 s or less; pages per second at 100× are at
least 80% of those at 1× and at least 300; the build takes at most twice the bare Jinja2
rendering time.
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
GROWING = {"farms.yaml": "farms", "actors.yaml": "actors", "timeline.yaml": "events",
           "figures.yaml": "figures"}
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


def measure(content: Path, workers: int) -> dict:
    """Build once in this process (and its workers) and report; run in a fresh process per
    scale. Jinja2's time is summed over the workers, so the overhead compares processor
    time with processor time, whatever the number of workers."""
    import multiprocessing

    import jinja2

    from fakefarms.publish import build_site

    rendering = multiprocessing.Value("d", 0.0)  # shared with the forked workers
    render = jinja2.Template.render

    def timed_render(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return render(self, *args, **kwargs)
        finally:
            with rendering.get_lock():
                rendering.value += time.perf_counter() - start

    jinja2.Template.render = timed_render
    with tempfile.TemporaryDirectory() as out:
        before = _processor_seconds()
        start = time.perf_counter()
        report = build_site(content, Path(out) / "site", workers=workers)
        seconds = time.perf_counter() - start
        processor = _processor_seconds() - before
    peak_kb = max(resource.getrusage(who).ru_maxrss
                  for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    jinja = rendering.value
    return {"pages": report.pages, "seconds": round(seconds, 2), "workers": workers,
            "pages_per_second": round(report.pages / seconds, 1),
            "peak_mb": round(peak_kb / 1024, 1), "cpu_seconds": round(processor, 2),
            "jinja_seconds": round(jinja, 2),
            "overhead": round(processor / jinja, 2) if jinja else None}


def _processor_seconds() -> float:
    """User and system time of this process and of its workers that have ended."""
    return sum(usage.ru_utime + usage.ru_stime for usage in
               (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def run(scales: list[int], workers: int) -> list[dict]:
    results = []
    for scale in scales:
        with tempfile.TemporaryDirectory() as folder:
            content = Path(folder) / "content"
            synthetic_content(scale, content)
            child = subprocess.run([sys.executable, __file__, "--measure", str(content),
                                    "--workers", str(workers)],
                                   capture_output=True, text=True, cwd=ROOT, check=False)
            if child.returncode != 0:
                raise SystemExit(f"scale {scale}: the build failed:\n{child.stderr[-3000:]}")
            results.append({"scale": scale, **json.loads(child.stdout.splitlines()[-1])})
    return results


def table(results: list[dict]) -> str:
    lines = ["| scale | pages | seconds | pages/s | peak MB | processor s | Jinja2 s | build ÷ Jinja2 |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['scale']}× | {r['pages']} | {r['seconds']} | {r['pages_per_second']} | "
              f"{r['peak_mb']} | {r['cpu_seconds']} | {r['jinja_seconds']} | {r['overhead']} |"
              for r in results]
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
        lines.append(f"{'met' if ratio >= 0.8 else 'MISSED'}: pages/s at 100× are {ratio:.0%} of "
                     "those at 1× (goal ≥ 80%)")
        pps = by_scale[100]["pages_per_second"]
        lines.append(f"{'met' if pps >= 300 else 'MISSED'}: {pps} pages/s at 100× (goal ≥ 300)")
    for r in results:
        if r["overhead"]:
            lines.append(f"{'met' if r['overhead'] <= 2 else 'MISSED'}: at {r['scale']}× the build "
                         f"takes {r['overhead']}× the Jinja2 rendering time, in processor time "
                         "(goal ≤ 2×)")
    return lines


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from fakefarms.freezing import default_workers

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the site")
    ap.add_argument("--json", action="store_true", help="end with one line of JSON")
    ap.add_argument("--workers", type=int, default=default_workers(),
                    help="processes rendering pages, as for build.py build (default: %(default)s)")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.workers)))
        return 0
    results = run([int(s) for s in args.scales.split(",")], args.workers)
    print(table(results))
    print("\n".join(goals(results)))
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
