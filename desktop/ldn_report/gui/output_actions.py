"""Export PDF or HTML, print and copy the chart note, always from a report that matches the form."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from ..atomic import atomic_write
from ..build import BuildResult, build_html, build_report
from . import messages
from .file_names import suggested_html_name, suggested_pdf_name
from .printing import PrintError, print_pdf

if TYPE_CHECKING:
    from .main_controller import MainController

# CUPS shows job titles to every user of the printer: no patient name in it.
PRINT_JOB_TITLE = "LDN counseling report"


def _accepted(code: object) -> bool:
    # exec() gives an int; a patched exec in a test may give the enum itself.
    return getattr(code, "value", code) == QDialog.DialogCode.Accepted.value


class OutputActions:
    """The report leaving the app. Each action first makes sure the report is current."""

    def __init__(self, controller: MainController) -> None:
        self.controller = controller

    @property
    def window(self):
        return self.controller.window

    def current_result(self, doing: str) -> BuildResult | None:
        """The report for exactly what the form says now; built here if the worker is behind."""
        c = self.controller
        ctx = c.valid_context(doing)
        if ctx is None:
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
            messages.show_problem(self.window, f"Cannot {doing}",
                                  "The report could not be built.", f"{type(exc).__name__}: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        c.show_result(result, (time.perf_counter() - started) * 1e3, key)
        return result

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
            messages.show_problem(self.window, "Cannot export", f"{path}: {exc.strerror or exc}")
            return None
        c.settings.last_folder = str(path.parent)
        return path

    def export_pdf(self) -> Path | None:
        result = self.current_result("export")
        if result is None:
            return None
        path = self._write_chosen("Export the report as PDF",
                                  suggested_pdf_name(self.controller.result_key[0]),
                                  "PDF (*.pdf)", ".pdf", result.pdf)
        if path is not None:
            self.window.status_label.setText(f"Exported {path.name} ({result.page_count} pages)")
        return path

    def export_html(self) -> Path | None:
        """The accessible HTML report for exactly what the form says now (composed, no PDF)."""
        c = self.controller
        ctx = c.valid_context("export")
        if ctx is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            page, _report, _digest = build_html(ctx, c.template)
        except Exception as exc:
            messages.show_problem(self.window, "Cannot export",
                                  "The report could not be built.", f"{type(exc).__name__}: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        path = self._write_chosen("Export the report as accessible HTML",
                                  suggested_html_name(ctx), "HTML (*.html)", ".html", page)
        if path is not None:
            self.window.status_label.setText(f"Exported {path.name} (accessible HTML)")
        return path

    def print_report(self, printer: QPrinter | None = None) -> int:
        """Print through the print dialog; returns the number of pages sent (0 if none)."""
        result = self.current_result("print")
        if result is None:
            return 0
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(PRINT_JOB_TITLE)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print the report")
        dialog.setMinMax(1, max(1, result.page_count))
        if not _accepted(dialog.exec()):
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_pdf(result.pdf, printer)
        except PrintError as exc:
            messages.show_problem(self.window, "Cannot print", str(exc))
            return 0
        finally:
            QApplication.restoreOverrideCursor()
        where = printer.printerName() or printer.outputFileName() or "the printer"
        self.window.status_label.setText(f"Sent {pages} page{'s' * (pages != 1)} to {where}")
        return pages

    def copy_chart_note(self) -> str:
        result = self.current_result("copy the chart note")
        if result is None:
            return ""
        QGuiApplication.clipboard().setText(result.chart_note)
        self.window.status_label.setText("Chart note copied to the clipboard")
        return result.chart_note
