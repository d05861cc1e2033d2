"""Every window in Spanish: the template editor (with its Languages tab), the batch window, the
History window, the rules panel's descriptions and the core's notes on a typed path."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from ldn_report.batch.paths import check_list_path, check_output_folder
from ldn_report.compose import compose_report
from ldn_report.examples import load_example
from ldn_report.gui.batch_dialog import BatchDialog
from ldn_report.gui.history_view import HistoryView
from ldn_report.gui.language import rule_texts, template_texts
from ldn_report.gui.language.core_messages import core_message, known
from ldn_report.gui.language.rule_texts import rule_hit_text
from ldn_report.gui.main_window import RulesPanel
from ldn_report.gui.template_editor import TemplateEditor
from ldn_report.rules import RULES
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.clinic_text import TEXT_BLOCKS
from ldn_report.templates.model import DEFAULT_HEADINGS, SIGNATURE_ROLES

# English words that must not be left on a Spanish window (whole words, as shown).
ENGLISH = ("Template", "Save", "Choose", "Output", "folder", "Search", "Since", "Close", "Rule",
           "Takes", "Goal", "heading", "Clinic")


def _texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton)
            if w.text()]


def _english_left(texts: list[str]) -> list[str]:
    return [t for t in texts if any(f" {w} " in f" {t} " for w in ENGLISH)]


def test_every_core_name_the_template_editor_shows_is_marked():
    wanted = set(DEFAULT_HEADINGS.values()) | set(TEXT_BLOCKS.values()) | set(
        SIGNATURE_ROLES.values())
    assert sorted(wanted - set(template_texts.MARKED)) == []


def test_every_rule_description_is_marked():
    assert sorted({r.description for r in RULES} - set(rule_texts.MARKED)) == []


def test_template_editor_in_spanish(qtbot, spanish):
    editor = TemplateEditor(None, load_example("on-dmt-mood-pain"))
    qtbot.addWidget(editor)
    try:
        assert editor.windowTitle() == "Plantillas de la clínica"
        tabs = [editor.form.tabText(i) for i in range(editor.form.count())]
        assert tabs == ["General", "Identidad", "Secciones", "Textos", "Calendario", "Registro",
                        "Idiomas"]
        assert _english_left(_texts(editor)) == []
        table = editor.form.sections_table
        assert table.item(1, 1).text() == "Puntos clave"
    finally:
        editor.builder.shutdown()


def test_builtin_template_descriptions_are_spanish_in_every_list(qtbot, spanish,
                                                                 spanish_window):
    """The template editor's list, the main window's and the batch window's template boxes:
    a built-in's description (the tooltip) in Spanish, its file's English unchanged."""
    from PySide6.QtCore import Qt

    from ldn_report.i18n.template_names import BUILTIN_DESCRIPTIONS

    editor = TemplateEditor(None, load_example("on-dmt-mood-pain"))
    batch = BatchDialog(None)
    qtbot.addWidget(editor)
    qtbot.addWidget(batch)
    try:
        tips = {"editor": [editor.list.item(i).toolTip() for i in range(editor.list.count())]}
        for where, box in (("main", spanish_window.template_combo),
                           ("batch", batch.template_box)):
            tips[where] = [box.itemData(i, Qt.ItemDataRole.ToolTipRole)
                           for i in range(box.count())]
        english = sorted(BUILTIN_DESCRIPTIONS)
        for where, shown in tips.items():
            assert len(shown) >= len(english), where
            assert not set(shown) & set(english), where
            assert [t for t in shown if t.startswith(("Todas las secciones", "Para el equipo"))]
            assert _english_left(shown) == []
        assert sorted(t.description for t in builtin_templates()) == english
    finally:
        editor.builder.shutdown()


def test_batch_and_history_windows_in_spanish(qtbot, spanish):
    batch = BatchDialog(None)
    history = HistoryView(None)
    qtbot.addWidget(batch)
    qtbot.addWidget(history)
    assert batch.windowTitle() == "Lote del día de consulta"
    assert history.windowTitle() == "Historial de entregas"
    assert _english_left(_texts(batch) + _texts(history)) == []
    batch.list_edit.setText("relative.csv")
    assert batch.list_note.text().startswith("Escriba la ruta completa")


def test_rules_panel_descriptions_in_spanish(qtbot, spanish):
    ctx = load_example("everything-flagged")
    medicines = ("Ultracet 37.5/325 mg", "tramadl")
    report = compose_report(ctx.with_values(medications=medicines))
    panel = RulesPanel()
    qtbot.addWidget(panel)
    panel.show_hits(report.hits, (), medicines)
    shown = [panel.item(i).text() for i in range(panel.count())]
    assert len(shown) == len(report.hits)
    assert _english_left(shown) == []
    assert any("Ultracet 37.5/325 mg, contiene tramadol" in t for t in shown)
    assert any("¿quería decir tramadol?" in t for t in shown)


def test_rule_texts_are_the_core_descriptions_in_english(qapp):
    ctx = load_example("everything-flagged").with_values(medications=("Ultracet", "tramadl"))
    report = compose_report(ctx)
    for hit in report.hits:
        assert rule_hit_text(hit, ctx.medications) == hit.description, hit.rule


def test_every_note_on_a_typed_path_is_known(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    a_file = tmp_path / "list.csv"
    a_file.write_text("x", encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    typed = ["relative.csv", "~nosuchuser-xyz/list.csv", "a\x00b", str(tmp_path / "missing"),
             str(a_file / "below"), str(folder), str(fifo), str(tmp_path / "new" / "x")]
    notes = {check(t).note for t in typed for check in (check_list_path, check_output_folder)}
    notes.discard("")
    assert len(notes) >= 7
    assert [n for n in notes if not known(n)] == []


@pytest.mark.parametrize("template", [t.name for t in builtin_templates()])
def test_editing_a_template_keeps_its_spanish_words(qtbot, template):
    """The form holds [text.es], headings, plan rows and the review: a built-in's Spanish
    clinic texts survive a round trip through the editor."""
    editor = TemplateEditor(None, load_example("on-dmt-mood-pain"), template)
    qtbot.addWidget(editor)
    try:
        stored = editor.stored
        again = editor.form_template()
        assert again.texts_by_language == stored.texts_by_language
        assert again.schedule == stored.schedule
        assert again.clinician_pages_language == stored.clinician_pages_language
    finally:
        editor.builder.shutdown()


def test_the_languages_tab_writes_headings_plan_rows_and_the_review(qtbot):
    editor = TemplateEditor(None, load_example("on-dmt-mood-pain"))
    qtbot.addWidget(editor)
    try:
        form = editor.form
        words = form.languages
        assert words.language_combo.currentData() == "es"  # the built-ins are English
        row = next(r for r in range(words.headings_table.rowCount())
                   if words.headings_table.item(r, 0).text() == "Puntos clave")
        words.headings_table.item(row, 1).setText("Lo esencial")
        form._add_schedule_row("Week 2", "Call", "Nurse", "2")
        words.schedule_table.item(words.schedule_table.rowCount() - 1, 0).setText("Semana 2")
        last = words.schedule_table.rowCount() - 1
        for col, text in ((1, "Llamada"), (2, "Enfermera")):
            words.schedule_table.item(last, col).setText(text)
        words.reviewer_edit.setText("Ana Ruiz")
        words.review_date_edit.setText("2026-11-20")
        words.clinician_combo.setCurrentIndex(words.clinician_combo.findData("en"))
        template = editor.form_template()
        key_points = next(s for s in template.sections if s.id == "key_points")
        assert key_points.heading_in("es") == "Lo esencial"
        assert template.schedule[-1].in_language("es").when == "Semana 2"
        assert template.translation_reviews["es"].reviewer == "Ana Ruiz"
        assert template.clinician_pages_language == "en"
        # switching the language shown keeps what was typed
        words.language_combo.setCurrentIndex(words.language_combo.findData("en"))
        words.language_combo.setCurrentIndex(words.language_combo.findData("es"))
        assert words.headings_table.item(row, 1).text() == "Lo esencial"
        # a mistake in a language's words shows the Languages tab
        words.schedule_table.item(last, 1).setText("")
        assert editor._validated() is None
        assert form.currentIndex() == form.count() - 1
        assert "schedule[5].es.what" in editor.status.text()
    finally:
        editor.builder.shutdown()


def _template_mistakes() -> list[tuple[str, object]]:
    """Each kind of mistake the template editor lets a clinic make (key path, bad value)."""
    return [
        ("name", ""), ("name", "x" * 200), ("name", 3), ("description", "a\ud800b"),
        ("page.margin_mm", 99), ("page.margin_mm", float("nan")), ("page.margin_mm", "wide"),
        ("text_size", "huge"), ("language", "english!"),
        ("branding.accent_colour", "blue"), ("branding.accent_colour", "#FFD700"),
        ("text.contact", "Call {clinic_fax}"), ("text.contact", "Call {clinic_phone"),
        ("text.contact", "**bold"), ("text.contact", "*italic"),
        ("text.contact", "x" * 5000), ("schedule", []), ("schedule.0.when", ""),
        ("schedule.0.week", -1), ("translation_review.es", {"reviewer": "Ana"}),
        ("translation_review.es", {"reviewer": "Ana", "date": "soon"}),
        ("translation_review.es", {"reviewer": "Ana", "date": "1999-01-01"}),
        ("discussion_record.signatures", []), ("clinician_pages_language", "fr"),
    ]


def _with(doc: dict, path: str, value: object) -> dict:
    import copy

    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    node = doc
    for part in parents:
        node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
    node[int(last) if last.isdigit() else last] = value
    return doc


@pytest.mark.parametrize(("path", "value"), _template_mistakes())
def test_every_template_editor_mistake_is_explained_in_spanish(spanish, path, value):
    from ldn_report.errors import InputError
    from ldn_report.templates.file_format import template_from_dict, template_to_dict
    from ldn_report.templates.model import DEFAULT_TEMPLATE

    with pytest.raises(InputError) as info:
        template_from_dict(_with(template_to_dict(DEFAULT_TEMPLATE), path, value), strict=True)
    message = info.value.message
    assert known(message), message
    english = [w for w in ("must", "allowed", "choose", "write", "closed", "line", "needs")
               if f" {w} " in f" {core_message(message)} "]
    assert english == [], core_message(message)


def test_every_clinic_list_row_mistake_is_known(spanish):
    """The batch window lists each row's problems in the interface language: the clinic
    list reader's whole class of cell mistakes (and a shifted row) is in the table."""
    from ldn_report.batch.clinic_list import HEADER, parse_clinic_list

    def row(**cells: str) -> str:
        return ",".join(cells.get(name, "") for name in HEADER)

    good = {"ms.phenotype": "RRMS", "dmt.status": "declined"}
    rows = [row(**{**good, "ms.phenotype": "XMS"}), row(**{**good, "goals": "flying"}),
            row(**{**good, "goals": "mood;flying;swimming"}), row(**{**good, "dmt.status": "?"}),
            row(**{**good, "safety.opioid_use": "perhaps"}), row(**{**good, "language": "fr"}),
            row(**{**good, "patient.date_of_birth": "1984-13-45"}),
            row(**{**good, "schema_version": "2"}), row(**good) + ",extra"]
    listing = parse_clinic_list(",".join(HEADER) + "\n" + "\n".join(rows) + "\n")
    messages = [p.message for r in listing.rows for p in r.problems]
    assert len(messages) >= len(rows)
    assert [m for m in messages if not known(m)] == []
    assert "an empty cell is no" not in " ".join(core_message(m) for m in messages)


def test_the_spanish_medicine_entry_shows_its_whole_hint(qtbot, spanish, spanish_window):
    entry = spanish_window.form.medicine_list.entry
    assert entry.placeholderText() == "Escriba un medicamento y pulse Intro"
    spanish_window.resize(1280, 720)
    qtbot.wait(50)
    room = entry.contentsRect().width() - 8  # the line edit's own text margins
    assert entry.fontMetrics().horizontalAdvance(entry.placeholderText()) <= room


def test_the_spanish_template_editor_fits_a_small_screen(qtbot, spanish):
    from test_template_editor import SMALL_SCREEN, _controls_fit

    editor = TemplateEditor(None, load_example("on-dmt-mood-pain"))
    qtbot.addWidget(editor)
    try:
        editor.show()
        editor.resize(*SMALL_SCREEN)
        qtbot.waitUntil(lambda: (editor.width(), editor.height()) == SMALL_SCREEN)
        assert editor.minimumSizeHint().width() <= SMALL_SCREEN[0]
        assert _controls_fit(editor) == []
    finally:
        editor.builder.shutdown()
