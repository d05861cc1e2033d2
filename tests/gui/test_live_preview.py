"""The form drives the real PDF preview: edits, rules panel, de-identified mode, invalid input."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from ldn_report.gui.report_worker import ReportBuilder


def type_text(widget, text: str) -> None:
    """Non-ASCII typing: QTest's key clicks only know ASCII keys."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_check_box(qtbot, box) -> None:
    """Click the box itself (a wide check box's middle is empty space, not a click target)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_example_preview_shows_every_page_of_the_real_pdf(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    result = g.controller.result
    assert g.shown_pdf() == result.pdf
    assert g.window.preview.page_count() == result.page_count == g.shown_pages() >= 2
    assert "Maria Fernández" in g.shown_text()
    assert g.window.pages_label.text() == f"{result.page_count} pages"
    assert g.window.time_label.text().startswith("built in ")


def test_typing_a_name_changes_the_printed_name(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    name = g.field("patient.name")
    name.selectAll()
    type_text(name, "Zoë ")  # what an input method or compose key delivers
    qtbot.keyClicks(name, "<b>Angstrom</b> & Co")
    wait_preview(g)
    text = g.shown_text()
    assert "Zoë <b>Angstrom</b> & Co" in text  # user text prints literally, never as markup
    assert "Maria Fernández" not in text


def test_ticking_opioids_adds_the_warning_to_pdf_and_rules_panel(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    assert not any("opioid" in t.lower() for t in g.window.rules.texts())
    assert "you take an opioid" not in g.shown_text()
    box = g.field("safety.opioid_use")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # as a keyboard user would
    assert box.isChecked()
    wait_preview(g)
    assert "you take an opioid" in g.shown_text()
    first = g.window.rules.texts()[0]
    assert first.startswith("⚠ Warning: Takes opioids")


def test_choosing_declined_dmt_and_a_goal_changes_the_report(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    before = g.shown_text()
    combo = g.field("dmt.status")
    combo.setCurrentIndex(combo.findData("declined"))
    click_check_box(qtbot, g.form.goal_boxes["slow_progression"])
    wait_preview(g)
    after = g.shown_text()
    assert after != before
    assert "Has declined DMT" in after
    assert any("slow MS" in t for t in g.window.rules.texts())


def test_deidentified_hides_identifying_fields_and_the_pdf_has_no_name(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    for name in ("patient.name", "patient.date_of_birth", "patient.mrn"):
        assert g.field(name).isVisible()
    click_check_box(qtbot, g.form.deidentified_box)
    for name in ("patient.name", "patient.date_of_birth", "patient.mrn"):
        assert not g.field(name).isVisible()
    wait_preview(g)
    text = g.shown_text()
    for identifying in ("Fernández", "MS-204781", "1984-03-12"):
        assert identifying not in text
    assert "De-identified" in text or "de-identified" in text


def test_invalid_date_shows_its_message_and_keeps_last_good_preview(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    good = g.shown_pdf()
    dob = g.field("patient.date_of_birth")
    dob.clear()
    qtbot.keyClicks(dob, "1984-13-45")
    error = g.form.error_labels["patient.date_of_birth"]
    assert error.isVisible()
    assert "not a real calendar date" in error.text()
    assert "fix" in g.window.status_label.text()
    qtbot.wait(400)  # longer than the typing pause: no build may replace the good preview
    assert g.shown_pdf() == good
    dob.clear()
    qtbot.keyClicks(dob, "1984-03-13")
    assert not error.isVisible()
    wait_preview(g)
    assert "1984-03-13" in g.shown_text()


def test_two_bad_fields_both_get_their_message(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    g.field("patient.date_of_birth").setText("yesterday")
    g.field("appointment_date").setText("2026-02-30")
    g.controller.refresh()
    assert "not a date" in g.form.error_labels["patient.date_of_birth"].text()
    assert "not a real calendar date" in g.form.error_labels["appointment_date"].text()


def test_stale_result_is_dropped_and_only_the_newest_shown(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    builder = ReportBuilder()
    shown = []
    builder.built.connect(lambda result, _ms: shown.append(result))
    ctx = g.controller.ctx
    old = ctx.with_values(patient_name="Old Name")
    new = ctx.with_values(patient_name="New Name")
    builder.request(old, g.controller.template, 0)
    qtbot.waitUntil(lambda: builder._running, timeout=5000)  # the old build is under way
    builder.request(new, g.controller.template, 0)
    qtbot.waitUntil(lambda: not builder.is_busy() and bool(shown), timeout=20_000)
    builder.shutdown()
    assert builder.dropped == 1
    assert len(shown) == 1
    assert shown[0].report.meta.patient_label == "New Name"


def test_inputs_have_accessible_names_and_tab_walks_the_form(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    visible = [w for w in g.form.inputs.values() if w.isVisible() and w.focusPolicy()
               & Qt.FocusPolicy.TabFocus]
    for widget in [*g.form.inputs.values(), *g.form.goal_boxes.values()]:
        assert widget.accessibleName(), widget.objectName()
    first = g.form.first_input()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    order = [first]
    for _ in range(40):
        qtbot.keyClick(g.window.focusWidget(), Qt.Key.Key_Tab)
        order.append(g.window.focusWidget())
    positions = [order.index(w) for w in visible if w in order]
    assert len(positions) == len(visible), "every visible field is reachable with Tab"
    assert positions == sorted(positions), "Tab follows the form from top to bottom"


def test_shortcuts(gui):
    w = gui.window
    assert w.export_action.shortcut().toString() == "Ctrl+E"
    assert w.print_action.shortcut().toString() == "Ctrl+P"
    assert w.copy_note_action.shortcut().toString() == "Ctrl+Shift+C"


def test_a_name_the_report_cannot_print_properly_is_flagged_in_the_rules_panel(
    qtbot, example_gui, wait_preview
):
    g = example_gui
    name = g.field("patient.name")
    name.selectAll()
    type_text(name, "דוד לוי")  # Hebrew: a bundled face, shaped and in right-to-left order
    wait_preview(g)
    assert not [t for t in g.window.rules.texts() if "patient.name" in t]
    name.selectAll()
    type_text(name, "Ann ሀ")  # Ethiopic: no bundled face has it
    wait_preview(g)
    assert any("U+1200" in t for t in g.window.rules.texts())


def test_a_new_name_does_not_lay_out_the_clinician_pages_again(
    qtbot, example_gui, wait_preview
):
    """Counted, not timed: the preview of an edit on page 1 replays the clinician pages that the
    first preview laid out (the app shares the renderer's cache of them)."""
    from ldn_report.render.pdf.shared_pages import SHARED_PAGES

    g = example_gui
    first = g.controller.result
    layouts, reuses = SHARED_PAGES.layouts, SHARED_PAGES.reuses
    name = g.field("patient.name")
    name.selectAll()
    qtbot.keyClicks(name, "Ana Ruiz")
    wait_preview(g)
    assert "Ana Ruiz" in g.shown_text()
    assert g.controller.result.page_count == first.page_count
    assert SHARED_PAGES.layouts == layouts
    assert SHARED_PAGES.reuses > reuses
