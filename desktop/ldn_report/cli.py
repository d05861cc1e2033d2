"""The ldn-report command line: build a report, list examples, print the context schema.

Never imports Qt. A user's mistake gives one clear line on stderr and exit code 2, no traceback.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import json
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .batch.cli import add_batch_command
from .cli_arguments import path_argument
from .errors import EvidencePackError, InputError
from .register.cli import add_register_command, add_verify_command
from .templates.cli import add_templates_command

if TYPE_CHECKING:
    from .register.helper_process import RecordingHelper
    from .templates.model import ClinicTemplate

EXIT_OK, EXIT_USAGE, EXIT_PACK = 0, 2, 3
PRIVATE = 0o600  # files holding patient data


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise InputError so they print like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # "argument --jobs: --jobs must be ..." says the option once: "--jobs must be ...".
        if m := re.fullmatch(r"argument (\S+): (.*)", message, re.DOTALL):
            flags, rest = m[1], m[2]
            said = any(rest.startswith(f"{flag} ") for flag in flags.split("/"))
            message = rest if said else f"{flags}: {rest}"
        raise InputError("", f"{message} (see '{self.prog} --help')")


def _cmd_build(args: argparse.Namespace) -> int:
    # The register's SQLAlchemy loads in a helper process while this one builds (real runs only:
    # a test calling main() in its own process keeps everything in it).
    helper = None
    if getattr(args, "register_helper", False):
        from .register.helper_process import RecordingHelper

        helper = RecordingHelper(args.register).start()
    try:
        return _build(args, helper)
    finally:
        if helper is not None:
            helper.cancel()  # bad input, an error, Ctrl-C: the helper exits untouched


def _build(args: argparse.Namespace, helper: RecordingHelper | None) -> int:
    from .atomic import atomic_write_all
    from .build import build_html, build_report
    from .chart_note import chart_note
    from .context import load_context
    from .examples import load_example
    from .i18n import cli_texts, report_language
    from .templates.catalogue import resolve_template

    ctx = load_context(args.context) if args.context else load_example(args.example)
    if args.language:
        ctx = ctx.with_values(language=report_language(args.language, "--language"))
    template = resolve_template(args.template)
    out = Path(args.output)
    if out.is_dir():
        raise InputError("-o", f"{out} is a folder; give a file name ending in .pdf or .html")
    if out.suffix.lower() not in (".pdf", ".html", ".htm"):
        raise InputError("-o", f"{out.name} must end in .pdf or .html")
    if args.accessible and out.suffix.lower() != ".pdf":
        raise InputError("--accessible", f"makes a PDF: give -o a file name ending in .pdf, "
                         f"not {out.suffix}")
    outputs = {"-o": out}
    if args.chart_note:
        outputs["--chart-note"] = Path(args.chart_note)
    _check_outputs(outputs, args, template)

    warnings: tuple[str, ...] = ()
    if out.suffix.lower() == ".pdf":
        result = build_report(ctx, template, accessible=args.accessible)
        report, digest, warnings = result.report, result.content_hash, result.warnings
        data: bytes | str = result.pdf
        wrote = _line(args, cli_texts.WROTE_ACCESSIBLE if args.accessible else
                      cli_texts.WROTE_PDF, str(out), str(result.page_count), digest)
    else:  # the accessible HTML version: composed like the PDF, but no PDF is rendered
        data, report, digest = build_html(ctx, template)
        wrote = _line(args, cli_texts.WROTE_HTML, str(out), digest)
    # Patient data: readable by the user only. All files are written together or not at all.
    files: list[tuple[Path, bytes | str, int | None]] = [(out, data, PRIVATE)]
    if args.chart_note:
        files.append((outputs["--chart-note"], chart_note(ctx, report, digest), PRIVATE))
    atomic_write_all(files)
    for warning in warnings:
        print(_warning(args, warning), file=sys.stderr)
    _record(args, ctx, report, digest, data, out, template, helper)
    print(wrote)
    if args.chart_note:
        print(_line(args, cli_texts.WROTE_CHART_NOTE, str(args.chart_note)))
    return EXIT_OK


def _language(args: argparse.Namespace | None) -> str:
    """The language --language asked for (its primary subtag), else "en": the CLI's own lines
    follow it; without it they stay English, word for word, for scripts."""
    tag = getattr(args, "language", None) or "en"
    return tag.strip().replace("_", "-").split("-")[0].lower() or "en"


def _line(args: argparse.Namespace | None, text: str, *values: str) -> str:
    """One of the CLI's own lines (i18n/cli_texts.py) with its %1 … filled, in the language
    --language asked for (the interface's .ts, read without Qt)."""
    from .i18n.fill import fill

    language = _language(args)
    if language != "en":
        from .i18n.ts_catalogue import translator

        text = translator(language)("CommandLine", text)
    return fill(text, *values)


def _warning(args: argparse.Namespace | None, warning: str) -> str:
    """A "warning: ..." line; with --language the core's warning in that language too."""
    from .i18n import cli_texts

    language = _language(args)
    if language != "en":
        from .i18n.core_messages import warning_text
        from .i18n.ts_catalogue import translator

        warning = warning_text(warning, translator(language))
    return _line(args, cli_texts.WARNING, warning)


def _record(args: argparse.Namespace, ctx: object, report: object, digest: str,
            data: bytes | str, out: Path, template: ClinicTemplate,
            helper: RecordingHelper | None) -> None:
    """Put the report in the handout register; a failure is one warning line, never an error."""
    from .register.record import file_kind, template_ref
    from .register.recorder import record_output

    kind = file_kind(data, accessible=args.accessible)
    problem = record_output(ctx, report, digest, kind, str(out.resolve()), data=data,
                            template_ref=template_ref(template), recorder=helper,
                            register=args.register)
    if problem:
        print(_warning(args, problem), file=sys.stderr)


def _check_outputs(outputs: dict[str, Path], args: argparse.Namespace,
                   template: ClinicTemplate) -> None:
    """Before anything is built or written: no output is an input or another output, and
    every output can be written."""
    from .examples import example_path
    from .output_paths import check_writable, refuse_collisions

    inputs: dict[str, Path] = {}
    if args.context:
        inputs["--context"] = Path(args.context)
    if args.example:
        inputs["--example"] = example_path(args.example)
    if template.source and not template.builtin:
        inputs["--template"] = Path(template.source)
    if template.branding.logo:
        inputs["the template's logo"] = Path(template.branding.logo)
    refuse_collisions(outputs, inputs)
    for flag, path in outputs.items():
        check_writable(flag, path)


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
    source.add_argument("--context", metavar="FILE", help="patient context JSON (format v1)",
                        type=path_argument("a patient context .json file"))
    source.add_argument("--example", metavar="NAME", help="a bundled example (see 'examples')")
    p.add_argument("--template", metavar="NAME|FILE", help="clinic template name or .toml file",
                   type=path_argument("a template name or a .toml file"))
    p.add_argument("--language", metavar="LANG",
                   help="report language: en or es (default: the context's, else the "
                   "template's)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf|OUT.html",
                   type=path_argument("a file name ending in .pdf or .html"),
                   help="where to write; the suffix picks PDF or accessible HTML")
    p.add_argument("--chart-note", metavar="FILE", help="also write the chart note here",
                   type=path_argument("a file name for the chart note"))
    p.add_argument("--accessible", action="store_true",
                   help="write a tagged PDF/UA-1 file for screen readers (same content)")
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
    add_register_command, add_verify_command,
]


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ldn-report", description="LDN counseling report builder")
    parser.add_argument("--version", action="version",
                        version=f"ldn-report {__version__} (evidence pack {_pack_version()})")
    _add_register_option(parser, default=None)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for add in SUBCOMMANDS:
        add(sub)
    _add_register_option_to_subcommands(parser)
    return parser


def _add_register_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--register", metavar="URL|FILE", default=default,
                        help="the handout register: postgresql://user@host/db, or a SQLite "
                             "file (default: $LDN_REGISTER, the app setting, else one in the "
                             "user data folder)")


def _add_register_option_to_subcommands(parser: argparse.ArgumentParser) -> None:
    """Accept --register after the subcommand too ('register list --register URL').

    SUPPRESS as the default keeps the value given before the subcommand when it is not repeated.
    """
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for subparser in getattr(action, "choices", {}).values():
            _add_register_option(subparser, default=argparse.SUPPRESS)
            _add_register_option_to_subcommands(subparser)


def _pack_version() -> str:
    import tomllib

    from .paths import EVIDENCE_DIR

    try:
        with (EVIDENCE_DIR / "pack.toml").open("rb") as handle:
            return tomllib.load(handle)["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "missing"


def _as_the_command(args: argparse.Namespace) -> None:
    """Settings for this process when it is the `ldn-report` command itself (never when a test
    or the app calls main): it has no threads and ends when the command does.

    PIL loads only if a logo needs it (reportlab_import.defer_pil_image). A build runs without
    the cyclic garbage collector: its passes over the ~50,000 objects the imports make cost
    ~20 ms CPU of a ~200 ms build (and ~15 ms in the register helper, forked with it), while
    the cycles a build leaves hold about a megabyte, freed when the process ends. At exit the
    objects are frozen (gc.freeze) so that the interpreter's last collections skip them: its
    files are written and closed by then, and a full pass would only free memory the system
    takes back anyway (~30 ms).
    """
    from .render.reportlab_import import defer_pil_image

    defer_pil_image()
    if args.command == "build":
        gc.disable()
        atexit.register(gc.freeze)


def _error_text(exc: InputError, args: argparse.Namespace | None) -> str:
    """The mistake in English (scripts parse it), or in the language --language asked for."""
    language = _language(args)
    if language == "en":
        return str(exc)
    from .i18n.core_messages import input_error_text
    from .i18n.ts_catalogue import translator

    return input_error_text(exc, translator(language))


def main(argv: Sequence[str] | None = None) -> int:
    from .i18n import cli_texts

    warnings.simplefilter("default")
    # args is read when a warning comes (late binding): in --language's language once parsed.
    warnings.showwarning = lambda msg, *a, **k: print(_warning(args, str(msg)), file=sys.stderr)
    args = None
    try:
        args = make_parser().parse_args(argv)
        # Run as the `ldn-report` command (argv from the command line): a build may hand its
        # register write to a helper process (register/helper_process.py).
        args.register_helper = argv is None
        if argv is None:
            _as_the_command(args)
        return args.func(args)
    except InputError as exc:
        print(_line(args, cli_texts.ERROR, _error_text(exc, args)), file=sys.stderr)
        return EXIT_USAGE
    except EvidencePackError as exc:
        print(_line(args, cli_texts.PACK_BROKEN, str(exc)), file=sys.stderr)
        return EXIT_PACK
    except KeyboardInterrupt:
        print(_line(args, cli_texts.INTERRUPTED), file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(_line(args, cli_texts.CANNOT_READ_OR_WRITE, where, str(exc.strerror)),
              file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
