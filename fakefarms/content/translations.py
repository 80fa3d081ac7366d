"""`build.py translations`: what is translated, missing or out of date, per file and language;
with `--update`, the tooling's part of translating: ids for new items, and the record of
which English each translation was made from.

Translators write words; the tooling writes everything that ties them: an id for each new
item of a translated list (written into the original, so the translation can name it), and
`content/<language>/translated-from.yaml`. Nobody types either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fakefarms.content.loader import FILES, Translated, read_originals, translate
from records.errors import ContentError
from records.files import display_path
from records.translation import (
    MADE_FROM_FILE,
    NewKey,
    Pending,
    dump_made_from,
    new_keys,
    stamp,
    with_keys,
)
from records.yamlfile import read_yaml


@dataclass
class FileStatus:
    """One translation file's state: how many texts are translated, and what is pending."""

    filename: str
    translated: int = 0  # up to date
    pending: list[Pending] = field(default_factory=list)

    def count(self, *states: str) -> int:
        return sum(p.state in states for p in self.pending)


def status(directory: Path) -> dict[str, list[FileStatus]]:
    """Per language, per content file: what is translated and what is pending."""
    values, _warnings = read_originals(directory)
    out = {}
    for language in values["site.yaml"].translations:
        found = _translated(directory, language, values)
        out[language] = [_file_status(filename, found) for filename in FILES if filename in found.pending]
    return out


def _file_status(filename: str, found: Translated) -> FileStatus:
    pending = found.pending[filename]
    held_back = {p.path for p in pending if p.state == "outdated"}
    return FileStatus(filename, len(set(found.texts.get(filename, {})) - held_back), pending)


def report(directory: Path) -> str:
    """The status as editors and translators read it: counts per file, then each text that
    is out of date with the English it was translated from beside the English of now."""
    lines = []
    for language, files in status(directory).items():
        lines.append(
            f"{language}: {'file':<18} {'translated':>10} {'out of date':>12} "
            f"{'missing':>8} {'unrecorded':>11}"
        )
        for f in files:
            lines.append(
                f"{language}: {f.filename:<18} {f.translated:>10} "
                f"{f.count('outdated'):>12} {f.count('missing', 'unkeyed'):>8} "
                f"{f.count('unrecorded'):>11}"
            )
        totals = [sum(f.translated for f in files)] + [
            sum(f.count(*states) for f in files)
            for states in (("outdated",), ("missing", "unkeyed"), ("unrecorded",))
        ]
        lines.append(
            f"{language}: {'all files':<18} {totals[0]:>10} {totals[1]:>12} {totals[2]:>8} {totals[3]:>11}"
        )
        for f in files:
            for p in f.pending:
                shown = display_path(directory / language / f.filename)
                line = p.at.start_mark.line + 1
                if p.state == "outdated":
                    lines += [
                        "",
                        f"{shown}:{line}: {p.path}: out of date",
                        f"  English then: {p.was}",
                        f"  English now:  {p.original}",
                        f"  {language}:           {p.translation}",
                    ]
                elif p.state in ("missing", "unkeyed"):
                    lines.append(f"{shown}:{line}: {p.path}: not translated yet")
                else:
                    lines.append(f"{shown}:{line}: {p.path}: not recorded: run --update")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


@dataclass
class Updated:
    """What `update` wrote."""

    keys: list[str] = field(default_factory=list)  # "content/farms.yaml:12: path: wrote id p3"
    recorded: int = 0
    still_outdated: list[str] = field(default_factory=list)  # "ru: farms.yaml path"


def update(directory: Path, accept: Sequence[str] = ()) -> Updated:
    """Write an id into each item of a translated list that lacks one, then record which
    English each translation was made from (new and revised translations; an out-of-date one
    only where its path matches an `accept` pattern, e.g. "farms.yaml:farms['x'].*")."""
    done = Updated()
    values, _warnings = read_originals(directory)
    if not values["site.yaml"].translations:
        return done
    done.keys = write_new_keys(directory, values)
    if done.keys:
        values, _warnings = read_originals(directory)
    for language in values["site.yaml"].translations:
        found = _translated(directory, language, values)
        made_from = {}
        for filename, texts in found.texts.items():

            def accepted(p: str, f: str = filename) -> bool:
                return any(_matches(a, f"{f}:{p}") for a in accept)

            made_from[filename], stamped = stamp(found.made_from.get(filename, {}), texts, accepted)
            done.recorded += len(stamped.recorded)
            done.still_outdated += [f"{language}: {filename} {p}" for p in stamped.still_outdated]
        if (directory / language).is_dir():
            (directory / language / MADE_FROM_FILE).write_text(
                dump_made_from(made_from, language), encoding="utf-8"
            )
    return done


def write_new_keys(directory: Path, values: dict) -> list[str]:
    """Write an id into each item of a translated list that has none, in the original files;
    one line for each id written."""
    written = []
    for filename in FILES:
        path = directory / filename
        root, _problems, text = read_yaml(path, display_path(path))
        keys: list[NewKey] = new_keys(values[filename], root)
        if keys:
            path.write_text(with_keys(text, keys), encoding="utf-8")
            written += [
                f"{display_path(path)}:{k.node.start_mark.line + 1}: {k.path}: wrote {k.field} {k.value}"
                for k in keys
            ]
    return written


def _translated(directory: Path, language: str, values: dict) -> Translated:
    """One language's translation; a translation that cannot be read stops here, with every
    problem, as it stops `check`."""
    found = translate(directory, language, values)
    if found.problems:
        raise ContentError(found.problems)
    return found


def _matches(pattern: str, path: str) -> bool:
    """Whether a path matches a pattern in which only * is special (paths hold brackets):
    "farms.yaml:farms['pro-matraimov'].*"."""
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), path) is not None
