"""Printing the report: each PDF page rendered at the printer's resolution onto a QPrinter."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, QRect, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

# Rendering a whole 600 dpi page at once needs ~130 MB; bands keep it to a few MB. Narrow
# bands also keep the UI moving while a worker prints: QPdfDocument.render and drawImage hold
# Python's GIL (PySide does not release it), and a 512 px band at 300 dpi held it ~70 ms, over
# the 50 ms stall target; 64 px holds it a few ms.
BAND_HEIGHT_PX = 64
# Qt asks CUPS for 1200 dpi: 8 pages then take ~20 s and ~80 MB of print job. 300 dpi prints
# 10 pt text crisply, takes ~1.5 s for 8 pages and sends ~6 MB.
MAX_PRINT_DPI = 300


class PrintError(RuntimeError):
    """The printer could not be started or the PDF could not be read for printing."""


class PrintCancelled(Exception):
    """The user cancelled; the job was aborted, nothing more goes to the printer."""


# Called after each band with (pages done, a fraction while a page renders; pages in all);
# False stops the print.
Progress = Callable[[float, int], bool]


def _open_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer, QByteArray]:
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintError(f"the report PDF could not be read for printing ({document.error().name})")
    return document, buffer, data  # the caller keeps all three alive while rendering


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page indexes: all pages, or the range chosen in the print dialog."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() or page_count)
        return list(range(first - 1, last))
    return list(range(page_count))


def _match_paper(printer: QPrinter, point_size: QSizeF) -> None:
    page_size = QPageSize(
        point_size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    orientation = (QPageLayout.Orientation.Landscape if point_size.width() > point_size.height()
                   else QPageLayout.Orientation.Portrait)
    printer.setPageLayout(QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0)))


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print the PDF's pages at the printer's resolution (at most MAX_PRINT_DPI); returns how
    many pages were sent.

    Each page is rendered with QPdfDocument.render straight at device pixels, so text is as
    sharp as the printer allows, and placed on the full paper (the PDF has its own margins).
    Safe on a worker thread (QPainter on a QPrinter is); ``progress`` returning False aborts
    the job and raises PrintCancelled.
    """
    document, _buffer, _data = _open_pdf(pdf)
    pages = pages_to_print(printer, document.pageCount())
    if not pages:
        return 0
    printer.setFullPage(True)
    if printer.resolution() > MAX_PRINT_DPI:
        printer.setResolution(MAX_PRINT_DPI)
    _match_paper(printer, document.pagePointSize(pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"the printer {printer.printerName() or '(default)'} could not be started")
    try:
        for number, page in enumerate(pages):
            if number:
                _match_paper(printer, document.pagePointSize(page))
                if not printer.newPage():
                    raise PrintError("the printer refused a new page")
            band_done = (None if progress is None
                         else lambda f, n=number: progress(n + f, len(pages)))
            _render_page(document, page, painter, printer, band_done)
    except PrintCancelled:
        printer.abort()  # the spooled part is thrown away, not sent half-finished
        raise
    finally:
        painter.end()
    return len(pages)


def _render_page(
    document: QPdfDocument, page: int, painter: QPainter, printer: QPrinter,
    band_done: Callable[[float], bool] | None = None,
) -> None:
    area: QRect = printer.pageLayout().fullRectPixels(printer.resolution())
    full = QSize(area.width(), area.height())
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(full)
    for top in range(0, full.height(), BAND_HEIGHT_PX):
        height = min(BAND_HEIGHT_PX, full.height() - top)
        options.setScaledClipRect(QRect(0, top, full.width(), height))
        band = document.render(page, QSize(full.width(), height), options)
        # Paper has no alpha: without the channel the print engine writes no soft mask
        # (a quarter smaller job, less time in drawImage).
        band = band.convertToFormat(QImage.Format.Format_RGB32)
        time.sleep(0)  # hand the GIL to the GUI thread between the long calls
        painter.drawImage(QPoint(area.left(), area.top() + top), band)
        time.sleep(0)
        # A page takes ~0.2 s at 300 dpi: Cancel is heard within a band, not a page.
        if band_done is not None and not band_done((top + height) / full.height()):
            raise PrintCancelled
