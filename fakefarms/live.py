"""The content a request sees: loaded once for builds, re-read on change in preview."""

from __future__ import annotations

import sys
from pathlib import Path

from flask import current_app

from .content import Content, ContentError, load_content


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
