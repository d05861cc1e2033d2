"""A user's mistake never gives a traceback (CLI exit 2) or a GUI crash; a bug shows a dialog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"}}


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ldn_report", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def _write(path: Path, data: bytes | str) -> Path:
    # Test fixtures, not app output.
    with path.open("wb") as handle:
        handle.write(data.encode() if isinstance(data, str) else data)
    return path


MISTAKES = {
    "no arguments": lambda d: [],
    "unknown command": lambda d: ["frobnicate"],
    "missing context file": lambda d: ["build", "--context", str(d / "nope.json"), "-o", "r.pdf"],
    "context is a folder": lambda d: ["build", "--context", str(d), "-o", "r.pdf"],
    "not JSON": lambda d: ["build", "--context", str(_write(d / "c.json", "{oops")), "-o",
                           "r.pdf"],
    "not UTF-8": lambda d: ["build", "--context", str(_write(d / "c.json", b"\xff\xfe\x00{")),
                            "-o", "r.pdf"],
    "JSON list": lambda d: ["build", "--context", str(_write(d / "c.json", "[1, 2]")), "-o",
                            "r.pdf"],
    "unknown field": lambda d: ["build", "--context", str(_write(
        d / "c.json", json.dumps({**GOOD, "colour": "red"}))), "-o", "r.pdf"],
    "bad enum": lambda d: ["build", "--context", str(_write(
        d / "c.json", json.dumps({**GOOD, "dmt": {"status": "maybe"}}))), "-o", "r.pdf"],
    "NUL in name": lambda d: ["build", "--context", str(_write(
        d / "c.json", json.dumps({**GOOD, "patient": {"name": "A\u0000B"}}))), "-o", "r.pdf"],
    "name too long": lambda d: ["build", "--context", str(_write(
        d / "c.json", json.dumps({**GOOD, "patient": {"name": "A" * 10_000}}))), "-o", "r.pdf"],
    "impossible date": lambda d: ["build", "--context", str(_write(
        d / "c.json", json.dumps({**GOOD, "appointment_date": "2025-02-30"}))), "-o", "r.pdf"],
    "output is a folder": lambda d: ["build", "--example", "on-dmt-mood-pain", "-o", str(d)],
    "output not .pdf": lambda d: ["build", "--example", "on-dmt-mood-pain", "-o", "r.txt"],
    "output under a file": lambda d: ["build", "--example", "on-dmt-mood-pain", "-o",
                                      str(_write(d / "file", "x") / "r.pdf")],
    "unknown example": lambda d: ["build", "--example", "nobody", "-o", "r.pdf"],
    "unknown template": lambda d: ["build", "--example", "on-dmt-mood-pain", "--template",
                                   "No Such Clinic", "-o", "r.pdf"],
    "broken template file": lambda d: ["build", "--example", "on-dmt-mood-pain", "--template",
                                       str(_write(d / "t.toml", "name = ")), "-o", "r.pdf"],
    "template with a bad logo": lambda d: ["build", "--example", "on-dmt-mood-pain",
                                           "--template", str(_write(
        d / "t.toml", f'format_version = 1\nname = "X"\n[branding]\nlogo = "{d / "t.toml"}"\n')),
        "-o", "r.pdf"],
    "missing clinic list": lambda d: ["batch", str(d / "none.csv"), "-o", str(d / "out")],
    "clinic list not CSV": lambda d: ["batch", str(_write(d / "l.csv", b"\x00\xff" * 100)),
                                      "-o", str(d / "out")],
    "validate a missing template": lambda d: ["templates", "validate", str(d / "none.toml")],
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_users_mistake_gives_one_clear_line_and_exit_2(mistake: str, tmp_path: Path) -> None:
    run = cli(*MISTAKES[mistake](tmp_path), cwd=tmp_path)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert "error" in run.stderr.lower(), run.stderr
    assert 0 < len(run.stderr.strip().splitlines()) <= 3, run.stderr
    assert not list(tmp_path.glob("*.pdf")), "a report was written anyway"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        run = cli("build", "--example", "on-dmt-mood-pain", "-o", str(locked / "r.pdf"),
                  cwd=tmp_path)
    finally:
        locked.chmod(0o700)
    assert "Traceback" not in run.stderr
    assert run.returncode == 2
    assert "locked" in run.stderr


# -- GUI ----------------------------------------------------------------------------------------

@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list:
    """Every message box the app shows, captured instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox

    shown: list = []

    def fake_exec(box):
        shown.append((box.text(), box.informativeText(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def main_window(qtbot):
    from ldn_report.gui.app import create_main_window

    window, controller = create_main_window()
    qtbot.addWidget(window)
    window.show()
    yield window, controller
    controller.builder.wait_for_done()
    controller.drafts.discard()


@pytest.mark.parametrize("content", [b"{oops", b"\xff\xfe", b"[]", b'{"schema_version": 2}'])
def test_opening_a_bad_file_in_the_gui_shows_a_problem_not_a_crash(
        main_window, boxes: list, tmp_path: Path, content: bytes) -> None:
    window, controller = main_window
    bad = _write(tmp_path / "bad.json", content)
    assert controller.open_path(bad, ask=False) is False
    assert len(boxes) == 1
    assert "bad.json" in " ".join(boxes[0])
    assert window.isVisible()


def test_opening_a_folder_in_the_gui_shows_a_problem(main_window, boxes: list,
                                                     tmp_path: Path) -> None:
    _, controller = main_window
    assert controller.open_path(tmp_path, ask=False) is False
    assert len(boxes) == 1


MAIN_PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ldn_report.gui import app, messages

messages.ask_recover = lambda *a, **k: False
seen = []

def quit_soon():
    seen.append(sys.excepthook is messages.excepthook)
    for widget in QApplication.topLevelWidgets():
        if hasattr(widget, "controller"):
            widget.controller.builder.wait_for_done()
            widget.controller.drafts.discard()
            widget.close_guard = lambda: True
    QApplication.instance().quit()

app.application()  # the timer needs the application's event dispatcher
QTimer.singleShot(300, quit_soon)
code = app.main(["--example", "on-dmt-mood-pain"])
print("hook installed" if seen == [True] else f"hook missing: {sys.excepthook!r}", code)
"""


def test_main_installs_the_error_dialog_hook(tmp_path: Path) -> None:
    """app.main() puts the error dialog in sys.excepthook before the event loop runs.

    In its own process: a second QApplication.exec() in the test process changes how later
    tests' slots report exceptions.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", MAIN_PROBE], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=120)
    assert run.stdout.split() == ["hook", "installed", "0"], run.stdout + run.stderr


def test_an_unexpected_exception_in_a_slot_shows_the_error_dialog(
        main_window, boxes: list, qtbot, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from ldn_report.gui import messages

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    messages.install_excepthook()
    window, controller = main_window

    def broken_preview(*args, **kwargs):
        raise RuntimeError("preview exploded")

    # A real bug path: the window's own refresh, called from a Qt signal.
    monkeypatch.setattr(controller.window.preview, "show_pdf", broken_preview)
    controller.open_example("on-dmt-mood-pain")
    qtbot.waitUntil(lambda: len(boxes) >= 1, timeout=30_000)
    text, informative, details = boxes[0]
    assert "report" in text.lower()
    assert "RuntimeError: preview exploded" in informative
    assert "Traceback" in details
    assert window.isVisible()
    assert "preview exploded" in capsys.readouterr().err  # a copy for a terminal


def test_an_error_inside_the_error_dialog_does_not_recurse(
        qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from ldn_report.gui import messages

    calls: list = []

    def failing_dialog(*args):
        calls.append(args)
        messages.excepthook(ValueError, ValueError("second"), None)
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(messages, "show_unexpected_error", failing_dialog)
    with pytest.raises(RuntimeError):
        messages.excepthook(KeyError, KeyError("first"), None)
    assert len(calls) == 1
