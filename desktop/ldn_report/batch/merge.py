"""The print file of a batch: every produced report in list order, in volumes for long lists."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..atomic import atomic_write
from .manifest import ManifestEntry
from .workers import WorkerLost, WorkerPool

MERGED_NAME = "all-reports-for-printing.pdf"
# pypdf holds a whole merged file in memory (about 1 MB per 9-page report): longer lists are
# merged into volumes of this many reports, "all-reports-for-printing-1-of-3.pdf" and so on,
# and with --jobs N the volumes are merged N at a time.
MERGE_VOLUME_REPORTS = 100


def merge_reports(
    folder: Path, entries: list[ManifestEntry], duplex: bool,
    per_volume: int = MERGE_VOLUME_REPORTS, jobs: int = 1, warnings: list[str] | None = None,
) -> tuple[list[Path], int]:
    """Print-ready PDF(s) of every produced report, in list order; with ``duplex`` each report
    is padded with a blank page to an even page count so the next starts on a new sheet.

    Returns the files written and their total page count; a volume whose worker process died
    is left out, with a line in ``warnings``."""
    files = [folder / e.file for e in entries if e.produced]
    step = max(1, per_volume)
    chunks = [files[i:i + step] for i in range(0, len(files), step)]
    if len(chunks) == 1:
        names = [MERGED_NAME]
    else:
        stem = MERGED_NAME.removesuffix(".pdf")
        names = [f"{stem}-{n}-of-{len(chunks)}.pdf" for n in range(1, len(chunks) + 1)]
    for old in folder.glob("all-reports-for-printing*.pdf"):
        if old.name not in names:
            with contextlib.suppress(OSError):
                old.unlink()
    volumes = [(chunk, duplex, str(folder / name))
               for chunk, name in zip(chunks, names, strict=True)]
    written: dict[str, Path] = {}
    pages = 0
    with contextlib.ExitStack() as stack:
        if jobs > 1 and len(volumes) > 1:
            pool = stack.enter_context(WorkerPool[_Volume](min(jobs, len(volumes))))
            merged: Iterable[tuple[_Volume, Any]] = pool.map_unordered(_merge_volume, volumes)
        else:
            merged = ((volume, _merge_volume(volume)) for volume in volumes)
        for volume, result in merged:
            target = Path(volume[2])
            if isinstance(result, WorkerLost):
                target.unlink(missing_ok=True)  # an older volume must not pass for it
                if warnings is not None:
                    warnings.append(f"{target.name} was not made: "
                                    f"{result.message.split(';')[0]}")
                continue
            written[target.name] = target
            pages += result
    return [written[name] for name in names if name in written], pages


_Volume = tuple[list[Path], bool, str]  # the reports, duplex, the merged file's path


def _merge_volume(volume: _Volume) -> int:
    """Merge one volume and write it (atomically, private); its page count. Written where it
    is merged: sending the bytes back to the parent held up to three copies of each volume at
    once (the merged file, its pickle, the parent's copy), the batch's peak memory."""
    from pypdf import PdfReader, PdfWriter

    files, duplex, target = volume
    writer = PdfWriter()
    for path in files:
        reader = PdfReader(path)
        for page in reader.pages:
            writer.add_page(page)
        if duplex and len(reader.pages) % 2:
            last = reader.pages[-1].mediabox
            writer.add_blank_page(width=float(last.width), height=float(last.height))
    buffer = io.BytesIO()
    writer.write(buffer)
    count = len(writer.pages)
    del writer  # its pages and readers: gone before the file is written
    atomic_write(target, buffer.getbuffer(), mode=0o600)
    return count
