"""Write the JSON Schemas that editors' IDEs use to check YAML as it is typed."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from fakefarms.content.loader import FILES, read_originals, schema_name
from records.schema import json_schema
from records.translation import words_of


def schemas() -> dict[str, str]:
    """Schema file name → its JSON text, for every content file type."""
    out = {}
    for kind in FILES.values():
        name = schema_name(kind)
        if name not in out:
            schema = json_schema(kind, f"Fake Farms content ({name})")
            out[name] = json.dumps(schema, indent=2, sort_keys=False) + "\n"
    return dict(sorted(out.items()))


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


class _Folded(yaml.SafeDumper):
    """Writes long texts folded over several lines, as editors write them."""


_Folded.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style=">" if len(text) > 70 else None
    ),
)


def translation_template(directory: Path, language: str, filename: str) -> str:
    """The words of one content file, in the shape of its translation file, for a translator
    to replace with their own language."""
    if filename not in FILES:
        raise ValueError(f"{filename} is not a content file; choose one of {', '.join(FILES)}")
    values, _warnings = read_originals(directory)
    return translation_file(language, filename, words_of(values[filename]))


def translation_file(language: str, filename: str, words: dict) -> str:
    """A translation file's text: its head, then its words."""
    head = (
        f"# The {language} words of {filename}: translate every text in place. Keep the ids "
        "(and each link's actor),\n# the {…} tokens and the addresses of links; facts "
        "(numbers, dates, sources) stay in the original file.\n"
    )
    return head + yaml.dump(words, Dumper=_Folded, allow_unicode=True, sort_keys=False, width=88)
