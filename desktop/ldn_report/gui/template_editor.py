"""The clinic-template editor: pick, edit, preview live, save, import, export, duplicate, reset.

``edit_templates(parent, current_context, current_template)`` is the one call the main window
makes.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..build import BuildResult
from ..context import PatientContext
from ..errors import InputError
from ..examples import load_example
from ..i18n.fill import fill
from ..logo import downscale_logo, logo_too_big
from ..templates.catalogue import (
    builtin_templates,
    export_template,
    is_builtin_name,
    list_templates,
    save_user_template,
    user_templates_dir,
)
from ..templates.file_format import load_template, template_from_dict
from ..templates.model import ClinicTemplate, slugify
from . import messages
from .language.core_messages import core_message, input_error_text
from .language.template_texts import template_description, template_name
from .preview import PdfPreview
from .report_worker import ReportBuilder
from .template_form import TemplateForm
from .window_size import fit_to_screen

PREVIEW_DELAY_MS = 400
PREVIEW_EXAMPLE = "on-dmt-mood-pain"  # shown when the main window's form is not valid yet
PREFERRED_SIZE = (1400, 860)
MAX_DESCRIPTION = 300  # as the template file format allows
COPY_PREFIX = "Copy of "


def copy_description(source: ClinicTemplate) -> str:
    """A copy's description says what it was copied from (once, not "Copy of Copy of ...")."""
    original = source.description
    if original.startswith(COPY_PREFIX) and ": " in original:
        original = original.split(": ", 1)[1]
    text = f"{COPY_PREFIX}{source.name}" + (f": {original}" if original else ".")
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION - 1] + "\u2026"


class TemplateEditor(QDialog):
    """Left: the templates; middle: the form; right: the current patient's report, live."""

    def __init__(self, parent: QWidget | None, ctx: PatientContext | None,
                 template_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Clinic templates"))
        self.ctx = ctx or load_example(PREVIEW_EXAMPLE)
        self.stored: ClinicTemplate = builtin_templates()[0]  # as on disk (or built in)
        self.current: ClinicTemplate | None = self.stored  # the form, validated; None = invalid
        self.dirty = False
        self.last_result: BuildResult | None = None

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.setMinimumWidth(180)
        self.list.currentRowChanged.connect(self._on_pick)
        self.form = TemplateForm()
        self.form.changed.connect(self._on_edit)
        self.form.logo_browse_requested.connect(self.choose_logo)
        self.preview = PdfPreview()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Template status"))

        self.duplicate_button = self._button(self.tr("Duplicate"), self.duplicate)
        self.save_button = self._button(self.tr("Save"), self.save)
        self.save_as_button = self._button(self.tr("Save as\u2026"), self.save_as)
        self.import_button = self._button(self.tr("Import\u2026"), self.import_dialog)
        self.export_button = self._button(self.tr("Export\u2026"), self.export_dialog)
        self.reset_button = self._button(self.tr("Reset"), self.reset)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(self.tr("Use this template"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Templates")))
        left_layout.addWidget(self.list, 1)
        for button in (self.duplicate_button, self.import_button, self.export_button):
            left_layout.addWidget(button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.form, 1)
        row = QHBoxLayout()
        for button in (self.save_button, self.save_as_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        middle_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        # the form gets the room; the preview still shows a whole page width
        splitter.setSizes([225, 680, 455])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.builder = ReportBuilder(self)
        self.builder.built.connect(self._on_built)
        self.builder.failed.connect(lambda message, _details: self._say(
            fill(self.tr("The preview could not be made: %1"), core_message(message)),
            error=True))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._validate_and_preview)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save)
        keys = self.save_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(fill(self.tr("Save (%1)"), keys))
        fit_to_screen(self, *PREFERRED_SIZE)
        self.refresh_list(template_name or self.stored.name)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    # -- the list -----------------------------------------------------------------------------

    def refresh_list(self, select: str = "") -> None:
        self.templates = list_templates()
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.templates:
            item = QListWidgetItem(fill(self.tr("%1  (built-in)"), template_name(t)) if t.builtin
                                   else t.name)
            item.setToolTip(template_description(t) or t.source)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [t.name for t in self.templates]
        self.list.setCurrentRow(names.index(select) if select in names else 0)

    def _on_pick(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            self.load(self.templates[row])

    def load(self, template: ClinicTemplate) -> None:
        """Show a stored template in the form, with no unsaved edits."""
        self.stored = template
        self.current = template
        self.form.set_template(template)
        self._set_dirty(False)
        self._say(self._describe(template))
        self.builder.request(self.ctx, template)

    def _describe(self, t: ClinicTemplate) -> str:
        if t.builtin:
            return fill(self.tr("\u201c%1\u201d is built in and read-only: use Duplicate or "
                                "Save as to make your own copy."), template_name(t))
        return fill(self.tr("\u201c%1\u201d is saved in %2."), t.name, t.source)

    # -- editing ------------------------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty and not self.stored.builtin)
        self.reset_button.setEnabled(dirty)
        # Switching templates would lose the edits: save or reset first.
        self.list.setEnabled(not dirty)
        self.duplicate_button.setEnabled(not dirty)

    def _on_edit(self) -> None:
        self._set_dirty(True)
        self._timer.start(PREVIEW_DELAY_MS)

    def form_template(self) -> ClinicTemplate:
        """The form, validated like a file; InputError names the key."""
        template = template_from_dict(self.form.document(), where="", strict=True)
        return dataclasses.replace(template, builtin=False, source=self.stored.source)

    def _validate_and_preview(self) -> ClinicTemplate | None:
        template = self._validated()
        if template is not None:
            self.builder.request(self.ctx, template)
        return template

    def _validated(self) -> ClinicTemplate | None:
        """The form as a template, or None with the error shown next to its field."""
        self._timer.stop()
        try:
            template = self.form_template()
        except InputError as exc:
            self.current = None
            self.form.mark_error(exc.field)
            message = core_message(exc.message)
            self._say(f"{exc.field}: {message}" if exc.field else message, error=True)
            self.use_button.setEnabled(False)
            return None
        self.current = template
        self.form.mark_error("")
        self.use_button.setEnabled(True)
        self._say(self.tr("Unsaved changes. The preview shows them with the current patient.")
                  + ("" if not self.stored.builtin else " " + self.tr(
                      "A built-in cannot be overwritten: use Save as.")))
        return template

    @property
    def preview_settled(self) -> bool:
        """True when the preview shows the form as it is now (no edit waiting, no build running)."""
        return not self._timer.isActive() and self.builder.up_to_date

    def _on_built(self, result: BuildResult, _ms: float) -> None:
        self.last_result = result
        self.preview.show_pdf(result.pdf)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #B3261E;" if error else "")

    # -- commands -----------------------------------------------------------------------------

    def ask_name(self, title: str, suggested: str) -> str | None:
        """The new template's name from the user; None if they cancel."""
        name, ok = QInputDialog.getText(self, title, self.tr("Template name:"), text=suggested)
        return name.strip() if ok and name.strip() else None

    def _store(self, template: ClinicTemplate, replacing: ClinicTemplate | None = None) -> bool:
        try:
            saved = save_user_template(template)
        except InputError as exc:
            self.form.mark_error(exc.field)
            self._say(fill(self.tr("Not saved. %1"), input_error_text(exc)), error=True)
            return False
        except OSError as exc:
            self._say(fill(self.tr("Not saved: %1 (%2). The last saved file is unchanged."),
                           str(exc.strerror), str(exc.filename)), error=True)
            return False
        if replacing is not None and replacing.source and replacing.source != saved.source:
            Path(replacing.source).unlink(missing_ok=True)  # renamed: the old file goes
        self.refresh_list(saved.name)
        self._say(fill(self.tr("Saved \u201c%1\u201d to %2."), saved.name, saved.source))
        return True

    def save(self) -> bool:
        if self.stored.builtin:
            return self.save_as()
        template = self._validate_and_preview()
        return template is not None and self._store(template, replacing=self.stored)

    def save_as(self) -> bool:
        template = self._validate_and_preview()
        if template is None:
            return False
        suggested = template.name if not is_builtin_name(template.name) else \
            fill(self.tr("%1 (my clinic)"), template_name(template.name))
        name = self.ask_name(self.tr("Save template as"), suggested)
        if name is None:
            return False
        if name != self.stored.name and template.description == self.stored.description:
            # A new template under another name: its description says where it came from.
            template = dataclasses.replace(template, description=copy_description(self.stored))
        return self._store(dataclasses.replace(template, name=name))

    def duplicate(self) -> bool:
        names = {t.name.lower() for t in self.templates}
        copy_of = fill(self.tr("Copy of %1"), template_name(self.stored))
        suggested, n = copy_of, 2
        while suggested.lower() in names:
            suggested, n = f"{copy_of} ({n})", n + 1
        name = self.ask_name(self.tr("Duplicate template"), suggested)
        if name is None:
            return False
        return self._store(dataclasses.replace(self.stored, name=name, builtin=False,
                                               description=copy_description(self.stored)))

    def reset(self) -> None:
        """Forget the unsaved edits: back to the template as stored."""
        self.load(self.stored)

    def import_file(self, path: str | Path) -> bool:
        try:
            template = load_template(path)
        except InputError as exc:
            self._say(fill(self.tr("Not imported. %1"), input_error_text(exc)), error=True)
            return False
        if is_builtin_name(template.name):
            template = dataclasses.replace(template, name=f"{template.name} (imported)")
        return self._store(template)

    def export_to(self, path: str | Path) -> bool:
        template = self._validate_and_preview() if self.dirty else self.stored
        if template is None:
            return False
        try:
            written = export_template(template, path)
        except InputError as exc:
            self._say(fill(self.tr("Not exported. %1"), input_error_text(exc)), error=True)
            return False
        except OSError as exc:
            self._say(fill(self.tr("Not exported: %1 (%2)."), str(exc.strerror),
                           str(exc.filename)), error=True)
            return False
        self._say(fill(self.tr("Exported: %1"), ", ".join(str(p) for p in written)))
        return True

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a clinic template"), "",
                                              self.tr("Clinic templates (*.toml)"))
        if path:
            self.import_file(path)

    def export_dialog(self) -> None:
        suggested = f"{slugify(self.form.name_edit.text() or self.stored.name)}.toml"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the clinic template"),
                                              suggested, self.tr("Clinic templates (*.toml)"))
        if path:
            self.export_to(path if path.lower().endswith(".toml") else f"{path}.toml")

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the clinic logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo(path)

    def set_logo(self, path: str | Path) -> None:
        """Use ``path`` as the logo; one that is too big is downscaled (a copy), and we say so."""
        path = Path(path)
        if logo_too_big(path):
            dest = user_templates_dir() / "logos" / f"{slugify(path.stem)}-downscaled.png"
            try:
                note = downscale_logo(path, dest)
            except (InputError, OSError) as exc:
                reason = input_error_text(exc) if isinstance(exc, InputError) else str(exc)
                self._say(fill(self.tr("The logo cannot be used: %1"), reason), error=True)
                return
            self.form.logo_edit.setText(str(dest))
            messages.show_info(self, self.tr("Logo downscaled"), note)
            return
        self.form.logo_edit.setText(str(path))

    # -- closing ------------------------------------------------------------------------------

    def chosen(self) -> ClinicTemplate | None:
        """The template to use when the dialog is accepted: what the form shows, if valid."""
        if not self.dirty:
            return self.stored
        return self._validated()

    def done(self, result: int) -> None:
        self._timer.stop()
        self.builder.shutdown()
        super().done(result)


def edit_templates(parent: QWidget | None, current_context: PatientContext | None,
                   current_template: str = "") -> ClinicTemplate | None:
    """Open the editor on the current patient and template; the template chosen with "Use",
    or None."""
    dialog = TemplateEditor(parent, current_context, current_template)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen() if accepted else None
    finally:
        dialog.deleteLater()
