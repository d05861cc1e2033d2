"""No report prints an internal name: every example under every built-in template, in English
and Spanish, as the PDF (its text and metadata) and the HTML twin (its text and the words a
screen reader reads: alt, title, aria-label). An id like saf_opioid_told, a file name like
opioids.toml, a rule, section or field name, or a report-text key means nothing to a clinician."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from ldn_report.build import build_html, build_report
from ldn_report.context import FIELDS
from ldn_report.errors import EvidencePackError
from ldn_report.evidence import default_pack, internal_names_in, load_pack
from ldn_report.examples import example_names, load_example
from ldn_report.i18n import report_texts
from ldn_report.rules import RULES
from ldn_report.templates.catalogue import builtin_templates
from ldn_report.templates.model import SECTION_IDS
from pdf_text import poppler_text

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"),
                                reason="poppler-utils (pdftotext) not installed")

DAY = dt.date(2026, 11, 26)
PACK_DIR = Path(__file__).resolve().parent.parent / "resources" / "evidence" / "ldn-ms"


def _names() -> set[str]:
    """Rule, section and field names and the report texts' keys (fact.patient, ev.changes);
    those that are plain words (safety, notes) cannot be told from the words they are."""
    names = {i for i in (*(r.id for r in RULES), *SECTION_IDS) if "_" in i}
    names |= {f.name for f in FIELDS if "_" in f.name or "." in f.name}
    names |= {k for k in report_texts("en") if "." in k}
    return names


NAMES = _names()


def internal_names(text: str) -> list[str]:
    """The internal names ``text`` holds (the pack's own check, plus the names above)."""
    words = set(re.findall(r"[\w.-]*\w", text))
    return sorted(set(internal_names_in(text, default_pack())) | (NAMES & words))


class _Readable(HTMLParser):
    """What a reader sees or hears of an HTML page: text outside <style>, and alt, title and
    aria-label attributes."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._style = False
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._style = tag in ("style", "script")
        self.parts += [v for k, v in attrs if k in ("alt", "title", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if not self._style:
            self.parts.append(data)


def test_the_check_finds_what_it_looks_for() -> None:
    """The names the old change log printed, and the other kinds, are all found."""
    old = ("Opioid safety (locked section, saf_opioid_blocks .. saf_opioid_tell); replaces "
           "saf_opioid_general. New opioids.toml. Reference cree2010; rule opioid_use; section "
           "key_points; field safety.opioid_use; key ev.changes.")
    assert internal_names(old) == sorted(
        {"saf_opioid_blocks", "saf_opioid_tell", "saf_opioid_general", "opioids.toml",
         "cree2010", "opioid_use", "key_points", "safety.opioid_use", "ev.changes"})
    # Words, numbers, web addresses and DOIs are not internal names.
    assert internal_names("Cree 2010, p=0.04, doi:10.1111/j.1468-1331.2010.03163.x, "
                          "https://doi.org/10.1002/14651858.CD012345 and dailymed.nlm.nih.gov "
                          "in 4.5 mg; MCS +3.3") == []


@pytest.mark.parametrize("example", example_names())
def test_no_report_prints_an_internal_name(example: str) -> None:
    found: dict[str, list[str]] = {}
    for template in builtin_templates():
        for language in ("en", "es"):
            ctx = dataclasses.replace(load_example(example, today=DAY), language=language)
            result = build_report(ctx, template, generated_on=DAY)
            metadata = PdfReader(io.BytesIO(result.pdf)).metadata or {}
            html, _, _ = build_html(ctx, template, generated_on=DAY)
            pdf = poppler_text(result.pdf) + " " + " ".join(map(str, metadata.values()))
            outputs = {"PDF": pdf,
                       "HTML": " ".join(_Readable(html).parts)}
            for kind, text in outputs.items():
                assert len(text) > 2000  # the whole report was read
                if names := internal_names(text):
                    found[f"{template.name}, {language}, {kind}"] = names
    assert not found, f"{example} prints internal names: {found}"


@pytest.mark.parametrize(("name", "old", "new"), [
    ("pack.toml", "replaces the earlier general sentence on opioids",
     "replaces saf_opioid_general"),
    ("pack.toml", "New list of opioid medicines", "New opioids.toml: list of opioid medicines"),
    ("statements.es.toml", "casilla de opioides marcada", "saf_opioid_told"),
    ("statements.toml", "A larger study of 96 people", "A larger study (cree2010) of 96 people"),
])
def test_a_pack_text_with_an_internal_name_breaks_the_pack(tmp_path: Path, name: str, old: str,
                                                            new: str) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(PACK_DIR, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(EvidencePackError, match="internal name"):
        load_pack(folder)
