"""Private by default: no request leaves the site's own origin, whatever the reader does."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("data:", "blob:")  # handled inside the browser; nothing goes on the network


def test_no_request_leaves_the_site(visits, site_server):
    """Each page is loaded, scrolled to the bottom a screen at a time, and has every <summary>,
    checkbox, radio and button used; every request must go to the test server's origin."""
    assert all(visit.requests for visit in visits), "requests were not recorded"
    leaks = [
        f"{visit.name}: {url}"
        for visit in visits
        for url in visit.requests
        if not (url.startswith(site_server.origin + "/") or url.startswith(LOCAL_SCHEMES))
    ]
    assert not leaks, "requests to other origins:\n" + "\n".join(leaks)
