"""The Clinic-day batch dialog with pytest-qt: progress, cancel, errors, open folder, off-thread."""

from __future__ import annotations

import csv
import threading

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from ldn_report.batch.manifest import read_manifest
from ldn_report.gui import batch_dialog
from ldn_report.gui.batch_dialog import BatchDialog, run_batch_dialog

HEADER = "patient.name,ms.phenotype,dmt.status,goals\n"


class UrlCatcher(QObject):
    """A real QDesktopServices URL handler for file: URLs (instead of launching a file manager)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


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


def test_builds_the_example_list_with_progress_and_opens_the_folder(qtbot, dialog, tmp_path,
                                                                     repo_root):
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

    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "handle")
    try:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(out)]


def test_bad_rows_are_listed_plainly_and_good_rows_built(qtbot, dialog, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text(HEADER + "Ann,RRMS,declined,mood\n"
                       "<b>Bob</b>,RRMS,<i>maybe</i>,\n"
                       "Cy,SPMS,none_yet,flying\n", encoding="utf-8")
    dialog.list_edit.setText(str(listing))
    dialog.out_edit.setText(str(tmp_path / "out"))
    dialog.jobs_spin.setValue(1)
    summary = start_and_wait(qtbot, dialog)
    assert [e.status for e in summary.entries] == ["built", "failed", "failed"]
    lines = dialog.problems.toPlainText().splitlines()
    assert lines[0].startswith("Row 3, dmt.status: '<i>maybe</i>' is not allowed")
    assert lines[1].startswith("Row 4, goals: 'flying' is not allowed")
    assert "1 built" in dialog.status_label.text()
    assert "2 failed" in dialog.status_label.text()


def test_unusable_list_shows_why_and_builds_nothing(qtbot, dialog, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("name,status\nAnn,ok\n", encoding="utf-8")
    dialog.list_edit.setText(str(listing))
    dialog.out_edit.setText(str(tmp_path / "out"))
    summary = start_and_wait(qtbot, dialog)
    assert summary is None
    assert "The batch could not run: list.csv: header: unknown column(s) 'name'" in \
        dialog.status_label.text()
    assert not (tmp_path / "out").exists()
    assert dialog.start_button.isEnabled()


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
