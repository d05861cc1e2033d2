"""batch --accessible: each row's report as a tagged PDF/UA-1 file, the manifest says which kind."""

from __future__ import annotations

import csv
import io

import page
import pytest
from pypdf import PdfReader

from ldn_report.batch.manifest import MANIFEST_NAME, read_manifest
from ldn_report.batch.runner import run_batch
from ldn_report.build import build_report
from ldn_report.errors import InputError
from test_batch_run import GOOD, TODAY, run_cli, write_list


def _manifest_rows(folder) -> list[dict[str, str]]:
    text = (folder / MANIFEST_NAME).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_accessible_batch_writes_tagged_files_and_says_so(tmp_path):
    rows = [GOOD, dict(GOOD, **{"dmt.status": "sometimes"}),
            dict(GOOD, **{"patient.deidentified": "yes"})]
    listing = write_list(tmp_path / "clinic.csv", rows)
    out = tmp_path / "out"
    summary = run_batch(listing, out, today=TODAY, accessible=True)
    built = [e for e in summary.entries if e.produced]
    assert len(built) == 2
    for entry in built:
        data = (out / entry.file).read_bytes()
        assert page.validate_pdf_bytes(data, profile="ua1").is_compliant
        assert entry.pages == len(PdfReader(io.BytesIO(data)).pages)
    assert {r["kind"] for r in _manifest_rows(out)} == {"accessible"}  # failed rows too
    # Same content hash as the standard PDF of the same row.
    standard = run_batch(listing, tmp_path / "std", today=TODAY)
    assert [e.content_hash for e in standard.entries] == [e.content_hash for e in summary.entries]
    assert {r["kind"] for r in _manifest_rows(tmp_path / "std")} == {"standard"}


def test_switching_kind_rebuilds_and_same_kind_is_unchanged(tmp_path):
    listing = write_list(tmp_path / "clinic.csv", [GOOD])
    out = tmp_path / "out"
    run_batch(listing, out, today=TODAY)
    again = run_batch(listing, out, today=TODAY, accessible=True)
    assert [e.status for e in again.entries] == ["built"]  # a standard PDF is not kept
    tagged = PdfReader(out / again.entries[0].file).trailer["/Root"]
    assert "/StructTreeRoot" in tagged
    third = run_batch(listing, out, today=TODAY, accessible=True)
    assert [e.status for e in third.entries] == ["unchanged"]
    assert read_manifest(out)[2].kind == "accessible"


def test_cli_batch_accessible(tmp_path):
    listing = write_list(tmp_path / "clinic.csv", [GOOD])
    proc = run_cli(str(listing), "-o", str(tmp_path / "out"), "--accessible", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert {r["kind"] for r in _manifest_rows(tmp_path / "out")} == {"accessible"}


def test_build_result_knows_its_kind():
    from ldn_report.examples import load_example

    ctx = load_example("deidentified")
    assert not build_report(ctx).accessible
    assert build_report(ctx, accessible=True).accessible


def test_merge_with_accessible_is_refused_before_anything_is_written(tmp_path):
    """A merged file keeps no tags: the pair is refused (exit 2, both options named), and
    nothing is built or created."""
    listing = write_list(tmp_path / "clinic.csv", [GOOD])
    out = tmp_path / "out"
    proc = run_cli(str(listing), "-o", str(out), "--accessible", "--merge", "--jobs", "1")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "--merge" in proc.stderr
    assert "--accessible" in proc.stderr
    assert "printing" in proc.stderr
    assert not out.exists()
    with pytest.raises(InputError) as caught:
        run_batch(listing, out, today=TODAY, accessible=True, merge=True)
    assert caught.value.field == "--merge"
    assert not out.exists()
