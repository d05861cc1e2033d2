"""The History window's logic: query the register with the filters, check a sheet, choose the
register (saved in the settings). The register is read on the register thread, never here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QTableWidgetItem, QWidget

from ..errors import InputError
from ..i18n.fill import fill
from ..register.errors import RegisterError, missing_library
from ..register.location import (
    RegisterLocation,
    default_location,
    parse_location,
    resolve_location,
)
from .app_settings import AppSettings
from .history_view import HistoryView
from .register_thread import Dropped, RegisterThread

MAX_ROWS = 5000  # the table shows the newest; the CLI export has them all
TYPING_PAUSE_MS = 300  # the search and record-number fields query once typing pauses


@dataclass(frozen=True)
class _Filters:
    """What the filter widgets said when the query was asked (read in the GUI thread)."""

    mrn: str | None
    since: dt.date | None
    search: str
    stale: bool


class _Skipped:
    """A query overtaken by a newer one before it started: not run."""


class HistoryController(QObject):
    """Owns a HistoryView. One register for the window's life, opened on the register thread
    when first needed and kept (opened again after a failure, or for another address); only
    the newest query's answer is shown."""

    def __init__(self, view: HistoryView, settings: AppSettings) -> None:
        super().__init__(view)
        self.view, self.settings = view, settings
        self.jobs = RegisterThread(self)
        self.jobs.answered.connect(self._answered)
        self.opened = 0  # times a register was opened (one per window unless it fails)
        self._register: tuple[RegisterLocation, Any] | None = None  # register thread only
        self._generation = 0  # of the newest query asked
        self._list_ticket = self._check_ticket = 0
        self._checking = Path()  # the sheet being checked
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(self.refresh)
        view.register.setText(settings.register)
        view.register.setPlaceholderText(
            fill(self.tr("This computer: %1"), default_location().label))
        for signal in (view.search.textChanged, view.mrn.textChanged):
            signal.connect(self.typing.start)
        for box in (view.since_on, view.stale_only):
            box.toggled.connect(self.refresh)
        view.since.dateChanged.connect(self.refresh)
        view.use_register.clicked.connect(self.use_register)
        view.register.returnPressed.connect(self.use_register)
        view.check_sheet.clicked.connect(lambda: self.check_sheet())
        view.finished.connect(lambda _code: self.shutdown())

    @property
    def idle(self) -> bool:
        """No query waiting for a pause in typing, none asked and not answered."""
        return not self.typing.isActive() and not self.jobs.busy

    # --- on the register thread ---------------------------------------------------------------
    def _opened(self, setting: str) -> Any:
        from ..register.store import open_register

        location = resolve_location(setting or None)
        if self._register is None or self._register[0] != location:
            self._close_register()
            self._register = (location, open_register(location))
            self.opened += 1
        return self._register[1]

    def _close_register(self) -> None:
        if self._register is not None:
            self._register[1].close()
            self._register = None

    def _using(self, setting: str, ask: Any) -> Any:
        """``ask(register)`` on the window's register; a failure closes it (reopened next)."""
        try:
            return ask(self._opened(setting))
        except RegisterError:
            self._close_register()
            raise

    def _query(self, generation: int, setting: str, filters: _Filters) -> Any:
        from ..evidence import default_pack
        from ..register.queries import list_handouts

        if generation != self._generation:
            return _Skipped()  # a newer query waits behind this one
        stale = default_pack().version if filters.stale else None
        return self._using(setting, lambda register: list_handouts(
            register, mrn=filters.mrn, since=filters.since, search=filters.search,
            stale_against=stale, limit=MAX_ROWS))

    def _verify(self, setting: str, path: Path) -> list[str]:
        from ..evidence import default_pack
        from ..register.verify import read_sheet, verify_sheet

        read_sheet(path)  # a file that is not a PDF is said before the register is opened
        verdict = self._using(setting, lambda register: verify_sheet(
            register, path, default_pack().version))
        return verdict.lines()

    # --- in the GUI thread --------------------------------------------------------------------
    def refresh(self) -> int:
        """Ask for the rows the filters select; the table fills when they come. The ticket."""
        self.typing.stop()
        v = self.view
        filters = _Filters(mrn=v.mrn.text().strip() or None,
                           since=v.since.date().toPython() if v.since_on.isChecked() else None,
                           search=v.search.text().strip(), stale=v.stale_only.isChecked())
        self._generation += 1
        generation, setting = self._generation, self.settings.register
        self._list_ticket = self.jobs.submit(lambda: self._query(generation, setting, filters))
        return self._list_ticket

    def _answered(self, ticket: int, result: object) -> None:
        if isinstance(result, Dropped):
            return  # the window closed before it ran
        if ticket == self._list_ticket:
            self._show_rows(result)
        elif ticket == self._check_ticket:
            self._show_verdict(result)

    def _problem(self, result: object) -> str:
        if isinstance(result, ImportError):
            return str(missing_library(result))
        if isinstance(result, RegisterError | InputError):
            return str(result)
        return fill(self.tr("The register could not be read (%1)"), type(result).__name__)

    def _show_rows(self, result: object) -> None:
        v = self.view
        if isinstance(result, _Skipped):
            return
        if isinstance(result, Exception):
            v.register_problem.setText(self._problem(result))
            v.table.setRowCount(0)
            v.count.setText("")
            return
        v.register_problem.setText("")
        self._fill(list(result))  # type: ignore[call-overload]

    def _fill(self, rows: list[Any]) -> None:
        table = self.view.table
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            # The record number column: the number, or "de-identified" (never the name twice)
            number = row.patient if row.deidentified else row.patient_mrn
            cells = (f"{row.made_at:%Y-%m-%d %H:%M}", number,
                     "" if row.deidentified else row.patient_name, row.output_kind,
                     row.template, row.pack_version, row.content_hash, row.clinician,
                     row.destination)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: user data is never markup
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        shown = len(rows)
        text = self.tr("1 report given out") if shown == 1 else fill(
            self.tr("%1 reports given out"), str(shown))
        self.view.count.setText(text + (self.tr(" (the newest)") if shown == MAX_ROWS else ""))

    def use_register(self) -> bool:
        """Take the typed register address: checked, saved in the settings, then listed."""
        text = self.view.register.text().strip()
        try:
            parse_location(text, "Register") if text else None
        except InputError as exc:
            self.view.register_problem.setText(exc.message)
            return False
        self.settings.register = text
        try:
            self.settings.save()
        except OSError as exc:
            self.view.register_problem.setText(
                fill(self.tr("Settings not saved: %1"), str(exc.strerror or exc)))
            return False
        self.refresh()
        return True

    def check_sheet(self, path: str | Path | None = None) -> int:
        """Ask for a PDF (unless given); what the register knows of it is shown when it comes.
        The ticket (0 when no file was chosen)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.view, self.tr("Check a sheet"),
                                                    str(Path.home()), "PDF (*.pdf)")
            if not chosen:
                return 0
            path = chosen
        sheet, setting = Path(path), self.settings.register
        self._checking = sheet
        self.view.verdict.setText(fill(self.tr("%1: checking…"), sheet.name))
        self._check_ticket = self.jobs.submit(lambda: self._verify(setting, sheet))
        return self._check_ticket

    def _show_verdict(self, result: object) -> None:
        name = self._checking.name
        if isinstance(result, Exception):
            text = f"{name}: {self._problem(result)}"
        else:
            text = "\n".join([f"{name}:", *result])  # type: ignore[misc]
        self.view.verdict.setText(text)

    def shutdown(self) -> None:
        """The window closed: queries not started are dropped; the register is closed on its
        thread after the running one."""
        self.typing.stop()
        self._generation += 1
        self.jobs.drop_queued()
        self.jobs.submit(self._close_register)


_open_windows: set[HistoryView] = set()


def show_history(parent: QWidget | None, settings: AppSettings) -> HistoryController:
    """Open the History window (non-modal) on the register the settings name."""
    view = HistoryView(parent)
    controller = HistoryController(view, settings)
    view._controller = controller  # type: ignore[attr-defined]  # kept alive with its view
    _open_windows.add(view)
    view.finished.connect(lambda _code: _open_windows.discard(view))
    controller.refresh()
    view.show()
    view.raise_()
    return controller
