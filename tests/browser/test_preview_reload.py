"""The preview in a real browser: a save reloads the open page, under the site's CSP."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from fakefarms.build.preview import preview_app

pytestmark = pytest.mark.browser

BROKEN = "farms:\n  - id: [x\n"


@pytest.fixture
def preview_server(content_copy):
    """The live preview app on 127.0.0.1, in a thread, as `build.py serve` runs it."""
    app = preview_app(content_copy)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join()


def test_a_save_reloads_the_open_page_and_shows_problems_until_fixed(browser, preview_server, content_copy):
    farms = content_copy / "farms.yaml"
    good = farms.read_text(encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []

    def console(message) -> None:
        # The problem page itself is sent with status 500, which Chromium logs; nothing else may be.
        own_status = (
            message.location.get("url") == preview_server + "farms/" and "status of 500" in message.text
        )
        if message.type == "error" and not own_status:
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(preview_server + "farms/")
        page.get_by_role("heading", name="Pro-Matraimov farm").first.wait_for()

        farms.write_text(good.replace("name: Pro-Matraimov farm", "name: Renamed farm"), encoding="utf-8")
        page.get_by_role("heading", name="Renamed farm").first.wait_for(timeout=10_000)

        farms.write_text(BROKEN, encoding="utf-8")
        page.get_by_role("heading", name="The content has").wait_for(timeout=10_000)
        assert "farms.yaml" in page.locator(".problem-where").first.inner_text()

        farms.write_text(good, encoding="utf-8")
        page.get_by_role("heading", name="Pro-Matraimov farm").first.wait_for(timeout=10_000)
    finally:
        page.close()
    # A script the CSP refused, or a failed poll, would show here.
    assert errors == []
