"""The desktop app (offscreen): start to first preview, edit to preview, UI stalls while typing."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO_ROOT, Result

EXAMPLE = "on-dmt-mood-pain"
START_S = 2.0
EDIT_MS = 300.0
STALL_MS = 50.0
HEARTBEAT_MS = 2

# A whole app process: from before Python starts to the first preview on screen.
_START_SCRIPT = f"""
import sys, time
from PySide6.QtCore import QEventLoop
from ldn_report.gui.app import application, create_main_window
app = application()
window, controller = create_main_window()
controller.open_example("{EXAMPLE}")
window.show()
while controller.result is None:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
print("ready", controller.window.preview.page_count(), flush=True)
"""


def _env(tmp: str) -> dict[str, str]:
    # Offscreen, and user folders in a temp dir: a benchmark must not touch real settings.
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data", "XDG_STATE_HOME": f"{tmp}/state"}


def _start_to_preview(tmp: str, runs: int = 5) -> Result:
    name = f"app start -> first preview ({EXAMPLE})"
    samples = []
    for index in range(runs + 1):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _START_SCRIPT], env=_env(tmp), cwd=REPO_ROOT,
                             capture_output=True, text=True, timeout=60)
        seconds = time.perf_counter() - t0
        if out.returncode != 0 or "ready" not in out.stdout:
            last = (out.stderr.strip().splitlines() or ["(no output)"])[-1]
            return Result.skip(name, "s", f"exit {out.returncode}: {last}", START_S)
        if index:  # the first run warms the page cache and .pyc files
            samples.append(seconds)
    return Result(name, "s", samples, START_S, note=f"{runs} processes after 1 warm-up; "
                  "includes interpreter start and exit")


class _Heartbeat:
    """A timer on the GUI thread; the longest gap between ticks is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last:
            self.longest = max(self.longest, (now - self.last) * 1e3 - HEARTBEAT_MS)
        self.last = now

    def start(self) -> None:
        self.last, self.longest = 0.0, 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def _in_app(tmp: str) -> list[Result]:
    os.environ.update(_env(tmp))
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from ldn_report.gui.app import application, create_main_window
    from ldn_report.gui.app_settings import AppSettings

    app = application()
    window, controller = create_main_window(AppSettings())
    controller.open_example(EXAMPLE)
    window.show()

    def pump_until(done, timeout_s: float = 30.0) -> None:
        deadline = time.perf_counter() + timeout_s
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the preview did not update")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)

    def shown_is_current() -> bool:
        return (controller.result is not None and not controller.builder.is_busy()
                and controller.result_key == controller._requested)

    pump_until(shown_is_current)
    name_edit = controller.form.inputs["patient.name"]
    opioid_box = controller.form.inputs["safety.opioid_use"]
    typed, toggled = [], []
    for index in range(24):
        # A typed letter (waits for the typing pause) and a check box (rebuilds at once).
        before = window.preview.pdf_bytes
        t0 = time.perf_counter()
        QTest.keyClick(name_edit, Qt.Key.Key_A if index % 2 else Qt.Key.Key_Backspace)
        pump_until(lambda b=before: window.preview.pdf_bytes != b and shown_is_current())
        typed.append((time.perf_counter() - t0) * 1e3)
        before = window.preview.pdf_bytes
        t0 = time.perf_counter()
        opioid_box.toggle()
        pump_until(lambda b=before: window.preview.pdf_bytes != b and shown_is_current())
        toggled.append((time.perf_counter() - t0) * 1e3)

    stalls = []
    dropped_before = controller.builder.dropped
    heartbeat = _Heartbeat()
    for _run in range(5):
        heartbeat.start()
        for index in range(50):  # 50 edits, one every 25 ms: a fast typist
            QTest.keyClick(name_edit, Qt.Key.Key_B if index % 3 else Qt.Key.Key_Backspace)
            end = time.perf_counter() + 0.025
            while time.perf_counter() < end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
            if index % 10 == 9:
                opioid_box.toggle()  # clicks rebuild at once, so some builds overlap typing
        pump_until(shown_is_current)
        stalls.append(heartbeat.stop())
    dropped = controller.builder.dropped - dropped_before
    print_stalls, print_seconds, pages = _while_printing(app, controller, heartbeat, pump_until)
    controller.builder.shutdown()
    window.close_guard = None
    window.close()
    warm = "after 2 warm-up" if len(typed) > 2 else ""
    return [
        Result("edit -> preview updated (typed letter)", "ms", typed[2:], EDIT_MS,
               note=f"{len(typed) - 2} edits {warm}; includes the 150 ms typing pause"),
        Result("edit -> preview updated (check box)", "ms", toggled[2:], EDIT_MS,
               note=f"{len(toggled) - 2} edits {warm}; mean "
               f"{statistics.fmean(toggled[2:]):.0f} ms"),
        Result("longest UI stall during 50 rapid edits", "ms", stalls, STALL_MS,
               note=f"5 runs; heartbeat timer every {HEARTBEAT_MS} ms on the GUI thread; "
               f"{dropped} stale results dropped"),
        Result("longest UI stall while printing", "ms", print_stalls, STALL_MS,
               note=f"{len(print_stalls)} prints of {pages} pages at 300 dpi to a PDF file "
               f"from the print worker; median {statistics.median(print_seconds):.1f} s each"),
    ]


def _while_printing(app, controller, heartbeat: _Heartbeat, pump_until, runs: int = 3):
    """The heartbeat while the print worker renders every page (QPrinter to a PDF file)."""
    from PySide6.QtPrintSupport import QPrinter

    from ldn_report.gui.print_job import PrintJob

    stalls, seconds = [], []
    with tempfile.TemporaryDirectory() as out:
        for run in range(runs):
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(Path(out) / f"print-{run}.pdf"))
            job = PrintJob(controller.result.pdf, printer)
            t0 = time.perf_counter()
            job.start()
            heartbeat.start()
            pump_until(lambda j=job: j.finished, 120.0)
            stalls.append(heartbeat.stop())
            seconds.append(time.perf_counter() - t0)
            if job.error:
                raise RuntimeError(f"printing failed: {job.error}")
    return stalls, seconds, controller.result.page_count


def run() -> list[Result]:
    try:
        import PySide6.QtPdfWidgets  # noqa: F401
    except ImportError as exc:
        reason = f"PySide6 with QtPdf not installed: {exc}"
        return [Result.skip("desktop app", "ms", reason)]
    saved_env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        for sub in ("config", "data", "state"):
            Path(tmp, sub).mkdir()
        try:
            results = [_start_to_preview(tmp), *_in_app(tmp)]
        finally:
            os.environ.clear()
            os.environ.update(saved_env)
    return results
