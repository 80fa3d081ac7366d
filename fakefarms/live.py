"""The content a request sees: loaded once for builds, re-read on change in preview; and the
preview's own pieces (a version stamp its reload script polls, problems quoted in context)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from flask import Blueprint, Response, current_app

from .content import Content, ContentError, Problem, load_content

SITE_DIR = Path(__file__).resolve().parent.parent / "site"
#: Registered only by the preview server: a built site contains none of it.
preview = Blueprint("preview", __name__)


def current_content() -> Content:
    """The validated content; in preview, re-read when any content file changed.

    Raises ContentError in preview when the edited content is invalid; the app
    shows those problems on the page and in the terminal instead of crashing.
    """
    app = current_app
    if not app.config["LIVE_CONTENT"]:
        return app.extensions["content"]
    directory = Path(app.config["CONTENT_DIR"])
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in directory.glob("*.yaml")))
    cached = app.extensions.get("live_content")
    if cached is None or cached[0] != stamp:
        try:
            cached = (stamp, load_content(directory), None)
        except ContentError as exc:
            cached = (stamp, None, exc)
            for problem in exc.problems:
                print(problem, file=sys.stderr)
        app.extensions["live_content"] = cached
    if cached[2] is not None:
        raise cached[2]
    return cached[1]


def version() -> str:
    """Changes whenever a content file, template or static file is saved."""
    directories = [Path(current_app.config["CONTENT_DIR"]), SITE_DIR]
    stamps = sorted((str(p), p.stat().st_mtime_ns) for d in directories for p in d.rglob("*")
                    if p.is_file())
    return hashlib.sha256(repr(stamps).encode()).hexdigest()[:16]


@preview.route("/__preview/version")
def version_stamp():
    return Response(version(), mimetype="text/plain", headers={"Cache-Control": "no-store"})


@preview.route("/__preview/reload.js")
def reload_script():
    script = (SITE_DIR / "preview" / "reload.js").read_text(encoding="utf-8")
    return Response(script, mimetype="text/javascript", headers={"Cache-Control": "no-store"})


def quoted(problem: Problem, around: int = 1) -> list[tuple[int, str, bool]]:
    """The lines of the file around a problem, as (number, text, is the problem's line)."""
    try:
        lines = Path(problem.path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    first, last = max(problem.line - around, 1), min(problem.line + around, len(lines))
    return [(n, lines[n - 1], n == problem.line) for n in range(first, last + 1)]
