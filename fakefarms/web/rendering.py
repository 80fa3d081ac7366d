"""What templates may call: relative links, hashed assets, figures in text, citations.

Every internal address is written relative to the page it appears on, so the
same built folder works at a domain root, under a sub-path, or from a preview
server, without knowing where it will be hosted.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from flask import Flask, current_app, request, url_for
from markupsafe import Markup, escape

from fakefarms.content.model import CORRECTION_KINDS, SITE_PAGES, capitalize_first
from fakefarms.outputs import markup
from fakefarms.outputs.charts import RenderedChart, rendered_charts
from fakefarms.web import pagedata
from fakefarms.web.assets import hashed_filename
from fakefarms.web.content_source import current_content, source_content
from fakefarms.web.security import CONTENT_SECURITY_POLICY
from fakefarms.web.sharing import share_links
from records.facts import Figure
from records.numbers import CENTS, grouped, money_span
from records.translation import Untranslated

from .i18n import current_language, gettext, language_name, locale_tag, ngettext, pgettext

#: Each of the site's pages (content.model.SITE_PAGES) and the view that serves it.
ENDPOINTS = {
    name: {"index": "pages.index", "calculator": "calculator.calculator", "charts": "charts.index"}.get(
        name, f"pages.{name}"
    )
    for name in SITE_PAGES
}


def relative_path(target: str, current: str) -> str:
    """`target` written relative to the page at `current` (both absolute paths)."""
    base = current if current.endswith("/") else posixpath.dirname(current) + "/"
    path, hash_mark, fragment = target.partition("#")
    relative = posixpath.relpath(path, base) if path else ""
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./" and not path:
        relative = ""
    return relative + hash_mark + fragment


def editions() -> list[str]:
    """The languages the site is published in, its own first: ['en', 'ru']."""
    content = source_content()
    return [
        content.language,
        *(language for language in current_app.config["LANGUAGES"] if language in content.translations),
    ]


def plain_endpoint(endpoint: str) -> str:
    """An endpoint without its language: 'ru.pages.farm' → 'pages.farm'."""
    language, dot, rest = endpoint.partition(".")
    return rest if language in current_app.config["LANGUAGES"] else endpoint


def in_language(endpoint: str, language: str) -> str:
    """The endpoint serving `endpoint`'s page in `language`: 'pages.farm' in Russian is
    'ru.pages.farm'. Assets and site-wide files are the same in every language."""
    endpoint = plain_endpoint(endpoint)
    translated = f"{language}.{endpoint}"
    return translated if translated in current_app.view_functions else endpoint


def link(endpoint: str, **values) -> str:
    """Like url_for, but in the page's language and relative to the current page.

    The 404 page is served at any depth, so its links start from the site's base path.
    """
    return site_path(url_for(in_language(endpoint, current_language()), **values))


#: Pages addressed by a word of their own language (a letter of the split people index: 'b'
#: in English, 'б' in Russian), which have no twin in another language: there, the page that
#: lists them stands in for them.
OWN_LANGUAGE_PAGES = {"pages.actors_letter": "pages.actors"}


class Twin(NamedTuple):
    language: str
    path: str  # the site address (/ru/farms/x/)
    same_page: bool  # the same page in that language, not the page that stands in for it


def twins_of(endpoint: str, values: Mapping[str, Any], language: str) -> list[Twin]:
    """The page at `endpoint` with `values`, in `language`, as it is in every language."""
    endpoint, out = plain_endpoint(endpoint), []
    for each in editions():
        same = each == language or endpoint not in OWN_LANGUAGE_PAGES
        path = url_for(
            in_language(endpoint if same else OWN_LANGUAGE_PAGES[endpoint], each), **(values if same else {})
        )
        out.append(Twin(each, path, same))
    return out


def alternates(twins: list[Twin]) -> list[tuple[str, str]]:
    """A page's hreflang alternates, as (language, path): the same page in each language and
    the site's own language's as x-default; none for a page that exists in one language only."""
    same = [(twin.language, twin.path) for twin in twins if twin.same_page]
    return [*same, ("x-default", same[0][1])] if len(same) > 1 else []


def _current_twins() -> list[Twin]:
    if request.endpoint is None:  # an unknown address in the preview: its 404 page alone
        return [Twin(current_language(), request.path, True)]
    return twins_of(request.endpoint, request.view_args or {}, current_language())


def twins() -> list[tuple[str, str, str]]:
    """Where this page's language switch leads: (language, link from this page, the
    language's name in itself) for every language."""
    return [(twin.language, site_path(twin.path), language_name(twin.language)) for twin in _current_twins()]


def hreflang_links() -> list[tuple[str, str]]:
    """This page's alternates, as (hreflang, public address, or link from this page when the
    site's address is not known)."""
    return [
        (language, public_address(path) or site_path(path)) for language, path in alternates(_current_twins())
    ]


def site_path(path: str) -> str:
    """A site address (/farms/x/) as this page links it: relative, or from the base path on
    the 404 page, which hosts serve at any depth."""
    if request.environ.get("fakefarms.served_anywhere"):
        return current_app.config["BASE_PATH"] + path.lstrip("/")
    return relative_path(path, request.path)


def serve_anywhere() -> None:
    """Mark the current page as one hosts serve at any address (the 404 page)."""
    request.environ["fakefarms.served_anywhere"] = True


def asset(name: str) -> str:
    return link("assets", filename=hashed_filename(name))


def public_address(path: str) -> str | None:
    """A site address (/ru/farms/) as the public reads it, or None when the site's address is
    not known."""
    base = current_app.config["BASE_URL"]
    return base + path.lstrip("/") if base else None


def absolute_url(endpoint: str, **values) -> str | None:
    """The public address of a page in this page's language, or None when the site's address
    is not known."""
    return public_address(url_for(in_language(endpoint, current_language()), **values))


def public_link(endpoint: str, **values) -> str:
    """An address to give out (a preview card, an embed's credit): absolute when the site's
    address is known, else as this page links it."""
    return absolute_url(endpoint, **values) or link(endpoint, **values)


def card_name() -> str:
    """The name of this page's link-preview image: 'index' for the home page, else its path
    within its language."""
    language = current_language()
    path = (
        request.path.removeprefix(f"/{language}/")
        if language in current_app.config["LANGUAGES"]
        else request.path
    )
    return path.strip("/") or "index"


def page_address() -> str:
    """This page's public address, or its path when the site's address is not known (the
    preview); share.js puts in the address the reader is actually on."""
    if request.endpoint is None:  # the 404 page, which hosts serve at any address
        return request.path
    return absolute_url(request.endpoint, **(request.view_args or {})) or request.path


#: Pages that are part of another in the corrections log: a chapter is part of the story, so
#: it shows the corrections that list the story's address.
PART_OF = {"pages.chapter": "pages.index"}


def corrections_here() -> list:
    """The corrections and updates that changed the page being made, newest first: each page
    they list shows a note of them, in every language."""
    content = current_content()
    whole = PART_OF.get(plain_endpoint(request.endpoint or ""))
    path = url_for(whole) if whole else request.path
    if content.language != source_content().language:
        path = path.removeprefix(f"/{content.language}")
    return [c for c in content.corrections if path in c.pages]


def updated_here():
    """When a correction or update last changed the page being made, or None."""
    corrections = corrections_here()
    return max((c.date for c in corrections), key=lambda d: d.sort_key) if corrections else None


def chart_for(chart_id: str) -> RenderedChart:
    """A chart drawn once for the whole build (page data knows which charts a page shows)."""
    return rendered_charts(current_content())[chart_id]


def rich(text: str) -> Markup:
    """One line of editor prose as HTML: the Markdown subset, {fig:id} tokens as the figure
    with its hedge, the site's own pages linked relative to this one."""
    return _marked(text, _prose(text, block=False))


def letter_name(letter: str) -> str:
    """A letter of the people index as its links name it: upper case, or "other"."""
    return pgettext("first letter", "other") if letter == "other" else letter.upper()


def shown(value):
    """Every value a template writes (Jinja's `finalize`): a text shown in the original
    language because its translation is missing or out of date carries that language and a
    short note saying a translation is coming."""
    return _marked(value, escape(value)) if isinstance(value, Untranslated) else value


def _marked(text: str, html: Markup, *, block: bool = False) -> Markup:
    if not isinstance(text, Untranslated):
        return html
    if block:
        return Markup(
            '<div lang="{}" class="untranslated">{}</div><p class="translation-pending">{}</p>'
        ).format(text.language, html, gettext("Shown in English until its translation is done."))
    return Markup(
        '<span lang="{}" class="untranslated">{}</span> <small class="translation-pending">({})</small>'
    ).format(text.language, html, gettext("translation to come"))


def paragraphs(text: str, after: str = "", before: str = "") -> Markup:
    """A passage, which may hold lists, with `before` (a label) at the start of its first
    paragraph and `after` (its citation marks) at the end of its last."""
    html = _prose(text, block=True)
    if before:
        html = (
            html.replace(Markup("<p>"), Markup("<p>") + before + " ", 1)
            if html.startswith("<p>")
            else Markup("<p>{}</p>").format(before) + html
        )
    if html.endswith("</p>"):
        html = html[:-4] + after + Markup("</p>")
    elif after:
        html += Markup("<p>{}</p>").format(after)
    return _marked(text, html, block=True)


def meta_description(html: str) -> str:
    """A page's description for search engines and link previews: plain words, cut at a
    word to the length they show."""
    return escape(markup.shortened(Markup(html).striptags()))


def _prose(text: str, *, block: bool) -> Markup:
    figures = current_content().figures
    return markup.render(
        text,
        block=block,
        figure=lambda i: figure_inline(figures[i]),
        site_link=lambda path: site_path(edition_path(path)),
    )


def edition_path(path: str) -> str:
    """A page of the site as editors write it (/farms/x/), in the language of the page being
    made: a Russian page's links lead to Russian pages."""
    language = current_language()
    if language == source_content().language or path.startswith(f"/{language}/"):
        return path
    return f"/{language}{path}"


def plotly_locale() -> str | None:
    """The asset with Plotly's words and number formats for the page's language, if it has
    one (English is Plotly's own)."""
    name = f"vendor/plotly-locale-{current_language()}.js"
    return name if name in current_app.extensions["assets"].vendor else None


def figure_inline(figure: Figure) -> Markup:
    return Markup('<data class="fig" value="{}" data-figure="{}" title="{}">{}</data>').format(
        figure.data_value, figure.id, figure.label, current_content().figure_text(figure)
    )


def install_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(
        more_links={name: (ENDPOINTS[name], page.more) for name, page in SITE_PAGES.items()},
        url_for=link,
        link=link,
        asset=asset,
        absolute_url=absolute_url,
        chart_for=chart_for,
        content_security_policy=CONTENT_SECURITY_POLICY,
        share_links=share_links,
        page_address=page_address,
        card_name=card_name,
        twins=twins,
        hreflang_links=hreflang_links,
        locale_tag=locale_tag,
        plotly_locale=plotly_locale,
        public_link=public_link,
        page_data=pagedata.current,
        corrections_here=corrections_here,
        updated_here=updated_here,
    )
    app.jinja_env.finalize = shown
    app.jinja_env.tests["untranslated"] = lambda value: isinstance(value, Untranslated)
    app.jinja_env.filters["plain"] = str  # words without the marks of `shown` (feeds, titles)
    app.jinja_env.filters["rich"] = rich
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.filters["meta_description"] = meta_description
    app.jinja_env.filters["capitalize_first"] = capitalize_first
    app.jinja_env.filters["usd_span"] = lambda r: money_span(
        r.low * CENTS, r.high * CENTS, current_language()
    )
    app.jinja_env.filters["grouped"] = lambda n: grouped(n, current_language())
    # A letter of the people index as a heading shows it ("other": names in no letter).
    app.jinja_env.filters["letter_name"] = letter_name
    # The content model's words (a figure, a link, a response, a date) in the page's language.
    app.jinja_env.filters.update(
        date_text=lambda date: current_content().date_text(date),
        figure_text=lambda figure: current_content().figure_text(figure),
        figure_parts=lambda figure: current_content().figure_parts(figure),
        link_label=lambda link: link.label_in(current_content().words),
        correction_kind=lambda kind: gettext(CORRECTION_KINDS[kind]),
        statement_text=lambda statement: statement.text_in(current_content().words),
        in_brief=lambda response: response.in_brief_in(current_content().words),
        asked_text=lambda response: response.asked_text_in(
            current_content().words, current_content().date_text
        ),
    )
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]  # the i18n extension adds it
        gettext, ngettext, newstyle=True, pgettext=pgettext
    )

    @app.context_processor
    def navigation():
        served = app.view_functions
        menu = [
            (ENDPOINTS[name], page.menu) for name, page in SITE_PAGES.items() if ENDPOINTS[name] in served
        ]
        endpoints = [endpoint for endpoint, _label in menu]
        endpoint = plain_endpoint(request.endpoint or "")
        endpoint = PART_OF.get(endpoint, endpoint)
        labels = dict(menu)
        return {
            "navigation": menu,
            "current_endpoint": endpoint,
            "pager": pager(
                (gettext("Previous chapter"), gettext("Next chapter")),
                endpoints,
                endpoint,
                lambda e: (link(e), gettext(labels[e])),
            )
            if endpoint in endpoints
            else None,
        }


T = TypeVar("T")  # an item in reading order: a chapter's endpoint, a farm's or a person's id


def pager(
    labels: tuple[str, str], order: Sequence[T], here: T, entry: Callable[[T], tuple[str, str]]
) -> list[tuple[str, str, str, str]]:
    """Links to the items before and after `here` in `order` (reading order), as (rel, label,
    title, href): the chapters of the site, the farms, the people. `entry` gives an item's
    (href, title), asked only of the two neighbours, so a site of thousands of people does
    not link every person on every person's page; `labels` say 'Previous chapter' and 'Next
    chapter' in the page's language."""
    position, links = order.index(here), []
    if position > 0:
        href, title = entry(order[position - 1])
        links.append(("prev", labels[0], title, href))
    if position + 1 < len(order):
        href, title = entry(order[position + 1])
        links.append(("next", labels[1], title, href))
    return links
