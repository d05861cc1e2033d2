"""What the main window does: validate the form, rebuild the preview, files, autosave, recovery."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ..context import (
    FIELDS_BY_NAME,
    PatientContext,
    context_from_dict,
    context_to_dict,
    flatten,
    load_context,
    save_context,
)
from ..errors import InputError
from ..examples import example_names, example_path
from ..i18n.fill import fill
from ..templates.model import DEFAULT_TEMPLATE, ClinicTemplate
from . import messages
from .about_dialog import show_about
from .app_settings import AppSettings
from .context_form import field_of_error
from .drafts import DraftStore
from .file_names import suggested_context_name
from .form_undo import FormUndo
from .language.core_messages import core_message, input_error_text
from .language.field_texts import field_text
from .language.template_texts import template_description, template_name
from .main_window import MainWindow
from .output_actions import OutputActions
from .report_worker import ReportBuilder

# Typing waits for a short pause; a click (check box, combo) rebuilds at once.
TYPING_DELAY_MS = 150
CHOICE_DELAY_MS = 0
# Window moves and resizes come in floods: saved once they settle. Other settings at once.
SETTINGS_SETTLE_MS = 400
REMEMBERED_FIELDS = {"clinician.name": "clinician_name", "clinician.role": "clinician_role"}
JSON_FILTER = "Patient context (*.json)"


def available_templates() -> list[ClinicTemplate]:
    """The clinic templates to offer; the default alone until the template catalogue exists."""
    try:
        from ..templates.catalogue import list_templates  # provided by the clinic-templates work
    except (ImportError, AttributeError):
        return [DEFAULT_TEMPLATE]
    return list(list_templates()) or [DEFAULT_TEMPLATE]


def validate_form(values: dict[str, Any]) -> tuple[PatientContext | None, dict[str, str]]:
    """The context, or every field's message: validation stops at the first bad field, so the
    bad field is blanked and validation runs again until the rest is clean."""
    trial = dict(values)
    errors: dict[str, str] = {}
    for _ in range(len(FIELDS_BY_NAME) + 1):
        try:
            ctx = context_from_dict(trial)
        except InputError as err:
            name = field_of_error(err.field)
            message = core_message(err.message)  # the core speaks English (for the CLI)
            if name in errors or trial.get(name) is None:
                errors.setdefault(name or "(form)", message)
                return None, errors
            errors[name] = message
            trial[name] = None
        else:
            return (None, errors) if errors else (ctx, errors)
    return None, errors


def _optional_module(name: str) -> bool:
    """Whether a module another engineer is still writing exists, without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class MainController(QObject):
    """Connects the window's form, preview and actions to the report engine and the disk."""

    def __init__(self, window: MainWindow, settings: AppSettings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.form = window.form
        self.settings = settings or AppSettings.load()
        self.drafts = DraftStore()
        self.builder = ReportBuilder(self)
        self.path: Path | None = None
        self.document_name = ""  # the title of a form with no file, e.g. an example's name
        self.ctx: PatientContext | None = None  # the last valid form
        self.result = None  # the BuildResult on screen
        self.result_key: tuple[PatientContext, ClinicTemplate] | None = None
        self.build_ms = 0.0
        self._requested: tuple[PatientContext, ClinicTemplate] | None = None
        self._baseline: dict[str, Any] = self.form.values()  # an untouched form is clean
        self._autosaved: dict[str, Any] | None = None
        self.output = OutputActions(self)
        self.undo = FormUndo(self.form, self)
        self.undo.bind(window.undo_action, window.redo_action)

        self.templates = available_templates()
        self._fill_templates(self.settings.last_template)
        self._connect()
        self._fill_examples()
        self._fill_recent()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(self.settings.autosave_seconds * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        window.close_guard = self.close_guard
        self._restore_geometry()
        self.settings_timer = QTimer(self)
        self.settings_timer.setSingleShot(True)
        self.settings_timer.setInterval(SETTINGS_SETTLE_MS)
        self.settings_timer.timeout.connect(self.save_settings)
        window.installEventFilter(self)
        window.split.splitterMoved.connect(lambda _pos, _index: self.remember_soon())

    # --- wiring -----------------------------------------------------------------------------
    def _connect(self) -> None:
        w = self.window
        self.form.edited.connect(self.on_form_edited)
        current = self.settings.language
        w.language_actions.get(current, w.language_actions[""]).setChecked(True)
        w.language_group.triggered.connect(self.choose_language)
        self.undo.restored.connect(self._on_undo_restored)
        self.builder.built.connect(self._on_built)
        self.builder.failed.connect(self._on_build_failed)
        self.builder.busy_changed.connect(self._on_busy)
        w.template_combo.currentIndexChanged.connect(self._on_template_chosen)
        w.new_action.triggered.connect(self.new_context)
        w.open_action.triggered.connect(self.open_dialog)
        w.save_action.triggered.connect(self.save)
        w.save_as_action.triggered.connect(self.save_as)
        w.export_action.triggered.connect(self.output.export_pdf)
        w.export_html_action.triggered.connect(self.output.export_html)
        w.export_accessible_action.triggered.connect(self.output.export_accessible_pdf)
        w.print_action.triggered.connect(self.output.print_report)
        w.copy_note_action.triggered.connect(self.output.copy_chart_note)
        w.about_action.triggered.connect(lambda: show_about(w))
        w.edit_templates_action.setEnabled(_optional_module("ldn_report.gui.template_editor"))
        w.edit_templates_action.triggered.connect(self.edit_templates)
        w.batch_action.setEnabled(_optional_module("ldn_report.gui.batch_dialog"))
        w.batch_action.triggered.connect(self.run_batch)
        w.history_action.triggered.connect(self.show_history)

    def _fill_templates(self, wanted: str) -> None:
        combo = self.window.template_combo
        combo.blockSignals(True)
        combo.clear()
        for row, template in enumerate(self.templates):
            combo.addItem(template_name(template))
            combo.setItemData(row, template_description(template), Qt.ItemDataRole.ToolTipRole)
        names = [t.name for t in self.templates]
        combo.setCurrentIndex(names.index(wanted) if wanted in names else 0)
        combo.blockSignals(False)

    def _fill_examples(self) -> None:
        menu = self.window.examples_menu
        menu.clear()
        for name in example_names():
            action = menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.open_example(n))

    def _fill_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for text in self.settings.recent_files:
            action: QAction = menu.addAction(Path(text).name)
            action.setToolTip(text)
            action.setStatusTip(text)
            action.triggered.connect(lambda _c=False, p=text: self.open_path(p))
        menu.setEnabled(bool(self.settings.recent_files))

    @property
    def template(self) -> ClinicTemplate:
        index = self.window.template_combo.currentIndex()
        return self.templates[index] if 0 <= index < len(self.templates) else DEFAULT_TEMPLATE

    # --- form -> preview ------------------------------------------------------------------
    def on_form_edited(self, name: str = "") -> None:
        if name in REMEMBERED_FIELDS:
            setattr(self.settings, REMEMBERED_FIELDS[name], self.form.values()[name].strip())
            self.remember_soon()
        kind = FIELDS_BY_NAME[name].kind if name in FIELDS_BY_NAME else ""
        delay = TYPING_DELAY_MS if kind in ("str", "text", "date") else CHOICE_DELAY_MS
        self.refresh(delay)

    def refresh(self, delay_ms: int = 0) -> None:
        """Validate the form now; rebuild the report after ``delay_ms`` if it is valid."""
        ctx, errors = validate_form(self.form.values())
        self.form.show_errors(errors)
        self._update_title()
        if ctx is None:
            self.builder.cancel()
            self._requested = None
            count = len(errors)
            self.window.status_label.setText(
                self.tr("1 field to fix; the preview shows the last good report.") if count == 1
                else fill(self.tr("%1 fields to fix; the preview shows the last good report."),
                          str(count)))
            self._show_stale(errors)
            return
        self.window.stale_banner.hide()
        self.ctx = ctx
        key = (ctx, self.template)
        if key == self.result_key and key == self._requested:
            return  # e.g. a field typed back to what is already shown
        self._requested = key
        self.builder.request(ctx, self.template, delay_ms)

    def _show_stale(self, errors: dict[str, str]) -> None:
        labels = [field_text(FIELDS_BY_NAME[n].label) if n in FIELDS_BY_NAME
                  else self.tr("the form") for n in errors]
        shown = (self.tr("The preview below is the last good report.") if self.result is not None
                 else self.tr("No report yet."))
        self.window.stale_banner.setText(
            fill(self.tr("Out of date: fix %1. %2"), ", ".join(labels), shown))
        self.window.stale_banner.show()

    def _on_undo_restored(self, field: str) -> None:
        self.refresh(CHOICE_DELAY_MS)
        widget = self.form.inputs.get(field)
        if widget is not None and widget.isVisibleTo(self.form):
            widget.setFocus()  # show where the change was undone

    def _on_template_chosen(self, _index: int) -> None:
        self.settings.last_template = self.template.name
        self.remember()
        self.refresh(CHOICE_DELAY_MS)

    def _on_built(self, result, elapsed_ms: float) -> None:
        self.show_result(result, elapsed_ms, self._requested)

    def show_result(self, result, elapsed_ms: float, key) -> None:
        self.result = result
        self.result_key = key
        self.build_ms = elapsed_ms
        pages = self.window.preview.show_pdf(result.pdf)
        self.window.rules.show_hits(result.report.hits, result.build_warnings,
                                    key[0].medications if key else ())
        self.window.build_problem.hide()
        self.window.pages_label.setText(
            self.tr("1 page") if pages == 1 else fill(self.tr("%1 pages"), str(pages)))
        self.window.time_label.setText(fill(self.tr("built in %1 ms"), f"{elapsed_ms:.0f}"))
        self.window.status_label.setText(self.tr("Preview is up to date"))

    def _on_build_failed(self, message: str, details: str) -> None:
        self.window.build_problem.setText(fill(
            self.tr("The report could not be built: %1\nThe preview shows the last good report."),
            message))
        self.window.build_problem.setToolTip(details)
        self.window.build_problem.show()
        self.window.status_label.setText(self.tr("Report build failed"))

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.window.time_label.setText(self.tr("building…"))

    # --- documents --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return self.form.values()

    def is_dirty(self) -> bool:
        return self.form.values() != self._baseline

    def _update_title(self) -> None:
        name = self.path.name if self.path else self.document_name or self.tr("new patient context")
        self.window.setWindowTitle(f"{name}[*] — {self.window.app_title}")
        self.window.setWindowModified(self.is_dirty())

    def load_values(self, flat: dict[str, Any], path: Path | None, clean: bool = True,
                    name: str = "") -> None:
        """Put values in the form; ``clean`` makes them the saved state (no unsaved prompt);
        ``name`` titles a form that has no file."""
        self.form.set_values(flat)
        self.undo.reset()
        self.path = path
        self.document_name = name
        self._baseline = self.form.values() if clean else {}
        self._autosaved = None
        self.refresh(0)

    def may_discard(self, what: str) -> bool:
        """Ask before unsaved edits are lost; False when the user cancels."""
        if not self.is_dirty():
            return True
        choice = messages.ask_unsaved(self.window, what)
        if choice is messages.UnsavedChoice.SAVE:
            return self.save()
        return choice is messages.UnsavedChoice.DISCARD

    def new_context(self) -> None:
        if self.may_discard(self.tr("starting a new patient context")):
            # The clinician stays the same from patient to patient.
            self.load_values({"clinician.name": self.settings.clinician_name,
                              "clinician.role": self.settings.clinician_role}, None)
            self.drafts.discard()

    def open_dialog(self) -> None:
        if not self.may_discard(self.tr("opening another file")):
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a patient context"), self.settings.last_folder,
            JSON_FILTER
        )
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        path = Path(path)
        if ask and not self.may_discard(self.tr("opening another file")):
            return False
        try:
            ctx = load_context(path)
        except InputError as err:
            if "file not found" in err.message:
                self.settings.remove_recent(path)
                self._fill_recent()
                self.remember()
            messages.show_problem(self.window, self.tr("Cannot open this file"),
                                  input_error_text(err))
            return False
        self.load_values(flatten(context_to_dict(ctx)), path)
        self.settings.last_folder = str(path.parent)
        self.settings.add_recent(path)
        self._fill_recent()
        self.remember()
        self.drafts.discard()
        return True

    def open_example(self, name: str) -> bool:
        if not self.may_discard(self.tr("opening an example")):
            return False
        ctx = load_context(example_path(name))
        # An example is a starting point, not a file to overwrite: Save asks where.
        self.load_values(flatten(context_to_dict(ctx)), None, name=f"{name} (example)")
        self.drafts.discard()
        return True

    def valid_context(self, doing: str) -> PatientContext | None:
        ctx, errors = validate_form(self.form.values())
        if ctx is None:
            self.form.show_errors(errors)
            listed = "\n".join(
                f"• {field_text(FIELDS_BY_NAME[n].label) if n in FIELDS_BY_NAME else n}: {m}"
                for n, m in errors.items())
            messages.show_problem(self.window, fill(self.tr("Cannot %1 yet"), doing),
                                  self.tr("Some fields need fixing first (marked in red)."),
                                  listed)
        return ctx

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        ctx = self.valid_context(self.tr("save"))
        if ctx is None:
            return False
        folder = self.settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the patient context"),
            str(Path(folder) / suggested_context_name(ctx)), JSON_FILTER,
        )
        if not path:
            return False
        path = Path(path) if path.lower().endswith(".json") else Path(path + ".json")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        ctx = self.valid_context(self.tr("save"))
        if ctx is None:
            return False
        try:
            save_context(ctx, path)
        except OSError as exc:
            messages.show_problem(self.window, self.tr("Cannot save"),
                                  f"{path}: {exc.strerror or exc}")
            return False
        self.path = path
        self._baseline = self.form.values()
        self.settings.last_folder = str(path.parent)
        self.settings.add_recent(path)
        self._fill_recent()
        self.remember()
        self.drafts.discard()
        self._autosaved = None
        self._update_title()
        self.window.status_label.setText(fill(self.tr("Saved %1"), path.name))
        return True

    # --- autosave and recovery --------------------------------------------------------------
    def autosave(self) -> bool:
        """Write the draft if the form changed since the last save/autosave; True if written."""
        values = self.form.values()
        if not self.is_dirty():
            self.drafts.discard()
            self._autosaved = None
            return False
        if values == self._autosaved:
            return False
        self.drafts.save(values, str(self.path) if self.path else "")
        self._autosaved = values
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest draft left behind; True when it was restored."""
        found = self.drafts.left_behind()
        if not found:
            return False
        draft = found[0]
        origin = (fill(self.tr("from %1"), Path(draft.source_path).name) if draft.source_path
                  else self.tr("a new context"))
        when = draft.saved_at.strftime("%Y-%m-%d %H:%M")
        restore = messages.ask_recover(self.window, when, origin)
        if restore:
            source = Path(draft.source_path) if draft.source_path else None
            known = {k: v for k, v in draft.values.items() if k in FIELDS_BY_NAME}
            self.load_values(known, source, clean=False)
            self.autosave()  # this session's own copy before the old one goes
        draft.path.unlink(missing_ok=True)
        return restore

    # --- other windows ----------------------------------------------------------------------
    def edit_templates(self) -> None:
        module = importlib.import_module("ldn_report.gui.template_editor")
        edit = getattr(module, "edit_templates", None)
        if edit is None:
            messages.show_info(self.window, self.tr("Templates"),
                               self.tr("The template editor is not ready yet."))
            return
        # Opens on the template in use; returns the template chosen with "Use", or None.
        chosen = edit(self.window, self.ctx, self.template.name)
        wanted = getattr(chosen, "name", None) or self.template.name
        self.templates = available_templates()  # the editor may have added or renamed some
        self._fill_templates(wanted)
        self.settings.last_template = self.template.name
        self.remember()
        self.refresh(CHOICE_DELAY_MS)

    def run_batch(self) -> None:
        module = importlib.import_module("ldn_report.gui.batch_dialog")
        run = getattr(module, "run_batch_dialog", None)
        if run is None:
            messages.show_info(self.window, self.tr("Clinic day batch"),
                               self.tr("The batch dialog is not ready yet."))
            return
        run(self.window, self.template.name)  # starts with the template in use here

    def choose_language(self, action: QAction) -> None:
        """View > Language: remembered at once, used from the next start."""
        self.settings.language = str(action.data())
        self.remember()
        self.window.status_label.setText(
            self.tr("The new language is used the next time the app starts."))

    def show_history(self) -> None:
        from .history_controller import show_history

        self.history = show_history(self.window, self.settings)

    # --- window state -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        w, s = self.window, self.settings
        if s.window_geometry:
            w.restoreGeometry(QByteArray.fromHex(s.window_geometry.encode()))
        if s.window_state:
            w.restoreState(QByteArray.fromHex(s.window_state.encode()))
        if s.splitter_state:
            w.split.restoreState(QByteArray.fromHex(s.splitter_state.encode()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.remember_soon()
        return super().eventFilter(watched, event)

    def remember_soon(self) -> None:
        """Save the settings once the window has settled (moves and resizes come in floods)."""
        self.settings_timer.start()

    def remember(self) -> None:
        """Save the settings now: a crash after this loses none of them."""
        self.save_settings()

    def save_settings(self, loud: bool = False) -> None:
        """Write the settings file; a failure is a dialog when ``loud`` (at close), else a
        status line (a read-only config folder must not nag at every window move)."""
        self.settings_timer.stop()
        w, s = self.window, self.settings
        s.window_geometry = bytes(w.saveGeometry().toHex()).decode()
        s.window_state = bytes(w.saveState().toHex()).decode()
        s.splitter_state = bytes(w.split.saveState().toHex()).decode()
        s.last_template = self.template.name
        try:
            s.save()
        except OSError as exc:
            if loud:
                messages.show_problem(self.window, self.tr("Settings not saved"), str(exc))
            else:
                self.window.status_label.setText(
                    fill(self.tr("Settings not saved: %1"), str(exc.strerror or exc)))

    def close_guard(self) -> bool:
        """The window may close: unsaved edits handled, settings saved, draft removed."""
        if not self.may_discard(self.tr("closing")):
            return False
        self.autosave_timer.stop()
        self.output.finish_printing()
        self.output.close_register()
        self.builder.shutdown()
        self.save_settings(loud=True)
        self.drafts.discard()  # a clean close: nothing to recover next time
        return True
