"""Which of the patient's medicines contain an opioid, and which look like a misspelt opioid."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .lexicon import OpioidEntry, OpioidLexicon, words


@dataclass(frozen=True)
class OpioidMedicine:
    """A medicine from the patient's list that contains an opioid."""

    medicine: str  # as typed
    contains: str  # the opioid, e.g. "tramadol"
    kind: str
    matched: str  # the lexicon name that matched, e.g. "Ultracet"

    @property
    def is_generic(self) -> bool:
        """Named by the opioid itself ("tramadol 50 mg", "loperamide"), not by a brand."""
        return (self.kind in ("generic", "international")
                or self.matched.casefold() == self.contains.casefold())


@dataclass(frozen=True)
class NearMiss:
    """A word that is one or two letters away from an opioid's name: "did you mean"."""

    medicine: str
    word: str
    suggestion: str
    contains: str

    @property
    def message(self) -> str:
        """"did you mean tramadol? “tramadl” looks like tramadol, an opioid"."""
        same = self.suggestion.casefold() == self.contains.casefold()
        what = "" if same else f", which contains {self.contains}"
        return (f"did you mean {self.suggestion}? \u201c{self.word}\u201d looks like "
                f"{self.suggestion}{what}, an opioid")


def _match(item_words: tuple[str, ...], index: dict[str, list[OpioidEntry]]) -> OpioidEntry | None:
    best: OpioidEntry | None = None
    for start, word in enumerate(item_words):
        for entry in index.get(word, ()):
            n = len(entry.words)
            if item_words[start:start + n] == entry.words and (
                    best is None or n > len(best.words)):
                best = entry
    return best


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two letters counts once), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _allowed_typos(length: int) -> int:
    """Slips forgiven in a name of this length: none below 5 letters, 2 from 8 letters."""
    return 0 if length < 5 else 1 if length < 8 else 2


class OpioidFinder:
    """Finds opioids in medicine names with one lexicon; results are cached per name."""

    def __init__(self, lexicon: OpioidLexicon) -> None:
        self.lexicon = lexicon
        self.index = lexicon.by_first_word()
        self.single_words = {e.words[0]: e for e in lexicon.entries
                             if len(e.words) == 1 and len(e.words[0]) >= 5}
        self.known = {w for name in lexicon.not_opioids for w in words(name)}
        self.find = lru_cache(maxsize=4096)(self._find)
        self.near_miss = lru_cache(maxsize=4096)(self._near_miss)

    def _find(self, medicine: str) -> OpioidMedicine | None:
        entry = _match(words(medicine), self.index)
        if entry is None:
            return None
        return OpioidMedicine(medicine, entry.contains, entry.kind, entry.name)

    def _near_miss(self, medicine: str) -> NearMiss | None:
        if self.find(medicine) is not None:
            return None
        item = [w for w in words(medicine) if w.isalpha()]
        # Two words run together too: "co-codamal" is one slip away from "cocodamol".
        candidates = [*item, *(a + b for a, b in pairwise(item))]
        for word in candidates:
            if word in self.known or word in self.index or len(word) < 5:
                continue
            for name, entry in self.single_words.items():
                limit = _allowed_typos(max(len(word), len(name)))
                if _distance(word, name, limit) <= limit:
                    return NearMiss(medicine, word, entry.name, entry.contains)
        return None

    def opioids(self, medicines: tuple[str, ...]) -> tuple[OpioidMedicine, ...]:
        return tuple(m for m in map(self.find, medicines) if m is not None)

    def near_misses(self, medicines: tuple[str, ...]) -> tuple[NearMiss, ...]:
        return tuple(m for m in map(self.near_miss, medicines) if m is not None)
