"""What every report of a template and language has in common is made once per process and shared
(batch rows, the app's re-renders): the numbered references, the clinic's parsed text blocks, the
timeline drawing, the tables' column widths. Shared or made anew, the pages are the same; the
content hash, serialised without dataclasses.asdict, is the same hash."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ldn_report.build import build_report
from ldn_report.compose import clinician_sections, compose_report, content_hash
from ldn_report.examples import example_names, load_example
from ldn_report.render.pdf import columns, timeline
from ldn_report.report import ReferenceList
from ldn_report.templates import clinic_text
from ldn_report.templates.catalogue import builtin_templates

DAY = dt.date(2026, 11, 26)
TEMPLATES = {t.name: t for t in builtin_templates()}


def _asdict_hash(report) -> str:
    """The content hash as it was first written: the JSON of dataclasses.asdict."""
    payload = dataclasses.asdict(report)
    payload["meta"].pop("generated_on")
    payload["meta"].pop("template_label")
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str)
                          .encode("utf-8")).hexdigest()[:10]


def test_content_hash_is_the_hash_of_the_asdict_json():
    count = 0
    for name in example_names():
        for template in TEMPLATES.values():
            for language in ("en", "es"):
                ctx = dataclasses.replace(load_example(name), language=language)
                report = compose_report(ctx, None, template, DAY)
                assert content_hash(report) == _asdict_hash(report), (name, template.name,
                                                                      language)
                count += 1
    assert count == len(example_names()) * len(TEMPLATES) * 2


def _references(report) -> ReferenceList:
    return next(block for section in report.sections for block in section.blocks
                if isinstance(block, ReferenceList))


def test_references_are_made_once_per_pack_and_language():
    first, second = load_example("on-dmt-mood-pain"), load_example("takes-opioids")
    made = [_references(compose_report(ctx, None, TEMPLATES["Standard Letter"], DAY))
            for ctx in (first, second)]
    assert made[0].entries is made[1].entries
    spanish = _references(compose_report(dataclasses.replace(first, language="es"), None,
                                         TEMPLATES["Standard Letter"], DAY))
    assert spanish.entries is not made[0].entries
    assert [e.note for e in spanish.entries] != [e.note for e in made[0].entries]


def test_clinic_texts_are_parsed_once_per_text():
    template = TEMPLATES["Standard Letter"]
    clinic_text._parsed.cache_clear()
    compose_report(load_example("on-dmt-mood-pain"), None, template, DAY)
    parsed = clinic_text._parsed.cache_info().misses
    assert parsed >= 1  # the template has text blocks, in English
    compose_report(load_example("takes-opioids"), None, template, DAY)
    assert clinic_text._parsed.cache_info().misses == parsed


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
@pytest.mark.parametrize("name", ["Standard Letter", "Large print"])
def test_the_timeline_and_table_widths_are_made_once_and_print_the_same(tmp_path: Path, name):
    template = TEMPLATES[name]
    ctx = load_example("on-dmt-mood-pain")
    timeline._latin_drawing.cache_clear()
    columns._widths.cache_clear()
    clinician_sections._REFERENCES.clear()
    clinic_text._parsed.cache_clear()
    fresh = build_report(ctx, template, generated_on=DAY, shared_pages=False)
    assert timeline._latin_drawing.cache_info().misses == 1
    tables = columns._widths.cache_info().misses
    assert tables >= 1
    again = build_report(ctx, template, generated_on=DAY, shared_pages=False)
    build_report(load_example("takes-opioids"), template, generated_on=DAY, shared_pages=False)
    info = timeline._latin_drawing.cache_info()
    # Laying out measures it more than once per report: all of them from the one drawing.
    assert info.misses == 1
    assert info.hits >= 2
    assert columns._widths.cache_info().misses == tables  # the same tables in both patients'
    assert again.content_hash == fresh.content_hash
    assert _page_images(fresh.pdf, tmp_path, "fresh") == _page_images(again.pdf, tmp_path,
                                                                        "again")


def _page_images(pdf: bytes, folder: Path, name: str) -> list[bytes]:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", path, folder / name], check=True)
    return [p.read_bytes() for p in sorted(folder.glob(f"{name}-*.png"))]
