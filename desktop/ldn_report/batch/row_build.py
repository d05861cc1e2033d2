"""One clinic-list row to a report, in a worker process (or in the batch's own with --jobs 1):
the task sent to a worker and the outcome it sends back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..context import PatientContext
from ..errors import EvidencePackError, InputError
from ..templates.model import ClinicTemplate
from .manifest import BUILT, FAILED, UNCHANGED


@dataclass(frozen=True)
class RowTask:
    row: int
    context: PatientContext
    template_key: str
    generated_on: dt.date
    previous_hash: str  # the content hash of an intact earlier PDF for this row; "" = none
    accessible: bool = False  # a tagged PDF/UA-1 file (batch --accessible)


@dataclass(frozen=True)
class RowOutcome:
    row: int
    status: str
    pdf: bytes = b""
    content_hash: str = ""
    pages: int = 0
    error: str = ""
    warnings: tuple[str, ...] = ()  # about this row's text
    template_warnings: tuple[str, ...] = ()  # about its template: said once per template
    # for the handout register record, which the parent writes
    template_name: str = ""
    pack_version: str = ""
    language: str = ""


_WORKER_TEMPLATES: dict[str, ClinicTemplate] = {}  # by template key, set in each worker


def init_worker(templates: dict[str, ClinicTemplate]) -> None:
    _WORKER_TEMPLATES.clear()
    _WORKER_TEMPLATES.update(templates)
    _TEMPLATE_NOTES.clear()


def build_row(task: RowTask) -> RowOutcome:
    """Compose; skip rendering when an intact earlier PDF has the same content hash."""
    from ..build import build_report
    from ..compose import compose_report, content_hash
    from ..evidence import default_pack

    template = _WORKER_TEMPLATES[task.template_key]
    try:
        if task.previous_hash:
            report = compose_report(task.context, default_pack(), template, task.generated_on)
            digest = content_hash(report)
            if digest == task.previous_hash:
                return RowOutcome(task.row, UNCHANGED, content_hash=digest)
        result = build_report(task.context, template, generated_on=task.generated_on,
                              accessible=task.accessible)
    except InputError as exc:
        return RowOutcome(task.row, FAILED, error=str(exc))
    except EvidencePackError:
        raise  # no report may be built from a broken pack: the whole batch stops (exit 3)
    except Exception as exc:  # a renderer bug must not stop the other rows
        # The type only: a library's message may quote the patient's text (the manifest and
        # the log must never hold a name or record number).
        return RowOutcome(task.row, FAILED, error=f"could not build the report "
                          f"({type(exc).__name__})")
    shared = template_notes(task.template_key)
    meta = result.report.meta
    return RowOutcome(task.row, BUILT, result.pdf, result.content_hash, result.page_count,
                      warnings=tuple(w for w in result.warnings if w not in shared),
                      template_warnings=tuple(w for w in result.warnings if w in shared),
                      template_name=meta.template_name, pack_version=meta.pack_version,
                      language=meta.language)


_TEMPLATE_NOTES: dict[str, frozenset[str]] = {}


def template_notes(key: str) -> frozenset[str]:
    """The warnings every row built with this template gets (a pale accent, say); worked out
    in the worker, so the parent never loads the renderer (and its fonts) for them."""
    from ..build import template_warnings

    if key not in _TEMPLATE_NOTES:
        _TEMPLATE_NOTES[key] = frozenset(template_warnings(_WORKER_TEMPLATES[key]))
    return _TEMPLATE_NOTES[key]


def worker_warmth(_: object = None) -> dict[str, bool]:
    """What this process has ready without loading anything itself (tests: a batch worker has
    it all before its first row, from the forkserver's preload)."""
    import gc
    import sys

    shared = sys.modules.get("ldn_report.render.pdf.shared_pages")
    return {"reportlab": "reportlab.platypus" in sys.modules,
            "renderer": "ldn_report.render.pdf.document" in sys.modules,
            "pack": "ldn_report.evidence" in sys.modules,
            # laid out, or read from the user cache (an earlier process laid them out)
            "shared pages": bool(shared is not None and (shared.SHARED_PAGES.layouts
                                                         or shared.SHARED_PAGES.loads)),
            "paragraphs drawn": bool(shared is not None and any(
                run.drawn_counts()[0] for run in shared.SHARED_PAGES.runs())),
            "warm objects frozen": gc.get_freeze_count() > 0}
