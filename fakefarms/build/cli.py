"""Parse arguments, call the package, and turn failures into one line each.

Editors see `path:line:column: field: message (hint)` lines and exit code 1;
a traceback appears only with --debug.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from fakefarms.build import addresses, hosts
from fakefarms.build.preview import serve
from fakefarms.build.publish import build_site
from fakefarms.content import ContentError, rules, translations
from fakefarms.content.export import translation_template, write_schemas
from fakefarms.content.loader import gather
from fakefarms.content.scaffold import add_entry, kinds
from fakefarms.web.app import create_app
from fakefarms.web.site_paths import DEFAULT_CONTENT, PROJECT_ROOT
from records.errors import UserError
from records.files import display_path

DEFAULT_OUT = PROJECT_ROOT / "public"
#: Where builds and the preview keep the link-preview cards they drew (not committed).
CARD_CACHE = PROJECT_ROOT / ".cache" / "cards"


class UsageError(UserError):
    """A problem the user can fix from the command line; shown as one line."""


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="build.py", description="Build the Fake Farms site.")
    ap.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = ap.add_subparsers(dest="command")

    def add_host_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--host",
            choices=list(addresses.HOSTS),
            help="where the site is published: refuse what that host cannot do (a moved data "
            "file's redirect, where the host follows no redirect rules)",
        )

    check = commands.add_parser("check", help="validate content and report every problem")
    check.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    add_host_option(check)

    build = commands.add_parser("build", help="build the static site (the default command)")
    build.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    build.add_argument("--out", type=Path, default=DEFAULT_OUT)
    build.add_argument("--base-url", help="public address, e.g. https://example.org/fake-farms/")
    add_host_option(build)
    build.add_argument(
        "--card-cache",
        type=Path,
        default=CARD_CACHE,
        help="folder keeping the link-preview cards drawn, so a rebuild draws "
        "only those that changed (default: %(default)s)",
    )
    build.add_argument(
        "--no-card-cache", dest="card_cache", action="store_const", const=None, help="draw every card afresh"
    )

    host = commands.add_parser("host", help="write a web server's configuration for a build")
    host.add_argument("server", choices=list(hosts.SERVERS))
    host.add_argument("--site", type=Path, default=DEFAULT_OUT, help="the build (default: %(default)s)")
    host.add_argument(
        "--root",
        help="where the server finds the build's files, if not where "
        "they are now (e.g. /srv/fake-farms/public)",
    )

    serve = commands.add_parser("serve", help="preview at http://127.0.0.1:5000, live")
    serve.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    serve.add_argument("--port", type=int, default=5000)

    new = commands.add_parser("new", help="append a new entry, every field in place, to its file")
    new.add_argument("kind", choices=sorted(kinds()), help="what to add")
    new.add_argument("id", help="the new entry's id: lower-case letters, digits and hyphens")
    new.add_argument("--content", type=Path, default=DEFAULT_CONTENT)

    translate = commands.add_parser(
        "translate", help="print a content file's words, in the shape of its translation file"
    )
    translate.add_argument("language", help="the translation's language code, e.g. ru")
    translate.add_argument("file", help="the content file, e.g. farms.yaml")
    translate.add_argument("--content", type=Path, default=DEFAULT_CONTENT)

    tied = commands.add_parser(
        "translations", help="what is translated, missing or out of date, per file and language"
    )
    tied.add_argument(
        "--update",
        action="store_true",
        help="write ids for new items and record which English each translation was made from",
    )
    tied.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="PATTERN",
        help="with --update: record out-of-date translations that still "
        "say what the English says, e.g. \"farms.yaml:farms['x'].*\"",
    )
    tied.add_argument("--content", type=Path, default=DEFAULT_CONTENT)

    never = commands.add_parser(
        "never-name", help="add a name (each spelling of it) to the names the site must never show"
    )
    never.add_argument("names", nargs="+", metavar="NAME")
    never.add_argument("--content", type=Path, default=DEFAULT_CONTENT)

    runs = commands.add_parser(
        "source-runs", help="keep the fingerprints of the source articles, for the copy rule"
    )
    runs.add_argument("sources", nargs="+", type=Path, metavar="FILE")
    runs.add_argument("--content", type=Path, default=DEFAULT_CONTENT)

    commands.add_parser("rules", help="list every rule check applies (as EDITING.md does)")
    commands.add_parser("schema", help="write the JSON Schemas to content/schema/")
    return ap


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv or ["build"])
    try:
        return run(args)
    except BrokenPipeError:  # the reader stopped reading (| head): nothing left to say
        sys.stderr.close()
        return 0
    except UserError as exc:  # what the person at the keyboard can fix
        if args.debug:
            raise
        print("\n".join(exc.lines()), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        if args.debug:
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (run again with --debug for details)",
            file=sys.stderr,
        )
        return 1


def run(args: argparse.Namespace) -> int:
    if args.command == "check":
        content_dir = _content_dir(args.content)
        content, problems = gather(content_dir)
        if content is None:
            raise ContentError(problems, note=addresses.UNCHECKED)
        published, found = addresses.site_problems(
            create_app({"CONTENT_DIR": content_dir}, content=content), content_dir, content, args.host
        )
        problems += found
        if problems:
            raise ContentError(problems)
        if addresses.record(content_dir, published):
            print(
                f"updated {display_path(content_dir / addresses.LIST_NAME)}: commit it with your change",
                file=sys.stderr,
            )
        for warning in content.warnings:
            print(warning, file=sys.stderr)
        print(
            f"content OK: {len(content.farms)} farms, {len(content.actors)} actors, "
            f"{len(content.events)} events, {len(content.figures)} figures"
            + (f"; {len(content.warnings)} warning(s) to look at" if content.warnings else "")
        )
        return 0
    if args.command == "build":
        base_url = _base_url(args.base_url)
        report = build_site(_content_dir(args.content), args.out, base_url, args.card_cache, args.host)
        print(
            f"built {report.pages} pages ({report.files} files) into {report.out_dir}; "
            f"drew {report.cards_drawn} link-preview card(s)"
            + (f", took the others from {display_path(args.card_cache)}" if args.card_cache else "")
        )
        if not base_url:
            print(
                "note: no --base-url given, so pages carry no canonical address and the "
                "sitemap lists paths only; pass --base-url when publishing",
                file=sys.stderr,
            )
        return 0
    if args.command == "host":
        if not (args.site / "_headers").is_file():
            raise UsageError(
                f"{display_path(args.site)} is not a build (no _headers in it): "
                "run python build.py build first, or give --site"
            )
        print(hosts.SERVERS[args.server](args.site, args.root), end="")
        return 0
    if args.command == "serve":
        serve(_content_dir(args.content), args.port)
        return 0
    if args.command == "new":
        added = add_entry(_content_dir(args.content), args.kind, args.id)
        print(
            f"added {args.kind} '{args.id}' to {display_path(added.path)} at line "
            f"{added.line}: replace its {added.todos} TODO(s), then run make check"
        )
        return 0
    if args.command == "translate":
        try:
            print(translation_template(_content_dir(args.content), args.language, args.file), end="")
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        return 0
    if args.command == "translations":
        content_dir = _content_dir(args.content)
        if args.accept and not args.update:
            raise UsageError("--accept records translations: give it with --update")
        if args.update:
            done = translations.update(content_dir, args.accept)
            for line in done.keys:
                print(line)
            print(
                f"recorded {done.recorded} new or revised translation(s); "
                f"{len(done.still_outdated)} still out of date"
            )
        print(translations.report(content_dir), end="")
        return 0
    if args.command == "never-name":
        try:
            count = rules.add_never_named(_content_dir(args.content), args.names)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        print(f"the never-named list holds {count} fingerprint(s); run make check")
        return 0
    if args.command == "source-runs":
        missing = [str(p) for p in args.sources if not p.is_file()]
        if missing:
            raise UsageError(f"no such file: {', '.join(missing)}")
        count = rules.write_source_runs(
            _content_dir(args.content), (p.read_text(encoding="utf-8") for p in args.sources)
        )
        print(f"kept {count} fingerprints of {len(args.sources)} source(s); run make check")
        return 0
    if args.command == "rules":
        print(rules.table(), end="")
        return 0
    if args.command == "schema":
        for path in write_schemas(DEFAULT_CONTENT / "schema"):
            print(f"wrote {path.relative_to(PROJECT_ROOT)}")
        return 0
    raise UsageError(f"unknown command {args.command!r}")


def _content_dir(path: Path) -> Path:
    if not path.is_dir():
        raise UsageError(f"content folder not found: {path}")
    return path.resolve()


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise UsageError(
            f"--base-url must be an http(s) address such as https://example.org/fake-farms/, not {value!r}"
        )
    return value if value.endswith("/") else value + "/"
