"""Turns statement ids into report blocks in the report's language."""

from __future__ import annotations

import datetime as dt

from ..evidence import EvidencePack
from ..i18n import format_date, report_texts
from ..report import (
    BulletList,
    Callout,
    Paragraph,
)


class Writer:
    """Turns statement ids into report blocks, so each builder reads like the report it makes."""

    def __init__(self, pack: EvidencePack, language: str = "en") -> None:
        self.pack = pack
        self.language = language
        self.t = report_texts(language)

    def para(self, statement_id: str, style: str = "body") -> Paragraph:
        st = self.pack.statement(statement_id)
        return Paragraph(self.text(statement_id), st.cites, style)  # type: ignore[arg-type]

    def bullets(self, *statement_ids: str) -> BulletList:
        return BulletList(tuple(self.para(i) for i in statement_ids))

    def callout(self, kind: str, title: str, *statement_ids: str) -> Callout:
        return Callout(kind, title, tuple(self.para(i) for i in statement_ids))  # type: ignore[arg-type]

    def text(self, statement_id: str) -> str:
        return self.pack.statement_text(statement_id, self.language)

    def date(self, value: dt.date) -> str:
        return format_date(value, self.language)

    def cites(self, statement_id: str) -> tuple[str, ...]:
        return self.pack.statement(statement_id).cites

    def filled(self, statement_id: str, **values: str) -> Paragraph:
        """A statement with {name} slots filled with the patient's own words, as plain text."""
        st = self.pack.statement(statement_id)
        # The pack's own facts first; the patient's words last, so a "{" they typed stays text.
        words = self.pack.words(statement_id, self.language)
        text = words.format(**self.pack.fields(self.language), **{k: "{" + k + "}" for k in values})
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return Paragraph(text, st.cites)
