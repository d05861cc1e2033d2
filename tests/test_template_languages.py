"""A clinic's own wording per report language: renamed headings ([sections.es]) and its own
monitoring plan ([schedule.es]) print in a Spanish report; what is missing is warned about."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ldn_report.build import build_report
from ldn_report.compose import compose_report, content_hash
from ldn_report.errors import InputError
from ldn_report.examples import example_names, load_example
from ldn_report.i18n import report_texts
from ldn_report.report import Table
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.file_format import load_template, save_template, template_to_toml
from ldn_report.templates.model import LOCKED_SECTIONS
from pdf_text import pdf_text

ES = report_texts("es")
GENERATED = dt.date(2026, 11, 26)
TEMPLATE = """format_version = 1
name = "Riverside"
language = "en"

[[sections]]
id = "header"
[[sections]]
id = "key_points"
heading = "The bottom line"
[sections.es]
heading = "Lo esencial"
[[sections]]
id = "safety"
heading = "Staying safe"
[[sections]]
id = "monitoring"
heading = "Check-ups"
[sections.es]
heading = "Revisiones"

[[schedule]]
when = "Week 2"
what = "Phone call from the nurse."
who = "MS nurse"
week = 2
[schedule.es]
when = "Semana 2"
what = "Llamada de la enfermera."
who = "Enfermera de EM"

[[schedule]]
when = "Week 6"
what = "Clinic visit."
who = "Neurologist"
week = 6
"""


def _load(tmp_path, text: str = TEMPLATE):
    path = tmp_path / "riverside.toml"
    path.write_text(text, encoding="utf-8")
    return load_template(path)


def _spanish():
    return load_example("on-dmt-mood-pain").with_values(language="es")


def test_headings_and_plan_rows_print_in_the_report_language(tmp_path):
    template = _load(tmp_path)
    report = compose_report(_spanish(), template=template, generated_on=GENERATED)
    assert report.section("key_points").title == "Lo esencial"
    assert report.section("monitoring").title == "Revisiones"
    # renamed without a Spanish heading: the standard Spanish one, never the English name
    assert report.section("safety").title == ES["heading.safety"]
    plan = next(b for b in report.section("monitoring").blocks if isinstance(b, Table))
    assert plan.rows[0][:3] == ("Semana 2", "Llamada de la enfermera.", "Enfermera de EM")
    assert plan.rows[1][0] == "Week 6"  # the clinic wrote no Spanish for it: as written
    english = compose_report(load_example("on-dmt-mood-pain"), template=template)
    assert english.section("key_points").title == "The bottom line"
    plan = next(b for b in english.section("monitoring").blocks if isinstance(b, Table))
    assert plan.rows[0][0] == "Week 2"


def test_what_the_clinic_did_not_write_in_spanish_is_named_in_a_warning(tmp_path):
    result = build_report(_spanish(), _load(tmp_path), generated_on=GENERATED)
    warnings = " ".join(result.warnings)
    # The field (the file's key) in front; the message says it in words.
    assert "sections[3].heading: the template has no Spanish heading for section 3 (" in warnings
    assert "schedule[2]: the template has no Spanish version of row 2 of the monitoring " \
        "plan" in warnings
    assert "schedule[1]" not in warnings
    assert "sections[2]" not in warnings
    text = pdf_text(result.pdf)
    assert "Lo esencial" in text
    assert "Semana 2" in text


def test_per_language_words_survive_save_and_load(tmp_path):
    template = _load(tmp_path)
    again = load_template(save_template(template, tmp_path / "copy.toml"))
    assert again.sections == template.sections
    assert again.schedule == template.schedule
    toml = template_to_toml(template)
    assert "[sections.es]" in toml
    assert "[schedule.es]" in toml


def _line_of(text: str) -> int:
    return TEMPLATE.splitlines().index(text) + 1


@pytest.mark.parametrize(("edit", "field", "line"), [
    (lambda s: s.replace('heading = "Lo esencial"', "heading = 3"), "sections[2].es.heading",
     'heading = "Lo esencial"'),
    (lambda s: s.replace('heading = "Lo esencial"', 'titulo = "Lo esencial"'),
     "sections[2].es.titulo", 'heading = "Lo esencial"'),
    (lambda s: s.replace('who = "Enfermera de EM"\n', ""), "schedule[1].es.who", None),
    (lambda s: s.replace('when = "Semana 2"', 'when = ""'), "schedule[1].es.when",
     'when = "Semana 2"'),
    (lambda s: s.replace("[schedule.es]", "[schedule.fr]"), "schedule[1].fr", None),
])
def test_a_bad_translation_in_a_template_is_refused_naming_the_key(tmp_path, edit, field, line):
    with pytest.raises(InputError) as info:
        _load(tmp_path, edit(TEMPLATE))
    assert info.value.field == field
    if line is not None:
        assert f"line {_line_of(line)}:" in str(info.value)


def test_the_locked_section_keeps_its_heading_in_every_language(tmp_path):
    text = TEMPLATE + '[[sections]]\nid = "opioid_safety"\n[sections.es]\nheading = "Otro"\n'
    report = compose_report(_spanish(), template=_load(tmp_path, text), generated_on=GENERATED)
    assert report.section("opioid_safety").title == ES["heading.opioid_safety"]


# -- the built-in templates in Spanish ----------------------------------------------------------

def _own_spanish_heading(setting) -> str:
    """The heading a Spanish report from a built-in must print: the template's own Spanish one
    for a renamed section, else the standard Spanish heading (and always for the locked one)."""
    if setting.heading and setting.id not in LOCKED_SECTIONS:
        return setting.heading_in("es")
    return ES[f"heading.{setting.id}"]


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.slug)
def test_every_builtin_builds_in_spanish_with_its_own_headings_and_no_warning(template):
    renamed = [s for s in template.sections if s.heading and s.id not in LOCKED_SECTIONS]
    assert [s.id for s in renamed if not s.heading_in("es")] == []
    for name in example_names():
        result = build_report(load_example(name).with_values(language="es"), template,
                              generated_on=GENERATED)
        assert result.warnings == (), (template.name, name)
        text = pdf_text(result.pdf)
        for setting in template.visible_sections():
            heading = _own_spanish_heading(setting)
            assert result.report.section(setting.id).title == heading, (name, setting.id)
            assert heading in text, (name, setting.id)
        # the English words of a renamed heading are not printed in place of the Spanish ones
        assert [s.heading for s in renamed if s.visible and s.heading in text] == []


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.slug)
def test_spanish_headings_leave_the_english_reports_as_they_were(template):
    # The same template without its Spanish headings gives the same English reports.
    bare = dataclasses.replace(template, sections=tuple(
        dataclasses.replace(s, headings=()) for s in template.sections))
    for name in example_names():
        ctx = load_example(name).with_values(language="en")
        with_es = compose_report(ctx, template=template, generated_on=GENERATED)
        without = compose_report(ctx, template=bare, generated_on=GENERATED)
        assert content_hash(with_es) == content_hash(without), (template.name, name)
        assert [s.title for s in with_es.sections] == [s.title for s in without.sections]
        renamed = {s.id: s.heading for s in template.visible_sections() if s.heading}
        assert {i: with_es.section(i).title for i in renamed} == renamed
