"""The site's pages. Each view hands typed content to one template."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections import Counter
from itertools import groupby

from flask import Blueprint, Flask, Response, abort, current_app, render_template, request
from flask import url_for as flask_url_for

from calculator.params import params_to_json
from fakefarms.content import ContentError
from fakefarms.content.catalogs import words
from fakefarms.content.model import ACTOR_KINDS, SITE_PAGES, Page, Section
from fakefarms.outputs.charts import rendered_charts
from fakefarms.outputs.feed import feed_entries, feed_id
from fakefarms.outputs.opendata import (
    CALCULATOR_DESCRIPTION,
    CALCULATOR_TITLE,
    LICENCE,
    TABLES,
    datapackage,
    shown_tables,
)
from fakefarms.web.calculator_page import calculator
from fakefarms.web.content_source import current_content, source_content
from fakefarms.web.embeds import chart_places, embeds
from fakefarms.web.pagedata import page_card, render_page
from fakefarms.web.preview_routes import quoted
from fakefarms.web.rendering import (
    ENDPOINTS,
    absolute_url,
    alternates,
    editions,
    in_language,
    letter_name,
    link,
    pager,
    public_address,
    rich,
    serve_anywhere,
    twins_of,
)

from .i18n import current_language, gettext

pages = Blueprint("pages", __name__)
charts = Blueprint("charts", __name__)
#: Files for the whole site, in every language: robots.txt and the sitemap.
root = Blueprint("root", __name__)
#: The blueprints each language serves, under its own prefix (/ru/) for translations.
LANGUAGE_BLUEPRINTS = (pages, charts, calculator, embeds)


def story_chapters(home: Page) -> dict[str, Section]:
    """The story's chapters that are told on a page of their own: every home section of more
    than one passage. The home page keeps each one's figures, charts and first passage, and
    links to the whole chapter, so the opening stays short and no text is lost."""
    return {s.id: s for s in home.sections if len(s.passages) > 1}


def _story_updated(content):
    """When a correction or update last changed the story, or None."""
    newest = content.corrections[0].date if content.corrections else None
    return newest if newest and newest.sort_key > content.site.published.sort_key else None


@pages.route("/")
def index():
    content = current_content()
    home = content.pages["home"]
    chapters = story_chapters(home)
    shown = dataclasses.replace(
        home,
        sections=[
            dataclasses.replace(s, passages=s.passages[:1]) if s.id in chapters else s for s in home.sections
        ],
    )
    return render_page(
        "index.html",
        (shown,),
        title=home.title,
        description=home.description,
        page=shown,
        content=content,
        chapters=chapters,
        updated=_story_updated(content),
    )


@pages.route("/story/<chapter_id>/")
def chapter(chapter_id: str):
    """One chapter of the story in full: its passages, checklist, events and further reading.
    Its figures and charts stay on the home page, where they are drawn once."""
    content = current_content()
    home = content.pages["home"]
    chapters = story_chapters(home)
    if chapter_id not in chapters:
        abort(404)
    section = dataclasses.replace(chapters[chapter_id], figures=[], charts=[])
    order = list(chapters)
    return render_page(
        "chapter.html",
        (section,),
        title=section.heading,
        description=rich(section.passages[0].text),
        section=section,
        page=home,
        content=content,
        number=order.index(chapter_id) + 1,
        total=len(order),
        updated=_story_updated(content),
        pager=pager(
            (gettext("Previous chapter"), gettext("Next chapter")),
            order,
            chapter_id,
            lambda c: (link("pages.chapter", chapter_id=c), chapters[c].heading),
        ),
    )


@pages.route("/farms/")
def farms():
    content = current_content()
    charts = [rendered_charts(content)[c.id] for c in content.charts.values() if c.kind == "links"]
    return render_page(
        "farms.html",
        (tuple(f.sources for f in content.farms.values()), charts),
        title=gettext("The farms"),
        description=gettext(
            "The fake-account farms Kloop's investigation describes, whom they served and who is"
            " alleged to have run them."
        ),
        content=content,
        charts=charts,
    )


@pages.route("/farms/<farm_id>/")
def farm(farm_id: str):
    content = current_content()
    if farm_id not in content.farms:
        abort(404)
    farm, events = content.farms[farm_id], content.events_for(farm=farm_id)
    # in reading order: the page lists the farm's targets after those linked to it
    read = dataclasses.replace(farm, links=farm.linked + farm.targeted)
    return render_page(
        "farm.html",
        (read, events),
        title=farm.name,
        description=gettext(
            "%(farm)s: what the investigation found, who is linked to it, and their responses.",
            farm=farm.name,
        ),
        farm=farm,
        content=content,
        events=events,
        pager=pager(
            (gettext("Previous farm"), gettext("Next farm")),
            list(content.farms),
            farm_id,
            lambda f: (link("pages.farm", farm_id=f), content.farms[f].name),
        ),
    )


#: The pages of split lists: they exist only when a list passes LIST_LIMIT items.
SPLIT_ENDPOINTS = ("pages.timeline_year", "pages.actors_letter")


def _split(items) -> bool:
    """Whether a list page is split, because it would list more than LIST_LIMIT items."""
    return len(items) > current_app.config["LIST_LIMIT"]


def initial(name: str) -> str:
    """The people index's letter for a name, in the name's own alphabet without accents
    ('a' to 'z', 'а' to 'я'), or 'other'."""
    first = unicodedata.normalize("NFKD", name[:1]).lower()[:1]
    return first if first.isalpha() else "other"


def _actor_groups(content, actors):
    """`actors` by kind, in reading order (Content.people_in_order)."""
    position = {actor_id: n for n, actor_id in enumerate(content.people_in_order)}
    kinds = groupby(sorted(actors, key=lambda a: position[a.id]), key=lambda a: a.kind)
    return [(gettext(ACTOR_KINDS[kind]), kind, list(items)) for kind, items in kinds]


def _actors_page(actors, letter=None):
    content = current_content()
    everyone = list(content.actors.values())
    letters = None
    if _split(everyone):
        counts = Counter(initial(a.name) for a in everyone)
        letters = sorted(counts.items(), key=lambda item: (item[0] == "other", item[0]))
    groups = _actor_groups(content, actors) if letter or not letters else []
    shown = tuple(a.summary[0].sources for _heading, _kind, items in groups for a in items)
    alleged = {
        a.id: [(farm, link) for farm, link in content.links_of(a.id) if link.allegation]
        for _heading, _kind, items in groups
        for a in items
    }
    return render_page(
        "actors.html",
        shown,
        title=(
            gettext("People and groups: %(letter)s", letter=letter_name(letter))
            if letter
            else gettext("People and groups")
        ),
        description=gettext(
            "The people, parties, organisations, media and platforms named in the investigations,"
            " with their responses."
        ),
        content=content,
        groups=groups,
        letters=letters,
        letter=letter,
        alleged=alleged,
    )


@pages.route("/actors/")
def actors():
    return _actors_page(current_content().actors.values())


@pages.route("/actors/letter/<letter>/")
def actors_letter(letter: str):
    everyone = list(current_content().actors.values())
    chosen = [a for a in everyone if initial(a.name) == letter]
    if not _split(everyone) or not chosen:
        abort(404)
    return _actors_page(chosen, letter)


@pages.route("/actors/<actor_id>/")
def actor(actor_id: str):
    content = current_content()
    if actor_id not in content.actors:
        abort(404)
    actor, links = content.actors[actor_id], content.links_of(actor_id)
    events = content.events_for(actor=actor_id)
    linked = [(f, each) for f, each in links if not each.is_target]
    targeted = [(f, each) for f, each in links if each.is_target]
    # "and the response" only where the page gives one
    answered = any(each.response for _f, each in links)
    return render_page(
        "actor.html",
        (actor, [each for _farm, each in linked + targeted], events),
        title=actor.name,
        description=(
            gettext(
                "%(name)s: %(role)s. What the investigations report, and the response.",
                name=actor.name,
                role=actor.role,
            )
            if answered
            else gettext(
                "%(name)s: %(role)s. What the investigations report.", name=actor.name, role=actor.role
            )
        ),
        actor=actor,
        content=content,
        events=events,
        linked=linked,
        targeted=targeted,
        answered=answered,
        pager=pager(
            (gettext("Previous name"), gettext("Next name")),
            content.people_in_order,
            actor_id,
            lambda a: (link("pages.actor", actor_id=a), content.actors[a].name),
        ),
    )


def _timeline(events, subject=None, subject_kind=None, year=None):
    content = current_content()
    split = _split(content.events)
    shown_events = [] if split and not (subject or year) else events
    years = [(y, list(items)) for y, items in groupby(shown_events, key=lambda e: e.date.year)]
    year_links = (
        [(y, len(list(items))) for y, items in groupby(content.events, key=lambda e: e.date.year)]
        if split
        else None
    )
    # Filters link every farm and person with events; at scale their own pages do that.
    filters = (
        None
        if split
        else (
            [f for f in content.farms.values() if content.events_for(farm=f.id)],
            [a for a in content.actors.values() if content.events_for(actor=a.id)],
        )
    )
    charts = (
        []
        if subject or year
        else [
            rendered_charts(content)[c.id]
            for c in content.charts.values()
            if c.kind == "timeline" and not c.compact
        ]
    )
    first, last = content.events[0].date.year, content.events[-1].date.year
    return render_page(
        "timeline.html",
        (charts, shown_events),
        title=(
            gettext("Timeline: %(subject)s", subject=subject.name if subject else year)
            if subject or year
            else gettext("Timeline")
        ),
        description=(
            gettext(
                "Dated events from the investigations concerning %(subject)s, %(first)s–%(last)s.",
                subject=subject.name,
                first=first,
                last=last,
            )
            if subject
            else gettext("Dated events from the investigations, %(first)s–%(last)s.", first=first, last=last)
        ),
        content=content,
        years=years,
        subject=subject,
        subject_kind=subject_kind,
        charts=charts,
        year=year,
        year_links=year_links,
        filters=filters,
    )


@pages.route("/timeline/")
def timeline():
    return _timeline(current_content().events)


@pages.route("/timeline/<int:year>/")
def timeline_year(year: int):
    content = current_content()
    events = [e for e in content.events if e.date.year == year]
    if not _split(content.events) or not events:
        abort(404)
    return _timeline(events, year=year)


def _filtered_timeline(kind: str, subject_id: str):
    """The timeline of one farm or actor; only subjects with events have a page."""
    content = current_content()
    subjects = content.farms if kind == "farm" else content.actors
    events = content.events_for(**{kind: subject_id})
    if subject_id not in subjects or not events:
        abort(404)
    return _timeline(events, subjects[subject_id], kind)


@pages.route("/timeline/farm/<farm_id>/")
def timeline_farm(farm_id: str):
    return _filtered_timeline("farm", farm_id)


@pages.route("/timeline/actor/<actor_id>/")
def timeline_actor(actor_id: str):
    return _filtered_timeline("actor", actor_id)


@pages.route("/sources/")
def sources():
    content = current_content()
    return render_page(
        "sources.html",
        (content.site.about,),
        title=gettext("Sources, credits and corrections"),
        description=gettext(
            "The investigations this site explains, who made them, and the log of corrections and updates."
        ),
        content=content,
    )


def editorial_page(name: str):
    def view():
        content = current_content()
        page = content.pages[name]
        return render_page(
            "page.html",
            (page,),
            title=page.title,
            description=page.description,
            page=page,
            content=content,
            name=name,
            chapters={},
        )

    view.__name__ = name
    return view


for _name in (name for name, page in SITE_PAGES.items() if page.editorial):
    pages.add_url_rule(f"/{_name}/", endpoint=_name, view_func=editorial_page(_name))


@charts.route("/charts/", endpoint="index")
def charts_index():
    """Every chart: its title, its summary and a link to the page it is drawn on (a chart no
    page shows is drawn here), with its data to download."""
    content = current_content()
    places = chart_places(content)
    listed = [
        (rendered_charts(content)[c.id], places.get(c.id)) for c in content.charts.values() if not c.compact
    ]
    drawn = [chart for chart, place in listed if place is None]
    return render_page(
        "charts.html",
        ([chart.sources for chart, _ in listed], drawn),
        title=gettext("Charts"),
        description=gettext(
            "The investigations' findings as charts, each with a summary, a data table and a CSV download."
        ),
        content=content,
        listed=listed,
        drawn=drawn,
    )


@charts.route("/charts/<chart_id>.csv")
def csv(chart_id: str):
    content = current_content()
    if chart_id not in content.charts:
        abort(404)
    table = rendered_charts(content)[chart_id].table
    return Response(
        table.csv(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{chart_id}.csv"'},
    )


def _not_found(content):
    return render_page(
        "404.html",
        (),
        title=gettext("Page not found"),
        description=gettext("There is no page at this address."),
        content=content,
    )


@pages.route("/404.html")
def not_found_page():
    """The page static hosts serve for unknown addresses."""
    serve_anywhere()
    return _not_found(current_content())


@root.route("/robots.txt")
def robots():
    lines = ["User-agent: *", "Allow: /"]
    sitemap = absolute_url("root.sitemap")
    if sitemap:
        lines.append(f"Sitemap: {sitemap}")
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@root.route("/sitemap.xml")
def sitemap():
    """Every page in every language, each with its twins (hreflang), as search engines read
    them."""
    routes = current_app.url_map.bind("")
    entries = []
    for language in editions():
        for path in page_addresses(language):
            if not path.endswith("/"):
                continue
            twins = twins_of(*routes.match(path), language)
            entries.append(
                (
                    public_address(path) or path,
                    [(hreflang, public_address(twin) or twin) for hreflang, twin in alternates(twins)],
                )
            )
    return Response(render_template("sitemap.xml", entries=entries), mimetype="application/xml")


@pages.route("/cards/<path:name>.png")
def card(name: str):
    """A page's link-preview image: its title and the first number it shows as a key figure
    (or the calculator's default estimate), worked out from the page's data, so the card says
    what the page says."""
    home = flask_url_for(in_language("pages.index", current_language()), _external=False).removeprefix(
        request.script_root
    )
    if name.startswith("cards/"):
        abort(404)
    text = page_card(home if name == "index" else f"{home}{name}/")
    if text is None:
        abort(404)
    return Response(current_app.extensions["cards"].png(text), mimetype="image/png")


@pages.route("/data/")
def data():
    content = current_content()
    language = current_language()
    return render_page(
        "data.html",
        (),
        title=gettext("Open data"),
        description=gettext(
            "Download what this site shows as CSV and JSON: the farms, the people named, the links"
            " between them with every allegation and response, the timeline, the key figures, the"
            " sources and each citation."
        ),
        content=content,
        tables=shown_tables(words(language)),
        licence=LICENCE,
        calculator_title=gettext(CALCULATOR_TITLE),
        calculator_description=gettext(CALCULATOR_DESCRIPTION),
    )


@pages.route("/data/<name>.<any(csv, json):kind>")
def data_file(name: str, kind: str):
    content = current_content()
    if name == "datapackage" and kind == "json":
        package = datapackage(content, "calculator.json", absolute_url("pages.data"))
        return Response(json.dumps(package, indent=2, ensure_ascii=False) + "\n", mimetype="application/json")
    if name == "calculator" and kind == "json":
        return Response(
            json.dumps(
                params_to_json(content.calculator, content.language),
                indent=2,
                ensure_ascii=False,
                sort_keys=True,
            )
            + "\n",
            mimetype="application/json",
        )
    table = next((t for t in TABLES if t.name == name), None)
    if table is None:
        abort(404)
    if kind == "csv":
        return Response(table.csv(content), mimetype="text/csv")
    return Response(
        json.dumps(table.records(content), indent=2, ensure_ascii=False) + "\n", mimetype="application/json"
    )


@pages.route("/feed.xml")
def feed():
    """An Atom feed of the corrections and updates log, newest first. Every date comes from the
    content, never the clock, so a rebuild writes the same bytes."""
    content = current_content()
    # A translation's feed is a feed of its own, with its own ids.
    edition = "" if content.language == current_app.config["SOURCE_LANGUAGE"] else content.language
    entries = feed_entries(content.corrections, edition)
    updated = entries[0][1] if entries else content.site.published
    return Response(
        render_template(
            "feed.xml", content=content, entries=entries, updated=updated, feed_id=feed_id(edition)
        ),
        # What static hosts send for .xml; feed readers read Atom by its content.
        mimetype="application/xml",
    )


def page_addresses(language: str | None = None):
    """Every page's and data file's path in one language, or in every language, for the
    sitemap and the freezer."""
    if language is None:
        for each in editions():
            yield from page_addresses(each)
        return
    content = source_content().edition(language)

    def url_for(endpoint: str, **values) -> str:
        return flask_url_for(in_language(endpoint, language), **values)

    for endpoint in ENDPOINTS.values():
        if endpoint in current_app.view_functions:
            yield url_for(endpoint)
    # The pages the footer links to: the open data and the embeds' index (each embed itself
    # names its full page as its address, so it is not listed).
    for endpoint in ("pages.data", "embeds.index"):
        if endpoint in current_app.view_functions:
            yield url_for(endpoint)
    for chapter_id in story_chapters(content.pages["home"]):
        yield url_for("pages.chapter", chapter_id=chapter_id)
    for farm_id in content.farms:
        yield url_for("pages.farm", farm_id=farm_id)
        if content.events_for(farm=farm_id):
            yield url_for("pages.timeline_farm", farm_id=farm_id)
    if "calculator.breakdown_csv" in current_app.view_functions:
        yield url_for("calculator.breakdown_csv")
    for chart_id in content.charts:
        yield url_for("charts.csv", chart_id=chart_id)
    for actor_id in content.actors:
        yield url_for("pages.actor", actor_id=actor_id)
        if content.events_for(actor=actor_id):
            yield url_for("pages.timeline_actor", actor_id=actor_id)
    if _split(content.events):
        for year in sorted({e.date.year for e in content.events}):
            yield url_for("pages.timeline_year", year=year)
    if _split(content.actors):
        for letter in sorted({initial(a.name) for a in content.actors.values()}):
            yield url_for("pages.actors_letter", letter=letter)


def init_app(app: Flask) -> None:
    for blueprint in LANGUAGE_BLUEPRINTS:
        app.register_blueprint(blueprint)
    for language in app.config["LANGUAGES"]:
        edition = Blueprint(language, __name__, url_prefix=f"/{language}")
        for blueprint in LANGUAGE_BLUEPRINTS:
            edition.register_blueprint(blueprint)
        app.register_blueprint(edition)
    app.register_blueprint(root)

    @app.errorhandler(ContentError)
    def content_error(error: ContentError):
        # Preview only: show editors what to fix instead of a crashed server.
        return render_template("content_error.html", problems=[(p, quoted(p)) for p in error.problems]), 500

    @app.errorhandler(404)
    def not_found(_error):
        try:
            content = current_content()
        except ContentError as error:  # preview: any address shows the problems, never a crash
            return content_error(error)
        serve_anywhere()
        return _not_found(content), 404
