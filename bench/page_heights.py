"""How long the story pages are on a phone, per page and language: their height in pixels and
in screens (a screen is 844 px, a 390 × 844 phone's), at 390 px and at 320 px wide.

Builds the site into a temporary folder, serves it on 127.0.0.1 and opens each page in
Debian's Chromium with every chart's drawing in place, as a reader first sees it.

    python bench/page_heights.py [--widths 390,320] [--pages / /kordai/ …] [--json]

A measure, not a test: it reports, and the README quotes what it reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fakefarms.build.publish import build_site  # noqa: E402
from fakefarms.build.statichost import CHROMIUM, CHROMIUM_ARGS, StaticSiteServer  # noqa: E402

SCREEN = 844
STORY_PAGES = ["/", "/kordai/", "/methodology/", "/costs/"]


def measure(public: Path, paths: list[str], widths: list[int]) -> list[dict]:
    rows = []
    with StaticSiteServer(public) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for width in widths:
            context = browser.new_context(
                viewport={"width": width, "height": SCREEN}, is_mobile=True, has_touch=True
            )
            page = context.new_page()
            for language in ("en", "ru"):
                for path in paths:
                    address = path if language == "en" else "/ru" + path
                    page.goto(server.origin + address, wait_until="load")
                    height = page.evaluate("document.documentElement.scrollHeight")
                    rows.append(
                        {
                            "page": address,
                            "language": language,
                            "width": width,
                            "height": height,
                            "screens": round(height / SCREEN, 1),
                        }
                    )
            context.close()
        browser.close()
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--widths", default="390,320", help="screen widths, e.g. 390,320")
    parser.add_argument("--pages", nargs="+", default=STORY_PAGES, help="English addresses")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        public = Path(folder) / "public"
        build_site(ROOT / "content", public)
        rows = measure(public, args.pages, [int(w) for w in args.widths.split(",")])
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"| Page | Width | Height px | Screens of {SCREEN} px |")
    print("| --- | ---: | ---: | ---: |")
    for row in rows:
        print(f"| `{row['page']}` | {row['width']} | {row['height']} | {row['screens']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
