"""Shared pieces for the benchmarks: the Result record and small timing helpers.

A benchmark is a module benchmarks/bench_<name>.py with `def run() -> list[Result]`; run.py finds
and runs it. Use Result.skip(...) when something it needs does not exist yet.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent  # .venv/bin when run as `.venv/bin/python benchmarks/run.py`


@dataclass
class Result:
    """One measured quantity: samples in `unit`; lower is better; target is the upper limit."""

    name: str
    unit: str  # "ms", "s" or "MB"
    samples: list[float] = field(default_factory=list)
    target: float | None = None
    note: str = ""
    skipped: str = ""  # reason, when it could not be measured

    @classmethod
    def skip(cls, name: str, unit: str, reason: str, target: float | None = None) -> Result:
        return cls(name, unit, target=target, skipped=reason)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def status(self) -> str:
        if self.skipped or not self.samples:
            return "SKIP"
        if self.target is None:
            return "-"
        return "PASS" if self.median <= self.target else "OVER"


def time_calls(fn: Callable[[], object], runs: int = 21, warmup: int = 2,
               clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """Wall time of fn() in milliseconds, `runs` times after `warmup` untimed calls
    (``clock=time.process_time``: this process's CPU time, which other jobs barely change)."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        gc.collect()
        t0 = clock()
        fn()
        out.append((clock() - t0) * 1000.0)
    return out


@dataclass
class ProcessRun:
    seconds: float
    max_rss_mb: float  # the child's RSS high-water mark (getrusage ru_maxrss)
    returncode: int
    stderr: str
    # user + system CPU of the child and the children it waited for (a helper it forked)
    cpu_seconds: float = 0.0


def run_process(cmd: Sequence[str | os.PathLike], cwd: Path | None = None) -> ProcessRun:
    """Run one command; wall time, CPU time and the peak RSS of that very child (os.wait4)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [os.fspath(c) for c in cmd],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # stderr is small; read it before wait4 so a chatty child cannot block on a full pipe
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen it is reaped
    if proc.stderr:
        proc.stderr.close()
    return ProcessRun(seconds, usage.ru_maxrss / 1024.0, proc.returncode, err,
                      usage.ru_utime + usage.ru_stime)


def find_script(name: str) -> Path | None:
    """A console script of the venv running the benchmarks (e.g. ldn-report)."""
    p = BIN_DIR / name
    return p if p.exists() else None
