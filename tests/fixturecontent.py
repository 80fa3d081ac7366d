"""The test fixture's content with a "Russian" translation of its own, for tests that read
both languages: every text is translated as `pseudo(English)`, so a text tied to the wrong
item shows at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from fakefarms.content.loader import read_originals
from fakefarms.content.translations import update
from records.translation import words_of

FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"


def pseudo(text: str) -> str:
    """The fixture's "Russian": a function of the English. Tokens and links stay as they are."""
    return f"⟦{text}⟧"


def with_translations(directory: Path) -> Path:
    """`directory`'s site declares a Russian translation (of which nothing is written yet)."""
    site = directory / "site.yaml"
    if "translations:" not in site.read_text(encoding="utf-8"):
        site.write_text(site.read_text(encoding="utf-8") + "translations: [ru]\n", encoding="utf-8")
    return directory


def write_pseudo_translation(directory: Path) -> None:
    """A Russian file for each English one that holds words, every text `pseudo(English)`."""
    values, _ = read_originals(directory)

    def wrap(value):
        if isinstance(value, str):
            return pseudo(value)
        if isinstance(value, list):
            return [wrap(v) for v in value]
        return {k: (v if k in ("id", "actor") else wrap(v)) for k, v in value.items()}

    (directory / "ru").mkdir(exist_ok=True)
    for filename, value in values.items():
        if words := words_of(value):
            (directory / "ru" / filename).write_text(
                yaml.safe_dump(wrap(words), allow_unicode=True, sort_keys=False), encoding="utf-8"
            )


def translated_copy(target: Path) -> Path:
    """A copy of the fixture at `target`, translated, every translation recorded as made from
    the English of now."""
    with_translations(shutil.copytree(FIXTURE_CONTENT, target))
    update(target)  # ids for the fixture's paragraphs and statements
    write_pseudo_translation(target)
    update(target)
    return target
