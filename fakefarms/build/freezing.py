"""Freeze the app with Frozen-Flask's public API: one Freezer, in one process, over the
addresses the site lists and every address its pages link to (their cards, the assets, the
data files), as Frozen-Flask finds them through url_for.

Every file is written once, in the order the freezer meets it, so the output is the same,
byte for byte, on every run; a card already drawn by an earlier build comes from the card
cache (cards.py), which is what made a build slow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from flask import Flask
from flask_frozen import Freezer, FrozenFlaskWarning


class FreezeError(Exception):
    """A page failed to freeze; the message says which and why, in one line."""


def freeze(
    app: Flask, pages: Callable[[], Iterable[str]], written: Callable[[Path], None] | None = None, **options
) -> frozenset[str]:
    """Freeze every address `pages` yields and every address they link to, calling `written`
    with each file as it is written; `options` are the Freezer's (log_url_for=True,
    with_static_files=False). Returns the addresses built.

    Warnings the caller turned into errors (a missing URL generator, a link to no page) and
    any error in a view fail the freeze with a FreezeError of one line.
    """
    freezer = Freezer(app, **options)
    freezer.register_generator(pages)
    urls = set()
    try:
        for page in freezer.freeze_yield():
            urls.add(page.url)
            if written:
                written(freezer.root / page.path)
    except Exception as exc:
        raise _failure(exc) from exc
    return frozenset(urls)


def _failure(exc: BaseException) -> FreezeError:
    """The one-line message for what Frozen-Flask or a view raised."""
    if isinstance(exc, FrozenFlaskWarning):  # a warning the caller made an error
        return FreezeError(f"{type(exc).__name__}: {exc}")
    if isinstance(exc, ValueError):  # Frozen-Flask reports bad statuses this way
        return FreezeError(str(exc))
    return FreezeError(f"rendering failed: {type(exc).__name__}: {exc}")
