"""The site in several languages: which language a request is in, its interface words (from
catalogs.py), and its languages' names and locale tags from Babel's locale data.

English is the site's own language, served at the root; each translation is served under
its code (`/ru/farms/`), with its content words from `content/<code>/`.
"""

from __future__ import annotations

from babel import Locale
from flask import current_app, has_request_context, request

from .catalogs import words
from .content.model import capitalize_first


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
    return capitalize_first(Locale.parse(language).get_display_name(language))
