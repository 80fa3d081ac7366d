"""records.prose: what in an editor's paragraph would publish wrongly, where it is, and every way a
key figure's number can be retyped instead of referenced."""

from __future__ import annotations

import pytest

from records.prose import ProseProblem, Spellings, figure_ids, problems, site_links, spellings

HTML_HINT = "write *emphasis*, **strong** or [text](https://…) instead"
LINK_HINT = "link to an https:// address, or to a page of this site such as /farms/pro-matraimov/"
TOKEN_HINT = "the only token is {fig:figure-id}, for a key figure"


def test_every_problem_with_its_place():
    text = "a <b>x</b> [l](http://x) [m](https://ok) [n](/farms/x/) {fig:a} {bad} {fig:A}"
    assert list(problems(text)) == [
        ProseProblem(2, 3, "HTML tag '<b>' would be shown as text", HTML_HINT),
        ProseProblem(6, 4, "HTML tag '</b>' would be shown as text", HTML_HINT),
        ProseProblem(15, 8, "link to 'http://x' is not allowed", LINK_HINT),
        ProseProblem(64, 5, "unknown token '{bad}'", TOKEN_HINT),
        ProseProblem(70, 7, "unknown token '{fig:A}'", TOKEN_HINT),
    ]


def test_tags_and_links():
    found = list(problems("<br/> <a href='x'> < b> <1> <x-y>"))
    assert [(p.start, p.length, p.message) for p in found] == [
        (0, 5, "HTML tag '<br/>' would be shown as text"),
        (6, 12, "HTML tag '<a href='x'>' would be shown as text"),
        (28, 5, "HTML tag '<x-y>' would be shown as text"),
    ]
    text = "[a](</farms/x/>) [b]( https://x.org/a_(b) ) [c](mailto:x) [d](/farms/X/) [e](/#top) [f](/)"
    assert [(p.start, p.length, p.message) for p in problems(text)] == [
        (48, 8, "link to 'mailto:x' is not allowed"),
        (62, 9, "link to '/farms/X/' is not allowed"),
    ]
    assert list(problems("plain *words* and **more**, {fig:a-1}")) == []


def test_site_links_and_figure_ids():
    assert list(site_links("[a](/farms/x/) [b](https://x) [c](/methodology/#signals)")) == [
        (4, 9, "/farms/x/"),
        (34, 21, "/methodology/#signals"),
    ]
    assert list(figure_ids("x {fig:ab-c} y {fig:d} {fig:E}")) == [(2, 10, "ab-c"), (15, 7, "d")]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((425, None, None, "number", None, None), ["425"]),
        ((100, None, None, "number", None, None), ["100"]),
        ((99, None, None, "number", None, None), []),  # bare numbers under 100 are left out
        ((999, None, None, "number", None, None), ["999"]),
        ((1000, None, None, "number", None, None), ["1000", "1,000", "1 000"]),
        ((1500.5, None, None, "number", None, None), ["1500.5"]),
        ((400, None, None, "number", "nearly", None), ["nearly 400", "400"]),
        ((50, None, None, "number", "over", None), ["over 50"]),
        (
            (205_000, None, None, "number", "over", None),
            ["over 205000", "over 205,000", "over 205 000", "205000", "205,000", "205 000"],
        ),
        ((350, None, None, "usd", None, None), ["$350", "350 dollars"]),
        ((1.5, None, None, "usd", None, None), ["$1.5", "1.5 dollars"]),
        ((5, None, None, "percent", "nearly", None), ["nearly 5%", "nearly 5 per cent", "5%", "5 per cent"]),
        ((33, None, None, "number", "about", "a third"), ["about a third", "about 33"]),
        ((33, None, None, "number", None, "a third"), ["a third"]),
        ((33, None, None, "number", None, "third"), []),  # one word alone is too common
        (
            (None, 10, 15, "number", "up to", None),
            [
                "10 to 15",
                "10–15",
                "10-15",
                "10 – 15",
                "up to 10 to 15",
                "up to 10–15",
                "up to 10-15",
                "up to 10 – 15",
            ],
        ),
        (
            (None, 100, 150, "usd", None, None),
            [
                "$100 to $150",
                "$100–150",
                "$100-150",
                "$100 – 150",
                "$100 to 150 dollars",
                "$100–150 dollars",
                "$100-150 dollars",
                "$100 – 150 dollars",
                "100 dollars to $150",
                "100 dollars–150",
                "100 dollars-150",
                "100 dollars – 150",
                "100 dollars to 150 dollars",
                "100 dollars–150 dollars",
                "100 dollars-150 dollars",
                "100 dollars – 150 dollars",
            ],
        ),
    ],
)
def test_spellings(args, expected):
    assert spellings(*args) == expected


def test_a_range_of_thousands_is_spelt_grouped_and_not():
    found = spellings(None, 1000, 1500, "number", None, None)
    assert found[:6] == [
        "1000 to 1500",
        "1000–1500",
        "1000-1500",
        "1000 – 1500",
        "1000 to 1,500",
        "1000–1,500",
    ]
    assert len(found) == 36


SPELLINGS = Spellings(
    {"a": ["$100", "100 dollars", "$100 to $150"], "b": ["nearly   400"], "c": ["30%"], "d": ["$100"]}
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("$100", [(0, "$100", "a")]),
        ("$100.", [(0, "$100", "a")]),
        ("it was $100 to  $150", [(7, "$100 to  $150", "a")]),  # the longest wins
        ("100 dollars", [(0, "100 dollars", "a")]),
        ("nearly\n400 and NEARLY 400", [(0, "nearly\n400", "b"), (15, "NEARLY 400", "b")]),
        ("30%", [(0, "30%", "c")]),
        ("{fig:a} $100", [(8, "$100", "a")]),
        ("$100.5", []),
        ("$1000", []),
        ("x$100", []),
        ("1,$100", []),
        ("$100%", []),
        ("30%s", []),
        ("5$100", []),
        (".$100", []),
    ],
)
def test_retyped_key_figures_are_found(text, found):
    assert list(SPELLINGS.retyped(text)) == found


def test_no_figures_find_nothing():
    assert list(Spellings({}).retyped("$100 and anything")) == []
