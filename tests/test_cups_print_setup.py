"""The cups-pdf test printer from `make cups` works: a PDF sent with lp comes out as a PDF.

This checks the test infrastructure, not the app; the app's own print test (Qt QPrinter) relies
on the same queue through the `cups_pdf` fixture in conftest.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from cups_output import wait_for_job_pdf

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
    title = f"ldn-setup-check-{time.time_ns()}"
    sent = subprocess.run(["lp", "-d", cups_pdf.printer, "-t", title, str(src)], check=True,
                          timeout=30, capture_output=True, text=True).stdout
    # "request id is LDN_PDF_<hash>-17 (1 file(s))": cups-pdf names the file "...-job_17.pdf"
    job = re.fullmatch(rf"request id is {re.escape(cups_pdf.printer)}-(\d+) .*", sent.strip())
    assert job, sent
    out = wait_for_job_pdf(cups_pdf.out_dir, f"*-job_{job[1]}.pdf", pages=2, seconds=30)
    out.unlink()
