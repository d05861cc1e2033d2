"""Issue 17: the standard report is at most 8 KB per page, its fonts still embedded and subset,
its text still extractable, and every bundled font trimmed of what a PDF never uses."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ldn_report.build import build_report
from ldn_report.examples import example_names, load_example
from ldn_report.templates.catalogue import resolve_template
from pdf_text import pdf_text

MAX_KB_PER_PAGE = 8.0
STANDARD_TEMPLATES = ("Standard Letter", "Standard A4")
REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("template_name", STANDARD_TEMPLATES)
def test_standard_report_is_at_most_8_kb_per_page(template_name: str) -> None:
    template = resolve_template(template_name)
    for name in example_names():
        result = build_report(load_example(name), template)
        per_page = len(result.pdf) / 1024 / result.page_count
        assert per_page <= MAX_KB_PER_PAGE, f"{name}: {per_page:.2f} KB per page"
        # still a real document: the words are there to extract
        text = pdf_text(result.pdf)
        assert "Key points" in text, name
        assert "naltrexone" in text, name


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) missing")
def test_trimmed_fonts_are_still_embedded_and_subset(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(build_report(load_example("everything-flagged")).pdf)
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert len(rows) >= 3  # regular, bold, oblique
    for row in rows:
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, unicode


def test_every_bundled_font_is_trimmed() -> None:
    """A font added or replaced later is trimmed too (tools/trim_fonts.py)."""
    done = subprocess.run([sys.executable, str(REPO / "tools" / "trim_fonts.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_trimming_keeps_the_licence_notices() -> None:
    from fontTools.ttLib import TTFont

    for path in sorted((REPO / "resources" / "fonts").glob("*.ttf")):
        names = TTFont(path, lazy=True)["name"]
        assert names.getDebugName(0), f"{path.name}: copyright notice gone"
        assert names.getDebugName(6), f"{path.name}: PostScript name gone"
        if path.name.startswith("DejaVu"):
            # the Bitstream Vera licence: its permission notice stays in every copy
            assert "Permission is hereby granted" in names.getDebugName(13), path.name
