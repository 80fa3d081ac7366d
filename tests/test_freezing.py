"""The build on several cores: each address is built once, by one worker. (test_site.py
checks that the files are the same, byte for byte, as one process's.)"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from flask_frozen import MissingURLGeneratorWarning

from fakefarms import freezing
from fakefarms.app import create_app
from fakefarms.views import page_addresses
from tests.conftest import FIXTURE_CONTENT


def frozen_files(out: Path, workers: int, log: Path) -> frozenset[str]:
    """Freeze the fixture content into `out`, logging every file written, one line each, from
    whichever process wrote it."""
    app = create_app({"CONTENT_DIR": FIXTURE_CONTENT, "FREEZER_DESTINATION": str(out),
                      "FREEZER_REMOVE_EXTRA_FILES": False, "PROPAGATE_EXCEPTIONS": True})

    def written(path: Path) -> None:
        line = f"{path.relative_to(out).as_posix()}\n".encode()
        with log.open("ab") as file:  # appends of one short line do not interleave
            file.write(line)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)  # the split lists
        return freezing.freeze(app, page_addresses, workers, written, with_static_files=False,
                               log_url_for=True)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_each_file_is_written_once(tmp_path, workers):
    out, log = tmp_path / "out", tmp_path / "written.log"
    urls = frozen_files(out, workers, log)
    names = log.read_text(encoding="utf-8").splitlines()
    assert len(names) == len(set(names)), "a file was written twice"
    assert set(names) == {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert len(urls) == len(names)

