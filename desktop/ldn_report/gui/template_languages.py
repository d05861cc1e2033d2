"""The template editor's Languages tab: the clinic's own wording for reports in another language
([text.es], [sections.es], [schedule.es]), its translation review, and the clinician pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import LANGUAGE_NAMES, LANGUAGES, report_texts
from ..templates.clinic_text import TEXT_BLOCKS
from ..templates.model import LOCKED_SECTIONS, ClinicTemplate
from .form_labels import wrapped_label
from .language.template_texts import template_text

SCHEDULE_WORDS = ("when", "what", "who")


class LanguageWords(QWidget):
    """One report language's words at a time (the choice at the top); edits to each language
    are kept while another is shown, and all of them go into the document."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._shown = ""
        # language -> {"headings": {id: text}, "text": {key: text}, "schedule": [(w, w, w)],
        #              "review": (reviewer, date)}
        self._words: dict[str, dict[str, Any]] = {}
        self._section_ids: list[str] = []
        self._schedule_rows = 0
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.clinician_combo = QComboBox()
        self.clinician_combo.setAccessibleName(self.tr("Clinician pages"))
        self.clinician_combo.addItem(self.tr("In the report's language"), "report")
        self.clinician_combo.addItem(self.tr("In English (the report says so)"), "en")
        self.clinician_combo.currentIndexChanged.connect(self._emit)
        form.addRow(self.tr("Clinician pages"), self.clinician_combo)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Wording for reports in"))
        for code in LANGUAGES:
            self.language_combo.addItem(f"{LANGUAGE_NAMES[code]} ({code})", code)
        self.language_combo.currentIndexChanged.connect(self._show_language)
        form.addRow(self.tr("Wording for reports in"), self.language_combo)
        intro = QLabel(self.tr(
            "Your own wording for reports in another language than the template's. Empty: "
            "the standard heading, no clinic text, and a plan row as written on the Schedule "
            "tab (the build warns)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        layout.addWidget(QLabel(self.tr("Section headings")))
        self.headings_table = QTableWidget(0, 2)
        self.headings_table.setHorizontalHeaderLabels(
            [self.tr("Standard heading"), self.tr("Your heading")])
        self.headings_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.headings_table.verticalHeader().hide()
        self.headings_table.setMinimumHeight(160)
        self.headings_table.itemChanged.connect(self._emit)
        layout.addWidget(self.headings_table)

        layout.addWidget(QLabel(self.tr("Clinic text")))
        self.text_edits: dict[str, QPlainTextEdit] = {}
        text_form = QFormLayout()
        for key, label in TEXT_BLOCKS.items():
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(template_text(label))
            edit.setFixedHeight(64)
            edit.textChanged.connect(self._emit)
            text_form.addRow(wrapped_label(template_text(label)), edit)
            self.text_edits[key] = edit
        layout.addLayout(text_form)

        layout.addWidget(QLabel(self.tr("Monitoring plan (same rows and weeks as the Schedule "
                                        "tab)")))
        self.schedule_table = QTableWidget(0, 3)
        self.schedule_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Who")])
        self.schedule_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.schedule_table.setMinimumHeight(140)
        self.schedule_table.itemChanged.connect(self._emit)
        layout.addWidget(self.schedule_table)

        review = QFormLayout()
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setAccessibleName(self.tr("Reviewed by (qualified medical translator)"))
        self.reviewer_edit.textChanged.connect(self._emit)
        review.addRow(wrapped_label(self.tr("Reviewed by (qualified medical translator)")),
                      self.reviewer_edit)
        self.review_date_edit = QLineEdit()
        self.review_date_edit.setAccessibleName(self.tr("Review date (YYYY-MM-DD)"))
        self.review_date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.review_date_edit.textChanged.connect(self._emit)
        review.addRow(wrapped_label(self.tr("Review date (YYYY-MM-DD)")), self.review_date_edit)
        layout.addLayout(review)
        layout.addStretch(1)

    # -- showing ----------------------------------------------------------------------------------

    def set_template(self, t: ClinicTemplate) -> None:
        """Show ``t``'s words; the language shown is the first that is not the template's own."""
        self._loading = True
        try:
            self._section_ids = [s.id for s in t.sections if s.id not in LOCKED_SECTIONS]
            self._schedule_rows = len(t.schedule)
            self._words = {code: {
                "headings": {s.id: s.heading_in(code) for s in t.sections},
                "text": dict(t.texts_by_language.get(code, {})),
                "schedule": [dict(r.translations).get(code, ("", "", "")) for r in t.schedule],
                "review": ((r.reviewer, r.date.isoformat())
                           if (r := t.translation_reviews.get(code)) else ("", "")),
            } for code in LANGUAGES}
            self.clinician_combo.setCurrentIndex(
                self.clinician_combo.findData(t.clinician_pages_language))
            own = t.language.replace("_", "-").split("-")[0].lower()
            other = next((c for c in LANGUAGES if c != own), LANGUAGES[0])
            self._shown = ""
            self.language_combo.setCurrentIndex(self.language_combo.findData(other))
            self._fill(other)
        finally:
            self._loading = False

    def _show_language(self) -> None:
        code = self.language_combo.currentData()
        if self._shown:
            self._keep(self._shown)
        was_loading, self._loading = self._loading, True
        try:
            self._fill(code)
        finally:
            self._loading = was_loading

    def _fill(self, code: str) -> None:
        words = self._words.get(code) or {"headings": {}, "text": {}, "schedule": [],
                                          "review": ("", "")}
        standard = report_texts(code)
        self.headings_table.setRowCount(0)
        for sid in self._section_ids:
            row = self.headings_table.rowCount()
            self.headings_table.insertRow(row)
            name = QTableWidgetItem(standard[f"heading.{sid}"])
            name.setData(Qt.ItemDataRole.UserRole, sid)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.headings_table.setItem(row, 0, name)
            self.headings_table.setItem(row, 1, QTableWidgetItem(words["headings"].get(sid, "")))
        for key, edit in self.text_edits.items():
            edit.setPlainText(words["text"].get(key, ""))
        rows = list(words["schedule"])[:self._schedule_rows]
        rows += [("", "", "")] * (self._schedule_rows - len(rows))
        self.schedule_table.setRowCount(0)
        for cells in rows:
            row = self.schedule_table.rowCount()
            self.schedule_table.insertRow(row)
            for col, value in enumerate(cells):
                self.schedule_table.setItem(row, col, QTableWidgetItem(value))
        self.reviewer_edit.setText(words["review"][0])
        self.review_date_edit.setText(words["review"][1])
        self._shown = code

    def _keep(self, code: str) -> None:
        """Remember what the form shows for ``code``."""
        headings = {self.headings_table.item(r, 0).data(Qt.ItemDataRole.UserRole):
                    _cell(self.headings_table, r, 1)
                    for r in range(self.headings_table.rowCount())}
        self._words[code] = {
            "headings": headings,
            "text": {k: e.toPlainText() for k, e in self.text_edits.items()},
            "schedule": [tuple(_cell(self.schedule_table, r, c) for c in range(3))
                         for r in range(self.schedule_table.rowCount())],
            "review": (self.reviewer_edit.text(), self.review_date_edit.text()),
        }

    # -- the schedule's rows follow the Schedule tab ----------------------------------------------

    def schedule_row_added(self) -> None:
        self._schedule_rows += 1
        for words in self._words.values():
            words["schedule"].append(("", "", ""))
        was_loading, self._loading = self._loading, True
        try:
            row = self.schedule_table.rowCount()
            self.schedule_table.insertRow(row)
            for col in range(len(SCHEDULE_WORDS)):
                self.schedule_table.setItem(row, col, QTableWidgetItem(""))
        finally:
            self._loading = was_loading

    def schedule_row_removed(self, row: int) -> None:
        self._keep(self._shown)
        self._schedule_rows -= 1
        for words in self._words.values():
            if row < len(words["schedule"]):
                del words["schedule"][row]
        self.schedule_table.removeRow(row)

    # -- the document -----------------------------------------------------------------------------

    def add_to(self, doc: dict[str, Any]) -> None:
        """Put every language's words into the template document ``doc`` (as a TOML file has
        them): [text.es], [sections.es], [schedule.es], [translation_review.es]."""
        if self._shown:
            self._keep(self._shown)
        doc["clinician_pages_language"] = self.clinician_combo.currentData()
        reviews = {}
        for code, words in self._words.items():
            text = {k: v for k, v in words["text"].items() if v.strip()}
            if text:
                doc.setdefault("text", {})[code] = text
            for entry in doc.get("sections", []):
                heading = words["headings"].get(entry["id"], "")
                if heading.strip():
                    entry[code] = {"heading": heading}
            for entry, cells in zip(doc.get("schedule", []), words["schedule"], strict=False):
                if any(c.strip() for c in cells):
                    entry[code] = dict(zip(SCHEDULE_WORDS, cells, strict=True))
            reviewer, date = words["review"]
            if reviewer.strip() or date.strip():
                reviews[code] = {"reviewer": reviewer, "date": date.strip()}
        if reviews:
            doc["translation_review"] = reviews

    def _emit(self, *_: Any) -> None:
        if not self._loading:
            self.changed.emit()


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text() if item is not None else ""
