"""The embeds in a page of another origin, as a newsroom would paste them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from fakefarms.build.publish import build_site
from fakefarms.build.statichost import StaticSiteServer
from fakefarms.web.embeds import CALCULATOR_HEIGHT

pytestmark = pytest.mark.browser

#: A strict host: nothing but frames and scripts from the embedding site.
HOST_HEADERS = """/*
  Content-Security-Policy: default-src 'none'; frame-src {origin}; script-src {origin}
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory, shipped_content):
    """The site built for the address it is served at, so the snippets name that address."""
    folder = tmp_path_factory.mktemp("embedded") / "public"
    server = StaticSiteServer(folder)
    build_site(shipped_content, folder, server.base_url)
    with server:
        yield server


def host_page(tmp_path, published, body: str) -> StaticSiteServer:
    (tmp_path / "index.html").write_text(
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A newsroom</title>"
        f"</head><body><h1>A newsroom's story</h1>{body}<p>The story goes on.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "_headers").write_text(HOST_HEADERS.format(origin=published.origin), encoding="utf-8")
    return StaticSiteServer(tmp_path)


def test_the_pasted_calculator_works_and_takes_its_height(browser, published, tmp_path):
    embed_page = (published.folder / "embed" / "index.html").read_text(encoding="utf-8")
    snippet = BeautifulSoup(embed_page, "html.parser").select_one("#embed-calculator-code").string
    assert snippet.startswith(f'<iframe src="{published.base_url}embed/calculator/"')
    with host_page(tmp_path, published, snippet) as host:
        assert host.origin != published.origin
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(host.base_url)
        frame = page.frame_locator("iframe")
        frame.locator("#calculator[data-ready]").wait_for(state="attached")
        before = frame.locator("#out-monthly").text_content()
        frame.locator("#in-staff").fill("40")
        expect(frame.locator("#out-monthly")).not_to_have_text(before)
        embedded = next(f for f in page.frames if f.url.startswith(published.origin))
        iframe = page.locator("iframe")
        # The iframe follows its content's height (posted by the embed, set by the script).
        page.wait_for_function(
            "([frame, tall]) => Math.abs(frame.clientHeight - tall) <= 1",
            arg=[
                iframe.element_handle(),
                embedded.evaluate("document.documentElement.getBoundingClientRect().height"),
            ],
            timeout=5000,
        )
        assert iframe.bounding_box()["height"] != CALCULATOR_HEIGHT  # not the code's fallback
        context.close()
        assert errors == []


def test_in_a_frame_sized_to_it_the_calculator_keeps_an_estimate_beside_every_input(
    browser, published, tmp_path
):
    """A frame the size of its content never scrolls, so nothing in it can stick: the compact
    embed shows the estimate again where the inputs every estimate needs end, so one of the two
    is on the phone's screen whichever of those inputs a reader is at, and both follow the
    form and its list of presets."""
    embed_page = (published.folder / "embed" / "index.html").read_text(encoding="utf-8")
    snippet = BeautifulSoup(embed_page, "html.parser").select_one("#embed-calculator-code").string
    with host_page(tmp_path, published, snippet) as host:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        page = context.new_page()
        page.goto(host.base_url)
        frame = page.frame_locator("iframe")
        frame.locator("#calculator[data-ready]").wait_for(state="attached")
        embedded = next(f for f in page.frames if f.url.startswith(published.origin))
        page.wait_for_function(
            "([frame, tall]) => Math.abs(frame.clientHeight - tall) <= 1",
            arg=[
                page.locator("iframe").element_handle(),
                embedded.evaluate("document.documentElement.getBoundingClientRect().height"),
            ],
            timeout=5000,
        )
        # For each input: how tall a screen must be to show it with the nearer estimate.
        spans = embedded.evaluate(
            """() => {
            const box = (e) => e.getBoundingClientRect();
            const estimates = [...document.querySelectorAll("#estimate-summary, .estimate-again")];
            const inputs = document.querySelectorAll("form > .field input, form > .field select");
            return [...inputs].filter((e) => e.getClientRects().length).map((e) => [e.name,
              Math.min(...estimates.map((s) => Math.max(box(e).bottom, box(s).bottom)
                - Math.min(box(e).top, box(s).top)))]);
            }"""
        )
        assert len(spans) >= 4
        assert [name for name, span in spans if span > 640] == [], spans
        # The optional inputs are folded, the list of presets and the repeat follow the form.
        assert frame.locator(".more-inputs input").first.is_hidden()
        frame.locator("#preset-choice").select_option("one-admin")
        again = frame.locator("[data-estimate-again]")
        expect(again).to_have_text(frame.locator("#out-monthly").text_content())
        frame.locator("#in-staff").fill("40")
        expect(frame.locator("#preset-choice")).to_have_value("")
        expect(again).to_have_text(frame.locator("#out-monthly").text_content())
        context.close()


def test_other_pages_refuse_to_be_framed(browser, published, tmp_path):
    with host_page(
        tmp_path, published, f'<iframe src="{published.base_url}farms/" title="A page"></iframe>'
    ) as host:
        context = browser.new_context()
        page = context.new_page()
        page.goto(host.base_url)
        page.wait_for_timeout(500)
        framed = [f for f in page.frames if f is not page.main_frame]
        assert framed and not framed[0].url.startswith(published.origin + "/farms")
        context.close()


@pytest.mark.parametrize("language", ["", "ru/"])
def test_each_embeds_code_holds_its_content_at_the_narrowest_width(browser, published, language):
    """A CMS may strip the resizing script: the height in each embed's code must hold all of
    its content at 320 px, the narrowest width the site supports, without being far taller."""
    index = BeautifulSoup(
        (published.folder / language / "embed" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    frames = [
        BeautifulSoup(code.string, "html.parser").iframe for code in index.select("textarea[id$=-code]")
    ]
    assert len(frames) >= 5
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    wrong = []
    for frame in frames:
        page.goto(frame["src"], wait_until="load")
        content = page.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
        height = int(frame["height"])
        if not content <= height <= content * 1.5:
            wrong.append(f"{frame['src']}: {height} px in its code, {content} px of content")
    context.close()
    assert not wrong, "\n".join(wrong)
