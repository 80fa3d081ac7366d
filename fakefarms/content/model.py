"""The content types: one frozen dataclass per kind of thing editors write.

Each field's `spec()` is the single declaration of its help text and rules;
the loader validates against it and `build.py schema` exports it as JSON
Schema for editors' IDEs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal, TypeAlias

from fakefarms.content.markers import N_
from records.facts import ENGLISH, Catalog, Citation
from records.schema import SLUG, ScalarType, spec
from records.translation import Untranslated

#: An address on this site, as readers see it: /, /farms/, /charts/farm-links.csv.
SITE_PATH = r"^/([a-z0-9-]+/)*([a-z0-9-]+\.[a-z]+)?$"
#: Titles and names longer than this get a warning: they crowd lists, tabs and previews.
TITLE_LENGTH = 120
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?: (\d{2}):(\d{2}))?)?)?")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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
        # Only real months, days, hours and minutes, so an editor's IDE flags 2020-13-45 too;
        # a day the month lacks (30 February) is left to `check`.
        "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])( ([01]\d|2[0-3]):[0-5]\d)?)?)?$",
        "description": "Year, year-month, date, or date and 24-hour time, as precise as the source.",
    }

    @classmethod
    def from_text(cls, text: str) -> PartialDate:
        match = _DATE.fullmatch(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a date")
        year = int(match[1])
        month, day, hour, minute = (int(g) if g else None for g in match.groups()[1:])
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        if day is not None:
            assert month is not None  # _DATE gives a day only with its month, a minute with its hour
            import calendar

            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(
                    f"'{text}' is an impossible date: {MONTH_NAMES[month - 1]} {year} has {last} days"
                )
        if hour is not None and not (hour <= 23 and minute is not None and minute <= 59):
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
        return (
            self.year,
            self.month or 0,
            self.day or 0,
            -1 if self.hour is None else self.hour,
            self.minute or 0,
        )

    @property
    def timestamp(self) -> str:
        """The start of the period the date names, as an RFC 3339 time in UTC (for feeds)."""
        return (
            f"{self.year:04d}-{self.month or 1:02d}-{self.day or 1:02d}"
            f"T{self.hour or 0:02d}:{self.minute or 0:02d}:00Z"
        )

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
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        text = f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        if self.hour is not None:
            text += f", {self.hour:02d}:{self.minute:02d}"
        return text


def capitalize_first(text: str) -> str:
    """Upper-case the first letter only: Jinja's `capitalize` lower-cases the rest, and proper
    names keep their capitals ("openDemocracy", "NATO StratCom"). A text awaiting its
    translation stays marked as such."""
    return type(text)(text[:1].upper() + text[1:])


# -- sources and citations --------------------------------------------------


@dataclass(frozen=True)
class SourceSection:
    """A part of a source article that facts can cite."""

    id: str = spec("short id used in citations", pattern=SLUG)
    title: str = spec("the section's heading, word for word, or a description of where it is")
    heading: bool = spec(
        "true when the title is the source's own heading word for word: only "
        "then is it shown in quotation marks",
        default=False,
    )


@dataclass(frozen=True)
class Contributor:
    """A person credited by a source."""

    name: str = spec("name as the source spells it", translate=False)
    role: str = spec("what the source credits them for, e.g. 'database', 'translation'")
    id: str | None = spec(
        "a short id that ties the translations to this credit; `python build.py "
        "translations --update` writes one",
        default=None,
        pattern=SLUG,
    )


@dataclass(frozen=True)
class Source:
    """A published article the site relies on."""

    __collection__: ClassVar[str] = "sources"

    id: str = spec("short id used in citations, e.g. 'kloop'", key=True, pattern=SLUG)
    title: str = spec("the article's title in English, as published", translate=False)
    publisher: str = spec("who published it; translated, as many publishers have a name in each language")
    url: str = spec("public https address of the original", https=True)
    kind: Literal["investigation", "context"] = spec(
        "'investigation' for the two reports the site explains; 'context' for comparison figures"
    )
    sections: list[SourceSection] = spec("the parts of the article that facts cite", min_items=1)
    date: PartialDate | None = spec(
        "publication date, as precise as known; leave it out when the source's date is not known",
        default=None,
    )
    author: str | None = spec("the author, where the source names one", default=None, translate=False)
    translator: str | None = spec(
        "who translated it, where it is a translation", default=None, translate=False
    )
    contributors: list[Contributor] = spec("people the source credits", default=[])
    note: str | None = spec("anything readers should know about the source", default=None)
    language: str = spec(
        "the language of its title and names as given here: 'en'", default="en", pattern=r"^[a-z]{2}$"
    )

    @property
    def archive_url(self) -> str:
        """The Internet Archive's copy: articles move, and some sites are blocked in the countries
        this story is about."""
        return f"https://web.archive.org/web/{self.url}"


@dataclass(frozen=True)
class Passage:
    """A paragraph of facts in the site's own words, with where they come from."""

    text: str = spec("the paragraph; may use {fig:figure-id} to show a key figure", rich=True)
    sources: list[Citation] = spec("citations for every fact in the paragraph", default=[])
    kind: Literal["fact", "assumption"] = spec(
        "'assumption' marks an editor's assumption that no source states", default="fact"
    )
    id: str | None = spec(
        "a short id that ties the translations to this paragraph; `python build.py "
        "translations --update` writes one",
        default=None,
        pattern=SLUG,
    )

    def check(self):
        if self.kind == "fact" and not self.sources:
            yield (
                "sources",
                "a fact needs at least one citation",
                "add '- {source: kloop, section: ...}' or mark the passage 'kind: assumption'",
            )
        if self.kind == "assumption" and self.sources:
            yield (
                "kind",
                "an assumption cites no source",
                "remove the sources, or mark the passage 'kind: fact'",
            )


def repeated_figure_cards(strips: list[list[str]]):
    """Yield (strip number, figure id) for a key figure shown as a card twice on one page: a
    reader should meet each figure once, and its card's anchor must be unique."""
    seen: set[str] = set()
    for number, strip in enumerate(strips):
        for figure_id in strip:
            if figure_id in seen:
                yield number, figure_id
            seen.add(figure_id)


def _repeated_cards(top: list[str], sections: list):
    for number, figure_id in repeated_figure_cards([top, *(s.figures for s in sections)]):
        where = "figures" if number == 0 else f"sections['{sections[number - 1].id}'].figures"
        yield (
            where,
            f"key figure '{figure_id}' is already shown as a card on this page",
            "keep one card; the text can still show it with {fig:" + figure_id + "}",
        )


# -- people, groups and farms --------------------------------------------------

#: Each kind of actor, in the order the people index lists them, with its heading there
#: (in English: the page translates it).
ACTOR_KINDS: dict[str, str] = {
    "person": N_("People"),
    "party": N_("Political parties"),
    "organisation": N_("Organisations"),
    "media": N_("Media"),
    "platform": N_("Platforms"),
}
ActorKind: TypeAlias = Literal[tuple(ACTOR_KINDS)]  # type: ignore[valid-type]  # Literal made at run time from the dict


@dataclass(frozen=True)
class SitePage:
    """A page sections can point readers to: its menu label and the words of that link (in
    English, marked for the catalogs: the menu and the link translate them)."""

    menu: str
    more: str
    editorial: bool = False  # written in YAML as <name>.yaml, with Page's fields


#: The site's pages in menu order. A new editorial page is one entry here (editorial=True)
#: and its YAML file; its address, menu item, "more" link and file follow.
SITE_PAGES: dict[str, SitePage] = {
    "index": SitePage(N_("Story"), N_("Read the story")),
    "farms": SitePage(N_("Farms"), N_("Read about each farm")),
    "actors": SitePage(N_("People"), N_("See the people and groups named")),
    "timeline": SitePage(N_("Timeline"), N_("Follow the timeline")),
    "methodology": SitePage(N_("How fakes were found"), N_("How the fakes were found"), editorial=True),
    "costs": SitePage(N_("What a farm costs"), N_("What a farm costs"), editorial=True),
    "calculator": SitePage(N_("Calculator"), N_("Estimate a farm’s cost")),
    "kordai": SitePage(N_("Kordai case"), N_("The Kordai case"), editorial=True),
    "charts": SitePage(N_("Charts"), N_("See the charts")),
    "sources": SitePage(N_("Sources"), N_("Sources and credits")),
}
MoreLink: TypeAlias = Literal[tuple(name for name in SITE_PAGES if name != "index")]  # type: ignore[valid-type]  # made at run time from SITE_PAGES


@dataclass(frozen=True)
class Actor:
    """A person, party, organisation, platform or media outlet named in the sources."""

    __collection__: ClassVar[str] = "actors"

    id: str = spec("short id used in references, e.g. 'japarov'", key=True, pattern=SLUG)
    name: str = spec("full name as the source spells it", warn_over=TITLE_LENGTH)
    kind: ActorKind = spec(", ".join(ACTOR_KINDS))
    role: str = spec("who they are, in a few words, as of the source's date")
    summary: list[Passage] = spec("what the sources say about them", min_items=1)
    public: bool = spec(
        "for a person: true when the sources name them in a public role (an "
        "office, a candidacy, a byline, a public statement); a private person "
        "gets no page of their own",
        default=False,
    )

    def check(self):
        if self.kind == "person" and not self.public:
            yield (
                "public",
                "a private person gets no page, card or data row of their own",
                "say what the source says about them where it says it, attributed and hedged "
                "as it is; if the sources name them in a public role, add 'public: true'",
            )


#: Each kind of statement: a word or two for the people index (translated where shown), and
#: what it means (for editors).
STATEMENT_KINDS: dict[str, tuple[str, str]] = {
    "no_response": (N_("no answer by publication"), "had not answered by publication"),
    "refused": (N_("refused to comment"), "refused to answer or to comment"),
    "denied": (N_("denied"), "denied the claim, or part of it"),
    "confirmed": (
        N_("confirmed"),
        "confirmed a related fact (its summary says which, in full: lists show it)",
    ),
    "said": (N_("answered"), "another statement"),
}
StatementKind: TypeAlias = Literal[tuple(STATEMENT_KINDS)]  # type: ignore[valid-type]  # Literal made at run time from the dict
Channel = Literal["official", "unofficial", "interview"]
#: How each channel reads in front of a statement's summary.
CHANNELS: dict[str, str] = {
    "official": N_("officially"),
    "unofficial": N_("unofficially"),
    "interview": N_("in an interview"),
}


@dataclass(frozen=True)
class Statement:
    """One thing the person said, or that they had not answered, as the source reports it."""

    kind: StatementKind = spec(
        ", ".join(f"{kind} ({meaning})" for kind, (_brief, meaning) in STATEMENT_KINDS.items())
    )
    summary: str = spec(
        "the statement in a few words, shown in labels, tables and data files, "
        "e.g. 'denied any connection to the fake accounts'"
    )
    channel: Channel | None = spec(
        "official, unofficial or interview, where the source says how it was said", default=None
    )
    id: str | None = spec(
        "a short id that ties the translations to this statement; `python build.py "
        "translations --update` writes one",
        default=None,
        pattern=SLUG,
    )

    def text_in(self, words: Catalog = ENGLISH) -> str:
        """The summary with its channel in front, in the language of `words` (a gettext
        catalog): 'unofficially, denied any connection …'; all in English while the summary
        awaits its translation."""
        if not self.channel:
            return self.summary
        words = _words_for(self.summary, words)
        return type(self.summary)(_how_said(words, words.gettext(CHANNELS[self.channel]), self.summary))


def _words_for(text: str, words: Catalog) -> Catalog:
    """The words to put around `text`: English ones while it awaits its translation (shown
    in English), the page's own otherwise."""
    return ENGLISH if isinstance(text, Untranslated) else words


def _how_said(words: Catalog, how: str, said: str) -> str:
    """A statement with how it was made in front, in the language of `words`: English sets
    it off with a comma ("officially, refused to answer"), Russian does not («официально
    отказался отвечать»)."""
    return words.pgettext("a statement and how it was made", "%(how)s, %(said)s") % {"how": how, "said": said}


@dataclass(frozen=True)
class Response:
    """What a person or group said when asked, everything the source reports, or that the
    source reports no request for comment."""

    __translated_whole__: ClassVar[bool] = True  # as an allegation is

    request: Literal["asked", "not_reported"] = spec(
        "asked: the source reports that it asked for comment (or quotes an answer); "
        "not_reported: the source reports no request and no answer"
    )
    text: str = spec("the whole response in the site's own words; a few quoted words at most", rich=True)
    statements: list[Statement] = spec(
        "each statement the source reports, in its order; for a request that went unanswered, "
        "one 'no_response' statement",
        default=[],
    )
    by: str | None = spec(
        "who answered, when not the person or group themself; their answer is their own, not the group's",
        default=None,
    )
    date_asked: PartialDate | None = spec("when the source asked for comment, if it says", default=None)
    sources: list[Citation] = spec("where the response is reported", default=[])

    json_schema_rules: ClassVar[dict] = {
        "if": {"properties": {"request": {"const": "asked"}}},
        "then": {
            "required": ["statements", "sources"],
            "properties": {"statements": {"minItems": 1}, "sources": {"minItems": 1}},
        },
        "else": {"not": {"anyOf": [{"required": ["statements"]}, {"required": ["date_asked"]}]}},
    }

    def check(self):
        if self.request == "asked" and not self.statements:
            yield (
                "statements",
                "a request for comment needs what came back",
                "add a statement; if there was no answer: '- {kind: no_response, summary: ...}'",
            )
        if self.request == "not_reported" and (self.statements or self.date_asked):
            yield (
                "request",
                "statements or a date asked mean the source reports a request",
                "set 'request: asked'",
            )
        if self.request == "asked" and not self.sources:
            yield "sources", "a reported response needs a citation", "add where the response appears"

    @property
    def kind(self) -> str:
        """The strongest thing said, for styling: denied, refused, confirmed, said, no_response
        or not_reported."""
        kinds = {s.kind for s in self.statements}
        for kind in ("denied", "refused", "confirmed", "said", "no_response"):
            if kind in kinds:
                return kind
        return "not_reported"

    def asked_text_in(self, words: Catalog = ENGLISH, date: Callable[[PartialDate], str] = str) -> str:
        """Whether and when the source asked, in the language of `words` (a gettext catalog),
        with the date as `date` writes it."""
        if self.request == "not_reported":
            return words.gettext("the source reports no request for comment")
        if self.date_asked is None:
            return words.gettext("asked for comment; the source gives no date for the request")
        return words.gettext("asked for comment on %(date)s") % {"date": date(self.date_asked)}

    def in_brief_in(self, words: Catalog = ENGLISH) -> str:
        """The response in a word or two, for lists, in the language of `words` (a gettext
        catalog): 'denied', 'no answer by publication', 'refused to comment (officially) ·
        denied (unofficially)': each kind of statement, with how it was said, once. What a
        person confirmed is said in full (confirmed a related fact would read as a partial
        admission): 'confirmed having worked for the Matraimov family …'."""
        if self.request == "not_reported":
            return words.gettext("no request for comment reported")
        said = dict.fromkeys(
            (s.summary if s.kind == "confirmed" else words.gettext(STATEMENT_KINDS[s.kind][0]))
            + (f" ({words.gettext(CHANNELS[s.channel])})" if s.channel else "")
            for s in self.statements
        )
        return " · ".join(said)

    def summary_in(self, words: Catalog = ENGLISH, date: Callable[[PartialDate], str] = str) -> str:
        """Every statement, in order, with who gave it and when they were asked: the one
        wording used in labels, tables and data files, in the language of `words` (a gettext
        catalog), dates as `date` writes them."""
        if self.request == "not_reported":
            return words.gettext("No request for comment reported")
        if isinstance(self.text, Untranslated):  # shown whole in English until translated
            words, date = ENGLISH, str
        said = "; ".join(s.text_in(words) for s in self.statements)
        said = f"{self.by}: {said}" if self.by else capitalize_first(said)
        if any(s.kind == "no_response" for s in self.statements):
            said += f" ({self.asked_text_in(words, date)})"
        return type(self.text)(said)


@dataclass(frozen=True)
class Allegation:
    """A claim about someone that the site reports but does not state as fact."""

    #: Shown whole in one language: if any of its texts is not translated, or translated from
    #: an older English, a translation shows all of it in English until it is translated again.
    __translated_whole__: ClassVar[bool] = True

    claim: str = spec("what is alleged, phrased as an allegation", rich=True)
    alleged_by: str = spec(
        "who made the allegation, e.g. 'three sources: a former government "
        "employee and two people who know him'"
    )
    basis: str = spec("what the allegation rests on, as the source describes it")
    sources: list[Citation] = spec("where the allegation is reported", min_items=1)


LinkKind = Literal["alleged", "asked", "supported", "benefited", "targeted"]
#: Each kind of link: its label on pages and in data, and what it means (for editors).
LINK_KINDS: dict[str, tuple[str, str]] = {
    "alleged": (
        N_("Alleged link"),
        "a source, as quoted, alleges that this person or group ran, "
        "paid for or supervised the farm (needs an allegation and a response)",
    ),
    "asked": (
        N_("Asked for comment"),
        "the source asked them for comment about the farm but alleges "
        "nothing about them by name (needs a response)",
    ),
    "supported": (N_("Supported by the farm"), "the farm's accounts posted in their favour"),
    "benefited": (N_("Benefited"), "they are reported to have gained from the farm's work"),
    "targeted": (N_("Targeted by the farm"), "the farm's accounts attacked them"),
}


@dataclass(frozen=True)
class Link:
    """How an actor is connected to a farm."""

    __key__: ClassVar[str] = "actor"  # what ties a translation to the link: never its position

    actor: str = spec("id of an actor in actors.yaml", ref="actors")
    kind: LinkKind = spec("; ".join(f"{k}: {meaning}" for k, (_, meaning) in LINK_KINDS.items()))
    role: str = spec("the connection in a few words, saying no more than the source does")
    sources: list[Citation] = spec("where the connection is reported", min_items=1)
    allegation: Allegation | None = spec("required when kind is 'alleged'", default=None)
    response: Response | None = spec(
        "the person's or group's response; required for 'alleged' and 'asked' links, and "
        "given for any other link where the source reports a request for comment",
        default=None,
    )

    json_schema_rules: ClassVar[dict] = {
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": "alleged"}}},
                "then": {"required": ["allegation", "response"]},
                "else": {"not": {"required": ["allegation"]}},
            },
            {"if": {"properties": {"kind": {"const": "asked"}}}, "then": {"required": ["response"]}},
        ]
    }

    def check(self):
        if self.kind == "alleged" and self.allegation is None:
            yield (
                "allegation",
                "an alleged link needs an allegation",
                "add 'allegation:' with claim, alleged_by, basis and sources",
            )
        if self.kind != "alleged" and self.allegation is not None:
            yield (
                "kind",
                f"a '{self.kind}' link carries no allegation",
                "set 'kind: alleged', or move the claim into the farm's text",
            )
        if self.kind in ("alleged", "asked") and self.response is None:
            yield (
                "response",
                f"an '{self.kind}' link needs the response",
                "add 'response:' with request, statements, text and sources",
            )

    @property
    def is_target(self) -> bool:
        """Whether the farm's accounts attacked them: a target, never "linked" to the farm."""
        return self.kind == "targeted"

    def label_in(self, words: Catalog = ENGLISH) -> str:
        """The kind of link as pages and data name it, in the language of `words`."""
        return words.gettext(LINK_KINDS[self.kind][0])


@dataclass(frozen=True)
class Section:
    """A titled block of passages on a page."""

    id: str = spec("anchor id, unique within its page", pattern=SLUG)
    heading: str = spec("the section's heading", warn_over=TITLE_LENGTH)
    passages: list[Passage] = spec("the paragraphs", default=[])
    figures: list[str] = spec("key figures shown as a strip in this section", default=[], ref="figures")
    charts: list[str] = spec("charts (ids from charts.yaml) shown in this section", default=[], ref="charts")
    checklist: list[Signal] = spec("signals shown as a tickable checklist", default=[])
    threshold: int | None = spec("how many ticked signals make an account suspicious", default=None, min=1)
    timeline: Literal["kordai"] | None = spec("show the timeline events of this category here", default=None)
    more: MoreLink | None = spec("a page to link to for more detail", default=None)
    calculator: str | None = spec(
        "id of a calculator preset (calculator.yaml): under the "
        "passages, a link opens the calculator on that department's "
        "numbers",
        default=None,
        ref="presets",
    )

    def check(self):
        if not (self.passages or self.checklist or self.figures or self.timeline or self.charts):
            yield "passages", "the section is empty", "add passages, figures or a checklist"
        if self.threshold is not None and self.threshold > len(self.checklist):
            yield (
                "threshold",
                f"threshold {self.threshold} is more than the {len(self.checklist)} signals in the checklist",
                "lower it",
            )


@dataclass(frozen=True)
class Signal:
    """One sign of a fake account that a reader can check."""

    id: str = spec("anchor id", pattern=SLUG)
    label: str = spec("the signal as a short question or statement", warn_over=TITLE_LENGTH)
    detail: str = spec("how to check it and what the journalists found", rich=True)
    sources: list[Citation] = spec("where the source describes it", min_items=1)


@dataclass(frozen=True)
class Farm:
    """A fake-account farm that the sources describe."""

    __collection__: ClassVar[str] = "farms"

    id: str = spec("short id used in references and addresses", key=True, pattern=SLUG)
    name: str = spec("descriptive name, e.g. 'Pro-Matraimov farm'", warn_over=TITLE_LENGTH)
    summary: str = spec("one or two sentences for lists and previews", rich=True)
    period: str = spec("when it operated, in words, as precise as the source")
    sources: list[Citation] = spec("citations for the summary and period", min_items=1)
    sections: list[Section] = spec("what the sources say: organisation, tactics, pay", min_items=1)
    links: list[Link] = spec("actors connected to the farm and how", default=[])
    figures: list[str] = spec("key figures about this farm", default=[], ref="figures")
    example_accounts: list[str] = spec(
        "fake-account names the source publishes as examples, spelt as it publishes them in every language",
        default=[],
        translate=False,
    )
    short_name: str | None = spec("a short name for chart axes, e.g. 'Pro-Matraimov'", default=None)

    def check(self):
        yield from _repeated_cards(self.figures, self.sections)

    @property
    def linked(self) -> list[Link]:
        """The links of those the sources connect to the farm: everyone but its targets."""
        return [link for link in self.links if not link.is_target]

    @property
    def targeted(self) -> list[Link]:
        """The people and groups the farm's accounts attacked: targets, never "linked"."""
        return [link for link in self.links if link.is_target]


# -- timeline ----------------------------------------------------------------

#: The timeline's categories: each id is also the word the timeline shows (translated there).
EVENT_CATEGORIES = (
    N_("history"),
    N_("election"),
    N_("protest"),
    N_("farm"),
    N_("investigation"),
    N_("takedown"),
    N_("kordai"),
)
EventCategory: TypeAlias = Literal[EVENT_CATEGORIES]  # type: ignore[valid-type]  # Literal made at run time from the tuple


@dataclass(frozen=True)
class Event:
    """A dated event on the timeline."""

    __collection__: ClassVar[str] = "events"

    id: str = spec("short id, unique across the timeline", key=True, pattern=SLUG)
    date: PartialDate = spec("as precise as the source: 2018, 2018-04, 2020-10-06 or with a time")
    title: str = spec("what happened, in a short line", warn_over=TITLE_LENGTH)
    text: str = spec("one or two sentences of detail", rich=True)
    category: EventCategory = spec("history, election, protest, farm, investigation, takedown, kordai")
    sources: list[Citation] = spec("where the event is reported", min_items=1)
    date_label: str | None = spec("words to show instead of the date, e.g. 'Spring 2018'", default=None)
    farms: list[str] = spec("farms the event concerns", default=[], ref="farms")
    actors: list[str] = spec("actors the event concerns", default=[], ref="actors")
    worked_out: str | None = spec(
        "how the editors worked out the date or time, when the source "
        "gives it only indirectly; shown on the page",
        default=None,
    )
    label: str | None = spec(
        "for a key event, a few words written beside its mark on the "
        "timeline charts (keep it under 20 characters)",
        default=None,
    )
    order_as: PartialDate | None = spec(
        "where the event sorts, when its date alone puts it in the wrong place: 'End of 2019' is "
        "dated 2019 but ordered as 2019-12, after November 2019; never shown",
        default=None,
    )

    @property
    def sort_key(self) -> tuple:
        return ((self.order_as or self.date).sort_key, self.id)

    def when(self, date: Callable[[PartialDate], str] = str) -> str:
        """The date as readers see it: the source's words for it, or the date as `date`
        writes it."""
        return self.date_label or date(self.date)


# -- charts ------------------------------------------------------------------

ChartKind = Literal["figures", "ranges", "timeline", "links", "chronology", "per-year"]


@dataclass(frozen=True)
class Chart:
    """A chart drawn from the content, with its finding, summary and data table."""

    __collection__: ClassVar[str] = "charts"

    id: str = spec("id used in pages' 'charts:' lists and in file names", key=True, pattern=SLUG)
    kind: ChartKind = spec(
        "figures: bars of key figures; ranges: low–high ranges of key figures; "
        "timeline: the dated events (the full one is drawn on the timeline page); links: who is "
        "linked to which farm (drawn on the farms page); "
        "chronology: events of one category by hours since the first; "
        "per-year: how many dated events each year, by kind"
    )
    title: str = spec("a title that states the finding", warn_over=TITLE_LENGTH)
    summary: str = spec("one paragraph saying what the chart shows, for every reader", rich=True)
    sources: list[Citation] = spec("where the charted facts come from", min_items=1)
    figures: list[str] = spec(
        "for figures and ranges: the key figures to draw, in order", default=[], ref="figures"
    )
    labels: list[str] = spec(
        "short labels for those figures, in the same order; a translation "
        "gives each label under its figure's id",
        default=[],
        keyed_by="figures",
    )
    category: EventCategory | None = spec(
        "for timeline, per-year and chronology: only events of this category", default=None
    )
    compact: bool = spec("draw a smaller version, e.g. on the home page", default=False)
    separate: bool = spec(
        "for figures: draw each figure on its own scale, when they count "
        "different things (users, views, retweets)",
        default=False,
    )
    axis: str | None = spec("the value axis title, e.g. 'Monthly pay (US$)'", default=None)

    def check(self):
        if self.kind in ("figures", "ranges") and not self.figures:
            yield "figures", f"a '{self.kind}' chart needs figures", "list the figure ids to draw"
        if self.kind not in ("figures", "ranges") and self.figures:
            yield "figures", f"a '{self.kind}' chart draws no figures", "remove 'figures'"
        if self.labels and len(self.labels) != len(self.figures):
            yield (
                "labels",
                f"{len(self.labels)} labels for {len(self.figures)} figures",
                "give one label per figure, or none",
            )
        if self.kind == "chronology" and self.category is None:
            yield "category", "a chronology needs an event category", "e.g. 'category: kordai'"


# -- pages and site ----------------------------------------------------------


@dataclass(frozen=True)
class ProfileCard:
    """One moment in a fake profile's life, drawn as a card: when, what it posted, for whom."""

    when: str = spec("when the card shows the profile, e.g. 'Before 6 October 2020'")
    posted: str = spec("what the profile did then, in the site's own words")
    backing: str = spec("whom it backed then, shown as the card's badge")


@dataclass(frozen=True)
class Hook:
    """The picture at the top of a page: one fake profile before and after a turning point,
    drawn in HTML (never a photo: fake profiles wear stolen photos of real people)."""

    account: str = spec("the fake profile's name, as the source publishes it")
    before: ProfileCard = spec("the profile before the turning point")
    turn: str = spec("the turning point between the two cards, in a few words")
    after: ProfileCard = spec("the profile after it")
    note: str = spec("what the cards are: an illustration from the source's description, not a screenshot")
    sources: list[Citation] = spec("where the profile is described", min_items=1)


@dataclass(frozen=True)
class Page:
    """An editorial page: the home explainer, methodology, costs, Kordai."""

    title: str = spec(
        "the page's headline: on the home page, the finding, not the site's name", warn_over=TITLE_LENGTH
    )
    description: str = spec("one sentence for search engines and link previews")
    lede: str = spec("the opening paragraph", rich=True)
    sections: list[Section] = spec("the page's sections, in reading order", min_items=1)
    dek: str = spec("one sentence under the headline that says what the page is about", default="")
    figures: list[str] = spec(
        "key figures shown near the top, each a different kind of number",
        default=[],
        ref="figures",
        max_items=3,
    )
    hook: Hook | None = spec("a picture at the top that shows the finding (home page)", default=None)

    def check(self):
        yield from _repeated_cards(self.figures, self.sections)


#: Each kind of entry in the corrections log, with its name there and in the feed.
CORRECTION_KINDS: dict[str, str] = {"correction": N_("Correction"), "update": N_("Update")}
CorrectionKind: TypeAlias = Literal[tuple(CORRECTION_KINDS)]  # type: ignore[valid-type]  # Literal made at run time from the dict


@dataclass(frozen=True)
class Correction:
    """An entry in the public corrections and updates log."""

    date: PartialDate = spec("when the change was published")
    kind: CorrectionKind = spec("correction of an error, or an update")
    text: str = spec("what changed and why")
    id: str | None = spec(
        "a short id that ties the translations to this entry; `python build.py "
        "translations --update` writes one",
        default=None,
        pattern=SLUG,
    )
    pages: list[str] = spec(
        "the pages the entry changed, e.g. [/actors/whatsapp/, /costs/]: each "
        "shows a note of it, in every language",
        default=[],
        pattern=SITE_PATH,
    )


@dataclass(frozen=True)
class Intros:
    """The opening paragraph of each list page, in the site's own words."""

    farms: str = spec("above the list of farms", rich=True)
    actors: str = spec("above the people and groups named", rich=True)
    timeline: str = spec("above the timeline: the period it covers and how dates are given", rich=True)
    charts: str = spec("above the charts", rich=True)


@dataclass(frozen=True)
class Site:
    """Site-wide words: title, description, credits."""

    title: str = spec("the site's name")
    tagline: str = spec("what the site is about, in a line, after its name in the footer")
    description: str = spec("one sentence for search engines and link previews")
    language: str = spec("language code of the content, e.g. 'en'", pattern=r"^[a-z]{2}(-[A-Z]{2})?$")
    byline: str = spec(
        "who publishes the site and whose reporting it retells, under the home "
        "page's headline and in the footer"
    )
    published: PartialDate = spec(
        "when the site was first published; the date it was last "
        "updated is the newest entry in corrections.yaml"
    )
    about: list[Passage] = spec("what this site is, shown on the sources page", min_items=1)
    archives: str = spec(
        "why each source is linked with an archived copy, shown on the sources page", rich=True
    )
    intros: Intros = spec("the opening paragraph of each list page")
    languages_note: str | None = spec(
        "in every language: which languages the site is published in, who translated it and "
        "from what; shown on the sources page",
        default=None,
        rich=True,
    )
    contact: str | None = spec(
        "the e-mail address readers write to with a question or to report an error: one the "
        "editors read (every page links to it); while it is missing, check warns and no page "
        "offers it",
        default=None,
        pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$",
    )
    translations: list[str] = spec(
        "the languages the site is also published in, e.g. [ru]: each has its texts in "
        "content/<code>/ and its interface words in site/translations/<code>/",
        default=[],
        pattern=r"^[a-z]{2}$",
    )


# -- files -------------------------------------------------------------------


@dataclass(frozen=True)
class SourcesFile:
    sources: list[Source] = spec("the articles the site relies on", min_items=1)


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
class Redirect:
    """An address the site published once, and the page that now stands for it."""

    old: str = spec(
        "the published address that no longer has a page, e.g. /actors/alkanova/", pattern=SITE_PATH
    )
    new: str = spec("the page readers are sent to instead, e.g. /actors/elnura-alkanova/", pattern=SITE_PATH)


@dataclass(frozen=True)
class RedirectsFile:
    redirects: list[Redirect] = spec("old addresses and their new pages", default=[])


@dataclass(frozen=True)
class CorrectionsFile:
    corrections: list[Correction] = spec("newest first or in any order", default=[])
