"""Safe JSON and TOML parsing: bounded nesting and numbers, no NaN/Infinity, no duplicate keys.

Python's parsers recurse once per bracket and refuse integers over 4,300 digits with a bare
ValueError, so a 2 KB hostile file used to end in a traceback. Every file the app parses comes
through here: the text is scanned first (strings and comments skipped), then parsed, and every
problem is an InputError naming the file, line and column.
"""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
from typing import Any

from ..errors import InputError
from .files import decode_utf8, read_regular_file

MAX_DEPTH = 32  # a context needs 2 levels, a template 3; deeper is not one of our files
MAX_DIGITS = 100  # in one number (or anything that starts like one)

# An unclosed string ends at its line's (or the text's) end, so that the scan stays linear.
_JSON_TOKENS = re.compile(r"""
    "(?:[^"\\\n]|\\[\s\S])*(?:"|(?=\n)|\\?\Z)  # a string: skipped whole
  | [\[{] | [\]}]
  | -?[0-9][0-9A-Za-z_.+-]*           # a number (or something that starts like one)
  | [A-Za-z_]+                        # a bare word: true, false, null ... or NaN, Infinity
""", re.VERBOSE)
_TOML_TOKENS = re.compile(r'''
    \#[^\n]*                          # a comment
  | """(?:[^\\]|\\[\s\S])*?(?:"""|\\?\Z)    # strings: multi-line basic, multi-line literal,
  | \'\'\'[\s\S]*?(?:\'\'\'|\Z)         # basic, literal
  | "(?:[^"\\\n]|\\[\s\S])*(?:"|(?=\n)|\\?\Z)
  | '[^'\n]*(?:'|(?=\n)|\Z)
  | [\[{] | [\]}]
  | [+-]?[0-9][0-9A-Za-z_.:+-]*       # a number, date or time (or a bare key of digits)
''', re.VERBOSE)


def _place(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"line {line}, column {pos - (text.rfind(chr(10), 0, pos) + 1) + 1}"


def check_structure(text: str, dialect: str, where: str = "") -> None:
    """InputError for nesting deeper than MAX_DEPTH, over-long numbers, and (JSON) non-finite
    numbers, with line and column. ``dialect`` is "json" or "toml"."""
    tokens = _JSON_TOKENS if dialect == "json" else _TOML_TOKENS
    depth = 0
    for match in tokens.finditer(text):
        token = match.group()
        first = token[0]
        if first in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError("", f"is nested too deeply at {_place(text, match.start())} "
                                 f"(more than {MAX_DEPTH} levels of brackets); this is not a "
                                 "file this app wrote", where=where)
        elif first in "]}":
            depth = max(0, depth - 1)
        elif first.isdigit() or (first in "+-" and len(token) > 1):
            digits = sum(c.isalnum() for c in token)  # hex digits too: 0xFFFF...
            if digits > MAX_DIGITS:
                raise InputError("", f"has a number with {digits:,} digits at "
                                 f"{_place(text, match.start())}; numbers here have at most "
                                 f"{MAX_DIGITS} digits", where=where)
            if dialect == "json" and not _finite(token):
                raise InputError("", f"has a number too large to use at "
                                 f"{_place(text, match.start())}; numbers must be finite",
                                 where=where)
        elif dialect == "json" and token in ("NaN", "Infinity"):
            raise InputError("", f"has {token} at {_place(text, match.start())}, which is not "
                             "valid JSON; numbers must be finite", where=where)


def _finite(token: str) -> bool:
    try:
        return math.isfinite(float(token))
    except ValueError:
        return True  # not a number after all: the parser will say what is wrong


class _Pairs(list):
    """A JSON object as parsed: its (key, value) pairs in file order, duplicates kept."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(text: str, where: str = "") -> Any:
    """The JSON value of ``text``; InputError for syntax (with line and column), nesting,
    huge or non-finite numbers and a key given twice in one object (named by its path)."""
    check_structure(text, "json", where)
    try:
        data = json.loads(text, object_pairs_hook=_Pairs, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InputError("", f"is not valid JSON: {exc.msg} at line {exc.lineno}, column "
                         f"{exc.colno}", where=where) from None
    except (ValueError, RecursionError) as exc:  # the scan above should have caught these
        raise InputError("", f"is not a JSON file this app can use ({type(exc).__name__})",
                         where=where) from None
    return _objects(data, "", where)


def _objects(value: Any, path: str, where: str) -> Any:
    """Pairs to dicts, refusing a key given twice; depth is bounded by check_structure."""
    if isinstance(value, _Pairs):
        out: dict[str, Any] = {}
        for key, item in value:
            name = f"{path}.{key}" if path else key
            if key in out:
                raise InputError(name, "is given twice; give each key once (the file does not "
                                 "say which value is meant)", where=where)
            out[key] = _objects(item, name, where)
        return out
    if isinstance(value, list):
        return [_objects(item, f"{path}[{i}]", where) for i, item in enumerate(value)]
    return value


def parse_toml(text: str, where: str = "") -> dict[str, Any]:
    """The TOML document in ``text``; InputError for syntax (line and column), nesting and huge
    numbers. TOML itself refuses a key given twice. inf/nan parse; field checks refuse them."""
    check_structure(text, "toml", where)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", message)
        reason = re.sub(r"\s*\(at .*\)$", "", message)
        place = f"line {m[1]}, column {m[2]}" if m else \
            f"line {text.count(chr(10)) + 1} (end of file)"
        raise InputError("", f"is not valid TOML: {reason} at {place}", where=where) from None
    except (ValueError, RecursionError) as exc:  # the scan above should have caught these
        raise InputError("", f"is not a TOML file this app can use ({type(exc).__name__})",
                         where=where) from None


def read_json_file(path: str | os.PathLike[str], max_bytes: int, what: str) -> Any:
    """Read (regular file, bounded, UTF-8) and parse a JSON file; InputError names the file."""
    where = str(path)
    raw = read_regular_file(path, max_bytes, what=what, where=where)
    return parse_json(decode_utf8(raw, where=where), where)


def read_toml_file(path: str | os.PathLike[str], max_bytes: int, what: str) -> dict[str, Any]:
    """Read (regular file, bounded, UTF-8) and parse a TOML file; InputError names the file."""
    where = str(path)
    raw = read_regular_file(path, max_bytes, what=what, where=where)
    return parse_toml(decode_utf8(raw, where=where), where)
