"""A window's shortcuts work from every field in it, one-line edits and date fields included.

A focused QLineEdit claims some key combinations for itself through ShortcutOverride (under
X11, Ctrl+E moves to the end of the line), so the window's Ctrl+E never fired there. A key
that one of the window's enabled actions or shortcuts is bound to goes to it instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

# Plain typing never reaches an action: only keys with a modifier or a function key are looked up.
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)


def let_window_shortcut_through(watched: QObject, event: QKeyEvent) -> bool:
    """True (and the override refused) when an action or QShortcut of the window owns this key
    (one bound to a single widget, such as a field's own Alt+Down, is that widget's business)."""
    if not isinstance(watched, QWidget):
        return False
    if not (event.modifiers() & _MODIFIERS) and not Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35:
        return False
    pressed = QKeySequence(event.keyCombination())
    window = watched.window()
    owners = [*window.findChildren(QAction), *window.findChildren(QShortcut)]
    for owner in owners:
        if not owner.isEnabled() or _context(owner) == Qt.ShortcutContext.WidgetShortcut:
            continue
        keys = owner.shortcuts() if isinstance(owner, QAction) else owner.keys()
        if any(key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for key in keys):
            event.ignore()
            return True
    return False


def _context(owner: QAction | QShortcut) -> Qt.ShortcutContext:
    return owner.shortcutContext() if isinstance(owner, QAction) else owner.context()
