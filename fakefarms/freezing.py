"""Freeze the app with Frozen-Flask, on every core.

Each worker is a fork of the process that loaded the content and made the app, so it starts
with both (and the compiled templates, and the charts) at no cost. It runs Frozen-Flask's own
loop on its share of the pages, then on every address those pages link to (their cards, the
assets, the data files), exactly as one freezer would. An address is built by the first
worker to claim it, by creating a file named after it: each file is written once, and the
output is the same, byte for byte, whatever the number of workers.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from unicodedata import normalize

from flask import Flask
from flask_frozen import Freezer, FrozenFlaskWarning


def default_workers() -> int:
    """One worker a core on Linux, where forking the process that made the app is safe and
    cheap (macOS advises against it; Windows cannot); elsewhere one."""
    return len(os.sched_getaffinity(0)) if sys.platform == "linux" else 1


@dataclass(frozen=True)
class Frozen:
    """What a freeze built: its addresses, and the endpoints it saw (for Frozen-Flask's check
    that every endpoint has a page)."""
    urls: frozenset[str]
    endpoints: frozenset[str | None]


class _ShareFreezer(Freezer):
    """Frozen-Flask's freezer for one worker: the pages of its share, and whatever they link to
    that no other worker claimed first."""

    def __init__(self, app: Flask, written: Callable[[Path], None] | None = None, **options):
        super().__init__(app, **options)
        self.written = written
        #: Frozen-Flask's own generators (the pages without arguments), before the shares'.
        self.own_generators = list(self.url_generators)
        #: Where workers claim addresses; None when this is the only one.
        self.claims: Path | None = None
        self.endpoints: set[str | None] = set()

    def _build_one(self, url, last_modified=None):
        if self.claims is not None:
            name = hashlib.sha1(url.encode()).hexdigest()
            try:
                os.close(os.open(self.claims / name, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:  # another worker builds it
                return self.root / normalize("NFC", self.urlpath_to_filepath(url))
        path = super()._build_one(url, last_modified)
        if self.written:
            self.written(path)
        return path

    def _check_endpoints(self, seen_endpoints):
        # A worker sees only its share's endpoints; the whole freeze checks their union.
        self.endpoints = set(seen_endpoints)


class FreezeError(Exception):
    """A page failed to freeze; the message says which and why, in one line."""


def _failure(exc: BaseException) -> FreezeError:
    """The one-line message for what Frozen-Flask or a view raised."""
    if isinstance(exc, FrozenFlaskWarning):  # a warning the caller made an error
        return FreezeError(f"{type(exc).__name__}: {exc}")
    if isinstance(exc, ValueError):  # Frozen-Flask reports bad statuses this way
        return FreezeError(str(exc))
    return FreezeError(f"rendering failed: {type(exc).__name__}: {exc}")


#: The job the forked workers run; set before the pool starts, read in the children.
_job: tuple | None = None


def freeze(app: Flask, pages: Callable[[], Iterable[str]], workers: int = 1,
           written: Callable[[Path], None] | None = None, **options) -> frozenset[str]:
    """Freeze every address `pages` yields and every address they link to, with `workers`
    processes, calling `written` with each file in the process that wrote it; `options` are
    the Freezer's (log_url_for=True, with_static_files=False).

    Warnings the caller turned into errors (a missing URL generator, a link to no page) fail
    the freeze as in one Frozen-Flask run, as does an exception in any worker: FreezeError.
    """
    global _job
    freezer = _ShareFreezer(app, written, **options)
    try:
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            shares = [_freeze_share(freezer, pages, 0, 1)]
        else:
            with tempfile.TemporaryDirectory(prefix="fakefarms-claims-") as claims:
                freezer.claims = Path(claims)
                # The first page, built before the workers fork, leaves them what most pages
                # share (compiled templates, drawn charts, loaded words) to start from.
                freezer.url_generators = [pages]
                first = next(freezer.all_urls(), None)
                if first is not None:
                    freezer._build_one(first)
                _job = (freezer, pages)
                try:
                    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                        shares = list(pool.map(_run_share, range(workers), [workers] * workers))
                finally:
                    _job = None
        # Each share saw only some endpoints; Frozen-Flask checks their union.
        Freezer._check_endpoints(freezer, frozenset().union(*(s.endpoints for s in shares)))
    except FreezeError:
        raise
    except Exception as exc:
        raise _failure(exc) from exc
    return frozenset().union(*(s.urls for s in shares))


def _run_share(share: int, shares: int) -> Frozen:
    """In a worker: its share of the freeze."""
    freezer, pages = _job
    try:
        return _freeze_share(freezer, pages, share, shares)
    except Exception as exc:  # a FreezeError always reaches the parent; a view's error may not
        raise _failure(exc) from exc


def _freeze_share(freezer: _ShareFreezer, pages, share: int, shares: int) -> Frozen:
    freezer.url_generators = [*freezer.own_generators, lambda: islice(pages(), share, None, shares)]
    urls = frozenset(freezer.freeze())
    return Frozen(urls, frozenset(freezer.endpoints))
