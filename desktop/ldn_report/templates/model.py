"""ClinicTemplate: how a clinic's report looks and reads; the model, its constants and defaults."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

FORMAT_VERSION = 1

# The report's sections in their default order (design.md). Ids are stable; headings may change.
SECTION_IDS: tuple[str, ...] = (
    "header",
    "key_points",
    "why_ldn",
    "what_to_expect",
    "safety",
    "opioid_safety",
    "decision_aid",
    "monitoring",
    "questions",
    "discussion_record",
    "evidence_summary",
    "references",
)
DEFAULT_HEADINGS: dict[str, str] = {
    "header": "Low-dose naltrexone (LDN) and your MS",
    "key_points": "Key points",
    "why_ldn": "Why we are talking about LDN with you",
    "what_to_expect": "What to expect",
    "safety": "Safety",
    "opioid_safety": "Opioid medicines and LDN",
    "decision_aid": "Your choices about LDN",
    "monitoring": "Your monitoring plan",
    "questions": "Questions you may want to ask",
    "discussion_record": "Discussion record",
    "evidence_summary": "Evidence summary (for clinicians)",
    "references": "References",
}
# Sections whose wording comes from the locked evidence pack: a template may hide or rename them,
# never change their statements, numbers or citations.
EVIDENCE_SECTIONS = frozenset({"evidence_summary", "references"})
# Locked safety content: in every report from every template, shown, with its own heading. A
# template that hides or renames it is refused when validated or saved; an older file that does
# loads with a warning, and the report shows the section anyway.
LOCKED_SECTIONS = frozenset({"opioid_safety"})
PATIENT_SECTIONS = ("key_points", "why_ldn", "what_to_expect", "safety", "opioid_safety",
                    "decision_aid",
                    "monitoring", "questions", "discussion_record")
# Sections that start on a new page unless a template says otherwise: the sheet to sign, and the
# part for clinicians.
NEW_PAGE_SECTIONS = frozenset({"discussion_record", "evidence_summary"})
PAGE_SIZES = ("letter", "a4")
TEXT_SIZES = ("standard", "large")
SIGNATURE_ROLES: dict[str, str] = {
    "patient": "Patient",
    "clinician": "Clinician",
    "interpreter": "Interpreter",
    "witness": "Witness",
}
MARGIN_RANGE_MM = (10.0, 40.0)
# The clinician pages (evidence summary, references): in the report's language, or in the
# pack's English (the report then says so, in its own language, at their top).
CLINICIAN_PAGES_LANGUAGES = ("report", "en")
MAX_SCHEDULE_ROWS = 40  # a long plan still lays out across pages (tested with 30 rows)


@dataclass(frozen=True)
class Branding:
    """The clinic's letterhead: name, contact lines, logo and accent colour."""

    clinic_name: str = "Your MS clinic"
    department: str = ""
    address: str = ""
    phone: str = ""
    website: str = ""
    logo: str = ""  # absolute path to a checked PNG or JPEG once loaded; empty = none
    accent_colour: str = "#1F5C99"
    letterhead: bool = True  # False for pre-printed paper: leave the top free, print no branding


@dataclass(frozen=True)
class PageSetup:
    """Paper size and page margin."""

    size: str = "letter"  # "letter" | "a4"
    margin_mm: float = 18.0


@dataclass(frozen=True)
class SectionSetting:
    """One report section as the clinic set it: shown or hidden, its heading, page break."""

    id: str
    visible: bool = True
    heading: str = ""  # empty = the default heading
    new_page: bool | None = None  # None = the section's default (see NEW_PAGE_SECTIONS)
    # The clinic's heading for reports in other languages: (("es", "Lo esencial"),)
    headings: tuple[tuple[str, str], ...] = ()

    def heading_in(self, language: str) -> str:
        """The clinic's own heading for a report in ``language`` (not the template's own
        language); empty when it has none, and always for a locked section."""
        if self.id in LOCKED_SECTIONS:
            return ""
        return dict(self.headings).get(language, "")

    @property
    def title(self) -> str:
        if self.id in LOCKED_SECTIONS:
            return DEFAULT_HEADINGS[self.id]
        return self.heading or DEFAULT_HEADINGS[self.id]

    @property
    def starts_new_page(self) -> bool:
        return self.new_page if self.new_page is not None else self.id in NEW_PAGE_SECTIONS


@dataclass(frozen=True)
class ScheduleRow:
    """One row of the monitoring plan: when, what, who; ``week`` places it on the timeline."""

    when: str
    what: str
    who: str
    week: float = 0.0
    # The row's words for reports in other languages, same week: (("es", (when, what, who)),)
    translations: tuple[tuple[str, tuple[str, str, str]], ...] = ()

    def in_language(self, language: str) -> ScheduleRow | None:
        """The row in ``language``, or None when the clinic has not written it in that one."""
        words = dict(self.translations).get(language)
        return ScheduleRow(*words, self.week) if words else None


DEFAULT_SCHEDULE: tuple[ScheduleRow, ...] = (
    ScheduleRow("Before you start", "Check all your medicines for opioids. Fill in short "
                "questionnaires on mood, pain and fatigue.", "Prescriber", 0),
    ScheduleRow("Week 4", "Phone check: side effects, sleep and dreams, any questions.",
                "MS nurse", 4),
    ScheduleRow("Week 8", "Repeat the mood, pain and fatigue questionnaires. Decide together "
                "whether to go on.", "Neurologist or MS nurse", 8),
    ScheduleRow("Every clinic visit", "Regular neurological check. Your usual MS care and "
                "disease monitoring go on.", "MS team", 12),
)


@dataclass(frozen=True)
class TranslationReview:
    """A clinic's record that a qualified medical translator reviewed one report language."""

    reviewer: str
    date: dt.date


@dataclass(frozen=True)
class ClinicTemplate:
    """A clinic's template: branding, page, sections, schedule and own wording."""

    name: str = "Standard Letter"
    format_version: int = FORMAT_VERSION
    builtin: bool = True
    branding: Branding = field(default_factory=Branding)
    page: PageSetup = field(default_factory=PageSetup)
    text_size: str = "standard"  # "standard" | "large"
    sections: tuple[SectionSetting, ...] = tuple(SectionSetting(s) for s in SECTION_IDS)
    # Clinic text blocks (introduction, how_to_get, contact, after_hours): small safe markup,
    # see clinic_text.py. Validated (markup and placeholders) when the template is loaded.
    text_blocks: dict[str, str] = field(default_factory=dict)
    schedule: tuple[ScheduleRow, ...] = DEFAULT_SCHEDULE
    signature_roles: tuple[str, ...] = ("Patient", "Clinician")
    footer_text: str = ""
    language: str = "en"
    # Clinic text blocks for report languages other than the template's own: {"es": {...}}.
    texts_by_language: dict[str, dict[str, str]] = field(default_factory=dict)
    # language -> the clinic's record of a qualified medical translator's review
    translation_reviews: dict[str, TranslationReview] = field(default_factory=dict)
    clinician_pages_language: str = "report"  # one of CLINICIAN_PAGES_LANGUAGES
    description: str = ""
    source: str = field(default="", compare=False)  # the file it was loaded from, if any

    @property
    def large_print(self) -> bool:
        return self.text_size == "large"

    @property
    def footer_name(self) -> str:
        """The name printed in the footer: a clinic's own template says it is customized."""
        return self.name if self.builtin else f"{self.name} (customized template)"

    @property
    def slug(self) -> str:
        return slugify(self.name)

    def visible_sections(self) -> list[SectionSetting]:
        """The sections the report prints, in order; the locked ones always among them."""
        return with_locked_sections(self.sections)


DEFAULT_TEMPLATE = ClinicTemplate()


def with_locked_sections(sections: tuple[SectionSetting, ...]) -> list[SectionSetting]:
    """The shown sections plus every locked one: where the template shows it, or else after the
    safety section, else after the key points, else after the first shown section."""
    shown = [SectionSetting(s.id, True, "", s.new_page) if s.id in LOCKED_SECTIONS else s
             for s in sections if s.visible]
    # A hidden locked section goes where a reader meets the safety text, not where it was hidden.
    for sid in sorted(LOCKED_SECTIONS - {s.id for s in shown}):
        ids = [s.id for s in shown]
        anchor = next((ids.index(a) + 1 for a in ("safety", "key_points") if a in ids),
                      1 if ids else 0)
        shown.insert(anchor, SectionSetting(sid))
    return shown


def slugify(name: str) -> str:
    """A file-name-safe form of a template name: "Standard A4" -> "standard-a4"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "template"
