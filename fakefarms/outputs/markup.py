"""Editors' prose as HTML: the Markdown subset, rendered with raw HTML off, so nothing an
editor types can become markup it does not mean (records/prose.py checks it first)."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markupsafe import Markup

from records.prose import FIGURE_TOKEN

#: Paragraph fields (a passage) may hold lists; every other prose field is one line of text.
_BLOCK = MarkdownIt("zero", {"html": False}).enable(["emphasis", "link", "list"])
_INLINE = MarkdownIt("zero", {"html": False}).enable(["emphasis", "link"])


def render(
    text: str, *, block: bool, figure: Callable[[str], Markup], site_link: Callable[[str], str]
) -> Markup:
    """The prose as HTML: Markdown rendered with raw HTML escaped, {fig:id} tokens shown by
    `figure(id)`, and the site's own pages linked by `site_link(path)`."""
    md = _BLOCK if block else _INLINE
    tokens = md.parse(text) if block else md.parseInline(text)
    for token in _walk(tokens):
        if token.type == "link_open":
            href = token.attrGet("href") or ""
            if href.startswith("/"):
                token.attrSet("href", site_link(href))
            else:
                token.attrSet("rel", "noopener")
    html = md.renderer.render(tokens, md.options, {})
    return Markup(FIGURE_TOKEN.sub(lambda m: str(figure(m.group(1))), html.strip()))


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def shortened(text: str, limit: int = 160) -> str:
    """At most `limit` characters, cut at a word, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(".,;:–—-")
    return cut + "…"
