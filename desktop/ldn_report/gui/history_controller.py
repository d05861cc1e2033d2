"""The History window's logic: query the register with the filters, check a sheet, choose the
register (saved in the settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableWidgetItem, QWidget

from ..errors import InputError
from ..register.errors import RegisterError
from ..register.location import default_location, parse_location, resolve_location
from .app_settings import AppSettings
from .history_view import HistoryView

MAX_ROWS = 5000  # the table shows the newest; the CLI export has them all


class HistoryController:
    """Owns a HistoryView: every filter change queries the register again."""

    def __init__(self, view: HistoryView, settings: AppSettings) -> None:
        self.view, self.settings = view, settings
        view.register.setText(settings.register)
        view.register.setPlaceholderText(f"This computer: {default_location().label}")
        for signal in (view.search.textChanged, view.mrn.textChanged):
            signal.connect(self.refresh)
        for box in (view.since_on, view.stale_only):
            box.toggled.connect(self.refresh)
        view.since.dateChanged.connect(self.refresh)
        view.use_register.clicked.connect(self.use_register)
        view.register.returnPressed.connect(self.use_register)
        view.check_sheet.clicked.connect(lambda: self.check_sheet())

    def _open(self) -> Any:
        from ..register.store import open_register

        return open_register(resolve_location(self.settings.register or None))

    def refresh(self) -> list[Any]:
        """The rows now shown; a register that cannot be read is said beside its field."""
        from ..evidence import default_pack
        from ..register.queries import list_handouts

        v = self.view
        since = v.since.date().toPython() if v.since_on.isChecked() else None
        try:
            with self._open() as register:
                rows = list_handouts(
                    register, mrn=v.mrn.text().strip() or None, since=since,
                    search=v.search.text().strip(),
                    stale_against=default_pack().version if v.stale_only.isChecked() else None,
                    limit=MAX_ROWS)
        except (RegisterError, InputError) as exc:
            v.register_problem.setText(str(exc))
            v.table.setRowCount(0)
            v.count.setText("")
            return []
        v.register_problem.setText("")
        self._fill(rows)
        return rows

    def _fill(self, rows: list[Any]) -> None:
        table = self.view.table
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (f"{row.made_at:%Y-%m-%d %H:%M}", row.patient,
                     "" if row.deidentified else row.patient_name, row.output_kind,
                     row.template, row.pack_version, row.content_hash, row.clinician,
                     row.destination)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: user data is never markup
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        shown = len(rows)
        self.view.count.setText(f"{shown} report{'s' * (shown != 1)} given out"
                                + (" (the newest)" if shown == MAX_ROWS else ""))

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
            self.view.register_problem.setText(f"Settings not saved: {exc.strerror or exc}")
            return False
        self.refresh()
        return True

    def check_sheet(self, path: str | Path | None = None) -> str:
        """Ask for a PDF (unless given) and say what the register knows of it."""
        from ..evidence import default_pack
        from ..register.verify import verify_sheet

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.view, "Check a sheet", str(Path.home()),
                                                    "PDF (*.pdf)")
            if not chosen:
                return ""
            path = chosen
        try:
            with self._open() as register:
                verdict = verify_sheet(register, path, default_pack().version)
            text = "\n".join([f"{Path(path).name}:", *verdict.lines()])
        except (RegisterError, InputError) as exc:
            text = f"{Path(path).name}: {exc}"
        self.view.verdict.setText(text)
        return text


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



