"""The site in several languages: which language a request is in, its interface words (from
catalogs.py), and its languages' names and locale tags from Babel's locale data.

English is the site's own language, served at the root; each translation is served under
its code (`/ru/farms/`), with its content words from `content/<code>/`.
"""

from __future__ import annotations

from gettext import NullTranslations

from babel import Locale
from flask import current_app, has_request_context, request

from fakefarms.content.catalogs import words
from fakefarms.content.model import capitalize_first


def current_language() -> str:
    """The language of the page being rendered: the blueprint it is served under (English
    outside a request: the command line, charts drawn by tests)."""
    if not has_request_context():
        return "en"
    # Asked thousands of times a page, so worked out once a request (not in `g`: the build's
    # requests share one application context).
    if "fakefarms.language" not in request.environ:
        outer = request.blueprints[-1] if request.blueprints else ""
        request.environ["fakefarms.language"] = (
            outer if outer in current_app.config["LANGUAGES"] else current_app.config["SOURCE_LANGUAGE"]
        )
    return request.environ["fakefarms.language"]


def _words() -> NullTranslations:
    """The interface words of the page being rendered, looked up once a request."""
    if not has_request_context():
        return words(current_language())
    if "fakefarms.words" not in request.environ:
        request.environ["fakefarms.words"] = words(current_language())
    return request.environ["fakefarms.words"]


def gettext(message: str, **values) -> str:
    text = _words().gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, num: int, **values) -> str:
    text = _words().ngettext(singular, plural, num)
    return text % {"num": num, **values}


def pgettext(context: str, message: str, **values) -> str:
    text = _words().pgettext(context, message)
    return text % values if values else text


def locale_tag(language: str) -> str:
    """The Open Graph locale: en_GB, ru_RU."""
    locale = Locale.parse(language)
    territory = locale.territory or {"en": "GB", "ru": "RU", "ky": "KG"}.get(language, "")
    return f"{locale.language}_{territory}" if territory else locale.language


def language_name(language: str) -> str:
    """A language's name in itself, for the switcher: 'English', 'Русский'."""
    name = Locale.parse(language).get_display_name(language)
    assert name is not None  # Babel names every language it has data for
    return capitalize_first(name)
