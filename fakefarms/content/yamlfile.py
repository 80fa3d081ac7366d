"""Read one YAML file into position-carrying nodes, or say precisely why not.

The loader works on PyYAML's composed nodes rather than plain Python values,
so that every later problem can name the line and column it comes from.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem

SCHEMA_COMMENT = "# yaml-language-server: $schema="


def read_yaml(path: Path, shown_as: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Return the document's root node, or None and the problems that stop it."""

    def problem(line: int, column: int, message: str, hint: str = "") -> Problem:
        return Problem(shown_as, line, column, "", message, hint)

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [problem(1, 1, "file is missing", f"create {path.name}")]
    except OSError as exc:
        return None, [problem(1, 1, f"cannot read file: {exc.strerror}", "check its permissions")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [problem(line, column, "file is not UTF-8 text",
                              "save it with UTF-8 encoding")]

    tabs = [
        problem(number, line.index("\t") + 1, "tab used for indentation",
                "indent with spaces only")
        for number, line in enumerate(text.splitlines(), 1)
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    if tabs:
        return None, tabs

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax error: {exc.problem}"
        if exc.context:
            message += f" ({exc.context})"
        return None, [problem(mark.line + 1, mark.column + 1, message,
                              "check indentation, colons and quotes near here")]
    except yaml.YAMLError as exc:
        return None, [problem(1, 1, f"YAML error: {exc}")]

    if root is None:
        return None, [problem(1, 1, "file is empty", "restore its content from version control")]
    return root, []
