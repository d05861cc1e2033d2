"""The Spanish app names the built-in templates in Spanish (main window, batch window, template
editor) while files, settings and the batch still use their English names, the keys."""

from __future__ import annotations

from ldn_report.examples import load_example
from ldn_report.gui.batch_dialog import BatchDialog
from ldn_report.gui.template_editor import TemplateEditor
from ldn_report.i18n import report_texts
from ldn_report.templates.catalogue import builtin_templates

SPANISH = {t.name: report_texts("es")[f"template.{t.slug}"] for t in builtin_templates()}


def test_the_main_windows_list_is_spanish_and_picks_the_english_keyed_template(spanish, gui):
    combo = gui.window.template_combo
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown[:len(SPANISH)] == list(SPANISH.values())
    combo.setCurrentIndex(shown.index("Letra grande"))
    assert gui.controller.template.name == "Large print"


def test_the_batch_window_shows_spanish_and_runs_the_english_name(qtbot, spanish):
    dialog = BatchDialog(None, "Large print")
    qtbot.addWidget(dialog)
    assert dialog.template_box.currentText() == "Letra grande"
    assert dialog.template_box.currentData() == "Large print"  # what the batch looks up
    shown = {dialog.template_box.itemText(i) for i in range(dialog.template_box.count())}
    assert set(SPANISH.values()) <= shown
    assert not set(SPANISH) & shown


def test_the_template_editor_lists_and_copies_under_spanish_names(qtbot, spanish, monkeypatch):
    editor = TemplateEditor(None, load_example("on-dmt-mood-pain"))
    qtbot.addWidget(editor)
    try:
        items = [editor.list.item(i).text() for i in range(editor.list.count())]
        assert items[:len(SPANISH)] == [f"{name}  (incluida)" for name in SPANISH.values()]
        assert "Estándar, carta (EE. UU.)" in editor.status.text()  # "… is built in"
        asked: list[str] = []
        monkeypatch.setattr(editor, "ask_name",
                            lambda title, suggested: asked.append(suggested))
        editor.duplicate()
        assert asked == ["Copia de Estándar, carta (EE. UU.)"]
    finally:
        editor.builder.shutdown()
