"""Patient-facing sections read at Flesch-Kincaid grade 6 or below and SMOG 8 or below
(textstat, pinned), for every example under every built-in template."""

from __future__ import annotations

import functools
import importlib.metadata

import pytest
import textstat

from ldn_report.compose import compose_report
from ldn_report.examples import example_names, load_example
from ldn_report.report import (
    BulletList,
    Callout,
    Checklist,
    ClinicText,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.model import PATIENT_SECTIONS

MAX_GRADE = 6.0
MAX_SMOG = 8.0


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", ":")) else text + "."


def section_text(section: Section) -> str:
    """What a patient reads in one section, as sentences (headings and cells count too)."""
    parts: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts += [p.text for p in block.items]
        elif isinstance(block, Callout):
            parts += [_sentence(block.title), *(p.text for p in block.body)]
        elif isinstance(block, Checklist):
            parts += [block.lead, *block.items]
        elif isinstance(block, Table):
            parts += [_sentence(c) for row in (block.header, *block.rows) for c in row]
        elif isinstance(block, Subheading):
            parts.append(_sentence(block.text))
        elif isinstance(block, ClinicText):
            parts += [p.text for p in block.paragraphs]
    return " ".join(_sentence(p) for p in parts if p.strip())


@functools.cache
def readability() -> list[tuple[float, float, str]]:
    """(FK grade, SMOG, where) for every patient section of every example x built-in."""
    out = []
    for template in builtin_templates():
        for example in example_names():
            # The clinician's own notes are not ours to grade.
            ctx = load_example(example).with_values(notes="")
            report = compose_report(ctx, template=template)
            for section_id in PATIENT_SECTIONS:
                section = report.section(section_id)
                if section is None:
                    continue
                text = section_text(section)
                where = f"{template.name} / {example} / {section_id}"
                out.append((textstat.flesch_kincaid_grade(text), textstat.smog_index(text),
                            where))
    return out


def test_textstat_is_the_pinned_version():
    assert importlib.metadata.version("textstat") == "0.7.3"


@pytest.mark.parametrize("template", [t.name for t in builtin_templates()])
def test_patient_sections_read_at_grade_6_and_smog_8(template):
    rows = [r for r in readability() if r[2].startswith(template + " /")]
    assert rows or template == "Clinician evidence brief"
    too_hard = [f"{where}: FK {fk}, SMOG {smog}" for fk, smog, where in rows
                if fk > MAX_GRADE or smog > MAX_SMOG]
    assert not too_hard, "\n".join(too_hard)


def test_patient_sections_are_not_nearly_empty():
    for template in builtin_templates():
        report = compose_report(load_example("on-dmt-mood-pain"), template=template)
        for section in report.sections:
            if section.id in PATIENT_SECTIONS:
                assert len(section_text(section).split()) >= 20, f"{template.name}/{section.id}"


def test_the_grade_is_measured_on_real_text():
    # A check that cannot fail is no check: hard text must fail the same thresholds.
    hard = ("Naltrexone antagonizes opioid-containing antitussive, antidiarrheal and analgesic "
            "preparations, precipitating withdrawal in physiologically dependent individuals.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE


if __name__ == "__main__":  # print the figures: python tests/test_plain_language.py
    for fk, smog, where in sorted(readability(), reverse=True)[:15]:
        print(f"FK {fk:5.1f}  SMOG {smog:4.1f}  {where}")
    print("worst SMOG:", max(readability(), key=lambda r: r[1]))
