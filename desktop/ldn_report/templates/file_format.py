"""The clinic template TOML file: reading it (size limit, UTF-8, line numbers) and writing it."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from ..atomic import atomic_write
from ..errors import InputError
from ..untrusted.files import decode_utf8, read_regular_file
from ..untrusted.structured import parse_toml
from .model import FORMAT_VERSION, SIGNATURE_ROLES, ClinicTemplate
from .validation import LockedSectionWarning as LockedSectionWarning
from .validation import template_from_dict

MAX_TOML_BYTES = 1_000_000

# -- reading ------------------------------------------------------------------------------------

def _key_lines(text: str) -> dict[str, int]:
    """Where each key is set in a TOML text (best effort), for line numbers in error messages."""
    lines: dict[str, int] = {}
    table, counts, in_multiline = "", {}, False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        quotes = line.count('"""') + line.count("'''")
        if in_multiline:
            in_multiline = quotes % 2 == 0
            continue
        if m := re.match(r"\[\[\s*([A-Za-z0-9_-]+)\s*\]\]", line):
            counts[m[1]] = counts.get(m[1], 0) + 1
            table = f"{m[1]}[{counts[m[1]]}]"
        elif m := re.match(r"\[\s*([A-Za-z0-9_.-]+)\s*\]", line):
            array, _, sub = m[1].partition(".")
            # [schedule.es] after [[schedule]]: the last row's words in that language
            table = f"{array}[{counts[array]}].{sub}" if sub and array in counts else m[1]
        elif m := re.match(r"([A-Za-z0-9_-]+)\s*=", line):
            key = f"{table}.{m[1]}" if table else m[1]
            lines.setdefault(key, number)
            in_multiline = quotes % 2 == 1
            continue
        else:
            continue
        lines.setdefault(table, number)
    return lines


def template_from_toml(text: str, where: str = "", base_dir: Path | None = None,
                       builtin: bool = False, source: str = "",
                       strict: bool = False) -> ClinicTemplate:
    """Parse and validate TOML text; a syntax error gives its line and column."""
    data = parse_toml(text, where)
    return template_from_dict(data, where, base_dir, builtin, source, _key_lines(text), strict)


def load_template(path: str | Path, builtin: bool = False, strict: bool = False) -> ClinicTemplate:
    """Read and validate a template .toml file; errors name the file, key and line.

    ``strict``: as for ``templates validate`` (see template_from_dict)."""
    path = Path(path).expanduser()
    where = str(path)
    raw = read_regular_file(path, MAX_TOML_BYTES, what=".toml template file", where=where)
    text = decode_utf8(raw, where=where)
    return template_from_toml(text, where, path.parent.resolve(), builtin, str(path.resolve()),
                              strict)


# -- writing ------------------------------------------------------------------------------------

def template_to_dict(template: ClinicTemplate, base_dir: Path | None = None) -> dict[str, Any]:
    """The TOML document for a template; a logo inside ``base_dir`` is written relative to it."""
    b = template.branding
    logo = b.logo
    if logo and base_dir is not None:
        with contextlib.suppress(ValueError):  # outside base_dir: keep the absolute path
            logo = Path(logo).resolve().relative_to(base_dir.resolve()).as_posix()
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "name": template.name,
    }
    if template.description:
        data["description"] = template.description
    data.update(text_size=template.text_size, language=template.language,
                footer_text=template.footer_text)
    if template.clinician_pages_language != "report":
        data["clinician_pages_language"] = template.clinician_pages_language
    data["branding"] = {
        "clinic_name": b.clinic_name, "department": b.department, "address": b.address,
        "phone": b.phone, "website": b.website, "logo": logo, "accent_colour": b.accent_colour,
        "letterhead": b.letterhead,
    }
    data["page"] = {"size": template.page.size, "margin_mm": template.page.margin_mm}
    data["sections"] = [{"id": s.id, "visible": s.visible, "heading": s.heading}
                        | ({} if s.new_page is None else {"new_page": s.new_page})
                        | {lang: {"heading": heading} for lang, heading in s.headings}
                        for s in template.sections]
    data["text"] = dict(template.text_blocks) | {
        lang: dict(blocks) for lang, blocks in template.texts_by_language.items() if blocks}
    if template.translation_reviews:
        data["translation_review"] = {
            lang: {"reviewer": r.reviewer, "date": r.date}
            for lang, r in template.translation_reviews.items()}
    data["schedule"] = [{"when": r.when, "what": r.what, "who": r.who, "week": r.week}
                        | {lang: dict(zip(("when", "what", "who"), words, strict=True))
                           for lang, words in r.translations}
                        for r in template.schedule]
    inverse = {label: key for key, label in SIGNATURE_ROLES.items()}
    data["discussion_record"] = {"signatures": [inverse[r] for r in template.signature_roles]}
    return data


def template_to_toml(template: ClinicTemplate, base_dir: Path | None = None) -> str:
    """The template as a TOML file, laid out for people: one [[sections]] table per section."""
    data = template_to_dict(template, base_dir)
    out = [f"# LDN report clinic template (format {FORMAT_VERSION}). Text blocks use a small "
           "markup: **bold**, *italic*,", "# lines starting \"- \" are bullets, a blank line "
           "starts a paragraph, placeholders like {clinic_phone}.", ""]
    tables = {k: v for k, v in data.items() if isinstance(v, dict | list)}
    out += [_toml_pair(k, v) for k, v in data.items() if k not in tables]
    for key, value in tables.items():
        if isinstance(value, dict):
            # [text.es], [translation_review.es]: a language's own table after the plain keys
            nested = {k: v for k, v in value.items() if isinstance(v, dict)}
            plain = [_toml_pair(k, v) for k, v in value.items() if k not in nested]
            if plain or not nested:
                out += ["", f"[{key}]", *plain]
            for sub, table in nested.items():
                out += ["", f"[{key}.{sub}]", *(_toml_pair(k, v) for k, v in table.items())]
        else:
            for row in value:
                # [sections.es], [schedule.es]: the row's words in a language, under the row
                nested = {k: v for k, v in row.items() if isinstance(v, dict)}
                out += ["", f"[[{key}]]",
                        *(_toml_pair(k, v) for k, v in row.items() if k not in nested)]
                for sub, table in nested.items():
                    out += [f"[{key}.{sub}]", *(_toml_pair(k, v) for k, v in table.items())]
    return "\n".join(out) + "\n"


def _toml_pair(key: str, value: Any) -> str:
    import tomli_w

    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return tomli_w.dumps({key: value}, multiline_strings=True).rstrip("\n")


def save_template(template: ClinicTemplate, path: str | Path) -> Path:
    """Write ``template`` to ``path`` atomically, after checking the file will load again.

    A template that does not validate raises InputError and the old file stays as it was.
    """
    path = Path(path).expanduser()
    if path.suffix.lower() != ".toml":
        raise InputError("", "a template file name must end in .toml", where=str(path))
    base = path.parent.resolve()
    text = template_to_toml(template, base)
    template_from_toml(text, str(path), base, strict=True)  # a later load's checks, and more
    return atomic_write(path, text)
