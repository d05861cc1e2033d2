"""Starting the desktop app: command line, QApplication, error dialog, main window, recovery."""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..examples import example_names
from ..paths import ICONS_DIR
from .app_input import install_input_filters
from .app_settings import AppSettings
from .language.translator import install_translator
from .main_controller import MainController
from .main_window import APP_TITLE, MainWindow
from .messages import install_excepthook


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ldn-report-gui", description=f"{APP_TITLE}: desktop app")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--example", choices=example_names(), metavar="NAME",
                        help="start with a bundled example patient: " + ", ".join(example_names()))
    source.add_argument("context", nargs="?", help="a patient context JSON file to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # For install checks: quit after the first preview, print one line, optionally save the
    # window as a PNG. No settings, drafts or recovery question are touched by it.
    parser.add_argument("--smoke-test", nargs="?", const="", default=None, metavar="PNG",
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def application() -> QApplication:
    """The one QApplication, made high-DPI aware before it exists."""
    existing = QApplication.instance()
    if existing is not None:
        install_input_filters(existing)
        return existing  # type: ignore[return-value]
    # Fractional scale factors (125 %, 150 %) as they are, not rounded: crisp text and pages.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("ldn-report-gui")
    icon = ICONS_DIR / "app.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    # Wheel guard, shortcuts from every field, type-ahead: for every window, dialog and editor.
    install_input_filters(app)
    return app


def create_main_window(settings: AppSettings | None = None) -> tuple[MainWindow, MainController]:
    """A main window with its controller (tests and benchmarks start here too)."""
    window = MainWindow()
    controller = MainController(window, settings)
    window.controller = controller  # keep it alive as long as the window
    return window, controller


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = application()
    settings = AppSettings.load()
    # Before any window: Qt translates each text when the widget is made.
    install_translator(app, settings.language)
    install_excepthook()
    window, controller = create_main_window(settings)
    if args.example:
        controller.open_example(args.example)
    elif args.context:
        if not controller.open_path(args.context, ask=False):
            controller.new_context()
    else:
        controller.new_context()
    window.show()
    if args.smoke_test is not None:
        return smoke_test(app, window, controller, args.smoke_test)
    # After the window is up, so the question has a parent on screen.
    QTimer.singleShot(0, controller.offer_recovery)
    return app.exec()


def smoke_test(app: QApplication, window: MainWindow, controller: MainController,
               png: str, limit_s: float = 60.0) -> int:
    """Run until the first preview is on screen, then print one line and quit (exit 0); exit 1
    when no preview came within ``limit_s`` seconds."""
    started = time.monotonic()

    def done(_result, _ms: float) -> None:
        # After the controller's own slot (connected first): the preview shows this report.
        if png:
            window.grab().save(png)
        pages = window.preview.page_count()
        print(f"smoke test: window {window.windowTitle()!r} {window.width()}x{window.height()}, "
              f"first preview {pages} pages after {time.monotonic() - started:.2f} s", flush=True)
        app.exit(0)

    def too_late() -> None:
        print(f"smoke test: no preview within {limit_s:.0f} s", flush=True)
        app.exit(1)

    controller.builder.built.connect(done)
    QTimer.singleShot(int(limit_s * 1000), too_late)
    return app.exec()
