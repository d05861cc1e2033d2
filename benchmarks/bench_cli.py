"""The whole ldn-report process against WeasyPrint laying out the same report (issue 17).

Both are run as whole processes on the same example, alternating, so a change in the machine's
load hits both alike: `ldn-report build --example X -o x.pdf` (the handout register on, in a file
of this run; the user cache warm, as after the first build) and `weasyprint twin.html w.pdf` on
the report's own HTML twin (render/html.py, written once beforehand by `ldn-report -o x.html`).
The figure is the median of the per-pair ratios of wall time; the target is 25 %. Beside it, the
same ratio of CPU time (user + system, ours with its register helper process), which a busy
machine disturbs less: on 2 cores shared with other jobs the wall ratio says more about the
load than about either program.

Both run as installed: with compiled .pyc files (pip compiles WeasyPrint's at install, the
wheel and the bundle ship ours), so PYTHONDONTWRITEBYTECODE is dropped for these processes; a
development shell that sets it would have every run compile this package's modules again.

What one build process costs and where (README, "Speed"): a short phases script with
perf_counter and process_time around cli's steps, `python -X importtime`, and cProfile.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import tempfile
from collections.abc import Iterator
from pathlib import Path

from common import ProcessRun, Result, find_script, run_process

EXAMPLE = "on-dmt-mood-pain"
RATIO_PERCENT = 25.0
PAIRS = 11


def _pairs(tmp: Path, exe: Path, weasyprint: Path) -> tuple[list[ProcessRun], list[ProcessRun],
                                                             str]:
    cli = [exe, "--register", tmp / "register.sqlite3", "build", "--example", EXAMPLE,
           "-o", tmp / "x.pdf"]
    twin = tmp / "twin.html"
    first = run_process([*cli[:-1], twin], cwd=tmp)
    if first.returncode != 0:
        return [], [], f"ldn-report -o twin.html: exit {first.returncode}: {first.stderr[-200:]}"
    weasy = [weasyprint, "--quiet", twin, tmp / "w.pdf"]
    for cmd in (cli, weasy):  # warm-up: page cache, .pyc files, the user cache
        done = run_process(cmd, cwd=tmp)
        if done.returncode != 0:
            return [], [], f"{Path(cmd[0]).name}: exit {done.returncode}: {done.stderr[-200:]}"
    ours, theirs = [], []
    for _ in range(PAIRS):
        ours.append(run_process(cli, cwd=tmp))
        theirs.append(run_process(weasy, cwd=tmp))
    return ours, theirs, ""


def _cold(tmp: Path, exe: Path) -> list[float]:
    """The same build with an empty user cache each time (first run after an install)."""
    out = []
    for i in range(5):
        with _environment(LDN_REPORT_CACHE=str(tmp / f"cold-cache-{i}")):
            out.append(run_process([exe, "--register", tmp / "register.sqlite3", "build",
                                    "--example", EXAMPLE, "-o", tmp / "c.pdf"], cwd=tmp).seconds)
    return out


@contextlib.contextmanager
def _environment(**changes: str | None) -> Iterator[None]:
    """os.environ with ``changes`` (None: unset) for the processes started inside."""
    saved = {name: os.environ.get(name) for name in changes}
    try:
        _set_environment(changes)
        yield
    finally:
        _set_environment(saved)


def _set_environment(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def run() -> list[Result]:
    name = f"ldn-report build / weasyprint twin.html ({EXAMPLE}, process)"
    exe, weasyprint = find_script("ldn-report"), find_script("weasyprint")
    if exe is None or weasyprint is None:
        return [Result.skip(name, "%", "ldn-report or weasyprint missing (make venv)",
                            RATIO_PERCENT)]
    with tempfile.TemporaryDirectory() as tmp_name, _environment(PYTHONDONTWRITEBYTECODE=None):
        tmp = Path(tmp_name)
        with _environment(LDN_REPORT_CACHE=str(tmp / "cache")):  # this run's, not the user's
            ours, theirs, problem = _pairs(tmp, exe, weasyprint)
        if problem:
            return [Result.skip(name, "%", problem, RATIO_PERCENT)]
        cold = _cold(tmp, exe)
    ratios = [100.0 * a.seconds / b.seconds for a, b in zip(ours, theirs, strict=True)]
    cpu_ratios = [100.0 * a.cpu_seconds / b.cpu_seconds for a, b in zip(ours, theirs, strict=True)]
    ours_s, theirs_s = [r.seconds for r in ours], [r.seconds for r in theirs]
    note = (f"{PAIRS} alternating pairs; medians: ldn-report {statistics.median(ours_s):.3f} s, "
            f"weasyprint {statistics.median(theirs_s):.3f} s; load average "
            f"{os.getloadavg()[0]:.1f}")
    return [
        Result(name, "%", ratios, RATIO_PERCENT, note=note),
        Result("  the same, CPU time (user + system)", "%", cpu_ratios,
               note=f"medians: ldn-report {statistics.median(r.cpu_seconds for r in ours):.3f} s "
               f"(with its register helper), weasyprint "
               f"{statistics.median(r.cpu_seconds for r in theirs):.3f} s"),
        Result(f"  ldn-report build --example {EXAMPLE} (process, warm cache)", "s", ours_s),
        Result("  weasyprint twin.html (process)", "s", theirs_s),
        Result(f"  ldn-report build --example {EXAMPLE} (process, empty cache)", "s", cold,
               note="5 runs, each with a new empty user cache folder"),
    ]
