"""The interface's words in each language: gettext catalogs made with Babel.

A language's words are in `site/translations/<code>/LC_MESSAGES/messages.po`, read as they
are saved (compiled in memory, so there is no compile step to forget). English is the
catalogs' source language and needs none.
"""

from __future__ import annotations

import contextlib
import functools
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

CATALOGS = Path(__file__).resolve().parent.parent / "site" / "translations"
DOMAIN = "messages"
#: Catalogs standing in for a language's own (the tests' pseudo-translation).
_REPLACED: dict[str, NullTranslations] = {}


def catalog_path(language: str, root: Path = CATALOGS) -> Path:
    return root / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def interface_languages(root: Path = CATALOGS) -> list[str]:
    """The languages with an interface catalog."""
    return sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@functools.cache
def _compiled(path: Path, stamp: float) -> Translations:
    with path.open("rb") as po:
        catalog = read_po(po)
    mo = BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def words(language: str) -> NullTranslations:
    """The interface words of `language`, re-read when its catalog is saved."""
    if language in _REPLACED:
        return _REPLACED[language]
    path = catalog_path(language)
    if not path.is_file():
        return NullTranslations()
    return _compiled(path, path.stat().st_mtime)


@contextlib.contextmanager
def replaced(language: str, catalog: NullTranslations):
    """Use `catalog` for `language` inside the block (a test's pseudo-translation)."""
    _REPLACED[language] = catalog
    try:
        yield
    finally:
        del _REPLACED[language]
