"""The Clinic-day batch dialog with pytest-qt: progress, cancel, errors, open folder, off-thread."""

from __future__ import annotations

import csv
import os
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer

from ldn_report.batch.manifest import read_manifest
from ldn_report.gui import batch_dialog
from ldn_report.gui.batch_dialog import BatchDialog, run_batch_dialog

HEADER = "patient.name,ms.phenotype,dmt.status,goals\n"


@pytest.fixture
def dialog(qtbot):
    d = BatchDialog()
    qtbot.addWidget(d)
    d.show()
    yield d
    if d.running:
        d.cancel()
        d.thread_.wait(60_000)


def start_and_wait(qtbot, d: BatchDialog, timeout: int = 120_000):
    with qtbot.waitSignal(d.finished_batch, timeout=timeout) as blocker:
        qtbot.mouseClick(d.start_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def run_list(qtbot, d: BatchDialog, tmp_path, text: str):
    """Write ``text`` as list.csv, build it into tmp_path/out with one worker; the summary."""
    listing = tmp_path / "list.csv"
    listing.write_text(text, encoding="utf-8")
    d.list_edit.setText(str(listing))
    d.out_edit.setText(str(tmp_path / "out"))
    d.jobs_spin.setValue(1)
    return start_and_wait(qtbot, d)


def fake_file_manager(tmp_path, monkeypatch, code: int = 0, says: str = ""):
    """A real program named xdg-open first on PATH: it writes its argument to a file, prints
    ``says`` on stderr and exits with ``code``. Returns the file."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    record = tmp_path / "opened.txt"
    script = folder / "xdg-open"
    # Written aside, then renamed: the test sees the file only once it is whole.
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$1\" > '{record}.part'\n"
                      f"mv '{record}.part' '{record}'\n"
                      f"printf '%s\\n' '{says}' >&2\nexit {code}\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return record


def test_builds_the_example_list_with_progress_and_opens_the_folder(qtbot, dialog, tmp_path,
                                                                     repo_root, monkeypatch):
    dialog.list_edit.setText(str(repo_root / "resources" / "examples" / "clinic-list.csv"))
    assert dialog.out_edit.text().endswith("clinic-list reports")  # suggested beside the list
    out = tmp_path / "out"
    dialog.out_edit.setText(str(out))
    dialog.merge_check.setChecked(True)
    assert dialog.duplex_check.isEnabled()
    dialog.duplex_check.setChecked(True)
    dialog.jobs_spin.setValue(2 if dialog.jobs_spin.maximum() >= 2 else 1)
    assert not dialog.open_button.isEnabled()

    progress_threads: list[int] = []
    dialog.progress_bar.valueChanged.connect(lambda _: progress_threads.append(
        threading.get_ident()))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    summary = start_and_wait(qtbot, dialog)
    timer.stop()

    assert summary is not None
    assert [e.status for e in summary.entries] == ["built"] * 5
    assert dialog.progress_bar.maximum() == 5
    assert dialog.progress_bar.value() == 5
    assert "5 rows: 5 built, 0 unchanged, 0 failed." in dialog.status_label.text()
    assert "all-reports-for-printing.pdf" in dialog.status_label.text()
    assert (out / "all-reports-for-printing.pdf").is_file()
    assert len(list(out.glob("0*.pdf"))) == 5
    # the widgets were updated in the GUI thread, and the GUI thread kept serving its event
    # loop while the batch ran (it would not tick at all if the batch ran on it)
    assert set(progress_threads) == {threading.get_ident()}
    assert len(ticks) >= 5
    assert dialog.start_button.isEnabled()

    opened = fake_file_manager(tmp_path, monkeypatch)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened.exists(), timeout=10_000)
    assert opened.read_text().splitlines() == [str(out)]


def test_bad_rows_are_listed_plainly_and_good_rows_built(qtbot, dialog, tmp_path):
    summary = run_list(qtbot, dialog, tmp_path, HEADER + "Ann,RRMS,declined,mood\n"
                       "<b>Bob</b>,RRMS,<i>maybe</i>,\n"
                       "Cy,SPMS,none_yet,flying\n")
    assert [e.status for e in summary.entries] == ["built", "failed", "failed"]
    lines = dialog.problems.toPlainText().splitlines()
    assert lines[0].startswith("Row 3, dmt.status: this value is not allowed")
    assert "maybe" not in lines[0]  # the cell's value is never repeated
    assert lines[1].startswith("Row 4, goals: value 1 is not allowed")
    assert "flying" not in lines[1]
    assert "1 built" in dialog.status_label.text()
    assert "2 failed" in dialog.status_label.text()


def test_unusable_list_shows_why_and_builds_nothing(qtbot, dialog, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("nom,status\nAnn,ok\n", encoding="utf-8")
    dialog.list_edit.setText(str(listing))
    dialog.out_edit.setText(str(tmp_path / "out"))
    summary = start_and_wait(qtbot, dialog)
    assert summary is None
    assert ("The batch could not run: list.csv: header: column(s) 1, 2 of the first line are "
            "not known") in dialog.status_label.text()
    assert not (tmp_path / "out").exists()
    assert dialog.start_button.isEnabled()


def test_accessible_option_builds_tagged_files_and_offers_no_merged_file(qtbot, dialog,
                                                                          tmp_path):
    dialog.merge_check.setChecked(True)
    dialog.duplex_check.setChecked(True)
    dialog.accessible_check.setChecked(True)
    # one PDF for printing would keep no tags: not offered with accessible files
    assert not dialog.merge_check.isEnabled()
    assert not dialog.duplex_check.isEnabled()
    assert "second run" in dialog.accessible_check.toolTip()
    summary = run_list(qtbot, dialog, tmp_path, HEADER + "Ann,RRMS,declined,mood\n")
    assert [e.status for e in summary.entries] == ["built"]
    assert summary.merged == []
    assert read_manifest(tmp_path / "out")[2].kind == "accessible"
    pdf = PdfReader(tmp_path / "out" / summary.entries[0].file)
    assert "/StructTreeRoot" in pdf.trailer["/Root"]
    assert "For printing" not in dialog.status_label.text()
    assert not dialog.merge_check.isEnabled()  # still, after the run
    dialog.accessible_check.setChecked(False)
    assert dialog.merge_check.isEnabled()
    assert dialog.duplex_check.isEnabled()


def _long_list(path, rows: int):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["patient.name", "ms.phenotype", "dmt.status"])
        for i in range(rows):
            writer.writerow([f"Patient {i}", "RRMS", "declined"])
    return path


def test_cancel_stops_the_batch_and_the_manifest_says_what_is_left(qtbot, dialog, tmp_path):
    listing = _long_list(tmp_path / "list.csv", 40)
    out = tmp_path / "out"
    dialog.list_edit.setText(str(listing))
    dialog.out_edit.setText(str(out))
    dialog.jobs_spin.setValue(1)
    with qtbot.waitSignal(dialog.finished_batch, timeout=120_000) as blocker:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.progress_bar.value() >= 1, timeout=60_000)
        assert dialog.running
        assert not dialog.start_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert "Cancelling" in dialog.status_label.text()
    summary = blocker.args[0]
    assert summary.cancelled
    assert dialog.status_label.text().startswith("Cancelled.")
    statuses = [e.status for e in read_manifest(out).values()]
    assert statuses.count("built") >= 1
    assert statuses.count("cancelled") >= 1
    assert len(statuses) == 40


def test_closing_while_running_cancels_then_closes(qtbot, tmp_path):
    listing = _long_list(tmp_path / "list.csv", 40)
    run_batch_dialog(None)
    (d,) = [w for w in batch_dialog._open_dialogs]
    qtbot.addWidget(d)
    assert d.isVisible()
    d.list_edit.setText(str(listing))
    d.out_edit.setText(str(tmp_path / "out"))
    d.jobs_spin.setValue(1)
    qtbot.mouseClick(d.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.progress_bar.value() >= 1, timeout=60_000)
    with qtbot.waitSignal(d.finished_batch, timeout=120_000) as blocker:
        d.close()
        assert d.isVisible()  # still open until the running reports are done
    assert blocker.args[0].cancelled
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=10_000)
    assert d not in batch_dialog._open_dialogs


# --- typing paths: nothing typed may raise; the message is beside the field -----------------

@pytest.fixture
def odd_paths(tmp_path):
    """Paths of every kind a user may type or paste, with what the field should say."""
    good = tmp_path / "clinic-list.csv"
    good.write_text(HEADER + "Ann,RRMS,declined,mood\n", encoding="utf-8")
    folder = tmp_path / "a folder"
    folder.mkdir()
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    locked = tmp_path / "locked.csv"
    locked.write_text(HEADER, encoding="utf-8")
    locked.chmod(0)
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:  # sparse: no disk used
        handle.truncate(60 * 1024 * 1024)
    readable = os.access(locked, os.R_OK)  # root may read anything
    return {
        str(good): "",
        str(folder): "is a folder",
        str(fifo): "not an ordinary file",
        str(locked): "" if readable else "permission denied",
        str(loop): "cannot be used",
        str(good / "x.csv"): "is a file, not a folder",
        str(tmp_path / "missing" / "list.csv"): "Nothing at this path",
        str(huge): "larger than 50 MB",
        "/": "is a folder",
        "//": "is a folder",
        "~": "is a folder",
        "relative/list.csv": "whole path",
        str(tmp_path / ("n" * 300)): "cannot be used",
    }


@pytest.fixture
def hook_errors(monkeypatch):
    """Every exception that reaches sys.excepthook (the app's error dialog) during the test."""
    import sys

    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: caught.append(exc))
    return caught


def test_typing_any_path_never_raises_and_says_why_beside_the_field(qtbot, dialog, odd_paths,
                                                                    hook_errors):
    for text, expected in odd_paths.items():
        for edit, note in ((dialog.list_edit, dialog.list_note),
                           (dialog.out_edit, dialog.out_note)):
            edit.clear()
            qtbot.keyClicks(edit, text)  # real key events: every prefix is typed on the way
            assert edit.text() == text
            if edit is dialog.list_edit:
                if expected:
                    assert note.isVisible(), text
                    assert expected in note.text(), (text, note.text())
                else:
                    assert not note.isVisible(), (text, note.text())
    assert hook_errors == []


def test_output_folder_field_says_what_will_happen(qtbot, dialog, tmp_path, hook_errors):
    (tmp_path / "a file").write_text("x")
    cases = {str(tmp_path): ("", True), str(tmp_path / "new"): ("A new folder", True),
             str(tmp_path / "a file"): ("is a file, not a folder", False),
             str(tmp_path / "a file" / "out"): ("not a folder", False),
             "out": ("whole path", False)}
    for text, (expected, usable) in cases.items():
        dialog.out_edit.clear()
        qtbot.keyClicks(dialog.out_edit, text)
        assert expected in dialog.out_note.text(), text
        assert dialog.out_note.isVisible() == bool(expected)
        assert ("#B3261E" in dialog.out_note.styleSheet()) != usable  # red only when unusable
    assert hook_errors == []


@pytest.mark.parametrize("text", ["/", "~", "relative.csv", "pipe"])
def test_start_with_an_unusable_path_builds_nothing_and_points_at_the_field(
        qtbot, dialog, tmp_path, text, hook_errors):
    if text == "pipe":
        text = str(tmp_path / "pipe.csv")
        os.mkfifo(text)  # reading it would block the batch forever
    qtbot.keyClicks(dialog.list_edit, text)
    dialog.out_edit.setText(str(tmp_path / "out"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.running
    assert dialog.list_note.isVisible()
    assert "Fix the path marked above" in dialog.status_label.text()
    assert not (tmp_path / "out").exists()
    assert hook_errors == []


def test_property_any_typed_text_is_safe(qtbot, dialog, tmp_path, hook_errors):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(["/", "//", ".", "..", "~", " ", "a", "é", "\\", ":", "*", "?",
                              "\t", "\u202e", "\x00", str(tmp_path), "clinic.csv", "\n"])

    @settings(max_examples=200, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(pieces, max_size=8).map("".join))
    def typed(text: str) -> None:
        dialog.list_edit.setText(text)
        dialog.out_edit.setText(text)

    typed()
    assert hook_errors == []


# --- what the window says -------------------------------------------------------------------

def test_every_error_of_a_row_and_every_unset_cell_is_listed(qtbot, dialog, tmp_path):
    summary = run_list(
        qtbot, dialog, tmp_path,
        "patient.name,ms.phenotype,dmt.status,goals,safety.opioid_use\n"
        "Ann,Relapsing-remitting MS,On a DMT but not tolerating it,Thinking and memory,Y\n"
        "Bob,XMS,maybe,flying,perhaps\n"
        "Cy,,,mood,n\n")
    assert [e.status for e in summary.entries] == ["built", "failed", "built"]
    lines = dialog.problems.toPlainText().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Row 3, ms.phenotype", "Row 3, dmt.status", "Row 3, goals", "Row 3, safety.opioid_use",
        "Row 4, ms.phenotype", "Row 4, dmt.status"]
    assert "built as \u201cNot recorded\u201d" in lines[-1]
    status = dialog.status_label.text()
    assert "3 rows: 2 built, 0 unchanged, 1 failed." in status
    assert "1 row has an empty dmt.status or ms.phenotype cell (row 4;" in status
    assert "Bob" not in dialog.problems.toPlainText() + status


def test_open_folder_problems_are_shown_in_the_window_not_the_terminal(
        qtbot, dialog, tmp_path, monkeypatch, capfd):
    run_list(qtbot, dialog, tmp_path, HEADER + "Ann,RRMS,declined,mood\n")
    out = tmp_path / "out"
    assert dialog.open_button.isEnabled()

    # the opener fails and complains
    fake_file_manager(tmp_path, monkeypatch, code=3,
                      says="xdg-open: no method available for opening it")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be opened" in dialog.status_label.text(), timeout=10_000)
    assert "no method available" in dialog.status_label.text()
    assert str(out) in dialog.status_label.text()  # where the reports are, all the same

    # no opener at all
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    dialog.status_label.clear()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be opened" in dialog.status_label.text(), timeout=10_000)
    assert "no program to open folders" in dialog.status_label.text()

    # the folder went away
    for child in out.iterdir():
        child.unlink()
    out.rmdir()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "not there any more" in dialog.status_label.text()
    captured = capfd.readouterr()
    assert "no method available" not in captured.err + captured.out


def test_plain_words_for_the_number_of_workers(dialog):
    from PySide6.QtWidgets import QFormLayout, QLabel

    form = dialog.findChild(QFormLayout)
    label = form.labelForField(dialog.jobs_spin)
    assert label.text().replace("&", "") == "Reports built at the same time:"
    texts = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "Parallel" not in texts
    assert "1 leaves the computer free" in dialog.jobs_spin.toolTip()


def test_batch_window_starts_with_the_main_windows_template(qtbot, gui):
    combo = gui.window.template_combo
    combo.setCurrentIndex(combo.findText("Large print"))
    gui.window.batch_action.trigger()
    (d,) = list(batch_dialog._open_dialogs)
    qtbot.addWidget(d)
    try:
        assert d.template_box.currentText() == "Large print"
    finally:
        d.close()


def test_tab_order_follows_the_window(qtbot, dialog):
    from PySide6.QtWidgets import QApplication

    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.list_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    chain = [QApplication.focusWidget()]
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    names = [w.accessibleName() or w.text() for w in chain
             if w is not dialog.jobs_spin.findChild(type(dialog.list_edit))]
    assert names[:9] == ["Clinic list file", "Choose…", "Output folder", "Choose…", "Template",
                         "Reports built at the same time",
                         "Accessible PDFs (tagged, for screen readers)",
                         "Also one PDF of all reports, for printing", "Rows with problems"]
    assert "Build reports" in names
