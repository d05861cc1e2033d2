"""The batch progress display: a bar on a terminal, plain lines otherwise, rows by number only."""

from __future__ import annotations

import io

from ldn_report.batch.command import ProgressPrinter
from ldn_report.batch.manifest import ManifestEntry
from ldn_report.batch.runner import BatchProgress


def feed(printer: ProgressPrinter, total: int = 20) -> None:
    for done in range(1, total + 1):
        entry = (ManifestEntry(done + 1, "failed", column="dmt.status", error="'x' is not allowed")
                 if done == 7 else ManifestEntry(done + 1, "built", f"{done + 1:04d}-Ann-Lee.pdf"))
        printer(BatchProgress(done, total, entry))


def test_terminal_gets_a_bar_that_ends_on_its_own_line():
    stream = io.StringIO()
    feed(ProgressPrinter(stream, tty=True))
    text = stream.getvalue()
    assert "\r[" in text
    assert "] 20/20 rows  1 failed" in text
    assert text.endswith("\n")
    assert "row 8, dmt.status: 'x' is not allowed\n" in text
    assert "Ann" not in text


def test_a_pipe_gets_plain_lines_every_tenth():
    stream = io.StringIO()
    feed(ProgressPrinter(stream, tty=False))
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert "\x1b" not in stream.getvalue()
    progress = [line for line in lines if line.startswith("progress:")]
    assert progress[-1] == "progress: 20/20 rows, 1 failed"
    assert 10 <= len(progress) <= 11
    assert "row 8, dmt.status: 'x' is not allowed" in lines
    assert "Ann" not in stream.getvalue()
