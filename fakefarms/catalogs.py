"""The interface's words in each language: gettext catalogs made with Babel; and dates in
each language's words, from Babel's locale data.

A language's words are in `site/translations/<code>/LC_MESSAGES/messages.po`, read as they
are saved (compiled in memory, so there is no compile step to forget). English is the
catalogs' source language and needs none.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_skeleton, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

if TYPE_CHECKING:
    from .content.model import PartialDate

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


def date_text(date: PartialDate, language: str) -> str:
    """A date as precise as it is given, in the language's words: '7 February 2020',
    '7 февраля 2020 г.', 'February 2020', 'февраль 2020 г.', '2020'."""
    if date.month is None:
        return str(date.year)
    locale = _date_locale(language)
    day = datetime.date(date.year, date.month, date.day or 1)
    text = format_skeleton("yMMMM" if date.day is None else "yMMMMd", day, locale=locale)
    if date.hour is not None:
        text += ", " + format_time(datetime.time(date.hour, date.minute), "HH:mm", locale=locale)
    return text


#: The site's English writes dates the British way: 7 February 2020.
DATE_LOCALES = {"en": "en_GB"}


@functools.cache
def _date_locale(language: str) -> Locale:
    return Locale.parse(DATE_LOCALES.get(language, language))
