"""Two batches into one folder: the output folder is locked for a whole run, and start-up
clean-up removes only temp files whose writer is gone (pid reuse and shared folders included)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ldn_report.atomic import (
    FOREIGN_TEMP_SECONDS,
    atomic_write,
    remove_crash_leftovers,
    remove_dead_writers_temp_files,
    writer_token,
)
from ldn_report.batch import folder_lock
from ldn_report.batch.folder_lock import output_folder_lock
from ldn_report.batch.manifest import read_manifest
from ldn_report.batch.runner import run_batch
from ldn_report.errors import InputError
from test_batch_run import TODAY, pages_of, patients, write_list

LIVE_WRITER = ("import sys; from ldn_report.atomic import writer_token; "
               "print(writer_token(), flush=True); sys.stdin.read()")


def _batch(listing: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ldn_report", "batch", str(listing), "-o",
                             str(out), *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _wait_until_writing(first: subprocess.Popen, out: Path) -> None:
    deadline = time.monotonic() + 120
    while not any(out.glob("0*.pdf")):  # the first batch holds the lock and is writing
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the first batch wrote nothing in 120 s"
        time.sleep(0.05)


def _second(listing: Path, out: Path, wait: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ldn_report", "batch", str(listing), "-o",
                           str(out), "--jobs", "1", "--wait", wait],
                          capture_output=True, text=True, timeout=300)


def test_a_second_batch_into_the_same_folder_refuses_and_the_first_finishes(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(400))
    out = tmp_path / "out"
    first = _batch(listing, out, "--jobs", "1")  # about 10 s
    try:
        _wait_until_writing(first, out)
        began = time.monotonic()
        second = _second(listing, out, "1")
        waited = time.monotonic() - began
        assert first.poll() is None, "the first batch ended before the second gave up"
    finally:
        _, stderr = first.communicate(timeout=300)
    assert second.returncode == 2
    assert f"another batch is writing into {out} now" in second.stderr
    assert "Traceback" not in second.stderr
    assert waited >= 1.0  # it waited before refusing
    # The first batch lost nothing: every row built, every PDF whole, no temp file left.
    assert first.returncode == 0, stderr
    final = read_manifest(out)
    assert sorted(final) == list(range(2, 402))
    assert all(e.status == "built" for e in final.values())
    for entry in final.values():
        assert (out / entry.file).stat().st_size == entry.bytes
    for entry in list(final.values())[::40]:
        assert pages_of(out / entry.file) == entry.pages
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_second_batch_told_to_wait_runs_after_the_first(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(120))
    out = tmp_path / "out"
    first = _batch(listing, out, "--jobs", "1")
    try:
        _wait_until_writing(first, out)
        second = _second(listing, out, "300")
        assert first.poll() is not None  # the second ran only once the first was done
    finally:
        _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert second.returncode == 0, second.stderr
    assert "120 rows: 0 built, 120 unchanged, 0 failed" in second.stdout
    bad = _second(listing, out, "soon")
    assert bad.returncode == 2
    assert "error: --wait must be a number of seconds from 0 to 86400" in bad.stderr


def test_a_second_batch_waits_for_a_short_run_to_end(tmp_path, monkeypatch):
    listing = write_list(tmp_path / "list.csv", patients(1))
    out = tmp_path / "out"
    out.mkdir()
    released = threading.Event()

    def hold_briefly() -> None:
        with output_folder_lock(out):
            held.set()
            time.sleep(1.0)
        released.set()

    held = threading.Event()
    holder = threading.Thread(target=hold_briefly)
    holder.start()
    assert held.wait(10)
    summary = run_batch(listing, out, today=TODAY)  # waits (up to 5 s), then runs
    holder.join()
    assert released.is_set()
    assert [e.status for e in summary.entries] == ["built"]

    monkeypatch.setattr(folder_lock, "WAIT_SECONDS", 0.3)
    with output_folder_lock(out), pytest.raises(InputError) as refused:
        run_batch(listing, out, today=TODAY)
    assert refused.value.field == "-o"
    assert str(out) in refused.value.message
    # Cancel (the batch window's button, Ctrl-C) ends the wait at once.
    stop = threading.Event()
    stop.set()
    began = time.monotonic()
    with output_folder_lock(out), pytest.raises(InputError, match="stopped while waiting"):
        run_batch(listing, out, today=TODAY, lock_wait=60, cancel=stop)
    assert time.monotonic() - began < 5


def _temp(folder: Path, target: str, token: str, age: float = 0.0) -> Path:
    path = folder / f".{target}.{token}.a1b2c3d4.tmp"
    path.write_bytes(b"partial report")
    if age:
        stamp = time.time() - age
        os.utime(path, (stamp, stamp))
    return path


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_only_temp_files_of_dead_writers_are_removed(tmp_path):
    live = subprocess.Popen([sys.executable, "-c", LIVE_WRITER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert live.stdout is not None
        live_token = live.stdout.readline().strip()
        dead = subprocess.Popen([sys.executable, "-c", LIVE_WRITER], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        dead_token = dead.communicate("")[0].strip()
        pid, host, start = live_token.split("-")
        reused = f"{pid}-{host}-{int(start) + 1}"  # the live pid, but a later process's start
        foreign = f"{pid}-{'f' * 12}-{start}"  # another computer or container on the folder
        kept = [_temp(tmp_path, "0002-Ann.pdf", live_token),
                _temp(tmp_path, "manifest.csv", writer_token()),
                _temp(tmp_path, "0004-Cy.pdf", foreign, age=60),
                _temp(tmp_path, "0005-Di.pdf", f"{dead.pid}.x")]  # not a temp name: kept
        gone = [_temp(tmp_path, "0003-Bo.pdf", dead_token),
                _temp(tmp_path, "0006-Ed.pdf", reused),
                _temp(tmp_path, "0007-Fa.pdf", foreign, age=FOREIGN_TEMP_SECONDS + 60),
                _temp(tmp_path, "0008-Gu.pdf", f"{dead.pid}")]  # an older version's name
        assert sorted(remove_dead_writers_temp_files(tmp_path)) == sorted(gone)
        assert all(p.exists() for p in kept)
        # The per-file sweep of atomic_write follows the same rules, for its own target only.
        mine = _temp(tmp_path, "0002-Ann.pdf", dead_token)
        atomic_write(tmp_path / "0002-Ann.pdf", b"%PDF-")
        assert not mine.exists()
        assert kept[0].exists()
        assert remove_crash_leftovers(tmp_path / "0004-Cy.pdf") == []
        # The batch's start-up clean-up is the same sweep: a live writer's file survives it.
        listing = write_list(tmp_path / "list.csv", patients(1))
        dead_one = _temp(tmp_path, "0002-Patient-0.pdf", dead_token)
        run_batch(listing, tmp_path, today=TODAY)
        assert not dead_one.exists()
        assert all(p.exists() for p in kept)
    finally:
        live.communicate("")


def test_temp_names_carry_pid_host_and_start_time():
    pid, host, start = writer_token().split("-")
    assert int(pid) == os.getpid()
    if Path("/proc/self/stat").exists():
        assert len(host) == 12
        assert int(start) > 0
