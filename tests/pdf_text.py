"""Read the text of a real PDF for assertions: whitespace folded, so line wraps do not matter."""

from __future__ import annotations

import io
import re
import subprocess

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def poppler_text(pdf: bytes) -> str:
    """The text as poppler's pdftotext reads it, whitespace folded: for PDFs where pypdf is
    slow (WeasyPrint's take it seconds a report, pdftotext a twentieth of that)."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True,
                         timeout=120).stdout
    return re.sub(r"\s+", " ", out.decode("utf-8"))


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def contains(pdf_or_text: bytes | str, statement: str, length: int = 60) -> bool:
    """True if the first ``length`` characters of ``statement`` are in the PDF's text."""
    text = pdf_text(pdf_or_text) if isinstance(pdf_or_text, bytes) else pdf_or_text
    return folded(statement)[:length] in text
