"""The footer's facts in the report's language, one list for the PDF, accessible PDF and HTML."""

from __future__ import annotations

from .. import report as model
from ..i18n import report_texts


def footer_facts(meta: model.ReportMeta, template_label: str, content_hash: str) -> list[str]:
    """Template, pack, content hash, date and any notice (e.g. a Spanish report's "translation
    not yet reviewed"), empty ones left out, in the order every output prints them."""
    t = report_texts(meta.language)
    parts = [template_label,
             t["footer.pack"].format(version=meta.pack_version, date=meta.pack_date),
             t["footer.content"].format(hash=content_hash[:12]),
             t["footer.generated"].format(date=meta.generated_on),
             meta.footer_notice]
    return [p for p in parts if p]
