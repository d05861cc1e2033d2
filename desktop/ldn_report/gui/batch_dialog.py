"""The Clinic-day batch dialog: pick a clinic list and a folder, watch progress, cancel, open."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..batch.manifest import FAILED
from ..batch.runner import BatchProgress, BatchSummary, default_jobs, run_batch
from ..errors import InputError
from ..templates.catalogue import list_templates

_open_dialogs: set[BatchDialog] = set()  # keeps parentless dialogs alive while shown


class BatchThread(QThread):
    """Runs :func:`run_batch` off the GUI thread; its signals arrive in the GUI thread."""

    progressed = Signal(object)  # BatchProgress
    succeeded = Signal(object)  # BatchSummary
    failed = Signal(str)  # one line: an unusable list, a bad template, a disk error

    def __init__(self, list_path: Path, out_dir: Path, template: str | None, jobs: int,
                 merge: bool, duplex: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_path, self.out_dir, self.template = list_path, out_dir, template
        self.jobs, self.merge, self.duplex = jobs, merge, duplex
        self.cancel_flag = threading.Event()

    def run(self) -> None:
        try:
            summary = run_batch(
                self.list_path, self.out_dir, template=self.template, jobs=self.jobs,
                merge=self.merge, duplex=self.duplex, progress=self.progressed.emit,
                cancel=self.cancel_flag)
        except InputError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            self.failed.emit(f"cannot read or write{where}: {exc.strerror}")
        else:
            self.succeeded.emit(summary)


class BatchDialog(QDialog):
    """Non-modal: the main window stays usable while the batch runs."""

    finished_batch = Signal(object)  # BatchSummary, or None when the batch could not start

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Clinic-day batch")
        self.thread_: BatchThread | None = None
        self.summary: BatchSummary | None = None
        self._close_when_done = False

        self.list_edit = QLineEdit()
        self.list_edit.setPlaceholderText("clinic-list.csv (one patient per row)")
        self.list_edit.textChanged.connect(self._suggest_folder)
        self.out_edit = QLineEdit()
        self.out_edit.setPlaceholderText("folder for the reports")
        self.template_box = QComboBox()
        for template in list_templates():
            self.template_box.addItem(template.name)
        self.template_box.setToolTip("Used for rows whose 'template' cell is empty")
        self.jobs_spin = QSpinBox()
        self.jobs_spin.setRange(1, max(1, os.cpu_count() or 1))
        self.jobs_spin.setValue(default_jobs())
        self.jobs_spin.setToolTip("How many reports are built at the same time")
        self.merge_check = QCheckBox("Also one PDF of all reports, for printing")
        self.duplex_check = QCheckBox("Two-sided printing: each report starts on a new sheet")
        self.duplex_check.setEnabled(False)
        self.merge_check.toggled.connect(self.duplex_check.setEnabled)

        form = QFormLayout()
        form.addRow("Clinic list:", self._with_button(self.list_edit, "Choose…", self._choose_list))
        form.addRow("Output folder:",
                    self._with_button(self.out_edit, "Choose…", self._choose_folder))
        form.addRow("Template:", self.template_box)
        form.addRow("Parallel builds:", self.jobs_spin)
        form.addRow("", self.merge_check)
        form.addRow("", self.duplex_check)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status_label = QLabel("Choose a clinic list and an output folder.")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # messages hold user text
        self.status_label.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText("Rows that could not be built are listed here.")
        self.problems.setMaximumBlockCount(10_000)

        self.start_button = QPushButton("Build reports")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel batch")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton("Open output folder")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        buttons = QDialogButtonBox()
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(620, 460)

    @staticmethod
    def _with_button(edit: QLineEdit, text: str, slot: object) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        button = QPushButton(text)
        button.clicked.connect(slot)
        box.addWidget(button)
        return row

    # --- choosing -------------------------------------------------------------------------
    def _choose_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Clinic list", self.list_edit.text(),
                                              "Clinic list (*.csv *.txt);;All files (*)")
        if path:
            self.list_edit.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Output folder", self.out_edit.text())
        if path:
            self.out_edit.setText(path)

    def _suggest_folder(self, text: str) -> None:
        if text.strip() and not self.out_edit.isModified():
            source = Path(text.strip())
            self.out_edit.setText(str(source.with_name(f"{source.stem} reports")))

    # --- running --------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.thread_ is not None and self.thread_.isRunning()

    def start(self) -> None:
        if self.running:
            return
        list_text, out_text = self.list_edit.text().strip(), self.out_edit.text().strip()
        if not list_text or not out_text:
            self.status_label.setText("Choose a clinic list and an output folder first.")
            return
        self.summary = None
        self.problems.clear()
        self.progress_bar.setRange(0, 0)  # busy until the first row is done
        self.status_label.setText("Reading the clinic list…")
        self._set_running(True)
        thread = BatchThread(Path(list_text), Path(out_text), self.template_box.currentText(),
                             self.jobs_spin.value(), self.merge_check.isChecked(),
                             self.duplex_check.isChecked() and self.merge_check.isChecked(),
                             self)
        thread.progressed.connect(self._on_progress)
        thread.succeeded.connect(self._on_succeeded)
        thread.failed.connect(self._on_failed)
        thread.finished.connect(self._on_thread_finished)
        self.thread_ = thread
        thread.start()

    def cancel(self) -> None:
        if self.running and self.thread_ is not None:
            self.thread_.cancel_flag.set()
            self.cancel_button.setEnabled(False)
            self.status_label.setText("Cancelling: finishing the reports already started…")

    def open_folder(self) -> None:
        folder = self.out_edit.text().strip()
        if folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for widget in (self.list_edit, self.out_edit, self.template_box, self.jobs_spin,
                       self.merge_check):
            widget.setEnabled(not running)
        self.duplex_check.setEnabled(not running and self.merge_check.isChecked())

    def _on_progress(self, progress: BatchProgress) -> None:
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.done)
        entry = progress.entry
        if entry.status == FAILED:
            column = f", {entry.column}" if entry.column else ""
            self.problems.appendPlainText(f"Row {entry.row}{column}: {entry.error}")
        if not (self.thread_ and self.thread_.cancel_flag.is_set()):
            self.status_label.setText(f"{progress.done} of {progress.total} rows done")

    def _on_succeeded(self, summary: BatchSummary) -> None:
        self.summary = summary
        if not summary.entries:
            self.progress_bar.setRange(0, 1)
        parts = [f"{summary.count('built')} built", f"{summary.count('unchanged')} unchanged",
                 f"{summary.failed} failed"]
        text = f"{len(summary.entries)} rows: {', '.join(parts)}."
        if summary.cancelled:
            text = f"Cancelled. {text} Run it again to finish the rest."
        if summary.merged:
            files = ", ".join(path.name for path in summary.merged)
            text += f" For printing: {files} ({summary.merged_pages} pages)."
        text += " Details: manifest.csv in the output folder."
        self.status_label.setText(text)
        self.open_button.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status_label.setText(f"The batch could not run: {message}")

    def _on_thread_finished(self) -> None:
        self._set_running(False)
        self.finished_batch.emit(self.summary)
        if self._close_when_done:
            self.reject()

    def reject(self) -> None:
        """Close button, Escape and the window's close box all come here."""
        if self.running:
            # Stop cleanly (the manifest is saved), then close.
            self._close_when_done = True
            self.cancel()
            return
        _open_dialogs.discard(self)
        super().reject()


def run_batch_dialog(parent: QWidget | None) -> None:
    """Show the Clinic-day batch dialog (non-modal); the main window calls this."""
    dialog = BatchDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.add(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
