"""The medicine list editor of the form's Safety screen: one line per medicine, as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NOTE_STYLE = "color: #8A4B00;"  # dark amber on the window colour: a finding, not an error


class MedicineListEdit(QWidget):
    """Add (Enter), edit (double-click or F2) and remove medicines; ``changed`` on every edit.

    Items are kept exactly as typed: the core checks them (length, count) and names the item.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.list = QListWidget()
        self.list.setObjectName("medications:list")
        self.list.setAccessibleName(self.tr("Current medicines"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(120)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setObjectName("medications:new")
        self.entry.setAccessibleName(self.tr("Add a medicine"))
        self.entry.setPlaceholderText(self.tr("Type a medicine, then Enter"))
        self.entry.returnPressed.connect(self.add_from_entry)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the medicine typed"))
        self.add_button.clicked.connect(self.add_from_entry)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected medicine"))
        self.remove_button.clicked.connect(self.remove_selected)
        # The entry has a line of its own: beside two buttons it was squeezed to a few letters
        # in Spanish ("Escriba un ..."), whose button labels are longer.
        layout.addWidget(self.entry)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLabel()
        self.note.setObjectName("medications:note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # medicine names are data
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.hide()
        layout.addWidget(self.note)

    def items(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_items(self, items: list[str]) -> None:
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for text in items:
                self._append(text)
        finally:
            self.list.blockSignals(False)

    def set_note(self, text: str) -> None:
        """What the app found in the list (opioids, "did you mean"); empty hides it."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def add_from_entry(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        self.list.blockSignals(True)
        self._append(text.strip())
        self.list.blockSignals(False)
        self.entry.clear()
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.changed.emit()

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
