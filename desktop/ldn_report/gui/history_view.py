"""The History window's layout: filters, the table of handouts, the register and "Check a sheet"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
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

COLUMNS = (QT_TRANSLATE_NOOP("HistoryView", "When (UTC)"),
           QT_TRANSLATE_NOOP("HistoryView", "Record number"),
           QT_TRANSLATE_NOOP("HistoryView", "Name"), QT_TRANSLATE_NOOP("HistoryView", "Output"),
           QT_TRANSLATE_NOOP("HistoryView", "Template"), QT_TRANSLATE_NOOP("HistoryView", "Pack"),
           QT_TRANSLATE_NOOP("HistoryView", "Content"),
           QT_TRANSLATE_NOOP("HistoryView", "Clinician"),
           QT_TRANSLATE_NOOP("HistoryView", "Where"))


class HistoryView(QDialog):
    """Widgets only; HistoryController fills them and answers their signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handout history"))
        self.setObjectName("history_window")
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search = QLineEdit(
            placeholderText=self.tr("Search clinician, template, content, name…"))
        self.search.setAccessibleName(self.tr("Search"))
        self.mrn = QLineEdit(placeholderText=self.tr("Record number"))
        self.mrn.setAccessibleName(self.tr("Record number"))
        self.since_on = QCheckBox(self.tr("Since"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName(self.tr("Since date"))
        self.stale_only = QCheckBox(self.tr("Needs a new sheet only"))
        self.stale_only.setToolTip(self.tr("Each patient's latest sheet, when its evidence pack "
                                           "is older than the installed one"))
        for widget in (self.search, self.mrn, self.since_on, self.since, self.stale_only):
            filters.addWidget(widget)
        layout.addLayout(filters)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Reports given out"))
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        form = QFormLayout()
        where = QHBoxLayout()
        self.register = QLineEdit()
        self.register.setAccessibleName(self.tr("Register"))
        self.register.setToolTip(self.tr("Empty: the register file on this computer. A "
                                         "clinic's shared register: "
                                         "postgresql://user@host/database"))
        self.use_register = QPushButton(self.tr("Use"))
        where.addWidget(self.register, 1)
        where.addWidget(self.use_register)
        form.addRow(self.tr("Register:"), where)
        self.register_problem = QLabel(wordWrap=True, objectName="register_problem")
        self.register_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.register_problem.setStyleSheet("color: #a00000")
        form.addRow("", self.register_problem)
        layout.addLayout(form)

        check = QHBoxLayout()
        self.check_sheet = QPushButton(self.tr("Check a sheet…"))
        self.check_sheet.setToolTip(
            self.tr("Was a PDF made here, when, for whom; is its pack current?"))
        check.addWidget(self.check_sheet)
        check.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        check.addWidget(self.close_button)
        layout.addLayout(check)
        self.verdict = QLabel(wordWrap=True, objectName="verdict")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.verdict)
        self.close_button.clicked.connect(self.close)
        fit_to_screen(self, 1100, 600)
