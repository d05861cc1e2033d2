"""The ldn-report command line: build a report, list examples, print the context schema.

Never imports Qt. A user's mistake gives one clear line on stderr and exit code 2, no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .batch.cli import add_batch_command
from .errors import EvidencePackError, InputError
from .templates.cli import add_templates_command

if TYPE_CHECKING:
    from .context import PatientContext
    from .templates.model import ClinicTemplate

EXIT_OK, EXIT_USAGE, EXIT_PACK = 0, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise InputError so they print like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError("", f"{message} (see '{self.prog} --help')")


def _cmd_build(args: argparse.Namespace) -> int:
    from .atomic import atomic_write
    from .build import build_report
    from .context import load_context
    from .examples import load_example
    from .templates.catalogue import resolve_template

    ctx = load_context(args.context) if args.context else load_example(args.example)
    template = resolve_template(args.template)
    out = Path(args.output)
    if out.is_dir():
        raise InputError("-o", f"{out} is a folder; give a file name ending in .pdf or .html")
    if out.suffix.lower() not in (".pdf", ".html", ".htm"):
        raise InputError("-o", f"{out.name} must end in .pdf or .html")
    if out.suffix.lower() != ".pdf":
        return _write_html(args, ctx, template, out)
    result = build_report(ctx, template)
    atomic_write(out, result.pdf)
    if args.chart_note:
        atomic_write(args.chart_note, result.chart_note)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {out} ({result.page_count} pages, content {result.content_hash})")
    if args.chart_note:
        print(f"wrote chart note {args.chart_note}")
    return EXIT_OK


def _write_html(args: argparse.Namespace, ctx: PatientContext, template: ClinicTemplate,
                out: Path) -> int:
    """The accessible HTML version: composed like the PDF, but no PDF is rendered."""
    from .atomic import atomic_write
    from .build import build_html
    from .chart_note import chart_note

    html, report, digest = build_html(ctx, template)
    atomic_write(out, html)
    if args.chart_note:
        atomic_write(args.chart_note, chart_note(ctx, report, digest))
    print(f"wrote {out} (HTML, content {digest})")
    if args.chart_note:
        print(f"wrote chart note {args.chart_note}")
    return EXIT_OK


def _cmd_examples(args: argparse.Namespace) -> int:
    from .examples import example_names, example_path

    for name in example_names():
        print(f"{name}\t{example_path(name)}" if args.paths else name)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .context import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _add_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="build one report (PDF, or accessible HTML)")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--context", metavar="FILE", help="patient context JSON (format v1)")
    source.add_argument("--example", metavar="NAME", help="a bundled example (see 'examples')")
    p.add_argument("--template", metavar="NAME|FILE", help="clinic template name or .toml file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf|OUT.html",
                   help="where to write; the suffix picks PDF or accessible HTML")
    p.add_argument("--chart-note", metavar="FILE", help="also write the chart note here")
    p.set_defaults(func=_cmd_build)


def _add_examples(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("examples", help="list the bundled example patient contexts")
    p.add_argument("--paths", action="store_true", help="also print each file's path")
    p.set_defaults(func=_cmd_examples)


def _add_schema(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the patient context")
    p.set_defaults(func=_cmd_schema)


# Each entry adds one subcommand; other modules add theirs here (templates, batch).
SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_build, _add_examples, _add_schema, add_batch_command, add_templates_command,
]


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ldn-report", description="LDN counseling report builder")
    parser.add_argument("--version", action="version",
                        version=f"ldn-report {__version__} (evidence pack {_pack_version()})")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def _pack_version() -> str:
    import tomllib

    from .paths import EVIDENCE_DIR

    try:
        with (EVIDENCE_DIR / "pack.toml").open("rb") as handle:
            return tomllib.load(handle)["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "missing"


def main(argv: Sequence[str] | None = None) -> int:
    warnings.simplefilter("default")
    warnings.showwarning = lambda msg, *a, **k: print(f"warning: {msg}", file=sys.stderr)
    try:
        args = make_parser().parse_args(argv)
        return args.func(args)
    except InputError as exc:
        print(f"ldn-report: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except EvidencePackError as exc:
        print(f"ldn-report: the evidence pack is broken, no report was made: {exc}",
              file=sys.stderr)
        return EXIT_PACK
    except KeyboardInterrupt:
        print("ldn-report: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"ldn-report: error: cannot write or read{where}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
