"""The History window: filters, Check a sheet, the register setting; one register per window,
read on the register thread; nothing identifying of a de-identified record shown (real
register files, real PDFs, real Qt)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import text
from test_app_register import recorded, save_as

from ldn_report.gui.history_controller import show_history
from ldn_report.register.location import default_location
from ldn_report.register.store import open_register

HIDDEN_NAME, HIDDEN_MRN = "Zelda Quintrell", "ZQ-77731"


def _cells(view) -> list[str]:
    table = view.table
    return [table.item(r, c).text() for r in range(table.rowCount())
            for c in range(table.columnCount())]


def _settled(qtbot, history):
    qtbot.waitUntil(lambda: history.idle, timeout=30_000)
    return history.view


def _export_identified_and_hostile(qtbot, g, monkeypatch, tmp_path) -> Path:
    """One identified sheet, and a de-identified one whose form still holds a name and record
    number and whose file is named after the patient. The de-identified sheet's path."""
    save_as(monkeypatch, tmp_path / "sheet.pdf")
    g.controller.output.export_pdf()
    g.controller.new_context()
    g.field("patient.deidentified").setChecked(True)
    g.field("patient.name").setText(HIDDEN_NAME)
    g.field("patient.mrn").setText(HIDDEN_MRN)
    g.field("ms.phenotype").setCurrentIndex(g.field("ms.phenotype").findData("RRMS"))
    g.field("dmt.status").setCurrentIndex(g.field("dmt.status").findData("declined"))
    anon = tmp_path / f"{HIDDEN_NAME} {HIDDEN_MRN}.pdf"
    save_as(monkeypatch, anon)
    assert g.controller.output.export_pdf() == anon
    assert len(recorded(qtbot, g)) == 2
    return anon


def test_history_window_lists_filters_and_checks_a_sheet(qtbot, example_gui, monkeypatch,
                                                         tmp_path):
    g = example_gui
    anon = _export_identified_and_hostile(qtbot, g, monkeypatch, tmp_path)
    history = show_history(g.window, g.controller.settings)
    view = _settled(qtbot, history)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    assert "de-identified" in _cells(view)
    view.mrn.setText("MS-204781")
    assert _settled(qtbot, history).table.rowCount() == 1
    view.mrn.setText("")
    view.stale_only.setChecked(True)
    assert _settled(qtbot, history).table.rowCount() == 0  # every sheet has the installed pack
    with open_register(default_location()) as register, register.engine.begin() as conn:
        conn.execute(text("UPDATE handouts SET pack_version = '1.0.0'"))
    history.refresh()
    # The identified patient; never the de-identified one.
    assert _settled(qtbot, history).table.rowCount() == 1
    view.stale_only.setChecked(False)
    view.since_on.setChecked(True)
    view.since.setDate(QDate(2999, 1, 1))
    assert _settled(qtbot, history).table.rowCount() == 0
    view.since_on.setChecked(False)
    history.check_sheet(anon)
    _settled(qtbot, history)
    said = view.verdict.text()
    assert "made here: yes (this exact file)" in said
    assert "for: de-identified" in said
    assert "out of date" in said
    assert history.opened == 1  # one register for the window's life, however many queries
    view.resize(1100, 600)
    view.grab().save(str(tmp_path / "history.png"))
    if os.environ.get("LDN_SCREENSHOT_DIR"):
        view.grab().save(str(Path(os.environ["LDN_SCREENSHOT_DIR"]) / "history.png"))


def test_nothing_identifying_of_a_deidentified_record_is_shown(qtbot, example_gui,
                                                              monkeypatch, tmp_path):
    """The table, the search, the record-number filter and Check a sheet, with a sheet named
    after the patient and a hand-edited row that still holds her name and record number."""
    g = example_gui
    anon = _export_identified_and_hostile(qtbot, g, monkeypatch, tmp_path)
    with open_register(default_location()) as register, register.engine.begin() as conn:
        conn.execute(text("UPDATE handouts SET patient_mrn = :mrn, patient_name = :name "
                          "WHERE deidentified"), {"mrn": HIDDEN_MRN, "name": HIDDEN_NAME})
    history = show_history(g.window, g.controller.settings)
    view = _settled(qtbot, history)
    qtbot.addWidget(view)
    seen = [" ".join(_cells(view))]
    for search in ("Zelda", "quintrell", "77731"):
        view.search.setText(search)
        assert _settled(qtbot, history).table.rowCount() == 0, search
    view.search.setText("")
    view.mrn.setText(HIDDEN_MRN)
    assert _settled(qtbot, history).table.rowCount() == 0
    view.mrn.setText("")
    history.check_sheet(anon)
    _settled(qtbot, history)
    seen.append(view.verdict.text().split("\n", 1)[1])  # its first line is the file's name
    said = " ".join(seen)
    assert "de-identified" in said
    for value in ("Zelda", "Quintrell", "77731"):
        assert value.casefold() not in said.casefold()


def test_typing_in_the_search_field_queries_once_it_pauses(qtbot, example_gui, monkeypatch,
                                                           tmp_path):
    history = show_history(example_gui.window, example_gui.controller.settings)
    view = _settled(qtbot, history)
    qtbot.addWidget(view)
    asked = history._generation
    for typed in ("D", "Dr", "Dr.", "Dr. S", "Dr. Sam"):
        view.search.setText(typed)
    assert history.typing.isActive()
    assert history._generation == asked  # nothing asked while typing
    _settled(qtbot, history)
    assert history._generation == asked + 1
    assert history.opened == 1


@pytest.mark.parametrize("typed", ["mysql://clinic@host/reg", "/"])
def test_a_wrong_register_address_is_said_beside_the_field(qtbot, example_gui, typed):
    history = show_history(example_gui.window, example_gui.controller.settings)
    history.view.register.setText(typed)
    assert not history.use_register()
    assert history.view.register_problem.text()
    assert example_gui.controller.settings.register == ""
    history.view.close()


def test_a_missing_driver_is_said_beside_the_field(qtbot, example_gui, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on a computer without it
    history = show_history(example_gui.window, example_gui.controller.settings)
    history.view.register.setText("postgresql://clinic@127.0.0.1:9/register")
    assert history.use_register()
    view = _settled(qtbot, history)
    qtbot.addWidget(view)
    assert "needs the PostgreSQL driver psycopg" in view.register_problem.text()
    assert "cannot be loaded" in view.register_problem.text()
    assert view.table.rowCount() == 0
