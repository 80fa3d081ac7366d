"""The open data: what the site shows, as tables for researchers, each declared once with its
columns. The same declaration writes the CSV and JSON files, the Table Schemas in
datapackage.json (Frictionless Data Package v2) and the column notes on the /data/ page.

Column names and the values of id and kind columns are the same in every language; titles,
descriptions and column notes are in English here, marked for the catalogs, and each edition's
page and Data Package give them in its language.
"""

from __future__ import annotations

import csv
import io
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markupsafe import Markup

from records.facts import ENGLISH, Citation, Figure, Hedge, Words
from records.walk import walk

from . import markup
from .content import Content
from .content.model import ACTOR_KINDS, LINK_KINDS, EventCategory, Source
from .markers import N_

#: The licence of the structured data (the sources' own texts keep their own rights); the
#: Data Package names it in English, the data page in the page's language.
LICENCE = {"name": "CC-BY-4.0", "title": N_("Creative Commons Attribution 4.0 International"),
           "path": "https://creativecommons.org/licenses/by/4.0/"}


def _either(values, words: Words = ENGLISH) -> str:
    """'a, b or c': the values a column may take, from their declaration (the values stay as
    the data writes them; `words` translates the 'or')."""
    values = list(values)
    if len(values) == 1:
        return values[0]
    return words.gettext("%(first)s or %(last)s") % {"first": ", ".join(values[:-1]),
                                                     "last": values[-1]}


FIGURE_FORMATS = typing.get_args(typing.get_type_hints(Figure)["format"])
#: The calculator's parameters file, as the data page and the Data Package describe it.
CALCULATOR_TITLE = N_("Calculator parameters")
CALCULATOR_DESCRIPTION = N_("The cost calculator's limits, pay tiers, languages, presets and "
                            "comparisons, as its script reads them.")


@dataclass(frozen=True)
class Column:
    name: str
    type: str          # a Table Schema type: string, number, integer, date...
    #: What the column holds, in English (marked for the catalogs); with `choices`, a message
    #: whose %(choices)s lists them ('how: a, b or c'), or empty for the list alone.
    note: str
    required: bool = False
    choices: tuple[str, ...] = ()

    def description_in(self, words: Words = ENGLISH) -> str:
        """The column's note in the language of `words` (a gettext catalog)."""
        if not self.choices:
            return words.gettext(self.note)
        choices = _either(self.choices, words)
        return words.gettext(self.note) % {"choices": choices} if self.note else choices


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Content], Iterator[dict]]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, table, its column)

    def records(self, content: Content) -> list[dict]:
        return [{c.name: row.get(c.name) for c in self.columns} for row in self.rows(content)]

    def csv(self, content: Content) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, [c.name for c in self.columns], lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in r.items()}
                         for r in self.records(content))
        return out.getvalue()

    def schema(self, words: Words = ENGLISH) -> dict:
        schema = {"fields": [{"name": c.name, "type": c.type,
                              "description": c.description_in(words),
                              **({"constraints": {"required": True}} if c.required else {})}
                             for c in self.columns]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [{"fields": [column], "reference": {"resource": table,
                                                                       "fields": [other]}}
                                     for column, table, other in self.foreign_keys]
        return schema


def plain(text: str | None, content: Content) -> str | None:
    """Editors' prose as plain text: key figures written out, no markup."""
    if text is None:
        return None
    html = markup.render(text, block=False, figure=lambda i: Markup(content.figure_text(content.figures[i])),
                         site_link=lambda path: path)
    return Markup(html).striptags()


def _citations(record) -> str:
    found = dict.fromkeys(f"{c.source}#{c.section}" for _p, c in walk(record)
                          if isinstance(c, Citation))
    return "; ".join(found)


def _farms(content):
    for farm in content.farms.values():
        yield {"id": farm.id, "name": farm.name, "period": farm.period,
               "summary": plain(farm.summary, content), "citations": _citations(farm.sources)}


def _actors(content):
    for actor in content.actors.values():
        yield {"id": actor.id, "name": actor.name, "kind": actor.kind, "role": actor.role,
               "citations": _citations(actor.summary)}


def _links(content):
    for farm in content.farms.values():
        for link in farm.links:
            allegation, response = link.allegation, link.response
            yield {"farm": farm.id, "actor": link.actor, "kind": link.kind, "role": link.role,
                   "allegation": plain(allegation.claim, content) if allegation else None,
                   "alleged_by": allegation.alleged_by if allegation else None,
                   "basis": allegation.basis if allegation else None,
                   "response": response.summary_in(content.words, content.date_text)
                   if response else None,
                   "response_text": plain(response.text, content) if response else None,
                   "citations": _citations(link)}


def _events(content):
    for event in content.events:
        yield {"id": event.id, "date": event.date.iso,
               "date_shown": event.when(content.date_text),
               "title": event.title, "category": event.category,
               "text": plain(event.text, content), "farms": "; ".join(event.farms),
               "actors": "; ".join(event.actors), "worked_out": event.worked_out,
               "citations": _citations(event.sources)}


def _figures(content):
    for figure in content.figures.values():
        yield {"id": figure.id, "label": figure.label, "as_shown": content.figure_text(figure),
               "value": figure.value, "low": figure.low, "high": figure.high,
               "hedge": figure.hedge, "format": figure.format, "note": figure.note,
               "worked_out": figure.worked_out, "citations": _citations(figure.sources)}


def _sources(content):
    for source in content.sources.values():
        yield {"id": source.id, "publisher": source.publisher, "title": source.title,
               "date": source.date.iso if source.date else None, "url": source.url,
               "archive_url": source.archive_url, "kind": source.kind}


#: The kinds of record that cite sources, and where the content holds them.
CITING_RECORDS: dict[str, Callable] = {
    "farm": lambda content: content.farms.values(),
    "actor": lambda content: content.actors.values(),
    "event": lambda content: content.events,
    "figure": lambda content: content.figures.values(),
}


def _citation_rows(content):
    """Every citation on the site: which record cites which part of which source."""
    records = [(kind, record.id, record) for kind, listed in CITING_RECORDS.items()
               for record in listed(content)]
    for kind, record_id, record in records:
        seen = set()
        for path, citation in walk(record):
            if isinstance(citation, Citation) and (path, citation) not in seen:
                seen.add((path, citation))
                yield {"record_kind": kind, "record": record_id,
                       "field": path.lstrip(".").rsplit(".sources", 1)[0] or "(record)",
                       "source": citation.source, "section": citation.section}


def _ids(note: str) -> Column:
    return Column("citations", "string", note)


TABLES = (
    Table("farms", N_("Farms"), N_("The groups of fake accounts the investigations describe."), (
        Column("id", "string", N_("the farm's id, as in its page address"), True),
        Column("name", "string", N_("its name on the site"), True),
        Column("period", "string", N_("when it operated, as precisely as the source says"), True),
        Column("summary", "string", N_("what the sources report, in the site's words"), True),
        _ids(N_("where the summary comes from: source#section, separated by '; ' (see "
                "citations.csv for each field)"))), _farms, ("id",)),
    Table("actors", N_("People and groups"),
          N_("Everyone the investigations name in connection with the farms."), (
        Column("id", "string", N_("the person's or group's id, as in their page address"), True),
        Column("name", "string", N_("the name as the source spells it"), True),
        Column("kind", "string", "", True, tuple(ACTOR_KINDS)),
        Column("role", "string", N_("who they are, as of the source's date"), True),
        _ids(N_("where the summary comes from: source#section, separated by '; ' (see "
                "citations.csv for each field)"))), _actors, ("id",)),
    Table("links", N_("Links between farms and people"),
          N_("How each person or group is connected to a farm, with any allegation, who made "
             "it, what it rests on, and the response, in full."), (
        Column("farm", "string", N_("the farm (farms.id)"), True),
        Column("actor", "string", N_("the person or group (actors.id)"), True),
        Column("kind", "string", N_("how: %(choices)s"), True, tuple(LINK_KINDS)),
        Column("role", "string", N_("the connection in a few words"), True),
        Column("allegation", "string", N_("what is alleged, where the link is an allegation")),
        Column("alleged_by", "string", N_("who makes the allegation")),
        Column("basis", "string", N_("what the allegation rests on, as the source describes it")),
        Column("response", "string", N_("every statement of the response, in brief")),
        Column("response_text", "string", N_("the response in full, in the site's words")),
        _ids(N_("where the link comes from: source#section, separated by '; ' (see "
                "citations.csv for each field)"))), _links, ("farm", "actor", "kind"),
          (("farm", "farms", "id"), ("actor", "actors", "id"))),
    Table("events", N_("Timeline"), N_("Dated events, as precise as the sources give them."), (
        Column("id", "string", N_("the event's id"), True),
        Column("date", "string", N_("the date as precise as the source: 2018, 2018-04, "
                                    "2020-10-06 or 2020-02-07T22:00"), True),
        Column("date_shown", "string", N_("the date as the page shows it"), True),
        Column("title", "string", N_("what happened"), True),
        Column("category", "string", "", True, typing.get_args(EventCategory)),
        Column("text", "string", N_("the detail, in the site's words"), True),
        Column("farms", "string", N_("farms the event concerns (farms.id, '; ' between)")),
        Column("actors", "string",
               N_("people and groups it concerns (actors.id, '; ' between)")),
        Column("worked_out", "string", N_("how the editors worked the date out, where they did")),
        _ids(N_("where the event comes from: source#section, separated by '; ' (see "
                "citations.csv for each field)"))), _events, ("id",)),
    Table("figures", N_("Key figures"), N_("Every number the site reports, with its hedge."), (
        Column("id", "string", N_("the figure's id"), True),
        Column("label", "string", N_("what it counts"), True),
        Column("as_shown", "string", N_("the number with its hedge, as the site writes it"),
               True),
        Column("value", "number", N_("the number, when the source gives a single one")),
        Column("low", "number", N_("the lower end, when the source gives a range")),
        Column("high", "number", N_("the upper end, when the source gives a range")),
        Column("hedge", "string", N_("the source's qualifier, where it gives one: %(choices)s"),
               choices=typing.get_args(Hedge)),
        Column("format", "string", "", True, FIGURE_FORMATS),
        Column("note", "string", N_("a short explanation")),
        Column("worked_out", "string", N_("how the editors worked it out, where they did")),
        _ids(N_("where the figure comes from: source#section, separated by '; ' (see "
                "citations.csv for each field)"))), _figures, ("id",)),
    Table("sources", N_("Sources"), N_("The published reports every fact comes from."), (
        Column("id", "string", N_("the source's id, as used in citations"), True),
        Column("publisher", "string", N_("who published it"), True),
        Column("title", "string", N_("its title in English"), True),
        Column("date", "string", N_("its publication date, as precise as known")),
        Column("url", "string", N_("the original"), True),
        Column("archive_url", "string", N_("the Internet Archive's copy"), True),
        Column("kind", "string", N_("%(choices)s (context: a report used for comparison figures)"),
               True, typing.get_args(typing.get_type_hints(Source)["kind"]))),
          _sources, ("id",)),
    Table("citations", N_("Citations"), N_("Each citation: which field of which record rests "
                                           "on which part of which source."), (
        Column("record_kind", "string", "", True, tuple(CITING_RECORDS)),
        Column("record", "string", N_("the record's id"), True),
        Column("field", "string", N_("the field that cites, e.g. links[0].allegation"), True),
        Column("source", "string", N_("the source (sources.id)"), True),
        Column("section", "string", N_("the part of the source, as the site names it"), True)),
          _citation_rows, (), (("source", "sources", "id"),)),
)


@dataclass(frozen=True)
class ShownTable:
    """A table as the data page describes it, in the page's language."""

    name: str
    title: str
    description: str
    columns: tuple[tuple[str, str, bool], ...]  # (name, note, required)


def shown_tables(words: Words = ENGLISH) -> list[ShownTable]:
    """The tables with their titles and column notes in the language of `words`."""
    return [ShownTable(t.name, words.gettext(t.title), words.gettext(t.description),
                       tuple((c.name, c.description_in(words), c.required) for c in t.columns))
            for t in TABLES]


def datapackage(content: Content, calculator_file: str, homepage: str | None) -> dict:
    """The Data Package (v2) that describes every file: one Table Schema a table, with its
    keys; the calculator's parameters as a JSON resource. Its titles and notes are in the
    content's language; names and licence are the same in every language."""
    site = content.site
    words = content.words
    resources = [{"name": t.name, "type": "table", "path": f"{t.name}.csv", "format": "csv",
                  "mediatype": "text/csv", "encoding": "utf-8", "title": words.gettext(t.title),
                  "description": words.gettext(t.description), "schema": t.schema(words)}
                 for t in TABLES]
    resources.append({"name": "calculator", "path": calculator_file, "format": "json",
                      "mediatype": "application/json",
                      "title": words.gettext(CALCULATOR_TITLE),
                      "description": words.gettext(CALCULATOR_DESCRIPTION)})
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "fake-farms",
        "title": words.gettext("%(site)s: open data") % {"site": site.title},
        "description": site.description,
        **({"homepage": homepage} if homepage else {}),
        "created": site.published.timestamp,
        "licenses": [LICENCE],
        "sources": [{"title": f"{s.publisher}, {s.title}", "path": s.url}
                    for s in content.sources.values()],
        "resources": resources,
    }
