"""Declarations the site and the calculator share: where a fact comes from, and the key
figures, each defined once with its hedge and written the same way everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from gettext import NullTranslations as Catalog  # the interface words of one language
from typing import ClassVar, Literal, cast

from .numbers import MILLION, decimal, figure_number, prose_number
from .schema import SLUG, spec

#: The words of English: a catalog that returns every message as written.
ENGLISH = Catalog()


@dataclass(frozen=True)
class Citation:
    """Where a fact comes from: a source and the section of it."""

    source: str = spec("id of a source in sources.yaml", ref="sources")
    section: str = spec("id of the section, as listed under that source's sections", section_of="source")


# -- key figures ---------------------------------------------------------------


#: The qualifiers the sources put on numbers. Each is a kind, shared by every language; its
#: words in each language come from the interface translations.
Hedge = Literal[
    "about", "almost", "approximately", "around", "at least", "from", "more than", "nearly", "over", "up to"
]


@dataclass(frozen=True)
class Figure:
    """A key number, defined once and shown everywhere by reference."""

    __collection__: ClassVar[str] = "figures"

    id: str = spec("id used in {fig:id} tokens and charts", key=True, pattern=SLUG)
    label: str = spec("what the number counts, e.g. 'fake accounts Kloop analysed'")
    format: Literal["number", "usd", "percent", "hours", "som"] = spec(
        "how the number is written: number, usd, percent, hours, som"
    )
    sources: list[Citation] = spec("where the number comes from", min_items=1)
    value: float | None = spec("the number, when it is a single number", default=None, min=0)
    low: float | None = spec("lower end, when the source gives a range", default=None, min=0)
    high: float | None = spec("upper end, when the source gives a range", default=None, min=0)
    hedge: Hedge | None = spec(
        "the source's qualifier, kept exactly: 'approximately', 'nearly', "
        "'at least', 'more than', 'up to', 'about'",
        default=None,
    )
    note: str | None = spec("a short explanation shown with the figure", default=None)
    wording: str | None = spec(
        "the source's words for the number, shown instead of digits, e.g. 'a third', 'a dozen'", default=None
    )
    worked_out: str | None = spec(
        "how the editors worked the number out, when the source does not state it as such; shown on the page",
        default=None,
    )

    json_schema_rules: ClassVar[dict] = {
        "oneOf": [
            {"required": ["value"], "not": {"anyOf": [{"required": ["low"]}, {"required": ["high"]}]}},
            {"required": ["low", "high"], "not": {"required": ["value"]}},
        ],
    }

    def check(self):
        if (self.value is None) == (self.low is None and self.high is None):
            yield (
                "value",
                "give either 'value' or both 'low' and 'high'",
                "a single number goes in 'value'; a range in 'low' and 'high'",
            )
        elif self.value is None and (self.low is None or self.high is None):
            yield "low" if self.low is None else "high", "a range needs both 'low' and 'high'", ""
        elif self.low is not None and self.high is not None and self.low > self.high:
            yield "low", f"low ({self.low:g}) is greater than high ({self.high:g})", "swap the two numbers"

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high): a range's ends, or a single value twice."""
        if self.value is not None:
            return self.value, self.value
        assert self.low is not None and self.high is not None  # check(): a range has both ends
        return self.low, self.high

    @property
    def is_floor(self) -> bool:
        """Whether the source gives only a lower bound ('at least 5', 'over 205,000'), so a
        chart must not draw the number as if it stopped there."""
        return self.hedge in FLOOR_HEDGES

    def number_text(self, language: str = "en", words: Catalog = ENGLISH) -> str:
        """The number as written on the page, without the hedge: '205,000', '$1,000–1,500',
        '$12 million', '2 hours'; in Russian as Kloop writes them: '205 000', '1000–1500
        долларов', '12 млн долларов', '2 часа'."""
        if self.format == "usd":
            return self._dollars(language, words)
        if self.value is not None:
            return self._unit(figure_number(self.value, self.format, language), self.value, words)
        low, high = (figure_number(n, self.format, language) for n in self.bounds)
        return self._unit(f"{low}–{high}", self.bounds[1], words)

    def _dollars(self, language: str, words: Catalog) -> str:
        """An amount in words' own way of writing dollars: '$350', '$100–150'; a million and
        more as '$12 million'; in Russian '350 долларов', '100–150 долларов', '12 млн
        долларов' (a number under 10 000 is not grouped)."""
        low, high = self.bounds
        if high >= MILLION:
            number = "–".join(dict.fromkeys(decimal(v / MILLION, language) for v in (low, high)))
            return words.gettext("$%(num)s million") % {"num": number}
        number = "–".join(dict.fromkeys(prose_number(v, language) for v in (low, high)))
        # gettext counts in whole numbers; a fraction takes the form a language gives 2
        # (Russian: «1,5 доллара», as «2 доллара»)
        count = int(high) if float(high).is_integer() else 2
        return unit_forms(words, count, self.hedge in GOVERNING_HEDGES)["usd"] % {"num": number}

    def _unit(self, number: str, value: float, words: Catalog) -> str:
        if self.format not in ("hours", "som"):
            return number
        # gettext counts in integers; a fraction is passed as it is, which its stubs do not allow
        count = cast(int, int(value) if float(value).is_integer() else value)
        return unit_forms(words, count, self.hedge in GOVERNING_HEDGES)[self.format] % {"num": number}

    @property
    def data_value(self) -> str:
        """The number for <data value>: '800', or '100-150' for a range."""
        if self.value is not None:
            return f"{self.value:g}"
        return f"{self.low:g}-{self.high:g}"

    def text(self, language: str = "en", words: Catalog = ENGLISH) -> str:
        """The number with its hedge, in the source's words where given: 'nearly 400'; in
        Russian 'почти 400'. `words` translates the hedge and units (a gettext catalog)."""
        return " ".join(part for part in self.parts(language, words) if part)

    def parts(self, language: str = "en", words: Catalog = ENGLISH) -> tuple[str, str]:
        """The hedge ('' if none) and the number that `text` joins: ('nearly', '400'), so that
        a layout can set the hedge apart without ever leaving it out."""
        number = self.wording or self.number_text(language, words)
        return (hedge_words(words)[self.hedge] if self.hedge else "", number)


def hedge_words(words: Catalog) -> dict[str, str]:
    """Each hedge in the catalog's language (written out, so that Babel finds each one)."""
    return {
        "about": words.pgettext("hedge", "about"),
        "almost": words.pgettext("hedge", "almost"),
        "approximately": words.pgettext("hedge", "approximately"),
        "around": words.pgettext("hedge", "around"),
        "at least": words.pgettext("hedge", "at least"),
        "from": words.pgettext("hedge", "from"),
        "more than": words.pgettext("hedge", "more than"),
        "nearly": words.pgettext("hedge", "nearly"),
        "over": words.pgettext("hedge", "over"),
        "up to": words.pgettext("hedge", "up to"),
    }


#: Hedges that are a preposition or a comparison in English ("about $333", "over 205,000"),
#: as against the adverbs ("nearly", "almost", "approximately"). A language that declines a
#: unit after its words for these gives the unit's forms in that place under the context
#: "after a hedge": in Russian «около 333 долларов», beside «почти 333 доллара».
GOVERNING_HEDGES = frozenset({"about", "around", "at least", "from", "more than", "over", "up to"})


def unit_forms(words: Catalog, count: int, after_hedge: bool) -> dict[str, str]:
    """The catalog's forms of each unit for `count`, as a format with %(num)s: those after a
    hedge that governs the number, or those of the number alone (written out, so that Babel
    finds each one)."""
    if after_hedge:
        return {
            "usd": words.npgettext("after a hedge", "$%(num)s", "$%(num)s", count),
            "hours": words.npgettext("after a hedge", "%(num)s hour", "%(num)s hours", count),
            "som": words.npgettext("after a hedge", "%(num)s som", "%(num)s som", count),
        }
    return {
        "usd": words.ngettext("$%(num)s", "$%(num)s", count),
        "hours": words.ngettext("%(num)s hour", "%(num)s hours", count),
        "som": words.ngettext("%(num)s som", "%(num)s som", count),
    }


#: Hedges that make a number a lower bound.
FLOOR_HEDGES = frozenset({"at least", "more than", "over", "from"})


@dataclass(frozen=True)
class FiguresFile:
    figures: list[Figure] = spec("key numbers", min_items=1)
