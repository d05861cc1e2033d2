"""The opioid lexicon of the evidence pack (opioids.toml): loaded, checked, and indexed by words."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvidencePackError

KINDS = ("generic", "international", "brand", "combination", "cough", "diarrhea", "OUD")
_ENTRY_KEYS = ("name", "contains", "kind", "seen")
_NOT_OPIOID_KEYS = ("name", "note")


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of a medicine as typed: "Tylenol #3" -> ("tylenol", "3"),
    "oxycodone/APAP 5/325mg" -> ("oxycodone", "apap", "5", "325", "mg")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # "325mg" and "10mcg/h" split into number and unit, so the name itself stands alone.
    text = re.sub(r"(\d)([a-z])", r"\1 \2", text)
    text = re.sub(r"([a-z])(\d)", r"\1 \2", text)
    return tuple(re.findall(r"[^\W_]+", text))


@dataclass(frozen=True)
class OpioidEntry:
    """One name that means the medicine contains an opioid."""

    name: str
    contains: str
    kind: str
    seen: str

    @property
    def words(self) -> tuple[str, ...]:
        return words(self.name)


@dataclass(frozen=True)
class OpioidLexicon:
    """The reviewed opioid names, and names reviewed as not opioids."""

    entries: tuple[OpioidEntry, ...]
    not_opioids: tuple[str, ...]  # reviewed names that are not opioids: never "did you mean"

    def by_first_word(self) -> dict[str, list[OpioidEntry]]:
        index: dict[str, list[OpioidEntry]] = {}
        for entry in self.entries:
            index.setdefault(entry.words[0], []).append(entry)
        return index


def load_lexicon(path: Path) -> OpioidLexicon:
    """Read and check opioids.toml; a broken lexicon is a broken pack (EvidencePackError)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise EvidencePackError(f"evidence pack file missing: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise EvidencePackError(f"evidence pack file {path.name} is not TOML: {exc}") from None
    problems: list[str] = []
    entries: list[OpioidEntry] = []
    seen_names: dict[tuple[str, ...], str] = {}
    for i, row in enumerate(data.get("opioid", []), 1):
        where = f"{path.name} opioid {i}"
        if not isinstance(row, dict) or set(row) != set(_ENTRY_KEYS):
            problems.append(f"{where}: needs exactly {', '.join(_ENTRY_KEYS)}")
            continue
        if not all(isinstance(row[k], str) and row[k].strip() for k in _ENTRY_KEYS):
            problems.append(f"{where}: every field must be non-empty text")
            continue
        if row["kind"] not in KINDS:
            problems.append(f"{where} ({row['name']}): kind must be one of {', '.join(KINDS)}")
        entry = OpioidEntry(**{k: row[k].strip() for k in _ENTRY_KEYS})
        if not entry.words:
            problems.append(f"{where}: name has no letters or digits")
            continue
        if entry.words in seen_names:
            problems.append(f"{where}: {entry.name!r} is listed twice "
                            f"(also as {seen_names[entry.words]!r})")
        seen_names[entry.words] = entry.name
        entries.append(entry)
    not_opioids: list[str] = []
    for i, row in enumerate(data.get("not_opioid", []), 1):
        if not isinstance(row, dict) or set(row) != set(_NOT_OPIOID_KEYS):
            problems.append(f"{path.name} not_opioid {i}: needs exactly name, note")
            continue
        if words(row["name"]) in seen_names:
            problems.append(f"{path.name} not_opioid {i}: {row['name']!r} is also an opioid entry")
        not_opioids.append(row["name"])
    if not entries:
        problems.append(f"{path.name}: no [[opioid]] entries")
    if problems:
        raise EvidencePackError("the opioid lexicon is broken:\n  " + "\n  ".join(problems))
    return OpioidLexicon(tuple(entries), tuple(not_opioids))
