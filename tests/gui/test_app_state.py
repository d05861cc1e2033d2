"""State kept like a desktop app: settings written when they change (a crash loses none), the
clinician remembered for File > New, a calendar for dates, an example's own title."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ldn_report.context import FIELDS, save_context
from ldn_report.examples import load_example
from ldn_report.gui.app import create_main_window
from ldn_report.gui.app_settings import AppSettings

Button = QMessageBox.StandardButton

CRASH_AFTER_CHANGES = textwrap.dedent("""
    import os, sys, time
    from PySide6.QtCore import QEventLoop
    from ldn_report.gui.app import application, create_main_window
    app = application()
    window, controller = create_main_window()
    window.show()
    controller.open_path(sys.argv[1], ask=False)
    window.template_combo.setCurrentIndex(window.template_combo.count() - 1)
    window.resize(900, 640)
    controller.form.inputs["clinician.name"].setText("Dr. Ada Lind")
    controller.form.edited.emit("clinician.name")
    end = time.monotonic() + 1.0
    while time.monotonic() < end:  # the window settles; no close, no quit
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    print(window.template_combo.currentText(), flush=True)
    os._exit(3)  # as a crash or a power cut
""")


def test_settings_are_written_when_they_change_so_a_crash_loses_none(tmp_path, repo_root):
    context = tmp_path / "patient.json"
    save_context(load_example("on-dmt-mood-pain"), context)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    crashed = subprocess.run([sys.executable, "-c", CRASH_AFTER_CHANGES, str(context)], env=env,
                             capture_output=True, text=True, timeout=90, cwd=repo_root)
    assert crashed.returncode == 3, crashed.stderr
    saved = json.loads(AppSettings.path().read_text(encoding="utf-8"))
    assert saved["recent_files"] == [str(context.resolve())]
    assert saved["last_folder"] == str(tmp_path)
    assert saved["last_template"] == crashed.stdout.strip()
    assert saved["window_geometry"]
    assert saved["clinician_name"] == "Dr. Ada Lind"


def test_geometry_is_saved_once_the_window_settles(qtbot, gui):
    g = gui
    qtbot.wait(600)
    before = AppSettings.load().window_geometry
    g.window.resize(720, 520)
    qtbot.waitUntil(lambda: AppSettings.load().window_geometry != before, timeout=5000)
    window2, controller2 = create_main_window(AppSettings.load())
    window2.show()
    assert (window2.width(), window2.height()) == (720, 520)
    controller2.builder.shutdown()
    window2.close_guard = None
    window2.close()


def test_clinician_is_remembered_and_prefilled_by_file_new(qtbot, example_gui, message_boxes):
    g = example_gui
    for name, typed in (("clinician.name", "Dr. Ada Lind"), ("clinician.role", "MS nurse")):
        field = g.field(name)
        field.clear()
        field.setFocus()
        qtbot.keyClicks(field, typed)
    qtbot.waitUntil(lambda: AppSettings.path().is_file()
                    and AppSettings.load().clinician_role == "MS nurse", timeout=5000)
    assert AppSettings.load().clinician_name == "Dr. Ada Lind"
    message_boxes.answer(Button.Discard)  # the typed clinician is not saved in a file
    g.window.new_action.trigger()
    values = g.form.values()
    assert values["clinician.name"] == "Dr. Ada Lind"
    assert values["clinician.role"] == "MS nurse"
    assert values["patient.name"] == ""
    assert not g.controller.is_dirty()  # a prefilled new form has nothing to save yet
    window2, controller2 = create_main_window()  # another session of the same user
    controller2.new_context()
    assert controller2.form.values()["clinician.name"] == "Dr. Ada Lind"
    controller2.builder.shutdown()
    window2.close_guard = None
    window2.close()


def test_a_file_opened_with_another_clinician_does_not_change_the_remembered_one(
    qtbot, gui, tmp_path
):
    gui.controller.settings.clinician_name = "Dr. Ada Lind"
    context = tmp_path / "colleague.json"
    save_context(load_example("on-dmt-mood-pain"), context)
    gui.controller.open_path(context, ask=False)
    assert gui.field("clinician.name").text() == "Dr. Sam Okafor"
    assert gui.controller.settings.clinician_name == "Dr. Ada Lind"


def test_dates_take_typed_iso_and_a_calendar_pick(qtbot, gui):
    g = gui
    date = g.field("appointment_date")
    date.setFocus()
    qtbot.keyClicks(date, "2026-12-01")
    assert g.form.values()["appointment_date"] == "2026-12-01"  # typing ISO stays
    picker = g.form.date_pickers["appointment_date"]
    assert picker.action in date.actions()
    qtbot.keyClick(date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: picker.popup is not None and picker.popup.isVisible(), timeout=3000)
    calendar = picker.calendar
    assert calendar.selectedDate() == QDate(2026, 12, 1)  # opens on the typed date
    keys_go_to = QApplication.focusWidget()  # the calendar's day grid
    assert calendar.isAncestorOf(keys_go_to)
    qtbot.keyClick(keys_go_to, Qt.Key.Key_Right)  # the next day, with the keyboard
    qtbot.keyClick(keys_go_to, Qt.Key.Key_Return)
    assert date.text() == "2026-12-02"
    qtbot.waitUntil(lambda: picker.popup is None, timeout=3000)  # closed and gone
    date.setText("not a date")
    picker.action.trigger()  # the button in the field; no date typed: opens on today
    assert picker.calendar.selectedDate() == QDate.currentDate()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: picker.popup is None, timeout=3000)
    assert date.text() == "not a date"  # Esc changes nothing
    assert g.controller.undo.stack.count() >= 2  # the pick is an edit like typing
    assert set(g.form.date_pickers) == {s.name for s in FIELDS if s.kind == "date"}


def test_an_example_opens_with_its_own_title(gui):
    gui.controller.open_example("takes-opioids")
    assert gui.window.windowTitle().startswith("takes-opioids (example)")
    gui.controller.new_context()
    assert gui.window.windowTitle().startswith("new patient context")


def test_the_export_folder_is_saved_at_once(qtbot, example_gui, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    chosen = tmp_path / "exports" / "report.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(chosen), "")))
    example_gui.controller.output.export_pdf()
    assert AppSettings.load().last_folder == str(chosen.parent)  # on disk, not at quit
