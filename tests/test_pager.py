"""The way on at the end of a page: the previous and next chapter, farm or person."""

from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup

from fakefarms.web.rendering import pager


def test_the_pager_makes_only_the_neighbours_links():
    asked: list[int] = []

    def entry(n: int) -> tuple[str, str]:
        asked.append(n)
        return f"/{n}/", f"Item {n}"

    labels = ("Previous", "Next")
    assert pager(labels, list(range(1000)), 500, entry) == [
        ("prev", "Previous", "Item 499", "/499/"),
        ("next", "Next", "Item 501", "/501/"),
    ]
    assert asked == [499, 501]  # a site of thousands of people links two of them a page
    assert [rel for rel, *_ in pager(labels, [1, 2, 3], 1, entry)] == ["next"]
    assert [rel for rel, *_ in pager(labels, [1, 2, 3], 3, entry)] == ["prev"]


def neighbours(client, path: str) -> dict[str, str]:
    soup = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    return {
        a["rel"][0]: posixpath.normpath(posixpath.join(path, a["href"])) + "/"
        for a in soup.select(".pager a[rel]")
    }


@pytest.mark.parametrize("language", ["", "/ru"])
def test_each_person_leads_to_the_next_in_the_people_index(client, content, language):
    """People go by kind, then by name in the page's language, as the people index lists them."""
    order = content.edition(language.strip("/") or "en").people_in_order
    for before, here, after in zip(order, order[1:], order[2:], strict=False):
        assert neighbours(client, f"{language}/actors/{here}/") == {
            "prev": f"{language}/actors/{before}/",
            "next": f"{language}/actors/{after}/",
        }
    assert set(neighbours(client, f"{language}/actors/{order[0]}/")) == {"next"}


def test_each_farm_leads_to_the_next(client, content):
    farms = list(content.farms)
    for before, here, after in zip(farms, farms[1:], farms[2:], strict=False):
        assert neighbours(client, f"/farms/{here}/") == {
            "prev": f"/farms/{before}/",
            "next": f"/farms/{after}/",
        }
