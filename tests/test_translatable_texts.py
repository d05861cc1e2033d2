"""No English text handed to the screen untranslated in any GUI module (AST check)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[1] / "desktop" / "ldn_report" / "gui"
# Every module of the app: none is exempt (a new window is checked the day it is written).
MODULES = sorted(str(p.relative_to(GUI)) for p in GUI.rglob("*.py"))
# Calls that put their text arguments on screen (or in a screen reader's ear).
SHOWN = {"setText", "setToolTip", "setStatusTip", "setAccessibleName", "setAccessibleDescription",
         "setPlaceholderText", "setWindowTitle", "addMenu", "setTitle", "addItem", "QLabel",
         "QAction", "QMenu", "QGroupBox", "QCheckBox", "QToolBar", "QPushButton", "QToolButton",
         "QListWidgetItem", "QProgressDialog", "show_problem", "show_info", "_action", "_box",
         "_banner", "_tool", "getOpenFileName", "getSaveFileName", "_write_chosen", "addRow",
         "addTab", "setHorizontalHeaderLabels", "getText", "getExistingDirectory", "addButton",
         "QRadioButton", "_line", "_button", "_note", "_with_button", "_say", "appendPlainText",
         "setPlaceholderText", "wrapped_label", "QTableWidgetItem", "QLineEdit", "setLabelText"}
# Which positional arguments are text: a combo box item's value and a form line's key are data.
TEXT_ARGS = {"addItem": slice(0, 1), "_line": slice(1, 2)}
# Keyword arguments that put text on screen.
SHOWN_KEYWORDS = {"placeholderText", "text", "toolTip", "windowTitle"}
WORD = re.compile(r"[A-Za-z]{2,}")
# Not language: shortcuts, object names, file patterns and suffixes.
NOT_WORDS = re.compile(r"(Ctrl|Alt|Shift|Meta|F\d)\b.*|[a-z]+(_[a-z]+)+|.*\*\.\w+.*|\.\w+")


def _english_literals(node: ast.AST) -> list[str]:
    """Plain string constants with words in them, inside f-strings too (not in tr calls)."""
    if isinstance(node, ast.Call):
        return []  # self.tr(...), translate(...), fill(...), field_text(...): handled there
    if isinstance(node, ast.List | ast.Tuple):
        return [t for item in node.elts for t in _english_literals(item)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        return [text] if WORD.search(text) and not NOT_WORDS.fullmatch(text) else []
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values
                if isinstance(v, ast.Constant) and WORD.search(str(v.value))]
    if isinstance(node, ast.BinOp | ast.IfExp | ast.BoolOp):
        return [t for child in ast.iter_child_nodes(node) for t in _english_literals(child)]
    return []


def untranslated(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in SHOWN:
            continue
        args = node.args[TEXT_ARGS.get(name, slice(None))]
        args += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        for arg in args:
            found += [(node.lineno, text) for text in _english_literals(arg)]
    return found


@pytest.mark.parametrize("module", MODULES)
def test_visible_texts_go_through_translation(module: str):
    assert untranslated(GUI / module) == []


def test_the_check_finds_a_bare_text(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text('label.setText("Saved")\nlabel.setText(f"Saved {name}")\n'
                      'label.setText(self.tr("Saved"))\nQLabel("−")\n'
                      '_action(self.tr("Zoom"), "Ctrl+0")\n_banner("stale_banner", STYLE, x)\n'
                      'combo.addItem(self.tr("Large print"), "large")\n'
                      'QLineEdit(placeholderText="Search")\n'
                      'table.setHorizontalHeaderLabels(["When", self.tr("What")])\n')
    assert untranslated(sample) == [(1, "Saved"), (2, "Saved "), (8, "Search"), (9, "When")]
