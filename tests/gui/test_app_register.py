"""The app's outputs in the handout register: every kind recorded, on the register thread, so
a broken or hanging register never blocks the report or the window (real register files, a
real socket that never answers, real PDFs, real Qt)."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from ldn_report.gui.history_controller import show_history
from ldn_report.register import queue, store
from ldn_report.register.location import default_location, parse_location
from ldn_report.register.queries import list_handouts
from ldn_report.register.store import open_register


def save_as(monkeypatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))


def _print_to(monkeypatch, target: Path) -> None:
    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)


def recorded(qtbot, gui, location=None):
    """The register's rows once the app's register thread has written what it was given."""
    qtbot.waitUntil(lambda: not gui.controller.output.register.busy, timeout=30_000)
    with open_register(location or default_location()) as register:
        return list_handouts(register)


def test_every_output_is_recorded_with_its_kind(qtbot, example_gui, monkeypatch, tmp_path):
    """Export PDF, Export accessible PDF, Export accessible HTML and Print: one record each."""
    g = example_gui
    save_as(monkeypatch, tmp_path / "sheet.pdf")
    assert g.controller.output.export_pdf() == tmp_path / "sheet.pdf"
    save_as(monkeypatch, tmp_path / "tagged.pdf")
    assert g.controller.output.export_accessible_pdf() == tmp_path / "tagged.pdf"
    save_as(monkeypatch, tmp_path / "sheet.html")
    assert g.controller.output.export_html() == tmp_path / "sheet.html"
    _print_to(monkeypatch, tmp_path / "printed.pdf")
    job = g.controller.output.print_report()
    qtbot.waitUntil(lambda: job.finished, timeout=120_000)
    qtbot.waitUntil(lambda: g.window.status_label.text().startswith("Sent"), timeout=10_000)
    rows = recorded(qtbot, g)
    assert "register" not in g.window.status_label.text()
    assert sorted(r.output_kind for r in rows) == ["accessible_pdf", "html", "pdf", "print"]
    assert {r.patient_mrn for r in rows} == {"MS-204781"}
    by_kind = {r.output_kind: r for r in rows}
    assert by_kind["pdf"].destination == str(tmp_path / "sheet.pdf")
    assert by_kind["accessible_pdf"].destination == str(tmp_path / "tagged.pdf")
    assert by_kind["html"].destination == str(tmp_path / "sheet.html")
    assert by_kind["print"].destination == str(tmp_path / "printed.pdf")
    assert by_kind["pdf"].content_hash == g.controller.result.content_hash
    assert by_kind["accessible_pdf"].content_hash == g.controller.result.content_hash


def test_a_broken_register_never_blocks_the_export(qtbot, example_gui, monkeypatch, tmp_path):
    g = example_gui
    broken = tmp_path / "register.sqlite3"
    broken.write_bytes(os.urandom(4096))
    g.controller.settings.register = str(broken)
    save_as(monkeypatch, tmp_path / "sheet.pdf")
    assert g.controller.output.export_pdf() == tmp_path / "sheet.pdf"
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: "queued" in g.window.status_label.text(), timeout=30_000)
    status = g.window.status_label.text()
    assert status.startswith("Exported sheet.pdf (")
    assert "Handout register not written" in status
    assert "damaged" in status
    assert queue.pending(parse_location(str(broken))) == 1


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections and never answers: a PostgreSQL server that hangs
    (the connection waits for the connect time-out)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"postgresql://clinic:secret@127.0.0.1:{sock.getsockname()[1]}/register"


def test_a_hanging_server_never_freezes_the_window(qtbot, example_gui, monkeypatch, tmp_path,
                                                    silent_server):
    """The export is done and shown while the register's connection still waits; the window
    keeps handling events (a timer ticks) until the failure comes back, queued for retry.
    The real connect time-out (5 s): ample time for the ticks even on a loaded machine."""
    g = example_gui
    g.controller.settings.register = silent_server
    save_as(monkeypatch, tmp_path / "sheet.pdf")
    assert g.controller.output.export_pdf() == tmp_path / "sheet.pdf"
    writer = g.controller.output.register
    assert writer.busy  # still connecting: the export did not wait for it
    assert g.window.status_label.text() == "Exported sheet.pdf (12 pages)"
    ticks = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(writer.busy))
    heartbeat.start(20)
    qtbot.waitUntil(lambda: "queued" in g.window.status_label.text(), timeout=30_000)
    heartbeat.stop()
    assert ticks.count(True) >= 3  # events handled while the connection was pending
    status = g.window.status_label.text()
    assert status.startswith("Exported sheet.pdf (12 pages) — Handout register not written")
    assert "cannot reach" in status
    assert "secret" not in status
    assert queue.pending(parse_location(silent_server)) == 1


def test_closing_the_window_queues_what_was_not_written(qtbot, example_gui, monkeypatch,
                                                        tmp_path, silent_server):
    """Records still waiting for a hanging server when the app closes go to the retry queue."""
    monkeypatch.setattr(store, "CONNECT_SECONDS", 2)
    g = example_gui
    g.controller.settings.register = silent_server
    for name in ("a.pdf", "b.html"):
        save_as(monkeypatch, tmp_path / name)
        export = g.controller.output.export_pdf if name.endswith("pdf") else \
            g.controller.output.export_html
        assert export() == tmp_path / name
    assert g.controller.output.register.busy
    g.controller.output.close_register()
    location = parse_location(silent_server)
    # Both: queued at close (and the first once more if its connection already gave up).
    assert queue.pending(location) >= 2
    qtbot.waitUntil(lambda: not g.controller.output.register.busy, timeout=30_000)
    # The one that was connecting failed and was queued too: the record id is the same, so
    # it is stored once when the queue is written.
    with open_register(parse_location(str(tmp_path / "r.sqlite3"))) as register:
        stored = queue.flush(location, register.add)
        assert stored >= 2
        assert len(list_handouts(register)) == 2


def test_the_register_setting_is_used_by_exports(qtbot, example_gui, monkeypatch, tmp_path):
    shared = tmp_path / "shared.sqlite3"
    history = show_history(example_gui.window, example_gui.controller.settings)
    history.view.register.setText(str(shared))
    assert history.use_register()
    history.view.close()
    save_as(monkeypatch, tmp_path / "sheet.pdf")
    example_gui.controller.output.export_pdf()
    assert len(recorded(qtbot, example_gui, parse_location(str(shared)))) == 1


def test_a_missing_driver_is_said_in_the_status_line(qtbot, example_gui, monkeypatch,
                                                     tmp_path):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on a computer without it
    g = example_gui
    url = "postgresql://clinic@127.0.0.1:9/register"
    g.controller.settings.register = url
    save_as(monkeypatch, tmp_path / "sheet.pdf")
    assert g.controller.output.export_pdf() == tmp_path / "sheet.pdf"
    qtbot.waitUntil(lambda: "queued" in g.window.status_label.text(), timeout=30_000)
    status = g.window.status_label.text()
    assert status.startswith("Exported sheet.pdf (")
    assert "needs the PostgreSQL driver psycopg" in status
    assert queue.pending(parse_location(url)) == 1
