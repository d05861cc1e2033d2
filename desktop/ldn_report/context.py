"""PatientContext, format version 1: its fields, validation, JSON load/save and JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .errors import InputError
from .i18n.report_texts import LANGUAGES
from .untrusted.structured import read_json_file
from .untrusted.text_policy import check_identifier, neutralize

SCHEMA_VERSION = 1

PHENOTYPES = ("CIS", "RRMS", "SPMS", "PPMS", "unknown")
DMT_STATUSES = (
    "on_dmt_tolerating",
    "on_dmt_not_tolerating",
    "stopped_intolerance",
    "contraindicated",
    "declined",
    "none_yet",
    "unknown",
)
GOALS = (
    "mood",
    "pain",
    "cognition",
    "fatigue",
    "quality_of_life",
    "slow_progression",
    "fewer_relapses",
    "replace_dmt",
)

# Plain-language labels for the enumerations, shared by the form, the report and the CLI.
PHENOTYPE_LABELS = {
    "CIS": "Clinically isolated syndrome (CIS)",
    "RRMS": "Relapsing-remitting MS",
    "SPMS": "Secondary progressive MS",
    "PPMS": "Primary progressive MS",
    "unknown": "Not recorded",
}
DMT_STATUS_LABELS = {
    "on_dmt_tolerating": "On a DMT and tolerating it",
    "on_dmt_not_tolerating": "On a DMT but not tolerating it",
    "stopped_intolerance": "Stopped a DMT because of side effects",
    "contraindicated": "DMTs are not suitable (contraindicated)",
    "declined": "Has declined DMT",
    "none_yet": "No DMT yet",
    "unknown": "Not recorded",
}
GOAL_LABELS = {
    "mood": "Mood",
    "pain": "Pain",
    "cognition": "Thinking and memory",
    "fatigue": "Fatigue",
    "quality_of_life": "Quality of life",
    "slow_progression": "Slow MS progression",
    "fewer_relapses": "Fewer relapses",
    "replace_dmt": "Replace a DMT",
}
LANGUAGE_LABELS = {"en": "English", "es": "Spanish"}
# The labels of each field with choices: the form shows them, and a clinic list may use them.
CHOICE_LABELS = {"ms.phenotype": PHENOTYPE_LABELS, "dmt.status": DMT_STATUS_LABELS,
                 "goals": GOAL_LABELS, "language": LANGUAGE_LABELS}

MAX_SHORT_TEXT = 200
MAX_NOTES = 20_000
# Notes at most 20,000 characters of up to 4 bytes, JSON escapes (6 bytes each) and the rest.
MAX_CONTEXT_BYTES = 1_000_000
MAX_MEDICINE = 120  # one medicine as typed, e.g. "oxycodone/acetaminophen 5/325 mg, 1 at night"
MAX_MEDICINES = 40


@dataclass(frozen=True)
class FieldSpec:
    """One field of the format: its dotted name, kind, allowed values and plain-language label."""

    name: str
    kind: str  # "int" | "str" | "text" | "date" | "bool" | "enum" | "enum_list" | "str_list"
    label: str
    group: str
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""
    identifying: bool = False  # left out of a de-identified report
    # Must read the same on paper and on screen: invisible and direction-changing characters
    # are refused, not removed (untrusted.text_policy). Every identifying field is one.
    identifier: bool = False

    @property
    def max_length(self) -> int:
        return {"text": MAX_NOTES, "str_list": MAX_MEDICINE}.get(self.kind, MAX_SHORT_TEXT)

    @property
    def refuses_hidden_characters(self) -> bool:
        return self.identifying or self.identifier


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("schema_version", "int", "Format version", "Meta", required=True, choices=("1",)),
    FieldSpec("patient.name", "str", "Name", "Patient", identifying=True),
    FieldSpec("patient.date_of_birth", "date", "Date of birth", "Patient", identifying=True,
              help="YYYY-MM-DD"),
    FieldSpec("patient.mrn", "str", "Record number", "Patient", identifying=True),
    FieldSpec("patient.deidentified", "bool", "De-identified report", "Patient",
              help="No name, date of birth or record number anywhere in the report"),
    FieldSpec("ms.phenotype", "enum", "Type of MS", "MS", required=True, choices=PHENOTYPES),
    FieldSpec("dmt.status", "enum", "Disease-modifying therapy (DMT)", "Treatment",
              required=True, choices=DMT_STATUSES),
    FieldSpec("dmt.name", "str", "Current or last DMT", "Treatment"),
    FieldSpec("goals", "enum_list", "What the patient hopes for", "Goals", choices=GOALS),
    FieldSpec("safety.opioid_use", "bool", "Takes any opioid", "Safety screen",
              help="Including tramadol, codeine, buprenorphine, methadone"),
    FieldSpec("medications", "str_list", "Current medicines", "Safety screen",
              help=f"One medicine per item, as written (up to {MAX_MEDICINE} characters, "
              f"{MAX_MEDICINES} items); an opioid among them turns on the opioid warning"),
    FieldSpec("safety.planned_surgery", "bool", "Surgery or procedure planned", "Safety screen",
              help="That may need opioid pain relief"),
    FieldSpec("safety.liver_disease", "bool", "Liver disease", "Safety screen"),
    FieldSpec("safety.pregnant_or_planning", "bool", "Pregnant, planning or breastfeeding",
              "Safety screen"),
    FieldSpec("neuroinflammation_symptoms", "bool", "Neuroinflammation symptoms", "MS"),
    FieldSpec("nutrition_concern", "bool", "Nutrition concern", "MS",
              help="Weight loss, poor intake, malnutrition risk"),
    FieldSpec("clinician.name", "str", "Clinician name", "Clinician", identifier=True),
    FieldSpec("clinician.role", "str", "Clinician role", "Clinician"),
    FieldSpec("appointment_date", "date", "Appointment date", "Clinician",
              help="YYYY-MM-DD; defaults to today"),
    FieldSpec("notes", "text", "Notes for this patient", "Notes"),
    # Not given = the template's language. Not on the patient form's groups: the form has its
    # own report language choice.
    FieldSpec("language", "enum", "Report language", "Report", choices=LANGUAGES,
              help="en (English) or es (Spanish); not given = the template's language"),
)
FIELDS_BY_NAME = {spec.name: spec for spec in FIELDS}
GROUPS = frozenset(spec.name.split(".")[0] for spec in FIELDS if "." in spec.name)


@dataclass(frozen=True)
class PatientContext:
    """A validated patient context. Build it with :func:`context_from_dict`, not by hand."""

    ms_phenotype: str
    dmt_status: str
    schema_version: int = SCHEMA_VERSION
    patient_name: str = ""
    patient_date_of_birth: dt.date | None = None
    patient_mrn: str = ""
    patient_deidentified: bool = False
    dmt_name: str = ""
    goals: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()
    safety_opioid_use: bool = False
    safety_planned_surgery: bool = False
    safety_liver_disease: bool = False
    safety_pregnant_or_planning: bool = False
    neuroinflammation_symptoms: bool = False
    nutrition_concern: bool = False
    clinician_name: str = ""
    clinician_role: str = ""
    appointment_date: dt.date = field(default_factory=dt.date.today)
    notes: str = ""
    language: str = ""  # "" = the template's language

    def get(self, dotted: str) -> Any:
        """The value of a field by its dotted format name, e.g. ``ctx.get("dmt.status")``."""
        return getattr(self, dotted.replace(".", "_"))

    def with_values(self, **values: Any) -> PatientContext:
        """A copy with some attributes changed (attribute names, e.g. ``dmt_status``)."""
        return replace(self, **values)


def _attr(dotted: str) -> str:
    return dotted.replace(".", "_")


def _check_text(spec: FieldSpec, value: Any) -> str:
    if not isinstance(value, str):
        raise InputError(spec.name, f"must be text, not {_type_name(value)}")
    text = unicodedata.normalize("NFC", value)
    if spec.refuses_hidden_characters:
        check_identifier(spec.name, text)
    else:
        text = neutralize(text, multiline=spec.kind == "text")
        for index, char in enumerate(text):
            if 0xD800 <= ord(char) <= 0xDFFF:
                raise InputError(spec.name, f"contains a broken character (an unpaired "
                                 f"surrogate) at position {index + 1}; retype it")
    if len(text) > spec.max_length:
        raise InputError(
            spec.name, f"is {len(text)} characters long; at most {spec.max_length} are allowed"
        )
    return text.strip() if spec.kind == "str" else text


def _check_medicines(spec: FieldSpec, value: Any) -> tuple[str, ...]:
    """Each item as typed (spaces trimmed), 1 to MAX_MEDICINE characters, at most MAX_MEDICINES."""
    if not isinstance(value, list):
        raise InputError(spec.name, f"must be a list of medicines (text), not {_type_name(value)}")
    if len(value) > MAX_MEDICINES:
        raise InputError(f"{spec.name}[{MAX_MEDICINES}]", f"item {MAX_MEDICINES + 1} is one too "
                         f"many: at most {MAX_MEDICINES} medicines are allowed")
    items: list[str] = []
    for index, item in enumerate(value):
        name, number = f"{spec.name}[{index}]", f"item {index + 1}"
        if not isinstance(item, str):
            raise InputError(name, f"{number} must be text, not {_type_name(item)}")
        try:
            text = _check_text(FieldSpec(name, "str", spec.label, spec.group), item)
        except InputError as exc:
            raise InputError(name, f"{number} {exc.message}") from None
        if not text:
            raise InputError(name, f"{number} is empty; each medicine needs 1 to "
                             f"{MAX_MEDICINE} characters (remove empty items)")
        if len(text) > MAX_MEDICINE:
            raise InputError(name, f"{number} is {len(text)} characters long; at most "
                             f"{MAX_MEDICINE} are allowed")
        items.append(text)
    return tuple(items)


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def _not_allowed(value: Any) -> str:
    # Never the value itself: in a clinic list with a shifted row it may be a record number.
    return "this value is not allowed" if isinstance(value, str) else \
        f"must be text, not {_type_name(value)}"


def parse_date(spec_name: str, value: Any) -> dt.date:
    """An ISO 8601 calendar date (YYYY-MM-DD); impossible dates name the field."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(spec_name, f"must be a date as YYYY-MM-DD text, not {_type_name(value)}")
    # Messages never repeat the value: a date of birth identifies a patient.
    text = value.strip()
    if len(text) != 10 or text[4] != "-" or text[7] != "-" \
            or not (text[:4] + text[5:7] + text[8:]).isascii():
        raise InputError(spec_name, "is not a date; write it as YYYY-MM-DD, e.g. 1980-04-23")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(spec_name, "is not a real calendar date; write it as YYYY-MM-DD, "
                         "e.g. 1980-04-23") from None


def _check_value(spec: FieldSpec, value: Any, today: dt.date) -> Any:
    if spec.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(spec.name, f"must be the number {SCHEMA_VERSION}")
        if value != SCHEMA_VERSION:
            raise InputError(spec.name, "is not 1; this app reads format version 1 only")
        return value
    if spec.kind in ("str", "text"):
        return _check_text(spec, value)
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise InputError(spec.name, f"must be true or false, not {_type_name(value)}")
        return value
    if spec.kind == "enum":
        if not isinstance(value, str) or value not in spec.choices:
            raise InputError(
                spec.name, f"{_not_allowed(value)}; choose one of: {', '.join(spec.choices)}"
            )
        return value
    if spec.kind == "enum_list":
        if not isinstance(value, list):
            raise InputError(spec.name, f"must be a list, not {_type_name(value)}")
        chosen: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or item not in spec.choices:
                raise InputError(
                    f"{spec.name}[{index}]",
                    f"{_not_allowed(item)}; choose from: {', '.join(spec.choices)}",
                )
            if item not in chosen:
                chosen.append(item)
        return tuple(chosen)
    if spec.kind == "str_list":
        return _check_medicines(spec, value)
    if spec.kind == "date":
        if isinstance(value, str) and spec.refuses_hidden_characters:
            check_identifier(spec.name, value)
        date = parse_date(spec.name, value)
        if spec.name == "patient.date_of_birth":
            if date > today:
                raise InputError(spec.name, "is in the future; a date of birth is today or "
                                 "earlier")
            if date.year < 1900:
                raise InputError(spec.name, "is before 1900; a date of birth is from 1900 on")
        elif not 2000 <= date.year <= 2100:
            raise InputError(spec.name, "must be a date between 2000 and 2100")
        return date
    raise AssertionError(f"unknown field kind {spec.kind}")  # a bug in FIELDS, not user input


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"patient": {"name": "A"}}`` -> ``{"patient.name": "A"}``; errors name the bad key."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            raise InputError(prefix.rstrip(".") or "(top level)", "keys must be text")
        dotted = f"{prefix}{key}"
        if not prefix and key in GROUPS:
            if not isinstance(value, dict):
                raise InputError(key, f"must be an object with fields, not {_type_name(value)}")
            flat.update(flatten(value, f"{key}."))
        else:
            flat[dotted] = value
    return flat


def context_from_dict(data: Any, today: dt.date | None = None) -> PatientContext:
    """Validate a context (nested JSON object, or one already flattened) and build it."""
    today = today or dt.date.today()
    if not isinstance(data, dict):
        raise InputError("(top level)", f"must be a JSON object, not {_type_name(data)}")
    flat = flatten(data)
    for name in flat:
        if name not in FIELDS_BY_NAME:
            raise InputError(
                name, "is not a field of the patient context (format version 1); allowed fields: "
                + ", ".join(spec.name for spec in FIELDS)
            )
    values: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.name not in flat or flat[spec.name] is None:
            if spec.required:
                allowed = f" ({', '.join(spec.choices)})" if spec.choices else ""
                raise InputError(spec.name, f"is required{allowed}")
            continue
        values[_attr(spec.name)] = _check_value(spec, flat[spec.name], today)
    if "appointment_date" not in values:
        values["appointment_date"] = today
    return PatientContext(**values)


def context_to_dict(ctx: PatientContext) -> dict[str, Any]:
    """The nested JSON form (format v1); empty optional fields are left out."""
    out: dict[str, Any] = {}
    for spec in FIELDS:
        value = ctx.get(spec.name)
        if spec.kind in ("str", "text", "enum") and not value and not spec.required:
            continue
        if spec.kind == "date":
            if value is None:
                continue
            value = value.isoformat()
        if spec.kind == "enum_list":
            value = list(value)
        if spec.kind == "str_list":
            if not value:
                continue
            value = list(value)
        node = out
        *parents, leaf = spec.name.split(".")
        for parent in parents:
            node = node.setdefault(parent, {})
        node[leaf] = value
    return out


def load_context(path: str | Path, today: dt.date | None = None) -> PatientContext:
    """Read and validate a context JSON file; errors name the file, line and field."""
    path = Path(path)
    data = read_json_file(path, MAX_CONTEXT_BYTES, "patient context .json file")
    try:
        return context_from_dict(data, today=today)
    except InputError as exc:
        exc.where = str(path)
        raise


def save_context(ctx: PatientContext, path: str | Path) -> Path:
    """Write the context as JSON v1, atomically, readable only by the user (patient data)."""
    text = json.dumps(context_to_dict(ctx), indent=2, ensure_ascii=False) + "\n"
    return atomic_write(path, text, mode=0o600)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of format version 1, made from the same field list."""

    def prop(spec: FieldSpec) -> dict[str, Any]:
        base: dict[str, Any] = {"title": spec.label}
        if spec.help:
            base["description"] = spec.help
        if spec.kind == "int":
            base.update(type="integer", const=SCHEMA_VERSION)
        elif spec.kind in ("str", "text"):
            base.update(type="string", maxLength=spec.max_length)
        elif spec.kind == "bool":
            base.update(type="boolean")
        elif spec.kind == "enum":
            base.update(type="string", enum=list(spec.choices))
        elif spec.kind == "enum_list":
            base.update(type="array", items={"type": "string", "enum": list(spec.choices)},
                        uniqueItems=True)
        elif spec.kind == "str_list":
            base.update(type="array", maxItems=MAX_MEDICINES,
                        items={"type": "string", "minLength": 1, "maxLength": MAX_MEDICINE})
        elif spec.kind == "date":
            base.update(type="string", format="date")
        return base

    root: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "LDN counseling report: patient context, format version 1",
        "type": "object",
        "additionalProperties": False,
        "properties": {},
        "required": [],
    }
    for spec in FIELDS:
        node = root
        *parents, leaf = spec.name.split(".")
        for parent in parents:
            child = node["properties"].setdefault(
                parent,
                {"type": "object", "additionalProperties": False, "properties": {}, "required": []},
            )
            node = child
        node["properties"][leaf] = prop(spec)
        if spec.required:
            node["required"].append(leaf)
    for group in root["properties"].values():
        if group.get("type") == "object" and not group.get("required"):
            group.pop("required", None)
    return root


def field_names() -> list[str]:
    """All dotted field names, in form order (also the CSV batch header)."""
    return [spec.name for spec in FIELDS]


__all__ = [
    "DMT_STATUSES", "FIELDS", "GOALS", "PHENOTYPES", "FieldSpec", "PatientContext",
    "context_from_dict", "context_to_dict", "field_names", "json_schema",
    "load_context", "save_context",
]
