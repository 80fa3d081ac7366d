"""The content a request sees: loaded once for builds, re-read in preview when a file is saved."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from flask import abort, current_app

from fakefarms.content import Content, ContentError
from fakefarms.content.loader import gather


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
    stamp = saved_stamps(directory.glob("**/*.y*ml"))
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


def saved_stamps(paths: Iterable[Path]) -> tuple[tuple[str, int], ...]:
    """(path, modification time) of each file as saved, what changes when an editor saves:
    without editors' swap, backup and lock files (.farms.yaml.swp, farms.yaml~, .#farms.yaml);
    a file that vanishes while being listed (an editor saving by renaming) is left out rather
    than failing the request."""
    stamps = []
    for path in paths:
        if (
            path.name.startswith((".", "#"))
            or path.name.endswith("~")
            or path.suffix in (".swp", ".swx", ".tmp")
        ):
            continue
        try:
            stamps.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            continue
    return tuple(sorted(stamps))
