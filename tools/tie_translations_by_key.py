"""One-time migration (December 2026): tie every translated text to its item by key, not by
position, and record which English each translation was made from.

Until then, the items of a list whose kind had no id (a farm's links, a response's
statements, paragraphs, a source's contributors, corrections) were matched to their
translations by position, and a chart's labels by their order. This script, run once on a
content folder in that older shape:

1. writes an id into each such English item that has none (`python build.py translations
   --update` does the same for new items from now on);
2. rewrites each translation file so that every item names its English item (`id`, or a
   link's `actor`, a contributor's `name`), taken from the item at the same position, which
   is what the site showed until now; labels go under the ids of the figures they label; the
   fake-account names, which are not translated, leave the translation;
3. records every translation as made from the English of now.

The site it builds is the same, page for page: the tests run it on a copy of the test
content in the older shape and check every tie.

    python tools/tie_translations_by_key.py [CONTENT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fakefarms.content.export import translation_file  # noqa: E402
from fakefarms.content.loader import FILES, read_originals  # noqa: E402
from fakefarms.content.translations import update, write_new_keys  # noqa: E402
from records.schema import _declared, item_key  # noqa: E402
from records.translation import _list_key, _record_type, is_words  # noqa: E402


def migrate(directory: Path) -> None:
    values, _warnings = read_originals(directory)
    write_new_keys(directory, values)
    values, _warnings = read_originals(directory)
    for language in values["site.yaml"].translations:
        for filename in FILES:
            path = directory / language / filename
            if not path.is_file():
                continue
            words = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            path.write_text(
                translation_file(language, filename, tied(values[filename], words)), encoding="utf-8"
            )
    update(directory)  # records every translation as made from the English of now


def tied(value: Any, words: dict) -> dict:
    """The translation `words` of the record `value`, each list item named by its key."""
    fields, hints = _declared(type(value))
    out = {}
    for name, given in words.items():
        f = fields.get(name)
        if name == item_key(type(value)):
            out[name] = given
            continue
        if f is None:
            out[name] = given  # reported by check, as before
            continue
        original = getattr(value, name)
        cls = _record_type(hints[name])
        if is_words(f, hints[name]):
            out[name] = (
                dict(zip(getattr(value, f.metadata["keyed_by"]), given, strict=True))
                if isinstance(given, list)
                else given
            )
        elif cls is None:
            continue  # no longer translated: the same in every language
        elif not isinstance(original, list):
            out[name] = tied(original, given)
        else:
            key = _list_key(cls)
            if all(key in item for item in given):
                by_key = {getattr(o, key): o for o in original}
                out[name] = [tied(by_key[item[key]], item) for item in given]
            else:  # the older shape: the item at the same position
                out[name] = [
                    {key: getattr(o, key), **tied(o, item)} for o, item in zip(original, given, strict=False)
                ]
    return out


if __name__ == "__main__":
    migrate(Path(sys.argv[1] if len(sys.argv) > 1 else "content").resolve())
