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

from records.errors import Problem
from records.files import display_path

if TYPE_CHECKING:
    from fakefarms.content.model import PartialDate

CATALOGS = Path(__file__).resolve().parents[2] / "site" / "translations"
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


def say(language: str, message: str, **values) -> str:
    """The interface words `message` in `language`, with `values` filled in, where there is
    no request to take the language from (a chart is drawn from its content alone)."""
    text = words(language).gettext(message)
    return text % values if values else text


def catalog_problems(language: str, root: Path | None = None) -> list[Problem]:
    """What would show wrongly in `language`'s catalog, at its file and line: a placeholder
    the translation misspells or drops (the page would fail or show '%(nun)s'), a plural
    without every form the language needs (Russian has three: 1 час, 2 часа, 5 часов), a
    string left untranslated or marked fuzzy (shown in English)."""
    path = catalog_path(language, root or CATALOGS)
    shown = display_path(path)
    try:
        with path.open("rb") as po:
            catalog = read_po(po)
    except OSError:
        return [
            Problem(
                shown,
                1,
                1,
                "",
                f"no interface catalog for {language}",
                f"start one: make translations LANGUAGE={language}",
            )
        ]
    except Exception as exc:  # noqa: BLE001 - Babel raises several kinds on a broken file
        return [
            Problem(
                shown,
                getattr(exc, "lineno", 1) or 1,
                1,
                "",
                f"the catalog cannot be read: {exc}",
                "fix the line, as in the others",
            )
        ]
    problems = []
    for message, errors in catalog.check():
        for error in errors:
            problems.append(
                Problem(
                    shown,
                    message.lineno or 1,
                    1,
                    _msgid(message),
                    str(error),
                    "keep every %(name)s placeholder of the English exactly, "
                    "and give every form the language needs",
                )
            )
    for message in catalog:
        if not message.id:
            continue
        string = message.string
        assert isinstance(string, str | tuple)  # as read from a file: text, or each plural form
        strings = string if isinstance(string, tuple) else (string,)
        if message.fuzzy:
            problems.append(
                Problem(
                    shown,
                    message.lineno or 1,
                    1,
                    _msgid(message),
                    "marked fuzzy: pages show the English",
                    "check the translation, then delete the '#, fuzzy' line",
                )
            )
        elif not all(s.strip() for s in strings):
            missing = [str(i) for i, s in enumerate(strings) if not s.strip()]
            problems.append(
                Problem(
                    shown,
                    message.lineno or 1,
                    1,
                    _msgid(message),
                    "not translated" + (f" (form {', '.join(missing)})" if len(strings) > 1 else ""),
                    "write the translation in msgstr"
                    if len(strings) == 1
                    else f"give all {catalog.num_plurals} forms, msgstr[0] "
                    f"to msgstr[{catalog.num_plurals - 1}]",
                )
            )
    return problems


def _msgid(message) -> str:
    text = message.id[0] if isinstance(message.id, tuple) else message.id
    return f"msgid '{text[:50]}'"


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
        assert date.minute is not None  # a time has its minutes
        text += ", " + format_time(datetime.time(date.hour, date.minute), "HH:mm", locale=locale)
    return text


#: The site's English writes dates the British way: 7 February 2020.
DATE_LOCALES = {"en": "en_GB"}


@functools.cache
def _date_locale(language: str) -> Locale:
    return Locale.parse(DATE_LOCALES.get(language, language))
