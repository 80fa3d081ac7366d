"""Read one YAML file into position-carrying nodes, or say precisely why not.

The loader works on PyYAML's composed nodes rather than plain Python values,
so that every later problem can name the line and column it comes from.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .errors import Problem

#: libyaml's loader where PyYAML was built with it, the pure-Python one otherwise.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SCHEMA_COMMENT = "# yaml-language-server: $schema="

#: How to write a quotation mark inside text quoted with it.
QUOTE_INSIDE_QUOTES = {
    "'": "inside '…' write an apostrophe as two ('') or put the whole text in \"…\" instead",
    '"': 'inside "…" write a quotation mark as \\" or put the whole text in \'…\' instead',
}
#: A line that begins with a field name, up to its colon.
FIELD_LINE = re.compile(r"(?P<indent> *)(?:- +)?(?P<name>[A-Za-z_][\w-]*)")


def read_yaml(path: Path, shown_as: str) -> tuple[yaml.Node | None, list[Problem], str]:
    """Return the document's root node, or None and the problems that stop it; and the text
    read, against which later problems are placed."""

    def problem(line: int, column: int, message: str, hint: str = "") -> Problem:
        return Problem(shown_as, line, column, "", message, hint)

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [problem(1, 1, "file is missing", f"create {path.name}")], ""
    except OSError as exc:
        return None, [problem(1, 1, f"cannot read file: {exc.strerror}", "check its permissions")], ""
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad starts UTF-8 files with a byte-order mark
    except UnicodeDecodeError as exc:
        before = exc.object[: exc.start].decode("utf-8-sig")  # the text up to the first bad byte
        row, column = _place(before, len(before))
        return None, [problem(row, column, "file is not UTF-8 text", "save it with UTF-8 encoding")], ""

    indents = []
    for number, line in enumerate(text.split("\n"), 1):
        indent = line[: len(line) - len(line.lstrip())]
        odd = next((i for i, c in enumerate(indent) if c != " "), None)
        if odd is not None and indent[odd] not in "\r":
            indents.append(
                problem(
                    number,
                    odd + 1,
                    f"{describe(indent[odd])} used for indentation at column {odd + 1}",
                    "indent with ordinary spaces only: delete it and type spaces",
                )
            )
    if indents:
        return None, indents, text

    try:
        # libyaml's parser keeps every node's position and is several times faster.
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        # The pure-Python parser's errors are the ones explain_syntax_error knows.
        try:
            yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            return None, [problem(*explain_syntax_error(exc, text))], text
        except yaml.reader.ReaderError as exc:  # a character YAML allows nowhere, such as U+0007
            row, column = _place(text, exc.position)
            message = f"{describe(chr(exc.character))}, which a YAML file cannot hold"
            hint = "delete it: it cannot be seen, but the file cannot be read with it"
            return None, [problem(row, column, message, hint)], text
        raise  # libyaml refused what the pure-Python parser accepts: not an editor's mistake

    if root is None:
        return None, [problem(1, 1, "file is empty", "restore its content from version control")], text
    return root, [], text


def _place(text: str, at: int) -> tuple[int, int]:
    """The line and the column (both from 1, in characters) of offset `at` in `text`."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


#: Characters that show as nothing, or as an ordinary space, beside the ones YAML expects.
_PLAIN = set(" \n\r")


def invisible(text: str, *, in_words: bool = False) -> list[tuple[int, str]]:
    """Where `text` holds a character an editor cannot see (a zero-width space, a direction
    mark, a control character) or cannot tell from a space (a no-break space, a tab), with
    the character. In words (`in_words`) no-break spaces are typography and allowed."""
    found = []
    for i, c in enumerate(text):
        if c in _PLAIN:
            continue
        kind = unicodedata.category(c)
        if kind in ("Cf", "Cc", "Zl", "Zp") or (
            kind == "Zs" and not (in_words and c in "\u00a0\u202f\u2009")
        ):
            found.append((i, c))
    return found


def describe(char: str) -> str:
    """A character an editor cannot see, by its name: 'a no-break space (U+00A0)'."""
    names = {"\t": "a tab", "\ufeff": "a byte-order mark"}
    name = unicodedata.name(char, "control character").lower()
    article = "an" if name[0] in "aeio" else "a"  # an ideographic space, an en space
    return f"{names.get(char) or f'{article} {name}'} (U+{ord(char):04X})"


def explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """PyYAML's complaint in an editor's words: (line, column, message, hint), pointing at
    the mistake itself, which is often before the place where PyYAML gave up."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    assert mark is not None  # PyYAML marks every syntax error with at least one of the two
    lines = text.splitlines()
    line_text = lines[mark.line] if mark.line < len(lines) else ""

    if context == "while scanning a quoted scalar" and problem.startswith(
        ("found unexpected end of stream", "found unexpected document separator")
    ):
        opened = exc.context_mark
        assert opened is not None  # a scanning context always has its mark
        quote = text[opened.index]
        return (
            opened.line + 1,
            opened.column + 1,
            f"the quote {quote} that opens here is never closed",
            f"add a closing {quote} at the end of the text",
        )

    quoted = _quoted_text_followed_by_more(text)
    if quoted is not None:
        opened, closed = quoted.start_mark, quoted.end_mark
        quote = text[opened.index]
        if opened.line != closed.line:
            return (
                opened.line + 1,
                opened.column + 1,
                f"the quote {quote} that opens here is not closed on its line, so the text "
                f"runs on to the next {quote}, on line {closed.line + 1}",
                f"add a closing {quote} at the end of the text",
            )
        return (
            closed.line + 1,
            closed.column,
            f"the quoted text ends at this {quote}, but more text follows it",
            QUOTE_INSIDE_QUOTES[quote],
        )

    if problem.startswith("mapping values are not allowed"):
        field = FIELD_LINE.fullmatch(line_text[: mark.column])
        if field is None:
            return (
                mark.line + 1,
                mark.column + 1,
                'the text contains ": " (a colon and a space), which YAML reads as the start of a new field',
                "put the whole text in quotes, or write >- after the field's colon and the "
                "text on the lines below it, indented",
            )
        name, indent = field["name"], len(field["indent"])
        above = next((t for t in reversed(lines[: mark.line]) if t.strip()), "")
        where = (mark.line + 1, field.start("name") + 1)
        if indent > len(above) - len(above.lstrip(" -")):
            return (
                *where,
                f"'{name}:' on line {mark.line + 1} is indented further than the "
                "line above it, so it reads as more of that line's text",
                "line it up with the other fields of the same entry; if it is text, put "
                "the whole text in quotes",
            )
        return (
            *where,
            f"'{name}:' on line {mark.line + 1} reads as more of the text above it",
            "a field needs a space after its colon (name: text): check the lines above",
        )

    if context == "while scanning a simple key":
        start = exc.context_mark
        assert start is not None  # a scanning context always has its mark
        return (
            start.line + 1,
            start.column + 1,
            f"line {start.line + 1} is neither a field "
            "(name: text) nor indented as more of the text above it",
            "a field needs a space after its colon; text that goes on to a new line is "
            "indented further than its field name",
        )

    if (
        problem.startswith(("expected <block end>", "did not find expected"))
        and not line_text[: mark.column].strip()
    ):
        return (
            mark.line + 1,
            mark.column + 1,
            f"line {mark.line + 1} is indented differently from the lines above it",
            "line each field up with the other fields of the "
            "same entry, and each '-' with the other items of the same list, using spaces",
        )

    if context in ("while scanning an alias", "while scanning an anchor"):
        assert exc.context_mark is not None  # a scanning context always has its mark
        return _reserved_first_character(exc.context_mark, text)
    if problem.endswith("that cannot start any token") or problem.startswith("found undefined alias"):
        return _reserved_first_character(mark, text)

    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    return mark.line + 1, mark.column + 1, message, "check indentation, colons and quotes near here"


def _reserved_first_character(mark: yaml.Mark, text: str) -> tuple[int, int, str, str]:
    return (
        mark.line + 1,
        mark.column + 1,
        f"text cannot start with {text[mark.index]} unless it is in quotes",
        "put the whole text in quotes",
    )


def _quoted_text_followed_by_more(text: str) -> yaml.ScalarToken | None:
    """The quoted text that more text follows directly, as in 'Kloop's', or in a quote left
    open until the next quotation mark; valid YAML never has two texts in a row."""
    previous = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (
                isinstance(token, yaml.ScalarToken)
                and isinstance(previous, yaml.ScalarToken)
                and previous.style in QUOTE_INSIDE_QUOTES
            ):
                return previous
            previous = token
    except yaml.YAMLError:
        pass  # the scan stops at the error being explained; what came before it is enough
    return None
