"""The interface's Qt Linguist translations (.ts) read without Qt, for the command line."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..paths import RESOURCES

TRANSLATIONS_DIR = RESOURCES / "translations"


@functools.cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, English source) -> finished translation; empty when the language has no file."""
    # Imported here: a build that needs no translation never pays for the XML parser.
    from xml.etree import ElementTree

    path = TRANSLATIONS_DIR / f"ldn_report_{language}.ts"
    try:
        root = ElementTree.parse(path).getroot()  # our own shipped file, not user input
    except (OSError, ElementTree.ParseError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            found[(name, message.findtext("source", ""))] = translation.text or ""
    return found


def translator(language: str) -> Callable[[str, str], str]:
    """A translate(context, text) for ``language``: the English text when none is found."""
    table = {} if language == "en" else _catalogue(language)
    return lambda context, text: table.get((context, text)) or text
