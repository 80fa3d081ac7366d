"""The site in several languages: which language a request is in, its interface words (from
catalogs.py), and its dates and names from Babel's locale data.

English is the site's own language, served at the root; each translation is served under
its code (`/ru/farms/`), with its content words from `content/<code>/`.
"""

from __future__ import annotations

import datetime
import functools

from babel import Locale
from babel.dates import format_skeleton, format_time
from flask import current_app, has_request_context, request

from .catalogs import words
from .content.model import PartialDate


def current_language() -> str:
    """The language of the page being rendered: the blueprint it is served under (English
    outside a request: the command line, charts drawn by tests)."""
    if not has_request_context():
        return "en"
    outer = request.blueprints[-1] if request.blueprints else ""
    return outer if outer in current_app.config["LANGUAGES"] else current_app.config["SOURCE_LANGUAGE"]


def gettext(message: str, **values) -> str:
    text = words(current_language()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, num: int, **values) -> str:
    text = words(current_language()).ngettext(singular, plural, num)
    return text % {"num": num, **values}


def pgettext(context: str, message: str, **values) -> str:
    text = words(current_language()).pgettext(context, message)
    return text % values if values else text


def locale_tag(language: str) -> str:
    """The Open Graph locale: en_GB, ru_RU."""
    locale = Locale.parse(language)
    territory = locale.territory or {"en": "GB", "ru": "RU", "ky": "KG"}.get(language, "")
    return f"{locale.language}_{territory}" if territory else locale.language


def language_name(language: str) -> str:
    """A language's name in itself, for the switcher: 'English', 'Русский'."""
    name = Locale.parse(language).get_display_name(language)
    return name[:1].upper() + name[1:]


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
