"""Handout register: what recording adds to one build (warm register, and opened per call),
and a 1,000-row batch with the register on (LDN_BENCH_REGISTER_ROWS=100 for a quick run)."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from common import Result, find_script, time_calls

EXAMPLE = "on-dmt-mood-pain"
RECORD_MS = 5.0  # issue 15: recording adds under 5 ms to a build (median)
ROWS_ENV = "LDN_BENCH_REGISTER_ROWS"


def run() -> list[Result]:
    try:
        import ldn_report.register.store  # noqa: F401  (SQLAlchemy and the register itself)
    except ImportError as exc:
        reason = f"{type(exc).__name__}: {exc}"
        return [Result.skip("register: record one build", "ms", reason, RECORD_MS)]
    return [*_record_one(), *_batch(int(os.environ.get(ROWS_ENV, "1000")))]


def _record_one() -> list[Result]:
    from ldn_report.build import build_report
    from ldn_report.examples import load_example
    from ldn_report.register.location import parse_location
    from ldn_report.register.recorder import Recorder, record_output

    ctx = load_example(EXAMPLE)
    result = build_report(ctx)
    with tempfile.TemporaryDirectory() as tmp:
        location = parse_location(str(Path(tmp) / "register.sqlite3"))
        recorder = Recorder(location)

        def warm() -> None:
            assert record_output(ctx, result.report, result.content_hash, "pdf", "/tmp/x.pdf",
                                 data=result.pdf, recorder=recorder) is None

        def opened_each_time() -> None:
            one = Recorder(location)
            try:
                assert record_output(ctx, result.report, result.content_hash, "pdf",
                                     "/tmp/x.pdf", data=result.pdf, recorder=one) is None
            finally:
                one.close()

        try:
            kept = time_calls(warm, runs=51, warmup=3)
            fresh = time_calls(opened_each_time, runs=21, warmup=2)
        finally:
            recorder.close()
    return [
        Result("register: record one build (register open, SQLite)", "ms", kept, RECORD_MS,
               note="app and batch: one transaction per report; 51 runs"),
        Result("register: open + record + close (SQLite, as the CLI)", "ms", fresh,
               note="CLI build: the register is opened once per process; 21 runs"),
    ]


def _batch(rows: int) -> list[Result]:
    """``rows`` rows with --jobs 2 and the register on (a SQLite file of this run): the whole
    CLI process against the batch target, and how much of a batch the register takes (an
    in-process run with Recorder.record timed)."""
    from bench_batch import JOBS, TARGET_1000_S, _make_list, _run

    from ldn_report.batch.runner import run_batch
    from ldn_report.register.location import parse_location
    from ldn_report.register.queries import list_handouts
    from ldn_report.register.recorder import Recorder
    from ldn_report.register.store import open_register

    name = f"register: batch of {rows:,} rows, register on"
    exe = find_script("ldn-report")
    if exe is None:
        return [Result.skip(name, "s", "no ldn-report script next to this Python (make venv)")]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        listing = base / "list.csv"
        _make_list(listing, rows)
        seconds, cpu, _peak, code, last = _run(exe, listing, base / "out")
        if code != 0:
            return [Result.skip(name, "s", f"exit {code}: {last}")]
        with open_register(parse_location(str(base / "register.sqlite3"))) as register:
            assert len(list_handouts(register)) == rows, "every row recorded"

        spent: list[float] = []  # wall time of each record
        cpu_spent: list[float] = []  # CPU time of this thread in it: the load does not count
        original = Recorder.record

        def timed(self: Recorder, records: object) -> str | None:
            started, cpu_started = time.perf_counter(), time.thread_time()
            try:
                return original(self, records)  # type: ignore[arg-type]
            finally:
                spent.append(time.perf_counter() - started)
                cpu_spent.append(time.thread_time() - cpu_started)

        Recorder.record = timed  # type: ignore[method-assign]
        try:
            started = time.perf_counter()
            run_batch(listing, base / "again", jobs=JOBS, register=str(base / "again.sqlite3"))
            wall = time.perf_counter() - started
        finally:
            Recorder.record = original  # type: ignore[method-assign]
    total, target = sum(spent), TARGET_1000_S * rows / 1000
    return [
        Result(f"{name} (whole CLI process)", "s", [seconds], target,
               note=f"--jobs {JOBS}; target: the batch's {TARGET_1000_S:.0f} s per 1,000 rows"),
        Result(f"  CPU time / {JOBS} of that run", "s", [cpu / JOBS], target,
               note="all its processes: the wall time on an otherwise idle machine"),
        Result(f"  time in the register during a {rows:,}-row batch", "s", [total],
               note=f"in-process run: {total / wall:.1%} of its {wall:.1f} s; per row median "
                    f"{statistics.median(spent) * 1000:.2f} ms (one transaction each)"),
        Result("  CPU time of that recording", "s", [sum(cpu_spent)],
               note=f"per row median {statistics.median(cpu_spent) * 1000:.2f} ms"),
    ]
