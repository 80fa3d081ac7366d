"""Share links: plain addresses of the services readers in the region use, which make no
request until a reader follows one. Declared once: the page shows them, and share.js refills
the same patterns with the address a reader is on (a calculator estimate included)."""

from __future__ import annotations

from urllib.parse import quote

from fakefarms.content.markers import N_

from .i18n import gettext

#: (id, label, address pattern); {url} and {text} are filled in, URL-encoded. The labels are
#: the services' own names, the same in every language, except where marked for translation.
SHARE_SERVICES = (
    ("telegram", "Telegram", "https://t.me/share/url?url={url}&text={text}"),
    ("whatsapp", "WhatsApp", "https://wa.me/?text={text}%20{url}"),
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("x", "X", "https://x.com/intent/post?url={url}&text={text}"),
    ("email", N_("E-mail"), "mailto:?subject={text}&body={url}"),
)


def share_links(url: str, text: str) -> list[tuple[str, str, str, str]]:
    """(id, label in the page's language, pattern, address) for each service, sharing `url`
    with `text`."""
    filled = {"url": quote(url, safe=""), "text": quote(text, safe="")}
    return [
        (service, gettext(label), pattern, pattern.format(**filled))
        for service, label, pattern in SHARE_SERVICES
    ]
