"""Files and output: export PDF/HTML, save/open JSON, recent files, unsaved-edits prompt, names."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import stat

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ldn_report.context import context_from_dict
from ldn_report.gui.file_names import safe_name_part, suggested_html_name, suggested_pdf_name
from ldn_report.render.html import text as html_text

Button = QMessageBox.StandardButton


class FileDialogs:
    """QFileDialog's static calls replaced: records the suggested path, returns a chosen one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.suggested: list[str] = []
        self.choose = ""
        for name in ("getSaveFileName", "getOpenFileName"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._answer))

    def _answer(self, _parent, _caption, directory="", _filter="", *args, **kwargs):
        self.suggested.append(directory)
        return self.choose, ""


@pytest.fixture
def file_dialogs(monkeypatch):
    """Patched file dialogs: set .choose to the path the 'user' picks ('' = cancel)."""
    return FileDialogs(monkeypatch)


def test_export_pdf_writes_the_previewed_report_with_a_suggested_name(
    example_gui, file_dialogs, tmp_path, wait_preview
):
    g = example_gui
    g.controller.settings.last_folder = str(tmp_path)
    file_dialogs.choose = str(tmp_path / "chosen")  # the user typed a name without .pdf
    g.window.export_action.trigger()
    assert file_dialogs.suggested == [str(tmp_path / "LDN-report_Fernández_2026-12-01.pdf")]
    out = tmp_path / "chosen.pdf"
    data = out.read_bytes()
    assert data == g.shown_pdf()
    assert len(PdfReader(io.BytesIO(data)).pages) == g.window.preview.page_count()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # patient data
    assert "Exported chosen.pdf" in g.window.status_label.text()


def test_export_html_writes_an_accessible_page_with_a_suggested_name(
    example_gui, file_dialogs, tmp_path
):
    g = example_gui
    assert g.window.export_html_action.shortcut().toString() == "Ctrl+Shift+E"
    g.controller.settings.last_folder = str(tmp_path)
    file_dialogs.choose = str(tmp_path / "chosen")  # the user typed a name without .html
    g.window.export_html_action.trigger()
    assert file_dialogs.suggested == [str(tmp_path / "LDN-report_Fernández_2026-12-01.html")]
    out = tmp_path / "chosen.html"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    assert "Maria Fernández" in page
    titles = [s.title for s in g.controller.result.report.sections if s.title]
    assert titles
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", page) == [html_text(t) for t in titles]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # patient data
    assert g.controller.settings.last_folder == str(tmp_path)
    assert "Exported chosen.html" in g.window.status_label.text()


def test_export_accessible_pdf_writes_a_tagged_pdf_of_the_same_report(
    example_gui, file_dialogs, tmp_path, wait_preview
):
    import page

    g = example_gui
    wait_preview(g)
    assert g.window.export_accessible_action.shortcut().toString() == "Ctrl+Alt+E"
    assert g.window.export_accessible_action in g.window.menuBar().actions()[0].menu().actions()
    g.controller.settings.last_folder = str(tmp_path)
    file_dialogs.choose = str(tmp_path / "tagged")  # the user typed a name without .pdf
    g.window.export_accessible_action.trigger()
    assert file_dialogs.suggested == [
        str(tmp_path / "LDN-report_Fernández_2026-12-01_accessible.pdf")]
    out = tmp_path / "tagged.pdf"
    data = out.read_bytes()
    assert page.validate_pdf_bytes(data, profile="ua1").is_compliant
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Maria Fernández" in text
    assert f"content {g.controller.result.content_hash[:12]}" in text  # the previewed report
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # patient data
    assert "Exported tagged.pdf (accessible PDF" in g.window.status_label.text()


def test_export_html_deidentified_suggests_no_name(example_gui, file_dialogs, tmp_path):
    g = example_gui
    g.controller.settings.last_folder = str(tmp_path)
    g.field("patient.deidentified").setChecked(True)  # exported before the preview catches up
    file_dialogs.choose = str(tmp_path / "anon.html")
    g.window.export_html_action.trigger()
    assert file_dialogs.suggested == [str(tmp_path / "LDN-report_deidentified_2026-12-01.html")]
    assert "Fernández" not in file_dialogs.suggested[0]
    assert "Fernández" not in (tmp_path / "anon.html").read_text(encoding="utf-8")


def test_export_right_after_an_edit_exports_the_edit(example_gui, file_dialogs, tmp_path):
    g = example_gui
    g.field("patient.name").setText("Ana Edited")
    g.field("patient.name").textEdited.emit("Ana Edited")  # a build is now pending, not shown
    file_dialogs.choose = str(tmp_path / "now.pdf")
    g.window.export_action.trigger()
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "now.pdf").pages)
    assert "Ana Edited" in text
    assert "LDN-report_Edited_" in file_dialogs.suggested[0]


def test_export_cancelled_writes_nothing(example_gui, file_dialogs, tmp_path):
    example_gui.controller.settings.last_folder = str(tmp_path)
    file_dialogs.choose = ""
    example_gui.window.export_action.trigger()
    assert list(tmp_path.iterdir()) == []


def test_export_with_a_bad_field_explains_instead_of_exporting(
    example_gui, file_dialogs, message_boxes, tmp_path
):
    g = example_gui
    g.field("appointment_date").setText("2026-13-01")
    g.controller.refresh()
    message_boxes.answer(Button.Ok)
    g.window.export_action.trigger()
    title, _text, details = message_boxes.shown[-1]
    assert title == "Cannot export yet"
    assert "Appointment date" in details
    assert file_dialogs.suggested == []


def test_save_then_open_round_trips_and_fills_recent_files(
    example_gui, file_dialogs, tmp_path, wait_preview
):
    g = example_gui
    g.field("notes").setPlainText("Line one\n<i>not markup</i>")
    assert g.controller.is_dirty()
    file_dialogs.choose = str(tmp_path / "maria.json")
    g.window.save_action.trigger()  # no path yet: Save asks where
    saved = json.loads((tmp_path / "maria.json").read_text(encoding="utf-8"))
    assert saved["notes"] == "Line one\n<i>not markup</i>"
    assert context_from_dict(saved).patient_name == "Maria Fernández"
    assert stat.S_IMODE((tmp_path / "maria.json").stat().st_mode) == 0o600
    assert not g.controller.is_dirty()
    assert "maria.json" in g.window.windowTitle()

    g.controller.new_context()
    assert g.field("patient.name").text() == ""
    assert g.controller.settings.recent_files == [str((tmp_path / "maria.json").resolve())]
    recent = g.window.recent_menu.actions()
    assert [a.text() for a in recent] == ["maria.json"]
    recent[0].trigger()
    assert g.field("patient.name").text() == "Maria Fernández"
    assert g.field("notes").toPlainText() == "Line one\n<i>not markup</i>"
    assert not g.controller.is_dirty()


def test_opening_a_broken_file_names_the_field(gui, file_dialogs, message_boxes, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "ms": {"phenotype": "RRMS"}, '
                   '"dmt": {"status": "maybe"}}', encoding="utf-8")
    file_dialogs.choose = str(bad)
    message_boxes.answer(Button.Ok)
    gui.window.open_action.trigger()
    title, text, _details = message_boxes.shown[-1]
    assert title == "Cannot open this file"
    assert "bad.json: dmt.status: this value is not allowed" in text


@pytest.mark.parametrize(
    ("answer", "form_kept", "prompts"),
    [(Button.Cancel, True, 1), (Button.Discard, False, 1)],
)
def test_unsaved_changes_prompt_before_new(example_gui, message_boxes, answer, form_kept, prompts):
    g = example_gui
    g.field("patient.mrn").setText("CHANGED-1")
    message_boxes.answer(answer)
    g.window.new_action.trigger()
    assert len(message_boxes.shown) == prompts
    assert message_boxes.shown[0][0] == "Unsaved changes"
    assert (g.field("patient.mrn").text() == "CHANGED-1") is form_kept


def test_closing_with_unsaved_changes_can_save_first(example_gui, message_boxes, file_dialogs,
                                                     tmp_path):
    g = example_gui
    g.field("clinician.name").setText("Dr. Save Before Close")
    message_boxes.answer(Button.Save)
    file_dialogs.choose = str(tmp_path / "closing.json")
    assert g.window.close()
    assert "Dr. Save Before Close" in (tmp_path / "closing.json").read_text(encoding="utf-8")


def test_closing_cancelled_keeps_the_window_open(example_gui, message_boxes):
    g = example_gui
    g.field("clinician.name").setText("Dr. Stay")
    message_boxes.answer(Button.Cancel)
    assert not g.window.close()
    assert g.window.isVisible()


def test_no_prompt_when_nothing_changed(example_gui, message_boxes):
    example_gui.window.new_action.trigger()  # a queued-answer-less box would fail the test
    assert message_boxes.shown == []


def test_copy_chart_note_puts_the_note_on_the_clipboard(example_gui):
    example_gui.window.copy_note_action.trigger()
    note = QGuiApplication.clipboard().text()
    assert note == example_gui.controller.result.chart_note
    assert note.startswith("LDN counseling (2026-12-01)")
    assert "Fernández" not in note


def _ctx(**flat):
    base = {"schema_version": 1, "ms.phenotype": "RRMS", "dmt.status": "unknown",
            "appointment_date": "2026-12-01"}
    return context_from_dict({**base, **flat})


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("Maria Fernández", "Fernández"),
        ("Jean-Baptiste Moreau-Lefèvre", "Moreau-Lefèvre"),
        ("Αλεξάνδρα Παπαδοπούλου", "Παπαδοπούλου"),
        ("Nguyễn Thị Minh Khai", "Khai"),
        ("Robert'); DROP TABLE/..\\x", "TABLE_x"),
        ("<b>Bold</b>", "b_Bold_b"),
        ("", "patient"),
        ("   ", "patient"),
        ("a" * 200, "a" * 40),
    ],
)
def test_suggested_pdf_name_is_safe(name, part):
    assert suggested_pdf_name(_ctx(**{"patient.name": name})) == f"LDN-report_{part}_2026-12-01.pdf"


def test_suggested_name_never_uses_the_name_when_deidentified():
    ctx = _ctx(**{"patient.name": "Maria Fernández", "patient.deidentified": True})
    assert suggested_pdf_name(ctx) == "LDN-report_deidentified_2026-12-01.pdf"
    assert suggested_html_name(ctx) == "LDN-report_deidentified_2026-12-01.html"
    assert suggested_pdf_name(None, today=dt.date(2026, 1, 2)) == (
        "LDN-report_deidentified_2026-01-02.pdf")


@pytest.mark.parametrize("bad", ["/", "\\", ":", "*", "?", '"', "<", ">", "|", "\x00", "\n"])
def test_safe_name_part_drops_characters_file_systems_reject(bad):
    assert bad not in safe_name_part(f"a{bad}b")
