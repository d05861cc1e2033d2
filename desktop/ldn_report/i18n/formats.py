"""Numbers and dates as each report language writes them (Babel's CLDR data)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

# A number inside a sentence: 3.3, 0.04, 4.5 (not a version such as 1.1.0, not a date).
_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")


def _locale(language: str) -> str:
    return language.replace("-", "_")


@lru_cache(maxsize=512)
def format_date(value: dt.date, language: str) -> str:
    """English keeps ISO dates (what the reports always printed); other languages get Babel's
    long form, e.g. "26 de noviembre de 2026". Cached: a report asks for the pack's two dates
    once per statement, about 3 ms of Babel per Spanish build uncached."""
    if language.split("-")[0].lower() == "en":
        return value.isoformat()
    from babel.dates import format_date as _babel_date  # here: English reports never need Babel

    return _babel_date(value, format="long", locale=_locale(language))


def format_number(value: float, language: str) -> str:
    """A number with the language's decimal mark: 3.3 -> "3,3" in Spanish; no grouping."""
    if language.split("-")[0].lower() == "en":
        return f"{value:g}"
    from babel.numbers import format_decimal  # here: English reports never need Babel

    # The pack's Spanish is one neutral Spanish with a decimal comma; a regional tag (es-MX,
    # whose own mark is a point) must not mix the two in one report.
    return format_decimal(value, format="0.##########", locale=language.split("-")[0].lower())


def decimal_points(text: str) -> list[str]:
    """Every number with a decimal point in ``text`` (what a Spanish text must not contain)."""
    return [m.group(0) for m in _DECIMAL.finditer(text)]
