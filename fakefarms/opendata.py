"""The open data: what the site shows, as tables for researchers, each declared once with its
columns. The same declaration writes the CSV and JSON files, the Table Schemas in
datapackage.json (Frictionless Data Package v2) and the column notes on the /data/ page.
"""

from __future__ import annotations

import csv
import io
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markupsafe import Markup

from records.facts import Citation, Figure
from records.walk import walk

from . import markup
from .content import Content
from .content.model import ACTOR_KINDS, LINK_KINDS, EventCategory

#: The licence of the structured data (the sources' own texts keep their own rights).
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}


def _either(values) -> str:
    """'a, b or c': the values a column may take, from their declaration."""
    values = list(values)
    return ", ".join(values[:-1]) + f" or {values[-1]}" if len(values) > 1 else values[0]


FIGURE_FORMATS = typing.get_args(typing.get_type_hints(Figure)["format"])


@dataclass(frozen=True)
class Column:
    name: str
    type: str          # a Table Schema type: string, number, integer, date...
    description: str
    required: bool = False


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

    def schema(self) -> dict:
        schema = {"fields": [{"name": c.name, "type": c.type, "description": c.description,
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
                   "response": response.summary if response else None,
                   "response_text": plain(response.text, content) if response else None,
                   "citations": _citations(link)}


def _events(content):
    for event in content.events:
        yield {"id": event.id, "date": event.date.iso, "date_shown": event.when,
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


def _citation_rows(content):
    """Every citation on the site: which record cites which part of which source."""
    records = [*(("farm", f.id, f) for f in content.farms.values()),
               *(("actor", a.id, a) for a in content.actors.values()),
               *(("event", e.id, e) for e in content.events),
               *(("figure", f.id, f) for f in content.figures.values())]
    for kind, record_id, record in records:
        seen = set()
        for path, citation in walk(record):
            if isinstance(citation, Citation) and (path, citation) not in seen:
                seen.add((path, citation))
                yield {"record_kind": kind, "record": record_id,
                       "field": path.lstrip(".").rsplit(".sources", 1)[0] or "(record)",
                       "source": citation.source, "section": citation.section}


def _ids(what: str) -> Column:
    return Column("citations", "string", f"where the {what} comes from: source#section, "
                  "separated by '; ' (see citations.csv for each field)")


TABLES = (
    Table("farms", "Farms", "The groups of fake accounts the investigations describe.", (
        Column("id", "string", "the farm's id, as in its page address", True),
        Column("name", "string", "its name on the site", True),
        Column("period", "string", "when it operated, as precisely as the source says", True),
        Column("summary", "string", "what the sources report, in the site's words", True),
        _ids("summary")), _farms, ("id",)),
    Table("actors", "People and groups",
          "Everyone the investigations name in connection with the farms.", (
        Column("id", "string", "the person's or group's id, as in their page address", True),
        Column("name", "string", "the name as the source spells it", True),
        Column("kind", "string", _either(ACTOR_KINDS), True),
        Column("role", "string", "who they are, as of the source's date", True),
        _ids("summary")), _actors, ("id",)),
    Table("links", "Links between farms and people",
          "How each person or group is connected to a farm, with any allegation, who made it, "
          "what it rests on, and the response, in full.", (
        Column("farm", "string", "the farm (farms.id)", True),
        Column("actor", "string", "the person or group (actors.id)", True),
        Column("kind", "string", f"how: {_either(LINK_KINDS)}", True),
        Column("role", "string", "the connection in a few words", True),
        Column("allegation", "string", "what is alleged, where the link is an allegation"),
        Column("alleged_by", "string", "who makes the allegation"),
        Column("basis", "string", "what the allegation rests on, as the source describes it"),
        Column("response", "string", "every statement of the response, in brief"),
        Column("response_text", "string", "the response in full, in the site's words"),
        _ids("link")), _links, ("farm", "actor", "kind"),
          (("farm", "farms", "id"), ("actor", "actors", "id"))),
    Table("events", "Timeline", "Dated events, as precise as the sources give them.", (
        Column("id", "string", "the event's id", True),
        Column("date", "string", "the date as precise as the source: 2018, 2018-04, "
               "2020-10-06 or 2020-02-07T22:00", True),
        Column("date_shown", "string", "the date as the page shows it", True),
        Column("title", "string", "what happened", True),
        Column("category", "string", _either(typing.get_args(EventCategory)), True),
        Column("text", "string", "the detail, in the site's words", True),
        Column("farms", "string", "farms the event concerns (farms.id, '; ' between)"),
        Column("actors", "string", "people and groups it concerns (actors.id, '; ' between)"),
        Column("worked_out", "string", "how the editors worked the date out, where they did"),
        _ids("event")), _events, ("id",)),
    Table("figures", "Key figures", "Every number the site reports, with its hedge.", (
        Column("id", "string", "the figure's id", True),
        Column("label", "string", "what it counts", True),
        Column("as_shown", "string", "the number with its hedge, as the site writes it", True),
        Column("value", "number", "the number, when the source gives a single one"),
        Column("low", "number", "the lower end, when the source gives a range"),
        Column("high", "number", "the upper end, when the source gives a range"),
        Column("hedge", "string", "the source's qualifier: approximately, at least, up to..."),
        Column("format", "string", _either(FIGURE_FORMATS), True),
        Column("note", "string", "a short explanation"),
        Column("worked_out", "string", "how the editors worked it out, where they did"),
        _ids("figure")), _figures, ("id",)),
    Table("sources", "Sources", "The published reports every fact comes from.", (
        Column("id", "string", "the source's id, as used in citations", True),
        Column("publisher", "string", "who published it", True),
        Column("title", "string", "its title in English", True),
        Column("date", "string", "its publication date, as precise as known"),
        Column("url", "string", "the original", True),
        Column("archive_url", "string", "the Internet Archive's copy", True),
        Column("kind", "string", "investigation, or context (comparison figures)", True)),
          _sources, ("id",)),
    Table("citations", "Citations", "Each citation: which field of which record rests on "
          "which part of which source.", (
        Column("record_kind", "string", "farm, actor, event or figure", True),
        Column("record", "string", "the record's id", True),
        Column("field", "string", "the field that cites, e.g. links[0].allegation", True),
        Column("source", "string", "the source (sources.id)", True),
        Column("section", "string", "the part of the source, as the site names it", True)),
          _citation_rows, (), (("source", "sources", "id"),)),
)


def datapackage(content: Content, calculator_file: str, homepage: str | None) -> dict:
    """The Data Package (v2) that describes every file: one Table Schema a table, with its
    keys; the calculator's parameters as a JSON resource."""
    site = content.site
    resources = [{"name": t.name, "type": "table", "path": f"{t.name}.csv", "format": "csv",
                  "mediatype": "text/csv", "encoding": "utf-8", "title": t.title,
                  "description": t.description, "schema": t.schema()} for t in TABLES]
    resources.append({"name": "calculator", "path": calculator_file, "format": "json",
                      "mediatype": "application/json", "title": "Calculator parameters",
                      "description": "The cost calculator's limits, pay tiers, languages, "
                                     "presets and comparisons, as its script reads them."})
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "fake-farms", "title": f"{site.title}: open data",
        "description": site.description,
        **({"homepage": homepage} if homepage else {}),
        "created": site.published.timestamp,
        "licenses": [LICENCE],
        "sources": [{"title": f"{s.publisher}, {s.title}", "path": s.url}
                    for s in content.sources.values()],
        "resources": resources,
    }
