"""Argument types for the command line: each refusal says what is allowed, naming the option."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def path_argument(what: str) -> Callable[[str], str]:
    """A file or folder argument; an empty one (an unset shell variable) is refused, not taken
    as the current folder."""
    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"is empty; give {what}")
        return text
    return parse


def whole_number(flag: str, lo: int, hi: int) -> Callable[[str], int]:
    """A whole number from ``lo`` to ``hi``; anything else says so."""
    def parse(text: str) -> int:
        value = text.strip()
        digits = value.removeprefix("-")
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 9) \
                or not lo <= int(value) <= hi:
            raise argparse.ArgumentTypeError(f"{flag} must be a whole number from {lo} to {hi}")
        return int(value)
    return parse
