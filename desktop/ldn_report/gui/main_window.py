"""The main window's layout: form on the left, preview and rule panel on the right, menus."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..build import BuildWarning
from ..i18n.fill import fill
from ..report import RuleHit
from .context_form import ContextForm
from .language.core_messages import warning_message, warning_text
from .language.rule_texts import rule_hit_text
from .language.translator import LANGUAGE_CHOICES
from .preview import PdfPreview
from .window_size import fit_to_screen

APP_TITLE = "LDN report builder"
SEVERITY_MARK = {"warning": QT_TRANSLATE_NOOP("RulesPanel", "⚠ Warning"),
                 "caution": QT_TRANSLATE_NOOP("RulesPanel", "● Caution"),
                 "info": QT_TRANSLATE_NOOP("RulesPanel", "○ Note")}
# A build warning's label by its kind (build.WARNING_KINDS); a kind without one shows just "⚠".
WARNING_LABEL = {"medicine": QT_TRANSLATE_NOOP("RulesPanel", "⚠ Medicine list: %1"),
                 "font": QT_TRANSLATE_NOOP("RulesPanel", "⚠ Font: %1"),
                 "accent_colour": QT_TRANSLATE_NOOP("RulesPanel", "⚠ Accent colour: %1"),
                 "translation": QT_TRANSLATE_NOOP("RulesPanel", "⚠ Translation: %1")}
# Kinds whose label says what the field says (branding.accent_colour), or whose message names
# it in a clinic's words (a section by its place and heading): the panel leaves the field out.
# The CLI keeps it, as the template file spells it.
LABEL_NAMES_THE_FIELD = frozenset({"accent_colour", "translation"})
STALE_STYLE = ("background: #FDECEA; color: #8A1C12; border: 2px solid #C62828;"
               " padding: 6px; font-weight: bold;")
# Scroll areas draw no focus frame of their own in most styles: Tab must show where it is.
FOCUS_FRAME_STYLE = ("QAbstractScrollArea:focus { border: 2px solid palette(highlight); }")
BUILD_PROBLEM_STYLE = ("background: #FFF4E5; color: #7A3E00; border: 1px solid #E0A040;"
                       " padding: 4px;")


class RulesPanel(QListWidget):
    """What the content rules triggered for this patient, most serious first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rules_panel")
        self.setAccessibleName(self.tr("What the rules triggered"))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def show_hits(self, hits: tuple[RuleHit, ...], warnings: tuple[BuildWarning, ...] = (),
                  medicines: tuple[str, ...] = ()) -> None:
        self.clear()
        order = {"warning": 0, "caution": 1, "info": 2}
        for hit in sorted(hits, key=lambda h: order.get(h.severity, 3)):
            mark = self.tr(SEVERITY_MARK[hit.severity]) if hit.severity in SEVERITY_MARK else "○"
            item = QListWidgetItem(f"{mark}: {rule_hit_text(hit, medicines)}")
            item.setToolTip(fill(self.tr("Rule: %1"), hit.rule))
            item.setData(Qt.ItemDataRole.UserRole, hit.rule)
            if hit.severity == "warning":
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.addItem(item)
        for warning in warnings:
            if warning.kind == "medicine" and any(h.rule == "medicine_spelling" for h in hits):
                continue  # the rule's line above says it already, naming the medicine
            label = WARNING_LABEL.get(warning.kind)
            text = (warning_message(warning.text) if warning.kind in LABEL_NAMES_THE_FIELD
                    else warning_text(warning.text))
            self.addItem(QListWidgetItem(fill(self.tr(label), text) if label else f"⚠ {text}"))
        if self.count() == 0:
            self.addItem(QListWidgetItem(self.tr("No special rules apply; the standard report.")))

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]


def _banner(name: str, style: str, accessible_name: str) -> QLabel:
    """A hidden, wrapping, plain-text line over the preview (its text may quote user input)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(style)
    label.setAccessibleName(accessible_name)
    label.hide()
    return label


class MainWindow(QMainWindow):
    """Layout and actions only; MainController connects them to the work."""

    def __init__(self) -> None:
        super().__init__()
        self.app_title = self.tr("LDN report builder")  # APP_TITLE, in the interface language
        self.setWindowTitle(f"{self.app_title}[*]")
        self.setObjectName("main_window")
        self.close_guard: Callable[[], bool] | None = None  # set by the controller
        fit_to_screen(self, 1280, 860)

        self.form = ContextForm()
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setMinimumWidth(360)
        self.form_scroll.setAccessibleName(self.tr("Patient context"))
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The fields take the focus, not the frame around them (a stop that shows nothing).
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.preview = PdfPreview()
        self.build_problem = _banner("build_problem", BUILD_PROBLEM_STYLE,
                                     self.tr("Report problem"))
        # Over the last good report while a field is invalid: it no longer matches the form.
        self.stale_banner = _banner("stale_banner", STALE_STYLE, self.tr("Preview out of date"))
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.stale_banner)
        preview_layout.addWidget(self.build_problem)
        preview_layout.addWidget(self.preview, 1)

        self.rules = RulesPanel()
        rules_box = QWidget()
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.setContentsMargins(0, 4, 0, 0)
        rules_title = QLabel(self.tr("What the rules triggered for this patient"))
        rules_title.setStyleSheet("font-weight: bold;")
        rules_title.setBuddy(self.rules)
        rules_layout.addWidget(rules_title)
        rules_layout.addWidget(self.rules)

        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(preview_box)
        self.right_split.addWidget(rules_box)
        self.right_split.setStretchFactor(0, 4)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([640, 170])
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("main_split")
        self.split.addWidget(self.form_scroll)
        self.split.addWidget(self.right_split)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([440, 840])
        self.setCentralWidget(self.split)

        self.template_combo = QComboBox()
        self.template_combo.setObjectName("template_combo")
        self.template_combo.setAccessibleName(self.tr("Clinic template"))
        self.template_combo.setMinimumContentsLength(18)
        self.status_label = QLabel()
        self.pages_label = QLabel()
        self.pages_label.setAccessibleName(self.tr("Page count"))
        self.time_label = QLabel()
        self.time_label.setAccessibleName(self.tr("Build time"))
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.pages_label)
        self.statusBar().addPermanentWidget(self.time_label)
        self._make_actions()
        self._make_menus_and_toolbar()
        self._order_tab_stops()

    def _order_tab_stops(self) -> None:
        """After the form's last field: the preview, the rules panel, then the zoom buttons
        and the template; each shows a focus frame when Tab lands on it."""
        for panel in (self.preview.view, self.rules):
            panel.setStyleSheet(FOCUS_FRAME_STYLE)
        chain = [self.form.last_input(), self.preview.view, self.rules,
                 self.preview.zoom_out_button, self.preview.zoom_in_button,
                 self.preview.fit_width_button, self.template_combo]
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

    def _action(
        self, text: str, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New"), keys.New,
                                       self.tr("Start an empty patient context"))
        self.open_action = self._action(self.tr("&Open…"), keys.Open,
                                        self.tr("Open a patient context (JSON)"))
        self.save_action = self._action(self.tr("&Save"), keys.Save,
                                        self.tr("Save the patient context"))
        self.save_as_action = self._action(self.tr("Save &As…"), keys.SaveAs)
        self.export_action = self._action(self.tr("&Export PDF…"), "Ctrl+E",
                                          self.tr("Save the report as a PDF"))
        self.export_html_action = self._action(
            self.tr("Export accessible &HTML…"), "Ctrl+Shift+E",
            self.tr("Save the report as an accessible web page, for screen readers and large text"))
        self.export_accessible_action = self._action(
            self.tr("Export accessible P&DF…"), "Ctrl+Alt+E",
            self.tr("Save the report as a tagged PDF (PDF/UA) for screen readers"))
        self.print_action = self._action(self.tr("&Print…"), keys.Print,
                                         self.tr("Print the report"))
        self.batch_action = self._action(self.tr("Clinic day &batch…"), None,
                                         self.tr("One report per patient on a clinic list"))
        self.history_action = self._action(
            self.tr("&History…"), None,
            self.tr("Reports given out; check whether a sheet is current"))
        self.quit_action = self._action(self.tr("&Quit"), keys.Quit)
        self.undo_action = self._action(self.tr("&Undo"), "Ctrl+Z",
                                        self.tr("Undo the last change to the form"))
        self.redo_action = self._action(self.tr("&Redo"), None, self.tr("Redo what was undone"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.copy_note_action = self._action(self.tr("Copy &chart note"), "Ctrl+Shift+C",
                                             self.tr("Copy a short note for the health record"))
        self.zoom_in_action = self._action(self.tr("Zoom &in"), keys.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom &out"), keys.ZoomOut)
        self.fit_width_action = self._action(self.tr("&Fit width"), "Ctrl+0")
        self.focus_form_action = self._action(self.tr("Go to the &form"), "Alt+1")
        self.focus_preview_action = self._action(self.tr("Go to the &preview"), "Alt+2")
        self.focus_rules_action = self._action(self.tr("Go to the &rules panel"), "Alt+3")
        self.focus_template_action = self._action(self.tr("Choose &template"), "Alt+T")
        self.edit_templates_action = self._action(self.tr("&Edit templates…"))
        self.about_action = self._action(self.tr("&About"), "F1")
        self.quit_action.triggered.connect(self.close)
        self.zoom_in_action.triggered.connect(self.preview.zoom_in)
        self.zoom_out_action.triggered.connect(self.preview.zoom_out)
        self.fit_width_action.triggered.connect(self.preview.fit_width)
        self.focus_form_action.triggered.connect(
            lambda: self.form.first_input().setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.focus_preview_action.triggered.connect(
            lambda: self.preview.view.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.focus_rules_action.triggered.connect(
            lambda: self.rules.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.focus_template_action.triggered.connect(
            lambda: self.template_combo.setFocus(Qt.FocusReason.ShortcutFocusReason))

    def _make_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        file_menu.addMenu(self.recent_menu)
        self.examples_menu = QMenu(self.tr("Open E&xample"), self)
        file_menu.addMenu(self.examples_menu)
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.export_accessible_action,
                              self.export_html_action, self.print_action])
        file_menu.addSeparator()
        file_menu.addActions([self.batch_action, self.history_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_note_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_width_action])
        view_menu.addSeparator()
        view_menu.addActions([self.focus_form_action, self.focus_preview_action,
                              self.focus_rules_action, self.focus_template_action])
        view_menu.addSeparator()
        view_menu.addMenu(self._make_language_menu())
        templates_menu = bar.addMenu(self.tr("&Templates"))
        templates_menu.addAction(self.edit_templates_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        tools = QToolBar(self.tr("Report"))
        tools.setObjectName("report_toolbar")
        tools.setMovable(False)
        template_label = QLabel(self.tr(" Template: "))
        template_label.setBuddy(self.template_combo)
        tools.addWidget(template_label)
        tools.addWidget(self.template_combo)
        tools.addSeparator()
        tools.addActions([self.export_action, self.print_action, self.copy_note_action])
        self.addToolBar(tools)

    def _make_language_menu(self) -> QMenu:
        """View > Language: System / English / Español; the controller saves the choice."""
        # Spanish names it "Idioma / Language": findable by someone who reads only English.
        menu = QMenu(self.tr("&Language (applies at next start)"), self)
        menu.setObjectName("language_menu")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_CHOICES.items():
            # Language names in their own language; "System" in the current one.
            action = QAction(self.tr("System") if code == "" else name, self)
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action
            menu.addAction(action)
        self.language_menu = menu
        return menu

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        event.accept()
