"""The open data's Data Package and tables, worked out directly from the fixture content (no site
build): the exact resources, Table Schemas, titles and licence a reader of datapackage.json relies
on, in English and in the translation's language, and the CSV a small table writes.

The golden values below were read from the fixture content and checked by hand: a change to a
table's columns, keys or notes changes them on purpose, and then this table is updated with it.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from fakefarms.content import load_content
from fakefarms.outputs.opendata import LICENCE, TABLES, Column, OpenTable, _ids, datapackage
from records.facts import Citation
from tests.fixturecontent import FIXTURE_CONTENT, translated_copy


@pytest.fixture(scope="module")
def english():
    return load_content(FIXTURE_CONTENT)


@pytest.fixture(scope="module")
def russian(tmp_path_factory):
    content = load_content(translated_copy(tmp_path_factory.mktemp("opendata") / "content"))
    return content.translations["ru"]


CITATIONS_NOTE = "where %s comes from: source#section, separated by '; ' (see citations.csv for each field)"

#: Each table's resource: (name, title, description), in English.
RESOURCES = [
    ("farms", "Farms", "The groups of fake accounts the investigations describe."),
    ("actors", "People and groups", "Everyone the investigations name in connection with the farms."),
    (
        "links",
        "Links between farms and people",
        "How each person or group is connected to a farm, with any allegation, who made it, what it "
        "rests on, and the response, in full.",
    ),
    ("events", "Timeline", "Dated events, as precise as the sources give them."),
    ("figures", "Key figures", "Every number the site reports, with its hedge."),
    ("sources", "Sources", "The published reports every fact comes from."),
    (
        "citations",
        "Citations",
        "Each citation: which field of which record rests on which part of which source.",
    ),
]

#: Each table's fields as (name, type, required, description in English).
FIELDS = {
    "farms": [
        ("id", "string", True, "the farm's id, as in its page address"),
        ("name", "string", True, "its name on the site"),
        ("period", "string", True, "when it operated, as precisely as the source says"),
        ("summary", "string", True, "what the sources report, in the site's words"),
        ("citations", "string", False, CITATIONS_NOTE % "the summary"),
    ],
    "actors": [
        ("id", "string", True, "the person's or group's id, as in their page address"),
        ("name", "string", True, "the name as the source spells it"),
        ("kind", "string", True, "person, party, organisation, media or platform"),
        ("role", "string", True, "who they are, as of the source's date"),
        ("citations", "string", False, CITATIONS_NOTE % "the summary"),
    ],
    "links": [
        ("farm", "string", True, "the farm (farms.id)"),
        ("actor", "string", True, "the person or group (actors.id)"),
        ("kind", "string", True, "how: alleged, asked, supported, benefited or targeted"),
        ("role", "string", True, "the connection in a few words"),
        ("allegation", "string", False, "what is alleged, where the link is an allegation"),
        ("alleged_by", "string", False, "who makes the allegation"),
        ("basis", "string", False, "what the allegation rests on, as the source describes it"),
        ("response", "string", False, "every statement of the response, in brief"),
        ("response_text", "string", False, "the response in full, in the site's words"),
        ("citations", "string", False, CITATIONS_NOTE % "the link"),
    ],
    "events": [
        ("id", "string", True, "the event's id"),
        (
            "date",
            "string",
            True,
            "the date as precise as the source: 2018, 2018-04, 2020-10-06 or 2020-02-07T22:00",
        ),
        ("date_shown", "string", True, "the date as the page shows it"),
        ("title", "string", True, "what happened"),
        (
            "category",
            "string",
            True,
            "history, election, protest, farm, investigation, takedown or kordai",
        ),
        ("text", "string", True, "the detail, in the site's words"),
        ("farms", "string", False, "farms the event concerns (farms.id, '; ' between)"),
        ("actors", "string", False, "people and groups it concerns (actors.id, '; ' between)"),
        ("worked_out", "string", False, "how the editors worked the date out, where they did"),
        ("citations", "string", False, CITATIONS_NOTE % "the event"),
    ],
    "figures": [
        ("id", "string", True, "the figure's id"),
        ("label", "string", True, "what it counts"),
        ("as_shown", "string", True, "the number with its hedge, as the site writes it"),
        ("value", "number", False, "the number, when the source gives a single one"),
        ("low", "number", False, "the lower end, when the source gives a range"),
        ("high", "number", False, "the upper end, when the source gives a range"),
        (
            "hedge",
            "string",
            False,
            "the source's qualifier, where it gives one: about, almost, approximately, around, "
            "at least, from, more than, nearly, over or up to",
        ),
        ("format", "string", True, "number, usd, percent, hours or som"),
        ("note", "string", False, "a short explanation"),
        ("worked_out", "string", False, "how the editors worked it out, where they did"),
        ("citations", "string", False, CITATIONS_NOTE % "the figure"),
    ],
    "sources": [
        ("id", "string", True, "the source's id, as used in citations"),
        ("publisher", "string", True, "who published it"),
        ("title", "string", True, "its title in English"),
        ("date", "string", False, "its publication date, as precise as known"),
        ("url", "string", True, "the original"),
        ("archive_url", "string", True, "the Internet Archive's copy"),
        (
            "kind",
            "string",
            True,
            "investigation or context (context: a report used for comparison figures)",
        ),
    ],
    "citations": [
        ("record_kind", "string", True, "farm, actor, event or figure"),
        ("record", "string", True, "the record's id"),
        ("field", "string", True, "the field that cites, e.g. links[0].allegation"),
        ("source", "string", True, "the source (sources.id)"),
        ("section", "string", True, "the part of the source, as the site names it"),
    ],
}


def reference(column: str, table: str, other: str) -> dict:
    return {"fields": [column], "reference": {"resource": table, "fields": [other]}}


#: Each table's keys: the Table Schema's primaryKey and foreignKeys (absent when it has none).
KEYS = {
    "farms": {"primaryKey": ["id"]},
    "actors": {"primaryKey": ["id"]},
    "links": {
        "primaryKey": ["farm", "actor", "kind"],
        "foreignKeys": [reference("farm", "farms", "id"), reference("actor", "actors", "id")],
    },
    "events": {"primaryKey": ["id"]},
    "figures": {"primaryKey": ["id"]},
    "sources": {"primaryKey": ["id"]},
    "citations": {"foreignKeys": [reference("source", "sources", "id")]},
}


def field(name: str, type_: str, required: bool, description: str) -> dict:
    """A Table Schema field as the package writes it."""
    return {
        "name": name,
        "type": type_,
        "description": description,
        **({"constraints": {"required": True}} if required else {}),
    }


def test_the_package_names_the_site_its_licence_and_its_sources(english):
    package = datapackage(english, "calculator.json", "https://example.org/fake-farms/")
    top = {k: v for k, v in package.items() if k not in ("sources", "resources")}
    assert top == {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "fake-farms",
        "title": "Fake Farms: open data",
        "description": "Test site.",
        "homepage": "https://example.org/fake-farms/",
        "created": "2026-01-01T00:00:00Z",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0 International",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
    }
    assert list(package) == [
        "$schema",
        "name",
        "title",
        "description",
        "homepage",
        "created",
        "licenses",
        "sources",
        "resources",
    ]
    # One entry a source, in the content's order: "publisher, title" and the original's address.
    assert len(package["sources"]) == len(english.sources) == 8
    assert package["sources"][0] == {
        "title": "Kloop, The government's personal firefighters: how fake accounts took over the "
        "Kyrgyz Internet",
        "path": "https://kloop.kg/blog/2021/09/14/the-government-s-personal-firefighters-how-fake-"
        "accounts-took-over-the-kyrgyz-internet/",
    }
    assert package["sources"][2] == {
        "title": "openDemocracy, Real fakes: how Kyrgyzstan's troll factories work",
        "path": "https://www.opendemocracy.net/en/odr/troll-factories-kyrgyzstan/",
    }
    assert all(set(s) == {"title", "path"} for s in package["sources"])


def test_without_a_homepage_the_package_has_none(english):
    assert "homepage" not in datapackage(english, "calculator.json", None)
    assert "homepage" not in datapackage(english, "calculator.json", "")


def test_each_table_is_a_csv_resource_with_its_schema(english):
    resources = datapackage(english, "params.json", None)["resources"]
    assert [r["name"] for r in resources] == [name for name, _t, _d in RESOURCES] + ["calculator"]
    for resource, (name, title, description) in zip(resources, RESOURCES, strict=False):
        assert resource == {
            "name": name,
            "type": "table",
            "path": f"{name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": title,
            "description": description,
            "schema": {"fields": [field(*f) for f in FIELDS[name]], **KEYS[name]},
        }, name


def test_the_calculator_parameters_are_a_json_resource(english):
    calculator = datapackage(english, "calculator-1a2b.json", None)["resources"][-1]
    assert calculator == {
        "name": "calculator",
        "path": "calculator-1a2b.json",
        "format": "json",
        "mediatype": "application/json",
        "title": "Calculator parameters",
        "description": "The cost calculator's limits, pay tiers, languages, presets and comparisons, as "
        "its script reads them.",
    }


def test_the_translated_package_speaks_the_content_language(russian):
    package = datapackage(russian, "calculator.json", None)
    assert package["title"] == "⟦Fake Farms⟧: открытые данные"
    assert package["description"] == "⟦Test site.⟧"
    assert "homepage" not in package
    # The licence is named in English in every language; names, paths and types stay as they are.
    assert package["licenses"] == [LICENCE]
    assert package["licenses"][0]["title"] == "Creative Commons Attribution 4.0 International"
    assert [(r["name"], r["title"], r["description"]) for r in package["resources"]] == [
        ("farms", "Фермы", "Группы фейковых аккаунтов, описанные в расследованиях."),
        ("actors", "Люди и организации", "Все, кого расследования называют в связи с фермами."),
        (
            "links",
            "Связи между фермами и людьми",
            "Как каждый человек или организация связаны с фермой: утверждение, если оно есть, кто его "
            "делает и на чём оно основано, а также полный ответ.",
        ),
        ("events", "Хронология", "События с датами — с той точностью, с какой их дают источники."),
        (
            "figures",
            "Ключевые цифры",
            "Все числа, которые приводит сайт, с оговорками источников («около», «не менее» и т. п.).",
        ),
        ("sources", "Источники", "Опубликованные материалы, из которых взят каждый факт."),
        (
            "citations",
            "Ссылки на источники",
            "Каждая ссылка: какое поле какой записи опирается на какую часть какого источника.",
        ),
        (
            "calculator",
            "Параметры калькулятора",
            "Ограничения калькулятора расходов, уровни оплаты, языки, отделы из источников и сравнения — "
            "в том виде, в каком их читает скрипт калькулятора.",
        ),
    ]
    links = package["resources"][2]["schema"]
    assert links["fields"][2] == {
        "name": "kind",
        "type": "string",
        "description": "вид связи: alleged, asked, supported, benefited или targeted",
        "constraints": {"required": True},
    }
    assert links["fields"][-1] == {
        "name": "citations",
        "type": "string",
        "description": "откуда взята связь: источник#раздел через '; ' (по каждому полю — в citations.csv)",
    }
    # The same fields and keys as in English, each note in Russian.
    for resource in package["resources"][:-1]:
        schema = resource["schema"]
        english_fields = FIELDS[resource["name"]]
        assert [(f["name"], f["type"], "constraints" in f) for f in schema["fields"]] == [
            f[:3] for f in english_fields
        ]
        assert {k: v for k, v in schema.items() if k != "fields"} == KEYS[resource["name"]]
        for shown, (_n, _t, _r, english_note) in zip(schema["fields"], english_fields, strict=True):
            assert shown["description"] != english_note


def test_a_schema_lists_fields_required_constraints_and_keys():
    table = OpenTable(
        "things",
        "Things",
        "Some things.",
        (
            Column("id", "string", "the id", True, value=lambda r, _: r),
            Column("count", "integer", "how many", value=lambda r, _: 1),
            Column("owner", "string", "whose: %(choices)s", choices=("a", "b"), value=lambda r, _: "a"),
        ),
        lambda _: [],
        ("id", "owner"),
        (("owner", "owners", "id"), ("id", "others", "thing")),
    )
    assert table.schema() == {
        "fields": [
            {"name": "id", "type": "string", "description": "the id", "constraints": {"required": True}},
            {"name": "count", "type": "integer", "description": "how many"},
            {"name": "owner", "type": "string", "description": "whose: a or b"},
        ],
        "primaryKey": ["id", "owner"],
        "foreignKeys": [reference("owner", "owners", "id"), reference("id", "others", "thing")],
    }
    keyless = OpenTable("bare", "Bare", "", table.columns[1:2], lambda _: [])
    assert keyless.schema() == {"fields": [{"name": "count", "type": "integer", "description": "how many"}]}


def test_a_small_table_writes_its_exact_csv():
    table = OpenTable(
        "small",
        "Small",
        "A small table.",
        (
            Column("id", "string", "", True, value=lambda r, _: r[0]),
            Column("size", "number", "", value=lambda r, _: r[1]),
            Column("note", "string", "", value=lambda r, _: r[2]),
        ),
        lambda content: content,
    )
    rows = [("a", 1, None), ("b, c", 2.5, 'say "hi"'), ("д", 0, "")]
    # A header, "\n" line ends (never "\r\n"), empty cells for None, quotes where CSV needs them.
    assert table.csv(rows) == 'id,size,note\na,1,\n"b, c",2.5,"say ""hi"""\nд,0,\n'


def test_the_citations_column_lists_each_source_section_once():
    column = _ids("where it comes from", lambda record: record.sources)
    assert (column.name, column.type, column.note) == ("citations", "string", "where it comes from")
    assert (column.required, column.choices, column.source) == (False, (), None)
    record = SimpleNamespace(
        sources=[Citation("kloop", "s1"), Citation("oii", "p2"), Citation("kloop", "s1")],
        other=[Citation("elsewhere", "x")],
    )
    assert column.value(record, None) == "kloop#s1; oii#p2"
    assert column.value(SimpleNamespace(sources=[], other=[]), None) == ""
    # Each table's last column is its citations column, made by _ids, but the citations table's.
    assert [t.columns[-1].name for t in TABLES].count("citations") == 5


class Anything:
    """A record that has every attribute, each filled."""

    def __getattr__(self, name):
        return "filled"


def test_source_filled_follows_the_dotted_path():
    column = Column("basis", "string", "", source="link.allegation.basis", value=lambda r, _: None)
    filled = SimpleNamespace(link=SimpleNamespace(allegation=SimpleNamespace(basis="a leak")))
    assert column.source_filled(filled) is True
    for empty in ("", None, []):
        record = SimpleNamespace(link=SimpleNamespace(allegation=SimpleNamespace(basis=empty)))
        assert column.source_filled(record) is False
    # A link with no allegation at all: nothing filled, and no error.
    assert column.source_filled(SimpleNamespace(link=SimpleNamespace(allegation=None))) is False
    assert column.source_filled(SimpleNamespace()) is False
    top = Column("note", "string", "", source="note", value=lambda r, _: None)
    assert top.source_filled(SimpleNamespace(note="why")) is True
    assert top.source_filled(SimpleNamespace(note=None)) is False


def test_a_column_without_a_source_is_never_filled():
    column = Column("id", "string", "", True, value=lambda r, _: r)
    assert column.source_filled(Anything()) is False
    assert column.source_filled(SimpleNamespace(id="x")) is False
