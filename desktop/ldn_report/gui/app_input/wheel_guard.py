"""The wheel never changes a drop-down, spin box or date field the user is not working in."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDial,
    QSlider,
    QWidget,
)

# Value widgets a wheel turn would change. Scroll bars are sliders too, but scrolling is their job.
GUARDED = (QComboBox, QAbstractSpinBox, QSlider, QDial)


def make_wheel_safe(watched: QObject) -> None:
    """Wheel focus would focus the widget under the wheel first, then let the wheel change it."""
    if isinstance(watched, GUARDED) and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def guard_wheel(watched: QObject, event: QWheelEvent) -> bool:
    """True (eaten) for a wheel over an unfocused value widget; it scrolls the form instead."""
    if not isinstance(watched, GUARDED) or watched.hasFocus():
        return False
    area = _scroll_area_around(watched)
    if area is not None:
        # A fresh event: Qt does not pass a filtered event on to parents, so hand it over.
        turn = QWheelEvent(
            area.viewport().mapFromGlobal(event.globalPosition()), event.globalPosition(),
            event.pixelDelta(), event.angleDelta(), event.buttons(), event.modifiers(),
            event.phase(), event.inverted(),
        )
        QApplication.sendEvent(area.viewport(), turn)
    return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None
