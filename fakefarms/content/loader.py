"""Load the whole content folder once, validate it once, return typed objects."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from calculator.load import figure_problems, with_figures
from calculator.params import CalculatorFile
from fakefarms.content import rules
from fakefarms.content.catalogs import date_text, words
from fakefarms.content.model import (
    ACTOR_KINDS,
    SITE_PAGES,
    Actor,
    ActorsFile,
    Chart,
    ChartsFile,
    Correction,
    CorrectionsFile,
    Event,
    Farm,
    FarmsFile,
    Page,
    Redirect,
    RedirectsFile,
    Site,
    Source,
    SourcesFile,
    TimelineFile,
)
from records import prose
from records.errors import ContentError, Problem
from records.facts import Figure, FiguresFile
from records.files import cross_check, display_path, read_file
from records.schema import Invalid, Reader, _declared, located, texts_in
from records.translation import (
    MADE_FROM_FILE,
    Made,
    Pending,
    Translator,
    read_made_from,
    untranslated,
    words_of,
)
from records.yamlfile import SCHEMA_COMMENT, read_yaml

#: Every content file, the type of its top level, and its schema's name.
FILES: dict[str, type] = {
    "site.yaml": Site,
    "sources.yaml": SourcesFile,
    "figures.yaml": FiguresFile,
    "actors.yaml": ActorsFile,
    "farms.yaml": FarmsFile,
    "timeline.yaml": TimelineFile,
    "charts.yaml": ChartsFile,
    "corrections.yaml": CorrectionsFile,
    "redirects.yaml": RedirectsFile,
    "calculator.yaml": CalculatorFile,
    "home.yaml": Page,
    **{f"{name}.yaml": Page for name, page in SITE_PAGES.items() if page.editorial},
}


def schema_name(kind: type) -> str:
    """Pages share one schema; every other file has its own."""
    return kind.__name__.removesuffix("File").lower() + ".schema.json"


@dataclass(frozen=True)
class Content:
    """Everything the site shows, validated; templates receive only this."""

    site: Site
    sources: dict[str, Source]
    figures: dict[str, Figure]
    actors: dict[str, Actor]
    farms: dict[str, Farm]
    events: tuple[Event, ...]  # in date order
    corrections: tuple[Correction, ...]  # newest first
    pages: dict[str, Page]
    charts: dict[str, Chart]
    calculator: CalculatorFile
    redirects: tuple[Redirect, ...] = ()
    warnings: tuple[Problem, ...] = ()  # worth a look, but publishable
    #: Every link to a page of the site in any language's texts, with where it is written
    #: (the place as a Problem to fill in), for the check on the site the content makes.
    site_links: tuple[tuple[Problem, str], ...] = ()
    language: str = "en"  # the language of this edition's words
    translations: dict[str, Content] = dataclasses.field(default_factory=dict)  # by language

    @property
    def words(self):
        """The interface words of this edition's language (a gettext catalog)."""
        return words(self.language)

    def date_text(self, date) -> str:
        """A date in this edition's language: '7 February 2020', '7 февраля 2020 г.'."""
        return date_text(date, self.language)

    def figure_text(self, figure: Figure) -> str:
        """A key figure with its hedge in this edition's language: 'approximately 800'."""
        return figure.text(self.language, self.words)

    def figure_parts(self, figure: Figure) -> tuple[str, str]:
        """A key figure's hedge and number apart: ('approximately', '800')."""
        return figure.parts(self.language, self.words)

    @functools.cached_property
    def people_in_order(self) -> tuple[str, ...]:
        """The people's ids in reading order: by kind, in the order ACTOR_KINDS lists the
        kinds, then by name (worked out once: every person's page links its neighbours)."""
        kinds = list(ACTOR_KINDS)
        ordered = sorted(self.actors.values(), key=lambda a: (kinds.index(a.kind), a.name))
        return tuple(actor.id for actor in ordered)

    def edition(self, language: str) -> Content:
        """The same facts in `language`: this content, or one of its translations."""
        return self if language == self.language else self.translations[language]

    def events_for(self, *, farm: str | None = None, actor: str | None = None) -> list[Event]:
        """The events of one farm or one actor (or all), in date order, looked up, not searched."""
        if farm is not None:
            return self._events_of.get(("farm", farm), [])
        if actor is not None:
            return self._events_of.get(("actor", actor), [])
        return list(self.events)

    @functools.cached_property
    def _events_of(self) -> dict[tuple[str, str], list[Event]]:
        index: dict[tuple[str, str], list[Event]] = {}
        for event in self.events:
            for key in [("farm", f) for f in event.farms] + [("actor", a) for a in event.actors]:
                index.setdefault(key, []).append(event)
        return index

    def links_of(self, actor_id: str) -> list[tuple[Farm, Any]]:
        """Every (farm, link) connecting the actor to a farm, in farm order."""
        return [(farm, link) for farm in self.farms.values() for link in farm.links if link.actor == actor_id]


@dataclass
class Edition:
    """One language's files as read: their values (Invalid where a file has problems) and the
    readers that know where each text stands, for the rules that span files and languages."""

    language: str
    values: dict[str, Any]
    readers: list[Reader]


def _read(
    directory: Path, files: dict[str, type], *, report_unread_files: bool = False
) -> tuple[dict[str, Any], list[Reader], list[Problem]]:
    """Read, convert and cross-check the files: their values (Invalid where a file has
    problems), their readers, and every problem found."""
    values: dict[str, Any] = {}
    readers: list[Reader] = []
    for filename, kind in files.items():
        values[filename], reader = read_file(directory, filename, kind)
        readers.append(reader)
    problems = [p for r in readers for p in r.problems]
    sources = values.get("sources.yaml", Invalid)
    problems += cross_check(
        readers,
        checkable={
            collection
            for collection, filename in DEFINED_IN.items()
            if values.get(filename, Invalid) is not Invalid
        },
        sections={} if sources is Invalid else {s.id: {x.id for x in s.sections} for s in sources.sources},
    )
    problems += check_schema_comments(directory, files)
    if report_unread_files:
        problems += check_unread_files(directory, files)
    # Checks across files run whenever the files they read are valid, so that one pass
    # reports everything.
    if _valid(values, "calculator.yaml", "figures.yaml") and _valid(values, "sources.yaml"):
        problems += figure_problems(values["calculator.yaml"], values["figures.yaml"].figures, readers)
    return values, readers, problems


def load_content(directory: str | Path) -> Content:
    """Load and validate every content file and every translation site.yaml lists, and apply
    every content rule to all of them; raise ContentError listing every problem found, in
    every language, at once."""
    content, problems = gather(Path(directory))
    if problems:
        raise ContentError(problems)
    assert content is not None  # gather gives the content whenever it finds no problem
    return content


def gather(directory: Path) -> tuple[Content | None, list[Problem]]:
    """Every problem of the content, in every language, and the content itself whenever its
    original files read (a translation's broken file standing in its original language), so
    that the checks on the site it makes can run in the same pass."""
    editions, problems, translated = _editions(directory)
    problems += rules.check(editions, directory)
    original = editions[0]
    if any(value is Invalid for value in original.values.values()):
        return None, problems
    warnings = sorted(
        [
            *(w for r in original.readers for w in r.warnings),
            *(w for t in translated.values() for w in t.warnings),
            *_no_contact(directory, original.values["site.yaml"]),
        ]
    )
    translations = {
        language: _assemble(
            {
                name: untranslated(original.values[name]) if value is Invalid else value
                for name, value in t.values.items()
            },
            (),
            language,
        )
        for language, t in translated.items()
    }
    content = dataclasses.replace(
        _assemble(original.values, warnings, original.language),
        translations=translations,
        site_links=_site_links(editions),
    )
    return content, problems


def _no_contact(directory: Path, site: Site) -> list[Problem]:
    """Readers need somewhere to report an error; the address is the editors' to give."""
    if site.contact:
        return []
    return [
        Problem(
            display_path(directory / "site.yaml"),
            1,
            1,
            "contact",
            "warning: no contact address, so no page offers readers a way to report an error",
            "add 'contact: …', an e-mail address the editors read",
        )
    ]


def read_editions(directory: Path) -> tuple[list[Edition], list[Problem]]:
    """The original and each translation as read, and the problems reading them (not the
    rules' problems: for the tests that apply one rule at a time)."""
    editions, problems, _translated = _editions(directory)
    return editions, problems


def _editions(directory: Path) -> tuple[list[Edition], list[Problem], dict[str, Translated]]:
    values, readers, problems = _read(directory, FILES, report_unread_files=True)
    editions = [Edition("en", values, readers)]
    site = values.get("site.yaml", Invalid)
    translated: dict[str, Translated] = {}
    if site is not Invalid:
        editions[0].language = site.language
        for language in site.translations:
            translated[language] = found = translate(directory, language, values)
            problems += found.problems
            editions.append(Edition(language, found.values, found.readers))
    return editions, problems, translated


def _site_links(editions: list[Edition]) -> tuple[tuple[Problem, str], ...]:
    return tuple(
        (reader.at(located(text.node, text.text, start, length, reader.source), text.path, ""), address)
        for edition in editions
        for reader in edition.readers
        for text in reader.prose
        for start, length, address in prose.site_links(text.text)
    )


def read_originals(directory: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Every file's values in the site's own language, and the warnings; ContentError when
    any file has a problem (for the tooling, which needs valid originals)."""
    values, readers, problems = _read(directory, FILES, report_unread_files=True)
    if problems:
        raise ContentError(problems)
    return values, sorted(w for r in readers for w in r.warnings)


def _assemble(values: dict[str, Any], warnings, language: str) -> Content:
    figures = {f.id: f.text(language, words(language)) for f in values["figures.yaml"].figures}
    values = {
        name: value if name == "calculator.yaml" else _figures_in_words(value, figures)
        for name, value in values.items()
    }
    events = sorted(values["timeline.yaml"].events, key=lambda e: e.sort_key)
    corrections = sorted(values["corrections.yaml"].corrections, key=lambda c: c.date.sort_key, reverse=True)
    return Content(
        site=values["site.yaml"],
        sources={s.id: s for s in values["sources.yaml"].sources},
        figures={f.id: f for f in values["figures.yaml"].figures},
        actors={a.id: a for a in values["actors.yaml"].actors},
        farms={f.id: f for f in values["farms.yaml"].farms},
        events=tuple(events),
        corrections=tuple(corrections),
        pages={name.removesuffix(".yaml"): values[name] for name, kind in FILES.items() if kind is Page},
        charts={c.id: c for c in values["charts.yaml"].charts},
        calculator=with_figures(
            values["calculator.yaml"], values["figures.yaml"].figures, language, words(language)
        ),
        redirects=tuple(values["redirects.yaml"].redirects),
        warnings=tuple(warnings),
        language=language,
    )


@dataclass
class Translated:
    """One language's edition of every file, and what was found laying it over the originals."""

    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    problems: list[Problem] = dataclasses.field(default_factory=list)  # stop the build
    pending: dict[str, list[Pending]] = dataclasses.field(default_factory=dict)  # by file
    #: By file, every text that has a translation: its path → (the original now, translation).
    texts: dict[str, dict[str, tuple[str, str]]] = dataclasses.field(default_factory=dict)
    made_from: dict[str, dict[str, Made]] = dataclasses.field(default_factory=dict)
    readers: list[Reader] = dataclasses.field(default_factory=list)
    shown_as: dict[str, str] = dataclasses.field(default_factory=dict)  # by file

    @property
    def warnings(self) -> list[Problem]:
        """What is pending, one line an item: publishable, shown in the original meanwhile."""
        return [
            pending_warning(self.shown_as[filename], p)
            for filename, found in self.pending.items()
            for p in found
        ]


def translate(directory: Path, language: str, values: dict[str, Any]) -> Translated:
    """Every file's values with their words taken from content/<language>/, the problems found
    (an extra text, a token or link the translation dropped or added, an item tied to nothing)
    and what is pending: a text not yet translated, or translated from an older original,
    which is shown in the original language meanwhile."""
    folder = directory / language
    found = Translated()
    made_from_path = folder / MADE_FROM_FILE
    if made_from_path.is_file():
        try:
            found.made_from = read_made_from(made_from_path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, KeyError, TypeError, AttributeError):
            found.problems.append(
                Problem(
                    display_path(made_from_path),
                    1,
                    1,
                    "",
                    "this file is damaged",
                    f"it is written by the tooling: restore it from version control (git checkout "
                    f"{display_path(made_from_path)}), then run python build.py translations --update",
                )
            )
    for filename, value in values.items():
        shown_as = found.shown_as[filename] = display_path(folder / filename)
        if value is Invalid:
            # its problems are reported in the original; the rules on words still read it
            found.values[filename] = Invalid
            if (folder / filename).is_file():
                root, _problems, text = read_yaml(folder / filename, shown_as)
                reader = Reader(shown_as, source=text)
                reader.texts.extend(texts_in(root) if root is not None else [])
                found.readers.append(reader)
            continue
        if not words_of(value):
            found.values[filename] = value  # nothing to translate (redirects)
            continue
        if not (folder / filename).is_file():
            found.values[filename] = untranslated(value)
            found.pending[filename] = [Pending("missing", "(the whole file)", _FILE_START)]
            continue
        root, read_problems, text = read_yaml(folder / filename, shown_as)
        reader = Reader(shown_as, source=text)
        reader.problems.extend(read_problems)
        found.values[filename] = Invalid  # until it reads; its problems say why
        if root is not None:
            translator = Translator(reader, language, found.made_from.get(filename))
            found.values[filename] = translator.record(value, root, "", root)
            found.pending[filename] = translator.pending
            found.texts[filename] = translator.translated
        found.readers.append(reader)
        found.problems += reader.problems
    if folder.is_dir():
        found.problems += check_unread_files(folder, values, also=(MADE_FROM_FILE,))
    return found


# A mark with no buffer has no pointer into it either (as libyaml's own): the stubs want an int.
_FILE_START = yaml.ScalarNode("tag:yaml.org,2002:null", "", yaml.Mark("", 0, 0, 0, None, cast(int, None)))

#: What each kind of pending translation means for readers, and what to do about it.
_PENDING: dict[str, tuple[str, str]] = {
    "missing": (
        "not translated yet: its pages show the English, marked, until it is",
        "translate it; python build.py translate LANGUAGE FILE prints the texts to start "
        "from, and python build.py translations lists what is left",
    ),
    "outdated": (
        "out of date: the English changed since it was translated (was: “{was}”; "
        "now: “{original}”); its pages show the English until it is translated again",
        "translate it again, then run python build.py translations --update",
    ),
    "unrecorded": (
        "not recorded as translated: which English it translates is unknown",
        "run python build.py translations --update, which records it",
    ),
    "unkeyed": (
        "the English item has no id, so nothing can be tied to it yet; its pages show it in English",
        "run python build.py translations --update, which writes one",
    ),
}


def pending_warning(shown_as: str, pending: Pending) -> Problem:
    message, hint = _PENDING[pending.state]
    mark = pending.at.start_mark
    was, now = changed_words(pending.was, pending.original)
    return Problem(
        shown_as,
        mark.line + 1,
        mark.column + 1,
        pending.path,
        "warning: " + message.format(was=was, original=now),
        hint,
    )


def changed_words(was: str, now: str, around: int = 3) -> tuple[str, str]:
    """The part of two texts that differs, with a few words either side: what a translator
    must look at first ("… database included accounts that …", "… database held accounts
    that …")."""
    old, new = was.split(), now.split()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    first = max(0, start - around)

    def excerpt(words: list[str], longest: int = 16) -> str:
        last = min(len(words) - max(0, end - around), first + longest)
        return ("… " if first else "") + " ".join(words[first:last]) + (" …" if last < len(words) else "")

    return excerpt(old), excerpt(new)


def _figures_in_words(value: Any, figures: dict[str, str]) -> Any:
    """The record with each {fig:id} token in a plain text (a title, a label: not a paragraph,
    which shows the figure as marked-up data) replaced by the figure's words."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    fields, hints = _declared(type(value))
    changes: dict[str, Any] = {}
    for name, f in fields.items():
        item = getattr(value, name)
        if isinstance(item, str) and not f.metadata.get("rich") and "{fig:" in item:
            changes[name] = type(item)(prose.FIGURE_TOKEN.sub(lambda m: figures[m[1]], item))
        elif isinstance(item, list) and item and dataclasses.is_dataclass(item[0]):
            changes[name] = [_figures_in_words(x, figures) for x in item]
        elif dataclasses.is_dataclass(item):
            changes[name] = _figures_in_words(item, figures)
    return dataclasses.replace(value, **changes) if changes else value


#: The file that defines each collection references can name.
DEFINED_IN = {
    "sources": "sources.yaml",
    "figures": "figures.yaml",
    "actors": "actors.yaml",
    "farms": "farms.yaml",
    "events": "timeline.yaml",
    "charts": "charts.yaml",
    "presets": "calculator.yaml",
}


def _valid(values: dict[str, Any], *filenames: str) -> bool:
    return all(values.get(name, Invalid) is not Invalid for name in filenames)


def check_schema_comments(directory: Path, files: dict[str, type]) -> list[Problem]:
    """Each file's first line points editors' IDEs at its JSON Schema."""
    problems = []
    for filename, kind in files.items():
        path = directory / filename
        try:
            first = path.read_text(encoding="utf-8-sig").splitlines()[:1]
        except (OSError, UnicodeDecodeError):
            continue  # reported by the loader
        if not first:
            continue  # an empty file is reported by the loader
        expected = f"{SCHEMA_COMMENT}schema/{schema_name(kind)}"
        if first != [expected]:
            problems.append(
                Problem(
                    display_path(path), 1, 1, "", "first line should name the schema", f"make it '{expected}'"
                )
            )
    return problems


def check_unread_files(directory: Path, files: dict[str, Any], also: tuple[str, ...] = ()) -> list[Problem]:
    """A YAML file the site does not read would be silently ignored: report it. Hidden files,
    other files (a README), the tooling's files (`also`) and subfolders such as schema/ are
    left alone."""
    problems = []
    for path in sorted(directory.iterdir()):
        if (
            path.name in files
            or path.name in also
            or path.name.startswith(".")
            or not path.is_file()
            or path.suffix.lower() not in (".yaml", ".yml")
        ):
            continue
        letters = re.match(r"[a-z]*", path.stem.lower())
        assert letters is not None  # [a-z]* matches any text, if only with nothing
        kind = letters[0] + ".yaml"  # farms-extra: farms.yaml
        where = (
            f"move its entries into {kind}"
            if kind in files
            else "move its entries into the file that holds their kind"
        )
        problems.append(
            Problem(
                display_path(path),
                1,
                1,
                "",
                "this file is not read by the site",
                f"{where}, then delete it; the files it reads are: {', '.join(sorted(files))}",
            )
        )
    return problems
