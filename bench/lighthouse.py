"""Lighthouse benchmark of the built site, served compressed as a real host would serve it.

Builds the site into a temporary folder, serves it on 127.0.0.1 as a static host does, with
gzip and the build's `_headers` (fakefarms/build/statichost.py, the browser tests' server), runs
Lighthouse (node_modules/.bin/lighthouse, mobile preset) several times per page on Debian's
Chromium, and prints a Markdown table of the medians.

    python bench/lighthouse.py                       # every page, 3 runs each (slow: ~30 s a page)
    python bench/lighthouse.py --pages / /charts/ /calculator/
    python bench/lighthouse.py --kinds --json bench-results.json

Needs `npm ci` (Lighthouse) and /usr/bin/chromium; `make test` installs both.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fakefarms.build.statichost import CHROMIUM, CHROMIUM_ARGS, StaticSiteServer, one_per_kind, pages, url_of  # noqa: E402  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(("--headless=new", *CHROMIUM_ARGS))
CATEGORIES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "Best pr.", "seo": "SEO"}
AUDITS = {  # audit id -> (column, unit conversion)
    "total-byte-weight": ("Transfer KB", 1 / 1024),
    "largest-contentful-paint": ("LCP ms", 1),
    "total-blocking-time": ("TBT ms", 1),
}


def site_paths(public: Path) -> list[str]:
    """The address of every built HTML page, as a host serves it ('/', '/farms/', '/404.html')."""
    paths = [url_of(public, file, origin="") for file in pages(public)]
    return sorted(paths, key=lambda p: (p.count("/"), p))


def run_lighthouse(url: str) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {
        audit: report["audits"][audit]["numericValue"] * scale for audit, (_column, scale) in AUDITS.items()
    }
    return {**scores, **metrics, "lighthouse": report["lighthouseVersion"]}


def medians(runs: list[dict]) -> dict:
    keys = list(CATEGORIES) + list(AUDITS)
    return {key: statistics.median(run[key] for run in runs) for key in keys}


def table(results: dict[str, dict]) -> str:
    columns = ["Page"] + list(CATEGORIES.values()) + [column for column, _ in AUDITS.values()]
    lines = ["| " + " | ".join(columns) + " |", "| --- |" + " ---: |" * (len(columns) - 1)]
    for path, row in results.items():
        cells = [f"`{path}`"] + [f"{row[name]:.0f}" for name in CATEGORIES]
        cells += [f"{row[audit]:.0f}" for audit in AUDITS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="PATH",
        help="site addresses to measure, e.g. / /charts/ (default: every page)",
    )
    parser.add_argument(
        "--kinds",
        action="store_true",
        help="one page of each kind (same first folder and depth) instead of all",
    )
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="save the medians as JSON")
    parser.add_argument(
        "--content", type=Path, default=ROOT / "content", help="content folder to build (default: content/)"
    )
    args = parser.parse_args(argv)

    for needed, how in ((LIGHTHOUSE, "run `npm ci`"), (Path(CHROMIUM), "install Debian's chromium")):
        if not needed.exists():
            print(f"{needed} is missing: {how} (`make test` does both)", file=sys.stderr)
            return 2

    from fakefarms.build.publish import build_site

    with tempfile.TemporaryDirectory(prefix="fakefarms-bench-") as tmp:
        public = Path(tmp) / "public"
        server = StaticSiteServer(public)  # binds a free port first: the build needs its address
        build_site(args.content, public, server.base_url)
        paths = site_paths(public)
        if args.kinds:
            kinds = one_per_kind(paths)
            paths = [path for path in paths if path in kinds]
        if args.pages:
            unknown = [p for p in args.pages if p not in paths and p != "/404.html"]
            if unknown:
                print(f"no such page(s): {', '.join(unknown)}; pages are: {' '.join(paths)}", file=sys.stderr)
                return 2
            paths = args.pages
        results: dict[str, dict] = {}
        version = "?"
        started = time.monotonic()
        with server:
            for number, path in enumerate(paths, 1):
                runs = [run_lighthouse(server.base_url + path.lstrip("/")) for _ in range(args.runs)]
                version = runs[0]["lighthouse"]
                results[path] = medians(runs)
                print(
                    f"[{number}/{len(paths)}] {path}: performance {results[path]['performance']:.0f}",
                    file=sys.stderr,
                )
        minutes = (time.monotonic() - started) / 60

    print(
        f"Lighthouse {version}, mobile preset, median of {args.runs} run(s) per page, served with "
        f"gzip from 127.0.0.1 ({len(paths)} page(s), {minutes:.1f} min)\n"
    )
    print(table(results))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"lighthouse": version, "runs": args.runs, "preset": "mobile", "medians": results}, indent=2
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"\nmedians written to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
