"""Checking a parsed clinic template document and building its ClinicTemplate."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from ..colour_contrast import accent_contrast_problem
from ..errors import InputError
from ..i18n.report_texts import LANGUAGES
from ..logo import check_logo
from ..untrusted.text_policy import neutralize
from .model import (
    CLINICIAN_PAGES_LANGUAGES,
    DEFAULT_HEADINGS,
    DEFAULT_SCHEDULE,
    EVIDENCE_SECTIONS,
    FORMAT_VERSION,
    LOCKED_SECTIONS,
    MARGIN_RANGE_MM,
    MAX_SCHEDULE_ROWS,
    PAGE_SIZES,
    SECTION_IDS,
    SIGNATURE_ROLES,
    TEXT_SIZES,
    Branding,
    ClinicTemplate,
    PageSetup,
    ScheduleRow,
    SectionSetting,
    TranslationReview,
)


class LockedSectionWarning(UserWarning):
    """A template file hides or renames locked safety content: it loads, the report shows it."""


_TOP_KEYS = ("format_version", "name", "description", "text_size", "language", "footer_text",
             "branding", "page", "sections", "text", "schedule", "discussion_record",
             "translation_review", "clinician_pages_language")
_BRANDING_KEYS = ("clinic_name", "department", "address", "phone", "website", "logo",
                  "accent_colour", "letterhead")
_PAGE_KEYS = ("size", "margin_mm")
_SECTION_KEYS = ("id", "visible", "heading", "new_page")
_SCHEDULE_WORDS = ("when", "what", "who")
_SCHEDULE_KEYS = (*_SCHEDULE_WORDS, "week")
_RECORD_KEYS = ("signatures",)


class TemplateValidator:
    """Validates one template document; every error names its key and, from a file, its line."""

    def __init__(self, where: str, lines: dict[str, int], base_dir: Path | None,
                 strict: bool = False) -> None:
        self.where = where
        self.lines = lines
        self.base_dir = base_dir
        # strict (validate, save, editing): refuse what an existing file may keep with a
        # warning (a pale accent; hiding or renaming locked safety content).
        self.strict = strict

    def error(self, key: str, message: str) -> InputError:
        # The key itself, then without a list index, then its table: the nearest line known.
        candidates = (key, re.sub(r"\[\d+\]$", "", key), key.rsplit(".", 1)[0])
        line = next((self.lines[k] for k in candidates if k in self.lines), None)
        where = f"{self.where}, line {line}" if self.where and line else self.where
        return InputError(key, message, where=where)

    def table(self, key: str, value: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"must be a table, not {_type_name(value)}")
        for name in value:
            if name not in allowed:
                full = f"{key}.{name}" if key else name
                raise self.error(full, "is not a template setting here; allowed: "
                                 + ", ".join(allowed))
        return value

    def text(self, key: str, value: Any, max_len: int, multiline: bool = False,
             required: bool = False) -> str:
        if not isinstance(value, str):
            raise self.error(key, f"must be text (in quotes), not {_type_name(value)}")
        # Clinic text is free text: invisible format characters and stray controls are removed
        # (untrusted.text_policy), as in a patient's notes; a broken character is refused.
        value = neutralize(unicodedata.normalize("NFC", value), multiline=multiline)
        for i, ch in enumerate(value):
            if unicodedata.category(ch) == "Cs":
                raise self.error(key, f"contains a broken character (an unpaired surrogate, "
                                 f"U+{ord(ch):04X}) at position {i + 1}; retype it")
        if len(value) > max_len:
            raise self.error(key, f"is {len(value)} characters long; at most {max_len} allowed")
        if required and not value.strip():
            raise self.error(key, "must not be empty")
        return value if multiline else value.strip()

    def boolean(self, key: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, not {_type_name(value)}")
        return value

    def number(self, key: str, value: Any, lo: float, hi: float) -> float:
        allowed = f"a finite number between {lo:g} and {hi:g}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, f"must be {allowed}, not {_type_name(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.error(key, f"must be {allowed}; {value} is not")
        if not lo <= value <= hi:
            shown = f"{value:g}" if isinstance(value, float) or abs(value) < 10**15 else \
                "too large"
            raise self.error(key, f"is {shown}; it must be {allowed}")
        return float(value)

    def choice(self, key: str, value: Any, choices: tuple[str, ...]) -> str:
        if not isinstance(value, str) or value.strip().lower() not in choices:
            raise self.error(key, f"{value!r} is not allowed; choose one of: "
                             + ", ".join(choices))
        return value.strip().lower()

    # -- parts ----------------------------------------------------------------------------------

    def template(self, data: Any, builtin: bool, source: str) -> ClinicTemplate:
        data = self.table("", data, _TOP_KEYS)
        if "format_version" not in data:
            raise self.error("format_version", f"is required (this app writes {FORMAT_VERSION})")
        version = data["format_version"]
        if isinstance(version, bool) or not isinstance(version, int):
            raise self.error("format_version", f"must be the number {FORMAT_VERSION}")
        if version != FORMAT_VERSION:
            raise self.error("format_version", f"is not {FORMAT_VERSION}; this app reads clinic "
                             f"template format {FORMAT_VERSION} only")
        if "name" not in data:
            raise self.error("name", "is required: the template's name, e.g. \"Riverside MS\"")
        name = self.text("name", data["name"], 80, required=True)
        d = ClinicTemplate()
        texts = data.get("text", {})
        if not isinstance(texts, dict):
            raise self.error("text", f"must be a table, not {_type_name(texts)}")
        by_language = {k: v for k, v in texts.items() if k in LANGUAGES and isinstance(v, dict)}
        text_blocks = self.text_blocks({k: v for k, v in texts.items() if k not in by_language})
        texts_by_language = {lang: self.text_blocks(v, f"text.{lang}")
                             for lang, v in by_language.items()}
        template = ClinicTemplate(
            name=name,
            format_version=version,
            builtin=builtin,
            branding=self.branding(data.get("branding", {})),
            page=self.page(data.get("page", {})),
            text_size=self.choice("text_size", data.get("text_size", d.text_size), TEXT_SIZES),
            sections=self.sections(data.get("sections", [{"id": s} for s in SECTION_IDS])),
            text_blocks=text_blocks,
            texts_by_language=texts_by_language,
            translation_reviews=self.reviews(data.get("translation_review", {})),
            clinician_pages_language=self.choice(
                "clinician_pages_language",
                data.get("clinician_pages_language", d.clinician_pages_language),
                CLINICIAN_PAGES_LANGUAGES),
            schedule=self.schedule(data.get("schedule", None)),
            signature_roles=self.record(data.get("discussion_record", {})),
            footer_text=self.footer(data.get("footer_text", "")),
            language=self.language(data.get("language", d.language)),
            description=self.text("description", data.get("description", ""), 300),
            source=source,
        )
        return template

    def branding(self, value: Any) -> Branding:
        t = self.table("branding", value, _BRANDING_KEYS)
        d = Branding()

        def text(key: str, max_len: int = 200) -> str:
            return self.text(f"branding.{key}", t.get(key, getattr(d, key)), max_len)

        return Branding(
            clinic_name=self.text("branding.clinic_name", t.get("clinic_name", d.clinic_name),
                                  120, required=True),
            department=text("department"),
            address=text("address", 300),
            phone=text("phone", 60),
            website=text("website"),
            logo=self.logo(t.get("logo", "")),
            accent_colour=self.accent(t.get("accent_colour", d.accent_colour)),
            letterhead=self.boolean("branding.letterhead", t.get("letterhead", d.letterhead)),
        )

    def logo(self, value: Any) -> str:
        path_text = self.text("branding.logo", value, 1000)
        if not path_text:
            return ""
        path = Path(path_text).expanduser()
        if not path.is_absolute():
            path = (self.base_dir or Path.cwd()) / path
        try:
            check_logo(path)
        except InputError as exc:
            raise self.error("branding.logo", exc.message) from None
        return str(path.resolve())

    def colour(self, key: str, value: Any) -> str:
        if isinstance(value, str):
            text = value.strip()
            if re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
                return text.upper()
            if re.fullmatch(r"#[0-9A-Fa-f]{3}", text):
                return "#" + "".join(c * 2 for c in text[1:]).upper()
        raise self.error(key, f"{value!r} is not a colour; write it as #RRGGBB, e.g. \"#1F5C99\"")

    def accent(self, value: Any) -> str:
        colour = self.colour("branding.accent_colour", value)
        problem = accent_contrast_problem(colour)
        if problem and self.strict:
            raise self.error("branding.accent_colour", problem)
        return colour  # a pale accent loads; the build warns and prints a darker shade

    def page(self, value: Any) -> PageSetup:
        t = self.table("page", value, _PAGE_KEYS)
        d = PageSetup()
        return PageSetup(
            size=self.choice("page.size", t.get("size", d.size), PAGE_SIZES),
            margin_mm=self.number("page.margin_mm", t.get("margin_mm", d.margin_mm),
                                  *MARGIN_RANGE_MM),
        )

    def sections(self, value: Any) -> tuple[SectionSetting, ...]:
        if not isinstance(value, list):
            raise self.error("sections", f"must be a list of [[sections]] tables, not "
                             f"{_type_name(value)}")
        out: list[SectionSetting] = []
        for i, item in enumerate(value, 1):
            key = f"sections[{i}]"
            if not isinstance(item, dict):
                raise self.error(key, f"must be a table with id, visible, heading, not "
                                 f"{_type_name(item)}")
            sid = item.get("id")
            if sid not in SECTION_IDS:
                raise self.error(f"{key}.id", f"{sid!r} is not a report section; choose one of: "
                                 + ", ".join(SECTION_IDS))
            extra = [k for k in item if k not in (*_SECTION_KEYS, *LANGUAGES)]
            if extra and sid in EVIDENCE_SECTIONS:
                raise self.error(f"{key}.{extra[0]}", f"the {sid} section is locked to the "
                                 "evidence pack: a template may only hide it (visible) or rename "
                                 "it (heading), never change its statements, numbers or citations")
            self.table(key, item, (*_SECTION_KEYS, *LANGUAGES))
            if any(s.id == sid for s in out):
                raise self.error(f"{key}.id", f"{sid!r} is listed twice; list each section once")
            setting = SectionSetting(
                id=sid,
                visible=self.boolean(f"{key}.visible", item.get("visible", True)),
                heading=self.text(f"{key}.heading", item.get("heading", ""), 120),
                new_page=(self.boolean(f"{key}.new_page", item["new_page"])
                          if "new_page" in item else None),
                headings=self.language_headings(key, item),
            )
            out.append(self.locked(key, setting) if sid in LOCKED_SECTIONS else setting)
        # A section the file does not list is kept, hidden, so the editor can offer it; a
        # locked one is shown (older files do not know it), after the safety or key points.
        out += [SectionSetting(s, visible=False) for s in SECTION_IDS
                if all(o.id != s for o in out) and s not in LOCKED_SECTIONS]
        for sid in sorted(LOCKED_SECTIONS - {o.id for o in out}):
            shown = [o.id for o in out if o.visible]
            anchor = next((a for a in ("safety", "key_points") if a in shown),
                          shown[0] if shown else None)
            at = 1 + next((i for i, o in enumerate(out) if o.id == anchor), -1)
            out.insert(at, SectionSetting(sid))
        if not any(s.visible and s.id not in LOCKED_SECTIONS for s in out):
            raise self.error("sections", "no section is shown; show at least one (visible = true)")
        return tuple(out)

    def language_headings(self, key: str, item: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """[sections.es] heading = "...": the clinic's heading for reports in that language."""
        out = []
        for lang in LANGUAGES:
            if lang in item:
                words = self.table(f"{key}.{lang}", item[lang], ("heading",))
                heading = self.text(f"{key}.{lang}.heading", words.get("heading", ""), 120)
                if heading.strip():
                    out.append((lang, heading))
        return tuple(out)

    def locked(self, key: str, setting: SectionSetting) -> SectionSetting:
        """A locked section as the file gives it: hiding or renaming it is refused (strict) or
        warned about and undone (loading an existing file)."""
        heading = setting.heading.strip()
        if not setting.visible:
            problem = (f"{key}.visible", "hides the locked section")
        elif heading and heading != DEFAULT_HEADINGS[setting.id]:
            problem = (f"{key}.heading", "renames the locked section")
        else:
            return SectionSetting(setting.id, True, "", setting.new_page)
        message = (f"{problem[1]} {setting.id!r} (\u201c{DEFAULT_HEADINGS[setting.id]}\u201d): "
                   "the opioid safety text is in every report and cannot be hidden or "
                   "renamed; remove this setting")
        if self.strict:
            raise self.error(problem[0], message)
        error = self.error(problem[0], message + "; the report shows the section anyway")
        warnings.warn(str(error), LockedSectionWarning, stacklevel=2)
        return SectionSetting(setting.id, True, "", setting.new_page)

    def reviews(self, value: Any) -> dict[str, TranslationReview]:
        """[translation_review.es]: reviewer (a qualified medical translator) and date."""
        others = tuple(lang for lang in LANGUAGES if lang != "en")
        t = self.table("translation_review", value, others)
        out = {}
        for lang, entry in t.items():
            key = f"translation_review.{lang}"
            entry = self.table(key, entry, ("reviewer", "date"))
            if "reviewer" not in entry or "date" not in entry:
                raise self.error(key, "needs reviewer (the qualified medical translator's name) "
                                 "and date (YYYY-MM-DD)")
            reviewer = self.text(f"{key}.reviewer", entry["reviewer"], 120, required=True)
            date = entry["date"]
            if isinstance(date, str):
                try:
                    date = dt.date.fromisoformat(date)
                except ValueError:
                    raise self.error(f"{key}.date", "must be a date, YYYY-MM-DD") from None
            if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
                raise self.error(f"{key}.date", "must be a date, YYYY-MM-DD")
            if not 2000 <= date.year <= dt.date.today().year:
                raise self.error(f"{key}.date", "must be a date from 2000 to today")
            out[lang] = TranslationReview(reviewer, date)
        return out

    def text_blocks(self, value: Any, where: str = "text") -> dict[str, str]:
        from .clinic_text import TEXT_BLOCKS, parse

        t = self.table(where, value, tuple(TEXT_BLOCKS))
        out: dict[str, str] = {}
        for key in TEXT_BLOCKS:
            if key not in t:
                continue
            source = self.text(f"{where}.{key}", t[key], 4000, multiline=True)
            try:
                parse(key, source)
            except InputError as exc:
                raise self.error(exc.field, exc.message) from None
            if source.strip():
                out[key] = source.strip("\n")
        return out

    def schedule(self, value: Any) -> tuple[ScheduleRow, ...]:
        if value is None:
            return DEFAULT_SCHEDULE
        if not isinstance(value, list):
            raise self.error("schedule", f"must be a list of [[schedule]] tables, not "
                             f"{_type_name(value)}")
        if not value:
            raise self.error("schedule", "needs at least one row (when, what, who, week)")
        if len(value) > MAX_SCHEDULE_ROWS:
            raise self.error("schedule", f"has {len(value)} rows; at most {MAX_SCHEDULE_ROWS}")
        rows = []
        for i, item in enumerate(value, 1):
            key = f"schedule[{i}]"
            t = self.table(key, item, (*_SCHEDULE_KEYS, *LANGUAGES))
            rows.append(ScheduleRow(
                *self.schedule_words(key, t),
                week=self.number(f"{key}.week", t.get("week", 0), 0, 520),
                translations=tuple((lang, self.schedule_words(
                    f"{key}.{lang}", self.table(f"{key}.{lang}", t[lang], _SCHEDULE_WORDS)))
                    for lang in LANGUAGES if lang in t),
            ))
        return tuple(rows)

    def schedule_words(self, key: str, t: dict[str, Any]) -> tuple[str, str, str]:
        """when, what, who of one schedule row (or of its [schedule.es] words)."""
        for required in _SCHEDULE_WORDS:
            if required not in t:
                raise self.error(f"{key}.{required}", "is required")
        return (self.text(f"{key}.when", t["when"], 40, required=True),
                self.text(f"{key}.what", t["what"], 400, required=True),
                self.text(f"{key}.who", t["who"], 80, required=True))

    def record(self, value: Any) -> tuple[str, ...]:
        t = self.table("discussion_record", value, _RECORD_KEYS)
        roles = t.get("signatures", ["patient", "clinician"])
        if not isinstance(roles, list) or not roles:
            raise self.error("discussion_record.signatures", "must be a list with at least one "
                             "of: " + ", ".join(SIGNATURE_ROLES))
        out: list[str] = []
        for i, role in enumerate(roles, 1):
            name = self.choice(f"discussion_record.signatures[{i}]", role, tuple(SIGNATURE_ROLES))
            if SIGNATURE_ROLES[name] in out:
                raise self.error("discussion_record.signatures", f"{name!r} is listed twice")
            out.append(SIGNATURE_ROLES[name])
        return tuple(out)

    def footer(self, value: Any) -> str:
        text = self.text("footer_text", value, 300, multiline=True).strip()
        if text.count("\n") > 2:
            raise self.error("footer_text", "has more than 3 lines; keep the footer short")
        return text

    def language(self, value: Any) -> str:
        text = self.text("language", value, 35, required=True)
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
            raise self.error("language", f"{text!r} is not a language tag; use e.g. en, en-GB, "
                             "fr-CA")
        return text


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a table", type(None): "nothing"}.get(type(value), type(value).__name__)


def template_from_dict(data: Any, where: str = "", base_dir: Path | None = None,
                       builtin: bool = False, source: str = "",
                       key_lines: dict[str, int] | None = None,
                       strict: bool = False) -> ClinicTemplate:
    """Validate a parsed template document (as from TOML) and build the ClinicTemplate.

    ``strict`` (validating, saving, editing) also refuses an accent colour too pale for text;
    loading keeps it, and the build warns and prints a darker shade of it.
    It also refuses hiding or renaming locked safety content, which loading warns about
    (LockedSectionWarning) and undoes.
    """
    reader = TemplateValidator(where, key_lines or {}, base_dir, strict)
    return reader.template(data, builtin, source)
