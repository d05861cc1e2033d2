"""Handout register: what recording adds to one build (warm register, and opened per call)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import Result, time_calls

EXAMPLE = "on-dmt-mood-pain"
RECORD_MS = 5.0  # issue 15: recording adds under 5 ms to a build (median)


def run() -> list[Result]:
    try:
        from ldn_report.build import build_report
        from ldn_report.examples import load_example
        from ldn_report.register.location import parse_location
        from ldn_report.register.recorder import Recorder, record_output
    except ImportError as exc:
        reason = f"{type(exc).__name__}: {exc}"
        return [Result.skip("register: record one build", "ms", reason, RECORD_MS)]
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
