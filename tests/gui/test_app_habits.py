"""Habits of a desktop app: About with the evidence pack, error dialog, templates, entry point."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from ldn_report.evidence import default_pack
from ldn_report.gui import messages
from ldn_report.gui.about_dialog import AboutDialog
from ldn_report.gui.main_controller import available_templates

Button = QMessageBox.StandardButton


def test_about_shows_the_evidence_pack_version_date_and_references(qtbot):
    pack = default_pack()
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert f"Version {pack.version}, produced {pack.produced.isoformat()}" in text
    for ref in pack.references:
        assert ref.text in text
    assert "doi:10.1002/ana.22006" in text


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_exception_shows_the_error_dialog(qtbot, message_boxes, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", messages.excepthook)

    def broken_slot() -> None:
        raise RuntimeError("a bug in a slot")

    message_boxes.answer(Button.Ok)
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=5000)
    title, text, informative = message_boxes.shown[0]
    assert title == "Unexpected error"
    assert "Your form is kept" in text
    assert informative == "RuntimeError: a bug in a slot"


def test_template_selector_lists_the_catalogue_and_switching_rebuilds(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    combo = g.window.template_combo
    names = [t.name for t in available_templates()]
    assert [combo.itemText(i) for i in range(combo.count())] == names
    if combo.count() < 2:
        pytest.skip("only one clinic template available")
    before = g.shown_pdf()
    combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
    wait_preview(g)
    assert g.shown_pdf() != before
    assert g.controller.result_key[1].name == combo.currentText()


def test_menu_actions_for_other_windows_exist(gui):
    w = gui.window
    assert w.edit_templates_action.text() == "&Edit templates…"
    assert w.batch_action.text() == "Clinic day &batch…"


def test_command_line_rejects_an_unknown_example(repo_root):
    run = subprocess.run([sys.executable, "-m", "ldn_report.gui", "--example", "nope"],
                         capture_output=True, text=True, timeout=60, cwd=repo_root,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 2
    assert "invalid choice: 'nope'" in run.stderr
    assert "Traceback" not in run.stderr
