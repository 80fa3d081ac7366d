"""The content a request sees: loaded once for builds, re-read on change in preview; and the
preview's own pieces (a version stamp its reload script polls, problems quoted in context)."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, g

from fakefarms.content import Content, ContentError, Problem
from fakefarms.content.loader import gather

SITE_DIR = Path(__file__).resolve().parents[2] / "site"
#: Registered only by the preview server: a built site contains none of it.
preview = Blueprint("preview", __name__)


def current_content() -> Content:
    """The validated content in the language of the page being made (a page in a language the
    content is not translated into is not found)."""
    from .i18n import current_language

    content = source_content()
    language = current_language()
    if language != content.language and language not in content.translations:
        abort(404)
    return content.edition(language)


def source_content() -> Content:
    """The validated content in the site's own language, with its translations; in preview,
    re-read when any content file changed.

    Raises ContentError in preview when the edited content is invalid; the app
    shows those problems on the page and in the terminal instead of crashing.
    """
    app = current_app
    if not app.config["LIVE_CONTENT"]:
        return app.extensions["content"]
    directory = Path(app.config["CONTENT_DIR"])
    stamp = _stamps(_saved(directory.glob("**/*.y*ml")))
    cached = app.extensions.get("live_content")
    if cached is None or cached[0] != stamp:
        content, problems = gather(directory)
        if content is not None:
            app.extensions["live_content"] = (stamp, content, None)  # the addresses read it
            # The preview (build/preview.py) gives the check of the site's addresses, which
            # are made from the content read here.
            problems += app.extensions["address_problems"](app, directory, content)[1]
        if problems:
            app.extensions["live_content"] = (stamp, None, ContentError(problems))
            for problem in problems:
                print(problem, file=sys.stderr)
        cached = app.extensions["live_content"]
    if cached[2] is not None:
        raise cached[2]
    return cached[1]


def version() -> str:
    """Changes whenever a content file, template or static file is saved; an editor's swap,
    backup and lock files (.farms.yaml.swp, farms.yaml~, .#farms.yaml) do not count, so the
    page does not reload while a file is still being typed."""
    content = Path(current_app.config["CONTENT_DIR"])
    stamps = _stamps(
        _saved(
            [
                *content.glob("**/*.y*ml"),
                *(SITE_DIR / "templates").rglob("*"),
                *(SITE_DIR / "static").rglob("*"),
                *(SITE_DIR / "translations").rglob("*.po"),
            ]
        )
    )
    return hashlib.sha256(repr(stamps).encode()).hexdigest()[:16]


def _saved(paths: Iterable[Path]) -> list[Path]:
    """The paths that are files as saved, without editors' swap, backup and lock files."""
    return [
        p
        for p in paths
        if not p.name.startswith((".", "#"))
        and not p.name.endswith("~")
        and p.suffix not in (".swp", ".swx", ".tmp")
    ]


def _stamps(paths: Iterable[Path]) -> tuple[tuple[str, int], ...]:
    """(path, modification time) of each file; one that vanishes while being listed (an
    editor saving by renaming) is left out rather than failing the request."""
    stamps = []
    for path in paths:
        try:
            stamps.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            continue
    return tuple(sorted(stamps))


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
