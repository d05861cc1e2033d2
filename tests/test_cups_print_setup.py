"""The cups-pdf test printer from `make cups` works: a PDF sent with lp comes out as a PDF.

This checks the test infrastructure, not the app; the app's own print test (Qt QPrinter) relies
on the same queue through the `cups_pdf` fixture in conftest.py.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.cups


def _two_page_pdf(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path))
    for n in (1, 2):
        c.drawString(72, 760, f"LDN cups-pdf setup check, page {n}")
        c.showPage()
    c.save()


def test_lp_to_cups_pdf_queue_writes_pdf(cups_pdf, tmp_path: Path):
    if shutil.which("lp") is None:
        pytest.skip("lp not installed (Debian package cups-client)")
    src = tmp_path / "check.pdf"
    _two_page_pdf(src)
    before = set(cups_pdf.out_dir.glob("*.pdf")) if cups_pdf.out_dir.is_dir() else set()
    title = f"ldn-setup-check-{time.time_ns()}"
    subprocess.run(["lp", "-d", cups_pdf.printer, "-t", title, str(src)], check=True, timeout=30)

    deadline = time.monotonic() + 30
    new: list[Path] = []
    while time.monotonic() < deadline:
        new = [p for p in set(cups_pdf.out_dir.glob("*.pdf")) - before if p.stat().st_size > 0]
        if new:
            time.sleep(0.2)  # cups-pdf writes, then chowns: let it finish
            break
        time.sleep(0.1)
    assert new, f"no PDF appeared in {cups_pdf.out_dir} within 30 s (see /var/log/cups/)"
    (out,) = new
    try:
        from pypdf import PdfReader

        assert len(PdfReader(out).pages) == 2
    finally:
        out.unlink(missing_ok=True)
