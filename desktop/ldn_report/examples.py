"""The bundled example patient contexts (resources/examples/*.json), by short name."""

from __future__ import annotations

import datetime as dt

from .context import PatientContext, load_context
from .errors import InputError
from .paths import EXAMPLES_DIR


def example_names() -> list[str]:
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.json"))


def example_path(name: str):
    path = EXAMPLES_DIR / f"{name}.json"
    if not path.is_file():
        raise InputError("--example", f"{name!r} is not an example; choose one of: "
                         + ", ".join(example_names()))
    return path


def load_example(name: str, today: dt.date | None = None) -> PatientContext:
    return load_context(example_path(name), today=today)
