"""Every message box the app shows, in one place, and the error dialog for unexpected exceptions.

Tests drive these by patching ``QMessageBox.exec``; nothing else in the GUI builds a QMessageBox.
"""

from __future__ import annotations

import enum
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..i18n.fill import fill

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

Button = QMessageBox.StandardButton


class UnsavedChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    buttons: Button = Button.Ok,
    default: Button = Button.Ok,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    # User text (file names, field values) may contain "<"; never let Qt read it as rich text.
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    box.setDefaultButton(default)
    return box


def _run(box: QMessageBox) -> Button:
    result = box.exec()
    clicked = box.clickedButton()
    if clicked is not None:
        return box.standardButton(clicked)
    return Button(result) if isinstance(result, int) else result


def ask_unsaved(parent: QWidget | None, what: str) -> UnsavedChoice:
    """Save, discard or cancel, before ``what`` (e.g. "opening another file") loses edits."""
    box = _box(
        parent, QMessageBox.Icon.Warning, translate("messages", "Unsaved changes"),
        translate("messages", "This patient context has changes that are not saved."),
        fill(translate("messages", "Save them before %1?"), what),
        Button.Save | Button.Discard | Button.Cancel, Button.Save,
    )
    answer = _run(box)
    if answer == Button.Save:
        return UnsavedChoice.SAVE
    if answer == Button.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def ask_recover(parent: QWidget | None, when: str, origin: str) -> bool:
    """Offer a draft that a crash left behind; True to restore it."""
    box = _box(
        parent, QMessageBox.Icon.Question, translate("messages", "Recover unsaved work?"),
        translate("messages", "The app did not close normally last time. "
                              "An autosaved draft was found."),
        fill(translate("messages", "Saved %1, %2.\n\nRestore it? (No deletes the draft.)"),
             when, origin),
        Button.Yes | Button.No, Button.Yes,
    )
    return _run(box) == Button.Yes


def confirm_unset(parent: QWidget | None, labels: list[str], doing: str) -> bool:
    """Before a report goes out with fields still "Not recorded"; True to go ahead anyway."""
    if len(labels) == 1:
        text = fill(translate("messages", "%1 is still \"Not recorded\"."), labels[0])
        informative = translate("messages", "The report will use neutral wording for it. "
                                "Choose in the form, or %1 as it is?")
    else:
        named = fill(translate("messages", "%1 and %2"), ", ".join(labels[:-1]), labels[-1])
        text = fill(translate("messages", "%1 are still \"Not recorded\"."), named)
        informative = translate("messages", "The report will use neutral wording for them. "
                                "Choose in the form, or %1 as it is?")
    box = _box(
        parent, QMessageBox.Icon.Question, translate("messages", "Not recorded yet"), text,
        fill(informative, doing), Button.Yes | Button.No, Button.No,
    )
    box.button(Button.Yes).setText(
        fill(translate("messages", "%1 anyway"), f"{doing[:1].upper()}{doing[1:]}"))
    box.button(Button.No).setText(translate("messages", "Go back and choose"))
    return _run(box) == Button.Yes


def show_problem(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A problem the user can act on (bad file, form not valid, printer error)."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text, details)
    _run(box)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _run(_box(parent, QMessageBox.Icon.Information, title, text))


def show_unexpected_error(
    parent: QWidget | None, exc_type: type[BaseException], exc: BaseException,
    tb: TracebackType | None,
) -> None:
    """The error dialog: what happened in one line, the traceback under "Show Details"."""
    box = _box(
        parent, QMessageBox.Icon.Critical, translate("messages", "Unexpected error"),
        translate("messages", "Something went wrong inside the app. Your form is kept and "
                              "autosaved; save your work, and please report this with "
                              "the details below."),
        f"{exc_type.__name__}: {exc}",
    )
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    _run(box)


_showing_error = False


def excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """sys.excepthook: show the error dialog instead of a silent crash."""
    global _showing_error
    # A copy for the bug report when the app was started from a terminal.
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if _showing_error or QApplication.instance() is None:
        return  # an error inside the error dialog must not recurse
    _showing_error = True
    try:
        show_unexpected_error(QApplication.activeWindow(), exc_type, exc, tb)
    finally:
        _showing_error = False


def install_excepthook() -> None:
    sys.excepthook = excepthook
