"""The core's input-error messages in the interface language, through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...errors import InputError
from ...i18n import core_messages
from ...i18n.core_messages import known

__all__ = ["core_message", "input_error_text", "known", "warning_message", "warning_text"]


def core_message(message: str) -> str:
    """``message`` from ldn_report's InputError in the interface language (as is if unknown)."""
    return core_messages.core_message(message, QCoreApplication.translate)


def input_error_text(err: InputError) -> str:
    """``str(err)`` (where: field: message) with the message in the interface language."""
    return core_messages.input_error_text(err, QCoreApplication.translate)


def warning_text(warning: str) -> str:
    """A build's warning ("field: message") with the message in the interface language."""
    return core_messages.warning_text(warning, QCoreApplication.translate)


def warning_message(warning: str) -> str:
    """A build's warning without its field, in the interface language."""
    return core_messages.warning_message(warning, QCoreApplication.translate)
