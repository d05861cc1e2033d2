"""The form's medicine list: typed medicines reach the real PDF, an opioid locks the box, a
near-miss says "did you mean", a bad item gets its message beside the list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ldn_report.examples import load_example
from ldn_report.gui.medicine_list import MedicineListEdit
from ldn_report.gui.template_editor import TemplateEditor
from ldn_report.templates.catalogue import resolve_template


def add(qtbot, medicines: MedicineListEdit, text: str) -> None:
    medicines.entry.setFocus()
    qtbot.keyClicks(medicines.entry, text)
    qtbot.keyClick(medicines.entry, Qt.Key.Key_Return)


def test_an_opioid_in_the_list_names_it_and_locks_the_box(qtbot, example_gui, wait_preview):
    g = example_gui
    medicines = g.field("medications")
    box = g.field("safety.opioid_use")
    changes: list[int] = []
    medicines.changed.connect(lambda: changes.append(1))
    add(qtbot, medicines, "baclofen 10 mg")
    assert box.isEnabled()
    assert not box.isChecked()
    add(qtbot, medicines, "Ultracet 37.5/325 mg")
    assert changes == [1, 1]
    assert medicines.items() == ["baclofen 10 mg", "Ultracet 37.5/325 mg"]
    assert box.isChecked()
    assert not box.isEnabled()  # cannot be unticked while the opioid is listed
    assert "Ultracet 37.5/325 mg contains tramadol" in medicines.note.text()
    wait_preview(g)
    assert "You take Ultracet 37.5/325 mg, which contains tramadol, an opioid." in g.shown_text()
    assert any("Ultracet 37.5/325 mg, contains tramadol" in t for t in g.window.rules.texts())
    assert g.form.values()["medications"] == ["baclofen 10 mg", "Ultracet 37.5/325 mg"]

    medicines.list.setCurrentRow(1)
    medicines.remove_button.click()
    assert box.isEnabled()
    assert not box.isChecked()  # back to how the user had it
    wait_preview(g)
    assert "you take an opioid" not in g.shown_text()


def test_a_near_miss_says_did_you_mean(qtbot, example_gui, wait_preview):
    g = example_gui
    medicines = g.field("medications")
    add(qtbot, medicines, "tramadl 50 mg")
    assert "did you mean tramadol?" in medicines.note.text()
    assert g.field("safety.opioid_use").isEnabled()
    wait_preview(g)
    assert any("did you mean tramadol?" in t for t in g.window.rules.texts())


def test_a_bad_item_gets_its_message_beside_the_list(qtbot, example_gui):
    g = example_gui
    medicines = g.field("medications")
    add(qtbot, medicines, "baclofen")
    medicines.list.item(0).setText("x" * 121)
    g.controller.refresh()
    error = g.form.error_labels["medications"]
    assert error.isVisible()
    assert "item 1 is 121 characters long" in error.text()


def test_loading_a_context_fills_the_list_and_the_lock(qtbot, example_gui):
    g = example_gui
    g.form.set_values({"medications": ["Percocet 5/325"], "safety.opioid_use": False})
    assert g.field("medications").items() == ["Percocet 5/325"]
    assert g.field("safety.opioid_use").isChecked()
    assert not g.field("safety.opioid_use").isEnabled()
    g.form.set_values({})
    assert g.field("medications").items() == []
    assert g.field("safety.opioid_use").isEnabled()


def test_template_editor_shows_the_opioid_section_locked(qtbot):
    d = TemplateEditor(None, load_example("on-dmt-mood-pain"))
    qtbot.addWidget(d)
    d.form.set_template(resolve_template("Standard Letter"))
    table = d.form.sections_table
    row = next(r for r in range(table.rowCount())
               if table.item(r, 1).data(Qt.ItemDataRole.UserRole) == "opioid_safety")
    show, name, heading = (table.item(row, c) for c in range(3))
    assert "locked" in name.text()
    assert show.checkState() == Qt.CheckState.Checked
    assert not show.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not heading.flags() & Qt.ItemFlag.ItemIsEditable
