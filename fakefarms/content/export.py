"""Write the JSON Schemas that editors' IDEs use to check YAML as it is typed."""

from __future__ import annotations

import json
from pathlib import Path

from records.schema import json_schema

from .loader import FILES, schema_name


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
