"""Reading a set of record files, and the checks that span them: ids unique, references known."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from .errors import Problem
from .schema import Invalid, Reader, Use
from .yamlfile import read_yaml


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def read_file(directory: Path, filename: str, kind: type) -> tuple[Any, Reader]:
    """Read and convert one file; the value is Invalid when it has problems."""
    shown_as = display_path(directory / filename)
    root, problems, text = read_yaml(directory / filename, shown_as)
    reader = Reader(shown_as, source=text)
    reader.problems.extend(problems)
    if root is None:
        return Invalid, reader
    return reader.record(root, kind, ""), reader


def cross_check(
    readers: list[Reader], checkable: set[str], sections: dict[str, set[str]] | None = None
) -> list[Problem]:
    """Ids unique within their collection, and every reference to a `checkable` collection
    (one whose defining file was read without problems) naming a record that exists;
    `sections` maps each source to its section ids, for citations."""
    problems: list[Problem] = []
    defined: dict[str, dict[str, Use]] = {}
    for use in (k for r in readers for k in r.keys):
        seen = defined.setdefault(use.collection, {})
        if use.value in seen:
            first = seen[use.value].problem_at
            problems.append(
                at(
                    use,
                    f"duplicate id '{use.value}'",
                    f"already used at {first.path}:{first.line}; ids must be unique",
                )
            )
        else:
            seen[use.value] = use
    for use in (u for r in readers for u in r.refs):
        if use.collection == "sections":
            source = use.parent_source
            sections_of = (sections or {}).get(source) if source is not None else None
            if sections_of is not None and use.value not in sections_of:
                problems.append(
                    at(
                        use,
                        f"source '{use.parent_source}' has no section '{use.value}'",
                        suggest(use.value, sections_of),
                    )
                )
        elif use.collection in checkable:
            known = defined.get(use.collection, {})
            if use.value not in known:
                noun = use.collection.rstrip("s")
                problems.append(at(use, f"unknown {noun} '{use.value}'", suggest(use.value, known)))
    return problems


def suggest(value: str, known) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "known: " + ", ".join(sorted(known)[:8]) + (" …" if len(known) > 8 else "")


def at(use: Use, message: str, hint: str) -> Problem:
    """A problem at the place a reference or id was read."""
    p = use.problem_at
    return Problem(p.path, p.line, p.column, p.field, message, hint)
