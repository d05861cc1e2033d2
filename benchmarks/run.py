"""Run the benchmarks and print median / min / max against the targets.

    .venv/bin/python benchmarks/run.py            all benchmarks/bench_*.py
    .venv/bin/python benchmarks/run.py build gui  only modules whose name contains one of these
    .venv/bin/python benchmarks/run.py --strict   exit 1 when a median is over its target

To add a benchmark, create benchmarks/bench_<name>.py with `def run() -> list[Result]`
(Result is in benchmarks/common.py); it is found automatically, in file-name order.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # so bench_*.py can `from common import ...`

from common import Result  # noqa: E402


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "x":
        return f"{value:.3f}x"
    return f"{value:.1f} {unit}"


def _print_table(results: list[Result]) -> None:
    head = ("benchmark", "median", "min", "max", "target", "n", "status")
    rows = []
    for r in results:
        if r.status == "SKIP":
            tgt = _fmt(r.target, r.unit) if r.target is not None else "-"
            rows.append((r.name, "-", "-", "-", tgt, "0", "SKIP"))
            continue
        rows.append(
            (
                r.name,
                _fmt(r.median, r.unit),
                _fmt(min(r.samples), r.unit),
                _fmt(max(r.samples), r.unit),
                _fmt(r.target, r.unit) if r.target is not None else "-",
                str(len(r.samples)),
                r.status,
            )
        )
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    aligns = ["<"] + [">"] * (len(head) - 1)
    line = "  ".join(f"{{:{a}{w}}}" for a, w in zip(aligns, widths, strict=True))
    print(line.format(*head))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line.format(*row))
    for r in results:
        if r.skipped:
            print(f"SKIP {r.name.strip()}: {r.skipped}")
        elif r.note:
            print(f"note {r.name.strip()}: {r.note}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("only", nargs="*", help="run only bench_*.py whose name contains one of these")
    ap.add_argument("--strict", action="store_true", help="exit 1 if any median is over target")
    args = ap.parse_args(argv)

    mods = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if args.only:
        mods = [m for m in mods if any(s in m for s in args.only)]
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs; {len(mods)} benchmark module(s): {', '.join(mods)}\n"
    )
    results: list[Result] = []
    for name in mods:
        try:
            results.extend(importlib.import_module(name).run())
        except Exception as exc:
            traceback.print_exc()
            results.append(Result.skip(name, "s", f"crashed: {type(exc).__name__}: {exc}"))
    _print_table(results)
    over = [r for r in results if r.status == "OVER"]
    return 1 if args.strict and over else 0


if __name__ == "__main__":
    sys.exit(main())
