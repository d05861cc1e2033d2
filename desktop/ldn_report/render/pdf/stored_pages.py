"""Shared pages kept between processes: a recording (shared_pages.py) stored in the user cache,
so a one-off process (the CLI, the app's first preview, a batch worker's first report) replays
the clinician pages instead of laying them out (about a third of a CLI build's render).

The payload is ``marshal`` of plain values only (the page streams as strings, each font's glyph
code assignments as int dicts and lists, link, bookmark and outline calls as tuples), like the
parsed font faces (face_cache.py): loading marshal data builds values, it never imports or calls
anything (pickle would). The entry's SHA-256 is checked before marshal sees a byte
(cache/store.py); after, every value's type, the glyph codes' consistency and the replayed call
names are checked. A recording with anything else (a font that is not a bundled face, a glyph
given a private-use code by the shaper, which only means something in the process that shaped
it) is not stored: the next process lays those pages out, as before.

The key (disk_key) holds the in-process key (what the pages show and the frame they fill: see
ReportRenderer.shared_key), ReportLab's version and the source of the code that draws them; the
entry also names the cache key (file bytes) of each font face it uses, checked when it is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
from functools import cache
from pathlib import Path
from typing import Any

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ldn_report.cache import store
from ldn_report.render.pdf import fonts
from ldn_report.render.pdf.face_cache import face_key
from ldn_report.render.pdf.shared_pages import RecordedPage, SharedPages, _FontState

KIND = "pages"
FORMAT = 1  # the payload's layout; a new one is a new key
KEEP = 64  # entries kept (template x language x pack x app version); the oldest written go
# The files whose code decides what a recorded page holds (drawing, how ReportLab is loaded,
# styles, texts, numbers); relative to the package. Files, not modules: hashing must not
# import (i18n.formats, Babel). The whole render/ folder: a helper moved there is covered.
CODE = ("render/*.py", "render/pdf/*.py", "i18n/report_texts.py", "i18n/formats.py",
        "colour_contrast.py")
# The only canvas calls a replay makes (shared_pages.RecordingCanvas keeps these).
EVENTS = frozenset({"bookmarkPage", "addOutlineEntry", "linkAbsolute", "linkURL"})
_STATE = frozenset({"assignments", "nextCode", "internalName", "frozen", "subsets"})
_INTERNAL = re.compile(r"F[0-9]{1,4}")
_SCALARS = (str, int, float, bool, type(None))
_PRIVATE = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))  # private-use code points

# This process's reads and writes, for tests and benchmarks.
stats: dict[str, int] = {"loaded": 0, "stored": 0, "not_storable": 0}


def disk_key(key: str) -> str:
    """The entry's key: the in-process ``key``, the format, ReportLab and the drawing code
    (store.content_key adds the app's and Python's versions)."""
    return store.content_key(key, str(FORMAT), "reportlab", reportlab.Version, _code_digest())


@cache
def _code_digest() -> bytes:
    root = Path(__file__).resolve().parents[2]  # the ldn_report package
    digest = hashlib.sha256()
    for pattern in CODE:
        for path in sorted(root.glob(pattern)) or [Path(pattern)]:
            try:
                data = path.read_bytes()
            except OSError:  # a frozen bundle ships no sources: the app's version decides
                data = pattern.encode()
            digest.update(str(path.relative_to(root) if path.is_absolute() else path).encode())
            digest.update(len(data).to_bytes(8, "big") + data)
    return digest.digest()


def load(key: str) -> SharedPages | None:
    """The recording stored for ``key`` (the in-process key), or None: missing, stale, damaged,
    foreign or made with other font files (then it is laid out and stored again)."""
    if store.cache_folder() is None:
        return None  # no cache: not even the key is worth making
    run = store.read_entry(KIND, _name(key), disk_key(key), _decode)
    if run is not None:
        stats["loaded"] += 1
    return run


def save(key: str, run: SharedPages) -> bool:
    """Store ``run`` for ``key``, if it holds only what a payload can carry; False if not."""
    if store.cache_folder() is None:
        return False
    payload = _encode(run)
    if payload is None:
        stats["not_storable"] += 1
        return False
    written = store.stats["written"]
    store.write_entry(KIND, _name(key), disk_key(key), payload)
    if store.stats["written"] > written:
        stats["stored"] += 1
        _prune()
    return True


def _name(key: str) -> str:
    return key[:32]  # one file per in-process key; its full key is checked inside


# -- to plain values and back ------------------------------------------------------------------

def _encode(run: SharedPages) -> bytes | None:
    pages = []
    for page in run.pages:
        if not all(_plain_event(e) for e in page.events):
            return None
        pages.append((page.code, page.events))
    faces = []
    for face in run.fonts:
        state = vars(face.state)
        file_key = _face_key(face.name)
        if (file_key is None or set(state) != _STATE or state["internalName"] != face.internal
                or any(_private(code) for code in state["assignments"])):
            return None
        faces.append((face.name, face.internal, file_key, state["assignments"],
                      state["subsets"], state["nextCode"], state["frozen"]))
    payload = (FORMAT, tuple(pages), tuple(faces))
    try:
        return marshal.dumps(payload)
    except ValueError:  # a value marshal cannot write: not plain after all
        return None


def _decode(payload: bytes) -> SharedPages | None:
    try:
        value = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(value, tuple) and len(value) == 3 and value[0] == FORMAT
            and isinstance(value[1], tuple) and isinstance(value[2], tuple)):
        return None
    pages = []
    for page in value[1]:
        if not (isinstance(page, tuple) and len(page) == 2 and _strings(page[0])
                and isinstance(page[1], tuple) and all(_plain_event(e) for e in page[1])):
            return None
        pages.append(RecordedPage(page[0], page[1]))
    faces = [_face_state(face) for face in value[2]]
    if not pages or None in faces or len({f.name for f in faces}) != len(faces) \
            or len({f.internal for f in faces}) != len(faces):
        return None
    return SharedPages(tuple(pages), tuple(faces))


def _face_state(face: Any) -> _FontState | None:
    """A font's glyph code assignments, checked: types, codes that name their characters in
    the subsets, and the face file it was made with (its face cache key)."""
    if not (isinstance(face, tuple) and len(face) == 7):
        return None
    name, internal, file_key, assignments, subsets, next_code, frozen = face
    if not (isinstance(name, str) and isinstance(internal, str) and _INTERNAL.fullmatch(internal)
            and isinstance(file_key, str) and isinstance(assignments, dict)
            and isinstance(subsets, list) and type(next_code) is int and frozen == 0
            and all(isinstance(s, list) and 0 < len(s) <= 256
                    and all(type(c) is int for c in s) for s in subsets)
            and 0 <= next_code <= 256 * len(subsets)):
        return None
    for code, n in assignments.items():
        if not (type(code) is int and type(n) is int and 0 <= n < 256 * len(subsets)
                and n & 0xFF < len(subsets[n >> 8]) and subsets[n >> 8][n & 0xFF] == code
                and not _private(code)):
            return None
    if _face_key(name) != file_key:  # not a bundled face, or its file has changed
        return None
    state = TTFont.State.__new__(TTFont.State)
    vars(state).update(assignments=assignments, subsets=subsets, nextCode=next_code,
                       internalName=internal, frozen=0)
    return _FontState(name, internal, state)


def _face_key(name: str) -> str | None:
    """The face cache key (a hash of the file's bytes) of a bundled face, loading it (a replay
    needs it anyway); None for any other font."""
    if name not in fonts.FACES:
        script = next((s for s, pair in fonts.SCRIPT_FACES.items() if name in pair), None)
        if script is None:
            return None
        fonts.script_face(script)
    else:
        fonts.register_fonts()
    return face_key(pdfmetrics.getFont(name).face)


def _plain_event(event: Any) -> bool:
    return (isinstance(event, tuple) and len(event) == 3 and event[0] in EVENTS
            and isinstance(event[1], tuple) and all(_plain(v) for v in event[1])
            and isinstance(event[2], dict)
            and all(isinstance(k, str) and _plain(v) for k, v in event[2].items()))


def _plain(value: Any) -> bool:
    if type(value) in _SCALARS:
        return True
    return type(value) is tuple and all(type(v) in _SCALARS for v in value)


def _strings(value: Any) -> bool:
    return isinstance(value, tuple) and all(type(v) is str for v in value)


def _private(code: int) -> bool:
    return any(low <= code <= high for low, high in _PRIVATE)


def _prune() -> None:
    """Keep the newest KEEP entries: every template edit or app update leaves one behind."""
    folder = store.cache_folder()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        entries = []
        for path in (folder / KIND).glob("*.cache"):
            with contextlib.suppress(OSError):  # another process may prune at the same time
                entries.append((path.stat().st_mtime_ns, path))
        entries.sort(reverse=True)
        for _mtime, path in entries[KEEP:]:
            with contextlib.suppress(OSError):
                path.unlink()
