"""The Flask application: `create_app` and its defaults."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

import jinja2
from flask import Flask
from jinja2 import Environment, FileSystemBytecodeCache, StrictUndefined

from fakefarms.content import Content, load_content
from fakefarms.content.catalogs import interface_languages
from fakefarms.outputs import palette
from fakefarms.outputs.cards import CardCache
from fakefarms.outputs.sketches import palette_css
from fakefarms.web import assets, views
from fakefarms.web.embeds import SCRIPT_WRAPPER
from fakefarms.web.preview_routes import preview
from fakefarms.web.rendering import install_template_helpers
from fakefarms.web.site_paths import DEFAULT_CONTENT, PROJECT_ROOT, SITE_DIR

#: Third-party files served as site assets, from npm (pinned in package-lock.json).
VENDOR_ASSETS = {
    "vendor/plotly-basic.min.js": PROJECT_ROOT
    / "node_modules"
    / "plotly.js-basic-dist-min"
    / "plotly-basic.min.js",
}
#: Plotly's words and number formats for each language with interface words; npm ships them
#: as CommonJS modules, which the page runs after Plotly with `module` defined (PLOTLY_LOCALE).
PLOTLY_LOCALES = {
    f"vendor/plotly-locale-{language}.js": PROJECT_ROOT
    / "node_modules"
    / "plotly.js-locales"
    / f"{language}.js"
    for language in interface_languages()
}
VENDOR_ASSETS.update(PLOTLY_LOCALES)
PLOTLY_LOCALE = (b"var module = {};\n", b"\nPlotly.register(module.exports);\n")
#: Placeholders in assets that stand for another asset's hashed address.
LINKED_ASSETS = {
    "js/charts.js": {"@PLOTLY_BUNDLE@": "vendor/plotly-basic.min.js"},
}
#: Code written around an asset: Plotly's locales, and the stylesheet, which opens with the
#: palette's colours as custom properties (the only place the site's CSS has them) and closes
#: with the rules that colour the charts' static drawings from them.
WRAPPED_ASSETS = {
    **dict.fromkeys(PLOTLY_LOCALES, PLOTLY_LOCALE),
    "css/site.css": (palette.stylesheet().encode(), palette_css().encode()),
    "js/embed.js": SCRIPT_WRAPPER,
    "js/embed-host.js": SCRIPT_WRAPPER,
}

DEFAULTS: dict[str, Any] = {
    # Folder of the YAML content; read and validated once by create_app.
    "CONTENT_DIR": DEFAULT_CONTENT,
    # Public address of the site, ending in "/"; None when unknown (canonical links are then
    # relative and og:url is left out rather than guessed).
    "BASE_URL": None,
    # Preview mode re-reads content when it changes and shows content errors on the page.
    "LIVE_CONTENT": False,
    # A list page that would list more items than this is split: the timeline into one page
    # a year, the people index into one page a letter (the real site stays far below it).
    "LIST_LIMIT": 300,
    # Folder where link-preview cards are kept once drawn (cards.CardCache); None: none kept.
    "CARD_CACHE": None,
}


def _compiled_name(env: Environment) -> str:
    """The names of compiled templates kept between runs: the compiled code depends on the
    environment's settings (a `finalize` hook, trimmed blocks) and Jinja's version as well as
    on the template's source, which is all Jinja checks, so they are part of the name."""
    settings = (
        jinja2.__version__,
        env.trim_blocks,
        env.lstrip_blocks,
        env.autoescape,
        getattr(env.finalize, "__qualname__", None),
        sorted(env.extensions),
    )
    return f"fakefarms-{hashlib.sha256(repr(settings).encode()).hexdigest()[:12]}-%s.cache"


def create_app(config: dict[str, Any] | None = None, content: Content | None = None) -> Flask:
    """Build the app. Content is loaded here, once, unless it is passed in already loaded."""
    app = Flask(
        __name__,
        static_folder=None,  # assets are served under content-hashed names by assets.py
        template_folder=str(SITE_DIR / "templates"),
    )
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    base_url = app.config["BASE_URL"]
    if base_url and not base_url.endswith("/"):
        app.config["BASE_URL"] = base_url = base_url + "/"
    # The path part anchors the 404 page, which hosts serve at any depth.
    app.config["BASE_PATH"] = urlsplit(base_url).path if base_url else "/"

    if content is None and not app.config["LIVE_CONTENT"]:
        content = load_content(app.config["CONTENT_DIR"])
    app.extensions["content"] = content
    # The translations served: the content's, or in preview every language with interface
    # words (a page in a language the content lacks is then not found).
    app.config.setdefault("LANGUAGES", content.site.translations if content else interface_languages())
    app.config.setdefault("SOURCE_LANGUAGE", content.language if content else "en")

    # Compiled templates are kept between runs (checked against their source), so a build
    # or a worker process does not compile them again.
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    # A typo in a template must fail the build, not render an empty string.
    app.jinja_env.undefined = StrictUndefined
    install_template_helpers(app)
    app.jinja_env.bytecode_cache = FileSystemBytecodeCache(pattern=_compiled_name(app.jinja_env))
    assets.init_app(app, SITE_DIR / "static", VENDOR_ASSETS, LINKED_ASSETS, WRAPPED_ASSETS)
    app.extensions["cards"] = CardCache(app.config["CARD_CACHE"])
    views.init_app(app)
    if app.config["LIVE_CONTENT"]:
        app.register_blueprint(preview)  # the reload script and its version stamp
    return app
