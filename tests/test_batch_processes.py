"""Killed batches leave no processes, SIGTERM ends like Ctrl-C with the manifest current, and a
worker that dies (SIGKILL, as the out-of-memory killer does) fails only its own row."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ldn_report.batch import runner
from ldn_report.batch.manifest import read_manifest
from ldn_report.batch.workers import WorkerLost, WorkerPool
from test_batch_run import pages_of, patients, write_list

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="reads the process tree from /proc (Linux)")


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rfind(")") + 2:].split()


def descendants(root: int) -> dict[int, str]:
    """Every process below ``root`` now, as pid -> start time (to see through pid reuse)."""
    parents: dict[int, int] = {}
    starts: dict[int, str] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) is not None:
            parents[int(entry.name)] = int(fields[1])
            starts[int(entry.name)] = fields[19]
    found: dict[int, str] = {}
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = starts[pid]
                frontier.append(pid)
    return found


def still_running(processes: dict[int, str]) -> list[int]:
    """Those of ``processes`` still alive (a zombie waiting to be reaped is not)."""
    alive = []
    for pid, start in processes.items():
        fields = _stat(pid)
        if fields is not None and fields[19] == start and fields[0] not in ("Z", "X"):
            alive.append(pid)
    return alive


def wait_gone(processes: dict[int, str], seconds: float = 5.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (alive := still_running(processes)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def start_batch(listing: Path, out: Path, jobs: int = 2) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ldn_report", "batch", str(listing), "-o",
                             str(out), "--jobs", str(jobs)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for_workers(proc: subprocess.Popen, out: Path, jobs: int = 2) -> dict[int, str]:
    """Once some rows are built and ``jobs`` workers run: the batch's process tree."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        tree = descendants(proc.pid)
        if len(worker_pids(proc.pid, tree)) == jobs and len(list(out.glob("0*.pdf"))) >= 3:
            return tree
        time.sleep(0.02)
    pytest.fail("the batch did not get going within 120 s")


def worker_pids(root: int, tree: dict[int, str]) -> list[int]:
    """The report workers: the forkserver's children (the forkserver is the batch's child)."""
    children = {pid for pid in tree if (_stat(pid) or ["", "0"])[1] == str(root)}
    return [pid for pid in tree if (_stat(pid) or ["", "0"])[1] in {str(c) for c in children}]


def busy_worker(root: int, tree: dict[int, str]) -> int:
    """A worker that is building a report now (running; an idle one sleeps on its pipe)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for pid in worker_pids(root, tree):
            if (_stat(pid) or ["?"])[0] == "R":
                return pid
        time.sleep(0.001)
    pytest.fail("no worker was seen building a report")


def test_kill_9_of_the_batch_leaves_no_process_behind(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(150))
    out = tmp_path / "out"
    proc = start_batch(listing, out)
    tree = wait_for_workers(proc, out)
    assert len(tree) >= 3  # forkserver, resource tracker, workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert wait_gone(tree) == [], f"left running after kill -9: {still_running(tree)}"


def test_sigterm_ends_like_ctrl_c_with_the_manifest_matching_the_disk(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(150))
    out = tmp_path / "out"
    proc = start_batch(listing, out)
    tree = wait_for_workers(proc, out)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted (SIGTERM)" in stderr
    assert "run the same command again" in stderr
    assert "Traceback" not in stderr
    assert wait_gone(tree) == []
    manifest = read_manifest(out)
    assert sorted(manifest) == list(range(2, 152))
    built = {e.file: e for e in manifest.values() if e.status == "built"}
    on_disk = {p.name for p in out.glob("0*.pdf")}
    assert on_disk == set(built)  # every PDF on disk is in the manifest, and no other
    assert 3 <= len(on_disk) < 150
    for name, entry in built.items():
        assert (out / name).stat().st_size == entry.bytes
    assert {e.status for e in manifest.values()} == {"built", "cancelled"}
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    # The register (written in one transaction per manifest save) has each of them, once.
    assert sorted(recorded_files()) == sorted(built)
    rerun = subprocess.run([sys.executable, "-m", "ldn_report", "batch", str(listing), "-o",
                            str(out), "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(built)} unchanged" in rerun.stdout


def recorded_files() -> list[str]:
    """The file names the default handout register (this test's data folder) holds."""
    from sqlalchemy import text

    from ldn_report.register.location import default_location
    from ldn_report.register.store import open_register

    with open_register(default_location()) as register:
        rows = register.rows(text("SELECT destination FROM handouts"))
    return [Path(row[0]).name for row in rows]


def test_ctrl_c_to_the_whole_process_group_stops_the_same_way(tmp_path):
    """A terminal sends SIGINT to every process of the group: the workers wait for the parent."""
    listing = write_list(tmp_path / "list.csv", patients(150))
    out = tmp_path / "out"
    proc = start_batch(listing, out)
    tree = wait_for_workers(proc, out)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted (SIGINT)" in stderr
    assert "Traceback" not in stderr
    assert wait_gone(tree) == []
    built = {e.file for e in read_manifest(out).values() if e.status == "built"}
    assert {p.name for p in out.glob("0*.pdf")} == built


def test_a_killed_worker_fails_only_its_row_and_the_batch_goes_on(tmp_path):
    listing = write_list(tmp_path / "list.csv", patients(120))
    out = tmp_path / "out"
    proc = start_batch(listing, out)
    tree = wait_for_workers(proc, out)
    os.kill(busy_worker(proc.pid, tree), signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    manifest = read_manifest(out)
    failed = [e for e in manifest.values() if e.status == "failed"]
    assert len(failed) == 1, [(e.row, e.error) for e in failed]
    assert "the worker process building this report was killed (SIGKILL" in failed[0].error
    assert f"row {failed[0].row}: the worker process" in stderr
    assert "119 built, 0 unchanged, 1 failed" in stdout
    built = [e for e in manifest.values() if e.status == "built"]
    for entry in built:
        assert (out / entry.file).stat().st_size == entry.bytes
    # The first built report (the killed worker's row may be the first row).
    assert pages_of(out / built[0].file) == built[0].pages
    assert not failed[0].file
    assert not list(out.glob(f"{failed[0].row:04d}-*.pdf"))
    assert wait_gone(tree) == []  # the replacement worker is gone too (it was not in tree)
    assert descendants(proc.pid) == {}
    rerun = subprocess.run([sys.executable, "-m", "ldn_report", "batch", str(listing), "-o",
                            str(out), "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "1 built, 119 unchanged, 0 failed" in rerun.stdout


# -- the pool itself, with a task that kills its own worker (what the OOM killer does) ----------

def square_or_die(n: int) -> int:
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    if n == 5:
        raise ValueError("five is not allowed")
    return n * n


def test_a_worker_that_dies_itself_costs_only_its_task():
    with WorkerPool[int](2) as pool:
        results = dict(pool.map_unordered(square_or_die, [1, 2, 3, 4, 6, 7, 8]))
        workers = {w.process.pid for w in pool.workers}
    assert isinstance(results.pop(3), WorkerLost)
    assert results == {1: 1, 2: 4, 4: 16, 6: 36, 7: 49, 8: 64}
    assert "SIGKILL" in WorkerLost(-9).message
    assert len(workers) <= 2
    with WorkerPool[int](2) as pool, pytest.raises(ValueError, match="five"):
        list(pool.map_unordered(square_or_die, [1, 5]))


def test_cancel_starts_nothing_new_and_finishes_what_runs():
    flag = threading.Event()
    seen = []
    with WorkerPool[int](2) as pool:
        for item, result in pool.map_unordered(square_or_die, range(10, 60), flag):
            seen.append((item, result))
            flag.set()
    # Each worker holds two tasks (one running, one waiting in its pipe). Two workers can
    # finish together: both results come in one round, and each worker is given a new task
    # before the caller sees the first and cancels; tasks this quick may all have started by
    # then, so at most 2 + 2 x 2 arrive. Nothing is handed out after.
    assert 1 <= len(seen) <= 6
    assert all(result == item * item for item, result in seen)


def note_start(task: tuple[str, int, float]) -> int:
    """Writes its number into the log file, then takes ``seconds``."""
    log, number, seconds = task
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"{number}\n")
    time.sleep(seconds)
    return number


def _started(log: Path) -> list[int]:
    return [int(n) for n in log.read_text().split()] if log.exists() else []


def _wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_worker_goes_on_while_the_caller_handles_a_result(tmp_path):
    """While the caller is busy with a result (the batch writes the file), the worker builds
    the next task and has one more waiting in its pipe: it does not wait for the caller."""
    log = tmp_path / "started"
    tasks = [(str(log), n, 0.0) for n in range(1, 6)]
    with WorkerPool[tuple[str, int, float]](1) as pool:
        results = pool.map_unordered(note_start, tasks)
        first = next(results)
        _wait_for(lambda: len(_started(log)) >= 3)  # the caller has not come back yet
        assert _started(log) == [1, 2, 3]  # and no more than one task ahead
        rest = [result for _, result in results]
    assert [first[1], *rest] == [1, 2, 3, 4, 5]


def test_a_task_waiting_in_a_pipe_does_not_start_after_cancel(tmp_path):
    """Cancelled while the worker runs the first task: the one waiting in its pipe is
    skipped (never run, never given), like the ones not handed out."""
    log = tmp_path / "started"
    flag = threading.Event()
    tasks = [(str(log), n, 2.0) for n in range(1, 6)]
    watcher = threading.Thread(target=lambda: (_wait_for(lambda: 1 in _started(log)),
                                               flag.set()), daemon=True)
    watcher.start()
    with WorkerPool[tuple[str, int, float]](1) as pool:
        seen = [result for _, result in pool.map_unordered(note_start, tasks, flag)]
    assert flag.is_set()
    assert seen == [1]
    assert _started(log) == [1]


_WARMTH = """
from ldn_report.batch.row_build import worker_warmth
from ldn_report.batch.runner import WORKER_PRELOAD
from ldn_report.batch.workers import WorkerPool
if __name__ == "__main__":
    print(worker_warmth())
    with WorkerPool(2, preload=WORKER_PRELOAD) as pool:
        for _, warmth in pool.map_unordered(worker_warmth, [1, 2]):
            print(warmth)
"""


def test_workers_start_warm(tmp_path: Path) -> None:
    """The forkserver loads the renderer, fonts and pack and lays out the built-in template's
    shared pages before it forks: each worker has them before its first row. (In a process of
    its own: the forkserver is started once per process, with the preload of its first pool.)"""
    script = tmp_path / "warmth.py"
    script.write_text(_WARMTH)
    run = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    parent, *workers = run.stdout.splitlines()
    assert "True" not in parent  # the batch's own process loads none of it
    assert len(workers) == 2
    for line in workers:
        assert "False" not in line, line


_EARLY = """
import sys
from multiprocessing import forkserver
from ldn_report.batch import runner
real = runner.read_clinic_list
def reading(*args, **kwargs):
    print(forkserver._forkserver._forkserver_pid is not None)
    return real(*args, **kwargs)
runner.read_clinic_list = reading
if __name__ == "__main__":
    summary = runner.run_batch(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]))
    print(summary.exit_code)
"""


@pytest.mark.parametrize(("rows", "jobs", "early"), [(80, 2, True), (80, 1, False),
                                                     (2, 2, False)])
def test_the_workers_server_starts_before_a_long_list_is_read(tmp_path, rows, jobs, early):
    """With workers to come, the forkserver (and its warm-up) is started before the list is
    read, so both run at once; not for --jobs 1, nor for a list of a few rows (where the
    reading is over in a moment)."""
    listing = write_list(tmp_path / "list.csv", patients(rows))
    assert (listing.stat().st_size >= runner.EARLY_START_BYTES) == (rows > 2)
    script = tmp_path / "early.py"
    script.write_text(_EARLY)
    run = subprocess.run([sys.executable, script, listing, tmp_path / "out", str(jobs)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    started, code = run.stdout.split("\n")[:2]
    assert started == str(early)
    assert code == "0"
