"""Export PDF, accessible PDF or HTML, print, copy the chart note: the report the form shows."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QProgressDialog

from ..atomic import atomic_write
from ..build import BuildResult, build_html, build_report
from ..chart_note import chart_note
from ..context import FIELDS, PatientContext
from ..i18n.fill import fill
from ..register.record import ACCESSIBLE_PDF, HTML, PDF, PRINT, template_ref
from ..register.recorder import output_handout
from ..report import Report
from . import messages
from .file_names import suggested_accessible_pdf_name, suggested_html_name, suggested_pdf_name
from .language.field_texts import field_text
from .print_job import PrintJob
from .register_writer import RecordWriter

if TYPE_CHECKING:
    from ..templates.model import ClinicTemplate
    from .main_controller import MainController

T = TypeVar("T")

# CUPS shows job titles to every user of the printer: no patient name in it.
PRINT_JOB_TITLE = "LDN counseling report"
# A required choice left at "unknown" was not chosen by the clinician (a new form starts so).
UNSET_CHOICE = "unknown"


def unset_choices(ctx: PatientContext) -> list[str]:
    """The labels of required choices still "Not recorded", in form order."""
    return [spec.label for spec in FIELDS
            if spec.kind == "enum" and spec.required and UNSET_CHOICE in spec.choices
            and ctx.get(spec.name) == UNSET_CHOICE]


def _accepted(code: object) -> bool:
    # exec() gives an int; a patched exec in a test may give the enum itself.
    return getattr(code, "value", code) == QDialog.DialogCode.Accepted.value


class OutputActions:
    """The report leaving the app. Each action first makes sure the report is current."""

    def __init__(self, controller: MainController) -> None:
        self.controller = controller
        self._confirmed: PatientContext | None = None  # went out unset with the user's yes
        # How each report (by content hash) left the app: "exported", "printed".
        self.delivered: dict[str, list[str]] = {}
        self.print_job: PrintJob | None = None
        self.progress: QProgressDialog | None = None
        self.register = RecordWriter(controller.window)
        self.register.failed.connect(self._register_failed)

    @property
    def window(self):
        return self.controller.window

    def tr(self, text: str) -> str:
        """``text`` in the interface language (not a QObject; lupdate reads self.tr alike)."""
        return QCoreApplication.translate("OutputActions", text)

    def current_result(self, doing: str) -> BuildResult | None:
        """The report for exactly what the form says now; built here if the worker is behind."""
        c = self.controller
        ctx = c.valid_context(doing)
        if ctx is None or not self.confirm_unset(ctx, doing):
            return None
        key = (ctx, c.template)
        if c.result is not None and c.result_key == key:
            return c.result
        c.builder.cancel()  # its result would be for the same form; this one is needed now
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        started = time.perf_counter()
        try:
            result = build_report(ctx, c.template)
        except Exception as exc:
            messages.show_problem(self.window, fill(self.tr("Cannot %1"), doing),
                                  self.tr("The report could not be built."),
                                  f"{type(exc).__name__}: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        c.show_result(result, (time.perf_counter() - started) * 1e3, key)
        return result

    def confirm_unset(self, ctx: PatientContext, doing: str) -> bool:
        """Ask before a report goes out with a required choice "Not recorded"; asked once per
        form state, so export, print and chart note of one report ask one question."""
        labels = unset_choices(ctx)
        if not labels or ctx == self._confirmed:
            return True
        if messages.confirm_unset(self.window, [field_text(x) for x in labels], doing):
            self._confirmed = ctx
            return True
        first = next(s.name for s in FIELDS if s.label == labels[0])
        self.controller.form.inputs[first].setFocus()
        return False

    def mark_delivered(self, how: str, digest: str = "") -> None:
        """Remember that the report ``digest`` (default: the one on screen) left the app."""
        done = self.delivered.setdefault(digest or self.controller.result.content_hash, [])
        if how not in done:
            done.append(how)

    def record(self, ctx: PatientContext, report: Report, digest: str, kind: str,
               destination: str, data: bytes | str, status: str) -> None:
        """Show ``status`` and put the report that just left the app in the handout register,
        on the register thread: never blocks the report or the window. A failure is added to
        the status line when it comes back (the record is queued for retry)."""
        self.window.status_label.setText(status)
        handout = output_handout(ctx, report, digest, kind, destination, data=data,
                                 template_ref=template_ref(self.controller.template))
        self.register.record(handout, self.controller.settings.register, status)

    def _register_failed(self, status: str, problem: str) -> None:
        note = f"{problem[0].upper()}{problem[1:]}"
        label = self.window.status_label
        # Added to its output's line; said alone when the line has moved on meanwhile.
        label.setText(f"{status} — {note}" if label.text() == status else note)

    def close_register(self) -> None:
        self.register.close()

    def _write_chosen(
        self, caption: str, name: str, file_filter: str, suffix: str, data: bytes | str
    ) -> Path | None:
        """Ask where (in the last folder, ``name`` suggested), then write; None if cancelled."""
        c = self.controller
        folder = Path(c.settings.last_folder or Path.home())
        chosen, _ = QFileDialog.getSaveFileName(self.window, caption, str(folder / name),
                                                file_filter)
        if not chosen:
            return None
        path = Path(chosen if chosen.lower().endswith(suffix) else chosen + suffix)
        try:
            atomic_write(path, data, mode=0o600)  # it holds patient data
        except OSError as exc:
            messages.show_problem(self.window, self.tr("Cannot export"),
                                  f"{path}: {exc.strerror or exc}")
            return None
        c.settings.last_folder = str(path.parent)
        c.remember()
        return path

    def export_pdf(self) -> Path | None:
        result = self.current_result(self.tr("export"))
        if result is None:
            return None
        path = self._write_chosen(self.tr("Export the report as PDF"),
                                  suggested_pdf_name(self.controller.result_key[0]),
                                  "PDF (*.pdf)", ".pdf", result.pdf)
        if path is not None:
            self.mark_delivered("exported")
            self.record(self.controller.result_key[0], result.report, result.content_hash, PDF,
                        str(path), result.pdf, fill(self.tr("Exported %1 (%2 pages)"),
                                                    path.name, str(result.page_count)))
        return path

    def _build_for_export(self, build: Callable[[PatientContext, ClinicTemplate], T]
                          ) -> tuple[PatientContext, T] | None:
        """(form's context, ``build`` of it) for an export that is not the on-screen PDF;
        None when the form is not valid, the user stops at an unset choice, or it fails."""
        c = self.controller
        doing = self.tr("export")
        ctx = c.valid_context(doing)
        if ctx is None or not self.confirm_unset(ctx, doing):
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return ctx, build(ctx, c.template)
        except Exception as exc:
            messages.show_problem(self.window, self.tr("Cannot export"),
                                  self.tr("The report could not be built."),
                                  f"{type(exc).__name__}: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()

    def export_html(self) -> Path | None:
        """The accessible HTML report for exactly what the form says now (composed, no PDF)."""
        built = self._build_for_export(build_html)
        if built is None:
            return None
        ctx, (page, report, digest) = built
        path = self._write_chosen(self.tr("Export the report as accessible HTML"),
                                  suggested_html_name(ctx), "HTML (*.html)", ".html", page)
        if path is not None:
            self.mark_delivered("exported", digest)
            self.record(ctx, report, digest, HTML, str(path), page,
                        fill(self.tr("Exported %1 (accessible HTML)"), path.name))
        return path

    def export_accessible_pdf(self) -> Path | None:
        """The tagged PDF/UA-1 report (same content and hash) for what the form says now."""
        built = self._build_for_export(
            lambda ctx, template: build_report(ctx, template, accessible=True))
        if built is None:
            return None
        ctx, result = built
        path = self._write_chosen(self.tr("Export the report as an accessible PDF"),
                                  suggested_accessible_pdf_name(ctx), "PDF (*.pdf)", ".pdf",
                                  result.pdf)
        if path is not None:
            self.mark_delivered("exported", result.content_hash)
            self.record(ctx, result.report, result.content_hash, ACCESSIBLE_PDF, str(path),
                        result.pdf, fill(self.tr("Exported %1 (accessible PDF, %2 pages)"),
                                         path.name, str(result.page_count)))
        return path

    def print_report(self, printer: QPrinter | None = None) -> PrintJob | None:
        """Ask the print dialog, then print from a worker with a progress dialog and Cancel;
        returns the running job (None when nothing was started). The window stays usable."""
        if self.print_job is not None:
            return None  # one print at a time; its progress dialog is on screen
        result = self.current_result(self.tr("print"))
        if result is None:
            return None
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(PRINT_JOB_TITLE)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print the report"))
        dialog.setMinMax(1, max(1, result.page_count))
        accepted = _accepted(dialog.exec())
        dialog.deleteLater()
        if not accepted:
            return None
        digest = result.content_hash
        ctx = self.controller.result_key[0]
        job = PrintJob(result.pdf, printer, self.window)
        progress = QProgressDialog(self.tr("Printing the report…"), self.tr("Cancel"), 0, 100,
                                   self.window)
        progress.setWindowTitle(self.tr("Printing"))
        progress.setObjectName("print_progress")
        # Not modal: the next patient's form can be filled in while the pages render.
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        job.signals.progress.connect(lambda done, total: (progress.setMaximum(total),
                                                          progress.setValue(done)))
        progress.canceled.connect(job.cancel)
        job.done.connect(lambda _pages: self._print_done(job, progress, digest, ctx, result))
        self.print_job = job
        self.progress = progress
        self.window.print_action.setEnabled(False)
        self.window.status_label.setText(self.tr("Printing…"))
        job.start()
        progress.show()
        return job

    def _print_done(self, job: PrintJob, progress: QProgressDialog, digest: str,
                    ctx: PatientContext, result: BuildResult) -> None:
        self.print_job = None
        self.progress = None
        progress.close()
        progress.deleteLater()
        job.deleteLater()
        self.window.print_action.setEnabled(True)
        if job.error:
            self.window.status_label.setText(self.tr("Printing failed"))
            messages.show_problem(self.window, self.tr("Cannot print"), job.error, job.details)
            return
        if job.was_cancelled:
            self.window.status_label.setText(self.tr("Printing cancelled; nothing was sent"))
            return
        self.mark_delivered("printed", digest)
        where = job.printer.printerName() or job.printer.outputFileName() or self.tr("the printer")
        pages = job.pages
        self.record(ctx, result.report, digest, PRINT, where, result.pdf,
                    fill(self.tr("Sent 1 page to %1"), where) if pages == 1
                    else fill(self.tr("Sent %1 pages to %2"), str(pages), where))

    def finish_printing(self, msecs: int = 60_000) -> None:
        """Let a running print finish (the window is closing): pages already chosen go out."""
        if self.print_job is not None:
            self.print_job.wait(msecs)

    def copy_chart_note(self) -> str:
        result = self.current_result(self.tr("copy the chart note"))
        if result is None:
            return ""
        ctx = self.controller.result_key[0]
        note = chart_note(ctx, result.report, result.content_hash,
                          delivered=tuple(self.delivered.get(result.content_hash, ())))
        QGuiApplication.clipboard().setText(note)
        self.window.status_label.setText(self.tr("Chart note copied to the clipboard"))
        return note
