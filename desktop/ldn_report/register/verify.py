"""Was this sheet made here? A PDF's file hash and content hash looked up in the register."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..untrusted.files import read_regular_file
from . import queries
from .queries import HandoutRow
from .store import Register

MAX_PDF_BYTES = 200 * 1024 * 1024
_KEYWORD = re.compile(r"ldn-content:([0-9a-f]{6,64})")
_FOOTER = re.compile(r"content ([0-9a-f]{10,12})\b")
_FOOTER_PACK = re.compile(r"Evidence pack (\d[\w.]*)")


@dataclass(frozen=True)
class Verdict:
    """What the register says about one sheet."""

    exact: HandoutRow | None  # a record of this very file
    same_content: list[HandoutRow]  # records of the same content (another copy or format)
    content_hash: str  # as read from the sheet; "" = not a sheet of this app
    sheet_pack: str  # the pack version the sheet names
    installed_pack: str

    @property
    def record(self) -> HandoutRow | None:
        return self.exact or (self.same_content[0] if self.same_content else None)

    @property
    def made_here(self) -> bool:
        return self.record is not None

    @property
    def pack(self) -> str:
        return self.record.pack_version if self.record else self.sheet_pack

    @property
    def current(self) -> bool:
        return bool(self.pack) and not queries.older(self.pack, self.installed_pack)

    def lines(self) -> list[str]:
        """The answer in plain words; a de-identified record shows no patient values."""
        record = self.record
        if record is None:
            said = "no record of this sheet in the register"
            if not self.content_hash:
                said += " (and it does not look like a report from this app)"
            out = [f"made here: no ({said})"]
        else:
            how = "this exact file" if self.exact else \
                "same content, but the file differs from the one recorded (re-saved or changed?)"
            who = record.clinician or "clinician not given"
            if record.os_user:
                who += f" (computer user {record.os_user})"
            patient = queries.DEIDENTIFIED if record.deidentified else ", ".join(
                p for p in (record.patient_mrn, record.patient_name) if p) or "not given"
            out = [f"made here: yes ({how})",
                   f"when: {record.made_at:%Y-%m-%d %H:%M} UTC, as {record.output_kind} "
                   f"to {record.destination or 'not recorded'}",
                   f"by: {who}",
                   f"for: {patient}",
                   f"template: {record.template}"]
        if self.pack:
            state = "current" if self.current else \
                f"out of date (installed pack is {self.installed_pack}); give a new sheet"
            out.append(f"evidence pack: {self.pack}, {state}")
        else:
            out.append("evidence pack: not named on the sheet")
        return out


def read_sheet(path: str | Path) -> tuple[str, str, str]:
    """(file SHA-256, content hash, pack version) of a PDF; the hashes from its metadata, else
    its footer text. Raises InputError for a file that is not a readable PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    raw = read_regular_file(path, MAX_PDF_BYTES, field="FILE.pdf")
    sha = hashlib.sha256(raw).hexdigest()
    if not raw.startswith(b"%PDF"):
        raise InputError("FILE.pdf", f"{Path(path).name} is not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(raw))
        keywords = str((reader.metadata or {}).get("/Keywords", ""))
        found = _KEYWORD.search(keywords)
        footer = reader.pages[-1].extract_text() if reader.pages else ""
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError):
        raise InputError("FILE.pdf", f"{Path(path).name} is a damaged PDF") from None
    digest = found[1] if found else ""
    if not digest and (match := _FOOTER.search(footer)):
        digest = match[1]
    pack = match[1] if (match := _FOOTER_PACK.search(footer)) else ""
    return sha, digest, pack


def verify_sheet(register: Register, path: str | Path, installed_pack: str) -> Verdict:
    sha, digest, pack = read_sheet(path)
    exact = queries.find_by_file(register, sha)
    same = queries.find_by_content(register, digest) if digest else []
    return Verdict(exact[0] if exact else None, same, digest, pack, installed_pack)
