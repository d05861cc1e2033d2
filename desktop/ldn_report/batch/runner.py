"""Clinic-day batch: one report PDF per clinic-list row, in parallel, resumable, with a manifest."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import __version__
from ..atomic import atomic_write, remove_dead_writers_temp_files
from ..context import PatientContext
from ..errors import InputError
from ..templates.catalogue import resolve_template
from ..templates.model import ClinicTemplate
from .build_key import file_digest, resources_digest
from .clinic_list import TEMPLATE_COLUMN, ClinicList, ClinicRow, read_clinic_list
from .folder_lock import output_folder_lock
from .manifest import (
    ACCESSIBLE,
    BUILT,
    CANCELLED,
    COLUMN_SEPARATOR,
    FAILED,
    MANIFEST_NAME,
    STANDARD,
    UNCHANGED,
    ManifestEntry,
    problem_cells,
    read_manifest,
    write_manifest,
)
from .merge import MERGE_VOLUME_REPORTS, MERGED_NAME, merge_reports
from .row_build import RowOutcome, RowTask, build_row, init_worker
from .workers import CancelFlag, WorkerLost, WorkerPool, start_server

__all__ = ["MERGED_NAME", "BatchProgress", "BatchSummary", "default_jobs", "output_name",
           "run_batch"]

# The merged file is for printing the day's reports on paper, one patient after another; no
# patient is handed it to read on screen. Joining tagged files keeps no structure tree (pypdf
# drops it; one tree over many patients' reports would need each report's tree, role map,
# parent tree and IDs renumbered into one, with one title and language), so a merged
# "accessible" file would be untagged while claiming PDF/UA: refused instead.
MERGE_ACCESSIBLE_REFUSAL = (
    "cannot be used with --accessible: the merged file is for printing and would lose the "
    "tags that make each report accessible; build the tagged files with --accessible, and "
    "the file for printing in a second run with --merge (into another folder)")
CHECKPOINT_SECONDS = 1.0  # how often the manifest is saved while the batch runs
WORKER_PRELOAD = ("ldn_report.batch.warm",)  # workers start with the renderer ready (warm.py)
# A list this long (a few dozen rows) or longer: the workers' server is started before the list is
# read, so that its warm-up runs beside the reading (about 0.25 ms a row) instead of after it.
EARLY_START_BYTES = 4096


ProgressCallback = Callable[["BatchProgress"], None]


@dataclass(frozen=True)
class BatchProgress:
    """Sent after each row: how far the batch is and what happened to that row (no names)."""

    done: int
    total: int
    entry: ManifestEntry


@dataclass
class BatchSummary:
    out_dir: Path
    entries: list[ManifestEntry]
    manifest: Path
    merged: list[Path] = field(default_factory=list)  # one file, or volumes for long lists
    merged_pages: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def failed(self) -> int:
        return self.count(FAILED)

    @property
    def unset_rows(self) -> list[ManifestEntry]:
        """Rows with a required choice left empty in the list (built with neutral wording)."""
        return [e for e in self.entries if e.unset]

    def unset_note(self, limit: int = 20) -> str:
        """What the CLI and the app say about the unset rows, by number (never by patient)."""
        rows = self.unset_rows
        fields = sorted({name for e in rows for name in e.unset_fields})
        numbers = ", ".join(str(e.row) for e in rows[:limit])
        more = f" and {len(rows) - limit} more" if len(rows) > limit else ""
        one = len(rows) == 1
        return (f"{len(rows)} {'row has' if one else 'rows have'} an empty "
                f"{' or '.join(fields)} cell ({'row' if one else 'rows'} {numbers}{more}; "
                f"the manifest's unset column). {'It was' if one else 'They were'} built with "
                "the neutral wording of \"unknown\" (Not recorded); fill in the list and run "
                "it again for wording that fits each patient.")

    @property
    def exit_code(self) -> int:
        """0 every row produced, 1 some rows failed or were not reached."""
        return 0 if all(e.produced for e in self.entries) else 1


# --- the parent side ---------------------------------------------------------------------------

def output_name(row: ClinicRow, width: int = 4) -> str:
    """A safe, unique file name: the row number, then the name, or "deidentified".

    The record number (MRN) and date of birth never appear in a file name."""
    ctx = row.context
    if ctx is None or ctx.patient_deidentified:
        label = "deidentified"
    else:
        label = _slug(ctx.patient_name) or "patient"
    return f"{row.row:0{width}d}-{label}.pdf"


def _slug(text: str, limit: int = 40) -> str:
    """Letters and digits of any script; everything else (slashes, dots, spaces) becomes '-'."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(c if c.isalnum() or unicodedata.category(c).startswith("M") else "-"
                   for c in text)
    return re.sub(r"-{2,}", "-", kept).strip("-")[:limit].strip("-")


def _template_key(template: ClinicTemplate, resources: str, kind: str = STANDARD) -> str:
    """What, besides the content hash, makes the PDF look different: the app, the template as
    read, the bytes of every file the build reads (template file, logo), the bundled
    resources (``resources``: evidence pack and fonts) and the kind of PDF. A logo replaced at
    the same path, a new evidence pack, or --accessible added or dropped changes the key, so a
    rerun rebuilds every row it touches."""
    digest = hashlib.sha256()
    for part in (__version__, repr(template), file_digest(template.source),
                 file_digest(template.branding.logo), resources, kind):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:12]


def _resolve_templates(
    rows: tuple[ClinicRow, ...], default: ClinicTemplate, base: Path, kind: str = STANDARD
) -> tuple[dict[str, ClinicTemplate], dict[int, str], dict[int, str]]:
    """Templates by key; each good row's template key; each row's template error."""
    resources = resources_digest()
    default_key = _template_key(default, resources, kind)
    templates = {default_key: default}
    by_cell: dict[str, ClinicTemplate | InputError] = {}
    by_key: dict[str, str] = {}  # each template cell's key, hashed once per run
    row_keys: dict[int, str] = {}
    errors: dict[int, str] = {}
    for row in rows:
        if not row.template:
            if row.ok:
                row_keys[row.row] = default_key
            continue
        if row.template not in by_cell:
            try:
                # Paths are relative to the list's folder, never the current one.
                by_cell[row.template] = resolve_template(row.template, base_dir=base)
            except InputError as exc:
                by_cell[row.template] = exc
        resolved = by_cell[row.template]
        if isinstance(resolved, InputError):
            # A template file's problem names the file (and line): the cell alone may not.
            # Also for a row with other problems.
            errors[row.row] = str(resolved) if resolved.where else resolved.message
            continue
        if not row.ok:
            continue
        key = by_key.setdefault(row.template, _template_key(resolved, resources, kind))
        templates[key] = resolved
        row_keys[row.row] = key
    return templates, row_keys, errors


def _intact(folder: Path, entry: ManifestEntry | None, name: str, key: str) -> bool:
    if entry is None or not entry.produced or entry.file != name or entry.build_key != key:
        return False
    try:
        return (folder / name).stat().st_size == entry.bytes > 0
    except OSError:
        return False


def run_batch(
    list_path: str | Path,
    out_dir: str | Path,
    *,
    template: str | None = None,
    jobs: int = 1,
    merge: bool = False,
    duplex: bool = False,
    merge_volume: int = MERGE_VOLUME_REPORTS,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    today: dt.date | None = None,
    lock_wait: float | None = None,
    register: str | None = None,
    accessible: bool = False,
) -> BatchSummary:
    """Build one PDF per row of the clinic list into ``out_dir``; see the README section.

    ``accessible``: each row's PDF is the tagged PDF/UA-1 kind (the manifest's kind column);
    not with ``merge`` (InputError, see MERGE_ACCESSIBLE_REFUSAL).

    Raises InputError when the list itself is unusable (or ``template`` is unknown), or when
    another batch still writes into ``out_dir`` after ``lock_wait`` seconds (default 5); bad
    rows are recorded in the manifest and the summary, and the good rows are still produced.
    Each built row is recorded in the handout register (``register``: a --register value).
    """
    started = time.perf_counter()
    today = today or dt.date.today()
    if merge and accessible:
        raise InputError("--merge", MERGE_ACCESSIBLE_REFUSAL)
    if not str(out_dir).strip():
        raise InputError("-o", "is empty; give a folder for the reports")
    if jobs > 1 and _list_size(list_path) >= EARLY_START_BYTES:
        start_server(WORKER_PRELOAD)
    clinic = read_clinic_list(list_path, today=today)
    default = resolve_template(template)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError("-o", f"{out} is a file; give a folder for the reports")
    # A new folder is the user's only: its file names hold patients' names.
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    with output_folder_lock(out, lock_wait, cancel):
        # Held for the whole run: a second batch into this folder waits, then refuses.
        return _run_locked(clinic, default, out, jobs=jobs, merge=merge, duplex=duplex,
                           merge_volume=merge_volume, progress=progress, cancel=cancel,
                           today=today, started=started, register=register,
                           kind=ACCESSIBLE if accessible else STANDARD)


def _list_size(path: str | Path) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0  # read_clinic_list says what is wrong


def _run_locked(
    clinic: ClinicList, default: ClinicTemplate, out: Path, *, jobs: int, merge: bool,
    duplex: bool, merge_volume: int, progress: ProgressCallback | None,
    cancel: CancelFlag | None, today: dt.date, started: float, register: str | None = None,
    kind: str = STANDARD,
) -> BatchSummary:
    # Only temp files of writers that are gone: never a write still in progress.
    remove_dead_writers_temp_files(out)
    templates, row_keys, template_errors = _resolve_templates(
        clinic.rows, default, clinic.path.parent, kind)
    previous = read_manifest(out)
    width = max(4, len(str(max((r.row for r in clinic.rows), default=1))))
    entries: dict[int, ManifestEntry] = {}
    tasks: list[RowTask] = []
    names: dict[int, str] = {}
    unset = {row.row: COLUMN_SEPARATOR.join(row.unset) for row in clinic.rows}
    for row in clinic.rows:
        problems = [(p.column, p.message) for p in row.problems]
        if row.row in template_errors:
            problems.append((TEMPLATE_COLUMN, template_errors[row.row]))
        if problems:
            entries[row.row] = ManifestEntry(row.row, FAILED, template=row.template,
                                             unset=unset[row.row], kind=kind,
                                             **problem_cells(problems))
            continue
        assert row.context is not None
        names[row.row] = output_name(row, width)
        key = row_keys[row.row]
        before = previous.get(row.row)
        prev_hash = before.content_hash if (
            before and _intact(out, before, names[row.row], key)) else ""
        tasks.append(RowTask(row.row, row.context, key, today, prev_hash, kind == ACCESSIBLE))

    total = len(clinic.rows)
    done = 0
    recorder = _RowRecorder(register, templates, accessible=kind == ACCESSIBLE)
    # The register before the manifest: every row a saved manifest lists is recorded.
    state = _Checkpoint(out, entries, before_save=recorder.flush)

    def record(entry: ManifestEntry) -> None:
        nonlocal done
        done += 1
        entries[entry.row] = entry
        state.maybe_save()
        if progress is not None:
            progress(BatchProgress(done, total, entry))

    for entry in sorted(list(entries.values()), key=lambda e: e.row):
        done += 1
        if progress is not None:
            progress(BatchProgress(done, total, entry))

    summary_warnings: list[str] = []
    said: set[str] = set()  # a template's own warnings are said once, not once per row
    templates_by_key_name = {key: t.name for key, t in templates.items()}
    cancelled = False
    contexts = {task.row: task.context for task in tasks}
    folder = out.resolve()  # once: the register records each file by its full path
    try:
        with contextlib.closing(_execute(tasks, templates, jobs, cancel)) as outcomes:
            for outcome in outcomes:
                key = row_keys[outcome.row]
                template_name = templates_by_key_name[key]
                if outcome.status == BUILT:
                    name = names[outcome.row]
                    # The folder was swept once at the start: no per-file folder scan. One
                    # fsync per report: the folder is synced by each manifest save (below),
                    # which makes every rename before it durable with the manifest.
                    atomic_write(out / name, outcome.pdf, mode=0o600, cleanup=False,
                                 sync_folder=False)
                    recorder.record(contexts[outcome.row], key, outcome, folder / name)
                    entry = ManifestEntry(outcome.row, BUILT, name, outcome.pages,
                                          outcome.content_hash, template=template_name,
                                          bytes=len(outcome.pdf), build_key=key,
                                          unset=unset[outcome.row], kind=kind)
                    summary_warnings += [f"row {outcome.row}: {w}" for w in outcome.warnings]
                    for warning in outcome.template_warnings:
                        if (line := f"template {template_name}: {warning}") not in said:
                            said.add(line)
                            summary_warnings.append(line)
                elif outcome.status == UNCHANGED:
                    entry = replace(previous[outcome.row], status=UNCHANGED,
                                    unset=unset[outcome.row], kind=kind)
                else:
                    entry = ManifestEntry(outcome.row, FAILED, error=outcome.error,
                                          template=template_name, unset=unset[outcome.row],
                                          kind=kind)
                record(entry)
        cancelled = bool(cancel is not None and cancel.is_set())
    finally:
        # Whatever happened (cancel, Ctrl-C, an error), save what was produced.
        for task in tasks:
            if task.row not in entries:
                entries[task.row] = ManifestEntry(task.row, CANCELLED, names[task.row],
                                                  unset=unset[task.row], kind=kind)
        _remove_outdated_files(out, previous, entries)
        recorder.flush()
        manifest = write_manifest(out, list(entries.values()))
        recorder.close()
        summary_warnings += recorder.problems()

    summary = BatchSummary(out, sorted(entries.values(), key=lambda e: e.row), manifest,
                           cancelled=cancelled, warnings=summary_warnings)
    if merge and not cancelled:
        summary.merged, summary.merged_pages = merge_reports(
            out, summary.entries, duplex, merge_volume, jobs, summary.warnings)
    summary.seconds = time.perf_counter() - started
    return summary


class _RowRecorder:
    """Each built row into the handout register, from this (the parent) process: the rows
    built since the last manifest save in one transaction, just before the next save (about
    once a second; the register's own cost per transaction, not per row). A batch killed
    between two saves leaves those rows out of both the register and the manifest, and the
    next run builds and records them. A register that cannot be written never stops the
    batch: its rows are queued and the summary says so once."""

    def __init__(self, register: str | None, templates: dict[str, ClinicTemplate], *,
                 accessible: bool = False) -> None:
        from ..register.recorder import Recorder

        self.recorder = Recorder(register)
        self.templates = templates
        self.accessible = accessible  # batch --accessible: recorded as accessible_pdf
        self.first_problem = ""
        self.queued = 0
        self.held: list[Any] = []
        self.waiting: list[Any] = []  # built since the last flush

    def record(self, ctx: PatientContext, key: str, outcome: RowOutcome, path: Path) -> None:
        from ..register.record import file_kind, handout_for, template_ref

        template = self.templates[key]
        handout = handout_for(ctx, template=outcome.template_name or template.name,
                              pack_version=outcome.pack_version, language=outcome.language,
                              content_hash=outcome.content_hash,
                              kind=file_kind(outcome.pdf, accessible=self.accessible),
                              destination=str(path.resolve()),
                              template_ref=template_ref(template), data=outcome.pdf)
        self.waiting.append(handout)

    def flush(self) -> None:
        """Write the rows waiting, in one transaction."""
        rows, self.waiting = self.waiting, []
        if not rows:
            return
        if self.first_problem:
            # Failed once this run: no new attempt (an unreachable server would cost its
            # time-out on every save); these wait in the queue with the first ones.
            self.held += rows
            return
        problem = self.recorder.record(rows)
        if problem:
            self.queued += len(rows)
            self.first_problem = problem

    def close(self) -> None:
        self.flush()
        self.recorder.close()
        if self.held:
            self.queued += len(self.held)
            self.recorder.queue_only(self.held)
            self.held = []

    def problems(self) -> list[str]:
        if not self.queued:
            return []
        return [f"{self.first_problem} ({self.queued} rows not recorded yet)"]


class _Checkpoint:
    """Saves the manifest so a killed run can resume: at most once per CHECKPOINT_SECONDS, and
    never more than 1/20 of the time (a 5,000-row manifest takes a while to write)."""

    def __init__(self, folder: Path, entries: dict[int, ManifestEntry],
                 before_save: Callable[[], None] = lambda: None) -> None:
        self.folder = folder
        self.entries = entries
        self.before_save = before_save
        self.last = time.monotonic()
        self.interval = CHECKPOINT_SECONDS

    def maybe_save(self) -> None:
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.before_save()
            write_manifest(self.folder, list(self.entries.values()))
            self.last = time.monotonic()
            self.interval = max(CHECKPOINT_SECONDS, 20 * (self.last - now))


def _remove_outdated_files(folder: Path, previous: dict[int, ManifestEntry],
                           entries: dict[int, ManifestEntry]) -> None:
    """An earlier run's PDF for a row that now failed or has a new name must not be printed."""
    current = {e.file for e in entries.values() if e.file}
    for old in previous.values():
        new = entries.get(old.row)
        if not old.file or old.file in current or old.file == MANIFEST_NAME:
            continue
        if new is None or new.status in (FAILED,) or new.file != old.file:
            with contextlib.suppress(OSError):
                (folder / old.file).unlink()


def _execute(tasks: list[RowTask], templates: dict[str, ClinicTemplate], jobs: int,
             cancel: CancelFlag | None) -> Iterator[RowOutcome]:
    """The outcomes of the tasks, in completion order; stops early when ``cancel`` is set.

    A worker process that dies (killed, out of memory) fails only the row it was building."""
    if jobs <= 1 or len(tasks) <= 1:
        init_worker(templates)
        for task in tasks:
            if cancel is not None and cancel.is_set():
                return
            yield build_row(task)
        return
    with WorkerPool[RowTask](min(jobs, len(tasks)), init_worker, (templates,),
                             WORKER_PRELOAD) as pool:
        for task, result in pool.map_unordered(build_row, tasks, cancel):
            if isinstance(result, WorkerLost):
                yield RowOutcome(task.row, FAILED, error=result.message)
            else:
                yield result


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
