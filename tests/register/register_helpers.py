"""Shared pieces of the register tests: contexts, records, the CLI run."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from ldn_report.cli import main
from ldn_report.context import context_from_dict
from ldn_report.examples import example_path
from ldn_report.register.record import Handout, handout_for

# Identifying values a de-identified record must never show (given in its context on purpose).
HIDDEN_NAME, HIDDEN_MRN, HIDDEN_DOB = "Zelda Quintrell", "ZQ-77731", "1966-02-03"


def example_dict(name: str = "on-dmt-mood-pain") -> dict[str, Any]:
    return json.loads(example_path(name).read_text(encoding="utf-8"))


def deidentified_dict() -> dict[str, Any]:
    data = copy.deepcopy(example_dict())
    data["patient"] = {"name": HIDDEN_NAME, "mrn": HIDDEN_MRN, "date_of_birth": HIDDEN_DOB,
                       "deidentified": True}
    return data


def write_context(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def handout(data: dict[str, Any] | None = None, *, pack: str = "1.1.0",
            content: str = "abcdef0123", kind: str = "pdf", payload: bytes | None = b"x",
            destination: str = "/tmp/out.pdf") -> Handout:
    ctx = context_from_dict(data or example_dict())
    return handout_for(ctx, template="Standard Letter", pack_version=pack, language="en",
                       content_hash=content, kind=kind, destination=destination,
                       data=payload)


def run_cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
