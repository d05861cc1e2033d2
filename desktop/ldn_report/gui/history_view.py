"""The History window's layout: filters, the table of handouts, the register and "Check a sheet"."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .window_size import fit_to_screen

COLUMNS = ("When (UTC)", "Record number", "Name", "Output", "Template", "Pack", "Content",
           "Clinician", "Where")


class HistoryView(QDialog):
    """Widgets only; HistoryController fills them and answers their signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Handout history")
        self.setObjectName("history_window")
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search = QLineEdit(placeholderText="Search clinician, template, content, name…")
        self.search.setAccessibleName("Search")
        self.mrn = QLineEdit(placeholderText="Record number")
        self.mrn.setAccessibleName("Record number")
        self.since_on = QCheckBox("Since")
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName("Since date")
        self.stale_only = QCheckBox("Needs a new sheet only")
        self.stale_only.setToolTip("Each patient's latest sheet, when its evidence pack is "
                                   "older than the installed one")
        for widget in (self.search, self.mrn, self.since_on, self.since, self.stale_only):
            filters.addWidget(widget)
        layout.addLayout(filters)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Reports given out")
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        form = QFormLayout()
        where = QHBoxLayout()
        self.register = QLineEdit()
        self.register.setAccessibleName("Register")
        self.register.setToolTip("Empty: the register file on this computer. A clinic's shared "
                                 "register: postgresql://user@host/database")
        self.use_register = QPushButton("Use")
        where.addWidget(self.register, 1)
        where.addWidget(self.use_register)
        form.addRow("Register:", where)
        self.register_problem = QLabel(wordWrap=True, objectName="register_problem")
        self.register_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.register_problem.setStyleSheet("color: #a00000")
        form.addRow("", self.register_problem)
        layout.addLayout(form)

        check = QHBoxLayout()
        self.check_sheet = QPushButton("Check a sheet…")
        self.check_sheet.setToolTip("Was a PDF made here, when, for whom; is its pack current?")
        check.addWidget(self.check_sheet)
        check.addStretch(1)
        self.close_button = QPushButton("Close")
        check.addWidget(self.close_button)
        layout.addLayout(check)
        self.verdict = QLabel(wordWrap=True, objectName="verdict")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.verdict)
        self.close_button.clicked.connect(self.close)
        fit_to_screen(self, 1100, 600)
