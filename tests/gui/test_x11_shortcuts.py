"""Under a real X server (Xvfb, the xcb platform), where a QLineEdit claims Ctrl+E and Ctrl+Z
for itself, the main window's shortcuts still fire from every one-line field."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

X11_SESSION = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
    from ldn_report.gui.app import application, create_main_window
    from ldn_report.gui.app_settings import AppSettings

    app = application()
    asked = []
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: asked.append(1) or ("", ""))
    window, controller = create_main_window(AppSettings())
    controller.open_example("on-dmt-mood-pain")
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    lines = [w for w in controller.form.inputs.values() if isinstance(w, QLineEdit)]
    for line in lines:
        line.setFocus()
        QTest.qWait(20)
        before = len(asked)
        QTest.keyClick(line, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        print(line.accessibleName(), "export" if len(asked) == before + 1 else "EATEN")
    name = controller.form.inputs["patient.name"]
    name.setFocus()
    QTest.keyClicks(name, "xyz")
    QTest.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    print("undo", "form" if controller.undo.stack.index() == 0 else "field")
    print("platform", QApplication.platformName(), "fields", len(lines))
    controller.builder.shutdown()
    window.close_guard = None
    window.close()
""")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed (make sysdeps)")
def test_ctrl_e_and_ctrl_z_fire_from_every_one_line_field_under_x11(repo_root):
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24",
                               "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}
        run = subprocess.run([sys.executable, "-c", X11_SESSION], env=env, cwd=repo_root,
                             capture_output=True, text=True, timeout=120)
    finally:
        server.terminate()
        server.wait(10)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[-1] == "platform xcb fields 7", run.stdout
    assert [line for line in lines if line.endswith("EATEN")] == []
    assert "undo form" in lines  # the whole-form undo, not the line edit's own
