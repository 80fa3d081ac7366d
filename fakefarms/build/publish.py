"""Freeze the app into static files, atomically: all of a build or none of it."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from flask_frozen import FrozenFlaskWarning, MissingURLGeneratorWarning

from fakefarms.build import addresses, freezing
from fakefarms.content import load_content
from fakefarms.web.app import create_app
from fakefarms.web.security import EMBED_FOLDER, EMBED_HEADERS, HEADERS
from fakefarms.web.site_paths import PROJECT_ROOT
from fakefarms.web.views import SPLIT_ENDPOINTS, page_addresses
from records.errors import UserError

#: The first line of every build's `_headers` (a comment to hosts): a folder whose `_headers`
#: opens with it is an earlier build, which a build may replace. No file of its own, so nothing
#: internal to the build is published.
BUILD_MARKER = "_headers"
BUILD_MARKER_TEXT = (
    "# Written by `python build.py build`, which replaces this whole folder "
    "on every build: keep nothing else here.\n"
)
#: The marker file of builds before 7 December 2026, still recognised.
OLD_BUILD_MARKER = ".fakefarms-build"


class BuildError(UserError):
    """The site could not be frozen; the message names the page or file."""

    def lines(self) -> list[str]:
        return [f"build failed: {self}; the previous output is unchanged"]


class UnsafeOutputError(UserError):
    """The output folder holds something a build would delete; nothing was touched."""

    def lines(self) -> list[str]:
        return [f"build refused: {self}"]


@dataclass(frozen=True)
class BuildReport:
    out_dir: Path
    pages: int
    files: int
    cards_drawn: int  # link-preview cards drawn by this build (not taken from the cache)


def build_site(
    content_dir: Path,
    out_dir: Path,
    base_url: str | None = None,
    card_cache: Path | None = None,
    host: str | None = None,
) -> BuildReport:
    """Build into a fresh folder beside `out_dir` and swap it in only on success, taking the
    link-preview cards an earlier build drew from `card_cache` (a folder) when given; refuse
    a redirect that `host` (one of addresses.HOSTS, when given) would not follow.

    A failed build leaves the previous `out_dir` exactly as it was.
    """
    check_output_folder(out_dir, content_dir)
    content = load_content(content_dir)
    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    try:
        app = create_app(
            {
                "CONTENT_DIR": Path(content_dir),
                "BASE_URL": base_url,
                # Frozen-Flask resolves relative destinations against the package.
                "FREEZER_DESTINATION": str(staging),
                "FREEZER_REMOVE_EXTRA_FILES": False,
                "CARD_CACHE": card_cache,
                # Raise template errors instead of logging them as 500 pages.
                "PROPAGATE_EXCEPTIONS": True,
            },
            content=content,
        )
        published = addresses.checked(app, Path(content_dir), content, host)
        with warnings.catch_warnings():
            # A page without a URL generator or a link to a missing page is a failed build.
            warnings.simplefilter("error", FrozenFlaskWarning)
            # ... except the split list pages, which exist only past LIST_LIMIT items.
            languages = "|".join(re.escape(language) for language in app.config["LANGUAGES"])
            names = "|".join(re.escape(e) for e in SPLIT_ENDPOINTS)
            split = f"(({languages})\\.)?({names})" if languages else f"({names})"
            warnings.filterwarnings(
                "ignore",
                f"Nothing frozen for endpoints ({split})(, ({split}))*\\.",
                MissingURLGeneratorWarning,
            )
            try:
                urls = freezing.freeze(app, page_addresses, with_static_files=False, log_url_for=True)
            except freezing.FreezeError as exc:
                raise BuildError(str(exc)) from exc
        addresses.write_redirects(app, content, staging)
        write_headers(staging, app.config["BASE_PATH"], app.config["LANGUAGES"])
        precompress(staging)
        files = sum(1 for p in staging.rglob("*") if p.is_file())
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    addresses.record(Path(content_dir), published)
    pages = sum(1 for u in urls if u.endswith("/") or u.endswith(".html"))
    return BuildReport(out_dir, pages, files, app.extensions["cards"].drawn)


def check_output_folder(out_dir: Path, content_dir: Path) -> None:
    """Refuse any output folder but a new or empty one or an earlier build, since the build
    replaces it whole: never the project, the content, or files a build did not write."""
    reason = _why_not_replaceable(Path(out_dir).resolve(), Path(content_dir).resolve())
    if reason:
        raise UnsafeOutputError(
            f"{out_dir} {reason}. A build replaces its output folder whole: "
            "give it a new or empty folder, or an earlier build. Nothing was "
            "touched."
        )


def _why_not_replaceable(out: Path, content_dir: Path) -> str | None:
    project = PROJECT_ROOT.resolve()
    content_dirs = sorted({content_dir, project / "content"})
    if out.exists() and not out.is_dir():
        return "is a file, not a folder"
    if out == project:
        return "is the project folder"
    if out in content_dirs:
        return "is the content folder"
    if out in project.parents:
        return f"contains the project folder {project}"
    for folder in content_dirs:
        if out in folder.parents:
            return f"contains the content folder {folder}"
    entries = sorted(p.name for p in out.iterdir()) if out.exists() else []
    yaml_files = [name for name in entries if name.endswith((".yaml", ".yml"))]
    if ".git" in entries:
        return "holds a git repository (.git)"
    if yaml_files:
        return f"holds YAML files ({', '.join(yaml_files[:3])})"
    if entries and not _is_earlier_build(out, entries):
        return (
            f"holds files that no build wrote ({', '.join(entries[:3])}); delete it first "
            "if nothing in it is needed"
        )
    return None


#: Text files worth serving compressed; hosts that support it send the .gz copy.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"}


def precompress(root: Path) -> None:
    """Write a .gz beside every text file. zlib lets go of Python's lock while it compresses,
    so threads, one a core, share the work."""
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        list(pool.map(compress, [p for p in sorted(root.rglob("*")) if p.is_file()]))


def compress(path: Path) -> None:
    """A text file's .gz copy, beside it (other files have none); mtime 0 and no file name
    keep builds identical."""
    if path.suffix in COMPRESSIBLE:
        data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        path.with_name(path.name + ".gz").write_bytes(data)


def write_headers(root: Path, base_path: str, languages=()) -> None:
    """`_headers` for hosts that read one (Netlify, Cloudflare Pages): security headers on
    every response, and year-long caching for content-hashed assets.

    Hosts apply every rule that matches an address, and a browser enforces every policy it is
    sent, so the embeds, which any site may frame, must match no policy that forbids framing.
    The headers common to all go under one rule for everything; the policy goes under a rule
    for each top-level file and folder of the build (and of each language's folder, which
    holds embeds of its own), and the embeds' folders get their own. (An address that is no
    file gets the 404 page, whose <meta> policy still applies.)
    """
    policy = "Content-Security-Policy"
    patterns, embeds = [], []
    for folder, prefix in [(root, base_path), *((root / lang, f"{base_path}{lang}/") for lang in languages)]:
        patterns.append(prefix)
        for path in sorted(folder.iterdir()):
            # (A .gz copy is served at its original's address, under the original's rule.)
            if (
                path.name in (EMBED_FOLDER, "_headers", "_redirects")
                or path.name in languages
                or path.suffix == ".gz"
            ):
                continue
            patterns.append(f"{prefix}{path.name}/*" if path.is_dir() else f"{prefix}{path.name}")
        embeds.append(f"{prefix}{EMBED_FOLDER}/*")
    lines = [f"{base_path}*", *(f"  {name}: {value}" for name, value in HEADERS.items() if name != policy)]
    for pattern, headers in [*((p, HEADERS) for p in patterns), *((e, EMBED_HEADERS) for e in embeds)]:
        lines += [pattern, f"  {policy}: {headers[policy]}"]
    lines += [f"{base_path}assets/*", "  Cache-Control: public, max-age=31536000, immutable", ""]
    (root / "_headers").write_text(BUILD_MARKER_TEXT + "\n".join(lines), encoding="utf-8")


def _is_earlier_build(out: Path, entries: list[str]) -> bool:
    if OLD_BUILD_MARKER in entries:
        return True
    marker = out / BUILD_MARKER
    return marker.is_file() and marker.read_text(encoding="utf-8").startswith(BUILD_MARKER_TEXT)


def _swap_in(staging: Path, out_dir: Path) -> None:
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if out_dir.exists():
        retired = out_dir.with_name(f".{out_dir.name}.old")
        shutil.rmtree(retired, ignore_errors=True)
        out_dir.rename(retired)
        staging.rename(out_dir)
        shutil.rmtree(retired)
    else:
        staging.rename(out_dir)
