"""The app with hostile input: hidden characters shown beside the field, the same identifier
in form and report, and a start that neither hangs nor fails on hostile settings, drafts or
user templates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ldn_report.gui.app_settings import AppSettings
from ldn_report.gui.drafts import drafts_dir
from ldn_report.templates.catalogue import user_templates_dir

pytestmark = pytest.mark.timeout(120)

SPOOF = "MS-\u202e187402"  # shows as MS-204781 where bidi applies (the form, HTML)


@pytest.mark.parametrize("field", ["patient.name", "patient.mrn", "clinician.name",
                                   "patient.date_of_birth"])
def test_a_hidden_character_is_named_beside_its_field(example_gui, field: str) -> None:
    g = example_gui
    g.field(field).setText("1984-03\u200b-12" if "birth" in field else SPOOF)
    g.controller.refresh(0)
    label = g.form.error_labels[field]
    assert label.isVisibleTo(g.window)
    assert "U+202E" in label.text() or "U+200B" in label.text()
    assert "187402" not in label.text()
    assert "1984" not in label.text()


def test_the_form_and_the_report_show_the_same_record_number(qtbot, example_gui,
                                                              wait_preview) -> None:
    g = example_gui
    g.field("patient.mrn").setText("MS-204781")
    g.controller.refresh(0)
    wait_preview(g)
    assert g.field("patient.mrn").text() == "MS-204781"
    assert "MS-204781" in g.shown_text()


def test_a_restored_draft_with_a_spoofed_record_number_is_flagged(qtbot, gui,
                                                                   message_boxes) -> None:
    folder = drafts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    draft = {"draft_format": 1, "pid": 2**22 + 11, "saved_at": "2026-01-01T10:00:00",
             "source_path": "", "values": {"ms.phenotype": "RRMS", "dmt.status": "declined",
                                           "patient.mrn": SPOOF}}
    (folder / "draft-left.json").write_text(json.dumps(draft), encoding="utf-8")
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    assert gui.controller.offer_recovery()
    assert "U+202E" in gui.form.error_labels["patient.mrn"].text()


START = textwrap.dedent("""
    import sys, warnings
    from PySide6.QtCore import QTimer
    from ldn_report.gui import messages
    from ldn_report.gui.app import application, create_main_window
    messages.ask_recover = lambda *a, **k: False
    app = application()
    window, controller = create_main_window()
    names = [window.template_combo.itemText(i) for i in range(window.template_combo.count())]
    controller.offer_recovery()
    controller.builder.shutdown()
    controller.drafts.discard()
    print("started", "Good Clinic" in names)
""")


def test_the_app_starts_past_hostile_settings_drafts_and_templates(tmp_path: Path) -> None:
    """In its own process, with a time limit: a FIFO read would hang it for ever."""
    settings = AppSettings.path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"last_folder": "a", "last_folder": "b"}', encoding="utf-8")
    drafts = drafts_dir()
    drafts.mkdir(parents=True, exist_ok=True)
    (drafts / "draft-deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    os.mkfifo(drafts / "draft-fifo.json")
    templates = user_templates_dir()
    templates.mkdir(parents=True, exist_ok=True)
    (templates / "deep.toml").write_text("x = " + "[" * 1000, encoding="utf-8")
    (templates / "huge.toml").write_text("format_version = " + "9" * 5000, encoding="utf-8")
    os.mkfifo(templates / "fifo.toml")
    (templates / "logo.toml").write_text(
        f'format_version = 1\nname = "Logo"\n[branding]\nlogo = "{templates / "fifo.toml"}"\n',
        encoding="utf-8")
    (templates / "good.toml").write_text('format_version = 1\nname = "Good Clinic"\n',
                                         encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", START], capture_output=True, text=True,
                         cwd=tmp_path, timeout=90,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.stdout.split() == ["started", "True"], run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    for name in ("deep.toml", "huge.toml", "fifo.toml", "logo.toml", "settings not used"):
        assert name in run.stderr, run.stderr
