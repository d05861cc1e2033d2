"""Screenshots of every window on a 1280x720 screen (Xvfb), as README and reviewers see them.

    .venv/bin/python tools/screenshots.py [OUT_DIR]     # default: resources/screenshots
    .venv/bin/python tools/screenshots.py --language es [OUT_DIR]   # the same, in Spanish

Starts its own Xvfb (Debian package xvfb) unless DISPLAY names a 1280x720 one already, uses
fresh settings folders (no user templates or settings) and grabs the whole screen, so a window
that does not fit shows cut off. Files: main-window.png, template-editor.png, batch-window.png,
history.png (the batch's rows and a few other handouts), about.png and report-page-1.png (page 1
of the on-dmt-mood-pain example, 70 dpi); with --language es the interface is Spanish, the
example patient's report language too (so the preview is a Spanish report), and each name ends
in -es (main-window-es.png, ...).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1280, 720)
EXAMPLE = "everything-flagged"
REPORT_EXAMPLE = "on-dmt-mood-pain"  # the README's report page


@contextlib.contextmanager
def _xvfb() -> Iterator[None]:
    """A private X server of SCREEN size for this process."""
    if shutil.which("Xvfb") is None:
        sys.exit("screenshots: Xvfb is not installed (Debian package xvfb; `make sysdeps`)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    os.environ["DISPLAY"] = f":{display}"
    try:
        yield
    finally:
        server.terminate()
        server.wait(10)


def _wait(app, done: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("screenshots: the window did not get ready in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for _ in range(10):  # let the last paint land
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.02)


def _demo_list(folder: Path) -> Path:
    """The example clinic list plus a row with an empty DMT status and a row with mistakes."""
    rows = (REPO_ROOT / "resources" / "examples" / "clinic-list.csv").read_text(encoding="utf-8")
    width = rows.splitlines()[0].count(",")
    unset = ["Ivo Novak", "", "", "no", "Relapsing-remitting MS", ""] + [""] * (width - 5)
    wrong = ["Ada Byrne", "", "", "no", "XMS", "sometimes", "", "flying", "perhaps"]
    wrong += [""] * (width + 1 - len(wrong))
    path = folder / "clinic-list.csv"
    path.write_text(rows + ",".join(unset) + "\n" + ",".join(wrong) + "\n", encoding="utf-8")
    return path


def _add_handouts() -> None:
    """Beside the batch's rows in this run's register: the other output kinds, a
    de-identified report and one made with an older evidence pack (needs a new sheet)."""
    import json

    from ldn_report.context import context_from_dict
    from ldn_report.examples import example_path, load_example
    from ldn_report.register.location import default_location
    from ldn_report.register.record import handout_for
    from ldn_report.register.store import open_register

    anon = json.loads(example_path("on-dmt-mood-pain").read_text(encoding="utf-8"))
    anon["patient"] = {"deidentified": True}
    made = [  # (context, kind, where, pack)
        (load_example("takes-opioids"), "print", "LDN_PDF", "1.1.0"),
        (load_example("on-dmt-mood-pain"), "accessible_pdf",
         "/home/clinic/reports/LDN-report_Fernández_2026-12-01_accessible.pdf", "1.1.0"),
        (load_example("on-dmt-mood-pain"), "html",
         "/home/clinic/reports/LDN-report_Fernández_2026-12-01.html", "1.1.0"),
        (context_from_dict(anon), "pdf",
         "/home/clinic/reports/LDN-report_deidentified_2026-12-01.pdf", "1.1.0"),
        (load_example("takes-opioids"), "pdf",
         "/home/clinic/reports/LDN-report_Ellis_2026-10-02.pdf", "1.0.0"),
    ]
    with open_register(default_location()) as register:
        register.add([handout_for(ctx, template="Standard Letter", pack_version=pack,
                                  language="en", content_hash=f"{i:x}a3f9c0e1d"[:10],
                                  kind=kind, destination=where)
                      for i, (ctx, kind, where, pack) in enumerate(made)])


def take(out_dir: Path, language: str = "") -> list[Path]:
    """Every window; in ``language`` (interface and report) when given."""
    from PySide6.QtWidgets import QApplication

    from ldn_report.gui.about_dialog import AboutDialog
    from ldn_report.gui.app import application, create_main_window
    from ldn_report.gui.app_settings import AppSettings
    from ldn_report.gui.batch_dialog import BatchDialog
    from ldn_report.gui.history_controller import show_history
    from ldn_report.gui.language.translator import install_translator
    from ldn_report.gui.template_editor import TemplateEditor

    app = application()
    if language and not install_translator(app, language):
        sys.exit(f"screenshots: no translation for {language!r} (run `make translations`)")
    screen = QApplication.primaryScreen()
    size = screen.size()
    if (size.width(), size.height()) != SCREEN:
        sys.exit(f"screenshots: the screen is {size.width()}x{size.height()}, not "
                 f"{SCREEN[0]}x{SCREEN[1]}")
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = f"-{language}" if language else ""
    written: list[Path] = []

    def shoot(name: str) -> None:
        from PIL import Image

        path = out_dir / f"{name}{suffix}.png"
        screen.grabWindow(0).save(str(path))
        # 256 colours keep the text crisp at a third of the size in the repository
        Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)
        written.append(path)

    window, controller = create_main_window(AppSettings(language=language))
    controller.open_example(EXAMPLE)
    if language:
        # The patient's report in the interface's language: one language on the whole screen.
        report_language = window.form.inputs["language"]
        report_language.setCurrentIndex(report_language.findData(language))
    window.show()
    _wait(app, lambda: controller.result is not None and not controller.builder.is_busy()
          and controller.result.report.meta.language.startswith(language or "en"))
    shoot("main-window")
    written.append(_report_page(language, out_dir / f"report-page-1{suffix}.png"))

    editor = TemplateEditor(window, controller.ctx, controller.template.name)
    editor.show()
    editor.form.setCurrentIndex(2)  # Sections: whole names, the editable heading
    _wait(app, lambda: editor.preview_settled and editor.last_result is not None)
    shoot("template-editor")
    editor.done(0)

    with tempfile.TemporaryDirectory(prefix="clinic-lists-") as work:
        batch = BatchDialog(window, controller.template.name)
        batch.show()
        batch.list_edit.setText(str(_demo_list(Path(work))))
        batch.jobs_spin.setValue(1)
        batch.start()
        _wait(app, lambda: batch.summary is not None and not batch.running, timeout=300)
        shoot("batch-window")
        batch.reject()

    history = show_history(window, controller.settings)
    _add_handouts()
    history.refresh()
    _wait(app, lambda: history.idle and history.view.table.rowCount() > 0)
    shoot("history")
    history.view.close()

    about = AboutDialog(window)
    about.show()
    _wait(app, lambda: True)
    shoot("about")
    about.close()

    controller.autosave_timer.stop()
    controller.builder.shutdown()
    window.close_guard = None
    controller.drafts.discard()
    window.close()
    return written


def _report_page(language: str, path: Path) -> Path:
    """Page 1 of the README's example report (REPORT_EXAMPLE, Standard Letter) in ``language``
    as a 70 dpi PNG (poppler's pdftoppm)."""
    from ldn_report.build import build_report
    from ldn_report.examples import load_example

    ctx = load_example(REPORT_EXAMPLE)
    pdf = build_report(ctx.with_values(language=language) if language else ctx).pdf
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", "-singlefile",
                        str(source), str(Path(work) / "page")], check=True)
        shutil.copyfile(Path(work) / "page.png", path)
    return path


def main(argv: list[str]) -> int:
    # argparse: options in any order, and --help answers instead of becoming a folder's name.
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", type=Path,
                        default=REPO_ROOT / "resources" / "screenshots",
                        help="where the PNG files go (default: resources/screenshots)")
    parser.add_argument("--language", default="", metavar="CODE",
                        help="the interface and the example report in this language (es)")
    args = parser.parse_args(argv)
    language, out_dir = args.language, args.out_dir
    with tempfile.TemporaryDirectory() as home:
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(Path(home) / var.lower())
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        with _xvfb():
            shots = take(out_dir.resolve(), language)
            for path in shots:
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
