"""Static files served under content-hashed names, so hosts can cache them forever.

`asset("css/site.css")` in a template gives the address of `css/site.<hash>.css`;
the hash changes whenever the file does, so HTML stays fresh while assets never
need revalidating. An asset that loads another (charts.js loads the Plotly bundle)
names it by a placeholder that is replaced with the hashed address here, so the
address is in the script, not in every page's HTML.
"""

from __future__ import annotations

import hashlib
import mimetypes
import posixpath
import re
from pathlib import Path

from flask import Flask, Response, abort, current_app, url_for

HASHED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<suffix>\.[a-z0-9]+)$")


class AssetIndex:
    """Maps asset paths to hashed names, recomputing when a file changes (preview)."""

    def __init__(
        self,
        root: Path,
        vendor: dict[str, Path],
        links: dict[str, dict[str, str]],
        wrappers: dict[str, tuple[bytes, bytes]] | None = None,
    ):
        self.root = root
        self.vendor = vendor  # asset name -> file installed by npm
        self.links = links  # asset name -> {placeholder: name of the asset it stands for}
        self.wrappers = wrappers or {}  # asset name -> (code before it, code after it)
        self._cache: dict[str, tuple[tuple, bytes, str]] = {}

    def path_of(self, name: str) -> Path:
        if name in self.vendor:
            if not self.vendor[name].is_file():
                raise LookupError(f"{self.vendor[name]} is missing: run 'npm ci' (make does)")
            return self.vendor[name]
        path = (self.root / name).resolve()
        if self.root.resolve() not in path.parents or not path.is_file():
            raise FileNotFoundError(name)
        return path

    def _load(self, name: str) -> tuple[bytes, str]:
        """The asset's bytes, placeholders filled in, and their hash; cached until it changes."""
        targets = self.links.get(name, {})
        stamp = tuple(self.path_of(n).stat().st_mtime for n in [name, *targets.values()])
        cached = self._cache.get(name)
        if cached is None or cached[0] != stamp:
            before, after = self.wrappers.get(name, (b"", b""))
            data = before + self.path_of(name).read_bytes() + after
            for placeholder, target in targets.items():
                address = posixpath.relpath(self.hashed_name(target), posixpath.dirname(name))
                data = data.replace(placeholder.encode(), address.encode())
            cached = (stamp, data, hashlib.sha256(data).hexdigest()[:10])
            self._cache[name] = cached
        return cached[1], cached[2]

    def content(self, name: str) -> bytes:
        return self._load(name)[0]

    def digest(self, name: str) -> str:
        return self._load(name)[1]

    def hashed_name(self, name: str) -> str:
        stem, dot, suffix = name.rpartition(".")
        return f"{stem}.{self.digest(name)}.{suffix}"


def init_app(
    app: Flask,
    root: Path,
    vendor: dict[str, Path],
    links: dict[str, dict[str, str]],
    wrappers: dict[str, tuple[bytes, bytes]] | None = None,
) -> None:
    index = AssetIndex(root, vendor, links, wrappers)
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
        for target in index.links.get(name, {}).values():
            # Building the address also tells the freezer to write the linked file.
            url_for("assets", filename=index.hashed_name(target))
        mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = Response(index.content(name), mimetype=mimetype)
        response.cache_control.public = True
        response.cache_control.max_age = 31536000
        return response


def hashed_filename(name: str) -> str:
    try:
        return current_app.extensions["assets"].hashed_name(name)
    except FileNotFoundError:
        # A missing asset is a bug in a template: fail loudly, never link a 404.
        raise LookupError(f"asset not found: site/static/{name}") from None
