"""Clinic-day batch: 100 / 1,000 / 5,000 rows with --jobs 2 (time, per-row time, total memory),
and the batch's wall time as a ratio of rows x one in-process build, measured in the same run."""

from __future__ import annotations

import csv
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from common import REPO_ROOT, Result, find_script

JOBS = 2
SIZES = (100, 1000, 5000)
RUNS = {100: 3, 1000: 3, 5000: 1}  # LDN_BENCH_BATCH_QUICK=1: one run each, no 5,000
TARGET_1000_S = 20.0
TARGET_PEAK_MB = 500.0
TARGET_RATIO = 0.35  # batch wall time / (rows x one in-process build), on 2 cores
EXAMPLE = REPO_ROOT / "resources" / "examples" / "clinic-list.csv"


def _make_list(path: Path, rows: int) -> None:
    """``rows`` patients made from the example list's rows, each with its own name and MRN."""
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        header, *examples = list(csv.reader(handle))
    name, mrn = header.index("patient.name"), header.index("patient.mrn")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(rows):
            row = list(examples[i % len(examples)])
            if row[name]:
                row[name] = f"{row[name]} {i}"
            row[mrn] = f"BENCH-{i:06d}"
            writer.writerow(row)


def _one_build(listing: Path, runs: int = 7) -> tuple[float, float]:
    """One in-process build of a row of ``listing``, as a report built on its own: (wall ms,
    CPU ms), each the median over ``runs`` builds of each distinct row, averaged over the rows
    (the list cycles through them); every build lays out all its pages (no shared pages)."""
    from ldn_report.batch.clinic_list import read_clinic_list
    from ldn_report.build import build_report
    from ldn_report.templates.catalogue import resolve_template

    rows = [r for r in read_clinic_list(listing).rows if r.ok][:5]
    walls, cpus = [], []
    for row in rows:
        template = resolve_template(row.template or None, base_dir=listing.parent)
        build_report(row.context, template, shared_pages=False)  # warm-up
        wall, cpu = [], []
        for _ in range(runs):
            w0, c0 = time.perf_counter(), time.process_time()
            build_report(row.context, template, shared_pages=False)
            wall.append((time.perf_counter() - w0) * 1000.0)
            cpu.append((time.process_time() - c0) * 1000.0)
        walls.append(statistics.median(wall))
        cpus.append(statistics.median(cpu))
    return statistics.fmean(walls), statistics.fmean(cpus)


def _tree_sample(root: int, cpu_ticks: dict[int, int]) -> float:
    """Resident memory (MB) of ``root`` and all its descendants (workers, forkserver) now;
    records each process's CPU ticks so far in ``cpu_ticks`` (pid -> utime + stime)."""
    parents: dict[int, int] = {}
    stats: dict[int, tuple[int, int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        # fields[0] is stat's 3rd field: utime is the 14th, stime the 15th, rss the 24th
        stats[pid] = (int(fields[11]) + int(fields[12]), int(fields[21]))
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    for pid in tree & stats.keys():
        cpu_ticks[pid] = max(cpu_ticks.get(pid, 0), stats[pid][0])
    page = os.sysconf("SC_PAGE_SIZE")
    return sum(stats[pid][1] for pid in tree & stats.keys()) * page / (1024 * 1024)


def _run(exe: Path, listing: Path, out: Path, *extra: str) -> tuple[float, float, float, int, str]:
    """Wall s, CPU s of the whole process tree, peak total RSS MB (both sampled every 50 ms),
    exit code, last error line. The workers are the forkserver's children, not the CLI's, so
    the CLI's rusage would miss them: /proc is sampled instead."""
    t0 = time.perf_counter()
    # The handout register is on, as in use, in a file of this run (not the user's register).
    register = ["--register", str(out.parent / "register.sqlite3")]
    proc = subprocess.Popen([exe, *register, "batch", listing, "-o", out, "--jobs", str(JOBS),
                             *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    # stderr is drained by a thread so a chatty child never blocks on a full pipe
    chunks: list[str] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    peak = 0.0
    ticks: dict[int, int] = {}
    while proc.poll() is None:
        peak = max(peak, _tree_sample(proc.pid, ticks))
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    reader.join()
    lines = [line for line in "".join(chunks).splitlines() if not line.startswith("progress:")]
    cpu = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
    return seconds, cpu, peak, proc.returncode, (lines or [""])[-1]


def _ratios(listing: Path, batch_s: float, batch_cpu_per_job_s: float) -> list[Result]:
    """The batch against rows x one in-process build, measured now (under the same load)."""
    one_wall, one_cpu = _one_build(listing)
    rows = 1000
    return [
        Result("  one in-process build of a row of that list", "ms", [one_wall], None,
               note="wall; median of 7 per row, all pages laid out, mean over the 5 rows"),
        Result("  same, CPU time", "ms", [one_cpu], None, note="process_time of those builds"),
        Result(f"  ratio: batch / (1,000 x one build), --jobs {JOBS}", "x",
               [batch_s * 1000.0 / (rows * one_wall)], TARGET_RATIO,
               note="wall times; 0.5 = 2 cores fully used, nothing saved per row"),
        Result("  same ratio from CPU times (an idle machine)", "x",
               [batch_cpu_per_job_s * 1000.0 / (rows * one_cpu)], TARGET_RATIO,
               note=f"the batch's CPU time / {JOBS} over rows x one build's CPU time: what "
               "the wall ratio is when nothing else runs"),
    ]


def run() -> list[Result]:
    exe = find_script("ldn-report")
    name = f"batch --jobs {JOBS}"
    if exe is None:
        return [Result.skip(name, "s", "no ldn-report script next to this Python (make venv)")]
    quick = os.environ.get("LDN_BENCH_BATCH_QUICK") == "1"
    results: list[Result] = []
    per_row: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for size in SIZES:
            if quick and size == 5000:
                continue
            listing = base / f"list-{size}.csv"
            _make_list(listing, size)
            times, cpus, peaks = [], [], []
            for index in range(1 if quick else RUNS[size]):
                out = base / f"out-{size}-{index}"
                seconds, cpu, peak, code, last = _run(exe, listing, out)
                if code != 0:
                    return [*results, Result.skip(f"{name}: {size} rows", "s",
                                                  f"exit {code}: {last}")]
                times.append(seconds)
                cpus.append(cpu / JOBS)
                peaks.append(peak)
                if index == 0 and size == 1000:
                    again, _, _, code, last = _run(exe, listing, out)  # everything unchanged
                    if code == 0:
                        results.append(Result(f"{name}: rerun of 1,000 unchanged rows", "s",
                                              [again], None, note="resume: compose only"))
                    merged, _, peak_merge, code, last = _run(exe, listing, out, "--merge",
                                                             "--duplex")
                    if code == 0:
                        results.append(Result(f"{name}: same rerun with --merge --duplex", "s",
                                              [merged], None, note="10 volumes of 100 reports"))
                        results.append(Result("  peak memory of that rerun", "MB",
                                              [peak_merge], TARGET_PEAK_MB))
                shutil.rmtree(out, ignore_errors=True)
            target = TARGET_1000_S if size == 1000 else None
            results.append(Result(f"{name}: {size:,} rows", "s", times, target,
                                  note=f"{len(times)} run(s), whole CLI process"))
            results.append(Result(f"  peak memory, {size:,} rows (all processes)", "MB", peaks,
                                  TARGET_PEAK_MB, note="sum of RSS of the process tree"))
            results.append(Result(f"  CPU time / {JOBS}, {size:,} rows", "s", cpus, target,
                                  note="the wall time on an otherwise idle machine"))
            per_row[size] = (statistics.median(times) / size * 1000.0,
                             statistics.median(cpus) * JOBS / size * 1000.0)
            if size == 1000:
                results += _ratios(listing, statistics.median(times), statistics.median(cpus))
    for size, (wall_ms, cpu_ms) in per_row.items():
        results.append(Result(f"  per row at {size:,} rows: wall", "ms", [wall_ms], None,
                              note="linear growth: these stay about the same"))
        results.append(Result(f"  per row at {size:,} rows: CPU", "ms", [cpu_ms], None,
                              note="CPU of all processes per row"))
    return results
