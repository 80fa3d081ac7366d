"""A published address never disappears silently: the list, the check, and redirects."""

from __future__ import annotations

import pytest

from fakefarms.build.cli import main
from fakefarms.build.publish import build_site
from fakefarms.content import ContentError
from tests.sitecheck import parsed


def _rename_matraimov(content_dir) -> None:
    for name in ("actors.yaml", "farms.yaml"):
        path = content_dir / name
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("id: matraimov\n", "id: raimbek-matraimov\n").replace(
                "actor: matraimov\n", "actor: raimbek-matraimov\n"
            ),
            encoding="utf-8",
        )


def _redirect(content_dir, old: str, new: str) -> None:
    (content_dir / "redirects.yaml").write_text(
        "# yaml-language-server: $schema=schema/redirects.schema.json\n"
        f"redirects:\n  - old: {old}\n    new: {new}\n",
        encoding="utf-8",
    )


def test_the_build_keeps_the_list_of_published_addresses(content_copy, tmp_path):
    listed = content_copy / "published-addresses.txt"
    listed.unlink()
    build_site(content_copy, tmp_path / "out")
    lines = listed.read_text(encoding="utf-8").splitlines()
    assert "/actors/matraimov/" in lines and "/farms/pro-matraimov/" in lines
    assert "/charts/pay.csv" in lines
    before = listed.stat().st_mtime_ns
    build_site(content_copy, tmp_path / "out")
    assert listed.stat().st_mtime_ns == before  # unchanged content, untouched list


def test_a_renamed_id_names_the_address_that_would_disappear(content_copy, monkeypatch, capsys):
    monkeypatch.chdir(content_copy.parent)
    _rename_matraimov(content_copy)
    assert main(["check", "--content", str(content_copy)]) == 1
    line = (content_copy / "published-addresses.txt").read_text().splitlines().index("/actors/matraimov/") + 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"content/published-addresses.txt:{line}:1: /actors/matraimov/ would disappear (keep the "
        "id that made it, or send it to its new page in redirects.yaml)"
    )


def test_a_build_with_a_vanishing_address_publishes_nothing(content_copy, tmp_path):
    _rename_matraimov(content_copy)
    with pytest.raises(ContentError, match="would disappear"):
        build_site(content_copy, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_redirect_keeps_the_old_address_working(content_copy, tmp_path):
    _rename_matraimov(content_copy)
    _redirect(content_copy, "/actors/matraimov/", "/actors/raimbek-matraimov/")
    out = tmp_path / "out"
    build_site(content_copy, out, "https://example.org/ff/")
    soup = parsed(out / "actors/matraimov/index.html")
    assert soup.select_one("meta[http-equiv=refresh]")["content"] == "0; url=../raimbek-matraimov/"
    assert (
        soup.select_one("link[rel=canonical]")["href"] == "https://example.org/ff/actors/raimbek-matraimov/"
    )
    assert soup.select_one("main a")["href"] == "../raimbek-matraimov/"
    assert (out / "_redirects").read_text() == "/ff/actors/matraimov/ /ff/actors/raimbek-matraimov/ 301\n"
    listed = (content_copy / "published-addresses.txt").read_text().splitlines()
    # the old address stays published, as a redirect
    assert "/actors/raimbek-matraimov/" in listed and "/actors/matraimov/" in listed


def test_a_redirect_removed_after_it_was_published_is_an_address_that_would_disappear(
    content_copy, tmp_path, capsys
):
    _rename_matraimov(content_copy)
    _redirect(content_copy, "/actors/matraimov/", "/actors/raimbek-matraimov/")
    assert main(["check", "--content", str(content_copy)]) == 0
    assert "/actors/matraimov/" in (content_copy / "published-addresses.txt").read_text()
    (content_copy / "redirects.yaml").write_text(
        "# yaml-language-server: $schema=schema/redirects.schema.json\nredirects: []\n"
    )
    assert main(["check", "--content", str(content_copy)]) == 1
    assert "/actors/matraimov/ would disappear" in capsys.readouterr().err


def test_check_keeps_the_list_current(content_copy, capsys):
    listed = content_copy / "published-addresses.txt"
    listed.write_text("\n".join(listed.read_text().splitlines()[:-1]) + "\n")  # one left out
    assert main(["check", "--content", str(content_copy)]) == 0
    assert "updated" in capsys.readouterr().err
    assert main(["check", "--content", str(content_copy)]) == 0
    assert "updated" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("/actors/orunbekov/", "/actors/matraimov/", "/actors/orunbekov/ is still a page of the site"),
        ("/actors/gone/", "/actors/nobody/", "/actors/nobody/ is not a page of the site"),
    ],
)
def test_a_redirect_must_lead_from_a_gone_page_to_a_real_one(content_copy, tmp_path, old, new, message):
    _redirect(content_copy, old, new)
    with pytest.raises(ContentError, match=message):
        build_site(content_copy, tmp_path / "out")


def test_a_redirect_address_must_be_a_site_path(content_copy):
    _redirect(content_copy, "actors/gone", "https://elsewhere.example/")
    with pytest.raises(ContentError, match="is not a valid value"):
        build_site(content_copy, content_copy.parent / "out")


def _redirects(content_dir, *moves: tuple[str, str]) -> None:
    (content_dir / "redirects.yaml").write_text(
        "# yaml-language-server: $schema=schema/redirects.schema.json\nredirects:\n"
        + "".join(f"  - old: {old}\n    new: {new}\n" for old, new in moves),
        encoding="utf-8",
    )


MOVES = (("/actors/gone/", "/actors/matraimov/"), ("/charts/gone.csv", "/charts/"))


def test_check_refuses_a_moved_data_file_on_a_host_that_follows_no_redirect(
    content_copy, monkeypatch, capsys
):
    """GitHub Pages reads no `_redirects`: a moved page still leads on (the build leaves a
    page at its old address), a moved data file would answer 404, so check names it."""
    monkeypatch.chdir(content_copy.parent)
    _redirects(content_copy, *MOVES)
    assert main(["check", "--content", str(content_copy), "--host", "github-pages"]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == [
        "content/redirects.yaml:5:5: redirects['/charts/gone.csv']: /charts/gone.csv is a data "
        "file, and github-pages follows no redirect rule: it would answer 404 there (publish on "
        "a host that follows them (netlify, cloudflare-pages, nginx, apache, caddy), or keep a "
        "file at the old address)"
    ]


@pytest.mark.parametrize("host", [None, "netlify", "nginx"])
def test_a_host_that_follows_redirects_takes_both(content_copy, tmp_path, host):
    _redirects(content_copy, *MOVES)
    build_site(content_copy, tmp_path / "out", host=host)
    rules = (tmp_path / "out" / "_redirects").read_text(encoding="utf-8").splitlines()
    assert rules == ["/actors/gone/ /actors/matraimov/ 301", "/charts/gone.csv /charts/ 301"]
    assert not (tmp_path / "out" / "charts" / "gone.csv").exists()  # no HTML under a data name


def test_a_build_for_a_host_that_follows_no_redirect_publishes_nothing(content_copy, tmp_path):
    _redirects(content_copy, *MOVES)
    with pytest.raises(ContentError, match="gone.csv is a data file"):
        build_site(content_copy, tmp_path / "out", host="github-pages")
    assert not (tmp_path / "out").exists()
    _redirects(content_copy, MOVES[0])  # a moved page alone: its page leads on
    build_site(content_copy, tmp_path / "out", host="github-pages")
    assert (tmp_path / "out" / "actors" / "gone" / "index.html").is_file()
