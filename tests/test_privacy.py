"""Privacy: no network, no patient identifiers in logs, and de-identified mode leaks nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import re
import socket
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.context import context_from_dict

TODAY = dt.date(2025, 3, 14)
NAME = "Philippa Quenneville-Okonkwo"
DOB = "1971-08-29"
MRN = "MRN-88412377"
IDENTIFIERS = (NAME, *NAME.replace("-", " ").split(), DOB, MRN, "88412377", "29/08/1971",
               "08/29/1971", "1971")


def context_data(deidentified: bool) -> dict:
    return {"schema_version": 1, "ms": {"phenotype": "RRMS"},
            "dmt": {"status": "on_dmt_not_tolerating", "name": "ocrelizumab"},
            "patient": {"name": NAME, "date_of_birth": DOB, "mrn": MRN,
                        "deidentified": deidentified},
            "goals": ["mood", "fatigue"], "safety": {"opioid_use": True},
            "clinician": {"name": "Dr Sam Okafor", "role": "Neurologist"},
            "appointment_date": TODAY.isoformat(), "notes": "Brought her sister."}


def leaks(text: str) -> list[str]:
    """The identifiers found in ``text`` (case-insensitive; 1971 only as a whole word)."""
    found = []
    for ident in IDENTIFIERS:
        pattern = rf"\b{re.escape(ident)}\b" if ident.isdigit() else re.escape(ident)
        if re.search(pattern, text, re.IGNORECASE):
            found.append(ident)
    return found


# -- no network ---------------------------------------------------------------------------------

class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt at an internet connection from Python fails the test (local sockets pass)."""
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guard(name: str, real):
        def call(self, address, *args):
            if self.family in (socket.AF_INET, socket.AF_INET6):
                attempts.append(f"{name}{address}")
                raise NetworkUsed(f"the app tried to connect to {address}")
            return real(self, address, *args)
        return call

    def refuse(*args, **kwargs):
        attempts.append(f"create_connection{args}")
        raise NetworkUsed(f"the app tried to connect to {args}")

    def refuse_lookup(host, *args, **kwargs):
        attempts.append(f"getaddrinfo({host!r})")
        raise NetworkUsed(f"the app looked up {host!r}")

    monkeypatch.setattr(socket.socket, "connect", guard("connect", real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard("connect_ex", real_connect_ex))
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse_lookup)
    return attempts


def internet_sockets_of_this_process() -> list[str]:
    """TCP/UDP sockets this process holds, from /proc: catches Qt's C++ networking too."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            if len(cols) > 9 and cols[9] in inodes:
                found.append(f"{table} {cols[1]} -> {cols[2]}")
    return found


def test_the_network_guard_works(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80), timeout=0.01)
    with pytest.raises(NetworkUsed), socket.socket() as s:
        s.connect(("192.0.2.1", 80))
    assert len(no_network) == 2
    no_network.clear()


def test_a_full_cli_build_opens_no_connection(no_network: list[str], tmp_path: Path) -> None:
    from ldn_report.cli import main

    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps(context_data(False)), encoding="utf-8")
    code = main(["build", "--context", str(ctx), "-o", str(tmp_path / "r.pdf"),
                 "--chart-note", str(tmp_path / "note.txt")])
    assert code == 0
    assert no_network == []
    assert internet_sockets_of_this_process() == []


def test_a_batch_run_opens_no_connection(no_network: list[str], tmp_path: Path,
                                         repo_root: Path) -> None:
    from ldn_report.batch.runner import run_batch

    run_batch(repo_root / "resources" / "examples" / "clinic-list.csv", tmp_path / "out",
              today=TODAY)
    assert no_network == []
    assert list((tmp_path / "out").glob("*.pdf"))


@pytest.fixture
def gui_session(qtbot, tmp_path: Path):
    """The real main window with an identified patient, after its first preview is shown."""
    from ldn_report.gui.app import create_main_window

    path = tmp_path / "ctx.json"
    path.write_text(json.dumps(context_data(False)), encoding="utf-8")
    window, controller = create_main_window()
    qtbot.addWidget(window)
    window.show()
    assert controller.open_path(path, ask=False)
    qtbot.waitUntil(lambda: controller.result is not None, timeout=30_000)
    yield window, controller
    controller.builder.wait_for_done()
    controller.drafts.discard()


def test_a_gui_session_opens_no_connection(no_network: list[str], gui_session) -> None:
    window, _ = gui_session
    assert window.preview.page_count() > 1
    assert no_network == []
    assert internet_sockets_of_this_process() == []


# -- logs ---------------------------------------------------------------------------------------

def test_no_identifier_in_logs_through_cli_batch_and_gui(caplog: pytest.LogCaptureFixture,
                                                         tmp_path: Path, repo_root: Path,
                                                         qtbot) -> None:
    from ldn_report.batch.runner import run_batch
    from ldn_report.cli import main
    from ldn_report.gui.app import create_main_window

    caplog.set_level(logging.DEBUG)
    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps(context_data(False)), encoding="utf-8")
    assert main(["build", "--context", str(ctx), "-o", str(tmp_path / "r.pdf")]) == 0
    # A clinic list with this patient, and a row that fails (its error is logged or recorded).
    rows = tmp_path / "list.csv"
    rows.write_text(
        "patient.name,patient.date_of_birth,patient.mrn,ms.phenotype,dmt.status\n"
        f"{NAME},{DOB},{MRN},RRMS,declined\n"
        f"{NAME},{DOB},{MRN},RRMS,not-a-status\n", encoding="utf-8")
    run_batch(rows, tmp_path / "out", today=TODAY)
    window, controller = create_main_window()
    qtbot.addWidget(window)
    assert controller.open_path(ctx, ask=False)
    qtbot.waitUntil(lambda: controller.result is not None, timeout=30_000)
    controller.builder.wait_for_done()
    controller.drafts.discard()
    logged = "\n".join(f"{r.name}: {r.getMessage()}" for r in caplog.records)
    assert leaks(logged) == [], f"identifiers in the log:\n{logged}"


# -- de-identified mode -------------------------------------------------------------------------

def uncompressed(pdf: bytes) -> bytes:
    """Every stream inflated, so metadata, XMP and outline text can be searched as bytes."""
    out = [pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            out.append(m.group(1))
    return b"\n".join(out)


def byte_leaks(data: bytes) -> list[str]:
    found = []
    for ident in (NAME, "Quenneville", "Okonkwo", "Philippa", DOB, MRN, "88412377"):
        for encoded in (ident.encode("utf-8"), ident.encode("utf-16-be"),
                        ident.encode("utf-16-le")):
            if encoded in data:
                found.append(ident)
                break
    return found


@pytest.fixture(scope="module")
def deidentified_result():
    return build_report(context_from_dict(context_data(True), today=TODAY),
                        generated_on=TODAY)


def test_deidentified_pdf_text_has_no_identifier(deidentified_result) -> None:
    reader = PdfReader(io.BytesIO(deidentified_result.pdf))
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    assert "De-identified" in text or "de-identified" in text
    assert leaks(text) == []


def test_deidentified_pdf_metadata_xmp_and_outline_have_no_identifier(deidentified_result) -> None:
    reader = PdfReader(io.BytesIO(deidentified_result.pdf))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert leaks(meta) == []
    xmp = reader.xmp_metadata
    if xmp is not None:
        assert leaks(xmp.stream.get_data().decode("utf-8", "replace")) == []
    outline = " ".join(str(getattr(o, "title", "")) for o in reader.outline
                       if not isinstance(o, list))
    assert leaks(outline) == []
    assert byte_leaks(uncompressed(deidentified_result.pdf)) == []


def test_the_byte_search_finds_a_name_when_one_is_there() -> None:
    """The outline and metadata hold text as UTF-16: a name put there would be found."""
    assert NAME in byte_leaks(b"<feff" + NAME.encode("utf-16-be") + b">")
    compressed = zlib.compress(b"/Title (" + NAME.encode() + b")")
    assert MRN in byte_leaks(uncompressed(b"stream\n" + compressed + MRN.encode() +
                                          b"\nendstream"))


def test_identified_pdf_metadata_still_has_no_identifier() -> None:
    """The name prints on the page, but never in metadata that travels with the file."""
    result = build_report(context_from_dict(context_data(False), today=TODAY),
                          generated_on=TODAY)
    reader = PdfReader(io.BytesIO(result.pdf))
    assert NAME in re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert leaks(" ".join(str(v) for v in (reader.metadata or {}).values())) == []


def test_deidentified_chart_note_and_warnings_have_no_identifier(deidentified_result) -> None:
    assert leaks(deidentified_result.chart_note) == []
    assert leaks(" ".join(deidentified_result.warnings)) == []
    assert leaks(json.dumps(deidentified_result.report.meta.__dict__, default=str)) == []


def test_suggested_export_names_have_no_identifier() -> None:
    from ldn_report.gui.file_names import suggested_context_name, suggested_pdf_name

    ctx = context_from_dict(context_data(True), today=TODAY)
    for name in (suggested_pdf_name(ctx), suggested_context_name(ctx)):
        assert leaks(name) == [], name
        assert "deidentified" in name
    identified = context_from_dict(context_data(False), today=TODAY)
    assert DOB not in suggested_pdf_name(identified)
    assert MRN not in suggested_pdf_name(identified)


def test_the_gui_export_dialog_suggests_no_identifier(qtbot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the real window: the name offered in the Save dialog of a de-identified report."""
    from PySide6.QtWidgets import QFileDialog

    from ldn_report.gui.app import create_main_window

    path = tmp_path / "ctx.json"
    path.write_text(json.dumps(context_data(True)), encoding="utf-8")
    window, controller = create_main_window()
    qtbot.addWidget(window)
    assert controller.open_path(path, ask=False)
    qtbot.waitUntil(lambda: controller.result is not None, timeout=30_000)
    offered: list[str] = []

    def fake_dialog(parent, title, suggested, *args, **kwargs):
        offered.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    controller.output.export_pdf()
    controller.builder.wait_for_done()
    controller.drafts.discard()
    assert len(offered) == 1
    assert leaks(Path(offered[0]).name) == [], offered[0]


def test_deidentified_batch_leaks_nothing(tmp_path: Path) -> None:
    from ldn_report.batch.runner import run_batch

    rows = tmp_path / "list.csv"
    rows.write_text(
        "patient.name,patient.date_of_birth,patient.mrn,patient.deidentified,ms.phenotype,"
        "dmt.status\n"
        f"{NAME},{DOB},{MRN},yes,RRMS,declined\n"
        f"{NAME},{DOB},{MRN},yes,RRMS,not-a-status\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(rows, out, today=TODAY, merge=True)
    files = sorted(p.name for p in out.iterdir())
    assert files
    assert leaks(" ".join(files)) == [], files
    manifest = (out / "manifest.csv").read_text(encoding="utf-8-sig")
    assert leaks(manifest) == [], manifest
    assert len(list(csv.DictReader(io.StringIO(manifest)))) == 2
    for pdf in out.glob("*.pdf"):
        data = pdf.read_bytes()
        reader = PdfReader(io.BytesIO(data))
        assert leaks(" ".join(p.extract_text() or "" for p in reader.pages)) == [], pdf.name
        assert leaks(" ".join(str(v) for v in (reader.metadata or {}).values())) == []
        assert byte_leaks(uncompressed(data)) == [], pdf.name


def test_the_cli_output_for_a_deidentified_build_has_no_identifier(tmp_path: Path) -> None:
    import sys

    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps(context_data(True)), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--context", str(ctx),
                          "-o", str(tmp_path / "r.pdf"), "--chart-note",
                          str(tmp_path / "n.txt")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert leaks(run.stdout + run.stderr) == []
    assert leaks((tmp_path / "n.txt").read_text(encoding="utf-8")) == []
