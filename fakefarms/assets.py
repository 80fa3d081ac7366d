"""Static files served under content-hashed names, so hosts can cache them forever.

`asset("css/site.css")` in a template gives the address of `css/site.<hash>.css`;
the hash changes whenever the file does, so HTML stays fresh while assets never
need revalidating.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from flask import Flask, abort, current_app, send_file

HASHED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<suffix>\.[a-z0-9]+)$")


class AssetIndex:
    """Maps asset paths to hashed names, recomputing when a file changes (preview)."""

    def __init__(self, root: Path, vendor: dict[str, Path]):
        self.root = root
        self.vendor = vendor  # asset name -> file installed by npm
        self._cache: dict[str, tuple[float, str]] = {}

    def path_of(self, name: str) -> Path:
        if name in self.vendor:
            if not self.vendor[name].is_file():
                raise LookupError(f"{self.vendor[name]} is missing: run 'npm ci' (make does)")
            return self.vendor[name]
        path = (self.root / name).resolve()
        if self.root.resolve() not in path.parents or not path.is_file():
            raise FileNotFoundError(name)
        return path

    def digest(self, name: str) -> str:
        path = self.path_of(name)
        mtime = path.stat().st_mtime
        cached = self._cache.get(name)
        if cached is None or cached[0] != mtime:
            cached = (mtime, hashlib.sha256(path.read_bytes()).hexdigest()[:10])
            self._cache[name] = cached
        return cached[1]

    def hashed_name(self, name: str) -> str:
        stem, dot, suffix = name.rpartition(".")
        return f"{stem}.{self.digest(name)}.{suffix}"


def init_app(app: Flask, root: Path, vendor: dict[str, Path]) -> None:
    index = AssetIndex(root, vendor)
    app.extensions["assets"] = index

    @app.route("/assets/<path:filename>")
    def assets(filename: str):
        match = HASHED_NAME.match(filename)
        if not match:
            abort(404)
        name = match["stem"] + match["suffix"]
        try:
            if index.digest(name) != match["hash"]:
                abort(404)
        except FileNotFoundError:
            abort(404)
        return send_file(index.path_of(name), max_age=31536000)


def hashed_filename(name: str) -> str:
    try:
        return current_app.extensions["assets"].hashed_name(name)
    except FileNotFoundError:
        # A missing asset is a bug in a template: fail loudly, never link a 404.
        raise LookupError(f"asset not found: site/static/{name}") from None
