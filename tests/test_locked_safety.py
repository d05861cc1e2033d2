"""Locked safety content: the opioid safety text and, for a patient on an opioid, the named
page-1 warning are in every report from every template, whatever it hides, renames or reorders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ldn_report.build import build_report
from ldn_report.compose import OPIOID_SAFETY, compose_report
from ldn_report.context import context_from_dict
from ldn_report.errors import InputError
from ldn_report.evidence import default_pack
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.clinic_text import TEXT_BLOCKS
from ldn_report.templates.file_format import (
    LockedSectionWarning,
    load_template,
    save_template,
    template_from_toml,
)
from ldn_report.templates.model import (
    DEFAULT_HEADINGS,
    SECTION_IDS,
    ClinicTemplate,
    SectionSetting,
)
from pdf_text import contains, folded

BASE = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"},
        "appointment_date": "2026-12-01"}
ON_OPIOID = context_from_dict({**BASE, "medications": ["Ultracet 37.5/325 mg"]})
NOT_ON_OPIOID = context_from_dict(BASE)
TICKED = context_from_dict({**BASE, "safety": {"opioid_use": True}})
HEADING = DEFAULT_HEADINGS["opioid_safety"]
DAY = dt.date(2026, 12, 1)


def page_texts(pdf: bytes) -> list[str]:
    return [folded(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def assert_locked_content(pdf: bytes, on_opioid: bool, named: str = "") -> None:
    pages = page_texts(pdf)
    text = " ".join(pages)
    assert HEADING in text
    for sid in OPIOID_SAFETY:
        assert contains(text, default_pack().statement(sid).text), sid
    if on_opioid:
        assert "Important: you take an opioid" in pages[0]
        if named:
            assert named in pages[0]
    else:
        assert "Important: you take an opioid" not in text


# -- the property: random visibility, order, headings and clinic texts --------------------------

section_settings = st.permutations(SECTION_IDS).flatmap(lambda order: st.tuples(*(
    st.builds(SectionSetting, st.just(sid), st.booleans(),
              st.sampled_from(["", "Extras", "Opioids? Not here"]),
              st.sampled_from([None, True, False]))
    for sid in order)))
clinic_texts = st.dictionaries(st.sampled_from(tuple(TEXT_BLOCKS)),
                               st.sampled_from(["Call us.", "**Ignore** the opioid part."]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sections=section_settings, texts=clinic_texts, which=st.sampled_from([0, 1, 2]))
def test_any_section_combination_keeps_the_safety_text_in_the_pdf(sections, texts, which):
    ctx = (NOT_ON_OPIOID, ON_OPIOID, TICKED)[which]
    template = ClinicTemplate(name="Random", builtin=False, sections=sections, text_blocks=texts)
    result = build_report(ctx, template, generated_on=DAY)
    assert_locked_content(result.pdf, on_opioid=which > 0,
                          named="You take Ultracet 37.5/325 mg, which contains tramadol"
                          if which == 1 else "")


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.name)
@pytest.mark.parametrize("ctx", [NOT_ON_OPIOID, ON_OPIOID], ids=["no-opioid", "ultracet"])
def test_every_builtin_template_prints_the_locked_content(template, ctx):
    result = build_report(ctx, template, generated_on=DAY)
    assert_locked_content(result.pdf, on_opioid=ctx is ON_OPIOID,
                          named="You take Ultracet 37.5/325 mg, which contains tramadol")


def test_a_template_hiding_key_points_and_safety_still_warns():
    # The case: it used to build, silently, with no withdrawal warning anywhere.
    base = builtin_templates()[0]
    hidden = tuple(dataclasses.replace(s, visible=s.id not in ("key_points", "safety"))
                   for s in base.sections)
    result = build_report(TICKED, dataclasses.replace(base, sections=hidden), generated_on=DAY)
    assert_locked_content(result.pdf, on_opioid=True)
    assert "sudden, severe withdrawal" in page_texts(result.pdf)[0]


def test_only_evidence_shown_still_gets_the_warning_on_page_1():
    sections = (SectionSetting("evidence_summary", new_page=True),
                *(SectionSetting(s, visible=False) for s in SECTION_IDS
                  if s != "evidence_summary"))
    template = ClinicTemplate(name="Evidence only", builtin=False, sections=sections)
    report = compose_report(ON_OPIOID, template=template, generated_on=DAY)
    assert [s.id for s in report.sections] == ["evidence_summary", "opioid_safety"]
    assert not report.sections[0].page_break_before  # page 1 is never left blank
    assert_locked_content(build_report(ON_OPIOID, template, generated_on=DAY).pdf, True,
                          "You take Ultracet")


# -- template files: refused when validated or saved, warned when loaded -------------------------

HIDES = 'format_version = 1\nname = "Hides"\n[[sections]]\nid = "header"\n' \
        '[[sections]]\nid = "opioid_safety"\nvisible = false\n'
RENAMES = 'format_version = 1\nname = "Renames"\n[[sections]]\nid = "header"\n' \
          '[[sections]]\nid = "opioid_safety"\nheading = "Misc"\n'


@pytest.mark.parametrize(("text", "key"), [(HIDES, "sections[2].visible"),
                                           (RENAMES, "sections[2].heading")])
def test_validate_refuses_hiding_or_renaming_naming_the_key(tmp_path, text, key):
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_template(path, strict=True)
    assert err.value.field == key
    assert "opioid_safety" in err.value.message
    assert "line" in str(err.value)
    proc = subprocess.run([sys.executable, "-m", "ldn_report", "templates", "validate",
                           str(path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert key in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("text", [HIDES, RENAMES])
def test_an_existing_file_that_hides_it_loads_with_a_warning(tmp_path, text):
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(LockedSectionWarning, match="opioid_safety"):
        template = load_template(path)
    shown = [s for s in template.visible_sections() if s.id == "opioid_safety"]
    assert shown
    assert shown[0].title == HEADING
    assert_locked_content(build_report(TICKED, template, generated_on=DAY).pdf, True)


def test_save_refuses_a_template_that_hides_it(tmp_path):
    base = builtin_templates()[0]
    hidden = tuple(dataclasses.replace(s, visible=s.id != "opioid_safety") for s in base.sections)
    template = dataclasses.replace(base, name="Mine", builtin=False, sections=hidden)
    target = tmp_path / "mine.toml"
    with pytest.raises(InputError, match="opioid_safety"):
        save_template(template, target)
    assert not target.exists()


def test_older_files_without_the_section_get_it_after_safety(tmp_path):
    text = ('format_version = 1\nname = "Old"\n' + "".join(
        f'[[sections]]\nid = "{s}"\n' for s in SECTION_IDS if s != "opioid_safety"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing hidden: no warning
        template = template_from_toml(text, strict=True)
    ids = [s.id for s in template.visible_sections()]
    assert ids[ids.index("safety") + 1] == "opioid_safety"


def test_builtin_files_validate_strictly():
    folder = Path(builtin_templates()[0].source).parent
    for path in sorted(folder.glob("*.toml")):
        load_template(path, builtin=True, strict=True)


# -- the named warning stays on page 1 however long the patient's facts box is ------------------

LONG_FACTS = context_from_dict({
    **BASE,
    "patient": {"name": "Αλεξάνδρα Παπαδοπούλου-Ivanova Moreau-Lefèvre de la Fontaine",
                "date_of_birth": "1988-01-09", "mrn": "MS-900001-LONG-RECORD-NUMBER"},
    "dmt": {"status": "on_dmt_not_tolerating", "name": "interferon beta-1a (a long DMT name)"},
    "goals": ["mood", "pain", "cognition", "fatigue", "quality_of_life", "slow_progression",
              "fewer_relapses", "replace_dmt"],
    "clinician": {"name": "Dr. Jean-Baptiste Moreau-Lefèvre",
                  "role": "Consultant neurologist, MS service"},
    "medications": ["baclofen 10 mg", "gabapentin 300 mg", "Ultracet 37.5/325 mg",
                    "Norco 5/325 mg tablet", "fentanyl 25 mcg/h patch"],
})


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.name)
def test_named_warning_is_on_page_1_even_with_a_long_facts_box(template, language):
    # Large print with a long facts box once pushed the warning onto page 2.
    ctx = dataclasses.replace(LONG_FACTS, language=language)
    pages = page_texts(build_report(ctx, template, generated_on=DAY).pdf)
    for medicine in ("Ultracet 37.5/325 mg", "Norco 5/325 mg tablet", "fentanyl 25 mcg/h patch"):
        assert folded(medicine) in pages[0], (template.name, language, medicine)
