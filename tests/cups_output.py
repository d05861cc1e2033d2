"""Find the PDF cups-pdf wrote for one print job in this checkout's own output folder."""

from __future__ import annotations

import time
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return -1


def wait_for_job_pdf(folder: Path, name: str, pages: int, seconds: float,
                     before: frozenset[Path] = frozenset()) -> Path:
    """The PDF in ``folder`` matching the glob ``name`` (not in ``before``), ``pages`` long.

    The queue and folder belong to this checkout (tools/cups-env.sh) and cups-pdf labels each
    file with its job id, so ``name`` is either "*-job_<id>.pdf" or a title prefix with
    ``before`` listing the folder before printing. cups-pdf writes in pieces, then changes the
    owner: the size must settle and the page count match before the file counts as written.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        new = sorted(p for p in folder.glob(name) if p not in before and _size(p) > 0)
        if new:
            size = -1
            while size != _size(new[0]) and time.monotonic() < deadline:
                size = _size(new[0])
                time.sleep(1.0)
            try:
                if size > 0 and len(PdfReader(new[0]).pages) == pages:
                    return new[0]
            except (FileNotFoundError, PdfReadError):
                pass  # still being written
        time.sleep(0.2)
    raise AssertionError(f"no {name} with {pages} page(s) appeared in {folder} within "
                         f"{seconds} s (see /var/log/cups/)")
