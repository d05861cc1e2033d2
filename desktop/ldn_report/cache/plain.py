"""Frozen dataclasses of plain values as JSON and back, for cache entries (the evidence pack).

JSON cannot run code when read, and only the dataclasses the caller names can come back: any
other tag, a missing or extra field, or text that is not JSON raises ValueError (a cache miss).
Tuples, dates and dicts are tagged so that they come back as what they were: a decoded value
compares equal to the one encoded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

_TAG = "$"


def dumps(value: Any) -> bytes:
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode()


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {_TAG: type(value).__name__,
                "v": {f.name: _encode(getattr(value, f.name))
                      for f in dataclasses.fields(value)}}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {_TAG: "date", "v": value.isoformat()}
    if isinstance(value, tuple):
        return {_TAG: "tuple", "v": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {_TAG: "dict", "v": [[_encode(k), _encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def loads(data: bytes, classes: Iterable[type]) -> Any:
    """The value ``dumps`` wrote; ``classes`` are the dataclasses allowed in it."""
    allowed = {cls.__name__: cls for cls in classes}

    def hook(obj: dict) -> Any:
        tag = obj.get(_TAG)
        if tag is None:
            return obj  # a dataclass's fields, read by its tag object next
        value = obj.get("v")
        if set(obj) != {_TAG, "v"}:
            raise ValueError("not a cache object")
        if tag == "tuple" and isinstance(value, list):
            return tuple(value)
        if tag == "date" and isinstance(value, str):
            return dt.date.fromisoformat(value)
        if tag == "dict" and isinstance(value, list):
            return {_hashable(k): v for k, v in value}
        cls = allowed.get(tag)
        names = {f.name for f in dataclasses.fields(cls)} if cls else set()
        if cls is None or not isinstance(value, dict) or set(value) != names:
            raise ValueError(f"unexpected {tag!r} in a cache entry")
        return cls(**value)

    try:
        return json.loads(data, object_hook=hook)
    except (TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None


def _hashable(key: Any) -> Any:
    if isinstance(key, list | dict):
        raise ValueError("a dict key in a cache entry must be a plain value")
    return key
