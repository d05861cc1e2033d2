"""Load the evidence pack (statements, studies, references) and check its integrity loudly."""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import EvidencePackError
from .i18n.formats import format_date
from .i18n.report_texts import LANGUAGES
from .medicines.lexicon import OpioidEntry, OpioidLexicon, load_lexicon
from .paths import EVIDENCE_DIR


class EvidencePackExpired(UserWarning):
    """The pack is past its review-by date: reports still build, but the team must review it."""


@dataclass(frozen=True)
class Reference:
    """One source in the evidence pack, with its DOI, PMID or address."""

    id: str
    number: int
    text: str
    doi: str = ""
    pmid: str = ""
    url: str = ""
    note: str = ""
    unidentified: bool = False
    beyond_summary: bool = False
    probable: bool = False  # the summary does not list it: identified by its title, not certain
    verified: str = ""  # where the printed bibliographic fields were seen (an address or record)

    def links(self) -> tuple[tuple[str, str], ...]:
        """(label, url) pairs for the reference list: DOI, PubMed, or the label's page."""
        out = []
        if self.doi:
            out.append((f"doi:{self.doi}", f"https://doi.org/{self.doi}"))
        if self.pmid:
            out.append((f"PMID {self.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"))
        if self.url:
            out.append(("DailyMed", self.url) if "dailymed" in self.url else (self.url, self.url))
        return tuple(out)


@dataclass(frozen=True)
class Statement:
    """One clinical statement of the pack: its text and the references that support it."""

    id: str
    audience: str
    kind: str
    text: str
    cites: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()  # verbatim parts of the source summary this statement rests on
    basis_ref: str = ""
    # {slots} that compose fills with the patient's own words (e.g. a medicine as typed)
    slots: tuple[str, ...] = ()


@dataclass(frozen=True)
class Study:
    """One study row of the evidence summary table."""

    id: str
    label: str
    design: str
    participants: str
    findings: str
    cites: tuple[str, ...]


@dataclass(frozen=True)
class PackChange:
    """One entry of the pack's change log."""

    version: str
    date: dt.date
    changes: tuple[str, ...]


@dataclass(frozen=True)
class Translation:
    """A pack's statements in another language (statements.<lang>.toml), and who made them."""

    language: str
    translated_by: str
    translated_on: dt.date
    reviewed: bool  # by a qualified medical translator
    reviewed_by: str
    reviewed_on: dt.date | None
    texts: dict[str, str]  # statement id -> text
    # The clinician pages' other words: study id -> {design, participants, findings}, reference
    # id -> note, and the pack's own sentences (PACK_TEXTS; changes: this version's log).
    studies: dict[str, dict[str, str]] = field(default_factory=dict)
    reference_notes: dict[str, str] = field(default_factory=dict)
    pack_texts: dict[str, str | list[str]] = field(default_factory=dict)


# The studies table's cells a translation holds (the label, authors and year, stays as it is).
STUDY_CELLS = ("design", "participants", "findings")
# The pack's own sentences (pack.toml) a translation holds.
PACK_TEXTS = ("source_name", "source_kind", "update_policy", "funding_conflicts", "changes")


# Placeholders a statement may use; compose fills them from the pack (e.g. the aid's dates).
STATEMENT_FIELDS = frozenset({"version", "produced", "review_by"})

# A statement id: lower-case words joined by "_" (kp_bottom_line). Every statement id has this
# form, so a printed text that holds a word of it has let an internal name through.
STATEMENT_ID = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")
# What a clinician or patient must never read: an id-like word, or one of the pack's file names.
INTERNAL_NAME = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[\w.-]+\.(?:toml|json|py)\b")


@dataclass(frozen=True)
class EvidencePack:
    """The evidence pack as read and checked: statements, studies, references."""

    id: str
    title: str
    version: str
    produced: dt.date
    review_by: dt.date
    update_policy: str
    funding_conflicts: str
    source_title: str
    summary_text: str
    statements: dict[str, Statement]
    studies: tuple[Study, ...]
    references: tuple[Reference, ...]  # in citation-number order
    opioids: OpioidLexicon  # opioids.toml: names that mean a medicine contains an opioid
    source_name: str = ""  # who published the source summary
    source_kind: str = ""  # what kind of source it is (not a systematic review or guideline)
    source_read: dt.date | None = None
    field_tested: bool = False  # has the decision aid been tested with patients?
    changes: tuple[PackChange, ...] = ()  # newest first
    translations: dict[str, Translation] = field(default_factory=dict)  # language -> texts

    def statement_text(self, statement_id: str, language: str = "en") -> str:
        """A statement's text in ``language`` with the pack's own facts filled in."""
        return self.words(statement_id, language).format(**self.fields(language))

    def words(self, statement_id: str, language: str = "en") -> str:
        """A statement's words in ``language``, placeholders unfilled."""
        text = self.statement(statement_id).text
        if language == "en":
            return text
        return self.translation(language).texts[statement_id]

    def study_row(self, study: Study, language: str = "en") -> tuple[str, str, str, str]:
        """(label, design, participants, findings) of the studies table in ``language``."""
        cells = (study.design, study.participants, study.findings)
        if language != "en":
            words = self.translation(language).studies[study.id]
            cells = tuple(words[c] for c in STUDY_CELLS)  # type: ignore[assignment]
        return (study.label, *cells)

    def reference_note(self, reference: Reference, language: str = "en") -> str:
        if language == "en" or not reference.note:
            return reference.note
        return self.translation(language).reference_notes[reference.id]

    def pack_text(self, key: str, language: str = "en") -> str:
        """One of the pack's own sentences (PACK_TEXTS but changes) in ``language``."""
        if language == "en":
            return str(getattr(self, key))
        return str(self.translation(language).pack_texts[key])

    def current_changes(self, language: str = "en") -> PackChange | None:
        """This version's change log entry, its sentences in ``language``."""
        entry = next((c for c in self.changes if c.version == self.version), None)
        if entry is None or language == "en":
            return entry
        changes = self.translation(language).pack_texts["changes"]
        return PackChange(entry.version, entry.date, tuple(changes))

    def translation(self, language: str) -> Translation:
        try:
            return self.translations[language]
        except KeyError:
            raise EvidencePackError(f"the pack has no {language!r} translation") from None

    def fields(self, language: str = "en") -> dict[str, str]:
        return {"version": self.version, "produced": format_date(self.produced, language),
                "review_by": format_date(self.review_by, language)}

    def statement(self, statement_id: str) -> Statement:
        try:
            return self.statements[statement_id]
        except KeyError:
            raise EvidencePackError(f"statement {statement_id!r} is not in the pack") from None

    def reference(self, ref_id: str) -> Reference:
        return next(r for r in self.references if r.id == ref_id)

    def is_expired(self, today: dt.date | None = None) -> bool:
        return (today or dt.date.today()) > self.review_by


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("4.5 mg", "4.5mg")).strip().lower()


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise EvidencePackError(f"evidence pack file missing: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise EvidencePackError(f"evidence pack file {path.name} is not TOML: {exc}") from None


def _date(meta: dict, key: str) -> dt.date:
    value = meta.get(key)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise EvidencePackError(f"pack.toml: {key} must be a date (YYYY-MM-DD)") from None


def load_pack(folder: str | Path = EVIDENCE_DIR, today: dt.date | None = None) -> EvidencePack:
    """Read a pack folder, check it (see :func:`check_pack`), warn if past its review-by date.

    The pack as read and checked is kept in the user cache, keyed on the bytes of every file in
    the folder and of the code that reads them; from there it is checked again (a millisecond)
    but not parsed again (about 40 ms of TOML).
    """
    folder = Path(folder)
    pack = _cached_pack(folder)
    if pack.is_expired(today):
        warnings.warn(
            f"The evidence pack {pack.version} was due for review by {pack.review_by.isoformat()}; "
            "reports still build, but ask for an updated pack.",
            EvidencePackExpired,
            stacklevel=2,
        )
    return pack


_PACK_CLASSES = (EvidencePack, Statement, Study, Reference, PackChange, Translation,
                 OpioidLexicon, OpioidEntry)


def _cached_pack(folder: Path) -> EvidencePack:
    from .cache import plain, store
    from .medicines import lexicon

    # What the pack read from the folder depends on: its files, and the code that reads them
    # (report_texts says which translations are read).
    readers = (sys.modules[__name__], lexicon, sys.modules[f"{__package__}.i18n.report_texts"])
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        key = store.content_key(*(part for p in files for part in (p.name, p.read_bytes())),
                                store.code_of(*readers))
    except OSError:
        return _read_pack(folder)  # says which file is missing

    def decode(payload: bytes) -> EvidencePack | None:
        try:
            pack = plain.loads(payload, _PACK_CLASSES)
        except (ValueError, TypeError):
            return None
        if not isinstance(pack, EvidencePack):
            return None
        try:
            check_pack(pack)  # cheap, and a cached pack is never trusted unchecked
        except EvidencePackError:
            return None  # the files decide: read them again
        return pack

    pack = store.read_entry("evidence", folder.name, key, decode)
    if pack is None:
        pack = _read_pack(folder)
        store.write_entry("evidence", folder.name, key, plain.dumps(pack))
    return pack


def _read_pack(folder: Path) -> EvidencePack:
    meta = _read_toml(folder / "pack.toml")
    try:
        summary = (folder / meta["source_summary"]).read_text(encoding="utf-8")
        references = tuple(
            Reference(**entry) for entry in _read_toml(folder / "references.toml")["reference"]
        )
        statement_rows = _read_toml(folder / "statements.toml")["statement"]
        statements = [
            Statement(**{**row, "cites": tuple(row.get("cites", ())),
                         "basis": _as_tuple(row.get("basis", ())),
                         "slots": tuple(row.get("slots", ()))})
            for row in statement_rows
        ]
        studies = tuple(
            Study(**{**row, "cites": tuple(row["cites"])})
            for row in _read_toml(folder / "studies.toml")["study"]
        )
        pack = EvidencePack(
            id=meta["id"], title=meta["title"], version=meta["version"],
            produced=_date(meta, "produced"), review_by=_date(meta, "review_by"),
            update_policy=" ".join(meta["update_policy"].split()),
            funding_conflicts=" ".join(meta["funding_conflicts"].split()),
            source_title=meta["source_title"], summary_text=summary,
            statements={}, studies=studies,
            references=tuple(sorted(references, key=lambda r: r.number)),
            opioids=load_lexicon(folder / "opioids.toml"),
            source_name=meta["source_name"], source_kind=meta["source_kind"],
            source_read=_date(meta, "source_read"),
            field_tested=bool(meta.get("field_tested", False)),
            changes=tuple(_change(i, entry) for i, entry in enumerate(meta["change"], 1)),
        )
    except (KeyError, TypeError, OSError) as exc:
        raise EvidencePackError(f"evidence pack in {folder} is incomplete: {exc}") from None
    duplicates = _duplicates([s.id for s in statements])
    if duplicates:
        raise EvidencePackError(f"duplicate statement ids: {', '.join(duplicates)}")
    pack = EvidencePack(**{**pack.__dict__, "statements": {s.id: s for s in statements}})
    translations = {lang: _translation(folder, lang) for lang in LANGUAGES if lang != "en"}
    pack = EvidencePack(**{**pack.__dict__, "translations": translations})
    check_pack(pack)
    return pack


def _translation(folder: Path, language: str) -> Translation:
    path = folder / f"statements.{language}.toml"
    data = _read_toml(path)
    try:
        meta = data["translation"]
        if meta["language"] != language:
            raise EvidencePackError(f"{path.name}: translation.language must be {language!r}")
        reviewed = meta["reviewed"]
        if not isinstance(reviewed, bool):
            raise EvidencePackError(f"{path.name}: translation.reviewed must be true or false")
        if reviewed and not (meta.get("reviewed_by") and meta.get("reviewed_on")):
            raise EvidencePackError(f"{path.name}: a review needs reviewed_by and reviewed_on")
        texts = data["text"]
        if not all(isinstance(v, str) and v.strip() for v in texts.values()):
            raise EvidencePackError(f"{path.name}: every [text] entry must be a sentence")
        notes = data.get("reference_note", {})
        if not all(isinstance(v, str) and v.strip() for v in notes.values()):
            raise EvidencePackError(f"{path.name}: every [reference_note] entry must be a "
                                    "sentence")
        return Translation(
            language=language, translated_by=str(meta["translated_by"]),
            translated_on=_date(meta, "translated_on"), reviewed=reviewed,
            reviewed_by=str(meta.get("reviewed_by", "")),
            reviewed_on=_date(meta, "reviewed_on") if reviewed else None,
            texts=dict(texts), studies={k: dict(v) for k, v in data.get("study", {}).items()},
            reference_notes=dict(notes), pack_texts=dict(data.get("pack", {})))
    except (KeyError, TypeError, ValueError) as exc:
        raise EvidencePackError(f"{path.name} is incomplete: missing {exc}") from None


def _change(index: int, entry: dict) -> PackChange:
    if not isinstance(entry.get("changes"), list) or not entry["changes"]:
        raise EvidencePackError(f"pack.toml: change[{index}].changes must be a list of sentences")
    return PackChange(str(entry["version"]), _date(entry, "date"), tuple(entry["changes"]))


def _as_tuple(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _duplicates(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({i for i in ids if i in seen or seen.add(i)})


def check_pack(pack: EvidencePack) -> None:
    """Every citation resolves, every reference is cited, ids and numbers are unique, every
    claim rests on the source summary or on a named reference. Raises EvidencePackError."""
    problems: list[str] = []
    ref_ids = [r.id for r in pack.references]
    problems += [f"duplicate reference id {i!r}" for i in _duplicates(ref_ids)]
    numbers = [r.number for r in pack.references]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"reference numbers must run 1..{len(numbers)} once each, got {numbers}")
    problems += [f"duplicate study id {i!r}" for i in _duplicates([s.id for s in pack.studies])]
    known = set(ref_ids)
    by_id = {r.id: r for r in pack.references}
    cited: set[str] = set()
    summary = _normalise(pack.summary_text)
    for item in [*pack.statements.values(), *pack.studies]:
        for ref in item.cites:
            if ref not in known:
                problems.append(f"{item.id}: cites unknown reference {ref!r}")
            cited.add(ref)
    for st in pack.statements.values():
        if st.audience not in ("patient", "clinician"):
            problems.append(f"{st.id}: audience must be patient or clinician")
        if st.kind not in ("claim", "guidance"):
            problems.append(f"{st.id}: kind must be claim or guidance")
        if st.kind == "guidance" and st.cites:
            problems.append(f"{st.id}: guidance cites a reference; make it a claim")
        if st.kind != "claim":
            continue
        for basis in st.basis:
            if _normalise(basis) not in summary:
                problems.append(f"{st.id}: basis is not found in the source summary: {basis!r}")
        beyond = any(by_id[r].beyond_summary for r in st.cites if r in by_id)
        if not (st.basis or st.basis_ref or beyond):
            problems.append(f"{st.id}: a claim needs a basis in the summary or a cited reference")
    problems += _check_changes(pack)
    problems += _check_translations(pack)
    problems += [f"statement id {i!r} must be lower-case words joined by _ (e.g. kp_not_dmt)"
                 for i in pack.statements if not STATEMENT_ID.fullmatch(i)]
    problems += _check_internal_names(pack)
    for st in pack.statements.values():
        unknown = set(re.findall(r"\{(\w*)\}", st.text)) - STATEMENT_FIELDS - set(st.slots)
        if unknown or st.text.count("{") != st.text.count("}"):
            problems.append(f"{st.id}: a placeholder must be one of "
                            f"{', '.join(sorted(STATEMENT_FIELDS))} or a declared slot")
    for ref in pack.references:
        if not ref.verified:
            problems.append(f"reference {ref.number} ({ref.id}) does not say where its printed "
                            "fields were verified (verified = ...)")
        if ref.id not in cited:
            problems.append(f"reference {ref.number} ({ref.id}) is never cited")
        # A journal article whose DOI and PMID could not be verified is still findable by its
        # year;volume(issue):pages.
        journal = re.search(r"\d{4};\d+\(\d+\):\d+", ref.text)
        if not (ref.doi or ref.pmid or ref.url or ref.unidentified or journal):
            problems.append(f"reference {ref.number} ({ref.id}) has no DOI, PMID, address or "
                            "journal volume and pages")
        if not ref.unidentified and not ref.beyond_summary and f" {ref.number}" not in (
            " " + pack.summary_text.replace("\n", " \n")
        ):
            problems.append(f"reference {ref.number} is not cited in the source summary")
    if problems:
        raise EvidencePackError("the evidence pack is broken:\n  " + "\n  ".join(problems))


# A number as a translation must keep it: 3.3 in English is 3,3 in Spanish.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def numbers_in(text: str) -> list[str]:
    """The numbers of a sentence, decimal mark made a point, in order of size (for parity)."""
    return sorted(n.replace(",", ".") for n in _NUMBER.findall(text))


def placeholders_in(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def translatable_texts(pack: EvidencePack) -> dict[str, str]:
    """Every English text a translation must give, by its name in statements.<lang>.toml:
    statements (patient and clinician), study cells, reference notes, the pack's sentences."""
    current = pack.current_changes()
    return {
        **{i: st.text for i, st in pack.statements.items()},
        **{f"study.{s.id}.{c}": getattr(s, c) for s in pack.studies for c in STUDY_CELLS},
        **{f"reference_note.{r.id}": r.note for r in pack.references if r.note},
        **{f"pack.{k}": getattr(pack, k) for k in PACK_TEXTS if k != "changes"},
        **{f"pack.changes[{n}]": text
           for n, text in enumerate(current.changes if current else ())},
    }


def translated_texts(tr: Translation) -> dict[str, str]:
    """A translation's texts under the names :func:`translatable_texts` gives."""
    changes = tr.pack_texts.get("changes", [])
    return {
        **tr.texts,
        **{f"study.{s}.{c}": text for s, cells in tr.studies.items() for c, text in cells.items()},
        **{f"reference_note.{r}": text for r, text in tr.reference_notes.items()},
        **{f"pack.{k}": str(v) for k, v in tr.pack_texts.items() if k != "changes"},
        **{f"pack.changes[{n}]": str(text)
           for n, text in enumerate(changes if isinstance(changes, list) else [changes])},
    }


def _check_translations(pack: EvidencePack) -> list[str]:
    """Every text translated (patient and clinician pages alike), nothing extra, and each
    translation with exactly the numbers and placeholders of its English source (citations are
    shared by id)."""
    problems = []
    english = translatable_texts(pack)
    for lang, tr in pack.translations.items():
        name = f"statements.{lang}.toml"
        texts = translated_texts(tr)
        problems += [f"{name}: no text for {_kind(i)} {i!r}"
                     for i in english if i not in texts]
        problems += [f"{name}: {i!r} is not a {_kind(i)} of the pack"
                     for i in texts if i not in english]
        for i, text in texts.items():
            if i not in english:
                continue
            source = english[i]
            if not text.strip():
                problems.append(f"{name}: {i!r} is empty")
            if numbers_in(text) != numbers_in(source):
                problems.append(f"{name}: {i!r} has the numbers {numbers_in(text)}, but the "
                                f"English has {numbers_in(source)}")
            if placeholders_in(text) != placeholders_in(source):
                problems.append(f"{name}: {i!r} has the placeholders {placeholders_in(text)}, "
                                f"but the English has {placeholders_in(source)}")
    return problems


def internal_names_in(text: str, pack: EvidencePack) -> list[str]:
    """The internal names ``text`` holds: statement-id-like words, the pack's file names, and
    the ids of its studies, references and the pack itself (cree2010, naltrexone_label)."""
    ids = {pack.id, *(s.id for s in pack.studies), *(r.id for r in pack.references)}
    text = _PLACEHOLDER.sub(" ", text)  # {review_by} is filled in before it is printed
    words = set(re.findall(r"[\w-]+", text))
    return sorted(set(INTERNAL_NAME.findall(text)) | (ids & words))


def _check_internal_names(pack: EvidencePack) -> list[str]:
    """Printed texts (statements, study cells, notes, pack sentences, in every language) say
    what they mean in words: a clinician cannot read "saf_opioid_told" or "opioids.toml"."""
    texts = {("", k): v for k, v in translatable_texts(pack).items()}
    for lang, tr in pack.translations.items():
        texts.update({(f"statements.{lang}.toml: ", k): v
                      for k, v in translated_texts(tr).items()})
    return [f"{where}{name!r} prints the internal name(s) {', '.join(found)}; say it in words"
            for (where, name), text in texts.items()
            if (found := internal_names_in(text, pack))]


def _kind(name: str) -> str:
    kinds = {"study": "study cell", "reference_note": "reference note", "pack": "pack sentence"}
    return kinds.get(name.split(".")[0], "statement") if "." in name else "statement"


def _check_changes(pack: EvidencePack) -> list[str]:
    """The change log is newest first and its newest entry is this version."""
    if not pack.changes:
        return ["pack.toml: the change log ([[change]]) is empty"]
    problems = []
    if pack.changes[0].version != pack.version:
        problems.append(f"pack.toml: the newest change log entry is {pack.changes[0].version}, "
                        f"but the pack is version {pack.version}")
    dates = [c.date for c in pack.changes]
    if dates != sorted(dates, reverse=True) or dates[0] > pack.produced:
        problems.append("pack.toml: change log dates must run newest first, none after produced")
    return problems


@lru_cache(maxsize=1)
def default_pack() -> EvidencePack:
    """The bundled pack, loaded and checked once per process."""
    return load_pack()
