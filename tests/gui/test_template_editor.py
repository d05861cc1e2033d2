"""The clinic-template editor with pytest-qt: edit, live preview, save, import/export, reset."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from ldn_report.examples import load_example
from ldn_report.gui import template_editor
from ldn_report.gui.template_editor import TemplateEditor, edit_templates
from ldn_report.templates.catalogue import builtin_templates, list_templates, user_templates_dir
from ldn_report.templates.file_format import load_template
from pdf_text import pdf_text


@pytest.fixture
def ctx():
    return load_example("on-dmt-mood-pain")


@pytest.fixture
def editor(qtbot, ctx, monkeypatch):
    d = TemplateEditor(None, ctx)
    qtbot.addWidget(d)
    d.show()
    names: list[str] = []
    # The name prompt is the only modal dialog in these flows: answer it from a list.
    monkeypatch.setattr(d, "ask_name", lambda title, suggested: names.pop(0) if names else None)
    d.names = names
    wait_preview(qtbot, d)
    yield d
    d.builder.shutdown()


def wait_preview(qtbot, d: TemplateEditor, timeout: int = 60_000) -> str:
    """Wait until the preview shows the newest request; the text of the PDF on screen."""
    qtbot.waitUntil(lambda: d.preview_settled and d.last_result is not None, timeout=timeout)
    assert d.preview.page_count() == d.last_result.page_count
    return pdf_text(d.preview.pdf_bytes)


def section_row(d: TemplateEditor, sid: str) -> int:
    table = d.form.sections_table
    return next(r for r in range(table.rowCount())
                if table.item(r, 1).data(Qt.ItemDataRole.UserRole) == sid)


def test_edit_preview_save_as_round_trip(qtbot, editor, ctx):
    d = editor
    assert d.stored.name == "Standard Letter"
    assert not d.save_button.isEnabled()  # built-ins are read-only
    d.form.clinic_name_edit.setText("Riverside <MS> Clinic")
    d.form.phone_edit.setText("555 0100")
    d.form.accent_edit.setText("#0A7A5A")
    d.form.page_size_combo.setCurrentIndex(d.form.page_size_combo.findData("a4"))
    d.form.text_edits["contact"].setPlainText(
        "Ring **{clinic_phone}**, {patient_preferred_name}.")
    table = d.form.sections_table
    table.item(section_row(d, "questions"), 0).setCheckState(Qt.CheckState.Unchecked)
    table.item(section_row(d, "monitoring"), 2).setText("Check-ups")
    table.setCurrentCell(section_row(d, "safety"), 1)
    d.form.move_section(-1)  # safety before what_to_expect
    d.form.schedule_table.item(0, 0).setText("Day 1")
    d.form.signature_checks["witness"].setChecked(True)
    assert d.dirty
    assert not d.list.isEnabled()  # save or reset before switching

    text = wait_preview(qtbot, d)
    assert "Riverside <MS> Clinic" in text
    assert "Ring 555 0100, Maria." in text
    assert "Questions you may want to ask" not in text
    headings = [item.title for item in PdfReader(io.BytesIO(d.preview.pdf_bytes)).outline]
    assert headings == ["Low-dose naltrexone (LDN) and your MS", "Key points",
                        "Why we are talking about LDN with you", "Safety", "What to expect",
                        "Check-ups", "Discussion record", "Evidence summary (for clinicians)",
                        "References"]

    d.names.append("Riverside MS")
    assert d.save_as()
    saved = load_template(user_templates_dir() / "riverside-ms.toml")
    assert saved.name == "Riverside MS"
    assert not saved.builtin
    assert saved.branding.clinic_name == "Riverside <MS> Clinic"
    assert saved.branding.accent_colour == "#0A7A5A"
    assert saved.page.size == "a4"
    assert saved.text_blocks["contact"] == "Ring **{clinic_phone}**, {patient_preferred_name}."
    assert [s.id for s in saved.visible_sections()][:5] == [
        "header", "key_points", "why_ldn", "safety", "what_to_expect"]
    assert "questions" not in [s.id for s in saved.visible_sections()]
    assert saved.schedule[0].when == "Day 1"
    assert saved.signature_roles == ("Patient", "Clinician", "Witness")
    assert [t.name for t in list_templates()][-1] == "Riverside MS"
    assert d.stored == saved  # the list now shows the saved copy, with no unsaved edits
    assert not d.dirty

    # The built-in on disk is untouched.
    assert builtin_templates()[0].branding.clinic_name == "Your MS clinic"


def test_invalid_edit_names_the_field_and_is_not_saved(qtbot, editor):
    d = editor
    d.names.append("Clinic A")
    assert d.duplicate()
    path = user_templates_dir() / "clinic-a.toml"
    before = path.read_bytes()
    d.form.accent_edit.setText("ultraviolet")
    d.form.text_edits["introduction"].setPlainText("Hello {patient_name}")
    d.form.accent_edit.setText("#123456")
    assert d.save() is False
    assert "text.introduction" in d.status.text()
    assert "unknown placeholder {patient_name}" in d.status.text()
    assert d.form.currentIndex() == 3  # the Clinic text tab is shown
    assert not d.use_button.isEnabled()
    assert path.read_bytes() == before  # the last good file is intact

    d.form.text_edits["introduction"].setPlainText("Hello {patient_preferred_name}")
    d.form.accent_edit.setText("blue")
    assert d.save() is False
    assert "branding.accent_colour" in d.status.text()
    assert d.form.accent_edit.styleSheet()  # marked next to the field
    d.reset()
    assert d.form.accent_edit.text() == "#1F5C99"
    assert not d.form.accent_edit.styleSheet()
    assert not d.dirty


def test_builtin_name_cannot_be_taken(qtbot, editor):
    d = editor
    d.form.footer_edit.setPlainText("Our footer")
    d.names.append("standard a4")
    assert d.save_as() is False
    assert "cannot be overwritten" in d.status.text()
    assert not (user_templates_dir() / "standard-a4.toml").exists()


def test_import_export_and_logo_downscale(qtbot, editor, tmp_path, monkeypatch):
    d = editor
    shared = tmp_path / "shared.toml"
    shared.write_text('format_version = 1\nname = "Lakeside"\ntext_size = "large"\n'
                      '[branding]\nclinic_name = "Lakeside Neurology"\n', encoding="utf-8")
    assert d.import_file(shared)
    assert d.stored.name == "Lakeside"
    assert d.stored.large_print
    text = wait_preview(qtbot, d)
    assert "Lakeside Neurology" in text

    big = tmp_path / "big.png"
    Image.new("RGB", (4500, 900), (20, 90, 160)).save(big)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    d.set_logo(big)
    assert shown
    assert "4500 \u00d7 900" in shown[0]
    logo = Path(d.form.logo_edit.text())
    assert logo.parent == user_templates_dir() / "logos"
    wait_preview(qtbot, d)
    assert d.save()
    out = tmp_path / "out" / "lakeside.toml"
    assert d.export_to(out)
    again = load_template(out)
    assert again.name == "Lakeside"
    assert Image.open(again.branding.logo).size == (1200, 240)

    bad = tmp_path / "bad.toml"
    bad.write_text('format_version = 1\nname = "X"\n[page]\nsize = "A3"\n', encoding="utf-8")
    assert d.import_file(bad) is False
    assert "page.size" in d.status.text()
    assert "line 4" in d.status.text()


def test_edit_templates_returns_the_chosen_template(qtbot, ctx, monkeypatch):
    def accept_on_a4(dialog: QDialog) -> int:
        dialog.list.setCurrentRow(1)
        qtbot.waitUntil(lambda: dialog.preview_settled and dialog.last_result is not None,
                        timeout=60_000)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(template_editor.TemplateEditor, "exec", accept_on_a4)
    chosen = edit_templates(None, ctx)
    assert chosen is not None
    assert chosen.name == "Standard A4"

    monkeypatch.setattr(template_editor.TemplateEditor, "exec",
                        lambda dialog: QDialog.DialogCode.Rejected)
    assert edit_templates(None, None) is None
