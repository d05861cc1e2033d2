"""ClinicTemplate: how a clinic's report looks and reads (branding, page, print size, sections)."""

from __future__ import annotations

from dataclasses import dataclass, field

# The report's sections in their default order (design.md). Ids are stable; headings may change.
SECTION_IDS: tuple[str, ...] = (
    "header",
    "key_points",
    "why_ldn",
    "what_to_expect",
    "safety",
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
    "monitoring": "Your monitoring plan",
    "questions": "Questions you may want to ask",
    "discussion_record": "Discussion record",
    "evidence_summary": "Evidence summary (for clinicians)",
    "references": "References",
}
# Sections whose wording comes from the locked evidence pack: a template may hide or rename them,
# never change their statements, numbers or citations.
EVIDENCE_SECTIONS = frozenset({"evidence_summary", "references"})
PATIENT_SECTIONS = ("key_points", "why_ldn", "what_to_expect", "safety", "monitoring",
                    "questions", "discussion_record")


@dataclass(frozen=True)
class Branding:
    clinic_name: str = "Your MS clinic"
    department: str = ""
    address: str = ""
    phone: str = ""
    website: str = ""
    logo: str = ""  # path to a PNG or JPEG; empty = none
    accent_colour: str = "#1F5C99"
    letterhead: bool = True  # False for pre-printed paper: leave the top free, print no branding


@dataclass(frozen=True)
class PageSetup:
    size: str = "letter"  # "letter" | "a4"
    margin_mm: float = 18.0


@dataclass(frozen=True)
class SectionSetting:
    id: str
    visible: bool = True
    heading: str = ""  # empty = the default heading

    @property
    def title(self) -> str:
        return self.heading or DEFAULT_HEADINGS[self.id]


@dataclass(frozen=True)
class ScheduleRow:
    """One row of the monitoring plan: when, what, who; ``week`` places it on the timeline."""

    when: str
    what: str
    who: str
    week: float = 0.0


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
class ClinicTemplate:
    name: str = "Standard Letter"
    format_version: int = 1
    builtin: bool = True
    branding: Branding = field(default_factory=Branding)
    page: PageSetup = field(default_factory=PageSetup)
    text_size: str = "standard"  # "standard" | "large"
    sections: tuple[SectionSetting, ...] = tuple(SectionSetting(s) for s in SECTION_IDS)
    # Clinic text blocks (introduction, how_to_get, contact, after_hours): small safe markup.
    text_blocks: dict[str, str] = field(default_factory=dict)
    schedule: tuple[ScheduleRow, ...] = DEFAULT_SCHEDULE
    signature_roles: tuple[str, ...] = ("Patient", "Clinician")
    footer_text: str = ""
    language: str = "en"

    @property
    def large_print(self) -> bool:
        return self.text_size == "large"

    def visible_sections(self) -> list[SectionSetting]:
        return [s for s in self.sections if s.visible]


DEFAULT_TEMPLATE = ClinicTemplate()


def resolve_template(value: str | None) -> ClinicTemplate:
    """A template by built-in name or by .toml file path; None gives the default."""
    # The clinic-templates work replaces this with TOML loading and the built-in catalogue.
    from .errors import InputError

    if value is None or value.lower() in ("standard letter", "standard-letter", "default"):
        return DEFAULT_TEMPLATE
    raise InputError("--template", f"{value!r} is not a known template; use \"Standard Letter\"")
