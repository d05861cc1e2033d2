"""A calendar pop-up for the form's date fields; typing an ISO date in the field still works."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from ..i18n.fill import fill

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

OPEN_KEYS = ("Alt+Down", "F4")  # as a drop-down opens its list


def calendar_icon(size: int = 32) -> QIcon:
    """A small calendar page, drawn: no icon theme is needed on any platform."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    edge = QColor("#37474F")
    page = QRect(3, 6, size - 6, size - 9)
    p.setPen(edge)
    p.setBrush(QColor("white"))
    p.drawRoundedRect(page, 3, 3)
    p.fillRect(QRect(page.left(), page.top(), page.width() + 1, size // 5), QColor("#C62828"))
    cell = (page.width() - 4) // 4
    for row in range(3):
        for col in range(4):
            top = page.top() + size // 5 + 3 + row * (cell - 1)
            p.fillRect(QRect(page.left() + 3 + col * cell, top, cell - 3, cell - 4), edge)
    p.end()
    return QIcon(pixmap)


class CalendarPopup(QFrame):
    """A calendar in a pop-up: Enter or a click picks, Esc or a click outside closes."""

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("date_picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)  # as ISO dates count weeks
        self.calendar.setAccessibleName(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DatePicker:
    """A calendar button inside ``line``; a picked date is written as YYYY-MM-DD and reported
    to ``picked`` (the form treats it as the user's edit)."""

    def __init__(self, line: QLineEdit, label: str, picked: Callable[[str], None]) -> None:
        self.line = line
        self.picked = picked
        self.action = QAction(calendar_icon(), fill(
            translate("DatePicker", "Choose %1 from a calendar"), label.lower()), line)
        self.action.setToolTip(
            fill(translate("DatePicker", "Choose from a calendar (%1)"), OPEN_KEYS[0]))
        self.action.triggered.connect(self.open)
        line.addAction(self.action, QLineEdit.ActionPosition.TrailingPosition)
        for key in OPEN_KEYS:
            shortcut = QShortcut(QKeySequence(key), line)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open)
        self.popup: CalendarPopup | None = None

    @property
    def calendar(self) -> QCalendarWidget | None:
        return None if self.popup is None else self.popup.calendar

    def open(self) -> None:
        """Show the calendar under the field, on the typed date if it is one, else today."""
        popup = CalendarPopup(self.line, self.action.text())
        shown = _parse_iso(self.line.text())
        if shown is not None:
            popup.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        popup.calendar.activated.connect(lambda date: self._choose(date, popup))
        popup.calendar.clicked.connect(lambda date: self._choose(date, popup))
        popup.destroyed.connect(self._forget)
        self.popup = popup
        popup.adjustSize()
        popup.move(self._place(popup.size().height(), popup.size().width()))
        popup.show()
        popup.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self, height: int, width: int) -> QPoint:
        """Under the field, or above it when the screen ends first; never off the screen."""
        below = self.line.mapToGlobal(QPoint(0, self.line.height()))
        screen = self.line.screen().availableGeometry()
        y = below.y()
        if y + height > screen.bottom():
            y = self.line.mapToGlobal(QPoint(0, 0)).y() - height
        x = min(below.x(), screen.right() - width)
        return QPoint(max(screen.left(), x), max(screen.top(), y))

    def _forget(self) -> None:
        self.popup = None

    def _choose(self, date: QDate, popup: CalendarPopup) -> None:
        text = date.toString(Qt.DateFormat.ISODate)
        popup.close()
        if text != self.line.text():
            self.line.setText(text)
            self.picked(text)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)


def _parse_iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None
