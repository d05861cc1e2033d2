"""The app in Spanish: Qt translators from the built .qm, View > Language, the form's texts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGroupBox, QLabel

from ldn_report.context import CHOICE_LABELS, FIELDS, FIELDS_BY_NAME
from ldn_report.gui.app_settings import AppSettings
from ldn_report.gui.context_form import GROUP_ORDER, ContextForm
from ldn_report.gui.language.field_texts import MARKED
from ldn_report.gui.language.translator import ui_language


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_language_follows_the_override_then_the_system_locale():
    assert ui_language("", QLocale("es_ES")) == "es"
    assert ui_language("", QLocale("es_MX")) == "es"
    assert ui_language("", QLocale("de_DE")) == "en"
    assert ui_language("en", QLocale("es_ES")) == "en"
    assert ui_language("es", QLocale("en_GB")) == "es"


def test_spanish_menus_actions_and_form(spanish_window):
    w = spanish_window
    assert menu_titles(w) == ["&Archivo", "&Editar", "&Ver", "&Plantillas", "A&yuda"]
    assert w.export_action.text() == "E&xportar PDF…"
    assert w.print_action.text() == "&Imprimir…"
    assert w.language_menu.title().startswith("&Idioma / Language")
    groups = [b.title() for b in w.form.findChildren(QGroupBox)]
    assert {"Paciente", "Tratamiento", "Revisión de seguridad",
            "Profesional sanitario"} <= set(groups)
    labels = {label.text() for label in w.form.findChildren(QLabel)}
    assert {"Fecha de nacimiento", "Tipo de EM", "Fecha de la consulta"} <= labels
    phenotype = w.form.inputs["ms.phenotype"]
    assert "EM remitente-recurrente" in [phenotype.itemText(i) for i in range(phenotype.count())]
    assert w.form.inputs["safety.opioid_use"].text() == "Toma algún opioide"
    assert w.form.goal_boxes["fatigue"].text() == "Fatiga"
    # The values stay the format's codes whatever the interface language.
    phenotype.setCurrentIndex(phenotype.findData("RRMS"))
    assert w.form.values()["ms.phenotype"] == "RRMS"


def test_the_opioid_notes_are_spanish_and_keep_the_medicine_as_typed(spanish_window):
    form = spanish_window.form
    form.medicine_list.set_items(["Tramadol %1 50 mg"])
    form._medicines_changed()
    note = form.medicine_list.note.text()
    assert "Opioide: Tramadol %1 50 mg contiene" in note
    assert "«Toma algún opioide» sigue marcada" in note


def test_view_language_is_remembered(gui):
    w = gui.window
    assert w.language_actions[""].isChecked()  # the default follows the system
    w.language_actions["es"].trigger()
    assert AppSettings.load().language == "es"
    assert "next time" in w.status_label.text()
    w.language_actions[""].trigger()
    assert AppSettings.load().language == ""


@pytest.mark.parametrize("stored", ["fr", 3, None, "ES"])
def test_an_unknown_language_setting_falls_back_to_the_system(stored):
    assert AppSettings.from_dict({"language": stored}).language == ""


@pytest.mark.parametrize(("env", "setting", "expected"), [
    ("es_ES.UTF-8", "", "&Archivo"),
    ("en_US.UTF-8", "es", "&Archivo"),
    ("es_ES.UTF-8", "en", "&File"),
])
def test_the_app_starts_in_the_language_of_the_system_or_the_override(
        tmp_path, env, setting, expected):
    """The real start-up (main's order: settings, translator, window) in a fresh process."""
    config = tmp_path / "config" / "ldn-report"
    config.mkdir(parents=True)
    (config / "gui-settings.json").write_text(json.dumps({"language": setting}))
    code = textwrap.dedent("""
        from ldn_report.gui.app import application, create_main_window
        from ldn_report.gui.app_settings import AppSettings
        from ldn_report.gui.language.translator import install_translator
        app = application()
        settings = AppSettings.load()
        install_translator(app, settings.language)
        window, controller = create_main_window(settings)
        print(window.menuBar().actions()[0].text())
        controller.builder.shutdown()
        controller.drafts.discard()
    """)
    env_vars = {**os.environ, "LANG": env, "LC_ALL": env, "LANGUAGE": "",
                "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "st")}
    run = subprocess.run([sys.executable, "-c", code], env=env_vars, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == expected


def test_every_core_form_text_is_marked_for_translation():
    """Field labels, help, choice labels and groups come from the core (no Qt there): each
    must be in field_texts.MARKED, or lupdate never sees it and the form shows English."""
    wanted = {s.label for s in FIELDS} | {s.help for s in FIELDS if s.help}
    wanted |= {text for labels in CHOICE_LABELS.values() for text in labels.values()}
    wanted |= set(GROUP_ORDER)
    assert sorted(wanted - set(MARKED)) == []


@pytest.mark.skipif("language" not in FIELDS_BY_NAME,
                    reason="the core's report language field (branch es-report) not there yet")
def test_report_language_choice_sets_the_context_field(gui):
    combo = gui.field("language")
    assert combo.currentData() is None
    assert gui.form.values()["language"] is None  # not given: the template's language
    combo.setCurrentIndex(combo.findData("es"))
    assert gui.form.values()["language"] == "es"
    gui.form.set_values({"language": "en"})
    assert combo.currentData() == "en"
    gui.form.set_values({})
    assert combo.currentData() is None


def _form_mistakes() -> list[tuple[str, object]]:
    """Each kind of mistake the form lets a user make, for every field of that kind."""
    cases: list[tuple[str, object]] = []
    for spec in FIELDS:
        if spec.kind == "date":
            cases += [(spec.name, "1984-13-45"), (spec.name, "soon"), (spec.name, "2999-01-01"),
                      (spec.name, "1850-01-01")]
        elif spec.kind in ("str", "text"):
            cases.append((spec.name, "x" * (spec.max_length + 1)))
            cases.append((spec.name, "a\u202eb"))  # hidden where refused, removed elsewhere
        elif spec.kind == "str_list":
            cases += [(spec.name, [""]), (spec.name, ["x" * 500]), (spec.name, ["a"] * 200),
                      (spec.name, ["a\x07b"])]
    return cases


@pytest.mark.parametrize(("name", "value"), _form_mistakes())
def test_every_form_mistake_is_explained_in_spanish(spanish, name, value):
    from ldn_report.gui.main_controller import validate_form

    ctx, errors = validate_form({**ContextForm().values(), name: value})
    assert name in errors or ctx is not None
    if ctx is not None:
        return  # allowed (hidden characters are taken out of free text)
    for field, message in errors.items():
        english = re.findall(r"\b(must|is|not|allowed|retype|characters|item|date|write)\b",
                             message)
        assert english == [], (field, message)


def test_core_messages_known_in_english_and_rebuilt_unchanged(qapp):
    """Without a translator the table gives the core's exact English back (CLI wording)."""
    from ldn_report.gui.language.core_messages import core_message, known
    from ldn_report.gui.main_controller import validate_form

    for name, value in _form_mistakes():
        _ctx, errors = validate_form({**ContextForm().values(), name: value})
        for message in errors.values():
            assert known(message), message
            assert core_message(message) == message
