"""Nothing changes on paper with the user cache (issue 17): every page of every example, built
in a process with an empty cache (fonts and pack parsed from their files) and in one that reads
them all from the cache, renders to the same pixels (pdftoppm at 40 dpi, no tolerance: the
same PDF drawing must give the same raster) with the same text (pdftotext) and content hash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

# Every example under Letter and the clinician brief; A4 in Spanish and large print (31 pages
# an example) once each: every kind of page, at a pace a full test run can afford.
TEMPLATES = ("Standard Letter", "Clinician evidence brief")
ONCE = (("takes-opioids", "Standard A4", "es"), ("everything-flagged", "Large print", None))

BUILD_ALL = """
import json, sys
from pathlib import Path
from ldn_report.build import build_report
from ldn_report.cache import store
from ldn_report.examples import example_names, load_example
from ldn_report.templates.catalogue import resolve_template

out, templates, once = Path(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
jobs = [(e, t, None) for t in templates for e in example_names()] + once
hashes = {}
for example, template, language in jobs:
    ctx = load_example(example)
    if language:
        ctx = ctx.with_values(language=language)
    result = build_report(ctx, resolve_template(template))
    name = f"{example}--{template}--{language or 'en'}".replace(" ", "-")
    (out / f"{name}.pdf").write_bytes(result.pdf)
    hashes[name] = result.content_hash
print(json.dumps({"hashes": hashes, "stats": store.stats}))
"""

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="pdftoppm/pdftotext (poppler-utils) missing")


def _build_all(out: Path, cache: Path) -> dict:
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", BUILD_ALL, str(out), json.dumps(TEMPLATES), json.dumps(ONCE)],
        capture_output=True, text=True, check=True,
        env={**os.environ, "LDN_REPORT_CACHE": str(cache)})
    return json.loads(done.stdout.splitlines()[-1])


def _pages(pdf: Path, folder: Path) -> list[Image.Image]:
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(prefix)], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(folder.glob(f"{pdf.stem}-*.png"))]


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@needs_poppler
def test_cached_and_uncached_builds_print_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _build_all(tmp_path / "cold", cache)
    warm = _build_all(tmp_path / "warm", cache)
    # the first process parsed and stored (faces it used, the pack), the second only read
    assert cold["stats"]["hit"] == 0
    assert cold["stats"]["written"] >= 4
    assert warm["stats"]["hit"] == cold["stats"]["written"]
    assert warm["stats"]["miss"] == warm["stats"]["rejected"] == warm["stats"]["written"] == 0
    assert warm["hashes"] == cold["hashes"]
    pages = 0
    for name in cold["hashes"]:
        a, b = tmp_path / "cold" / f"{name}.pdf", tmp_path / "warm" / f"{name}.pdf"
        assert _text(a) == _text(b), name
        for side in ("a", "b"):
            (tmp_path / "png" / side).mkdir(parents=True, exist_ok=True)
        images_a, images_b = _pages(a, tmp_path / "png" / "a"), _pages(b, tmp_path / "png" / "b")
        assert len(images_a) == len(images_b) > 0, name
        for number, (x, y) in enumerate(zip(images_a, images_b, strict=True), 1):
            assert x.size == y.size, f"{name} page {number}"
            assert x.tobytes() == y.tobytes(), f"{name} page {number} differs"
        pages += len(images_a)
    assert pages > 100  # every page of every example, twice over, and the two others
