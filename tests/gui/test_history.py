"""The app's outputs in the handout register, and the History window (filters, Check a sheet,
the register setting): real register files, real PDFs, real Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import text

from ldn_report.gui.history_controller import show_history
from ldn_report.register.location import default_location, parse_location
from ldn_report.register.queries import list_handouts
from ldn_report.register.store import open_register


def _save_as(monkeypatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))


def _print_to(monkeypatch, target: Path) -> None:
    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)


def _rows(location=None):
    with open_register(location or default_location()) as register:
        return list_handouts(register)


def _cells(view) -> list[str]:
    table = view.table
    return [table.item(r, c).text() for r in range(table.rowCount())
            for c in range(table.columnCount())]


def test_every_output_is_recorded_with_its_kind(qtbot, example_gui, monkeypatch, tmp_path):
    """Export PDF, Export accessible PDF, Export accessible HTML and Print: one record each."""
    g = example_gui
    _save_as(monkeypatch, tmp_path / "sheet.pdf")
    assert g.controller.output.export_pdf() == tmp_path / "sheet.pdf"
    assert "register" not in g.window.status_label.text()
    _save_as(monkeypatch, tmp_path / "tagged.pdf")
    assert g.controller.output.export_accessible_pdf() == tmp_path / "tagged.pdf"
    _save_as(monkeypatch, tmp_path / "sheet.html")
    assert g.controller.output.export_html() == tmp_path / "sheet.html"
    _print_to(monkeypatch, tmp_path / "printed.pdf")
    job = g.controller.output.print_report()
    qtbot.waitUntil(lambda: job.finished, timeout=120_000)
    qtbot.waitUntil(lambda: g.window.status_label.text().startswith("Sent"), timeout=10_000)
    rows = _rows()
    assert sorted(r.output_kind for r in rows) == ["accessible_pdf", "html", "pdf", "print"]
    assert {r.patient_mrn for r in rows} == {"MS-204781"}
    by_kind = {r.output_kind: r for r in rows}
    assert by_kind["pdf"].destination == str(tmp_path / "sheet.pdf")
    assert by_kind["accessible_pdf"].destination == str(tmp_path / "tagged.pdf")
    assert by_kind["html"].destination == str(tmp_path / "sheet.html")
    assert by_kind["print"].destination == str(tmp_path / "printed.pdf")
    assert by_kind["pdf"].content_hash == g.controller.result.content_hash


def test_a_broken_register_never_blocks_the_export(example_gui, monkeypatch, tmp_path):
    g = example_gui
    broken = tmp_path / "register.sqlite3"
    broken.write_bytes(os.urandom(4096))
    g.controller.settings.register = str(broken)
    _save_as(monkeypatch, tmp_path / "sheet.pdf")
    assert g.controller.output.export_pdf() == tmp_path / "sheet.pdf"
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    status = g.window.status_label.text()
    assert status.startswith("Exported sheet.pdf")
    assert "Handout register not written" in status
    assert "queued" in status


def test_history_window_lists_filters_and_checks_a_sheet(qtbot, example_gui, monkeypatch,
                                                         tmp_path):
    g = example_gui
    _save_as(monkeypatch, tmp_path / "sheet.pdf")
    g.controller.output.export_pdf()
    g.controller.new_context()
    g.field("patient.deidentified").setChecked(True)
    g.field("patient.name").setText("Zelda Quintrell")
    g.field("ms.phenotype").setCurrentIndex(g.field("ms.phenotype").findData("RRMS"))
    g.field("dmt.status").setCurrentIndex(g.field("dmt.status").findData("declined"))
    _save_as(monkeypatch, tmp_path / "anon.pdf")
    assert g.controller.output.export_pdf() == tmp_path / "anon.pdf"

    history = show_history(g.window, g.controller.settings)
    view = history.view
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    cells = _cells(view)
    assert "de-identified" in cells
    assert "Zelda Quintrell" not in " ".join(cells)
    view.mrn.setText("MS-204781")
    assert view.table.rowCount() == 1
    view.mrn.setText("")
    view.stale_only.setChecked(True)
    assert view.table.rowCount() == 0  # every sheet has the installed pack
    with open_register(default_location()) as register, register.engine.begin() as conn:
        conn.execute(text("UPDATE handouts SET pack_version = '1.0.0'"))
    history.refresh()
    assert view.table.rowCount() == 1  # the identified patient; never the de-identified one
    view.stale_only.setChecked(False)
    view.since_on.setChecked(True)
    view.since.setDate(QDate(2999, 1, 1))
    assert view.table.rowCount() == 0
    view.since_on.setChecked(False)
    said = history.check_sheet(tmp_path / "anon.pdf")
    assert "made here: yes (this exact file)" in said
    assert "for: de-identified" in said
    assert "out of date" in said
    assert "Zelda" not in said
    view.resize(1100, 600)
    view.grab().save(str(tmp_path / "history.png"))
    if os.environ.get("LDN_SCREENSHOT_DIR"):
        view.grab().save(str(Path(os.environ["LDN_SCREENSHOT_DIR"]) / "history.png"))


@pytest.mark.parametrize("typed", ["mysql://clinic@host/reg", "/"])
def test_a_wrong_register_address_is_said_beside_the_field(example_gui, typed):
    history = show_history(example_gui.window, example_gui.controller.settings)
    history.view.register.setText(typed)
    assert not history.use_register()
    assert history.view.register_problem.text()
    assert example_gui.controller.settings.register == ""
    history.view.close()


def test_the_register_setting_is_used_by_exports(example_gui, monkeypatch, tmp_path):
    shared = tmp_path / "shared.sqlite3"
    history = show_history(example_gui.window, example_gui.controller.settings)
    history.view.register.setText(str(shared))
    assert history.use_register()
    history.view.close()
    _save_as(monkeypatch, tmp_path / "sheet.pdf")
    example_gui.controller.output.export_pdf()
    assert len(_rows(parse_location(str(shared)))) == 1
