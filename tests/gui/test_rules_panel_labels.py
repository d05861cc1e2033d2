"""The rules panel labels each build warning by what it is about (font, accent colour,
translation), in the interface language, and does not repeat a misspelt opioid the rule names."""

from __future__ import annotations

import json

import pytest

from ldn_report.build import WARNING_KINDS, BuildWarning
from ldn_report.context import context_to_dict
from ldn_report.examples import load_example
from ldn_report.gui.main_window import WARNING_LABEL, RulesPanel
from ldn_report.templates.catalogue import user_templates_dir

# A clinic's own template: a pale accent and a renamed heading it has not written in Spanish.
SUNNY = """format_version = 1
name = "Sunny Clinic"
language = "en"

[branding]
accent_colour = "#F0E060"

[[sections]]
id = "header"
[[sections]]
id = "key_points"
heading = "The bottom line"
"""

LABELS = {
    "en": {"font": "⚠ Font: ", "accent_colour": "⚠ Accent colour: ",
           "translation": "⚠ Translation: ", "did_you_mean": "did you mean tramadol?"},
    "es": {"font": "⚠ Fuente: ", "accent_colour": "⚠ Color de acento: ",
           "translation": "⚠ Traducción: ", "did_you_mean": "¿quería decir tramadol?"},
}

TRANSLATION = {
    "en": "the template has no Spanish heading for section 2 (\u201cThe bottom line\u201d); "
          "the Spanish report prints the standard heading",
    "es": "la plantilla no tiene título en español para la sección 2 («The bottom line»); el "
          "informe en español imprime el título estándar",
}


def test_every_kind_of_build_warning_has_a_label():
    assert sorted(WARNING_LABEL) == sorted(WARNING_KINDS)


@pytest.fixture
def sunny_template() -> str:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sunny-clinic.toml").write_text(SUNNY, encoding="utf-8")
    return "Sunny Clinic"


@pytest.fixture
def sunny_gui(sunny_template, gui):
    """The main window, made after the clinic's template is in the user's folder."""
    return gui


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_build_warning_is_labelled_for_what_it_is(
        qtbot, request, sunny_gui, sunny_template, wait_preview, tmp_path, language):
    if language == "es":
        request.getfixturevalue("spanish")
    g = sunny_gui
    data = context_to_dict(load_example("on-dmt-mood-pain"))
    data["patient"]["name"] = "Ann ሀ"  # Ethiopic: no bundled face draws it
    data["medications"] = ["tramadl 50 mg"]  # looks like a misspelt opioid
    data["language"] = "es"  # the template has no Spanish for its renamed heading
    path = tmp_path / "patient.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert g.controller.open_path(path, ask=False)
    names = [t.name for t in g.controller.templates]
    g.window.template_combo.setCurrentIndex(names.index(sunny_template))
    wait_preview(g)
    g.window.grab().save(str(tmp_path / f"rules-panel-{language}.png"))

    shown = g.window.rules.texts()
    label = LABELS[language]
    labelled = {kind: [t for t in shown if t.startswith(label[kind])]
                for kind in ("font", "accent_colour", "translation")}
    assert [t.split(": ")[1] for t in labelled["font"]] == ["patient.name"]
    # The accent line's label says what its field would: the colour follows it, not the field.
    [accent] = labelled["accent_colour"]
    assert accent.startswith(f"{label['accent_colour']}#F0E060 ")
    assert "branding" not in accent
    # The translation line names the language and the section in words, no code or key path.
    assert labelled["translation"] == [label["translation"] + TRANSLATION[language]]
    # The misspelt opioid is said once, by its rule (bold, first), not again as a build warning.
    assert len([t for t in shown if label["did_you_mean"] in t]) == 1
    assert not [t for t in shown if "medications[0]" in t]


def test_a_medicine_warning_without_its_rule_line_is_labelled(qtbot):
    panel = RulesPanel()
    qtbot.addWidget(panel)
    text = "medications[0]: did you mean tramadol? “tramadl” looks like tramadol, an opioid"
    panel.show_hits((), (BuildWarning("medicine", text),))
    assert panel.texts() == [f"⚠ Medicine list: {text}"]
