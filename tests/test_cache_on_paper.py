"""Nothing changes on paper with the user cache (issue 17): every page of every example under
every built-in template, built three ways, renders to the same pixels (pdftoppm at 40 dpi, no
tolerance: the same PDF drawing must give the same raster) with the same text (pdftotext) and
content hash:

- in a process with an empty cache: fonts and pack parsed from their files, the clinician pages
  laid out and recorded once per template (and stored);
- from disk: a process that reads all of it from the cache, the clinician pages of every report
  read from their stored recording (forgotten in memory before each build, as in a new process);
- laid out: every page of every report laid out and drawn, nothing replayed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

# Every example under every built-in template (three of the four share their clinician pages);
# Spanish once under A4.
TEMPLATES = ("Standard Letter", "Standard A4", "Large print", "Clinician evidence brief")
ONCE = (("takes-opioids", "Standard A4", "es"),)
SHARING = ("Standard Letter", "Standard A4", "Large print")
ROUTES = ("empty cache", "from disk", "laid out")

BUILD_ALL = """
import json, sys
from pathlib import Path
from ldn_report.build import build_report
from ldn_report.cache import store
from ldn_report.examples import example_names, load_example
from ldn_report.render.pdf import stored_pages
from ldn_report.render.pdf.shared_pages import SHARED_PAGES
from ldn_report.templates.catalogue import resolve_template

out, route = Path(sys.argv[1]), sys.argv[2]
templates, once = json.loads(sys.argv[3]), json.loads(sys.argv[4])
jobs = [(e, t, None) for t in templates for e in example_names()] + once
hashes = {}
for example, template, language in jobs:
    ctx = load_example(example)
    if language:
        ctx = ctx.with_values(language=language)
    if route == "from disk":
        SHARED_PAGES.clear()
    result = build_report(ctx, resolve_template(template), shared_pages=route != "laid out")
    name = f"{example}--{template}--{language or 'en'}".replace(" ", "-")
    (out / f"{name}.pdf").write_bytes(result.pdf)
    hashes[name] = result.content_hash
print(json.dumps({"hashes": hashes, "stats": store.stats, "pages": stored_pages.stats,
                  "layouts": SHARED_PAGES.layouts, "loads": SHARED_PAGES.loads}))
"""

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="pdftoppm/pdftotext (poppler-utils) missing")


def _build_all(out: Path, cache: Path, route: str) -> dict:
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", BUILD_ALL, str(out), route, json.dumps(TEMPLATES),
         json.dumps(ONCE)],
        capture_output=True, text=True, check=True,
        env={**os.environ, "LDN_REPORT_CACHE": str(cache)})
    return json.loads(done.stdout.splitlines()[-1])


def _pages(pdf: Path, folder: Path) -> list[Image.Image]:
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(prefix)], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(folder.glob(f"{pdf.stem}-*.png"))]


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@needs_poppler
def test_cached_and_uncached_builds_print_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    built = {route: _build_all(tmp_path / route.replace(" ", "-"), cache, route)
             for route in ROUTES}
    cold, disk, laid = (built[route] for route in ROUTES)
    sharing = sum(1 for name in cold["hashes"] if any(
        f"--{t.replace(' ', '-')}--" in name for t in SHARING))
    # the first process parsed and stored (faces it used, the pack, one recording a template)
    assert cold["stats"]["hit"] == 0
    assert cold["stats"]["written"] >= 4 + len(SHARING)
    # (one recording per template, language and evidence-summary variant)
    assert cold["pages"]["stored"] == cold["layouts"] >= len(SHARING) + 1
    # the second only read: every report's clinician pages from their stored recording
    assert disk["stats"]["miss"] == disk["stats"]["rejected"] == disk["stats"]["written"] == 0
    assert disk["layouts"] == 0
    assert disk["loads"] == disk["pages"]["loaded"] == sharing
    assert laid["layouts"] == laid["loads"] == 0
    assert disk["hashes"] == cold["hashes"] == laid["hashes"]
    pages = 0
    for name in cold["hashes"]:
        pdfs = [tmp_path / route.replace(" ", "-") / f"{name}.pdf" for route in ROUTES]
        # read from disk or recorded in this process, the same recording: the same file
        assert pdfs[1].read_bytes() == pdfs[0].read_bytes(), name
        texts = [_text(pdf) for pdf in pdfs]
        assert texts[1] == texts[0], name
        assert texts[2] == texts[0], name
        images = [_pages(pdf, tmp_path / "png" / pdf.parent.name) for pdf in pdfs]
        assert len(images[0]) == len(images[1]) == len(images[2]) > 0, name
        for number, (x, *others) in enumerate(zip(*images, strict=True), 1):
            for route, y in zip(ROUTES[1:], others, strict=True):
                assert x.size == y.size, f"{name} page {number} ({route})"
                assert x.tobytes() == y.tobytes(), f"{name} page {number} differs ({route})"
        pages += len(images[0])
    assert pages > 300  # every page of every example under every template, three times over
