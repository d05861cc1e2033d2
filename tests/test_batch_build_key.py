"""Resuming a batch: the build key covers every file the build reads (logo bytes, template file,
evidence pack and fonts), so replacing one at the same path rebuilds the rows it touches."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from ldn_report.batch import build_key
from ldn_report.batch.runner import run_batch
from test_batch_run import TODAY, patients, write_list


def _logo(path: Path, colour: tuple[int, int, int]) -> None:
    Image.new("RGB", (120, 60), colour).save(path, format="PNG")


def _template(folder: Path, name: str = "clinic.toml") -> Path:
    path = folder / name
    path.write_text('format_version = 1\nname = "Riverside MS"\n\n[branding]\n'
                    'clinic_name = "Riverside MS Centre"\nlogo = "logo.png"\n', encoding="utf-8")
    return path


def _logo_colour(pdf: Path) -> tuple[int, ...]:
    image = PdfReader(pdf).pages[0].images[0].image
    return image.convert("RGB").getpixel((5, 5))


def test_replacing_the_logo_at_the_same_path_rebuilds_every_row(tmp_path):
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    _logo(clinic / "logo.png", (200, 0, 0))
    template = _template(clinic)
    listing = write_list(tmp_path / "list.csv", patients(3))
    out = tmp_path / "out"

    first = run_batch(listing, out, template=str(template), today=TODAY)
    assert [e.status for e in first.entries] == ["built"] * 3
    assert _logo_colour(out / first.entries[0].file) == (200, 0, 0)
    again = run_batch(listing, out, template=str(template), today=TODAY)
    assert [e.status for e in again.entries] == ["unchanged"] * 3

    _logo(clinic / "logo.png", (0, 0, 200))  # same path, same size, same template file
    after = run_batch(listing, out, template=str(template), today=TODAY)
    assert [e.status for e in after.entries] == ["built"] * 3
    assert {e.build_key for e in after.entries} != {e.build_key for e in first.entries}
    for entry in after.entries:
        assert _logo_colour(out / entry.file) == (0, 0, 200)


def test_a_template_cell_and_its_logo_are_covered_too(tmp_path):
    """The same through the list's template column (a .toml path relative to the list)."""
    _logo(tmp_path / "logo.png", (0, 120, 0))
    _template(tmp_path, "cell.toml")
    listing = tmp_path / "list.csv"
    listing.write_text("ms.phenotype,dmt.status,template\nRRMS,declined,cell.toml\n"
                       "SPMS,declined,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert [e.status for e in run_batch(listing, out, today=TODAY).entries] == ["built"] * 2
    _logo(tmp_path / "logo.png", (0, 0, 0))
    assert [e.status for e in run_batch(listing, out, today=TODAY).entries] == [
        "built", "unchanged"]  # only the row whose template shows the logo


def test_the_resources_digest_follows_the_evidence_pack_and_fonts(tmp_path, monkeypatch):
    """A new evidence pack (or font) under the same file names gives a new key."""
    pack, fonts = tmp_path / "evidence" / "ldn-ms", tmp_path / "fonts"
    shutil.copytree(build_key.EVIDENCE_DIR, pack)
    shutil.copytree(build_key.FONTS_DIR, fonts)
    monkeypatch.setattr(build_key, "EVIDENCE_DIR", pack)
    monkeypatch.setattr(build_key, "FONTS_DIR", fonts)
    before = build_key.resources_digest()
    assert build_key.resources_digest() == before
    statements = pack / "statements.toml"
    statements.write_text(statements.read_text(encoding="utf-8") + "\n# reviewed\n",
                          encoding="utf-8")
    changed_pack = build_key.resources_digest()
    assert changed_pack != before
    with (fonts / "DejaVuSans.ttf").open("ab") as handle:
        handle.write(b"\0")
    assert build_key.resources_digest() not in (before, changed_pack)


def test_file_digest_reads_only_regular_files(tmp_path):
    import os

    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    assert build_key.file_digest(fifo) == "not a file"  # returns at once, no hang
    assert build_key.file_digest(tmp_path / "gone.png") == "missing"
    assert build_key.file_digest("") == ""
