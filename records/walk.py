"""Walk every typed object in a record tree (the content), for rules that hold everywhere and
for the open data's table of citations."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, object) for every dataclass instance reachable from value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield path, value
        for f in dataclasses.fields(value):
            yield from walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}[{key!r}]")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")
