"""QT_TRANSLATE_NOOP without Qt: marks a core text for pyside6-lupdate, which reads i18n/ too."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Marks ``text`` for pyside6-lupdate; returns it unchanged (translated where shown)."""
    return text
