"""The clinic-template editor with pytest-qt: edit, live preview, save, import/export, reset."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

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
                        "Opioid medicines and LDN", "Your choices about LDN",
                        "Check-ups", "Discussion record",
                        "Evidence summary (for clinicians)", "References"]

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


# --- a 1280x720 screen, Ctrl+S, the template in use, sections, colour picker, copies ----------

SMALL_SCREEN = (1280 - 16, 720 - 48)  # a 1280x720 laptop less the window manager's frame


def _controls_fit(d: QDialog) -> list[str]:
    """Every visible control that is cut off or squashed below its minimum size (by name)."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLineEdit, QScrollArea

    problems = []
    for widget in d.findChildren(QWidget):
        if not widget.isVisibleTo(d) or not isinstance(
                widget, QAbstractButton | QLineEdit | QAbstractScrollArea):
            continue
        area = next((p for p in _parents(widget, d) if isinstance(p, QScrollArea)), None)
        if area is not None:
            continue  # inside a scrolling tab: reachable by scrolling (checked below)
        top_left = widget.mapTo(d, widget.rect().topLeft())
        rect = widget.rect().translated(top_left)
        hint = widget.minimumSizeHint()
        if not d.rect().contains(rect) or rect.width() < min(hint.width(), 40) or \
                rect.height() < hint.height():
            problems.append(f"{type(widget).__name__} {widget.accessibleName() or widget}")
    return problems


def _parents(widget, stop):
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


def test_editor_fits_a_1280x720_screen_and_its_tabs_scroll(qtbot, editor):
    from PySide6.QtWidgets import QScrollArea

    d = editor
    hint = d.minimumSizeHint()
    assert hint.width() <= SMALL_SCREEN[0], hint
    assert hint.height() <= SMALL_SCREEN[1], hint
    d.resize(*SMALL_SCREEN)
    qtbot.waitUntil(lambda: (d.width(), d.height()) == SMALL_SCREEN)
    assert _controls_fit(d) == []
    # the form's tabs scroll when they are taller than the room: nothing is cut off
    for index in range(d.form.count()):
        d.form.setCurrentIndex(index)
        area = d.form.widget(index)
        assert isinstance(area, QScrollArea)
        page = area.widget()
        assert page.height() >= page.minimumSizeHint().height() or \
            area.verticalScrollBar().maximum() > 0
    for name in ("Save", "Save as\u2026", "Reset", "Duplicate", "Use this template"):
        button = next(b for b in d.findChildren(QPushButton) if b.text() == name)
        assert d.rect().contains(button.geometry().translated(
            button.parentWidget().mapTo(d, button.parentWidget().rect().topLeft())))


def test_editor_opens_no_larger_than_its_screen(qtbot, ctx):
    d = TemplateEditor(None, ctx)
    qtbot.addWidget(d)
    room = d.screen().availableGeometry()
    assert d.width() <= room.width()
    assert d.height() <= room.height()
    d.builder.shutdown()


def test_ctrl_s_saves_from_any_field(qtbot, editor):
    d = editor
    d.names.append("Riverside")
    assert d.duplicate()
    d.activateWindow()
    qtbot.waitActive(d)
    d.form.setCurrentIndex(1)
    d.form.clinic_name_edit.setFocus()
    d.form.clinic_name_edit.selectAll()
    qtbot.keyClicks(d.form.clinic_name_edit, "Riverside MS Centre")
    assert d.dirty
    qtbot.keyClick(d.form.clinic_name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not d.dirty
    saved = load_template(user_templates_dir() / "riverside.toml")
    assert saved.branding.clinic_name == "Riverside MS Centre"
    # in a text block too (a multi-line editor must not swallow it)
    d.form.setCurrentIndex(3)
    intro = d.form.text_edits["introduction"]
    intro.setFocus()
    qtbot.keyClick(intro, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(intro, " Welcome.")
    qtbot.keyClick(intro, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not d.dirty
    assert load_template(user_templates_dir() / "riverside.toml").text_blocks[
        "introduction"].endswith("Welcome.")
    # on a built-in, Ctrl+S is Save as (asks for a name)
    d.list.setCurrentRow(0)
    d.form.setCurrentIndex(0)
    d.form.footer_edit.setFocus()
    qtbot.keyClicks(d.form.footer_edit, "Our footer")
    d.names.append("Our letter")
    qtbot.keyClick(d.form.footer_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_template(user_templates_dir() / "our-letter.toml").footer_text == "Our footer"


def test_editor_opens_on_the_template_in_use_in_the_main_window(qtbot, gui, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    combo = gui.window.template_combo
    combo.setCurrentIndex(combo.findText("Large print"))
    seen: list[tuple[str, str]] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TemplateEditor)
        seen.append((dialog.stored.name, dialog.list.currentItem().text()))
        dialog.reject()

    QTimer.singleShot(0, look_and_close)
    gui.window.edit_templates_action.trigger()  # the real modal exec
    assert seen == [("Large print", "Large print  (built-in)")]
    assert combo.currentText() == "Large print"


def test_sections_table_shows_whole_names_and_says_the_heading_is_editable(qtbot, editor):
    d = editor
    d.resize(*SMALL_SCREEN)
    d.form.setCurrentIndex(2)
    table = d.form.sections_table
    qtbot.waitUntil(lambda: table.isVisible())
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        text = table.item(row, 1).text()
        assert header.sectionSize(1) >= metrics.horizontalAdvance(text), text
        assert table.item(row, 1).toolTip() == text
        locked = table.item(row, 1).data(Qt.ItemDataRole.UserRole) == "opioid_safety"
        assert ("Locked" if locked else "Editable") in table.item(row, 2).toolTip()
    # all four columns are in view at once on a 1280x720 screen
    right = header.sectionViewportPosition(3) + header.sectionSize(3)
    assert right <= table.viewport().width()
    assert header.sectionSize(2) >= metrics.horizontalAdvance("Heading (editable)")
    heading = table.horizontalHeaderItem(2)
    assert "editable" in heading.text()
    assert "Double-click" in heading.toolTip()
    # and it is: typing into the heading cell renames the section in the preview
    d.names.append("Renamed")
    assert d.duplicate()
    d.form.setCurrentIndex(2)
    row = section_row(d, "safety")
    table.setCurrentCell(row, 2)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor_widget = table.viewport().findChild(QLineEdit)
    assert editor_widget is not None  # F2 opened the cell for typing
    qtbot.keyClicks(editor_widget, "Staying safe")
    qtbot.keyClick(editor_widget, Qt.Key.Key_Return)  # Qt commits the cell a moment later
    qtbot.waitUntil(lambda: table.item(row, 2).text() == "Staying safe")
    assert "Staying safe" in wait_preview(qtbot, d)


def test_colour_picker_beside_the_hex_field(qtbot, editor):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    d = editor
    d.form.setCurrentIndex(1)
    button = d.form.accent_button
    assert button.isVisible()
    assert not button.icon().isNull()  # a swatch of the colour in the field
    seen: list[str] = []

    def pick(colour: str | None) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QColorDialog)
        seen.append(dialog.currentColor().name().upper())
        if colour is None:
            dialog.reject()
        else:
            dialog.setCurrentColor(QColor(colour))
            dialog.accept()

    QTimer.singleShot(0, lambda: pick("#0a7a5a"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == ["#1F5C99"]  # it starts from the field's colour
    assert d.form.accent_edit.text() == "#0A7A5A"
    assert d.dirty

    QTimer.singleShot(0, lambda: pick(None))  # Cancel changes nothing
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert d.form.accent_edit.text() == "#0A7A5A"

    d.form.accent_edit.setText("not a colour")
    assert button.icon().isNull()
    QTimer.singleShot(0, lambda: pick("#112233"))  # from a bad value: a sane start, then OK
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert d.form.accent_edit.text() == "#112233"
    wait_preview(qtbot, d)
    assert d.current.branding.accent_colour == "#112233"  # validated, previewed


def test_copies_get_a_description_that_says_what_they_copy(qtbot, editor):
    d = editor
    original = d.stored
    d.names.append("Riverside")
    qtbot.mouseClick(d.duplicate_button, Qt.MouseButton.LeftButton)
    assert d.stored.name == "Riverside"
    assert d.stored.description == f"Copy of Standard Letter: {original.description}"
    assert d.form.description_edit.text() == d.stored.description
    d.names.append("Riverside 2")
    assert d.duplicate()
    assert d.stored.description == f"Copy of Riverside: {original.description}"  # not nested

    # Save as under a new name: the same, unless the user wrote a description
    d.list.setCurrentRow(2)  # Large print
    large = d.stored
    d.form.footer_edit.setPlainText("Ours")
    d.names.append("Big letters")
    assert d.save_as()
    assert d.stored.description == f"Copy of Large print: {large.description}"
    d.form.description_edit.setText("Large print for the Tuesday clinic")
    d.names.append("Tuesday")
    assert d.save_as()
    assert d.stored.description == "Large print for the Tuesday clinic"


def _tab_chain(qtbot, window, start, presses: int) -> list[QWidget]:
    """The widgets that get the focus as the user presses Tab ``presses`` times from ``start``."""
    window.activateWindow()
    qtbot.waitActive(window)
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    chain = [QApplication.focusWidget()]
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    return chain


def test_tab_moves_through_the_editor_in_reading_order_with_no_invisible_stops(qtbot, editor):
    d = editor
    chain = _tab_chain(qtbot, d, d.list, 40)
    assert all(w is not None and w.isVisible() for w in chain)
    names = [w.accessibleName() or (w.text() if hasattr(w, "text") and isinstance(
        w.text(), str) else type(w).__name__) for w in chain]
    assert names[:4] == ["Templates", "Duplicate", "Import\u2026", "Export\u2026"]
    footer = names.index("Footer text")
    assert names[footer + 1] == "Save as\u2026"  # Tab leaves the text box, never types a tab
    assert "\t" not in d.form.footer_edit.toPlainText()
    assert names.index("Template name") < names.index("Text size") < footer
    assert names.index("Report preview") > footer
    assert "Use this template" in names[footer:]
    from PySide6.QtWidgets import QScrollArea

    assert not any(isinstance(w, QScrollArea) for w in chain)


def test_typing_any_path_into_the_logo_field_never_raises_or_hangs(qtbot, editor, tmp_path,
                                                                   monkeypatch):
    """The logo field is a typed path like the batch window's: a folder, a FIFO, a device, a
    missing or huge file gives a message beside the field, never an exception or a frozen
    window (the preview is validated on the GUI thread)."""
    import os
    import sys

    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: caught.append(exc))
    d = editor
    d.names.append("Logo test")
    assert d.duplicate()
    d.form.setCurrentIndex(1)
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:
        handle.truncate(80 * 1024 * 1024)
    for text in ("/", str(tmp_path), str(fifo), "/dev/zero", str(tmp_path / "missing.png"),
                 str(huge), "~", "relative.png", str(fifo / "x.png")):
        d.form.logo_edit.clear()
        qtbot.keyClicks(d.form.logo_edit, text)
        assert d._validated() is None, text  # refused, with the reason shown
        assert "branding.logo" in d.status.text(), (text, d.status.text())
        assert d.form.logo_edit.styleSheet(), text  # marked beside the field
    assert caught == []
