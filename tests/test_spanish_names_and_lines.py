"""Spanish where a Spanish-speaking clinic reads it: the built-in templates' names (the report's
footer, the same words as the app's), and the command line's own lines and warnings with
`build --language es`; English word for word without it (scripts read those lines)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from ldn_report import cli
from ldn_report.build import build_html, build_report, language_warnings, template_warnings
from ldn_report.colour_contrast import accent_contrast_problem
from ldn_report.examples import load_example
from ldn_report.i18n import cli_texts, report_texts
from ldn_report.i18n.core_messages import known, warning_text
from ldn_report.i18n.template_names import (
    BUILTIN_DESCRIPTIONS,
    BUILTIN_NAMES,
    shown_description,
    shown_name,
)
from ldn_report.i18n.ts_catalogue import translator
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.model import ScheduleRow, SectionSetting
from pdf_text import pdf_text

DAY = dt.date(2026, 11, 26)
ES = translator("es")
# English words of the CLI's lines and warnings that a Spanish line must not keep.
ENGLISH = re.compile(r"\b(wrote|pages|content|warning|chart note|did you mean|looks like|"
                     r"the report|template has no|handout register|Until then)\b")


def _footer(pdf: bytes) -> str:
    """The first page's text (its footer names the template)."""
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


# ---- built-in template names ------------------------------------------------------------------

def test_every_builtin_template_name_is_translated_the_same_in_the_app_and_on_paper():
    assert sorted(t.name for t in builtin_templates()) == sorted(BUILTIN_NAMES)
    for template in builtin_templates():
        spanish = report_texts("es")[f"template.{template.slug}"]
        assert report_texts("en")[f"template.{template.slug}"] == template.name
        assert spanish != template.name
        assert shown_name(template.name, True, ES) == spanish  # the .ts the app and CLI read
    # A clinic's own template keeps its name, even one that reads like a built-in's.
    assert shown_name("Large print", False, ES) == "Large print"
    assert shown_name("Mi plantilla", True, ES) == "Mi plantilla"


def test_every_builtin_template_description_is_translated_and_a_clinics_own_is_not():
    assert sorted(t.description for t in builtin_templates()) == sorted(BUILTIN_DESCRIPTIONS)
    for template in builtin_templates():
        spanish = shown_description(template.description, True, ES)
        assert spanish != template.description
        assert not re.search(r"\b(Every|section|paper|the)\b", spanish), spanish
        assert shown_description(template.description, True, translator("en")) == \
            template.description
    own = builtin_templates()[1].description
    assert shown_description(own, False, ES) == own


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.slug)
def test_the_spanish_footer_names_the_builtin_template_in_spanish(template):
    ctx = load_example("deidentified", today=DAY)
    spanish = report_texts("es")[f"template.{template.slug}"]
    es = build_report(dataclasses.replace(ctx, language="es"), template, generated_on=DAY)
    en = build_report(ctx, template, generated_on=DAY)
    assert f"{spanish} · Paquete de evidencia" in " ".join(_footer(es.pdf).split())
    assert f"{template.name} · Evidence pack" in " ".join(_footer(en.pdf).split())
    # The register and the chart note keep the English name, the key that matches a template.
    assert es.report.meta.template_name == template.name
    assert f'template "{template.name}"' in es.chart_note
    html, _, _ = build_html(dataclasses.replace(ctx, language="es"), template, generated_on=DAY)
    assert f"Plantilla: {spanish}" in html
    assert template.name not in pdf_text(es.pdf)


def test_a_clinics_own_template_says_customized_in_the_reports_language():
    template = dataclasses.replace(builtin_templates()[0], name="Clínica Norte", builtin=False)
    ctx = load_example("deidentified", today=DAY)
    es = build_report(dataclasses.replace(ctx, language="es"), template, generated_on=DAY)
    en = build_report(ctx, template, generated_on=DAY)
    assert "Clínica Norte (plantilla personalizada)" in _footer(es.pdf)
    assert "Clínica Norte (customized template)" in _footer(en.pdf)
    assert es.report.meta.template_name == "Clínica Norte (customized template)"


def test_the_footers_words_for_the_template_leave_the_content_hash_as_it_was():
    """The label is template_name (hashed) in the report's language (hashed): not hashed again."""
    from ldn_report.compose import compose_report, content_hash

    report = compose_report(load_example("deidentified", today=DAY), generated_on=DAY)
    other = dataclasses.replace(report, meta=dataclasses.replace(report.meta,
                                                                 template_label="x"))
    assert content_hash(other) == content_hash(report)


# ---- the command line's lines ------------------------------------------------------------------

def test_every_line_of_the_command_line_is_translated():
    lines = [v for k, v in vars(cli_texts).items()
             if k.isupper() and isinstance(v, str) and k != "CONTEXT"]
    assert len(lines) >= 9
    untranslated = [text for text in lines if ES(cli_texts.CONTEXT, text) == text
                    and text != cli_texts.ERROR]  # "error" is the same word in Spanish
    assert untranslated == []


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_build_language_es_says_what_it_wrote_in_spanish(tmp_path, capsys, suffix):
    out, note = tmp_path / f"r{suffix}", tmp_path / "note.txt"
    argv = ["build", "--example", "takes-opioids", "-o", str(out), "--chart-note", str(note),
            "--register", str(tmp_path / "register.sqlite")]
    assert cli.main(argv) == 0
    english = capsys.readouterr().out.splitlines()
    assert cli.main([*argv, "--language", "es"]) == 0
    spanish = capsys.readouterr().out.splitlines()
    if suffix == ".pdf":
        assert re.fullmatch(rf"wrote {re.escape(str(out))} \(\d+ pages, content \w{{10}}\)",
                            english[0])
        assert re.fullmatch(rf"se escribió {re.escape(str(out))} \(\d+ páginas, contenido "
                            r"\w{10}\)", spanish[0])
    else:
        assert re.fullmatch(rf"wrote {re.escape(str(out))} \(HTML, content \w{{10}}\)",
                            english[0])
        assert re.fullmatch(rf"se escribió {re.escape(str(out))} \(HTML, contenido \w{{10}}\)",
                            spanish[0])
    assert english[1] == f"wrote chart note {note}"
    assert spanish[1] == f"se escribió la nota para la historia clínica {note}"
    assert not ENGLISH.search(" ".join(spanish))


def test_build_language_es_gives_its_warnings_in_spanish(tmp_path, capsys):
    context = tmp_path / "c.json"
    context.write_text('{"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": '
                       '"none_yet"}, "medications": ["vicodn"], "notes": "Nota \U00010000"}',
                       encoding="utf-8")
    argv = ["build", "--context", str(context), "-o", str(tmp_path / "r.pdf"),
            "--register", str(tmp_path / "register.sqlite")]
    assert cli.main(argv) == 0
    english = capsys.readouterr().err.splitlines()
    assert cli.main([*argv, "--language", "es"]) == 0
    spanish = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[1] for line in english] == ["medications[0]", "notes"]
    assert english[0].startswith("warning: medications[0]: did you mean Vicodin?")
    assert spanish == [
        "aviso: medications[0]: ¿quería decir Vicodin? «vicodn» se parece a Vicodin, que "
        "contiene hydrocodone, un opioide; el informe no tiene advertencia de opioides para él "
        "hasta que se corrija la ortografía o se marque la casilla de opioides",
        "aviso: notes: las fuentes del informe no pueden dibujar U+10000; estos caracteres se "
        "imprimen como un signo de sustitución"]


def _every_kind_of_warning() -> list[str]:
    """One warning of every kind a build gives (build.py, the register, the pack's review)."""
    ctx = load_example("deidentified", today=DAY)
    ctx = dataclasses.replace(ctx, medications=("vicodn", "percoset", "tramadl"),
                              notes="\U00010000", language="es")
    template = dataclasses.replace(
        builtin_templates()[0], builtin=False, text_blocks={"introduction": "Hello"},
        texts_by_language={},
        sections=(SectionSetting("key_points", heading="The gist"),),
        schedule=(ScheduleRow("Day 1", "Start", "Nurse", 0),),
        branding=dataclasses.replace(builtin_templates()[0].branding, accent_colour="#A0C8F0"))
    warnings = [*build_report(ctx, template, generated_on=DAY).warnings,
                *template_warnings(template), *language_warnings(ctx, template),
                "handout register not written: database is locked; the record is queued and "
                "retried next time",
                "handout register not written: database is locked; the record could not be "
                "queued either (No space left on device)",
                "The evidence pack 1.1.0 was due for review by 2027-11-26; reports still build, "
                "but ask for an updated pack."]
    assert accent_contrast_problem("#A0C8F0")
    return list(dict.fromkeys(warnings))


def test_every_kind_of_build_warning_is_known_and_spanish():
    warnings = _every_kind_of_warning()
    kinds = {re.sub(r"\W.*", "", w.split(": ", 1)[0]) for w in warnings}
    assert kinds >= {"medications", "notes", "branding", "text", "sections", "schedule",
                     "handout", "The"}
    for warning in warnings:
        message = warning.split(": ", 1)[1] if re.match(r"[\w.\[\]]+: ", warning) else warning
        assert known(message) or known(warning), warning
        spanish = warning_text(warning, ES)
        assert spanish != warning
        assert not ENGLISH.search(spanish), spanish
        assert warning_text(warning, translator("en")) == warning


def test_translation_warnings_name_the_language_and_the_place_in_words():
    """No language code (es) and no key path (sections[2].es.heading) in what a warning says:
    the language in words, a section by its number and heading, a text block by its name."""
    from ldn_report.context import LANGUAGE_LABELS
    from ldn_report.i18n.core_messages import WORDS, warning_message
    from ldn_report.templates.clinic_text import TEXT_BLOCKS

    assert set(LANGUAGE_LABELS.values()) | set(TEXT_BLOCKS.values()) <= set(WORDS)
    warnings = [w for w in _every_kind_of_warning() if re.match(r"(text|sections|schedule)\b", w)]
    assert {w.split("[")[0].split(".")[0] for w in warnings} == {"text", "sections", "schedule"}
    path = r"\[\d+\]|\w\.\w"
    code = {"en": re.compile(rf"\b(en|es)\b|{path}"),  # Spanish "en" is a word: not after it
            "es": re.compile(rf"\bes\b|\ben (?!(español|inglés)\b)|{path}")}
    for warning in warnings:
        english, spanish = warning_message(warning, translator("en")), warning_message(warning, ES)
        assert warning.endswith(english)  # the CLI's line keeps its field in front
        assert not code["en"].search(english), english
        assert not code["es"].search(spanish), spanish
        assert "Spanish" in english
        assert "español" in spanish
    heading = next(w for w in warnings if w.startswith("sections["))
    number = re.match(r"sections\[(\d+)\]", heading).group(1)
    assert f"section {number} (\u201c" in heading
    assert f"sección {number} (\u00ab" in warning_message(heading, ES)


def test_every_mistake_in_the_build_commands_options_is_spanish(tmp_path, capsys):
    """-o, --chart-note, --example, --template, --accessible: each refusal (exit 2) in Spanish
    with --language es, as the form's mistakes already are; English without it."""
    pdf, folder = str(tmp_path / "r.pdf"), tmp_path / "folder"
    folder.mkdir()
    (tmp_path / "file").write_text("")
    cases = [["--example", "takes-opioids", "-o", str(tmp_path / "r.doc")],
             ["--example", "takes-opioids", "-o", str(folder)],
             ["--example", "takes-opioids", "-o", str(tmp_path / "r.html"), "--accessible"],
             ["--example", "takes-opioids", "-o", pdf, "--chart-note", pdf],
             ["--example", "takes-opioids", "-o", pdf, "--chart-note", str(folder)],
             ["--example", "takes-opioids", "-o", pdf, "--chart-note",
              str(tmp_path / "file" / "note.txt")],
             ["--example", "nobody", "-o", pdf],
             ["--example", "takes-opioids", "--template", "Nonesuch", "-o", pdf]]
    for case in cases:
        assert cli.main(["build", *case]) == 2
        english = capsys.readouterr().err.strip()
        assert cli.main(["build", *case, "--language", "es"]) == 2
        spanish = capsys.readouterr().err.strip()
        assert english.startswith("ldn-report: error: ")
        flag = english.split(": ")[2]
        assert spanish.startswith(f"ldn-report: error: {flag}: ")
        assert spanish != english, case
        assert not re.search(r"\b(give|must|is a|cannot|choose|same file)\b", spanish), spanish
    assert not (tmp_path / "r.pdf").exists()
