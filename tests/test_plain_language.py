"""Patient-facing sections (2-8 of design.md) read at grade 8 or below (Flesch-Kincaid)."""

from __future__ import annotations

import pytest
import textstat

from ldn_report.compose import compose_report
from ldn_report.examples import example_names, load_example
from ldn_report.report import BulletList, Callout, Checklist, Paragraph, Subheading, Table
from ldn_report.templates.model import PATIENT_SECTIONS

MAX_GRADE = 8.0


def section_text(section) -> str:
    parts: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts += [p.text for p in block.items]
        elif isinstance(block, Callout):
            parts += [p.text for p in block.body]
        elif isinstance(block, Checklist):
            parts += list(block.items)
        elif isinstance(block, Table):
            parts += [". ".join(row) + "." for row in block.rows]
        elif isinstance(block, Subheading):
            parts.append(block.text + ".")
    return " ".join(parts)


@pytest.mark.parametrize("example", example_names())
def test_patient_sections_read_at_grade_8_or_below(example):
    ctx = load_example(example).with_values(notes="")  # the clinician's own notes are not ours
    report = compose_report(ctx)
    for section_id in PATIENT_SECTIONS:
        text = section_text(report.section(section_id))
        assert len(text.split()) >= 20, f"{example}/{section_id} is nearly empty"
        grade = textstat.flesch_kincaid_grade(text)
        assert grade <= MAX_GRADE, f"{example}/{section_id}: grade {grade}"
