"""Read the text of a real PDF for assertions: whitespace folded, so line wraps do not matter."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def contains(pdf_or_text: bytes | str, statement: str, length: int = 60) -> bool:
    """True if the first ``length`` characters of ``statement`` are in the PDF's text."""
    text = pdf_text(pdf_or_text) if isinstance(pdf_or_text, bytes) else pdf_or_text
    return folded(statement)[:length] in text
