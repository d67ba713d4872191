"""Command line: ``python -m sitegen check|schema|export|versions`` (run with ``hooks/`` on the path)."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

from . import freshness
from .build import Publishing, generate, load_site, markdown_pages, unexpected
from .model import DataError
from .publishing import SettingError

SCHEMAS = {
    "tool": "Tool",
    "aspect": "Aspect",
    "question": "Question",
    "topics": "Topics",
    "decision": "Decision",
    "search": "Search",
}


def schemas() -> dict[str, str]:
    """JSON Schema text for each kind of data file, for editors (yaml-language-server)."""
    import msgspec

    from . import model

    result = {}
    for name, type_name in SCHEMAS.items():
        schema = msgspec.json.schema(getattr(model, type_name))
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Keras vs TensorFlow: {name} data file"
        result[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the data without building the site")
    check.add_argument("data", type=Path, nargs="?", default=Path("data"))
    check.add_argument("--docs", type=Path, help="hand-written pages to check links of (default: docs/ beside data/)")
    check.add_argument(
        "--today", type=datetime.date.fromisoformat, help="the day review dates are aged from (default: today)"
    )
    check.add_argument(
        "--stale-after",
        type=int,
        default=freshness.STALE_AFTER_DAYS,
        metavar="DAYS",
        help=f"warn about review dates older than this (default: {freshness.STALE_AFTER_DAYS})",
    )
    schema = commands.add_parser("schema", help="write the JSON Schemas of the data files")
    schema.add_argument("out", type=Path, nargs="?", default=Path("schema"))
    export = commands.add_parser("export", help="write the generated pages and files (as the build adds them)")
    export.add_argument("data", type=Path)
    export.add_argument("out", type=Path)
    export.add_argument(
        "--markdown",
        action="store_true",
        help="write the data's texts into the pages as their Markdown, for MkDocs to render, not as sanitised HTML "
        "(the pages a person would write by hand: make bench's plain build)",
    )
    compared = commands.add_parser("versions", help="compare each tool's reviewed version with PyPI (network)")
    compared.add_argument("data", type=Path, nargs="?", default=Path("data"))
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            start = time.perf_counter()
            docs = args.docs or args.data.parent / "docs"
            publishing = Publishing.read(args.data.parent / "mkdocs.yml")  # its addresses are checked too
            site = generate(args.data, docs if docs.is_dir() else None, publishing=publishing).site
            print(
                f"ok: {len(site.tools)} tools, {len(site.aspects)} aspects, {len(site.questions)} questions "
                f"({(time.perf_counter() - start) * 1000:.0f} ms)"
            )
            today = args.today or datetime.date.today()
            warning = freshness.report(freshness.stale(site, today, args.stale_after), args.stale_after)
            if warning:
                print(warning, file=sys.stderr)
            future = freshness.report_ahead(freshness.ahead(site, today), today)
            if future:  # a mistake, unlike an old date: make check fails
                print(future, file=sys.stderr)
                return 1
        elif args.command == "schema":
            args.out.mkdir(parents=True, exist_ok=True)
            for name, text in schemas().items():
                (args.out / name).write_text(text, encoding="utf-8")
        elif args.command == "versions":
            from . import versions  # only this command needs the network and version parsing

            tools = load_site(args.data).tools
            try:
                standings = versions.compare(tools, versions.newest_on_pypi)
            except (OSError, ValueError, KeyError) as err:
                print(f"could not ask PyPI: {err}", file=sys.stderr)
                return 2
            print(versions.report(standings, [tool.id for tool in tools if tool.package is None]))
            return 1 if any(standing.behind for standing in standings) else 0
        else:
            publishing = Publishing.read(args.data.parent / "mkdocs.yml")
            generated = generate(args.data, publishing=publishing)
            pages = markdown_pages(generated.site, publishing) if args.markdown else generated.pages
            for path, text in (pages | generated.files).items():
                target = args.out / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    except (DataError, SettingError) as err:
        print(err, file=sys.stderr)
        return 1
    except Exception as err:  # a gap in the checks: one message, no traceback
        print(unexpected(err, f"python -m sitegen {args.command}", "the command"), file=sys.stderr)
        return 1
    return 0
