"""The content types: one frozen dataclass per kind of thing editors write.

Each field's `spec()` is the single declaration of its help text and rules;
the loader validates against it and `build.py schema` exports it as JSON
Schema for editors' IDEs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from .schema import SLUG, ScalarType, spec

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?: (\d{2}):(\d{2}))?)?)?")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class PartialDate(ScalarType):
    """A date given only as precisely as the source gives it."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    describe: ClassVar[str] = "a date"
    example: ClassVar[str] = "write 2020, 2020-10, 2020-10-06 or 2020-02-07 22:00"
    json_schema: ClassVar[dict] = {
        "type": ["string", "integer"],
        "pattern": r"^\d{4}(-\d{2}(-\d{2}( \d{2}:\d{2})?)?)?$",
        "description": "Year, year-month, date, or date and 24-hour time, as precise as the source.",
    }

    @classmethod
    def from_text(cls, text: str) -> PartialDate:
        match = _DATE.fullmatch(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a date")
        year, month, day, hour, minute = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        if day is not None:
            import calendar

            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"'{text}' is an impossible date: {MONTHS[month - 1]} {year} "
                                 f"has {last} days")
        if hour is not None and not (hour <= 23 and minute <= 59):
            raise ValueError(f"'{text}' has an impossible time")
        return cls(year, month, day, hour, minute)

    @property
    def precision(self) -> Literal["year", "month", "day", "time"]:
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day" if self.hour is None else "time"

    @property
    def sort_key(self) -> tuple[int, ...]:
        """Chronological order; a year alone sorts before its months, a day before its times."""
        return (self.year, self.month or 0, self.day or 0,
                -1 if self.hour is None else self.hour, self.minute or 0)

    @property
    def iso(self) -> str:
        """The machine-readable form for <time datetime>."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
        return text

    def __str__(self) -> str:
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {self.year}"
        text = f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.hour is not None:
            text += f", {self.hour:02d}:{self.minute:02d}"
        return text


# -- sources and citations --------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """Where a fact comes from: a source and the section of it."""

    source: str = spec("id of a source in sources.yaml", ref="sources")
    section: str = spec("id of the section, as listed under that source's sections",
                        section_of="source")


@dataclass(frozen=True)
class SourceSection:
    """A part of a source article that facts can cite."""

    id: str = spec("short id used in citations", pattern=SLUG)
    title: str = spec("the section's heading or a description of where it is")


@dataclass(frozen=True)
class Contributor:
    """A person credited by a source."""

    name: str = spec("name as the source spells it")
    role: str = spec("what the source credits them for, e.g. 'database', 'translation'")


@dataclass(frozen=True)
class Source:
    """A published article the site relies on."""

    __collection__: ClassVar[str] = "sources"

    id: str = spec("short id used in citations, e.g. 'kloop'", key=True, pattern=SLUG)
    title: str = spec("the article's title in English")
    publisher: str = spec("who published it")
    date: PartialDate = spec("publication date, as precise as known")
    url: str = spec("public https address of the original", https=True)
    kind: Literal["investigation", "context"] = spec(
        "'investigation' for the two reports the site explains; 'context' for comparison figures")
    sections: list[SourceSection] = spec("the parts of the article that facts cite", min_items=1)
    author: str | None = spec("the author, where the source names one", default=None)
    translator: str | None = spec("who translated it, where it is a translation", default=None)
    contributors: list[Contributor] = spec("people the source credits", default=[])
    note: str | None = spec("anything readers should know about the source", default=None)


@dataclass(frozen=True)
class Passage:
    """A paragraph of facts in the site's own words, with where they come from."""

    text: str = spec("the paragraph; may use {fig:figure-id} to show a key figure", rich=True)
    sources: list[Citation] = spec("citations for every fact in the paragraph", default=[])
    kind: Literal["fact", "assumption"] = spec(
        "'assumption' marks an editor's assumption that no source states", default="fact")

    def check(self):
        if self.kind == "fact" and not self.sources:
            yield "sources", "a fact needs at least one citation", \
                "add '- {source: kloop, section: ...}' or mark the passage 'kind: assumption'"
        if self.kind == "assumption" and self.sources:
            yield "kind", "an assumption cites no source", \
                "remove the sources, or mark the passage 'kind: fact'"


# -- figures -----------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A key number, defined once and shown everywhere by reference."""

    __collection__: ClassVar[str] = "figures"

    id: str = spec("id used in {fig:id} tokens and charts", key=True, pattern=SLUG)
    label: str = spec("what the number counts, e.g. 'fake accounts Kloop analysed'")
    format: Literal["number", "usd", "percent", "hours"] = spec("how the number is written")
    sources: list[Citation] = spec("where the number comes from", min_items=1)
    value: float | None = spec("the number, when it is a single number", default=None, min=0)
    low: float | None = spec("lower end, when the source gives a range", default=None, min=0)
    high: float | None = spec("upper end, when the source gives a range", default=None, min=0)
    hedge: str | None = spec("the source's qualifier, kept exactly: 'approximately', 'nearly', "
                             "'at least', 'more than', 'up to', 'about'", default=None)
    note: str | None = spec("a short explanation shown with the figure", default=None)
    wording: str | None = spec("the source's words for the number, shown instead of digits, "
                               "e.g. 'a third', 'a dozen'", default=None)

    def check(self):
        if (self.value is None) == (self.low is None and self.high is None):
            yield "value", "give either 'value' or both 'low' and 'high'", \
                "a single number goes in 'value'; a range in 'low' and 'high'"
        elif self.value is None and (self.low is None or self.high is None):
            yield "low" if self.low is None else "high", "a range needs both 'low' and 'high'", ""
        elif self.low is not None and self.low > self.high:
            yield "low", f"low ({self.low:g}) is greater than high ({self.high:g})", \
                "swap the two numbers"

    @property
    def number_text(self) -> str:
        """The number as written on the page, without the hedge."""
        if self.value is not None:
            return _format_number(self.value, self.format)
        low = _format_number(self.low, "number" if self.format == "usd" else self.format)
        if self.format == "usd":
            low = "$" + low
        high = _format_number(self.high, self.format).lstrip("$")
        if self.format == "percent":
            low = low.rstrip("%")
        return f"{low}–{high}"

    @property
    def data_value(self) -> str:
        """The number for <data value>: '800', or '100-150' for a range."""
        if self.value is not None:
            return f"{self.value:g}"
        return f"{self.low:g}-{self.high:g}"

    @property
    def text(self) -> str:
        """The number with its hedge, in the source's words where given: 'nearly 400'."""
        number = self.wording or self.number_text
        return f"{self.hedge} {number}" if self.hedge else number


def _format_number(value: float, kind: str) -> str:
    digits = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    hours = f"{digits} hour" + ("" if value == 1 else "s")
    return {"usd": f"${digits}", "percent": f"{digits}%", "hours": hours}.get(kind, digits)


# -- people, groups and farms --------------------------------------------------

ActorKind = Literal["person", "party", "organisation", "platform", "media"]


@dataclass(frozen=True)
class Actor:
    """A person, party, organisation, platform or media outlet named in the sources."""

    __collection__: ClassVar[str] = "actors"

    id: str = spec("short id used in references, e.g. 'japarov'", key=True, pattern=SLUG)
    name: str = spec("full name as the source spells it")
    kind: ActorKind = spec("person, party, organisation, platform or media")
    role: str = spec("who they are, in a few words, as of the source's date")
    summary: list[Passage] = spec("what the sources say about them", min_items=1)


@dataclass(frozen=True)
class Response:
    """What the accused said, or that they did not answer."""

    kind: Literal["denied", "declined", "no_response", "not_reported"] = spec(
        "denied; declined (refused to comment); no_response (asked, no answer by publication); "
        "not_reported (the source reports no request or answer)")
    text: str = spec("the response in the site's own words; a few quoted words at most", rich=True)
    by: str | None = spec("who answered, when not the accused themself", default=None)
    date_asked: PartialDate | None = spec("when the source asked for comment", default=None)
    sources: list[Citation] = spec("where the response is reported", default=[])

    def check(self):
        if self.kind == "no_response" and self.date_asked is None:
            yield "date_asked", "'no_response' needs the date the source asked for comment", \
                "add 'date_asked: 2020-12-15' as the source gives it"
        if self.kind != "not_reported" and not self.sources:
            yield "sources", "a reported response needs a citation", "add where the response appears"


@dataclass(frozen=True)
class Allegation:
    """A claim about someone that the site reports but does not state as fact."""

    claim: str = spec("what is alleged, phrased as an allegation", rich=True)
    alleged_by: str = spec("who made the allegation, e.g. 'three sources: a former government "
                           "employee and two people who know him'")
    basis: str = spec("what the allegation rests on, as the source describes it")
    response: Response = spec("the accused's response; required for every allegation")
    sources: list[Citation] = spec("where the allegation is reported", min_items=1)


@dataclass(frozen=True)
class Link:
    """How an actor is connected to a farm."""

    actor: str = spec("id of an actor in actors.yaml", ref="actors")
    kind: Literal["alleged", "supported", "benefited", "targeted"] = spec(
        "alleged: sources allege the actor ran or paid for the farm (needs an allegation); "
        "supported: the farm's accounts posted in the actor's favour; "
        "benefited: the actor is reported to have gained from the farm's work; "
        "targeted: the farm's accounts attacked the actor")
    role: str = spec("the connection in a few words, e.g. 'alleged supervisor'")
    sources: list[Citation] = spec("where the connection is reported", min_items=1)
    allegation: Allegation | None = spec("required when kind is 'alleged'", default=None)

    def check(self):
        if self.kind == "alleged" and self.allegation is None:
            yield "allegation", "an alleged link needs an allegation with the accused's response", \
                "add 'allegation:' with claim, alleged_by, basis, response and sources"
        if self.kind != "alleged" and self.allegation is not None:
            yield "kind", f"a '{self.kind}' link carries no allegation", \
                "set 'kind: alleged', or move the claim into the farm's text"


@dataclass(frozen=True)
class Section:
    """A titled block of passages on a page."""

    id: str = spec("anchor id, unique within its page", pattern=SLUG)
    heading: str = spec("the section's heading")
    passages: list[Passage] = spec("the paragraphs", default=[])
    figures: list[str] = spec("key figures shown as a strip in this section", default=[],
                              ref="figures")
    charts: list[str] = spec("charts (ids from charts.yaml) shown in this section", default=[],
                             ref="charts")
    checklist: list[Signal] = spec("signals shown as a tickable checklist", default=[])
    threshold: int | None = spec("how many ticked signals make an account suspicious",
                                 default=None, min=1)
    timeline: Literal["kordai"] | None = spec("show the timeline events of this category here",
                                              default=None)
    more: Literal["farms", "actors", "timeline", "methodology", "costs", "kordai",
                  "calculator", "charts", "sources"] | None = spec(
        "a page to link to for more detail", default=None)

    def check(self):
        if not (self.passages or self.checklist or self.figures or self.timeline or self.charts):
            yield "passages", "the section is empty", "add passages, figures or a checklist"
        if self.threshold is not None and self.threshold > len(self.checklist):
            yield "threshold", f"threshold {self.threshold} is more than the "\
                f"{len(self.checklist)} signals in the checklist", "lower it"


@dataclass(frozen=True)
class Signal:
    """One sign of a fake account that a reader can check."""

    id: str = spec("anchor id", pattern=SLUG)
    label: str = spec("the signal as a short question or statement")
    detail: str = spec("how to check it and what the journalists found", rich=True)
    sources: list[Citation] = spec("where the source describes it", min_items=1)


@dataclass(frozen=True)
class Farm:
    """A fake-account farm that the sources describe."""

    __collection__: ClassVar[str] = "farms"

    id: str = spec("short id used in references and addresses", key=True, pattern=SLUG)
    name: str = spec("descriptive name, e.g. 'Pro-Matraimov farm'")
    summary: str = spec("one or two sentences for lists and previews", rich=True)
    period: str = spec("when it operated, in words, as precise as the source")
    sources: list[Citation] = spec("citations for the summary and period", min_items=1)
    sections: list[Section] = spec("what the sources say: organisation, tactics, pay", min_items=1)
    links: list[Link] = spec("actors connected to the farm and how", default=[])
    figures: list[str] = spec("key figures about this farm", default=[], ref="figures")
    example_accounts: list[str] = spec("fake-account names the source publishes as examples",
                                       default=[])
    short_name: str | None = spec("a short name for chart axes, e.g. 'Pro-Matraimov'",
                                  default=None)

    def check(self):
        ids = [s.id for s in self.sections]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            yield "sections", f"section id '{duplicate}' used twice", "give each section its own id"


# -- timeline ----------------------------------------------------------------

EventCategory = Literal["history", "election", "protest", "farm", "investigation",
                        "takedown", "kordai"]


@dataclass(frozen=True)
class Event:
    """A dated event on the timeline."""

    __collection__: ClassVar[str] = "events"

    id: str = spec("short id, unique across the timeline", key=True, pattern=SLUG)
    date: PartialDate = spec("as precise as the source: 2018, 2018-04, 2020-10-06 or with a time")
    title: str = spec("what happened, in a short line")
    text: str = spec("one or two sentences of detail", rich=True)
    category: EventCategory = spec("history, election, protest, farm, investigation, takedown, "
                                   "kordai")
    sources: list[Citation] = spec("where the event is reported", min_items=1)
    date_label: str | None = spec("words to show instead of the date, e.g. 'Spring 2018'",
                                  default=None)
    farms: list[str] = spec("farms the event concerns", default=[], ref="farms")
    actors: list[str] = spec("actors the event concerns", default=[], ref="actors")

    @property
    def when(self) -> str:
        return self.date_label or str(self.date)


# -- charts ------------------------------------------------------------------

ChartKind = Literal["figures", "ranges", "timeline", "links", "chronology"]


@dataclass(frozen=True)
class Chart:
    """A chart drawn from the content, with its finding, summary and data table."""

    __collection__: ClassVar[str] = "charts"

    id: str = spec("id used in pages' 'charts:' lists and in file names", key=True, pattern=SLUG)
    kind: ChartKind = spec(
        "figures: bars of key figures; ranges: low–high ranges of key figures; "
        "timeline: the dated events; links: who is linked to which farm; "
        "chronology: events of one category by hours since the first")
    title: str = spec("a title that states the finding")
    summary: str = spec("one paragraph saying what the chart shows, for every reader", rich=True)
    sources: list[Citation] = spec("where the charted facts come from", min_items=1)
    figures: list[str] = spec("for figures and ranges: the key figures to draw, in order",
                              default=[], ref="figures")
    labels: list[str] = spec("short labels for those figures, in the same order", default=[])
    category: EventCategory | None = spec("for timeline and chronology: only events of this category",
                                          default=None)
    compact: bool = spec("draw a smaller version, e.g. on the home page", default=False)
    axis: str | None = spec("the value axis title, e.g. 'Monthly pay (US$)'", default=None)

    def check(self):
        if self.kind in ("figures", "ranges") and not self.figures:
            yield "figures", f"a '{self.kind}' chart needs figures", "list the figure ids to draw"
        if self.kind not in ("figures", "ranges") and self.figures:
            yield "figures", f"a '{self.kind}' chart draws no figures", "remove 'figures'"
        if self.labels and len(self.labels) != len(self.figures):
            yield "labels", f"{len(self.labels)} labels for {len(self.figures)} figures", \
                "give one label per figure, or none"
        if self.kind == "chronology" and self.category is None:
            yield "category", "a chronology needs an event category", "e.g. 'category: kordai'"


# -- pages and site ----------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """An editorial page: the home explainer, methodology, costs, Kordai."""

    title: str = spec("the page's heading")
    description: str = spec("one sentence for search engines and link previews")
    lede: str = spec("the opening paragraph", rich=True)
    sections: list[Section] = spec("the page's sections, in reading order", min_items=1)
    figures: list[str] = spec("key figures shown near the top", default=[], ref="figures")

    def check(self):
        ids = [s.id for s in self.sections]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            yield "sections", f"section id '{duplicate}' used twice", "give each section its own id"


@dataclass(frozen=True)
class Correction:
    """An entry in the public corrections and updates log."""

    date: PartialDate = spec("when the change was published")
    kind: Literal["correction", "update"] = spec("correction of an error, or an update")
    text: str = spec("what changed and why")


@dataclass(frozen=True)
class Site:
    """Site-wide words: title, description, credits."""

    title: str = spec("the site's name")
    tagline: str = spec("a line under the name")
    description: str = spec("one sentence for search engines and link previews")
    language: str = spec("language code of the content, e.g. 'en'", pattern=r"^[a-z]{2}(-[A-Z]{2})?$")
    publisher: str = spec("who publishes this site")
    about: list[Passage] = spec("what this site is, shown on the sources page", min_items=1)


# -- files -------------------------------------------------------------------


@dataclass(frozen=True)
class SourcesFile:
    sources: list[Source] = spec("the articles the site relies on", min_items=1)


@dataclass(frozen=True)
class FiguresFile:
    figures: list[Figure] = spec("key numbers", min_items=1)


@dataclass(frozen=True)
class ActorsFile:
    actors: list[Actor] = spec("people, parties, organisations, platforms and media", min_items=1)


@dataclass(frozen=True)
class FarmsFile:
    farms: list[Farm] = spec("the farms the sources describe", min_items=1)


@dataclass(frozen=True)
class TimelineFile:
    events: list[Event] = spec("dated events, in any order", min_items=1)


@dataclass(frozen=True)
class ChartsFile:
    charts: list[Chart] = spec("the charts, in the order of the charts page", min_items=1)


@dataclass(frozen=True)
class CorrectionsFile:
    corrections: list[Correction] = spec("newest first or in any order", default=[])
