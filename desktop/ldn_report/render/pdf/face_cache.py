"""Parsed TrueType faces kept between processes: ReportLab's parse of a bundled font (about
12 ms a face) becomes a ~1.5 ms read of its result from the user cache.

The payload is ``marshal`` of plain values (numbers, strings, bytes, lists, tuples, dicts): the
face's attributes as ReportLab's parser left them. marshal was chosen over JSON because the
metrics are int-keyed dicts and tuples that JSON would turn into strings and lists (converting
them back cost more than half the parse), and over pickle because loading marshal data builds
values only: it never imports a module or calls anything. The entry's SHA-256 is checked before
marshal sees a byte (cache/store.py), and every attribute's type after, so a damaged file is
rebuilt, never half-trusted. The key holds the font file's bytes and ReportLab's version.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import TypeVar
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

from ldn_report.cache import store

KIND = "fonts"
_PLAIN = (type(None), bool, int, float, str, bytes, list, tuple, dict)
# Attributes that are not plain values: rebuilt on load (see _restore).
_NAME_BYTES = "name_bytes"  # TTFNameBytes attributes, stored as their text
_SCALE = "_pdfScale"  # a lambda ReportLab makes from unitsPerEm

Face = TypeVar("Face", bound=TTFontFace)
# Each face loaded here and the key of its file: kept beside it, not on it, so that the face's
# attributes stay those ReportLab gives it.
_keys: WeakKeyDictionary[TTFontFace, str] = WeakKeyDictionary()


def load_face(path: Path, face_class: type[Face]) -> Face:
    """``face_class(path)``, parsed by ReportLab or restored from the cache."""
    data = path.read_bytes()
    key = store.content_key(data, "reportlab", reportlab.Version)
    face = store.read_entry(KIND, path.name, key,
                            lambda payload: _restore(payload, data, str(path), face_class))
    if face is None:
        face = face_class(str(path))
        state = _state(face)
        if state is not None:
            store.write_entry(KIND, path.name, key, marshal.dumps(state))
    _keys[face] = key
    return face


def face_key(face: TTFontFace) -> str | None:
    """The key of the file ``face`` was loaded from (a hash of its bytes, ReportLab's version),
    for entries made with this face (stored_pages.py); None for a face not loaded here."""
    return _keys.get(face)


def _state(face: TTFontFace) -> dict | None:
    """The face's attributes as plain values, or None if ReportLab added one we do not know."""
    state: dict = {_NAME_BYTES: {}}
    for attr, value in vars(face).items():
        if attr in ("_ttf_data", _SCALE):
            continue
        if isinstance(value, TTFNameBytes):
            state[_NAME_BYTES][attr] = value.ustr
        elif type(value) in _PLAIN:
            state[attr] = value
        else:
            return None
    return state


def _restore(payload: bytes, data: bytes, filename: str, face_class: type[Face]) -> Face | None:
    try:
        state = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if (not isinstance(state, dict) or not isinstance(state.get(_NAME_BYTES), dict)
            or not all(type(v) in _PLAIN for v in state.values())
            or not isinstance(state.get("unitsPerEm"), int) or state["unitsPerEm"] <= 0):
        return None
    names = state.pop(_NAME_BYTES)
    face = face_class.__new__(face_class)
    vars(face).update(state)
    for attr, text in names.items():
        setattr(face, attr, TTFNameBytes(str(text).encode("utf8")))
    face._ttf_data = data
    face.filename = filename  # where this process found it (also how ReportLab names the stream)
    units = state["unitsPerEm"]
    # As ReportLab's extractInfo makes it.
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x, m=1000 / units: x * m)
    return face
