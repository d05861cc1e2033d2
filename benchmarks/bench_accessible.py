"""The accessible PDF (PDF/UA-1 via WeasyPrint): in a warm process and as a whole CLI process."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import Result, find_script, run_process, time_calls

EXAMPLE = "on-dmt-mood-pain"
WARM_MS = 1000.0  # issue 13's targets
PROCESS_S = 2.0


def _warm() -> Result:
    name = f"build_report({EXAMPLE}, accessible=True) warm"
    try:
        from ldn_report.build import build_report
        from ldn_report.examples import load_example

        ctx = load_example(EXAMPLE)
        samples = time_calls(lambda: build_report(ctx, accessible=True), runs=9, warmup=2)
    except Exception as exc:  # WeasyPrint or Pango missing: say so, go on with the others
        return Result.skip(name, "ms", f"{type(exc).__name__}: {exc}", WARM_MS)
    return Result(name, "ms", samples, WARM_MS, note="9 runs after 2 warm-up")


def _process() -> Result:
    name = f"ldn-report build --example {EXAMPLE} --accessible (process)"
    exe = find_script("ldn-report")
    if exe is None:
        return Result.skip(name, "s", "no ldn-report script next to this Python", PROCESS_S)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.pdf"
        cmd = [exe, "build", "--example", EXAMPLE, "--accessible", "-o", out]
        first = run_process(cmd, cwd=Path(tmp))
        if first.returncode != 0 or not out.exists():
            last = (first.stderr.strip().splitlines() or ["(no output)"])[-1]
            return Result.skip(name, "s", f"exit {first.returncode}: {last}", PROCESS_S)
        runs = [run_process(cmd, cwd=Path(tmp)) for _ in range(7)]
    return Result(name, "s", [r.seconds for r in runs], PROCESS_S, note="7 runs after 1 warm-up")


def run() -> list[Result]:
    return [_warm(), _process()]
