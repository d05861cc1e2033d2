"""Read a tagged PDF's structure tree for assertions: pypdf for the elements, poppler for text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


def struct_elements(pdf: bytes) -> Iterator[DictionaryObject]:
    """Every structure element (a dictionary with /S), depth first, in reading order."""
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, DictionaryObject) and "/S" in node:
            yield node
        kids = node.get("/K") if isinstance(node, DictionaryObject) else None
        if kids is None:
            continue
        kids = kids.get_object()
        items = list(kids) if isinstance(kids, ArrayObject) else [kids]
        stack.extend(reversed([k.get_object() for k in items if hasattr(k, "get_object")]))


def attributes(element: DictionaryObject) -> dict[str, object]:
    """An element's attributes (/A, one dictionary or an array of them) merged."""
    raw = element.get("/A")
    if raw is None:
        return {}
    raw = raw.get_object()
    found: dict[str, object] = {}
    for item in (raw if isinstance(raw, ArrayObject) else [raw]):
        item = item.get_object()
        if isinstance(item, DictionaryObject):
            found.update({k: v for k, v in item.items()})
    return found


def headings(pdf_path: Path) -> list[tuple[int, str]]:
    """(level, text) of every H1-H6 in the structure tree, as ``pdfinfo -struct-text`` reads it."""
    if shutil.which("pdfinfo") is None:
        raise RuntimeError("pdfinfo (poppler-utils) is needed")
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdf_path)], capture_output=True,
                         text=True, check=True).stdout.splitlines()
    found: list[tuple[int, str]] = []
    current: tuple[int, int] | None = None  # (indent, level) of the heading being read
    for line in out:
        indent = len(line) - len(line.lstrip())
        if current and indent <= current[0]:
            current = None
        if m := re.match(r"\s*H([1-6])\b", line):
            current = (indent, int(m[1]))
            found.append((int(m[1]), ""))
        elif current and (m := re.match(r'\s*"(.*)"\s*$', line)):
            level, text = found[-1]
            found[-1] = (level, f"{text} {m[1]}".strip())
    return [(level, " ".join(text.split())) for level, text in found]
