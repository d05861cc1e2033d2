"""Form labels that make room for longer translations instead of squeezing their field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def wrapped_label(text: str) -> QLabel:
    """A label that wraps onto a second line: Spanish labels run about a third longer than
    English ones, and a form row must not push its field off a 1280-pixel screen."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label
