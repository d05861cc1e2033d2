"""The error a user's bad input raises: it names the field (and line or row) and what is allowed."""

from __future__ import annotations


class InputError(ValueError):
    """Bad user input: ``field`` is the dotted name (``dmt.status``), ``where`` a file/line/row."""

    def __init__(self, field: str, message: str, where: str = "") -> None:
        self.field = field
        self.message = message
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.field}: {self.message}" if self.field else f"{prefix}{self.message}"


class EvidencePackError(RuntimeError):
    """The bundled evidence pack is broken; the app must not print a report from it."""
