"""The patient-context form, built from the field list in ldn_report.context (layout only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..context import CHOICE_LABELS, FIELDS, SCHEMA_VERSION, FieldSpec
from ..i18n.fill import fill
from ..rules import find_near_misses, find_opioids
from .date_picker import DatePicker
from .language.field_texts import field_text
from .language.rule_texts import near_miss_text
from .medicine_list import MedicineListEdit

# The order a clinician thinks in; groups come from FieldSpec.group.
# "Report" holds the report language (when the core has that field); before Clinician, so the
# appointment date stays the last field and Tab goes from it to the preview.
GROUP_ORDER = ("Patient", "MS", "Treatment", "Goals", "Safety screen", "Notes", "Report",
               "Clinician")
DEIDENTIFIED = "patient.deidentified"
OPIOID_BOX = "safety.opioid_use"
MEDICATIONS = "medications"
ERROR_STYLE = "color: #B00020;"
HELP_STYLE = "color: palette(placeholder-text);"


OPIOID_BOX_HELP = next(s.help for s in FIELDS if s.name == OPIOID_BOX)


def field_of_error(name: str) -> str:
    """The form field an error belongs to: ``goals[2]`` -> ``goals``."""
    return name.split("[", 1)[0]


class ContextForm(QWidget):
    """One input per field, a red message beside each, and a banner for errors with no field.

    ``edited`` carries the dotted field name; ``values()`` gives the raw flat dict for
    ``context_from_dict`` (invalid text stays as typed, so validation can name it).
    """

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("context_form")
        self.inputs: dict[str, QWidget] = {}
        self.goal_boxes: dict[str, QCheckBox] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.date_pickers: dict[str, DatePicker] = {}
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self.groups: dict[str, QGroupBox] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(8)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAccessibleName(self.tr("Form problems"))
        self.banner.hide()
        outer.addWidget(self.banner)

        by_group: dict[str, list[FieldSpec]] = {}
        for spec in FIELDS:
            by_group.setdefault(spec.group, []).append(spec)
        for group in GROUP_ORDER:
            if group in by_group:
                outer.addWidget(self._build_group(group, by_group[group]))
        outer.addStretch(1)
        self.deidentified_box.toggled.connect(self._apply_deidentified)
        self._opioid_box_by_user: bool | None = None  # the box as the user left it, while locked
        # A new form: every choice "Not recorded" until the clinician picks one.
        self.set_values({})

    # --- building -------------------------------------------------------------------------
    def _build_group(self, title: str, specs: list[FieldSpec]) -> QGroupBox:
        box = QGroupBox(field_text(title))
        box.setAccessibleName(field_text(title))
        self.groups[title] = box
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # De-identified switch first: it decides which Patient rows are shown at all.
        specs = sorted(specs, key=lambda s: s.name != DEIDENTIFIED)
        for spec in specs:
            widget = self._make_input(spec)
            self.inputs[spec.name] = widget
            widget.setObjectName(f"field:{spec.name}")
            label_text, help_text = field_text(spec.label), field_text(spec.help)
            widget.setAccessibleName(label_text)
            if help_text:
                widget.setAccessibleDescription(help_text)
                widget.setToolTip(help_text)
            error = QLabel()
            error.setObjectName(f"error:{spec.name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.setAccessibleName(fill(self.tr("%1: problem"), label_text))
            error.hide()
            self.error_labels[spec.name] = error
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            if spec.kind == "bool" and spec.help:
                hint = QLabel(help_text)
                hint.setWordWrap(True)
                hint.setStyleSheet(HELP_STYLE)
                hint.setIndent(22)  # under the check box's text, not its box
                column.addWidget(hint)
            column.addWidget(error)
            if spec.kind in ("bool", "enum_list"):
                form.addRow(cell)  # a check box carries its own label
            else:
                label = QLabel(label_text)
                label.setBuddy(widget)
                form.addRow(label, cell)
            self._rows[spec.name] = (form, cell)
        return box

    def _make_input(self, spec: FieldSpec) -> QWidget:
        if spec.kind == "bool":
            box = QCheckBox(field_text(spec.label))
            box.toggled.connect(lambda _on, n=spec.name: self.edited.emit(n))
            if spec.name == DEIDENTIFIED:
                self.deidentified_box = box
            return box
        if spec.kind == "enum":
            combo = QComboBox()
            labels = CHOICE_LABELS.get(spec.name, {})
            if "unknown" not in spec.choices:
                # No "Not recorded" choice (the report language): left out = the default.
                combo.addItem(self.tr("The template's default"), None)
            for value in spec.choices:
                combo.addItem(field_text(labels.get(value, value)), value)
            combo.currentIndexChanged.connect(lambda _i, n=spec.name: self.edited.emit(n))
            return combo
        if spec.kind == "enum_list":
            holder = QWidget()
            grid = QGridLayout(holder)
            grid.setContentsMargins(0, 0, 0, 0)
            labels = CHOICE_LABELS.get(spec.name, {})
            for index, value in enumerate(spec.choices):
                text = field_text(labels.get(value, value))
                box = QCheckBox(text)
                box.setObjectName(f"goal:{value}")
                box.setAccessibleName(fill(self.tr("Goal: %1"), text))
                box.toggled.connect(lambda _on, n=spec.name: self.edited.emit(n))
                self.goal_boxes[value] = box
                grid.addWidget(box, index // 2, index % 2)
            return holder
        if spec.kind == "str_list":
            medicines = MedicineListEdit()
            medicines.changed.connect(self._medicines_changed)
            self.medicine_list = medicines
            return medicines
        if spec.kind == "text":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
            edit.setMinimumHeight(90)
            edit.setPlaceholderText(self.tr("Printed as plain text in the report"))
            edit.textChanged.connect(lambda n=spec.name: self.edited.emit(n))
            return edit
        line = QLineEdit()
        line.setMaxLength(spec.max_length + 50)  # over the limit still shows the core's message
        if spec.kind == "date":
            line.setPlaceholderText(
                self.tr("YYYY-MM-DD (empty: today)") if spec.name == "appointment_date"
                else self.tr("YYYY-MM-DD")
            )
            self.date_pickers[spec.name] = DatePicker(
                line, field_text(spec.label), lambda _text, n=spec.name: self.edited.emit(n))
        line.textEdited.connect(lambda _t, n=spec.name: self.edited.emit(n))
        return line

    # --- values ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The flat raw values, dotted names as in the format (empty dates are None)."""
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for spec in FIELDS:
            widget = self.inputs.get(spec.name)
            if widget is None:
                continue
            if spec.kind == "bool":
                out[spec.name] = widget.isChecked()
            elif spec.kind == "enum":
                out[spec.name] = widget.currentData()  # None: the template's (report language)
            elif spec.kind == "enum_list":
                out[spec.name] = [v for v, box in self.goal_boxes.items() if box.isChecked()]
            elif spec.kind == "text":
                out[spec.name] = widget.toPlainText()
            elif spec.kind == "str_list":
                out[spec.name] = widget.items()
            elif spec.kind == "date":
                out[spec.name] = widget.text().strip() or None
            else:
                out[spec.name] = widget.text()
        return out

    def set_values(self, flat: dict[str, Any]) -> None:
        """Fill the form from a flat dict; missing fields go back to empty/first choice."""
        for spec in FIELDS:
            widget = self.inputs.get(spec.name)
            if widget is None:
                continue
            value = flat.get(spec.name)
            widget.blockSignals(True)
            try:
                if spec.kind == "bool":
                    widget.setChecked(bool(value))
                elif spec.kind == "enum":
                    index = widget.findData(value)
                    if index < 0:
                        index = max(widget.findData("unknown"), 0)
                    widget.setCurrentIndex(index)
                elif spec.kind == "enum_list":
                    chosen = set(value or ())
                    for goal, box in self.goal_boxes.items():
                        box.blockSignals(True)
                        box.setChecked(goal in chosen)
                        box.blockSignals(False)
                elif spec.kind == "text":
                    widget.setPlainText("" if value is None else str(value))
                elif spec.kind == "str_list":
                    widget.set_items([str(v) for v in value] if isinstance(value, list) else [])
                else:
                    widget.setText("" if value is None else str(value))
            finally:
                widget.blockSignals(False)
        self._apply_deidentified(self.deidentified_box.isChecked())
        self._opioid_box_by_user = None
        self._sync_opioid_box()

    # --- medicines ------------------------------------------------------------------------
    def _medicines_changed(self) -> None:
        self._sync_opioid_box()
        self.edited.emit(MEDICATIONS)

    def _sync_opioid_box(self) -> None:
        """An opioid in the list ticks the opioid box and locks it (the report treats it as
        ticked anyway); with none left, the box goes back to how the user had it."""
        box: QCheckBox = self.inputs[OPIOID_BOX]  # type: ignore[assignment]
        items = tuple(t for t in self.medicine_list.items() if t.strip())
        opioids = find_opioids(items)
        box.blockSignals(True)
        try:
            if opioids:
                if self._opioid_box_by_user is None:
                    self._opioid_box_by_user = box.isChecked()
                box.setChecked(True)
                box.setEnabled(False)
                box.setToolTip(self.tr("Ticked because the medicine list has an opioid; remove it "
                                       "from the list to change this"))
            else:
                if self._opioid_box_by_user is not None:
                    box.setChecked(self._opioid_box_by_user)
                    self._opioid_box_by_user = None
                box.setEnabled(True)
                box.setToolTip(field_text(OPIOID_BOX_HELP))
        finally:
            box.blockSignals(False)
        notes = [fill(self.tr("Opioid: %1 contains %2."), m.medicine, m.contains)
                 for m in opioids]
        if opioids:
            notes.append(self.tr("\u201cTakes any opioid\u201d stays ticked while an opioid is "
                                 "listed."))
        notes += [fill(self.tr("Check: %1. Correct it, or tick the opioid box."),
                       near_miss_text(m)) for m in find_near_misses(items)]
        self.medicine_list.set_note("\n".join(notes))

    # --- errors ---------------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message beside its field; ones with no visible field go to the banner."""
        loose: list[str] = []
        for name, label in self.error_labels.items():
            message = errors.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
        for name, message in errors.items():
            if name not in self.error_labels:
                loose.append(f"{name}: {message}")
            elif not self._rows[name][1].isVisibleTo(self):
                spec_label = self.inputs[name].accessibleName()
                loose.append(fill(self.tr("%1 (hidden while de-identified): %2"),
                                  spec_label, message))
        self.banner.setText("\n".join(loose))
        self.banner.setVisible(bool(loose))

    def _apply_deidentified(self, on: bool) -> None:
        for spec in FIELDS:
            if spec.identifying and spec.name in self._rows:
                form, cell = self._rows[spec.name]
                form.setRowVisible(cell, not on)

    def first_input(self) -> QWidget:
        return self.deidentified_box

    def last_input(self) -> QWidget:
        """The field Tab leaves the form from: the last field of the last group shown."""
        last_group = [g for g in GROUP_ORDER if any(s.group == g for s in FIELDS)][-1]
        return self.inputs[[s.name for s in FIELDS if s.group == last_group][-1]]
