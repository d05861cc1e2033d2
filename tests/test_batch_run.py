"""Clinic-day batch end to end: real PDFs, manifest, exit codes, resume, kill -9, merge, cancel."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from ldn_report.batch.manifest import read_manifest
from ldn_report.batch.runner import MERGED_NAME, BatchProgress, run_batch
from ldn_report.errors import InputError
from pdf_text import pdf_text

TODAY = dt.date(2026, 11, 30)
COLUMNS = ("patient.name", "patient.mrn", "patient.deidentified", "ms.phenotype", "dmt.status",
           "goals", "safety.opioid_use", "appointment_date", "notes")
GOOD = {"patient.name": "Maria Lopez", "patient.mrn": "MRN-55501", "ms.phenotype": "RRMS",
        "dmt.status": "declined", "goals": "mood;pain", "safety.opioid_use": "no",
        "appointment_date": "2026-12-01"}


def write_list(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.get(name, "") for name in COLUMNS])
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path


def patients(count: int) -> list[dict[str, str]]:
    phenotypes = ("RRMS", "SPMS", "PPMS", "CIS")
    statuses = ("declined", "on_dmt_tolerating", "stopped_intolerance", "none_yet")
    return [dict(GOOD, **{"patient.name": f"Patient {i}", "patient.mrn": f"MRN-{i:05d}",
                          "ms.phenotype": phenotypes[i % 4], "dmt.status": statuses[i % 3]})
            for i in range(count)]


def pages_of(path: Path) -> int:
    return len(PdfReader(path).pages)


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ldn_report", "batch", *args],
                          capture_output=True, text=True, timeout=timeout)


def test_mixed_rows_good_ones_are_built_bad_ones_reported(tmp_path):
    rows = [
        GOOD,                                                       # row 2
        dict(GOOD, **{"dmt.status": "sometimes"}),                  # row 3
        dict(GOOD, **{"patient.deidentified": "yes"}),              # row 4
        dict(GOOD, **{"safety.opioid_use": "maybe"}),               # row 5
        dict(GOOD, **{"patient.name": "<b>Zoë</b> & Ünal", "notes": "a\nb"}),  # row 6
    ]
    listing = write_list(tmp_path / "clinic.csv", rows, delimiter=";")
    out = tmp_path / "out"
    summary = run_batch(listing, out, today=TODAY)

    by_row = {e.row: e for e in summary.entries}
    assert summary.exit_code == 1
    assert [by_row[r].status for r in (2, 3, 4, 5, 6)] == [
        "built", "failed", "built", "failed", "built"]
    assert (by_row[3].column, by_row[5].column) == ("dmt.status", "safety.opioid_use")
    assert "this value is not allowed" in by_row[3].error
    assert "sometimes" not in by_row[3].error  # a cell may be a shifted record number
    assert by_row[4].file == "0004-deidentified.pdf"
    assert by_row[6].file == "0006-b-Zoë-b-Ünal.pdf"
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    assert pdfs == ["0002-Maria-Lopez.pdf", "0004-deidentified.pdf", "0006-b-Zoë-b-Ünal.pdf"]
    for number in (2, 4, 6):
        entry = by_row[number]
        assert pages_of(out / entry.file) == entry.pages > 0
        assert (out / entry.file).stat().st_size == entry.bytes
        assert len(entry.content_hash) == 10
    assert "Maria" not in pdf_text((out / "0004-deidentified.pdf").read_bytes())
    assert "MRN-55501" not in "".join(pdfs)
    assert read_manifest(out) == {e.row: e for e in summary.entries}
    assert not list(out.glob(".*.tmp"))


def test_cli_exit_codes_and_messages(tmp_path, repo_root):
    example = repo_root / "resources" / "examples" / "clinic-list.csv"
    ok = run_cli(str(example), "-o", str(tmp_path / "a"), "--jobs", "2")
    assert ok.returncode == 0, ok.stderr
    assert "5 rows: 5 built, 0 unchanged, 0 failed" in ok.stdout
    assert "progress: 5/5 rows" in ok.stderr  # not a terminal: plain progress lines

    bad = write_list(tmp_path / "bad.csv", [GOOD, dict(GOOD, **{"ms.phenotype": "XMS"})])
    some = run_cli(str(bad), "-o", str(tmp_path / "b"))
    assert some.returncode == 1
    assert "row 3, ms.phenotype: this value is not allowed" in some.stderr
    assert "XMS" not in some.stderr
    assert "Maria" not in some.stderr + some.stdout  # no patient names in the log
    assert "Traceback" not in some.stderr

    (tmp_path / "cols.csv").write_text("ms.phenotype,dmt.status,shoe_size\nRRMS,declined,9\n")
    unusable = run_cli(str(tmp_path / "cols.csv"), "-o", str(tmp_path / "c"))
    assert unusable.returncode == 2
    assert "cols.csv: header: column(s) 3 of the first line are not known column names" \
        in unusable.stderr
    assert "Traceback" not in unusable.stderr
    assert not (tmp_path / "c").exists()

    no_template = run_cli(str(example), "-o", str(tmp_path / "d"), "--template", "Nope")
    assert no_template.returncode == 2
    assert "--template" in no_template.stderr


def test_rerun_skips_unchanged_rows_and_rebuilds_changed_ones(tmp_path):
    rows = patients(4)
    listing = write_list(tmp_path / "list.csv", rows)
    out = tmp_path / "out"
    first = run_batch(listing, out, today=TODAY)
    assert [e.status for e in first.entries] == ["built"] * 4
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")}

    rows[2]["dmt.status"] = "contraindicated"  # row 4 changes
    write_list(listing, rows)
    second = run_batch(listing, out, today=TODAY + dt.timedelta(days=1))  # date is not content
    assert [e.status for e in second.entries] == ["unchanged", "unchanged", "built", "unchanged"]
    assert second.entries[2].content_hash != first.entries[2].content_hash
    for name, stamp in stamps.items():
        changed = name.startswith("0004-")
        assert (out / name).stat().st_mtime_ns != stamp if changed else \
            (out / name).stat().st_mtime_ns == stamp
    assert second.exit_code == 0


def test_a_row_that_now_fails_loses_its_old_pdf(tmp_path):
    rows = patients(2)
    listing = write_list(tmp_path / "list.csv", rows)
    out = tmp_path / "out"
    run_batch(listing, out, today=TODAY)
    rows[1]["dmt.status"] = "???"
    write_list(listing, rows)
    summary = run_batch(listing, out, today=TODAY)
    assert [e.status for e in summary.entries] == ["unchanged", "failed"]
    assert sorted(p.name for p in out.glob("*.pdf")) == ["0002-Patient-0.pdf"]


def test_merged_pdf_page_count_is_the_sum_plus_duplex_padding(tmp_path):
    rows = [*patients(3), dict(GOOD, **{"dmt.status": "bad"}),
            dict(GOOD, **{"notes": "Long notes. " * 400})]
    listing = write_list(tmp_path / "list.csv", rows)
    out = tmp_path / "out"
    plain = run_batch(listing, out, merge=True, today=TODAY)
    produced = [e for e in plain.entries if e.produced]
    assert len(produced) == 4
    assert plain.merged == [out / MERGED_NAME]
    assert pages_of(plain.merged[0]) == plain.merged_pages == sum(e.pages for e in produced)

    duplex = run_batch(listing, out, merge=True, duplex=True, today=TODAY)
    odd = sum(e.pages % 2 for e in produced)
    assert pages_of(duplex.merged[0]) == sum(e.pages for e in produced) + odd
    # each report starts on a front side: the running page count before it is even
    reader = PdfReader(duplex.merged[0])
    assert len(reader.pages) % 2 == 0
    start = 0
    for entry in produced:
        assert start % 2 == 0
        start += entry.pages + entry.pages % 2
    blank = [i for i, page in enumerate(reader.pages) if not (page.extract_text() or "").strip()]
    assert len(blank) == odd

    # long lists are merged into volumes; the single-file name from before is removed
    volumes = run_batch(listing, out, merge=True, duplex=True, merge_volume=3, jobs=2,
                        today=TODAY)
    assert [p.name for p in volumes.merged] == [
        "all-reports-for-printing-1-of-2.pdf", "all-reports-for-printing-2-of-2.pdf"]
    assert [pages_of(p) for p in volumes.merged] == [
        sum(e.pages + e.pages % 2 for e in produced[:3]),
        sum(e.pages + e.pages % 2 for e in produced[3:])]
    assert volumes.merged_pages == duplex.merged_pages
    assert not (out / MERGED_NAME).exists()


def test_parallel_jobs_make_the_same_reports_as_one_process(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(6))
    one = run_batch(listing, tmp_path / "one", jobs=1, today=TODAY)
    two = run_batch(listing, tmp_path / "two", jobs=2, today=TODAY)
    assert [(e.row, e.status, e.file, e.pages, e.content_hash) for e in one.entries] == \
        [(e.row, e.status, e.file, e.pages, e.content_hash) for e in two.entries]


def test_cancel_stops_early_and_the_next_run_completes(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(8))
    out = tmp_path / "out"
    flag = threading.Event()
    seen: list[BatchProgress] = []

    def progress(p: BatchProgress) -> None:
        seen.append(p)
        if p.done == 2:
            flag.set()

    summary = run_batch(listing, out, progress=progress, cancel=flag, merge=True, today=TODAY)
    assert summary.cancelled
    assert summary.merged == []
    assert summary.exit_code == 1
    statuses = [e.status for e in summary.entries]
    assert statuses[:2] == ["built", "built"]
    assert set(statuses[2:]) == {"cancelled"}
    assert [p.done for p in seen] == [1, 2]
    assert all(p.total == 8 for p in seen)
    again = run_batch(listing, out, today=TODAY)
    assert [e.status for e in again.entries] == ["unchanged"] * 2 + ["built"] * 6


def test_output_folder_that_is_a_file_is_refused(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(1))
    (tmp_path / "taken").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        run_batch(listing, tmp_path / "taken", today=TODAY)


def test_kill_9_mid_batch_leaves_no_partial_pdf_and_the_rerun_completes(tmp_path):
    # Enough rows that the batch is still running well after its first checkpoint (a second
    # in): 60 rows once were, until batches got faster.
    rows = 400
    listing = write_list(tmp_path / "list.csv", patients(rows))
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ldn_report", "batch", str(listing), "-o", str(out),
         "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        # wait for a manifest checkpoint that records some built rows, then kill -9
        while time.monotonic() < deadline:
            if any(e.status == "built" for e in read_manifest(out).values()):
                break
            assert proc.poll() is None, "the batch finished before it could be killed"
            time.sleep(0.05)
        else:
            pytest.fail("no manifest checkpoint within 120 s")
        time.sleep(0.3)  # kill it somewhere in the middle of later rows
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    killed = read_manifest(out)
    assert 0 < len(killed) < rows
    for pdf in out.glob("*.pdf"):  # every PDF there is whole
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-")
        assert data.rstrip().endswith(b"%%EOF")
        assert pages_of(pdf) > 0

    rerun = run_cli(str(listing), "-o", str(out), "--jobs", "2")
    assert rerun.returncode == 0, rerun.stderr
    final = read_manifest(out)
    assert sorted(final) == list(range(2, rows + 2))
    assert all(e.status in ("built", "unchanged") for e in final.values())
    assert sum(e.status == "unchanged" for e in final.values()) >= \
        sum(e.status == "built" for e in killed.values())
    assert len(list(out.glob("*.pdf"))) == rows
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    for entry in final.values():
        assert (out / entry.file).stat().st_size == entry.bytes


def test_template_column_picks_a_template_per_row_and_bad_names_fail_the_row(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text(
        "ms.phenotype,dmt.status,template\n"
        "RRMS,declined,\n"
        "RRMS,declined,Standard Letter\n"
        "RRMS,declined,No Such Template\n", encoding="utf-8")
    summary = run_batch(listing, tmp_path / "out", today=TODAY)
    assert [e.status for e in summary.entries] == ["built", "built", "failed"]
    assert summary.entries[2].column == "template"
    assert summary.entries[0].content_hash == summary.entries[1].content_hash


def test_unset_cells_build_neutral_reports_named_in_manifest_and_summary(tmp_path):
    """An empty MS type or DMT status builds like an explicit "unknown" (the same report) and
    is named, by row, in the manifest, the CLI summary and the batch summary."""
    rows = [
        dict(GOOD, **{"ms.phenotype": "", "dmt.status": ""}),                 # row 2: unset
        dict(GOOD, **{"ms.phenotype": "unknown", "dmt.status": "unknown"}),   # row 3: chosen
        dict(GOOD, **{"dmt.status": "  "}),                                  # row 4: unset
        dict(GOOD, **{"ms.phenotype": "Relapsing-remitting MS",              # row 5: labels
                      "dmt.status": "On a DMT but not tolerating it", "safety.opioid_use": "Y",
                      "goals": "Thinking and memory;Mood"}),
    ]
    listing = write_list(tmp_path / "clinic.csv", rows)
    out = tmp_path / "out"
    result = run_cli(str(listing), "-o", str(out), "--jobs", "1")
    assert result.returncode == 0, result.stderr  # no row is refused for an unset cell
    manifest = read_manifest(out)
    assert [manifest[r].status for r in (2, 3, 4, 5)] == ["built"] * 4
    assert manifest[2].unset == "ms.phenotype; dmt.status"
    assert manifest[3].unset == ""
    assert manifest[4].unset == "dmt.status"
    assert manifest[5].unset == ""
    header = (out / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",")[-2:] == ["unset", "kind"]  # kind: batch --accessible
    # unset builds exactly like the explicit choice: same content, so the same hash
    assert manifest[2].content_hash == manifest[3].content_hash
    unset_line = next(line for line in result.stdout.splitlines() if line.startswith("unset:"))
    assert "2 rows have an empty" in unset_line
    assert "rows 2, 4" in unset_line
    assert "dmt.status or ms.phenotype" in unset_line
    assert "Maria" not in result.stdout + result.stderr
    text = pdf_text((out / manifest[5].file).read_bytes())
    assert "Relapsing-remitting MS" in text
    assert "On a DMT but not tolerating it" in text
    # the summary object the app shows says the same
    summary = run_batch(listing, tmp_path / "again", today=TODAY)
    assert [e.row for e in summary.unset_rows] == [2, 4]
    assert "rows 2, 4" in summary.unset_note()


def test_every_error_of_a_row_reaches_the_manifest_and_the_log(tmp_path):
    listing = tmp_path / "clinic.csv"
    listing.write_text(
        "patient.name,ms.phenotype,dmt.status,goals,safety.opioid_use,appointment_date,template\n"
        "Maria,RRMS,declined,mood,no,2026-12-01,\n"
        "Maria,XMS,sometimes,mood,perhaps,2026-13-01,\n"
        "Maria,RRMS,declined,flying,no,2026-12-01,No such template\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(str(listing), "-o", str(out))
    assert result.returncode == 1
    manifest = read_manifest(out)
    assert manifest[2].status == "built"
    assert [c for c, _ in manifest[3].problems] == [
        "ms.phenotype", "dmt.status", "safety.opioid_use", "appointment_date"]
    assert manifest[3].column == "ms.phenotype; dmt.status; safety.opioid_use; appointment_date"
    for column in ("ms.phenotype", "dmt.status", "safety.opioid_use", "appointment_date"):
        assert f"row 3, {column}: " in result.stderr
    assert [c for c, _ in manifest[4].problems] == ["goals", "template"]
    assert "row 4, goals: value 1 is not allowed" in result.stderr
    assert "flying" not in result.stderr
    assert "row 4, template: " in result.stderr
    assert "Maria" not in result.stderr + result.stdout


def test_one_fsync_per_report(tmp_path, monkeypatch):
    """Each report's data is synced once; the folder (which makes the renames durable) is
    synced with each manifest save, not once per report."""
    listing = write_list(tmp_path / "clinic.csv", patients(6))
    out = tmp_path / "out"
    out.mkdir()
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    summary = run_batch(listing, out, today=TODAY, register=str(tmp_path / "register.sqlite3"))
    assert summary.exit_code == 0
    reports = [e.file for e in summary.entries]
    assert len(reports) == 6
    for name in reports:
        assert sum(1 for path in synced if Path(path).name.startswith(f".{name}.")) == 1
    folder_syncs = synced.count(str(out.resolve()))
    manifest_syncs = sum(1 for path in synced if Path(path).name.startswith(".manifest.csv."))
    assert 1 <= folder_syncs <= manifest_syncs + 1  # + once for the folder's lock file
    assert folder_syncs < len(reports)
