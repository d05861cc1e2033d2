"""Checks that a PDF is well formed and renders in two engines: qpdf, pdfium (QtPdf), poppler."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from minimal_context import with_values

MINIMAL_CONTEXT: dict = {"schema_version": 1, "ms": {"phenotype": "RRMS"},
                         "dmt": {"status": "declined"}, "appointment_date": "2025-03-14"}


def context_with(flat: dict[str, object]) -> dict:
    """The minimal context with the dotted ``flat`` values put in their groups."""
    return with_values(MINIMAL_CONTEXT, flat)


def need_tools() -> None:
    missing = [t for t in ("qpdf", "pdftoppm") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: qpdf, poppler-utils; "
                    "`make sysdeps` installs them)")


def qpdf_problems(pdf: bytes) -> str:
    """'' when `qpdf --check` finds no error and no warning, else what it printed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        run = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    return "" if run.returncode == 0 else f"qpdf exit {run.returncode}: {run.stdout}{run.stderr}"


def poppler_problems(pdf: bytes, pages: int) -> str:
    """'' when poppler's pdftoppm renders every page with nothing on stderr."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        run = subprocess.run(["pdftoppm", "-r", "12", "-gray", str(path), str(Path(folder) / "p")],
                             capture_output=True, text=True)
        images = list(Path(folder).glob("p*.pgm"))
    if run.returncode != 0 or run.stderr.strip():
        return f"pdftoppm exit {run.returncode}: {run.stderr.strip()}"
    if len(images) != pages:
        return f"pdftoppm drew {len(images)} pages, expected {pages}"
    return ""


def qt_app():
    """The QApplication (a QGuiApplication, which QPdfDocument needs), made once."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def pdfium_problems(pdf: bytes) -> tuple[str, int]:
    """('' , pages) when QtPdf (pdfium) loads the PDF and draws every page with some ink."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    qt_app()
    doc = QPdfDocument()
    buf = QBuffer()
    buf.setData(QByteArray(pdf))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buf)
    try:
        if doc.error() != QPdfDocument.Error.None_ or doc.status() != QPdfDocument.Status.Ready:
            return f"QtPdf: {doc.error()} {doc.status()}", 0
        pages = doc.pageCount()
        if pages < 1:
            return "QtPdf: no pages", 0
        for i in range(pages):
            image = doc.render(i, QSize(60, 80))
            if image.isNull():
                return f"QtPdf drew nothing for page {i + 1}", pages
        first = doc.render(0, QSize(120, 160))
        ink = any(first.pixelColor(x, y).lightness() < 128
                  for x in range(first.width()) for y in range(first.height()))
        return ("" if ink else "QtPdf: page 1 is blank"), pages
    finally:
        doc.close()


def assert_sound_pdf(pdf: bytes) -> None:
    """The PDF passes qpdf --check and renders in pdfium (QtPdf) and poppler, same page count."""
    assert pdf.startswith(b"%PDF-")
    problem = qpdf_problems(pdf)
    assert not problem, problem
    problem, pages = pdfium_problems(pdf)
    assert not problem, problem
    problem = poppler_problems(pdf, pages)
    assert not problem, problem
