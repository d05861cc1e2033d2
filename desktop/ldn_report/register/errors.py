"""The register's one error type, with a message a clinician can act on."""

from __future__ import annotations

# What to install for each library the register loads only when it is used.
_PACKAGES = {
    "psycopg": "the PostgreSQL driver psycopg (pip: \"psycopg[binary]\"; Debian: libpq5)",
    "sqlalchemy": "SQLAlchemy", "alembic": "Alembic",
}


class RegisterError(Exception):
    """The register cannot be opened or written; the message names it and says why."""


def missing_library(error: ImportError, label: str = "") -> RegisterError:
    """One sentence for a database library that cannot be loaded (a missing driver, or its
    libpq): which register needs what, never a traceback."""
    module = (error.name or "").split(".")[0]
    if not module:
        # psycopg without a usable libpq raises a plain ImportError naming no module.
        module = "psycopg" if "pq" in str(error) or "psycopg" in str(error) else ""
    need = _PACKAGES.get(module, f"the Python module {module}" if module else "a library")
    where = f"the register {label}" if label else "the handout register"
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    return RegisterError(f"{where} needs {need}, which cannot be loaded on this computer "
                         f"({detail}); install it, or reinstall the app")
