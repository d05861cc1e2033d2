"""Spanish reports: the pack's translation (complete, same numbers and placeholders), one language
from title to references, decimal commas, Babel dates, the unreviewed-translation notice, the
locked opioid text, reading level, and real PDFs for every example under every built-in."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest
import textstat
from babel.dates import format_date as babel_date
from pypdf import PdfReader

from ldn_report.build import build_html, build_report
from ldn_report.compose import OPIOID_SAFETY, compose_report
from ldn_report.context import context_from_dict
from ldn_report.errors import EvidencePackError, InputError
from ldn_report.evidence import (
    default_pack,
    load_pack,
    numbers_in,
    placeholders_in,
    translatable_texts,
    translated_texts,
)
from ldn_report.examples import example_names, load_example
from ldn_report.i18n import report_texts
from ldn_report.i18n.formats import decimal_points
from ldn_report.paths import EVIDENCE_DIR
from ldn_report.report import FactList, Table
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.file_format import load_template, save_template
from ldn_report.templates.model import DEFAULT_TEMPLATE, PATIENT_SECTIONS
from pdf_text import folded, pdf_text, poppler_text
from test_plain_language import section_text

ES = report_texts("es")
TEMPLATES = [t.name for t in builtin_templates()]
# "bastante fácil" or easier: Fernández-Huerta 70 and up; Szigriszt-Pazos (INFLESZ) 65 and up.
MIN_FERNANDEZ_HUERTA = 70.0
MIN_SZIGRISZT_PAZOS = 65.0
GENERATED = dt.date(2026, 11, 26)


def spanish(example: str):
    return load_example(example).with_values(language="es")


@functools.cache
def spanish_pdf(template_name: str, example: str) -> tuple[bytes, object]:
    template = next(t for t in builtin_templates() if t.name == template_name)
    result = build_report(spanish(example), template, generated_on=GENERATED)
    return result.pdf, result.report


@functools.cache
def english_pages(template_name: str, example: str) -> list[str]:
    template = next(t for t in builtin_templates() if t.name == template_name)
    pdf = build_report(load_example(example), template, generated_on=GENERATED).pdf
    return [folded(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _first_page(pages: list[str], text: str) -> int:
    return next(i for i, page in enumerate(pages) if text in page)


# ---- the pack ---------------------------------------------------------------------------------

def test_every_text_of_the_pack_has_spanish_with_its_numbers_and_placeholders():
    pack = default_pack()
    texts = translated_texts(pack.translation("es"))
    english_texts = translatable_texts(pack)
    # patient and clinician statements, study cells, reference notes, the pack's sentences
    assert set(texts) == set(english_texts)
    assert {i for i, st in pack.statements.items() if st.audience == "clinician"} <= set(texts)
    for sid, text in texts.items():
        english = english_texts[sid]
        assert numbers_in(text) == numbers_in(english), sid
        assert placeholders_in(text) == placeholders_in(english), sid
        assert not decimal_points(text), f"{sid}: decimal point in Spanish: {text}"


def test_the_pack_says_who_translated_and_that_no_medical_translator_reviewed_it():
    tr = default_pack().translation("es")
    assert "machine-assisted" in tr.translated_by.lower()
    assert "development team" in tr.translated_by.lower()
    assert tr.reviewed is False
    assert tr.reviewed_on is None


def _pack_copy(tmp_path, edit) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(EVIDENCE_DIR, folder)
    path = folder / "statements.es.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: re.sub(r"(?m)^kp_not_slow = .*\n", "", s), "no text for statement 'kp_not_slow'"),
    (lambda s: s.replace("[text]\n", '[text]\nkp_invented = "Una frase que no existe."\n'),
     "'kp_invented' is not a statement"),
    (lambda s: s.replace("mejoró 3,3 puntos", "mejoró 3,4 puntos"), "exp_goal_mood"),
    (lambda s: s.replace("4,5 mg de LDN", "4.5 mg de LDN"), None),
    (lambda s: s.replace("Usted toma {medicine}", "Usted toma {medicina}"), "placeholder"),
    (lambda s: s.replace("de 7 a 10 días", "de 7 días"), "saf_opioid_free_days"),
    (lambda s: re.sub(r"(?m)^ev_label = .*\n", "", s), "no text for statement 'ev_label'"),
    (lambda s: s.replace("MCS +3,3 (p = 0,04)", "MCS +3,3"), "study.cree2010.findings"),
    (lambda s: s.replace('participants = "40 personas', 'participantes = "40 personas'),
     "study.gironi2008"),
    (lambda s: re.sub(r"(?m)^agrawal2005 = .*\n", "", s),
     "no text for reference note 'reference_note.agrawal2005'"),
    (lambda s: s.replace("comprimidos de 50 mg, no de 4,5 mg", "comprimidos, no de 4,5 mg"),
     "reference_note.naltrexone_label"),
    (lambda s: s.replace("Nueva lista de medicamentos opioides",
                          "Nueva lista (2027) de medicamentos opioides"), "pack.changes[12]"),
])
def test_a_missing_extra_or_changed_translation_breaks_the_pack(tmp_path, edit, message):
    folder = _pack_copy(tmp_path, edit)
    if message is None:  # 4.5 and 4,5 are the same number; the decimal-point test catches it
        pack = load_pack(folder, today=GENERATED)
        assert decimal_points(pack.translation("es").texts["kp_modest"])
        return
    with pytest.raises(EvidencePackError, match=re.escape(message)):
        load_pack(folder, today=GENERATED)


# ---- the context, the CLI and the clinic list ------------------------------------------------

BASE = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "none_yet"}}


@pytest.mark.parametrize("bad", ["fr", "ES", "spanish", 1, ""])
def test_a_bad_language_is_refused_naming_the_field_and_the_allowed_values(bad):
    with pytest.raises(InputError) as info:
        context_from_dict({**BASE, "language": bad})
    assert info.value.field == "language"
    assert "en, es" in str(info.value)


def test_cli_language_overrides_the_context_and_a_bad_one_exits_2(tmp_path):
    out = tmp_path / "r.pdf"
    run = [sys.executable, "-m", "ldn_report", "build", "--example", "on-dmt-mood-pain",
           "-o", str(out)]
    done = subprocess.run([*run, "--language", "es"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out.read_bytes())
    assert ES["heading.key_points"] in text
    assert "Key points" not in text
    bad = subprocess.run([*run, "--language", "fr"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "--language" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize(("value", "english", "spanish"), [
    ("1984-13-40", "is not a real calendar date", "no es una fecha real del calendario"),
    (1984, "must be a date as YYYY-MM-DD text", "debe ser una fecha"),
])
def test_cli_mistakes_are_in_spanish_only_when_language_asks(tmp_path, value, english, spanish):
    # Scripts parse the English; --language es asks for the user's mistakes in Spanish.
    context = tmp_path / "bad.json"
    context.write_text(json.dumps({"schema_version": 1,
                                   "patient": {"name": "Ana", "date_of_birth": value}}))
    run = [sys.executable, "-m", "ldn_report", "build", "--context", str(context),
           "-o", str(tmp_path / "r.pdf")]
    for extra, words, other in (([], english, spanish), (["--language", "es"], spanish, english)):
        done = subprocess.run([*run, *extra], capture_output=True, text=True)
        assert done.returncode == 2
        assert "patient.date_of_birth: " + words in done.stderr
        assert other not in done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_clinic_list_language_column(tmp_path):
    from ldn_report.batch.runner import run_batch

    listing = tmp_path / "list.csv"
    listing.write_text("ms.phenotype,dmt.status,language\nRRMS,declined,es\n"
                       "RRMS,declined,Spanish\nRRMS,declined,\nRRMS,declined,fr\n",
                       encoding="utf-8")
    summary = run_batch(listing, tmp_path / "out", today=GENERATED)
    assert [e.status for e in summary.entries] == ["built", "built", "built", "failed"]
    assert summary.entries[3].column == "language"
    texts = [pdf_text((tmp_path / "out" / e.file).read_bytes()) for e in summary.entries[:3]]
    assert all(ES["heading.key_points"] in t for t in texts[:2])
    assert "Key points" in texts[2]


# ---- one language, from title to references ---------------------------------------------------

def _patient_text(report) -> str:
    return " ".join(section_text(s) for s in report.sections if s.id in PATIENT_SECTIONS)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("example", example_names())
def test_real_spanish_pdf(template, example):
    pdf, report = spanish_pdf(template, example)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert reader.metadata.title == ES["title"]
    pages = [folded(p.extract_text() or "") for p in reader.pages]
    text = " ".join(pages)
    # The notice on page 1 and in every page's footer, until a review is recorded.
    assert folded(ES["translation.unreviewed"])[:70] in pages[0]
    assert all(ES["footer.translation"][:40] in p for p in pages)
    assert all(re.search(r"Página \d+ de \d+", p) for p in pages)
    # A patient on an opioid has the named warning as early as in English: page 1 (except where
    # the English one does not fit there either: a long patient block in large print).
    if "opioid_use" in {h.rule for h in report.hits}:
        english = english_pages(template, example)
        assert _first_page(pages, folded(ES["callout.opioid"])) <= _first_page(
            english, "Important: you take an opioid")
    # The locked opioid text, in Spanish, at full strength.
    pack = default_pack()
    for sid in OPIOID_SAFETY:
        assert folded(pack.statement_text(sid, "es"))[:60] in text, sid
    # Every heading and label in Spanish: the template's own Spanish heading for a section it
    # renames, else the standard one; no English section title or patient label. (The
    # clinician pages keep the pack's English, and say so in Spanish.)
    settings = {s.id: s for s in next(t for t in builtin_templates() if t.name == template)
                .sections}
    for section in report.sections:
        own = settings[section.id].heading_in("es")
        assert section.title == (own or ES[f"heading.{section.id}"]), section.id
    tag = ES["audience.clinicians"]
    patient_pages = text.split(tag)[0]
    facts = [b for s in report.sections for b in s.blocks if isinstance(b, FactList)]
    assert {label for f in facts for label, _ in f.items} <= set(ES.values())
    for english in ("Key points", "Page ", "Evidence pack", "Patient ", "Clinician:",
                    "Appointment", "generated ", "Who to contact", "When What Who", "weeks",
                    "Signature", "Choice", "De-identified", "Not recorded"):
        assert english not in patient_pages, english
    # Numbers with a decimal comma, dates from Babel, in every patient section.
    patient = _patient_text(report)
    assert not decimal_points(patient), decimal_points(patient)
    ctx = spanish(example)
    assert babel_date(ctx.appointment_date, format="long", locale="es") in text
    assert ctx.appointment_date.isoformat() not in patient


def test_spanish_numbers_are_the_english_ones_with_a_decimal_comma():
    english = compose_report(load_example("everything-flagged"), generated_on=GENERATED)
    spanish_report = compose_report(spanish("everything-flagged"), generated_on=GENERATED)
    text = _patient_text(spanish_report)
    for number in ("3,3 puntos", "1,6 puntos", "2,4 puntos", "4,5 mg"):
        assert number in text
    english_numbers = sorted(decimal_points(_patient_text(english)))
    assert english_numbers  # there are decimals to compare
    commas = re.findall(r"(?<![\d,.])\d+,\d+(?![\d,.])", text)
    assert sorted(n.replace(",", ".") for n in commas) == english_numbers


def test_patient_pages_carry_no_english_statement():
    pack = default_pack()
    report = compose_report(spanish("everything-flagged"), generated_on=GENERATED)
    english = {folded(st.text)[:50] for st in pack.statements.values()
               if st.audience == "patient" and not st.slots}
    text = folded(_patient_text(report))
    leaked = [e for e in english if e in text and e not in folded(
        " ".join(pack.statement_text(s, "es") for s in pack.statements))]
    assert not leaked, leaked


def test_clinician_pages_are_spanish_too_by_default():
    pack = default_pack()
    report = compose_report(spanish("everything-flagged"), generated_on=GENERATED)
    evidence = report.section("evidence_summary")
    assert evidence.blocks[0].text.startswith("Resumen de la fuente")
    text = folded(" ".join(section_text(s) for s in report.sections))
    # no English statement, study cell, reference note or pack sentence anywhere
    english = [folded(st.text)[:50] for st in pack.statements.values() if not st.slots]
    english += [folded(c)[:40] for s in pack.studies for c in pack.study_row(s)[1:]]
    english += [folded(r.note)[:40] for r in pack.references if r.note]
    english += [folded(pack.update_policy)[:40], folded(pack.funding_conflicts)[:40]]
    assert not [e for e in english if e in text]
    table = next(b for b in evidence.blocks if isinstance(b, Table))
    assert table.header == (ES["ev.col.study"], ES["ev.col.design"], ES["ev.col.participants"],
                            ES["ev.col.findings"])
    assert "p = 0,04" in text
    assert "p = 0.04" not in text
    assert not decimal_points(" ".join(section_text(s) for s in report.sections
                                       if s.audience == "clinician"))
    assert ES["clinician_pages_note"] not in text
    notes = [e.note for e in report.references if e.note]
    assert notes
    assert all(n == pack.reference_note(pack.reference(e.id), "es")
                         for e in report.references if (n := e.note))


def test_a_template_can_keep_the_clinician_pages_english_and_the_report_says_so(tmp_path):
    pack = default_pack()
    template = _template(tmp_path, "", extra_top='clinician_pages_language = "en"\n')
    assert template.clinician_pages_language == "en"
    report = compose_report(spanish("on-dmt-mood-pain"), template=template,
                            generated_on=GENERATED)
    evidence = report.section("evidence_summary")
    assert evidence.title == ES["heading.evidence_summary"]
    assert evidence.blocks[0].text == ES["clinician_pages_note"]
    assert "inglés" in evidence.blocks[0].text
    assert report.section("references").blocks[0].text == ES["clinician_pages_note"]
    assert pack.statement_text("ev_trial") in section_text(evidence)
    assert [e.note for e in report.references] == [r.note for r in pack.references]
    # the patient pages stay Spanish
    assert report.section("key_points").title == ES["heading.key_points"]
    again = load_template(save_template(template, tmp_path / "copy.toml"))
    assert again.clinician_pages_language == "en"


def test_a_bad_clinician_pages_language_is_refused_naming_the_field(tmp_path):
    with pytest.raises(InputError) as info:
        _template(tmp_path, "", extra_top='clinician_pages_language = "es"\n')
    assert info.value.field == "clinician_pages_language"
    assert "report" in info.value.message


def test_accessible_html_declares_spanish():
    html, _report, _ = build_html(spanish("takes-opioids"), generated_on=GENERATED)
    assert '<html lang="es">' in html
    assert ES["translation.unreviewed"][:40] in html
    assert ES["footer.translation"] in html


def test_accessible_pdf_declares_spanish():
    from ldn_report.compose import content_hash
    from ldn_report.render.accessible_pdf import render_accessible_pdf
    from ldn_report.templates.model import DEFAULT_TEMPLATE

    report = compose_report(spanish("takes-opioids"), generated_on=GENERATED)
    pdf, pages = render_accessible_pdf(report, DEFAULT_TEMPLATE, content_hash(report))
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "es"
    # Its footer and letterhead in Spanish too, with the unreviewed-translation notice
    words = folded(poppler_text(pdf))
    for phrase in (ES["footer.translation"], ES["footer.page"].format(number=1, total=pages),
                   ES["footer.pack"].split("{")[0], ES["footer.generated"].split("{")[0]):
        assert folded(phrase) in words, phrase
    for english in ("Page 1 of", "Evidence pack", "generated "):
        assert folded(english) not in words, english


def test_the_spanish_letterhead_of_the_accessible_twin_has_no_english_labels():
    # The letterhead the accessible PDF lays out: logo alt text and contact labels
    from ldn_report.compose import content_hash
    from ldn_report.render.html import render_html

    template = replace(DEFAULT_TEMPLATE, branding=replace(
        DEFAULT_TEMPLATE.branding, phone="555 0100", website="https://example.org"))
    report = compose_report(spanish("takes-opioids"), template=template, generated_on=GENERATED)
    html = render_html(report, content_hash(report), logo_url="logo.png")
    assert 'alt="Logotipo de ' in html
    assert ES["contact.phone"] in html
    assert ES["contact.website"] in html
    for english in ("Logo of", "Phone:", "Website:"):
        assert english not in html


def test_an_english_report_has_no_translation_notice():
    report = compose_report(load_example("takes-opioids"), generated_on=GENERATED)
    assert report.meta.footer_notice == ""
    assert report.meta.language == "en"
    assert "traduc" not in " ".join(section_text(s) for s in report.sections).lower()


# ---- templates: their language is the default; a clinic can record a review --------------------

def _template(tmp_path, extra: str, language: str = "en", extra_top: str = ""):
    source = (f'format_version = 1\nname = "Riverside"\nlanguage = "{language}"\n{extra_top}'
              '[text]\ncontact = "Call us."\n' + extra)
    path = tmp_path / "t.toml"
    path.write_text(source, encoding="utf-8")
    return load_template(path)


def test_template_language_is_the_default_and_the_context_wins(tmp_path):
    template = _template(tmp_path, '[text.es]\ncontact = "Llámenos."\n', language="es-MX")
    ctx = load_example("on-dmt-mood-pain")
    report = compose_report(ctx, template=template, generated_on=GENERATED)
    assert report.meta.language == "es-MX"
    assert report.section("key_points").title == ES["heading.key_points"]
    english = compose_report(ctx.with_values(language="en"), template=template)
    assert english.section("key_points").title == "Key points"


def test_clinic_text_prints_in_the_report_language_or_not_at_all(tmp_path):
    template = _template(tmp_path, "")
    result = build_report(spanish("on-dmt-mood-pain"), template, generated_on=GENERATED)
    assert "Call us." not in pdf_text(result.pdf)
    assert "text.contact: the template has no Spanish version of the text block Contact (end " \
        "of the safety section); the Spanish report leaves it out" in result.warnings
    template = _template(tmp_path, '[text.es]\ncontact = "Llámenos."\n')
    result = build_report(spanish("on-dmt-mood-pain"), template, generated_on=GENERATED)
    assert "Llámenos." in pdf_text(result.pdf)
    assert "Call us." not in pdf_text(result.pdf)


def test_a_recorded_review_changes_the_notice(tmp_path):
    template = _template(tmp_path, '[translation_review.es]\nreviewer = "Ana Ruiz, CT"\n'
                         'date = 2026-11-20\n')
    result = build_report(spanish("on-dmt-mood-pain"), template, generated_on=GENERATED)
    pages = [folded(p.extract_text() or "") for p in PdfReader(io.BytesIO(result.pdf)).pages]
    assert "Traducción revisada por Ana Ruiz, CT el 20 de noviembre de 2026." in pages[0]
    assert not any(ES["footer.translation"][:40] in p for p in pages)
    assert ES["translation.unreviewed"][:40] not in " ".join(pages)


@pytest.mark.parametrize(("review", "field"), [
    ('reviewer = "Ana"\n', "translation_review.es"),
    ('reviewer = "Ana"\ndate = "yesterday"\n', "translation_review.es.date"),
    ('reviewer = "Ana"\ndate = 2999-01-01\n', "translation_review.es.date"),
    ('reviewer = ""\ndate = 2026-01-01\n', "translation_review.es.reviewer"),
    ('reviewer = "Ana"\ndate = 2026-01-01\nnote = "x"\n', "translation_review.es.note"),
])
def test_a_bad_review_record_is_refused_naming_the_field(tmp_path, review, field):
    with pytest.raises(InputError) as info:
        _template(tmp_path, "[translation_review.es]\n" + review)
    assert info.value.field == field


def test_a_review_record_survives_save_and_load(tmp_path):
    template = _template(tmp_path, '[text.es]\ncontact = "Llámenos."\n'
                         '[translation_review.es]\nreviewer = "Ana"\ndate = 2026-11-20\n')
    again = load_template(save_template(template, tmp_path / "copy.toml"))
    assert again.translation_reviews == template.translation_reviews
    assert again.texts_by_language == template.texts_by_language


# ---- plain, consistent terms -----------------------------------------------------------------

@pytest.mark.parametrize("template", TEMPLATES)
def test_placebo_and_tme_are_explained_where_a_reader_first_meets_them(template):
    """One word for each thing (placebo, TME), said in full the first time a patient section
    uses it, in every example under every built-in (translator review, issue 14)."""
    chosen = next(t for t in builtin_templates() if t.name == template)
    for example in example_names():
        report = compose_report(spanish(example), template=chosen, generated_on=GENERATED)
        text = _patient_text(report)
        assert "pastilla sin medicamento" not in text.replace(
            "placebo (una pastilla sin medicamento)", "")
        if "placebo" in text:
            first = text.index("placebo")
            assert text[first:].startswith("placebo (una pastilla sin medicamento)"), example
        if "TME" in text:
            assert text.index("TME") == text.index("enfermedad (TME)") + len("enfermedad ("), \
                example


# ---- reading level in Spanish -----------------------------------------------------------------

@functools.cache
def spanish_readability() -> list[tuple[float, float, str]]:
    textstat.set_lang("es")
    try:
        out = []
        for template in builtin_templates():
            for example in example_names():
                ctx = spanish(example).with_values(notes="")
                report = compose_report(ctx, template=template, generated_on=GENERATED)
                for section_id in PATIENT_SECTIONS:
                    section = report.section(section_id)
                    if section is not None:
                        text = section_text(section)
                        out.append((textstat.fernandez_huerta(text),
                                    textstat.szigriszt_pazos(text),
                                    f"{template.name} / {example} / {section_id}"))
        return out
    finally:
        textstat.set_lang("en_US")


def test_spanish_patient_sections_read_bastante_facil_or_easier():
    rows = spanish_readability()
    assert len(rows) > 100
    too_hard = [r for r in rows
                if r[0] < MIN_FERNANDEZ_HUERTA or r[1] < MIN_SZIGRISZT_PAZOS]
    assert not too_hard, too_hard


def test_the_spanish_formulas_can_fail():
    textstat.set_lang("es")
    try:
        hard = ("La naltrexona antagoniza las preparaciones analgésicas, antitusígenas y "
                "antidiarreicas que contienen opioides, precipitando la abstinencia en individuos "
                "fisiológicamente dependientes de dichas sustancias farmacológicas.")
        assert textstat.fernandez_huerta(hard) < MIN_FERNANDEZ_HUERTA
    finally:
        textstat.set_lang("en_US")


if __name__ == "__main__":  # print the figures: python tests/test_spanish_report.py
    by_section: dict[str, list[tuple[float, float]]] = {}
    for fh, sp, where in spanish_readability():
        by_section.setdefault(where.rsplit(" / ", 1)[1], []).append((fh, sp))
    print("section               worst FH  worst SP  (every example under every built-in)")
    for section in PATIENT_SECTIONS:
        rows = by_section.get(section, [])
        if rows:
            print(f"{section:20s}  {min(r[0] for r in rows):8.1f}  {min(r[1] for r in rows):8.1f}"
                  f"  ({len(rows)} texts)")
    print("worst Fernandez-Huerta:", min(spanish_readability()))
    print("worst Szigriszt-Pazos:", min(spanish_readability(), key=lambda r: r[1]))
