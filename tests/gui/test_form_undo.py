"""Edit > Undo / Redo over the whole form, driven by real key presses and clicks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def click(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def undo_key(qtbot, g) -> None:
    """Ctrl+Z pressed wherever the focus is now (a field, a check box, the preview)."""
    qtbot.keyClick(QApplication.focusWidget() or g.window, Qt.Key.Key_Z, CTRL)


def redo_key(qtbot, g, second_key: bool = False) -> None:
    target = QApplication.focusWidget() or g.window
    if second_key:
        qtbot.keyClick(target, Qt.Key.Key_Z, CTRL_SHIFT)
    else:
        qtbot.keyClick(target, Qt.Key.Key_Y, CTRL)


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def test_typing_is_one_step_per_field_burst_and_redo_brings_it_back(qtbot, example_gui,
                                                                    wait_preview):
    g = example_gui
    name = g.field("patient.name")
    focus(qtbot, name)
    name.end(False)
    qtbot.keyClicks(name, " Ruiz")
    assert name.text() == "Maria Fernández Ruiz"
    wait_preview(g)
    assert "Fernández Ruiz" in g.shown_text()
    assert g.controller.undo.stack.count() == 1  # five letters, one step
    assert g.window.undo_action.isEnabled()
    assert g.window.undo_action.text() == "&Undo edit of Name"
    undo_key(qtbot, g)
    assert name.text() == "Maria Fernández"
    assert not g.controller.is_dirty()  # back to the file as opened
    wait_preview(g)
    assert "Fernández Ruiz" not in g.shown_text()
    redo_key(qtbot, g)
    assert name.text() == "Maria Fernández Ruiz"
    undo_key(qtbot, g)
    redo_key(qtbot, g, second_key=True)  # Ctrl+Shift+Z as well as Ctrl+Y
    assert name.text() == "Maria Fernández Ruiz"


def test_leaving_a_field_ends_its_step(qtbot, example_gui):
    g = example_gui
    name, mrn = g.field("patient.name"), g.field("patient.mrn")
    focus(qtbot, name)
    qtbot.keyClicks(name, "A")
    focus(qtbot, mrn)
    focus(qtbot, name)
    qtbot.keyClicks(name, "B")
    assert g.controller.undo.stack.count() == 2
    undo_key(qtbot, g)
    assert name.text() == "Maria FernándezA"


def test_each_kind_of_edit_undoes(qtbot, example_gui, wait_preview):
    """Tick, goal tick, drop-down, notes, de-identified switch: each one step, undone in turn."""
    g = example_gui
    start = g.form.values()
    click(qtbot, g.field("safety.opioid_use"))
    click(qtbot, g.form.goal_boxes["fatigue"])
    dmt = g.field("dmt.status")
    focus(qtbot, dmt)
    qtbot.keyClicks(dmt, "Has")  # type-ahead: one step however many letters
    notes = g.field("notes")
    focus(qtbot, notes)
    qtbot.keyClicks(notes, "Asked about sleep.")
    click(qtbot, g.form.deidentified_box)
    assert not g.field("patient.name").isVisible()
    assert g.controller.undo.stack.count() == 5
    wait_preview(g)

    expected = [
        ("patient.deidentified", False),
        ("notes", start["notes"]),
        ("dmt.status", "on_dmt_tolerating"),
        ("goals", start["goals"]),
        ("safety.opioid_use", False),
    ]
    for field, value in expected:
        undo_key(qtbot, g)
        assert g.form.values()[field] == value, field
    assert g.field("patient.name").isVisible()  # the switch's effect came back too
    assert g.form.values() == start
    assert not g.window.undo_action.isEnabled()
    wait_preview(g)
    assert g.controller.result_key[0] == g.controller.ctx  # the preview followed the undo
    for _ in expected:
        redo_key(qtbot, g)
    assert g.form.values()["patient.deidentified"] is True
    assert g.form.values()["dmt.status"] == "declined"
    assert "fatigue" in g.form.values()["goals"]


def test_undo_covers_fields_added_later_through_the_form_snapshot(qtbot, example_gui):
    """Undo knows no field kinds: every field in the form's value snapshot is covered."""
    g = example_gui
    undo = g.controller.undo
    for name in g.form.inputs:
        before = g.form.values()
        g.form.edited.emit(name)  # an edit that changed nothing is no step
        assert undo.stack.count() == 0
        assert g.form.values() == before


def test_new_open_and_example_clear_the_history(qtbot, example_gui):
    g = example_gui
    focus(qtbot, g.field("patient.mrn"))
    qtbot.keyClicks(g.field("patient.mrn"), "9")
    assert g.controller.undo.stack.count() == 1
    g.controller.load_values(g.form.values(), None)
    assert g.controller.undo.stack.count() == 0
    assert not g.window.undo_action.isEnabled()


def test_an_invalid_value_undoes_back_to_valid_and_the_banner_goes(qtbot, example_gui,
                                                                   wait_preview):
    g = example_gui
    dob = g.field("patient.date_of_birth")
    focus(qtbot, dob)
    qtbot.keyClick(dob, Qt.Key.Key_Backspace)
    assert g.window.stale_banner.isVisible()
    undo_key(qtbot, g)
    assert dob.text() == "1984-03-12"
    assert not g.window.stale_banner.isVisible()


def _another_value(spec, value):
    """A different valid value for a field of this kind; a new kind must be added here."""
    if spec.kind in ("str", "text"):
        return (value or "") + "x"
    if spec.kind == "date":
        return "2020-01-02" if value != "2020-01-02" else "2020-01-03"
    if spec.kind == "bool":
        return not value
    if spec.kind == "enum":
        return next(c for c in spec.choices if c != value)
    if spec.kind == "enum_list":
        return [] if value else [spec.choices[0]]
    if spec.kind == "str_list":  # the medicines list (branch opioid)
        return [*(value or []), "paracetamol"]
    raise AssertionError(f"undo test: give a value for the new field kind {spec.kind!r}")


def test_every_field_of_the_form_undoes_and_redoes(qtbot, example_gui):
    """Each field in the form's snapshot, whatever its kind, is one undo step and comes back."""
    from ldn_report.context import FIELDS

    g = example_gui
    stack = g.controller.undo.stack
    for spec in FIELDS:
        if spec.name not in g.form.inputs:
            continue
        start = g.form.values()
        changed = {**start, spec.name: _another_value(spec, start[spec.name])}
        g.form.set_values(changed)
        g.form.edited.emit(spec.name)  # as the field's own signal does for a user edit
        assert g.form.values()[spec.name] == changed[spec.name], spec.name
        stack.undo()
        assert g.form.values() == start, spec.name
        stack.redo()
        assert g.form.values()[spec.name] == changed[spec.name], spec.name
        stack.undo()
