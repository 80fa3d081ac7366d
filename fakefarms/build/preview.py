"""Local preview: the live app, re-reading content and templates as they change."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from flask import Flask

from fakefarms.build import addresses
from fakefarms.content import ContentError, load_content
from fakefarms.web.app import create_app
from fakefarms.web.site_paths import SITE_DIR


def preview_app(content_dir: Path, **config) -> Flask:
    """The live app: it re-reads the content when a file is saved and shows its problems,
    the site's addresses' included, on the page."""
    app = create_app({"CONTENT_DIR": content_dir, "LIVE_CONTENT": True, **config})
    app.extensions["address_problems"] = addresses.site_problems
    return app


def serve(content_dir: Path, port: int) -> None:
    # The reloader runs this twice (a watcher and the server); speak once, from the watcher.
    first_run = not os.environ.get("WERKZEUG_RUN_MAIN")
    if first_run:
        try:
            load_content(content_dir)
        except ContentError as exc:
            # Keep serving: the page shows the same problems until they are fixed.
            for problem in exc.problems:
                print(problem, file=sys.stderr)
    app = preview_app(content_dir, BASE_URL=f"http://127.0.0.1:{port}/", TEMPLATES_AUTO_RELOAD=True)
    templates = [str(p) for p in (SITE_DIR / "templates").rglob("*")]
    if first_run:
        print(f"Previewing at http://127.0.0.1:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    app.run(host="127.0.0.1", port=port, use_reloader=True, extra_files=templates)
