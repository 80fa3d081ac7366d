"""`build --out DIR` replaces DIR whole, so it refuses any folder but a new or empty one or an
earlier build, with one line and exit 1, before touching anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fakefarms.build import cli
from fakefarms.build.publish import (
    BUILD_MARKER,
    BUILD_MARKER_TEXT,
    PROJECT_ROOT,
    UnsafeOutputError,
    check_output_folder,
)
from tests.conftest import FIXTURE_CONTENT, ROOT

ADVICE = (
    "A build replaces its output folder whole: give it a new or empty folder, or an "
    "earlier build. Nothing was touched."
)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A stand-in for the project folder, with its own content/, so that a failing guard
    could never replace the real project."""
    root = tmp_path / "work" / "project"
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    (root / "pyproject.toml").write_text("[project]\nname = 'fake-farms'\n", encoding="utf-8")
    monkeypatch.setattr("fakefarms.build.publish.PROJECT_ROOT", root)
    return root


def everything_under(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file's bytes and modification time, and every folder, under `folder`."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def refused(capsys, tmp_path: Path, content: Path, out: Path) -> str:
    """Run `build --content CONTENT --out OUT`; assert it failed touching nothing, and return
    its one line."""
    before = everything_under(tmp_path)
    assert cli.main(["build", "--content", str(content), "--out", str(out)]) == 1
    assert everything_under(tmp_path) == before
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_project_folder_is_refused(project, content_copy, tmp_path, capsys):
    assert refused(capsys, tmp_path, content_copy, project) == (
        f"build refused: {project} is the project folder. {ADVICE}"
    )


def test_content_folder_given_is_refused(project, content_copy, tmp_path, capsys):
    assert refused(capsys, tmp_path, content_copy, content_copy) == (
        f"build refused: {content_copy} is the content folder. {ADVICE}"
    )


def test_projects_own_content_folder_is_refused(project, content_copy, tmp_path, capsys):
    out = project / "content"
    assert refused(capsys, tmp_path, content_copy, out) == (
        f"build refused: {out} is the content folder. {ADVICE}"
    )


def test_folder_containing_the_content_is_refused(project, tmp_path, capsys):
    content = tmp_path / "newsroom" / "fake-farms" / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    out = tmp_path / "newsroom"
    assert refused(capsys, tmp_path, content, out) == (
        f"build refused: {out} contains the content folder {content}. {ADVICE}"
    )


def test_folder_containing_the_project_is_refused(project, content_copy, tmp_path, capsys):
    out = project.parent
    assert refused(capsys, tmp_path, content_copy, out) == (
        f"build refused: {out} contains the project folder {project}. {ADVICE}"
    )


def test_git_repository_is_refused_even_in_an_earlier_build(project, content_copy, tmp_path, capsys):
    out = tmp_path / "public"
    assert cli.main(["build", "--content", str(content_copy), "--out", str(out)]) == 0
    (out / ".git").mkdir()  # as when the build is pushed to a gh-pages branch from here
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    capsys.readouterr()
    assert refused(capsys, tmp_path, content_copy, out) == (
        f"build refused: {out} holds a git repository (.git). {ADVICE}"
    )


def test_folder_with_yaml_is_refused(project, content_copy, tmp_path, capsys):
    out = tmp_path / "drafts"
    out.mkdir()
    (out / "farms.yaml").write_text("farms: []\n", encoding="utf-8")
    (out / "notes.yml").write_text("todo: []\n", encoding="utf-8")
    assert refused(capsys, tmp_path, content_copy, out) == (
        f"build refused: {out} holds YAML files (farms.yaml, notes.yml). {ADVICE}"
    )


def test_folder_with_files_no_build_wrote_is_refused(project, content_copy, tmp_path, capsys):
    out = tmp_path / "photos"
    (out / "2020").mkdir(parents=True)
    (out / "2020" / "a.jpg").write_bytes(b"\xff\xd8")
    (out / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    assert refused(capsys, tmp_path, content_copy, out) == (
        f"build refused: {out} holds files that no build wrote (2020, index.html); delete it "
        f"first if nothing in it is needed. {ADVICE}"
    )


def test_existing_file_is_refused(project, content_copy, tmp_path, capsys):
    out = tmp_path / "public"
    out.write_text("not a folder", encoding="utf-8")
    assert refused(capsys, tmp_path, content_copy, out) == (
        f"build refused: {out} is a file, not a folder. {ADVICE}"
    )


def test_empty_folder_is_built_into(project, content_copy, tmp_path, capsys):
    out = tmp_path / "empty"
    out.mkdir()
    assert cli.main(["build", "--content", str(content_copy), "--out", str(out)]) == 0
    assert (out / "index.html").is_file()
    assert (out / BUILD_MARKER).read_text(encoding="utf-8").startswith(BUILD_MARKER_TEXT)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # nothing internal


def test_earlier_build_is_replaced(project, content_copy, tmp_path, capsys):
    out = tmp_path / "public"
    assert cli.main(["build", "--content", str(content_copy), "--out", str(out)]) == 0
    (out / "index.html").unlink()
    assert cli.main(["build", "--content", str(content_copy), "--out", str(out)]) == 0
    assert (out / "index.html").is_file()
    assert "build refused" not in capsys.readouterr().err


def test_real_project_and_content_are_refused():
    """The stand-in above replaces PROJECT_ROOT; here the real one, checked without building."""
    assert (PROJECT_ROOT / "pyproject.toml").is_file() and PROJECT_ROOT == ROOT
    with pytest.raises(UnsafeOutputError, match="is the project folder"):
        check_output_folder(ROOT, FIXTURE_CONTENT)
    with pytest.raises(UnsafeOutputError, match="is the content folder"):
        check_output_folder(ROOT / "content", FIXTURE_CONTENT)
    with pytest.raises(UnsafeOutputError, match="contains the project folder"):
        check_output_folder(ROOT.parent, FIXTURE_CONTENT)
