"""The ``ldn-report templates`` subcommand: list, show, validate and export clinic templates."""

from __future__ import annotations

import argparse
import sys

from ..cli_arguments import path_argument
from ..errors import InputError
from .catalogue import (
    builtin_templates,
    export_template,
    resolve_template,
    user_templates,
    user_templates_dir,
)
from .file_format import template_to_toml


def _cmd_list(args: argparse.Namespace) -> int:
    mine, broken = user_templates()
    for t in (*builtin_templates(), *mine):
        kind = "built-in" if t.builtin else "user"
        shown = len(t.visible_sections())
        line = f"{t.name}\t{kind}\t{t.page.size}\t{t.text_size}\t{shown} sections"
        print(f"{line}\t{t.source}" if args.paths else line)
    for exc in broken:
        print(f"warning: clinic template skipped: {exc}", file=sys.stderr)
    if args.paths:
        print(f"# user templates folder: {user_templates_dir()}", file=sys.stderr)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    template = resolve_template(args.name)
    sys.stdout.write(template_to_toml(template))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .file_format import load_template

    template = load_template(args.file, strict=True)  # what a save would refuse, too
    shown = ", ".join(s.id for s in template.visible_sections())
    blocks = ", ".join(template.text_blocks) or "none"
    print(f"ok: {args.file}: \u201c{template.name}\u201d ({template.page.size}, "
          f"{template.text_size} print); sections shown: {shown}; text blocks: {blocks}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    if not args.file.lower().endswith(".toml"):
        raise InputError("FILE", f"{args.file} must end in .toml")
    template = resolve_template(args.name)
    for path in export_template(template, args.file):
        print(f"wrote {path}")
    return 0


def add_templates_command(sub: argparse._SubParsersAction) -> None:
    """Add ``templates list | show NAME | validate FILE | export NAME FILE`` to the CLI."""
    p = sub.add_parser("templates", help="list, show, validate or export clinic templates")
    tsub = p.add_subparsers(dest="templates_command", required=True,
                            parser_class=type(p))
    ls = tsub.add_parser("list", help="built-in and user templates")
    ls.add_argument("--paths", action="store_true", help="also print each template's file")
    ls.set_defaults(func=_cmd_list)
    show = tsub.add_parser("show", help="print a template as TOML")
    show.add_argument("name", metavar="NAME", type=path_argument("a template name or file"),
                      help="template name (or slug, or .toml file)")
    show.set_defaults(func=_cmd_show)
    val = tsub.add_parser("validate", help="check a template .toml file")
    val.add_argument("file", metavar="FILE", type=path_argument("a .toml template file"))
    val.set_defaults(func=_cmd_validate)
    exp = tsub.add_parser("export", help="write a template to a .toml file to share")
    exp.add_argument("name", metavar="NAME", type=path_argument("a template name or file"))
    exp.add_argument("file", metavar="FILE", type=path_argument("a .toml file to write"))
    exp.set_defaults(func=_cmd_export)
