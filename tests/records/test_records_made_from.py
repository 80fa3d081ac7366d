"""The record of what each translation was made from (`<language>/translated-from.yaml`): the
file the tooling writes, in a stable form that reads well in a diff and reads back the same;
the fingerprints it keeps, which must stay the same from one version to the next; and what
`stamp` reports as recorded or still out of date."""

from __future__ import annotations

import yaml

from fakefarms.content.translations import update
from records.translation import MADE_FROM_FILE, Made, dump_made_from, read_made_from, stamp
from tests.fixturecontent import translated_copy

LONG = (
    "Above all, Kloop found that the accounts posted the same messages within minutes of each "
    "other, and that most were made in one week."
)

MADE = {
    "farms.yaml": {
        "farms['x'].summary": Made(LONG, "0123456789"),
        "farms['x'].name": Made("The farm’s name — short", "abcdef0123"),
    },
    "actors.yaml": {"actors['a'].role": Made("Journalist", "975c8baf29")},
    "site.yaml": {},
}

WRITTEN = """\
# Written by `python build.py translations --update`; never edit it by hand. For each ru text: the
# English it was translated from, and a fingerprint of the translation then. When the English
# changes, `check` reports the translation as out of date and pages show the English until it
# is translated again.
actors.yaml:
  actors['a'].role:
    from: Journalist
    translation: 975c8baf29
farms.yaml:
  farms['x'].name:
    from: The farm’s name — short
    translation: abcdef0123
  farms['x'].summary:
    from: >-
      Above all, Kloop found that the accounts posted the same messages within minutes of each other,
      and that most were made in one week.
    translation: 0123456789
"""


def test_the_file_is_written_sorted_with_long_texts_folded_and_letters_as_they_are():
    """Files and texts in order, a file with nothing recorded left out, long English folded
    over lines of about 100 columns, typographic letters written as themselves."""
    assert dump_made_from(MADE, "ru") == WRITTEN


def test_the_file_reads_back_as_written():
    assert read_made_from(dump_made_from(MADE, "ru")) == {k: v for k, v in MADE.items() if v}


def test_the_file_reads_where_pyyaml_has_no_libyaml(monkeypatch):
    """PyYAML built without libyaml has no CSafeLoader: the file still reads."""
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert read_made_from(WRITTEN)["actors.yaml"] == {"actors['a'].role": Made("Journalist", "975c8baf29")}


def test_fingerprints_are_those_earlier_versions_wrote():
    """translated-from.yaml files are kept in version control: a fingerprint recorded by an
    earlier version must still match the same translation, or every untouched out-of-date
    translation would pass for a revised one."""
    records, _report = stamp({}, {"p": ("Former official.", "⟦Former official.⟧")})
    assert records == {"p": Made("Former official.", "01c39fbc27")}
    records, _report = stamp({}, {"p": ("Former official.", "Бывший чиновник.")})
    assert records["p"].translation == "57dfbf0837"


def test_stamp_reports_what_it_recorded_and_what_stays_out_of_date():
    before = {
        "same": Made("Same English", stamp({}, {"x": ("", "Тот же перевод")})[0]["x"].translation),
        "revised": Made("Old English", "0000000000"),
        "untouched": Made("Old English", stamp({}, {"x": ("", "Старый перевод")})[0]["x"].translation),
        "gone": Made("Removed English", "1111111111"),
    }
    translated = {
        "same": ("Same English", "Тот же перевод"),
        "new": ("New English", "Новый перевод"),
        "revised": ("New English", "Новый перевод"),
        "untouched": ("New English", "Старый перевод"),
    }
    records, report = stamp(before, translated)
    assert report.recorded == ["new", "revised"]
    assert report.still_outdated == ["untouched"]
    assert sorted(records) == ["new", "revised", "same", "untouched"]  # "gone" is dropped
    assert records["untouched"] == before["untouched"]  # still out of date
    assert records["same"] == before["same"]
    # the editor accepts the English change as keeping the meaning
    records, report = stamp(before, translated, accept=lambda path: path == "untouched")
    assert report.recorded == ["new", "revised", "untouched"] and report.still_outdated == []
    assert records["untouched"].original == "New English"


def test_update_counts_only_new_or_revised_translations_and_names_what_stays_outdated(tmp_path):
    directory = translated_copy(tmp_path / "content")
    farms = directory / "farms.yaml"
    text = farms.read_text(encoding="utf-8")
    assert "summary: Accounts that defended the Matraimovs." in text
    farms.write_text(
        text.replace("Accounts that defended the Matraimovs.", "Accounts that defended them."),
        encoding="utf-8",
    )
    done = update(directory)
    assert done.recorded == 0
    assert done.still_outdated == ["ru: farms.yaml farms['pro-matraimov'].summary"]
    written = (directory / "ru" / MADE_FROM_FILE).read_text(encoding="utf-8")
    assert "from: Accounts that defended the Matraimovs." in written  # kept as it was


def test_an_original_that_reads_as_a_number_is_read_as_text():
    """A hand-edited record whose English reads as a number in YAML (`from: 2019`) is the text
    "2019", so it compares with the English of now instead of stopping the check."""
    made = read_made_from("farms.yaml:\n  farms['f'].period:\n    from: 2019\n    translation: 0123456789\n")
    assert made == {"farms.yaml": {"farms['f'].period": Made("2019", "0123456789")}}
