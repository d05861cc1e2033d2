"""Type-ahead in drop-downs: typing the start of a shown label ("On a DMT b") picks that item."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox


class TypeAhead:
    """Keys typed into a closed, non-editable QComboBox within the keyboard interval add up.

    Qt's own search stops at a space (a space opens the list), so multi-word labels could not
    be reached by typing; here a space continues the search once a search has begun.
    """

    def __init__(self) -> None:
        self._combo: QComboBox | None = None
        self._typed = ""
        self._last = 0.0

    def key_pressed(self, watched: QObject, event: QKeyEvent) -> bool:
        if not isinstance(watched, QComboBox) or watched.isEditable():
            return False
        text = event.text()
        if (not text or not text.isprintable()
                or event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                         | Qt.KeyboardModifier.KeypadModifier)):
            return False
        now = time.monotonic()
        fresh = (watched is not self._combo
                 or (now - self._last) * 1000 > QApplication.keyboardInputInterval())
        if fresh and text == " ":
            return False  # a space on its own still opens the list
        self._combo = watched
        self._typed = text if fresh else self._typed + text
        self._last = now
        index = self.match(watched, self._typed)
        if index >= 0 and index != watched.currentIndex():
            watched.setCurrentIndex(index)
            watched.activated.emit(index)
        return True

    @staticmethod
    def match(combo: QComboBox, typed: str) -> int:
        """The first item whose label starts with ``typed`` (any case); a repeated letter
        steps through the items starting with it; -1 when nothing fits."""
        wanted = typed.casefold()
        labels = [combo.itemText(i).casefold() for i in range(combo.count())]
        hits = [i for i, label in enumerate(labels) if label.startswith(wanted)]
        if hits:
            return hits[0]
        if len(set(wanted)) == 1:
            starts = [i for i, label in enumerate(labels) if label.startswith(wanted[0])]
            if starts:
                return starts[(len(wanted) - 1) % len(starts)]
        return -1
