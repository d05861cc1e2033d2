"""Input habits with real events: the wheel, shortcuts from every field, type-ahead, Tab order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QWidget,
)

from ldn_report.gui.app_input.wheel_guard import GUARDED
from ldn_report.gui.batch_dialog import BatchDialog
from ldn_report.gui.template_editor import TemplateEditor


def wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of a real mouse wheel (120 = one notch) over the middle of ``widget``."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def value_of(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return widget.value()


def guarded_in(window: QWidget) -> list[QWidget]:
    found = [w for w in window.findChildren(QWidget)
             if isinstance(w, GUARDED) and not isinstance(w, QScrollBar)]
    assert found, f"no drop-down or spin box in {window.objectName()}"
    return found


def assert_wheel_changes_nothing_unfocused(qtbot, window: QWidget) -> int:
    window.activateWindow()
    checked = 0
    for widget in guarded_in(window):
        if not widget.isEnabled():
            continue
        if isinstance(widget, QComboBox) and widget.count() < 2:
            continue
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.count() // 2)  # room to move both ways
        widget.clearFocus()
        assert not widget.hasFocus()
        before = value_of(widget)
        for steps in (-1, 1, -3):
            wheel(widget, steps)
        assert value_of(widget) == before, f"the wheel changed {widget.accessibleName()!r}"
        assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus  # a wheel does not focus it
        checked += 1
    return checked


def test_wheel_over_unfocused_drop_downs_scrolls_the_form_and_changes_no_choice(qtbot, gui):
    g = gui
    g.window.resize(1280, 600)  # the form is taller than the window: it scrolls
    qtbot.wait(50)
    bar = g.window.form_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    dmt = g.field("dmt.status")
    dmt.setCurrentIndex(dmt.findData("declined"))
    g.field("patient.name").setFocus()
    bar.setValue(0)
    wheel(dmt, -1)
    assert dmt.currentData() == "declined"
    assert bar.value() > 0, "the wheel over the drop-down scrolls the form instead"
    assert assert_wheel_changes_nothing_unfocused(qtbot, g.window) >= 3


def test_wheel_still_works_in_the_drop_down_being_used(qtbot, gui):
    dmt = gui.field("dmt.status")
    dmt.setCurrentIndex(0)
    dmt.setFocus()
    qtbot.waitUntil(dmt.hasFocus)
    wheel(dmt, -1)
    assert dmt.currentIndex() == 1  # the guard is no blanket ban


def test_wheel_guard_covers_the_template_editor(qtbot, gui):
    editor = TemplateEditor(None, None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert assert_wheel_changes_nothing_unfocused(qtbot, editor) >= 3  # sizes, paper, margin
    editor.builder.shutdown()


def test_wheel_guard_covers_the_batch_window(qtbot, gui):
    dialog = BatchDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert assert_wheel_changes_nothing_unfocused(qtbot, dialog) >= 2  # template, jobs


def test_guarded_kinds_leave_scroll_bars_alone():
    assert not any(issubclass(QScrollBar, kind) for kind in GUARDED)
    assert issubclass(QScrollBar, QAbstractSlider)


# --- shortcuts from every field ------------------------------------------------------------
SHORTCUTS = [
    ("export_action", Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
    ("export_html_action", Qt.Key.Key_E,
     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ("export_accessible_action", Qt.Key.Key_E,
     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier),
    ("print_action", Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
    ("save_action", Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    ("open_action", Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
    ("copy_note_action", Qt.Key.Key_C,
     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ("undo_action", Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    ("redo_action", Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
    ("redo_action", Qt.Key.Key_Z,
     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ("new_action", Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
]


@pytest.fixture
def quiet_outputs(monkeypatch):
    """File and print dialogs answered "Cancel": the shortcut's action runs, nothing is written."""
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)


def focus_targets(g) -> list[QWidget]:
    """Every kind of input in the form: each one-line field, notes, drop-downs, check boxes."""
    out = [w for w in g.form.inputs.values()
           if isinstance(w, QLineEdit | QPlainTextEdit | QComboBox)]
    out += [g.form.deidentified_box, next(iter(g.form.goal_boxes.values()))]
    return out


def test_every_main_shortcut_fires_from_every_field(qtbot, example_gui, quiet_outputs):
    g = example_gui
    g.window.activateWindow()
    fired: dict[str, int] = {}
    for attribute in {a for a, *_ in SHORTCUTS}:
        action = getattr(g.window, attribute)
        action.triggered.connect(lambda _c=False, a=attribute: fired.__setitem__(
            a, fired.get(a, 0) + 1))
    targets = focus_targets(g)
    assert any(isinstance(t, QLineEdit) for t in targets)
    for target in targets:
        name = target.accessibleName()
        for attribute, key, modifiers in SHORTCUTS:
            action = getattr(g.window, attribute)
            action.setEnabled(True)  # undo/redo are off with no history; the key must still reach
            target.setFocus()
            qtbot.waitUntil(target.hasFocus, timeout=2000)
            before = fired.get(attribute, 0)
            qtbot.keyClick(target, key, modifiers)  # a real key press on the focused field
            assert fired.get(attribute, 0) == before + 1, f"{attribute} from {name!r}"
            if attribute == "new_action":
                g.controller.open_example("on-dmt-mood-pain")


def test_ctrl_e_in_a_line_edit_exports(qtbot, example_gui, monkeypatch, tmp_path):
    g = example_gui
    chosen = tmp_path / "from-the-keyboard.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(chosen), "")))
    name = g.field("patient.name")
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClick(name, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert chosen.read_bytes() == g.shown_pdf()
    assert name.text() == "Maria Fernández"  # the key did nothing in the field itself


def test_plain_typing_still_goes_to_the_field(qtbot, gui):
    name = gui.field("patient.name")
    name.setFocus()
    qtbot.keyClicks(name, "Ana Perez")
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    assert name.selectedText() == "Ana Perez"


# --- type-ahead and Tab order ---------------------------------------------------------------
@pytest.mark.parametrize(("field", "typed", "value"), [
    ("dmt.status", "On a DMT b", "on_dmt_not_tolerating"),
    ("dmt.status", "on a dmt a", "on_dmt_tolerating"),
    ("dmt.status", "Has", "declined"),
    ("dmt.status", "Not r", "unknown"),
    ("ms.phenotype", "Secondary", "SPMS"),
    ("ms.phenotype", "Primary p", "PPMS"),
])
def test_drop_downs_take_type_ahead_of_the_label(qtbot, gui, field, typed, value):
    combo = gui.field(field)
    combo.setCurrentIndex(combo.findData("unknown") if value != "unknown" else 0)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClicks(combo, typed)
    assert combo.currentData() == value
    assert combo.view().isVisible() is False  # the spaces did not open the list


def test_type_ahead_starts_again_after_a_pause(qtbot, gui):
    combo = gui.field("dmt.status")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClicks(combo, "Has")
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    qtbot.keyClicks(combo, "No D")
    assert combo.currentData() == "none_yet"


def test_tab_after_the_appointment_date_goes_to_preview_then_rules(qtbot, example_gui):
    g = example_gui
    g.window.activateWindow()
    date = g.field("appointment_date")
    date.setFocus()
    qtbot.waitUntil(date.hasFocus)
    stops = []
    for _ in range(len(g.form.inputs) + 20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
        if stops[-1] is date:
            break
    assert stops[0] is g.window.preview.view
    assert stops[1] is g.window.rules
    for stop in stops:
        assert stop.isVisible(), f"invisible Tab stop {stop!r}"
        assert stop.accessibleName(), f"Tab stop with no name {stop!r}"
        assert stop is not g.window.form_scroll
    for panel in stops[:2]:
        assert ":focus" in panel.styleSheet()  # a frame shows where the focus is
    assert g.form.deidentified_box in stops  # round again into the form


def test_a_dialogs_own_shortcut_reaches_it_from_a_line_edit(qtbot):
    """Any window: a QShortcut on a key a QLineEdit claims (Ctrl+Z: its own undo) still fires."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    line = QLineEdit("typed")
    QVBoxLayout(dialog).addWidget(line)
    fired = []
    shortcut = QShortcut(QKeySequence("Ctrl+Z"), dialog)
    shortcut.activated.connect(lambda: fired.append(1))
    dialog.show()
    qtbot.waitExposed(dialog)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fired == [1]
    shortcut.setEnabled(False)  # a disabled one leaves the key to the field
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fired == [1]
