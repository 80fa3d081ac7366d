"""Every built page is valid HTML, as the current Nu HTML Checker (npm vnu-jar) sees it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitecheck import pages

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = "`make test` installs it (Debian's default-jre-headless, and vnu-jar with `npm ci`)"


def vnu_messages(files: list[Path]) -> list[dict]:
    """Run the checker once over all files; return its error messages."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is missing: the Nu HTML Checker needs Java 17+; {INSTALL}")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing; {INSTALL}")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the checker failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return [
        m
        for m in report["messages"]
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]


def describe(message: dict, root: Path) -> str:
    where = message.get("url", "").removeprefix("file:")
    try:
        where = Path(where).relative_to(root).as_posix()
    except ValueError:
        pass
    line = message.get("lastLine", "?")
    column = message.get("firstColumn", message.get("lastColumn", "?"))
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{line}:{column}: {message['message']}" + (f"  [{extract}]" if extract else "")


def test_every_page_is_valid_html(shipped_site):
    files = pages(shipped_site)
    assert files, "the build has no HTML pages"
    errors = [describe(m, shipped_site) for m in vnu_messages(files)]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
