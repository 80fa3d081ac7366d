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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from markupsafe import Markup

from fakefarms.content import Content
from fakefarms.content.markers import N_
from fakefarms.content.model import ACTOR_KINDS, LINK_KINDS, EventCategory, Farm, Link, Source
from fakefarms.outputs import markup
from records.facts import ENGLISH, Catalog, Citation, Figure, Hedge
from records.walk import walk

#: The licence of the structured data (the sources' own texts keep their own rights); the
#: Data Package names it in English, the data page in the page's language.
LICENCE = {
    "name": "CC-BY-4.0",
    "title": N_("Creative Commons Attribution 4.0 International"),
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def _either(values, words: Catalog = ENGLISH) -> str:
    """'a, b or c': the values a column may take, from their declaration (the values stay as
    the data writes them; `words` translates the 'or')."""
    values = list(values)
    if len(values) == 1:
        return values[0]
    return words.gettext("%(first)s or %(last)s") % {"first": ", ".join(values[:-1]), "last": values[-1]}


FIGURE_FORMATS = typing.get_args(typing.get_type_hints(Figure)["format"])
#: The calculator's parameters file, as the data page and the Data Package describe it.
CALCULATOR_TITLE = N_("Calculator parameters")
CALCULATOR_DESCRIPTION = N_(
    "The cost calculator's limits, pay tiers, languages, presets and comparisons, as its script reads them."
)


class OpenDataError(ValueError):
    """A table whose rows do not fit its columns: the build stops rather than write it."""


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, its Table Schema field and the function that computes
    its value from the table's record, declared together so that they cannot drift apart."""

    name: str
    type: str  # a Table Schema type: string, number, integer, date...
    #: What the column holds, in English (marked for the catalogs); with `choices`, a message
    #: whose %(choices)s lists them ('how: a, b or c'), or empty for the list alone.
    note: str
    #: The cell from the table's record, with the content (for words and key figures); None
    #: for an empty cell.
    value: Callable[[typing.Any, Content], typing.Any] = field(kw_only=True)
    required: bool = False
    choices: tuple[str, ...] = ()
    #: For a column that may be empty: where in the record its value comes from ("worked_out",
    #: "allegation.basis"). When some record fills it but the column comes out empty in every
    #: row, the value function has lost it and the build stops.
    source: str | None = field(default=None, kw_only=True)

    def description_in(self, words: Catalog = ENGLISH) -> str:
        """The column's note in the language of `words` (a gettext catalog)."""
        if not self.choices:
            return words.gettext(self.note)
        choices = _either(self.choices, words)
        return words.gettext(self.note) % {"choices": choices} if self.note else choices

    def problem(self, cell) -> str | None:
        """Why `cell` has no place in this column, or None when it fits."""
        if _empty(cell):
            return "is empty, but the column is required" if self.required else None
        kinds = CELL_TYPES.get(self.type)
        if kinds is None:
            return f"has the Table Schema type {self.type!r}, which the data does not write"
        if isinstance(cell, bool) or not isinstance(cell, kinds):
            return f"is {cell!r} ({type(cell).__name__}), not a {self.type}"
        if self.choices and cell not in self.choices:
            return f"is {cell!r}, not {_either(self.choices)}"
        return None

    def source_filled(self, record) -> bool:
        """Whether the record fills the field this column's value comes from."""
        value = record
        for name in (self.source or "").split("."):
            value = getattr(value, name, None) if name else None
        return not _empty(value)


#: The Python values each Table Schema type takes in a cell.
CELL_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "number": (int, float), "integer": (int,)}


def _empty(cell) -> bool:
    return cell is None or cell == "" or cell == []


@dataclass(frozen=True)
class OpenTable:
    """One open-data table: its columns, the records it has a row for, and its keys; it writes
    the CSV and JSON files and the Table Schema."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    #: The records the table has a row for, in order; each column computes its cell from one.
    each: Callable[[Content], Iterable]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, table, its column)

    def records(self, content: Content) -> list[dict]:
        """The rows, each computed by the columns from one record, after checking that every
        cell fits its column and that no column has lost what the records hold."""
        found = list(self.each(content))
        rows = [{c.name: c.value(record, content) for c in self.columns} for record in found]
        for column in self.columns:
            for number, row in enumerate(rows, 1):
                problem = column.problem(row[column.name])
                if problem:
                    raise OpenDataError(
                        f"open data table {self.name!r}, column {column.name!r}, "
                        f"row {number}: the value {problem}"
                    )
            if (
                column.source
                and not any(not _empty(row[column.name]) for row in rows)
                and any(column.source_filled(record) for record in found)
            ):
                raise OpenDataError(
                    f"open data table {self.name!r}, column {column.name!r}: empty in every row, "
                    f"though the records fill {column.source!r}; its value function loses it"
                )
        return rows

    def csv(self, content: Content) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, [c.name for c in self.columns], lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in self.records(content))
        return out.getvalue()

    def schema(self, words: Catalog = ENGLISH) -> dict:
        schema: dict[str, typing.Any] = {
            "fields": [
                {
                    "name": c.name,
                    "type": c.type,
                    "description": c.description_in(words),
                    **({"constraints": {"required": True}} if c.required else {}),
                }
                for c in self.columns
            ]
        }
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": [column], "reference": {"resource": table, "fields": [other]}}
                for column, table, other in self.foreign_keys
            ]
        return schema


def plain(text: str | None, content: Content) -> str | None:
    """Editors' prose as plain text: key figures written out, no markup."""
    if text is None:
        return None
    html = markup.render(
        text,
        block=False,
        figure=lambda i: Markup(content.figure_text(content.figures[i])),
        site_link=lambda path: path,
    )
    return Markup(html).striptags()


def _citations(record) -> str:
    found = dict.fromkeys(f"{c.source}#{c.section}" for _p, c in walk(record) if isinstance(c, Citation))
    return "; ".join(found)


class FarmLink(NamedTuple):
    """A row of the links table: one link, with the farm it belongs to."""

    farm: Farm
    link: Link


def _farm_links(content: Content) -> Iterator[FarmLink]:
    for farm in content.farms.values():
        for link in farm.links:
            yield FarmLink(farm, link)


#: The kinds of record that cite sources, and where the content holds them.
CITING_RECORDS: dict[str, Callable] = {
    "farm": lambda content: content.farms.values(),
    "actor": lambda content: content.actors.values(),
    "event": lambda content: content.events,
    "figure": lambda content: content.figures.values(),
}


class Cited(NamedTuple):
    """A row of the citations table: which field of which record cites which source."""

    kind: str
    record: str
    path: str
    citation: Citation


def _cited(content: Content) -> Iterator[Cited]:
    """Every citation on the site: which record cites which part of which source."""
    records = [
        (kind, record.id, record) for kind, listed in CITING_RECORDS.items() for record in listed(content)
    ]
    for kind, record_id, record in records:
        seen = set()
        for path, citation in walk(record):
            if isinstance(citation, Citation) and (path, citation) not in seen:
                seen.add((path, citation))
                yield Cited(kind, record_id, path, citation)


def _ids(note: str, cites: Callable) -> Column:
    """The citations column: every source#section the record's `cites` part rests on."""
    return Column("citations", "string", note, value=lambda record, _: _citations(cites(record)))


TABLES = (
    OpenTable(
        "farms",
        N_("Farms"),
        N_("The groups of fake accounts the investigations describe."),
        (
            Column(
                "id",
                "string",
                N_("the farm's id, as in its page address"),
                True,
                value=lambda farm, _: farm.id,
            ),
            Column("name", "string", N_("its name on the site"), True, value=lambda farm, _: farm.name),
            Column(
                "period",
                "string",
                N_("when it operated, as precisely as the source says"),
                True,
                value=lambda farm, _: farm.period,
            ),
            Column(
                "summary",
                "string",
                N_("what the sources report, in the site's words"),
                True,
                value=lambda farm, content: plain(farm.summary, content),
            ),
            _ids(
                N_(
                    "where the summary comes from: source#section, separated by '; ' (see "
                    "citations.csv for each field)"
                ),
                lambda farm: farm.sources,
            ),
        ),
        lambda content: content.farms.values(),
        ("id",),
    ),
    OpenTable(
        "actors",
        N_("People and groups"),
        N_("Everyone the investigations name in connection with the farms."),
        (
            Column(
                "id",
                "string",
                N_("the person's or group's id, as in their page address"),
                True,
                value=lambda actor, _: actor.id,
            ),
            Column(
                "name",
                "string",
                N_("the name as the source spells it"),
                True,
                value=lambda actor, _: actor.name,
            ),
            Column("kind", "string", "", True, tuple(ACTOR_KINDS), value=lambda actor, _: actor.kind),
            Column(
                "role",
                "string",
                N_("who they are, as of the source's date"),
                True,
                value=lambda actor, _: actor.role,
            ),
            _ids(
                N_(
                    "where the summary comes from: source#section, separated by '; ' (see "
                    "citations.csv for each field)"
                ),
                lambda actor: actor.summary,
            ),
        ),
        lambda content: content.actors.values(),
        ("id",),
    ),
    OpenTable(
        "links",
        N_("Links between farms and people"),
        N_(
            "How each person or group is connected to a farm, with any allegation, who made "
            "it, what it rests on, and the response, in full."
        ),
        (
            Column("farm", "string", N_("the farm (farms.id)"), True, value=lambda row, _: row.farm.id),
            Column(
                "actor",
                "string",
                N_("the person or group (actors.id)"),
                True,
                value=lambda row, _: row.link.actor,
            ),
            Column(
                "kind",
                "string",
                N_("how: %(choices)s"),
                True,
                tuple(LINK_KINDS),
                value=lambda row, _: row.link.kind,
            ),
            Column(
                "role",
                "string",
                N_("the connection in a few words"),
                True,
                value=lambda row, _: row.link.role,
            ),
            Column(
                "allegation",
                "string",
                N_("what is alleged, where the link is an allegation"),
                source="link.allegation.claim",
                value=lambda row, content: (
                    plain(row.link.allegation.claim, content) if row.link.allegation else None
                ),
            ),
            Column(
                "alleged_by",
                "string",
                N_("who makes the allegation"),
                source="link.allegation.alleged_by",
                value=lambda row, _: row.link.allegation.alleged_by if row.link.allegation else None,
            ),
            Column(
                "basis",
                "string",
                N_("what the allegation rests on, as the source describes it"),
                source="link.allegation.basis",
                value=lambda row, _: row.link.allegation.basis if row.link.allegation else None,
            ),
            Column(
                "response",
                "string",
                N_("every statement of the response, in brief"),
                source="link.response",
                value=lambda row, content: (
                    row.link.response.summary_in(content.words, content.date_text)
                    if row.link.response
                    else None
                ),
            ),
            Column(
                "response_text",
                "string",
                N_("the response in full, in the site's words"),
                source="link.response.text",
                value=lambda row, content: (
                    plain(row.link.response.text, content) if row.link.response else None
                ),
            ),
            _ids(
                N_(
                    "where the link comes from: source#section, separated by '; ' (see "
                    "citations.csv for each field)"
                ),
                lambda row: row.link,
            ),
        ),
        _farm_links,
        ("farm", "actor", "kind"),
        (("farm", "farms", "id"), ("actor", "actors", "id")),
    ),
    OpenTable(
        "events",
        N_("Timeline"),
        N_("Dated events, as precise as the sources give them."),
        (
            Column("id", "string", N_("the event's id"), True, value=lambda event, _: event.id),
            Column(
                "date",
                "string",
                N_("the date as precise as the source: 2018, 2018-04, 2020-10-06 or 2020-02-07T22:00"),
                True,
                value=lambda event, _: event.date.iso,
            ),
            Column(
                "date_shown",
                "string",
                N_("the date as the page shows it"),
                True,
                value=lambda event, content: event.when(content.date_text),
            ),
            Column("title", "string", N_("what happened"), True, value=lambda event, _: event.title),
            Column(
                "category",
                "string",
                "",
                True,
                typing.get_args(EventCategory),
                value=lambda event, _: event.category,
            ),
            Column(
                "text",
                "string",
                N_("the detail, in the site's words"),
                True,
                value=lambda event, content: plain(event.text, content),
            ),
            Column(
                "farms",
                "string",
                N_("farms the event concerns (farms.id, '; ' between)"),
                source="farms",
                value=lambda event, _: "; ".join(event.farms),
            ),
            Column(
                "actors",
                "string",
                N_("people and groups it concerns (actors.id, '; ' between)"),
                source="actors",
                value=lambda event, _: "; ".join(event.actors),
            ),
            Column(
                "worked_out",
                "string",
                N_("how the editors worked the date out, where they did"),
                source="worked_out",
                value=lambda event, _: event.worked_out,
            ),
            _ids(
                N_(
                    "where the event comes from: source#section, separated by '; ' (see "
                    "citations.csv for each field)"
                ),
                lambda event: event.sources,
            ),
        ),
        lambda content: content.events,
        ("id",),
    ),
    OpenTable(
        "figures",
        N_("Key figures"),
        N_("Every number the site reports, with its hedge."),
        (
            Column("id", "string", N_("the figure's id"), True, value=lambda figure, _: figure.id),
            Column("label", "string", N_("what it counts"), True, value=lambda figure, _: figure.label),
            Column(
                "as_shown",
                "string",
                N_("the number with its hedge, as the site writes it"),
                True,
                value=lambda figure, content: content.figure_text(figure),
            ),
            Column(
                "value",
                "number",
                N_("the number, when the source gives a single one"),
                source="value",
                value=lambda figure, _: figure.value,
            ),
            Column(
                "low",
                "number",
                N_("the lower end, when the source gives a range"),
                source="low",
                value=lambda figure, _: figure.low,
            ),
            Column(
                "high",
                "number",
                N_("the upper end, when the source gives a range"),
                source="high",
                value=lambda figure, _: figure.high,
            ),
            Column(
                "hedge",
                "string",
                N_("the source's qualifier, where it gives one: %(choices)s"),
                choices=typing.get_args(Hedge),
                source="hedge",
                value=lambda figure, _: figure.hedge,
            ),
            Column("format", "string", "", True, FIGURE_FORMATS, value=lambda figure, _: figure.format),
            Column(
                "note",
                "string",
                N_("a short explanation"),
                source="note",
                value=lambda figure, _: figure.note,
            ),
            Column(
                "worked_out",
                "string",
                N_("how the editors worked it out, where they did"),
                source="worked_out",
                value=lambda figure, _: figure.worked_out,
            ),
            _ids(
                N_(
                    "where the figure comes from: source#section, separated by '; ' (see "
                    "citations.csv for each field)"
                ),
                lambda figure: figure.sources,
            ),
        ),
        lambda content: content.figures.values(),
        ("id",),
    ),
    OpenTable(
        "sources",
        N_("Sources"),
        N_("The published reports every fact comes from."),
        (
            Column(
                "id",
                "string",
                N_("the source's id, as used in citations"),
                True,
                value=lambda source, _: source.id,
            ),
            Column(
                "publisher", "string", N_("who published it"), True, value=lambda source, _: source.publisher
            ),
            Column("title", "string", N_("its title in English"), True, value=lambda source, _: source.title),
            Column(
                "date",
                "string",
                N_("its publication date, as precise as known"),
                source="date",
                value=lambda source, _: source.date.iso if source.date else None,
            ),
            Column("url", "string", N_("the original"), True, value=lambda source, _: source.url),
            Column(
                "archive_url",
                "string",
                N_("the Internet Archive's copy"),
                True,
                value=lambda source, _: source.archive_url,
            ),
            Column(
                "kind",
                "string",
                N_("%(choices)s (context: a report used for comparison figures)"),
                True,
                typing.get_args(typing.get_type_hints(Source)["kind"]),
                value=lambda source, _: source.kind,
            ),
        ),
        lambda content: content.sources.values(),
        ("id",),
    ),
    OpenTable(
        "citations",
        N_("Citations"),
        N_("Each citation: which field of which record rests on which part of which source."),
        (
            Column(
                "record_kind", "string", "", True, tuple(CITING_RECORDS), value=lambda cited, _: cited.kind
            ),
            Column("record", "string", N_("the record's id"), True, value=lambda cited, _: cited.record),
            Column(
                "field",
                "string",
                N_("the field that cites, e.g. links[0].allegation"),
                True,
                value=lambda cited, _: cited.path.lstrip(".").rsplit(".sources", 1)[0] or "(record)",
            ),
            Column(
                "source",
                "string",
                N_("the source (sources.id)"),
                True,
                value=lambda cited, _: cited.citation.source,
            ),
            Column(
                "section",
                "string",
                N_("the part of the source, as the site names it"),
                True,
                value=lambda cited, _: cited.citation.section,
            ),
        ),
        _cited,
        (),
        (("source", "sources", "id"),),
    ),
)


@dataclass(frozen=True)
class ShownTable:
    """A table as the data page describes it, in the page's language."""

    name: str
    title: str
    description: str
    columns: tuple[tuple[str, str, bool], ...]  # (name, note, required)


def shown_tables(words: Catalog = ENGLISH) -> list[ShownTable]:
    """The tables with their titles and column notes in the language of `words`."""
    return [
        ShownTable(
            t.name,
            words.gettext(t.title),
            words.gettext(t.description),
            tuple((c.name, c.description_in(words), c.required) for c in t.columns),
        )
        for t in TABLES
    ]


def datapackage(content: Content, calculator_file: str, homepage: str | None) -> dict:
    """The Data Package (v2) that describes every file: one Table Schema a table, with its
    keys; the calculator's parameters as a JSON resource. Its titles and notes are in the
    content's language; names and licence are the same in every language."""
    site = content.site
    words = content.words
    resources = [
        {
            "name": t.name,
            "type": "table",
            "path": f"{t.name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": words.gettext(t.title),
            "description": words.gettext(t.description),
            "schema": t.schema(words),
        }
        for t in TABLES
    ]
    resources.append(
        {
            "name": "calculator",
            "path": calculator_file,
            "format": "json",
            "mediatype": "application/json",
            "title": words.gettext(CALCULATOR_TITLE),
            "description": words.gettext(CALCULATOR_DESCRIPTION),
        }
    )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "fake-farms",
        "title": words.gettext("%(site)s: open data") % {"site": site.title},
        "description": site.description,
        **({"homepage": homepage} if homepage else {}),
        "created": site.published.timestamp,
        "licenses": [LICENCE],
        "sources": [{"title": f"{s.publisher}, {s.title}", "path": s.url} for s in content.sources.values()],
        "resources": resources,
    }
