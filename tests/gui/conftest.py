"""Fixtures for the desktop-app tests: a main window, message-box answers, waiting for a preview."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from ldn_report.gui.app import application, create_main_window
from ldn_report.gui.app_settings import AppSettings
from ldn_report.gui.language.translator import install_translator, qm_path
from ldn_report.gui.main_controller import MainController
from ldn_report.gui.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def app_start_up(qapp):
    """What the app's start-up does to the QApplication (pytest-qt made it): the app-wide
    input filter (wheel guard, shortcuts from every field, type-ahead) for every window."""
    assert application() is qapp
    return qapp


@dataclass
class Gui:
    window: MainWindow
    controller: MainController

    @property
    def form(self):
        return self.window.form

    def field(self, name: str):
        return self.window.form.inputs[name]

    def shown_pdf(self) -> bytes:
        return self.window.preview.pdf_bytes

    def shown_text(self) -> str:
        """The text of the PDF the preview shows, as pypdf reads it (lines joined by spaces)."""
        reader = PdfReader(io.BytesIO(self.shown_pdf()))
        return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)

    def shown_pages(self) -> int:
        return len(PdfReader(io.BytesIO(self.shown_pdf())).pages)


@dataclass
class MessageBoxes:
    """Answers for QMessageBox.exec, given in order; every box shown is recorded."""

    answers: list[Button] = field(default_factory=list)
    shown: list[tuple[str, str, str]] = field(default_factory=list)  # title, text, informative

    def answer(self, *buttons: Button) -> None:
        self.answers.extend(buttons)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """QMessageBox.exec replaced: records each box and returns the next queued answer.

    A box with no queued answer fails the test: it would block a real user's workflow.
    """
    boxes = MessageBoxes()

    def fake_exec(box: QMessageBox) -> int:
        boxes.shown.append((box.windowTitle(), box.text(), box.informativeText()))
        if not boxes.answers:
            raise AssertionError(f"unexpected message box: {box.windowTitle()}: {box.text()}")
        return boxes.answers.pop(0).value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


def wait_for_preview(qtbot, gui: Gui, timeout: int = 20_000) -> None:
    """Until the preview shows the report for exactly what the form holds now."""
    c = gui.controller

    def current() -> bool:
        return (c.result is not None and not c.builder.is_busy()
                and c.result_key == c._requested and c._requested is not None)

    qtbot.waitUntil(current, timeout=timeout)


@pytest.fixture
def wait_preview(qtbot):
    """wait_preview(gui): until the preview shows the report for what the form holds now."""
    return lambda gui, timeout=20_000: wait_for_preview(qtbot, gui, timeout)


@pytest.fixture
def gui(qtbot, message_boxes: MessageBoxes) -> Iterator[Gui]:
    """A shown main window on an empty form, with default settings; closed without prompts."""
    window, controller = create_main_window(AppSettings())
    # Not qtbot.addWidget: pytest-qt would close it before this fixture's teardown, and the
    # unsaved-changes question would come up with no answer queued.
    window.show()
    qtbot.waitExposed(window)
    handle = Gui(window, controller)
    yield handle
    controller.autosave_timer.stop()
    controller.builder.shutdown()
    window.close_guard = None  # teardown must not ask about unsaved edits
    controller.drafts.discard()
    assert controller.builder.wait_for_done(30_000)
    window.close()
    window.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def example_gui(qtbot, gui: Gui) -> Gui:
    """The main window with the example patient on-dmt-mood-pain loaded and previewed."""
    gui.controller.open_example("on-dmt-mood-pain")
    wait_for_preview(qtbot, gui)
    return gui


@pytest.fixture
def spanish(qapp):
    """The Spanish translators installed on the test's QApplication, removed afterwards."""
    assert qm_path("es").is_file(), "run `make translations` (the .qm is built, not committed)"
    translators = install_translator(qapp, "es")
    assert translators, "the Spanish .qm did not load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def spanish_window(qtbot, spanish, message_boxes):
    window, controller = create_main_window(AppSettings(language="es"))
    window.show()
    qtbot.waitExposed(window)
    yield window
    controller.autosave_timer.stop()
    controller.builder.shutdown()
    window.close_guard = None
    controller.drafts.discard()
    assert controller.builder.wait_for_done(30_000)
    window.close()
    window.deleteLater()
    qtbot.wait(1)
