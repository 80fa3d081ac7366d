"""Text browsers run no script and show what `hidden` hides, a <template>'s content too: a
control that only a script makes work would be a dead control there. Each kind of page, in each
language, is read by lynx and by w3m, and no form control may show.

What counts as a control:
- lynx (`-dump`): a button, "(BUTTON) Label"; a text field or text area, a run of underscores;
  a radio button, "( )" or "(*)"; a check box, "[ ]" or "[X]".
- w3m (`-halfdump`, its page before the last layout step, which tags every control it shows
  with <input_alt type=…>; its words stay in w3m's own encoding, so only English labels
  read plainly): any control at all, buttons, fields, radio buttons, check boxes,
  lists to choose from, submit buttons.

The site is static: nothing a form sends is answered, so a control works without a script
only if it needs no answer. Those are listed in WORKS_WITHOUT_SCRIPT, with why, and left out
of the pages the text browsers read.

lynx and w3m are Debian's packages of those names.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.sitecheck import one_per_kind, pages

LYNX_CONTROLS = {
    "button": re.compile(r"\(BUTTON\)\s*[^\n]{0,40}"),
    "text field": re.compile(r"_{4,}"),
    "radio button": re.compile(r"\((?: |\*)\)[^\n]{0,40}"),
    "check box": re.compile(r"\[(?: |X)\][^\n]{0,40}"),
}
W3M_CONTROL = re.compile(r'<input_alt\b[^>]*\btype="([^"]*)"[^>]*>(.*?)</input_alt>', re.S)
#: Controls that work without a script: why, and the markup of each.
WORKS_WITHOUT_SCRIPT = {
    "the embeds page's code to paste: a read-only text box, to select and copy": re.compile(
        r"<textarea\b[^>]*\breadonly\b[^>]*>.*?</textarea>", re.S
    ),
}
INSTALL = "install Debian's lynx and w3m packages (apt-get install lynx w3m)"


def lynx_controls(file: Path) -> list[str]:
    text = subprocess.run(
        ["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-width=200", str(file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return [
        f"{kind}: {' '.join(match.group().split())}"
        for kind, pattern in LYNX_CONTROLS.items()
        for match in pattern.finditer(text)
    ]


def w3m_controls(file: Path) -> list[str]:
    text = subprocess.run(
        ["w3m", "-halfdump", "-T", "text/html", "-I", "UTF-8", "-cols", "200", str(file)],
        capture_output=True,
        timeout=60,
        check=True,
    ).stdout.decode("utf-8", "replace")
    return [
        f"{kind}: {' '.join(re.sub(r'<[^>]+>', '', label).split())}"
        for kind, label in W3M_CONTROL.findall(text)
    ]


#: Pages that only ever stand in a browser's frame on another site, never read on their own:
#: the calculator's embed keeps its form in place, so that it does not jump as its script
#: starts (a layout shift Lighthouse counts against it).
FRAMED_ONLY = re.compile(r"^([a-z]{2}/)?embed/calculator/")


def sampled_pages(root: Path) -> list[Path]:
    """One page of each kind (same language, first folder and depth) in each language, but
    the pages that only stand in frames."""
    names = {file.relative_to(root).as_posix(): file for file in pages(root)}
    return [names[name] for name in sorted(one_per_kind(names)) if not FRAMED_ONLY.match(name)]


def without_working_controls(file: Path, scratch: Path) -> Path:
    """The page, or a copy of it without the controls that work without a script."""
    html = original = file.read_text(encoding="utf-8")
    for pattern in WORKS_WITHOUT_SCRIPT.values():
        html = pattern.sub("", html)
    if html == original:
        return file
    copy = scratch / file.relative_to(file.anchor).as_posix().replace("/", "_")
    copy.write_text(html, encoding="utf-8")
    return copy


def dead_controls(root: Path, scratch: Path) -> list[str]:
    files = {file: without_working_controls(file, scratch) for file in sampled_pages(root)}
    jobs = [
        (browser, reader, file)
        for file in files
        for browser, reader in (("lynx", lynx_controls), ("w3m", w3m_controls))
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = pool.map(lambda job: job[1](files[job[2]]), jobs)
    return [
        f"{browser} {file.relative_to(root).as_posix()}: {control}"
        for (browser, _reader, file), controls in zip(jobs, found, strict=True)
        for control in controls
    ]


@pytest.fixture(scope="module")
def text_browsers():
    missing = [name for name in ("lynx", "w3m") if shutil.which(name) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed: {INSTALL}")


def test_text_browsers_show_no_dead_controls(shipped_site, text_browsers, tmp_path):
    assert len(sampled_pages(shipped_site)) > 20
    problems = dead_controls(shipped_site, tmp_path)
    assert not problems, (
        f"{len(problems)} control(s) that need a script show in a text "
        "browser (the script should make them, or a plain link stand in):\n" + "\n".join(problems)
    )


def test_the_rule_finds_each_kind_of_control(tmp_path, text_browsers):
    """The rule can fail: a page with one of each control shows each in both browsers."""
    page = tmp_path / "controls.html"
    page.write_text(
        '<!doctype html><html lang="en"><title>t</title><p>Text [1] and (a) note.</p>'
        '<template><button type="button">In a template</button></template>'
        '<div hidden><button type="button">Hidden</button></div>'
        '<p><input type="text" name="a"> <input type="radio" name="r"> '
        '<input type="checkbox" name="c"> <select name="s"><option>Pick</option></select></p>'
        "<details><summary>More</summary><p>Works without a script.</p></details>"
        '<p><a href="#x">A link</a></p>',
        encoding="utf-8",
    )
    lynx = lynx_controls(page)
    assert {c.split(":")[0] for c in lynx} == set(LYNX_CONTROLS), lynx
    assert sum(c.startswith("button") for c in lynx) == 2, lynx  # the template's, the hidden one
    w3m = w3m_controls(page)
    assert sorted(c.split(":")[0] for c in w3m) == sorted(
        ["button", "button", "text", "radio", "checkbox", "select"]
    ), w3m
    # a read-only box of code is left out; a box to type in is not
    boxes = tmp_path / "boxes.html"
    boxes.write_text(
        '<!doctype html><html lang="en"><title>t</title>'
        '<textarea readonly rows="2">&lt;iframe src="x"&gt;</textarea>',
        encoding="utf-8",
    )
    read = without_working_controls(boxes, tmp_path)
    assert read != boxes and not lynx_controls(read) and not w3m_controls(read)
    boxes.write_text(boxes.read_text().replace(" readonly", ""), encoding="utf-8")
    assert without_working_controls(boxes, tmp_path) == boxes and w3m_controls(boxes)


@pytest.mark.parametrize("reader", ["lynx", "w3m"])
def test_a_drawing_reads_as_separate_labels_and_values(shipped_site, reader):
    """Text browsers read a chart's drawing as its words: each label and value must come out
    as words of its own, never run into the next ("analysedapproximately 800")."""
    if not shutil.which(reader):
        pytest.skip(INSTALL)
    from tests.sitecheck import parsed

    for page in (shipped_site / "charts" / "index.html", shipped_site / "ru" / "charts" / "index.html"):
        command = (
            ["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-width=200"]
            if reader == "lynx"
            else ["w3m", "-dump", "-T", "text/html", "-O", "UTF-8"]
        )
        dump = subprocess.run(
            [*command, str(page)], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        words = f" {' '.join(dump.split())} "
        texts = [" ".join(t.get_text().split()) for t in parsed(page).select("svg.chart-sketch text")]
        assert len(texts) > 20, page
        run_together = [t for t in texts if t and f" {t} " not in words]
        assert not run_together, (page.relative_to(shipped_site).as_posix(), run_together[:5])
