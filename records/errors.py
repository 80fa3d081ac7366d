"""Problems found in content, reported to editors as one line each, and the one type of error
that everything an editor or a user should read is raised as."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a content file, with where it is and how to fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


class UserError(Exception):
    """Something an editor or a user can fix, said in their words: the command line prints
    `lines()` (one line each, no traceback) and stops with status 1. Anything else that is
    raised is a bug."""

    def lines(self) -> list[str]:
        return [f"error: {self}"]


class ContentError(UserError):
    """Raised when content cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem], note: str = ""):
        self.problems = sorted(problems)
        self.note = note  # what could not be checked because of them
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [
            *(str(p) for p in self.problems),
            f"{len(self.problems)} problem(s); nothing was built.",
            *([f"note: {self.note}"] if self.note else []),
        ]
