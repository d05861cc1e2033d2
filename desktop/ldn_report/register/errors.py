"""The register's one error type, with a message a clinician can act on."""

from __future__ import annotations


class RegisterError(Exception):
    """The register cannot be opened or written; the message names it and says why."""
