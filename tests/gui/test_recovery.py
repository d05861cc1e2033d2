"""Nothing lost: autosaved drafts (0600), recovery after a real crash, remembered settings."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ldn_report.gui.app import create_main_window
from ldn_report.gui.app_settings import AppSettings
from ldn_report.gui.drafts import DraftStore, drafts_dir

Button = QMessageBox.StandardButton

CRASHING_SESSION = textwrap.dedent("""
    import os
    from ldn_report.gui.app import application, create_main_window
    app = application()
    window, controller = create_main_window()
    controller.open_example("on-dmt-mood-pain")
    window.show()
    controller.form.inputs["notes"].setPlainText("Typed just before the crash.")
    controller.form.inputs["patient.mrn"].setText("MS-CRASH-1")
    assert controller.autosave()
    os._exit(3)  # no clean close, no atexit: as a crash or a power cut
""")


def _drafts() -> list:
    folder = drafts_dir()
    return sorted(folder.glob("draft-*.json")) if folder.is_dir() else []


def test_autosave_timer_writes_a_private_draft_only_when_there_are_changes(qtbot, example_gui):
    g = example_gui
    g.controller.autosave_timer.setInterval(200)
    qtbot.wait(500)
    assert _drafts() == []  # nothing changed since the example was opened
    original = g.field("notes").toPlainText()
    g.field("notes").setPlainText("Draft me")
    qtbot.waitUntil(lambda: len(_drafts()) == 1, timeout=3000)
    (draft,) = _drafts()
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert json.loads(draft.read_text(encoding="utf-8"))["values"]["notes"] == "Draft me"
    g.field("notes").setPlainText(original)  # back to the opened state: no draft needed
    qtbot.waitUntil(lambda: _drafts() == [], timeout=3000)


def test_draft_keeps_invalid_input_as_typed(example_gui):
    g = example_gui
    g.field("patient.date_of_birth").setText("12/03/1984")
    assert g.controller.autosave()
    (draft,) = _drafts()
    values = json.loads(draft.read_text(encoding="utf-8"))["values"]
    assert values["patient.date_of_birth"] == "12/03/1984"


def test_after_a_real_crash_the_draft_is_offered_and_restored(qtbot, gui, message_boxes,
                                                              repo_root):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    crashed = subprocess.run([sys.executable, "-c", CRASHING_SESSION], env=env,
                             capture_output=True, text=True, timeout=60, cwd=repo_root)
    assert crashed.returncode == 3, crashed.stderr
    (left,) = _drafts()

    message_boxes.answer(Button.Yes)
    assert gui.controller.offer_recovery()
    title, _text, informative = message_boxes.shown[0]
    assert title == "Recover unsaved work?"
    assert "a new context" in informative
    assert gui.field("notes").toPlainText() == "Typed just before the crash."
    assert gui.field("patient.mrn").text() == "MS-CRASH-1"
    assert gui.controller.is_dirty()  # restored work is not saved anywhere yet
    assert not left.exists()
    assert _drafts() == [gui.controller.drafts.path]  # this session's own copy


def test_declining_recovery_deletes_the_draft(gui, message_boxes, repo_root):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", CRASHING_SESSION], env=env, capture_output=True,
                   timeout=60, cwd=repo_root)
    assert len(_drafts()) == 1
    message_boxes.answer(Button.No)
    assert not gui.controller.offer_recovery()
    assert _drafts() == []
    assert gui.field("patient.mrn").text() == ""


LIVE_WINDOW = ("import sys; from ldn_report.atomic import writer_token; "
               "print(writer_token(), flush=True); sys.stdin.read()")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_a_draft_is_held_back_only_while_its_own_writer_runs_not_a_later_owner_of_its_pid():
    live = subprocess.Popen([sys.executable, "-c", LIVE_WINDOW], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert live.stdout is not None
        token = live.stdout.readline().strip()
        pid, host, start = token.split("-")
        drafts_dir().mkdir(parents=True)
        for notes, writer in (
            ("live window", token),
            ("crashed, pid reused", f"{pid}-{host}-{int(start) + 1}"),  # same pid, later start
            ("before a reboot", f"{pid}-{'f' * 12}-{start}"),  # another boot or container
            ("older app, pid only", None),  # cannot tell a reused pid: held back while it runs
        ):
            draft = {"draft_format": 1, "pid": int(pid), "saved_at": "2026-01-01T10:00:00",
                     "source_path": "", "values": {"notes": notes}}
            path = drafts_dir() / f"draft-{len(_drafts())}.json"
            path.write_text(json.dumps(draft | ({"writer": writer} if writer else {})))

        offered = {d.values["notes"] for d in DraftStore().left_behind()}
        assert offered == {"crashed, pid reused", "before a reboot"}
    finally:
        live.communicate("")
    offered = {d.values["notes"] for d in DraftStore().left_behind()}
    assert offered == {"live window", "crashed, pid reused", "before a reboot",
                       "older app, pid only"}


def test_a_clean_close_leaves_nothing_to_recover(qtbot, message_boxes):
    window, controller = create_main_window(AppSettings())
    window.show()
    controller.open_example("on-dmt-mood-pain")
    controller.form.inputs["notes"].setPlainText("edited")
    assert controller.autosave()
    message_boxes.answer(Button.Discard)
    assert window.close()
    assert _drafts() == []
    window2, controller2 = create_main_window()
    assert not controller2.offer_recovery()  # no box queued: a question would fail here
    window2.close_guard = None
    window2.close()
    controller.builder.wait_for_done()
    controller2.builder.wait_for_done()


def test_geometry_folder_and_template_are_remembered(qtbot, tmp_path):
    window, controller = create_main_window(AppSettings())
    window.show()
    qtbot.waitExposed(window)
    window.resize(700, 500)
    combo = window.template_combo
    combo.setCurrentIndex(combo.count() - 1)
    chosen = combo.currentText()
    controller.settings.last_folder = str(tmp_path)
    assert window.close()
    controller.builder.wait_for_done()

    saved = json.loads(AppSettings.path().read_text(encoding="utf-8"))
    assert saved["last_folder"] == str(tmp_path)
    assert saved["last_template"] == chosen
    assert stat.S_IMODE(AppSettings.path().stat().st_mode) == 0o600

    window2, controller2 = create_main_window()  # loads the settings file
    window2.show()
    assert window2.template_combo.currentText() == chosen
    assert (window2.width(), window2.height()) == (700, 500)
    assert controller2.settings.last_folder == str(tmp_path)
    window2.close()
    controller2.builder.wait_for_done()


def test_damaged_settings_file_falls_back_to_defaults():
    AppSettings.path().parent.mkdir(parents=True, exist_ok=True)
    AppSettings.path().write_text('{"recent_files": "not a list", "autosave_seconds": -4,'
                                  ' "last_folder": 7}', encoding="utf-8")
    settings = AppSettings.load()
    assert settings == AppSettings()
    AppSettings.path().write_text("{broken", encoding="utf-8")
    assert AppSettings.load() == AppSettings()
