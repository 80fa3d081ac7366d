"""Share links: on every story page and the calculator, plain links to each service that carry
the page's own public address, and no script or request of any service's."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from fakefarms.web.sharing import SHARE_SERVICES
from tests.sitecheck import parsed

STORY_PAGES = [
    "index.html",
    "methodology/index.html",
    "costs/index.html",
    "kordai/index.html",
    "calculator/index.html",
]


def shared_address(href: str) -> str:
    """The page address a share link carries, whichever parameter the service reads."""
    parts = urlsplit(href)
    query = parse_qs(parts.query)
    for name in ("url", "u", "body"):
        if name in query:
            return query[name][0]
    return query["text"][0].rsplit(" ", 1)[-1]  # WhatsApp: the words, then the address


def test_story_pages_and_the_calculator_offer_every_service(built_site):
    for name in STORY_PAGES:
        soup = parsed(built_site / name)
        canonical = soup.find("link", rel="canonical")["href"]
        links = soup.select(".share a[data-share-pattern]")
        assert [a["class"][1] for a in links] == [f"share-{s}" for s, _l, _p in SHARE_SERVICES]
        for link in links:
            assert shared_address(link["href"]) == canonical, (name, link["href"])
            assert link["href"].startswith(("https://", "mailto:"))
            assert "noopener" in link["rel"]
        # Only the browser's own share sheet and the copy button need the script.
        assert all(button.find_parent("li").has_attr("hidden") for button in soup.select(".share button"))
        assert soup.find("script", src=lambda s: s and "share" in s)
