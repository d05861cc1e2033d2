"""Printing for real: Qt's print support to the cups-pdf queue, and to a PDF file."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from cups_output import wait_for_job_pdf
from ldn_report.gui.printing import print_pdf

LETTER_PT = (612, 792)


def _accept_print_dialog(monkeypatch, printer_name: str = "", output_file: str = "") -> list:
    """The print dialog as a user leaves it: printer chosen, OK pressed."""
    seen: list[str] = []  # job titles; the dialog and printer are gone after printing

    def fake_exec(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        seen.append(printer.docName())
        if output_file:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(output_file)
        else:
            printer.setPrinterName(printer_name)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    return seen


def print_and_wait(qtbot, gui, timeout: int = 120_000) -> int:
    """Print as the user does (File > Print, dialog accepted) and wait for the worker."""
    job = gui.controller.output.print_report()
    assert job is not None
    qtbot.waitUntil(lambda: job.finished, timeout=timeout)
    assert not job.error, job.error
    return job.pages


# cups-pdf converts a ~6 MB job with Ghostscript: minutes on a loaded 2-core machine.
QUEUE_WAIT_S = 300


@pytest.mark.cups
@pytest.mark.timeout(QUEUE_WAIT_S + 120)
def test_print_action_prints_every_page_on_the_cups_pdf_queue(qtbot, example_gui, cups_pdf,
                                                              monkeypatch):
    g = example_gui
    # the queue is this checkout's own; the folder may hold files of earlier runs
    before = frozenset(cups_pdf.out_dir.glob("*.pdf"))
    job_titles = _accept_print_dialog(monkeypatch, printer_name=cups_pdf.printer)
    pages = print_and_wait(qtbot, g)
    expected = g.controller.result.page_count
    assert pages == expected
    assert job_titles == ["LDN counseling report"]  # no patient name in the print queue
    out = wait_for_job_pdf(cups_pdf.out_dir, "LDN_counseling_report*.pdf", expected,
                           QUEUE_WAIT_S, before)
    try:
        printed = PdfReader(io.BytesIO(out.read_bytes()))
        assert len(printed.pages) == expected
        box = printed.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == LETTER_PT
    finally:
        out.unlink(missing_ok=True)
    assert f"Sent {expected} pages to {cups_pdf.printer}" in g.window.status_label.text()


def test_print_to_a_pdf_file_renders_each_page_at_printer_resolution(qtbot, example_gui,
                                                                     monkeypatch, tmp_path):
    g = example_gui
    target = tmp_path / "printed.pdf"
    _accept_print_dialog(monkeypatch, output_file=str(target))
    assert print_and_wait(qtbot, g) == g.controller.result.page_count
    printed = PdfReader(target)
    assert len(printed.pages) == g.controller.result.page_count
    images = list(printed.pages[0].images)
    assert images, "each page is a rendered image of the report page"
    width_px = max(img.image.width for img in images)
    assert width_px >= 8.5 * 300  # Letter width at >= 300 dpi: sharp enough for text


def test_page_range_from_the_dialog_is_honoured(example_gui, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf(example_gui.controller.result.pdf, printer) == 2
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 2


def test_cancelled_print_dialog_prints_nothing(example_gui, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    assert example_gui.controller.output.print_report() is None
    assert example_gui.window.print_action.isEnabled()
