"""The calculator's inputs, declared once.

Each input has the model's name, the name it takes in the page's address (a public
interface: shared links use it), and its kind. Everything else follows this table: the
model's `Inputs` (its fields spelt out for the type checker; a test keeps them in step), the
presets' fields that may be assumed, `validate()`'s order, the command line's options, the
page's form, its address format and the JSON the browser reads.
Labels, limits and sources are content, in content/calculator.yaml under `inputs:`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["count", "money", "choice"]


@dataclass(frozen=True)
class Input:
    name: str  # the model's, the YAML's and the command line's (with dashes) name
    query: str  # the name in the page's address
    kind: Kind  # a whole number, whole US dollars, or one id of `choices`
    choices: str | None = None  # for a choice: the list of calculator.yaml it names an id of
    pay: bool = False  # one of the two ways to give pay: a tier or a custom amount, not both
    optional: bool = False  # absent means 0
    preset: bool = True  # whether presets set it; if not, a preset's value is 0
    metavar: str = "N"

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def counted(self) -> bool:
        """A whole number the reader types, with limits in calculator.yaml."""
        return self.kind != "choice"

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "query": self.query,
            "kind": self.kind,
            "choices": self.choices,
            "pay": self.pay,
            "optional": self.optional,
            "preset": self.preset,
        }


INPUTS: tuple[Input, ...] = (
    Input("staff", "staff", "count"),
    Input("accounts_per_person", "accounts", "count"),
    Input("language", "language", "choice", choices="languages", metavar="ID"),
    # a percentage the reader assumes; the languages say how much of it applies to each
    Input("russian_extra", "russian_extra", "count", optional=True, preset=False, metavar="PERCENT"),
    Input("tier", "tier", "choice", choices="tiers", pay=True, metavar="ID"),
    Input("pay", "pay", "money", pay=True, metavar="USD"),
    Input("bloggers", "bloggers", "count", optional=True),
    Input("supervisors", "supervisors", "count", optional=True),
)
NAMES: tuple[str, ...] = tuple(i.name for i in INPUTS)
#: The inputs a preset sets (the rest are the reader's own, 0 in every preset).
PRESET_NAMES: tuple[str, ...] = tuple(i.name for i in INPUTS if i.preset)
COUNTED: tuple[str, ...] = tuple(i.name for i in INPUTS if i.counted)
BY_NAME: dict[str, Input] = {i.name: i for i in INPUTS}
