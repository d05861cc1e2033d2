"""Undo and redo for the whole patient form, over snapshots of its values.

Every kind of edit (typed text, ticks, drop-downs, list edits, the de-identified switch, and any
field added later) reaches the form as ``edited(name)`` and changes ``values()``; one command
holds the values before and after, so nothing here knows what kinds of fields exist.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from ..context import FIELDS_BY_NAME
from .context_form import ContextForm

_MERGE_ID = 1
# Typed text keeps adding to one step while the field keeps focus; a click is its own step,
# unless it comes within the keyboard interval (type-ahead in a drop-down is one step).
_TYPED_KINDS = ("str", "text", "date")


class FormEdit(QUndoCommand):
    """The form's values before and after one user action on ``field``."""

    def __init__(self, undo: FormUndo, field: str, before: dict[str, Any],
                 after: dict[str, Any]) -> None:
        spec = FIELDS_BY_NAME.get(field)
        super().__init__(f"edit of {spec.label if spec else field}")
        self.undo_host = undo
        self.field = field
        self.before = before
        self.after = after
        self.at = time.monotonic()
        self.open = True  # later edits of the same field may join it

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FormEdit) or not self.open or other.field != self.field:
            return False
        spec = FIELDS_BY_NAME.get(self.field)
        typed = spec is not None and spec.kind in _TYPED_KINDS
        if not typed and (other.at - self.at) * 1000 > QApplication.keyboardInputInterval():
            return False
        self.after = other.after
        self.at = other.at
        self.setObsolete(self.after == self.before)  # typed back to where it was
        return True

    def undo(self) -> None:
        self.undo_host.restore(self.before, self.field)

    def redo(self) -> None:
        if self.undo_host.pushing:
            return  # pushed after the edit happened: the form already shows ``after``
        self.undo_host.restore(self.after, self.field)


class _ActionLabel(QObject):
    """ "Undo edit of Name": a child of its action, so the stack stops calling it when the
    window (and the action) is gone before the stack."""

    def __init__(self, action: QAction, verb: str) -> None:
        super().__init__(action)
        self.action = action
        self.verb = verb

    def show(self, what: str) -> None:
        self.action.setText(f"&{self.verb} {what}" if what else f"&{self.verb}")


class FormUndo(QObject):
    """The form's undo stack. ``restored(field)`` fires after an undo or redo set the form."""

    restored = Signal(str)

    def __init__(self, form: ContextForm, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.stack = QUndoStack(self)
        self.pushing = False
        self._restoring = False
        self._values = form.values()
        form.edited.connect(self._on_edited)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def reset(self) -> None:
        """A new document in the form (new, open, example, recovery): no history across it."""
        self.stack.clear()
        self._values = self.form.values()

    def bind(self, undo_action: QAction, redo_action: QAction) -> None:
        """Drive the window's Edit > Undo / Redo actions: enabled state, text, trigger."""
        self._bind(undo_action, "Undo", self.stack.undo, self.stack.canUndoChanged,
                   self.stack.undoTextChanged, self.stack.canUndo, self.stack.undoText)
        self._bind(redo_action, "Redo", self.stack.redo, self.stack.canRedoChanged,
                   self.stack.redoTextChanged, self.stack.canRedo, self.stack.redoText)

    @staticmethod
    def _bind(action: QAction, verb: str, run: Callable[[], None], can_changed: Any,
              text_changed: Any, can: Callable[[], bool], text: Callable[[], str]) -> None:
        label = _ActionLabel(action, verb)
        action.triggered.connect(run)
        can_changed.connect(action.setEnabled)
        text_changed.connect(label.show)
        action.setEnabled(can())
        label.show(text())

    def _on_edited(self, field: str) -> None:
        if self._restoring:
            return
        after = self.form.values()
        if after == self._values:
            return
        before, self._values = self._values, after
        self.pushing = True
        try:
            self.stack.push(FormEdit(self, field, before, after))
        finally:
            self.pushing = False

    def _on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        # Leaving a field ends its typing burst: the next edit there is a new step.
        count = self.stack.count()
        if count and self.stack.index() == count:
            command = self.stack.command(count - 1)
            if isinstance(command, FormEdit):
                command.open = False

    def restore(self, values: dict[str, Any], field: str) -> None:
        self._restoring = True
        try:
            self.form.set_values(values)
        finally:
            self._restoring = False
        self._values = self.form.values()
        self._close_last()
        self.restored.emit(field)

    def _close_last(self) -> None:
        for index in range(self.stack.count()):
            command = self.stack.command(index)
            if isinstance(command, FormEdit):
                command.open = False
