"""The clinic-template form (layout only): one tab per part, read as the same document as TOML."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import LANGUAGES
from ..i18n.fill import fill
from ..templates.clinic_text import PLACEHOLDERS, TEXT_BLOCKS
from ..templates.model import (
    DEFAULT_HEADINGS,
    EVIDENCE_SECTIONS,
    FORMAT_VERSION,
    LOCKED_SECTIONS,
    MARGIN_RANGE_MM,
    NEW_PAGE_SECTIONS,
    SIGNATURE_ROLES,
    ClinicTemplate,
)
from .form_labels import wrapped_label
from .language.template_texts import template_text
from .template_languages import LanguageWords

# Which tab shows the keys of each top-level part of the document (for error messages); a key
# with a language in it (text.es.contact, sections[2].es.heading) is on the Languages tab.
TAB_OF_KEY = {"name": 0, "description": 0, "text_size": 0, "language": 0, "footer_text": 0,
              "page": 0, "branding": 1, "sections": 2, "text": 3, "schedule": 4,
              "discussion_record": 5, "translation_review": 6, "clinician_pages_language": 6}
LANGUAGES_TAB = 6
PLACEHOLDER_LIST = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
INVALID_STYLE = "border: 2px solid #B3261E;"
DEFAULT_ACCENT = "#1F4E79"  # offered by the colour picker when the field holds no colour


class TemplateForm(QTabWidget):
    """Every setting of a ClinicTemplate; ``changed`` fires on any edit."""

    changed = Signal()
    logo_browse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._marked: QWidget | None = None
        self.fields: dict[str, QWidget] = {}  # document key -> its widget, for error marks
        self.languages = LanguageWords()
        self.languages.changed.connect(self._emit)
        pages = (self._general_tab(), self._branding_tab(), self._sections_tab(),
                 self._text_tab(), self._schedule_tab(), self._record_tab(), self.languages)
        titles = (self.tr("General"), self.tr("Branding"), self.tr("Sections"),
                  self.tr("Clinic text"), self.tr("Schedule"), self.tr("Discussion record"),
                  self.tr("Languages"))
        for page, title in zip(pages, titles, strict=True):
            self.addTab(self._scrolling(page), title)

    @staticmethod
    def _scrolling(page: QWidget) -> QScrollArea:
        """A tab scrolls instead of cutting controls off on a small screen (1280x720)."""
        area = QScrollArea()
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop; fields scroll in
        return area

    # -- building ---------------------------------------------------------------------------------

    def _line(self, key: str, label: str, layout: QFormLayout) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(label)
        edit.textChanged.connect(self._emit)
        layout.addRow(wrapped_label(label), edit)
        self.fields[key] = edit
        return edit

    def _general_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # rows stay together at the top
        self.name_edit = self._line("name", self.tr("Template name"), form)
        self.description_edit = self._line("description", self.tr("Description"), form)
        self.text_size_combo = QComboBox()
        self.text_size_combo.setAccessibleName(self.tr("Text size"))
        self.text_size_combo.addItem(self.tr("Standard print"), "standard")
        self.text_size_combo.addItem(self.tr("Large print (body 16 pt, headings 20 pt+)"), "large")
        self.text_size_combo.currentIndexChanged.connect(self._emit)
        form.addRow(wrapped_label(self.tr("Text size")), self.text_size_combo)
        self.fields["text_size"] = self.text_size_combo
        self.page_size_combo = QComboBox()
        self.page_size_combo.setAccessibleName(self.tr("Paper"))
        self.page_size_combo.addItem(self.tr("US Letter"), "letter")
        self.page_size_combo.addItem("A4", "a4")
        self.page_size_combo.currentIndexChanged.connect(self._emit)
        form.addRow(wrapped_label(self.tr("Paper")), self.page_size_combo)
        self.fields["page.size"] = self.page_size_combo
        self.margin_spin = QDoubleSpinBox()
        self.margin_spin.setAccessibleName(self.tr("Margins"))
        self.margin_spin.setRange(*MARGIN_RANGE_MM)
        self.margin_spin.setSuffix(" mm")
        self.margin_spin.setDecimals(1)
        self.margin_spin.valueChanged.connect(self._emit)
        form.addRow(wrapped_label(self.tr("Margins")), self.margin_spin)
        self.fields["page.margin_mm"] = self.margin_spin
        self.language_edit = self._line("language", self.tr("Language tag (e.g. en, es, en-GB)"),
                                        form)
        self.footer_edit = QPlainTextEdit()
        self.footer_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.footer_edit.setAccessibleName(self.tr("Footer text"))
        self.footer_edit.setFixedHeight(70)
        self.footer_edit.textChanged.connect(self._emit)
        form.addRow(wrapped_label(self.tr("Footer text")), self.footer_edit)
        self.fields["footer_text"] = self.footer_edit
        return page

    def _branding_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.clinic_name_edit = self._line("branding.clinic_name", self.tr("Clinic name"), form)
        self.department_edit = self._line("branding.department", self.tr("Department"), form)
        self.address_edit = self._line("branding.address", self.tr("Address"), form)
        self.phone_edit = self._line("branding.phone", self.tr("Phone"), form)
        self.website_edit = self._line("branding.website", self.tr("Website"), form)
        self.logo_edit = QLineEdit()
        self.logo_edit.setAccessibleName(self.tr("Logo file (PNG or JPEG)"))
        self.logo_edit.textChanged.connect(self._emit)
        self.fields["branding.logo"] = self.logo_edit
        self.logo_button = QPushButton(self.tr("Choose\u2026"))
        self.logo_button.clicked.connect(self.logo_browse_requested)
        clear = QPushButton(self.tr("No logo"))
        clear.clicked.connect(lambda: self.logo_edit.setText(""))
        row = QHBoxLayout()
        row.addWidget(self.logo_edit, 1)
        row.addWidget(self.logo_button)
        row.addWidget(clear)
        form.addRow(wrapped_label(self.tr("Logo (PNG or JPEG)")), row)
        self.accent_edit = QLineEdit()
        self.accent_edit.setAccessibleName(self.tr("Accent colour (#RRGGBB)"))
        self.accent_edit.textChanged.connect(self._emit)
        self.accent_edit.textChanged.connect(self._show_accent)
        self.fields["branding.accent_colour"] = self.accent_edit
        self.accent_button = QPushButton(self.tr("Pick colour\u2026"))
        self.accent_button.setToolTip(self.tr("Choose the accent colour from a colour picker"))
        self.accent_button.clicked.connect(self.pick_accent_colour)
        accent_row = QHBoxLayout()
        accent_row.addWidget(self.accent_edit, 1)
        accent_row.addWidget(self.accent_button)
        form.addRow(wrapped_label(self.tr("Accent colour (#RRGGBB)")), accent_row)
        self.letterhead_check = QCheckBox(self.tr("Print the clinic letterhead (untick for "
                                                  "pre-printed paper)"))
        self.letterhead_check.toggled.connect(self._emit)
        form.addRow("", self.letterhead_check)
        self.fields["branding.letterhead"] = self.letterhead_check
        return page

    def _sections_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("Order, show or hide, and rename the sections. The evidence "
                               "sections are locked: they can be hidden or renamed, never "
                               "changed. The opioid safety section is always shown, under its "
                               "own heading. Headings for reports in another language: the "
                               "Languages tab."))
        intro.setWordWrap(True)  # a long line would widen the tab past a small screen
        layout.addWidget(intro)
        hint = QLabel(self.heading_help())
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.sections_table = QTableWidget(0, 4)
        self.sections_table.setHorizontalHeaderLabels(
            [self.tr("Show"), self.tr("Section"), self.tr("Heading (editable)"),
             self.tr("New page")])
        self.sections_table.horizontalHeaderItem(2).setToolTip(self.heading_help())
        self.sections_table.setWordWrap(False)
        self.sections_table.verticalHeader().hide()  # row numbers: room for the names
        header = self.sections_table.horizontalHeader()
        for column in (0, 1, 3):  # whole section names, never cut off with "..."
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.sections_table.itemChanged.connect(self._emit)
        self.fields["sections"] = self.sections_table
        layout.addWidget(self.sections_table, 1)
        row = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _text_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        help_label = QLabel(fill(self.tr(
            "Markup: **bold**, *italic*, a line starting with \u201c- \u201d is a bullet, a "
            "blank line starts a new paragraph. Anything else prints as typed.\nPlaceholders: "
            "%1"), PLACEHOLDER_LIST))
        help_label.setWordWrap(True)
        help_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(help_label)
        self.text_edits: dict[str, QPlainTextEdit] = {}
        for key, label in TEXT_BLOCKS.items():
            layout.addWidget(wrapped_label(template_text(label)))
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)  # the markup has no use for tab characters
            edit.setAccessibleName(template_text(label))
            edit.textChanged.connect(self._emit)
            layout.addWidget(edit, 1)
            self.text_edits[key] = edit
            self.fields[f"text.{key}"] = edit
        return page

    def _schedule_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(wrapped_label(self.tr(
            "The monitoring plan's rows; \u201cweek\u201d places each row on the timeline "
            "drawing. Its words for reports in another language: the Languages tab.")))
        self.schedule_table = QTableWidget(0, 4)
        self.schedule_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Week")])
        self.schedule_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.schedule_table.itemChanged.connect(self._emit)
        self.fields["schedule"] = self.schedule_table
        layout.addWidget(self.schedule_table, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(lambda: self._add_schedule_row("", "", "", ""))
        remove = QPushButton(self.tr("Remove row"))
        remove.clicked.connect(self._remove_schedule_row)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _record_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Signature lines on the discussion record:")))
        self.signature_checks: dict[str, QCheckBox] = {}
        for key, label in SIGNATURE_ROLES.items():
            box = QCheckBox(template_text(label))
            box.toggled.connect(self._emit)
            layout.addWidget(box)
            self.signature_checks[key] = box
        self.fields["discussion_record.signatures"] = page
        layout.addStretch(1)
        return page

    def heading_help(self) -> str:
        return self.tr("Double-click a heading (or select it and press F2) to change what the "
                       "report prints; leave it empty for the standard heading.")

    # -- the accent colour ------------------------------------------------------------------------

    def pick_accent_colour(self) -> None:
        """Qt's colour picker, starting from the colour in the field; OK writes #RRGGBB."""
        current = QColor(self.accent_edit.text().strip())
        dialog = QColorDialog(current if current.isValid() else QColor(DEFAULT_ACCENT), self)
        dialog.setWindowTitle(self.tr("Accent colour"))
        # Qt's own picker: the same on every desktop, with the hex field clinics need.
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        try:
            if dialog.exec() == QColorDialog.DialogCode.Accepted:
                self.accent_edit.setText(dialog.currentColor().name().upper())
        finally:
            dialog.deleteLater()

    def _show_accent(self, text: str) -> None:
        colour = QColor(text.strip())
        if colour.isValid() and text.strip().startswith("#"):
            swatch = QPixmap(16, 16)
            swatch.fill(colour)
            self.accent_button.setIcon(QIcon(swatch))
        else:
            self.accent_button.setIcon(QIcon())

    # -- reading and writing ----------------------------------------------------------------------

    def _emit(self, *_: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def set_template(self, t: ClinicTemplate) -> None:
        """Show ``t`` in the form (no ``changed`` signal)."""
        self._loading = True
        try:
            self.name_edit.setText(t.name)
            self.description_edit.setText(t.description)
            self.text_size_combo.setCurrentIndex(self.text_size_combo.findData(t.text_size))
            self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(t.page.size))
            self.margin_spin.setValue(t.page.margin_mm)
            self.language_edit.setText(t.language)
            self.footer_edit.setPlainText(t.footer_text)
            b = t.branding
            for edit, value in ((self.clinic_name_edit, b.clinic_name),
                                (self.department_edit, b.department),
                                (self.address_edit, b.address), (self.phone_edit, b.phone),
                                (self.website_edit, b.website), (self.logo_edit, b.logo),
                                (self.accent_edit, b.accent_colour)):
                edit.setText(value)
            self.letterhead_check.setChecked(b.letterhead)
            self.sections_table.setRowCount(0)
            for s in t.sections:
                self._add_section_row(s.id, s.visible, s.heading, s.starts_new_page)
            for key, edit in self.text_edits.items():
                edit.setPlainText(t.text_blocks.get(key, ""))
            self.schedule_table.setRowCount(0)
            for r in t.schedule:
                self._add_schedule_row(r.when, r.what, r.who, f"{r.week:g}")
            for key, box in self.signature_checks.items():
                box.setChecked(SIGNATURE_ROLES[key] in t.signature_roles)
            self.languages.set_template(t)
        finally:
            self._loading = False
        self.mark_error("")

    def document(self) -> dict[str, Any]:
        """The form as a template document: the same shape (and checks) as a TOML file."""
        doc: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "name": self.name_edit.text(),
            "description": self.description_edit.text(),
            "text_size": self.text_size_combo.currentData(),
            "language": self.language_edit.text(),
            "footer_text": self.footer_edit.toPlainText(),
            "branding": {
                "clinic_name": self.clinic_name_edit.text(),
                "department": self.department_edit.text(),
                "address": self.address_edit.text(),
                "phone": self.phone_edit.text(),
                "website": self.website_edit.text(),
                "logo": self.logo_edit.text().strip(),
                "accent_colour": self.accent_edit.text(),
                "letterhead": self.letterhead_check.isChecked(),
            },
            "page": {"size": self.page_size_combo.currentData(),
                     "margin_mm": self.margin_spin.value()},
            "sections": [],
            "text": {k: e.toPlainText() for k, e in self.text_edits.items()
                     if e.toPlainText().strip()},
            "schedule": [],
            "discussion_record": {"signatures": [k for k, box in self.signature_checks.items()
                                                 if box.isChecked()]},
        }
        table = self.sections_table
        for row in range(table.rowCount()):
            sid = table.item(row, 1).data(Qt.ItemDataRole.UserRole)
            entry: dict[str, Any] = {
                "id": sid,
                "visible": table.item(row, 0).checkState() == Qt.CheckState.Checked,
                "heading": table.item(row, 2).text(),
            }
            new_page = table.item(row, 3).checkState() == Qt.CheckState.Checked
            if new_page != (sid in NEW_PAGE_SECTIONS):
                entry["new_page"] = new_page
            doc["sections"].append(entry)
        sched = self.schedule_table
        for row in range(sched.rowCount()):
            cells = [sched.item(row, c).text() if sched.item(row, c) else "" for c in range(4)]
            try:
                week: Any = float(cells[3]) if cells[3].strip() else 0
            except ValueError:
                week = cells[3]  # the validator names schedule[n].week
            doc["schedule"].append({"when": cells[0], "what": cells[1], "who": cells[2],
                                    "week": week})
        self.languages.add_to(doc)
        return doc

    # -- rows -------------------------------------------------------------------------------------

    def _add_section_row(self, sid: str, visible: bool, heading: str, new_page: bool) -> None:
        table = self.sections_table
        row = table.rowCount()
        table.insertRow(row)
        show = QTableWidgetItem()
        show.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                      | Qt.ItemFlag.ItemIsSelectable)
        show.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        section = template_text(DEFAULT_HEADINGS[sid])
        label = fill(self.tr("%1 (evidence, locked)"), section) if sid in EVIDENCE_SECTIONS \
            else section
        name = QTableWidgetItem(label)
        name.setData(Qt.ItemDataRole.UserRole, sid)
        name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        name.setToolTip(label)
        head = QTableWidgetItem(heading)
        head.setToolTip(fill(self.tr("Editable. Empty = \u201c%1\u201d"), section))
        if sid in LOCKED_SECTIONS:
            # Safety content: always shown, its own heading; only its place can change.
            name.setText(fill(self.tr("%1 (safety, locked)"), section))
            locked = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            show.setFlags(locked)
            show.setCheckState(Qt.CheckState.Checked)
            head.setText("")
            head.setFlags(locked)
            name.setToolTip(name.text())
            for item in (show, head):
                item.setToolTip(self.tr("Locked: the opioid safety text is in every report. It "
                                        "can be moved, never hidden or renamed."))
        page = QTableWidgetItem()
        page.setFlags(show.flags())
        page.setCheckState(Qt.CheckState.Checked if new_page else Qt.CheckState.Unchecked)
        for col, item in enumerate((show, name, head, page)):
            table.setItem(row, col, item)

    def move_section(self, step: int) -> None:
        table = self.sections_table
        row = table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < table.rowCount():
            return
        self._loading = True
        try:
            taken = [table.takeItem(row, c) for c in range(4)]
            other = [table.takeItem(target, c) for c in range(4)]
            for c in range(4):
                table.setItem(target, c, taken[c])
                table.setItem(row, c, other[c])
        finally:
            self._loading = False
        table.setCurrentCell(target, 1)
        self.changed.emit()

    def _add_schedule_row(self, when: str, what: str, who: str, week: str) -> None:
        table = self.schedule_table
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate((when, what, who, week)):
            table.setItem(row, col, QTableWidgetItem(value))
        if not self._loading:  # a new row: the Languages tab gets its (empty) words too
            self.languages.schedule_row_added()
        self._emit()

    def _remove_schedule_row(self) -> None:
        row = self.schedule_table.currentRow()
        if row >= 0:
            self.schedule_table.removeRow(row)
            self.languages.schedule_row_removed(row)
            self._emit()

    # -- errors -----------------------------------------------------------------------------------

    def mark_error(self, field: str) -> None:
        """Outline the widget of ``field`` (a validator key) and show its tab; "" clears."""
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked = None
        if not field:
            return
        top = field.split(".")[0].split("[")[0]
        if any(part in LANGUAGES for part in field.split(".")[1:]):
            self.setCurrentIndex(LANGUAGES_TAB)  # a language's own words
            return
        key = field.split("[")[0] if field.startswith(("sections", "schedule")) else field
        key = key if key in self.fields else field.rsplit("[", 1)[0]
        widget = self.fields.get(key) or self.fields.get(top)
        if top in TAB_OF_KEY:
            self.setCurrentIndex(TAB_OF_KEY[top])
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            self._marked = widget
