"""The Clinic-day batch dialog: pick a clinic list and a folder, watch progress, cancel, open."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QThread, QUrl, Signal
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

from ..batch.clinic_list import MAX_ROWS
from ..batch.manifest import FAILED
from ..batch.paths import PathCheck, check_list_path, check_output_folder
from ..batch.runner import BatchProgress, BatchSummary, default_jobs, run_batch
from ..context import FIELDS_BY_NAME
from ..errors import InputError
from ..i18n.fill import fill
from ..templates.catalogue import list_templates
from .form_labels import wrapped_label
from .language.core_messages import core_message, input_error_text
from .language.field_texts import field_text
from .language.template_texts import template_description, template_name
from .window_size import fit_to_screen

_open_dialogs: set[BatchDialog] = set()  # keeps parentless dialogs alive while shown
_launchers: set[QProcess] = set()  # file-manager launches, kept alive until they end
NOTE_STYLE = {True: "color: palette(placeholder-text);", False: "color: #B3261E;"}


class BatchThread(QThread):
    """Runs :func:`run_batch` off the GUI thread; its signals arrive in the GUI thread."""

    progressed = Signal(object)  # BatchProgress
    succeeded = Signal(object)  # BatchSummary
    failed = Signal(str)  # one line: an unusable list, a bad template, a disk error

    def __init__(self, list_path: Path, out_dir: Path, template: str | None, jobs: int,
                 merge: bool, duplex: bool, accessible: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_path, self.out_dir, self.template = list_path, out_dir, template
        self.jobs, self.merge, self.duplex = jobs, merge, duplex
        self.accessible = accessible
        self.cancel_flag = threading.Event()

    def run(self) -> None:
        try:
            summary = run_batch(
                self.list_path, self.out_dir, template=self.template, jobs=self.jobs,
                merge=self.merge, duplex=self.duplex, progress=self.progressed.emit,
                cancel=self.cancel_flag, accessible=self.accessible)
        except InputError as exc:
            # Option names of the command line mean nothing here: name the box instead.
            box = {"-o": self.tr("Output folder"), "--template": self.tr("Template"),
                   "--merge": self.tr("One PDF of all reports")}.get(exc.field)
            self.failed.emit(f"{box}: {core_message(exc.message)}" if box
                             else input_error_text(exc))
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            self.failed.emit(fill(self.tr("cannot read or write%1: %2"), where,
                                  str(exc.strerror)))
        except ValueError as exc:  # a path no file system accepts
            self.failed.emit(fill(self.tr("the path cannot be used: %1"), str(exc)))
        else:
            self.succeeded.emit(summary)


class BatchDialog(QDialog):
    """Non-modal: the main window stays usable while the batch runs."""

    finished_batch = Signal(object)  # BatchSummary, or None when the batch could not start

    def __init__(self, parent: QWidget | None = None, template: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Clinic-day batch"))
        self.thread_: BatchThread | None = None
        self.summary: BatchSummary | None = None
        self._close_when_done = False

        self.list_edit = QLineEdit()
        self.list_edit.setPlaceholderText(self.tr("clinic-list.csv (one patient per row)"))
        self.list_edit.setAccessibleName(self.tr("Clinic list file"))
        self.list_note = self._note(self.tr("Clinic list: problem"))
        self.list_edit.textChanged.connect(self._on_list_typed)
        self.out_edit = QLineEdit()
        self.out_edit.setPlaceholderText(self.tr("folder for the reports"))
        self.out_edit.setAccessibleName(self.tr("Output folder"))
        self.out_note = self._note(self.tr("Output folder: problem"))
        self.out_edit.textChanged.connect(self._on_folder_typed)
        self.template_box = QComboBox()
        # Shown in the interface language; the item's data is the name the batch looks up.
        for clinic_template in list_templates():
            self.template_box.addItem(template_name(clinic_template), clinic_template.name)
            self.template_box.setItemData(self.template_box.count() - 1,
                                          template_description(clinic_template),
                                          Qt.ItemDataRole.ToolTipRole)
        if self.template_box.findData(template) >= 0:
            self.template_box.setCurrentIndex(self.template_box.findData(template))
        self.template_box.setToolTip(self.tr("Used for rows whose 'template' cell is empty"))
        self.template_box.setAccessibleName(self.tr("Template"))
        self.jobs_spin = QSpinBox()
        self.jobs_spin.setRange(1, max(1, os.cpu_count() or 1))
        self.jobs_spin.setValue(default_jobs())
        self.jobs_spin.setAccessibleName(self.tr("Reports built at the same time"))
        self.jobs_spin.setToolTip(self.tr("More is faster on a computer with several processor "
                                          "cores; 1 leaves the computer free for other work"))
        for widget in (self.template_box, self.jobs_spin):
            # The mouse wheel over them must not change them unless the user clicked there.
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.accessible_check = QCheckBox(self.tr("Accessible PDFs (tagged, for screen readers)"))
        self.accessible_check.setToolTip(self.tr(
            "Each report as a tagged PDF/UA-1 file, as ldn-report batch --accessible. Not "
            "with one PDF for printing: a merged file keeps no tags; build that in a second "
            "run without this"))
        self.merge_check = QCheckBox(self.tr("Also one PDF of all reports, for printing"))
        self.duplex_check = QCheckBox(
            self.tr("Two-sided printing: each report starts on a new sheet"))
        self.duplex_check.setEnabled(False)
        for box in (self.accessible_check, self.merge_check):
            box.toggled.connect(lambda _: self._sync_options())

        form = QFormLayout()
        # Spanish labels are longer: they wrap, so the fields keep their room on a small screen.
        form.addRow(self._buddy(self.tr("Clinic &list:"), self.list_edit),
                    self._with_button(self.list_edit, self.tr("Choose…"), self._choose_list))
        form.addRow("", self.list_note)
        form.addRow(self._buddy(self.tr("&Output folder:"), self.out_edit),
                    self._with_button(self.out_edit, self.tr("Choose…"), self._choose_folder))
        form.addRow("", self.out_note)
        form.addRow(self._buddy(self.tr("&Template:"), self.template_box), self.template_box)
        form.addRow(self._buddy(self.tr("Reports built at the &same time:"), self.jobs_spin),
                    self.jobs_spin)
        form.addRow("", self.accessible_check)
        form.addRow("", self.merge_check)
        form.addRow("", self.duplex_check)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status_label = QLabel(self.tr("Choose a clinic list and an output folder."))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # messages hold user text
        self.status_label.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("Rows that could not be built, and rows with "
                                                 "an empty MS type or DMT status, are listed "
                                                 "here."))
        self.problems.setAccessibleName(self.tr("Rows with problems"))
        # Room for every problem of every row of the longest list (a few per row), not only
        # the last ones; the manifest has them all in any case.
        self.problems.setMaximumBlockCount(5 * MAX_ROWS)

        self.start_button = QPushButton(self.tr("Build reports"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel batch"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton(self.tr("Open output folder"))
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
        fit_to_screen(self, 760, 580)

    @staticmethod
    def _note(name: str) -> QLabel:
        """The message beside a path field (plain text: it may hold the typed path)."""
        note = QLabel()
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setAccessibleName(name)
        note.hide()
        return note

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        """A form label whose &-key focuses ``field``, wrapping when the language is long."""
        label = wrapped_label(text)
        label.setBuddy(field)
        return label

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
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Clinic list"), self.list_edit.text(),
            self.tr("Clinic list (*.csv *.txt);;All files (*)"))
        if path:
            self.list_edit.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Output folder"),
                                                self.out_edit.text())
        if path:
            self.out_edit.setText(path)

    # --- checking what is typed (never raises, never opens a file) ---------------------------
    @staticmethod
    def _show(note: QLabel, check: PathCheck) -> None:
        note.setText(core_message(check.note))
        note.setStyleSheet(NOTE_STYLE[check.ok])
        note.setVisible(bool(check.note))

    def _on_list_typed(self, text: str) -> None:
        check = check_list_path(text)
        self._show(self.list_note, check)
        if check.path is not None and not self.out_edit.isModified():
            # Beside the list, until the user types a folder of their own.
            self.out_edit.setText(str(check.path.with_name(f"{check.path.stem} reports")))

    def _on_folder_typed(self, text: str) -> None:
        self._show(self.out_note, check_output_folder(text))

    # --- running --------------------------------------------------------------------------
    _busy = False  # between Start and the batch's end (the thread starts a moment later)

    @property
    def running(self) -> bool:
        return self.thread_ is not None and self.thread_.isRunning()

    def start(self) -> None:
        if self.running:
            return
        source, folder = check_list_path(self.list_edit.text()), \
            check_output_folder(self.out_edit.text())
        self._show(self.list_note, source)
        self._show(self.out_note, folder)
        if source.path is None or folder.path is None:
            bad = self.list_edit if source.path is None else self.out_edit
            bad.setFocus(Qt.FocusReason.OtherFocusReason)
            self.status_label.setText(
                self.tr("Choose a clinic list and an output folder first.")
                if not (source.note or folder.note) else
                self.tr("Fix the path marked above, then build the reports."))
            return
        self.summary = None
        self.problems.clear()
        self.progress_bar.setRange(0, 0)  # busy until the first row is done
        self.status_label.setText(self.tr("Reading the clinic list…"))
        self._set_running(True)
        thread = BatchThread(source.path, folder.path, self.template_box.currentData(),
                             self.jobs_spin.value(), self._merge(),
                             self.duplex_check.isChecked() and self._merge(),
                             self.accessible_check.isChecked(), self)
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
            self.status_label.setText(
                self.tr("Cancelling: finishing the reports already started…"))

    def open_folder(self) -> None:
        """Open the output folder in the file manager; a failure is said in this window."""
        folder = self.summary.out_dir if self.summary else check_output_folder(
            self.out_edit.text()).path
        if folder is None or not folder.is_dir():
            self._say_not_opened(folder, self.tr("the folder is not there any more"))
            return
        if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            self._launch_file_manager(folder)
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._say_not_opened(folder, self.tr("no program to open folders was found"))

    def _launch_file_manager(self, folder: Path) -> None:
        # xdg-open is run here, not by QDesktopServices, so that its complaints reach this
        # window instead of the terminal the app was started from.
        process = QProcess()
        process.setProgram("xdg-open")
        process.setArguments([str(folder)])
        _launchers.add(process)

        def failed_to_start(error: QProcess.ProcessError) -> None:
            if error == QProcess.ProcessError.FailedToStart:
                _launchers.discard(process)
                self._say_not_opened(
                    folder, self.tr("no program to open folders was found (xdg-open)"))

        def finished(code: int, _status: QProcess.ExitStatus) -> None:
            _launchers.discard(process)
            if code != 0:
                said = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
                reason = said.strip().splitlines()[-1][:200] if said.strip() else \
                    fill(self.tr("xdg-open ended with code %1"), str(code))
                self._say_not_opened(folder, reason)

        process.errorOccurred.connect(failed_to_start)
        process.finished.connect(finished)
        process.start()

    def _say_not_opened(self, folder: Path | None, reason: str) -> None:
        where = " " + fill(self.tr("The reports are in %1."), str(folder)) if folder else ""
        self.status_label.setText(
            fill(self.tr("The output folder could not be opened: %1."), reason) + where)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for widget in (self.list_edit, self.out_edit, self.template_box, self.jobs_spin,
                       self.accessible_check):
            widget.setEnabled(not running)
        self._busy = running
        self._sync_options()

    def _merge(self) -> bool:
        return self.merge_check.isChecked() and not self.accessible_check.isChecked()

    def _sync_options(self) -> None:
        """One PDF for printing is not offered with accessible PDFs (the batch refuses the
        pair: a merged file keeps no tags); two-sided padding only with the merged file."""
        idle = not self._busy
        self.merge_check.setEnabled(idle and not self.accessible_check.isChecked())
        self.duplex_check.setEnabled(idle and self.merge_check.isEnabled()
                                     and self.merge_check.isChecked())

    def _on_progress(self, progress: BatchProgress) -> None:
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.done)
        entry = progress.entry
        if entry.status == FAILED:
            for column, message in entry.problems:
                where = f", {column}" if column else ""
                self.problems.appendPlainText(fill(self.tr("Row %1%2: %3"), str(entry.row),
                                                   where, core_message(message)))
        for name in entry.unset_fields:
            label = FIELDS_BY_NAME[name].label if name in FIELDS_BY_NAME else name
            self.problems.appendPlainText(fill(
                self.tr("Row %1, %2: empty (%3 unset); built as \u201cNot recorded\u201d with "
                        "neutral wording"), str(entry.row), name, field_text(label)))
        if not (self.thread_ and self.thread_.cancel_flag.is_set()):
            self.status_label.setText(fill(self.tr("%1 of %2 rows done"), str(progress.done),
                                           str(progress.total)))

    def _on_succeeded(self, summary: BatchSummary) -> None:
        self.summary = summary
        if not summary.entries:
            self.progress_bar.setRange(0, 1)
        text = fill(self.tr("%1 rows: %2 built, %3 unchanged, %4 failed."),
                    str(len(summary.entries)), str(summary.count("built")),
                    str(summary.count("unchanged")), str(summary.failed))
        if summary.cancelled:
            text = fill(self.tr("Cancelled. %1 Run it again to finish the rest."), text)
        if summary.merged:
            files = ", ".join(path.name for path in summary.merged)
            text += " " + fill(self.tr("For printing: %1 (%2 pages)."), files,
                               str(summary.merged_pages))
        if summary.unset_rows:
            text += " " + fill(self.tr("Unset: %1"), core_message(summary.unset_note()))
        text += " " + self.tr("Details: manifest.csv in the output folder.")
        self.status_label.setText(text)
        self.open_button.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status_label.setText(fill(self.tr("The batch could not run: %1"), message))

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


def run_batch_dialog(parent: QWidget | None, template: str = "") -> None:
    """Show the Clinic-day batch dialog (non-modal), on the main window's template."""
    dialog = BatchDialog(parent, template)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.add(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
