"""The content rules that span fields, files and languages: every one that `check` enforces
beyond each field's own declaration, applied to every language at once, each problem at
its file and line.

`RULES` lists them all, with where each is applied: here (`content`), on the site the
content makes (`site`: links and addresses, in `fakefarms.build.addresses`), or by the content
types themselves (`declared`: a response for every allegation). The tests call these same
rules rather than keeping rules of their own, and fail on a rule of theirs that is not
listed here.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from fakefarms.content.catalogs import catalog_problems, words
from fakefarms.content.model import Link
from records import prose
from records.errors import Problem
from records.facts import Figure
from records.files import display_path
from records.schema import Invalid, Prose, Reader, located

if TYPE_CHECKING:
    from fakefarms.content.loader import Edition

#: The folder in the content folder that holds what the copy and name rules compare against:
#: fingerprints only, so that neither the names nor the articles are published with the code.
FINGERPRINTS = "fingerprints"
NEVER_NAMED = "never-named.txt"
SOURCE_RUNS = "source-runs.txt"
#: A run of this many words shared with a source is a copied sentence.
RUN = 12


Stage = Literal["content", "site", "declared"]


@dataclass(frozen=True)
class Rule:
    """One editorial rule: what it asks, and where it is applied."""

    name: str
    asks: str
    stage: Stage
    apply: Callable[[list[Edition], Path], Iterable[Problem]] | None = None


RULES: dict[str, Rule] = {}


def rule(name: str, asks: str) -> Callable:
    """Register a content rule: a function of every edition (and the content folder) that
    yields problems."""

    def register(apply: Callable[[list[Edition], Path], Iterable[Problem]]):
        RULES[name] = Rule(name, asks, "content", apply)
        return apply

    return register


#: The rules applied where the content is read (each type's own check, and the loader's
#: checks across files), and on the site the content makes (fakefarms/addresses.py).
_BUILT_IN: list[tuple[str, Stage, str]] = [
    (
        "allegations-answered",
        "declared",
        "an alleged link names who alleges it, what it rests on "
        "and where it is reported, and carries the response; a link for which the source asked "
        "for comment carries the response",
    ),
    (
        "private-persons-unpaged",
        "declared",
        "a private person who is not an accused public "
        "actor gets no page, card or data row of their own: every person listed is marked as "
        "named in a public role",
    ),
    (
        "responses-whole",
        "declared",
        "a response that was asked for has every statement the "
        "source reports, and its citation; one not asked for has none",
    ),
    (
        "facts-cited",
        "declared",
        "every fact cites a source and the section of it; an "
        "editor's assumption cites none and is shown as one",
    ),
    (
        "references-resolve",
        "declared",
        "every id is unique, and every reference names a "
        "source, section, figure, person, farm or chart that exists",
    ),
    ("dates-as-given", "declared", "a date carries only the precision the source gives"),
    ("tiers-match-figures", "declared", "a calculator pay tier agrees with the key figure it names"),
    (
        "som-rate-from-figures",
        "declared",
        "the calculator's rate of som to the dollar comes "
        "from one amount a source gives in both currencies: a key figure in whole som and one in "
        "US dollars, each a single value, citing a source in common, and a monthly comparison "
        "with the dollar figure",
    ),
    (
        "translations-tied",
        "declared",
        "every translated text names the item it translates "
        "(never a position) and keeps the original's {…} tokens and links",
    ),
    (
        "no-invisible-characters",
        "declared",
        "no text holds a character that cannot be seen "
        "(a zero-width space), and no line is indented with anything but spaces",
    ),
    (
        "site-links-resolve",
        "site",
        "every link to a page of the site leads to a page it "
        "publishes, and to an anchor that page has; every page a correction lists exists",
    ),
    (
        "addresses-stay-published",
        "site",
        "no address the site has published disappears without a redirect, and no redirect leads nowhere",
    ),
]
for _name, _stage, _asks in _BUILT_IN:
    RULES[_name] = Rule(_name, _asks, _stage)


def check(editions: list[Edition], directory: Path) -> list[Problem]:
    """Every content rule's problems, in every language."""
    return [p for r in RULES.values() if r.apply for p in r.apply(editions, directory)]


def _texts(editions: list[Edition], *, skip: tuple[str, ...] = ()) -> Iterator[tuple[Reader, Prose]]:
    """Every text of every file in every language, with its reader (which places it)."""
    for edition in editions:
        for reader in edition.readers:
            if not reader.shown_as.endswith(skip):
                for text in reader.texts:
                    yield reader, text


def _at(reader: Reader, text: Prose, start: int, length: int, message: str, hint: str) -> Problem:
    return reader.at(located(text.node, text.text, start, length, reader.source), text.path, message, hint)


def _valid(edition: Edition, *filenames: str) -> bool:
    return all(edition.values.get(name, Invalid) is not Invalid for name in filenames)


# -- numbers -------------------------------------------------------------------------


@rule(
    "figures-not-retyped",
    "a key figure is written {fig:id} wherever it appears, in every language and every "
    "kind of text (titles and headings too), never typed out: a typed number does not "
    "follow a correction",
)
def _figures_not_retyped(editions: list[Edition], _directory: Path) -> Iterator[Problem]:
    if not _valid(editions[0], "figures.yaml"):
        return
    figures: list[Figure] = editions[0].values["figures.yaml"].figures
    # An amount of money is also caught as each language writes it («350 долларов»).
    written = {
        f.id: [f.number_text(e.language, words(e.language)) for e in editions]
        for f in figures
        if f.format == "usd"
    }
    spellings = prose.Spellings(
        {
            f.id: prose.spellings(f.value, f.low, f.high, f.format, f.hedge, f.wording)
            + written.get(f.id, [])
            for f in figures
        }
    )
    shown = {f.id: f.text() for f in figures}
    # a figure's own words, the sources' titles as published (and the parts of them that
    # facts cite), and the calculator's tiers (tied to their figures by a rule of their own)
    # name numbers by design
    for reader, text in _texts(editions, skip=("figures.yaml", "sources.yaml")):
        if reader.shown_as.endswith("calculator.yaml") and text.path.startswith("tiers["):
            continue
        for start, typed, figure_id in spellings.retyped(text.text):
            yield _at(
                reader,
                text,
                start,
                len(typed),
                f"'{' '.join(typed.split())}' retypes the key figure '{figure_id}'",
                f"write {{fig:{figure_id}}}, which shows “{shown[figure_id]}” and follows any change to it",
            )


#: Words a source uses for a number, and the number they mean (a percentage for "half").
WORDINGS: dict[str, float] = {
    "a dozen": 12,
    "dozens": 24,
    "half": 50,
    "a half": 50,
    "a third": 100 / 3,
    "a quarter": 25,
    "two thirds": 200 / 3,
    "three quarters": 75,
    "a hundred": 100,
    "a thousand": 1000,
}
_IN = re.compile(r"(\d+) in (\d+)")


@rule("wording-fits-value", "a figure's `wording` (a dozen, a third, 4 in 5) says the number its value gives")
def _wording_fits_value(editions: list[Edition], _directory: Path) -> Iterator[Problem]:
    edition = editions[0]
    if not _valid(edition, "figures.yaml"):
        return
    reader = next(r for r in edition.readers if r.shown_as.endswith("figures.yaml"))
    places = {t.path: t for t in reader.texts}
    for figure in edition.values["figures.yaml"].figures:
        if not figure.wording or figure.value is None:
            continue
        meant = _meaning(figure.wording)
        text = places[f"figures['{figure.id}'].wording"]
        if meant is None:
            yield _at(
                reader,
                text,
                0,
                len(figure.wording),
                f"warning: '{figure.wording}' is not a wording check knows",
                "add it to WORDINGS in fakefarms/content/rules.py with the number it means",
            )
        elif abs(meant - figure.value) > 0.5:
            yield _at(
                reader,
                text,
                0,
                len(figure.wording),
                f"'{figure.wording}' means {meant:g}, but the value is {figure.value:g}",
                "change the wording to fit the value, or remove it",
            )


def _meaning(wording: str) -> float | None:
    words = " ".join(wording.lower().split())
    if words in WORDINGS:
        return WORDINGS[words]
    found = _IN.fullmatch(words)
    return 100 * int(found[1]) / int(found[2]) if found and int(found[2]) else None


# -- interface words ---------------------------------------------------------------------


@rule(
    "catalogs-complete",
    "every interface string is translated in each language's catalog, keeps the English "
    "one's placeholders, and has every plural form the language needs",
)
def _catalogs_complete(editions: list[Edition], _directory: Path) -> Iterator[Problem]:
    for edition in editions[1:]:
        yield from catalog_problems(edition.language)


# -- people ----------------------------------------------------------------------------


@rule(
    "accused-not-priced",
    "no calculator tier, preset or comparison and no cost chart names a person or group a "
    "source accuses, or whose side it accuses (the person a farm with an allegation "
    "supported): an allegation is never priced, in any language",
)
def _accused_not_priced(editions: list[Edition], _directory: Path) -> Iterator[Problem]:
    for edition in editions:
        if not _valid(edition, "farms.yaml", "actors.yaml", "charts.yaml", "figures.yaml"):
            continue
        farms = edition.values["farms.yaml"].farms
        accused = {
            link.actor
            for farm in farms
            for link in farm.links
            if isinstance(link, Link) and link.kind in ("alleged", "asked")
        }
        sides = {
            link.actor
            for farm in farms
            for link in farm.links
            if link.kind == "supported" and any(other.kind == "alleged" for other in farm.links)
        }
        names = {
            _surname(a)
            for a in edition.values["actors.yaml"].actors
            if a.id in accused | sides and a.kind in ("person", "party")
        }
        money = {f.id for f in edition.values["figures.yaml"].figures if f.format == "usd"}
        priced = {f"charts['{c.id}']" for c in edition.values["charts.yaml"].charts if money & set(c.figures)}
        for reader in edition.readers:
            for text in reader.texts:
                calculator = reader.shown_as.endswith("calculator.yaml") and text.path.startswith(
                    ("presets[", "comparisons[", "tiers[")
                )
                chart = reader.shown_as.endswith("charts.yaml") and text.path.split(".")[0] in priced
                if not (calculator or chart):
                    continue
                for name in sorted(names):
                    for found in re.finditer(rf"\b{re.escape(name)}", text.text):
                        yield _at(
                            reader,
                            text,
                            found.start(),
                            len(name),
                            f"names {name}, "
                            "whom (or whose side) a source accuses: an allegation is "
                            "never priced",
                            "describe the department, not the person or party accused",
                        )


def _surname(actor) -> str:
    """How a text names a person (by surname: Atambayev, Атамбаева) or a party (by its first
    word: SDPK, Mekenim)."""
    words = re.findall(r"\w+", actor.name)
    return words[-1] if actor.kind == "person" else words[0]


def _normal_words(text: str) -> list[str]:
    """Words as the copy and name rules compare them: lower case, letters and digits, the
    apostrophe kept (as ../shared/tools/verbatim_check.py folds them)."""
    return [_folded(w) for w in _WORD.findall(text)]


def _folded(word: str) -> str:
    return word.lower().replace("’", "'")


_WORD = re.compile(r"[0-9a-zа-яёңөү$%]+(?:['’][a-z]+)?", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”\n]{0,160}”")


def fingerprint(words: Iterable[str]) -> str:
    return _fingerprint(" ".join(words))


@functools.lru_cache(maxsize=65536)  # a word or a name recurs across texts and languages
def _fingerprint(joined: str) -> str:
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def fingerprints(directory: Path, name: str) -> tuple[set[str], list[Problem]]:
    path = directory / FINGERPRINTS / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        command = (
            "python build.py never-name 'NAME'"
            if name == NEVER_NAMED
            else "python build.py source-runs ../shared/sources/*.txt"
        )
        return set(), [
            Problem(
                display_path(path),
                1,
                1,
                "",
                "the list this rule checks against is missing",
                f"restore it from version control, or write it: {command}",
            )
        ]
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}, []


def named_in(text: str, names: set[str]) -> Iterator[tuple[int, int]]:
    """Where `text` names someone whose name (one to three words) is among `names`
    (fingerprints)."""
    return _found(text, names, (3, 2, 1))


def copied_in(text: str, runs: set[str]) -> Iterator[tuple[int, int]]:
    """Where `text` shares a run of words with a source article (`runs`: fingerprints), a
    short quotation in “…” aside."""
    return _found(_QUOTED.sub(lambda m: " " * len(m.group(0)), text), runs, (RUN,))


def _found(text: str, known: set[str], lengths: tuple[int, ...]) -> Iterator[tuple[int, int]]:
    """Where a run of words of `text`, of one of the `lengths` (the longest first), has a
    fingerprint among `known`: (start, end) of each, none overlapping."""
    matches = list(_WORD.finditer(text))
    words = [_folded(m.group(0)) for m in matches]
    i = 0
    while i < len(words):
        for n in lengths:
            if i + n <= len(words) and _fingerprint(" ".join(words[i : i + n])) in known:
                yield matches[i].start(), matches[i + n - 1].end()
                i += n
                break
        else:
            i += 1


def _fingerprint_rule(
    name: str,
    asks: str,
    list_name: str,
    find: Callable[[str, set[str]], Iterator[tuple[int, int]]],
    message: str,
    hint: str,
) -> None:
    """A rule that looks in every text for what a list of fingerprints holds."""

    def apply(editions: list[Edition], directory: Path) -> Iterator[Problem]:
        known, missing = fingerprints(directory, list_name)
        yield from missing
        for reader, text in _texts(editions):
            for start, end in find(text.text, known):
                yield _at(reader, text, start, end - start, message, hint)

    RULES[name] = Rule(name, asks, "content", apply)


_fingerprint_rule(
    "never-named",
    "nobody on the never-named list (people whose photos fake profiles stole, "
    "commenters the source quotes) is named anywhere, in any language or spelling on the list",
    NEVER_NAMED,
    named_in,
    "names someone on the never-named list",
    f"describe them without their name, as 'a Kazakh artist'; the list is "
    f"content/{FINGERPRINTS}/{NEVER_NAMED}",
)
_fingerprint_rule(
    "not-copied",
    f"no run of {RUN} words is copied from the two source articles, in any text "
    "(a short quotation in “…” aside)",
    SOURCE_RUNS,
    copied_in,
    f"{RUN} or more words copied from a source article",
    "say it in your own words, or quote a few words in “…”",
)


_HEADS = {
    NEVER_NAMED: "# Fingerprints of the names the site must never show (people whose photos fake\n"
    "# profiles stole, commenters the source quotes), one a line: a name is not\n"
    "# kept here, only its fingerprint. Add one with: python build.py never-name 'NAME'\n",
    SOURCE_RUNS: f"# Fingerprints of every run of {RUN} words in the two source articles, for the\n"
    "# copy rule; the articles are not kept here. Written by:\n"
    "# python build.py source-runs ../shared/sources/*.txt\n",
}


def write_source_runs(directory: Path, texts: Iterable[str]) -> int:
    """Keep the fingerprints of every run of words in the source articles; how many."""
    found: set[str] = set()
    for text in texts:
        words = _normal_words(text)
        found.update(fingerprint(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    return _write(directory, SOURCE_RUNS, found)


def add_never_named(directory: Path, names: Iterable[str]) -> int:
    """Add names (each spelling a name may take) to the never-named list; how many it holds."""
    known, _missing = fingerprints(directory, NEVER_NAMED)
    for name in names:
        words = _normal_words(unicodedata.normalize("NFC", name))
        if not 1 <= len(words) <= 3:
            raise ValueError(f"'{name}': give a name of one to three words")
        known.add(fingerprint(words))
    return _write(directory, NEVER_NAMED, known)


def _write(directory: Path, name: str, fingerprints: set[str]) -> int:
    path = directory / FINGERPRINTS / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(_HEADS[name] + "".join(f"{f}\n" for f in sorted(fingerprints)), encoding="utf-8")
    return len(fingerprints)


def table() -> str:
    """The rules as EDITING.md lists them (a test keeps the two the same)."""
    where = {
        "declared": "as each file is read",
        "content": "across files and languages",
        "site": "on the pages the content makes",
    }
    rows = [f"| `{r.name}` | {r.asks} | {where[r.stage]} |" for r in RULES.values()]
    return "\n".join(["| rule | what it asks | checked |", "| --- | --- | --- |", *rows]) + "\n"
