"""Building the standard example report: in-process, as a whole CLI process, and its memory."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import Result, find_script, run_process, time_calls

EXAMPLE = "on-dmt-mood-pain"
IN_PROCESS_MS = 30.0
PROCESS_S = 0.6
PEAK_MB = 120.0


def _in_process() -> Result:
    name = f"build_report({EXAMPLE}) in-process"
    try:
        from ldn_report.build import build_report
        from ldn_report.examples import load_example

        ctx = load_example(EXAMPLE)
    except Exception as exc:  # the engine may not exist yet
        return Result.skip(name, "ms", f"{type(exc).__name__}: {exc}", IN_PROCESS_MS)
    try:
        samples = time_calls(lambda: build_report(ctx), runs=21, warmup=3)
    except Exception as exc:  # work in progress: report it, go on with the other benchmarks
        return Result.skip(name, "ms", f"build failed: {type(exc).__name__}: {exc}", IN_PROCESS_MS)
    return Result(name, "ms", samples, IN_PROCESS_MS, note="21 runs after 3 warm-up")


def _whole_process() -> list[Result]:
    wall = f"ldn-report build --example {EXAMPLE} (process)"
    mem = "  peak RSS of that process"
    exe = find_script("ldn-report")
    if exe is None:
        reason = "no ldn-report script next to this Python (make venv)"
        return [Result.skip(wall, "s", reason, PROCESS_S), Result.skip(mem, "MB", reason, PEAK_MB)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.pdf"
        # the handout register on (as in use), in a file of this run
        cmd = [exe, "--register", Path(tmp) / "register.sqlite3", "build", "--example", EXAMPLE,
               "-o", out]
        first = run_process(cmd, cwd=Path(tmp))  # warm-up: page cache, .pyc files
        if first.returncode != 0 or not out.exists():
            last = (first.stderr.strip().splitlines() or ["(no output)"])[-1]
            reason = f"exit {first.returncode}: {last}"
            return [
                Result.skip(wall, "s", reason, PROCESS_S),
                Result.skip(mem, "MB", reason, PEAK_MB),
            ]
        runs = [run_process(cmd, cwd=Path(tmp)) for _ in range(11)]
    note = "11 runs after 1 warm-up"
    return [
        Result(wall, "s", [r.seconds for r in runs], PROCESS_S, note=note),
        Result(mem, "MB", [r.max_rss_mb for r in runs], PEAK_MB, note="ru_maxrss of the child"),
    ]


def run() -> list[Result]:
    return [_in_process(), *_whole_process()]
