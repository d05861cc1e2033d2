"""A Spanish build against an English one of the same patient: within 10% (issue 14)."""

from __future__ import annotations

import statistics

from common import Result, time_calls

EXAMPLE = "on-dmt-mood-pain"
MAX_EXTRA_PERCENT = 10.0
ROUNDS = 5  # English and Spanish take turns, so machine load hits both alike


def run() -> list[Result]:
    names = (f"build_report({EXAMPLE}) English", f"build_report({EXAMPLE}) Spanish",
             "  Spanish over English (median of rounds)")
    try:
        from ldn_report.build import build_report
        from ldn_report.examples import load_example

        english = load_example(EXAMPLE).with_values(language="en")
        spanish = english.with_values(language="es")
        build_report(spanish)
    except Exception as exc:  # no Spanish yet: say so, go on with the other benchmarks
        reason = f"{type(exc).__name__}: {exc}"
        return [Result.skip(n, "ms", reason) for n in names]
    en: list[float] = []
    es: list[float] = []
    extra: list[float] = []
    for _ in range(ROUNDS):
        a = time_calls(lambda: build_report(english), runs=5, warmup=1)
        b = time_calls(lambda: build_report(spanish), runs=5, warmup=1)
        en += a
        es += b
        extra.append((statistics.median(b) / statistics.median(a) - 1) * 100)
    note = f"{ROUNDS} rounds of 5 runs each, taking turns"
    return [Result(names[0], "ms", en, note=note), Result(names[1], "ms", es, note=note),
            Result(names[2], "%", extra, MAX_EXTRA_PERCENT, note="target: within 10%")]
