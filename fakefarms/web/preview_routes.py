"""The preview server's own pieces: a version stamp its reload script polls, the script, and
a problem's lines quoted in context for the page that shows it. A built site has none of it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Blueprint, Response, current_app, g

from fakefarms.content import Problem
from fakefarms.web.content_source import saved_stamps
from fakefarms.web.site_paths import SITE_DIR

#: Registered only by the preview server.
preview = Blueprint("preview", __name__)


def version() -> str:
    """Changes whenever a content file, template or static file is saved (not an editor's swap
    or lock file: the page does not reload while a file is still being typed)."""
    content = Path(current_app.config["CONTENT_DIR"])
    stamps = saved_stamps(
        [
            *content.glob("**/*.y*ml"),
            *(SITE_DIR / "templates").rglob("*"),
            *(SITE_DIR / "static").rglob("*"),
            *(SITE_DIR / "translations").rglob("*.po"),
        ]
    )
    return hashlib.sha256(repr(stamps).encode()).hexdigest()[:16]


@preview.before_app_request
def note_version() -> None:
    """The version a page is made from, taken before its content is read: the reload script
    starts from it, so a save made while the page was being made still reloads it."""
    g.preview_version = version()


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
