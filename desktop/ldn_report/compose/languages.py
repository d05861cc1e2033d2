"""The report's language and the words about it: headings, translation notice, names."""

from __future__ import annotations

from ..context import PatientContext
from ..evidence import EvidencePack
from ..i18n import format_date, report_texts
from ..i18n.report_texts import LANGUAGES
from ..report import (
    Block,
    Paragraph,
)
from ..templates.model import (
    DEFAULT_HEADINGS,
    LOCKED_SECTIONS,
    Branding,
    ClinicTemplate,
    SectionSetting,
)
from .writer import Writer


def clinic_name(template: ClinicTemplate, t: dict[str, str]) -> str:
    """The clinic's name; the built-ins' "Your MS clinic" stands for one, so it is translated."""
    name = template.branding.clinic_name
    return t["clinic.placeholder"] if name == Branding().clinic_name else name


def template_label(template: ClinicTemplate, t: dict[str, str]) -> str:
    """The template as the footer names it in the report's language: a built-in by its
    translated name, a clinic's own by its name and that it is customized."""
    if template.builtin:
        return t.get(f"template.{template.slug}", template.name)
    return t["footer.customized"].format(name=template.name)


def report_language_of(ctx: PatientContext, template: ClinicTemplate) -> str:
    """The context's language if given, else the template's."""
    return ctx.language or template_language(template)


def template_language(template: ClinicTemplate) -> str:
    """The template's language tag as a report language: its primary subtag (es-MX -> es); a
    tag with no report texts gives English."""
    primary = template.language.replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else "en"


def section_title(setting: SectionSetting, template: ClinicTemplate, language: str) -> str:
    """A template's own heading is written in the template's language; in a report in another
    language the section has the clinic's heading for that language ([sections.es]), else its
    default heading in that one. The locked section always has its default heading."""
    if setting.id in LOCKED_SECTIONS:
        return report_texts(language)[f"heading.{setting.id}"]
    if language != template_language(template):
        return setting.heading_in(language) or report_texts(language)[f"heading.{setting.id}"]
    if setting.title != DEFAULT_HEADINGS.get(setting.id):
        return setting.title
    return report_texts(language)[f"heading.{setting.id}"]


def in_english_note(w: Writer, clinician: Writer, section_id: str) -> tuple[Block, ...]:
    """Clinician pages the template keeps in the pack's English say so, in the report's
    language, at their top."""
    if clinician.language != w.language and section_id in ("evidence_summary", "references"):
        return (Paragraph(w.t["clinician_pages_note"], style="small"),)
    return ()


def reviewer(pack: EvidencePack, template: ClinicTemplate, language: str) -> tuple[str, str]:
    """(who, when) reviewed this language's text: the clinic's record in its template first,
    then the pack's; empty when no qualified medical translator has."""
    review = template.translation_reviews.get(language)
    if review is not None:
        return review.reviewer, format_date(review.date, language)
    tr = pack.translations.get(language)
    if tr is not None and tr.reviewed and tr.reviewed_on is not None:
        return tr.reviewed_by, format_date(tr.reviewed_on, language)
    return ("", "")


def translation_notice(pack: EvidencePack, template: ClinicTemplate, language: str) -> str:
    """What page 1 says about a translated report: not yet reviewed, or who reviewed it when."""
    if language == "en":
        return ""
    t = report_texts(language)
    who, when = reviewer(pack, template, language)
    return t["translation.reviewed"].format(name=who, date=when) if who else \
        t["translation.unreviewed"]
