"""Shared pages kept in the user cache between processes (issue 17): the key changes with
everything the pages depend on, an entry that is damaged, truncated, foreign, stale or made with
other font files is laid out again (and stored again) without failing the build, and what is
read back draws the very same report as what was recorded."""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import reportlab
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.ttfonts import TTFontFace

from ldn_report.build import build_report
from ldn_report.cache import store
from ldn_report.examples import load_example
from ldn_report.paths import FONTS_DIR
from ldn_report.render.pdf import document, fonts, stored_pages
from ldn_report.render.pdf.document import ReportRenderer
from ldn_report.render.pdf.face_cache import face_key, load_face
from ldn_report.render.pdf.shared_pages import SharedPages, SharedPagesCache
from ldn_report.render.pdf.styles import style_set
from ldn_report.templates.catalogue import builtin_templates
from pdf_text import pdf_text

DAY = dt.date(2026, 11, 26)
TEMPLATES = {t.name: t for t in builtin_templates()}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test, and fresh read/write counts."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(store.ENV_VAR, str(folder))
    monkeypatch.setattr(store, "stats", dict.fromkeys(store.stats, 0))
    monkeypatch.setattr(stored_pages, "stats", dict.fromkeys(stored_pages.stats, 0))
    return folder


def _renderer(template: str = "Standard Letter", cache: SharedPagesCache | None = None,
              example: str = "on-dmt-mood-pain") -> ReportRenderer:
    result = build_report(load_example(example, today=DAY), TEMPLATES[template],
                          generated_on=DAY, shared_pages=False)
    return ReportRenderer(result.report, TEMPLATES[template], result.content_hash, cache)


def _render(template: str = "Standard Letter") -> tuple[bytes, SharedPagesCache]:
    """A report rendered in what stands for a new process: nothing recorded in memory yet."""
    pages = SharedPagesCache()
    return _renderer(template, pages).render(), pages


def _entry(renderer: ReportRenderer) -> Path:
    key = renderer.shared_key(renderer.shared_start())
    return store.cache_folder() / stored_pages.KIND / f"{stored_pages._name(key)}.cache"


# -- the key -------------------------------------------------------------------------------------

def _replace_meta(r: ReportRenderer, **changes: object) -> None:
    r.report = dataclasses.replace(r.report, meta=dataclasses.replace(r.report.meta, **changes))


def _change_shared_section(r: ReportRenderer) -> None:
    start = r.shared_start()
    sections = list(r.report.sections)
    sections[start] = dataclasses.replace(sections[start], title=sections[start].title + " ")
    r.report = dataclasses.replace(r.report, sections=tuple(sections))


def _move_shared_sections(r: ReportRenderer) -> None:
    """The same shared sections one place later (their index names their bookmarks)."""
    sections = r.report.sections
    r.report = dataclasses.replace(r.report, sections=(sections[0], *sections))


def _move_key(r: ReportRenderer) -> str:
    return r.shared_key(r.shared_start() + 1)


KEY_CHANGES: dict[str, Callable[[ReportRenderer, pytest.MonkeyPatch], None]] = {
    "a shared section's text": lambda r, mp: _change_shared_section(r),
    "the shared sections' place": lambda r, mp: _move_shared_sections(r),
    "the references": lambda r, mp: setattr(r, "report", dataclasses.replace(
        r.report, references=r.report.references[:-1])),
    "the language": lambda r, mp: _replace_meta(r, language="en-GB"),
    "the pack's version": lambda r, mp: _replace_meta(r, pack_version="9.9.9"),
    "the pack's date": lambda r, mp: _replace_meta(r, pack_date="2030-01-01"),
    "the linked references": lambda r, mp: setattr(r, "linked", frozenset(sorted(r.linked)[1:])),
    "the template": lambda r, mp: setattr(r, "template", dataclasses.replace(
        r.template, footer_text="Another clinic line")),
    "the page size": lambda r, mp: setattr(r, "pagesize", A4),
    "the margin": lambda r, mp: setattr(r, "margin", r.margin + 1),
    "the footer's height": lambda r, mp: setattr(r, "footer", dataclasses.replace(
        r.footer, lines=(*r.footer.lines, "x"))),
    "the body size": lambda r, mp: setattr(r, "styles", style_set(
        True, r.template.branding.accent_colour)),
    "the app's version": lambda r, mp: (mp.setattr(document, "__version__", "0.0.0"),
                                        mp.setattr(store, "__version__", "0.0.0")),
    "Python's version": lambda r, mp: mp.setattr(sys, "version", "3.0.0"),
    "the fonts folder": lambda r, mp: mp.setattr(fonts, "FONTS_DIR", Path("/elsewhere")),
    "ReportLab's invariant mode": lambda r, mp: mp.setattr(rl_config, "invariant", 0),
    "ReportLab's version": lambda r, mp: mp.setattr(reportlab, "Version", "0.0"),
    "the drawing code": lambda r, mp: mp.setattr(stored_pages, "_code_digest", lambda: b"other"),
    "the payload's format": lambda r, mp: mp.setattr(stored_pages, "FORMAT", 0),
}


@pytest.mark.parametrize("change", KEY_CHANGES)
def test_the_key_changes_with_everything_the_pages_depend_on(
        change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = _renderer()
    start = renderer.shared_start()
    before = stored_pages.disk_key(renderer.shared_key(start))
    assert before == stored_pages.disk_key(renderer.shared_key(start))  # stable
    KEY_CHANGES[change](renderer, monkeypatch)
    moved = change == "the shared sections' place"
    after = stored_pages.disk_key(_move_key(renderer) if moved else renderer.shared_key(start))
    assert after != before


def test_the_key_of_a_face_changes_with_its_bytes(tmp_path: Path, cache: Path) -> None:
    """The fonts' bytes: each entry names the face cache key of every face it uses, checked
    against the face loaded when it is read (test below)."""
    copy = tmp_path / "DejaVuSans.ttf"
    shutil.copyfile(FONTS_DIR / "DejaVuSans.ttf", copy)
    first = face_key(load_face(copy, TTFontFace))
    copy.write_bytes(copy.read_bytes() + b"\0")
    assert face_key(load_face(copy, TTFontFace)) not in (first, None)


# -- one process records and stores, the next reads ------------------------------------------

@pytest.mark.parametrize("template", ["Standard Letter", "Standard A4", "Large print"])
def test_the_next_process_reads_the_pages_instead_of_laying_them_out(template: str,
                                                                    cache: Path) -> None:
    recorded, first = _render(template)
    assert (first.layouts, first.loads) == (1, 0)
    assert stored_pages.stats["stored"] == 1
    read, second = _render(template)
    assert (second.layouts, second.loads) == (0, 1)
    assert read == recorded  # the same bytes: same page streams, glyph codes, links, bookmarks
    assert stored_pages.stats == {"loaded": 1, "stored": 1, "not_storable": 0}
    # the patient pages' paragraphs replay from a read recording as from a recorded one
    for _ in range(2):
        assert _renderer(template, second).render() == recorded
    (run,) = second.runs()
    assert run.drawn_counts()[0] >= 50


def test_code_without_source_files_still_keys_the_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen app (the PyInstaller bundle) has no source files: its version keys them."""
    key = stored_pages.disk_key("k")
    stored_pages._code_digest.cache_clear()
    monkeypatch.setattr(stored_pages, "__file__", "/nowhere/ldn_report/render/pdf/x.py")
    try:
        frozen = stored_pages.disk_key("k")
        assert frozen == stored_pages.disk_key("k") != key
    finally:
        stored_pages._code_digest.cache_clear()


def _whole(payload: Callable[[tuple], tuple]) -> Callable[[Path, bytes], None]:
    """Damage that keeps the entry whole (its key and checksum right): a changed payload."""
    def damage(entry: Path, other: bytes) -> None:
        data = entry.read_bytes()
        head = len(store.MAGIC)
        key = data[head:head + 64].decode()
        value = marshal.loads(data[head + 130:])
        entry.unlink()
        store.write_entry(stored_pages.KIND, entry.stem, key, marshal.dumps(payload(value)))
    return damage


def _font(value: tuple, index: int, item: object) -> tuple:
    """The payload with one field of the first font's state replaced."""
    face = list(value[2][0])
    face[index] = item(face[index]) if callable(item) else item
    return (value[0], value[1], ((*face,), *value[2][1:]))


def _event(value: tuple, method: str) -> tuple:
    code, events = value[1][0]
    return (value[0], ((code, ((method, *events[0][1:]), *events[1:])), *value[1][1:]),
            value[2])


def _write(entry: Path, data: bytes) -> None:
    entry.write_bytes(data)


def _store_raw(entry: Path, payload: bytes) -> None:
    """A whole entry (right key and checksum) whose payload is not marshal data."""
    key = entry.read_bytes()[len(store.MAGIC):len(store.MAGIC) + 64].decode()
    entry.unlink()
    store.write_entry(stored_pages.KIND, entry.stem, key, payload)


DAMAGE: dict[str, Callable[[Path, bytes], None]] = {
    "truncated": lambda e, o: _write(e, e.read_bytes()[: len(e.read_bytes()) // 2]),
    "empty": lambda e, o: _write(e, b""),
    "a byte changed": lambda e, o: _write(e, (lambda d: d[:-100] + bytes([d[-100] ^ 1])
                                              + d[-99:])(e.read_bytes())),
    "another template's entry": lambda e, o: _write(e, o),
    "an older cache format": lambda e, o: _write(e, e.read_bytes().replace(
        store.MAGIC, b"ldn-report cache 0\n")),
    "stale (older drawing code)": lambda e, o: None,  # see the test: made under another key
    "not marshal": lambda e, o: _store_raw(e, b"\xffnot marshal"),
    "another payload format": _whole(lambda v: (0, *v[1:])),
    "a call a replay must not make": _whole(lambda v: _event(v, "drawImage")),
    "a glyph code naming another character": _whole(
        lambda v: _font(v, 3, lambda a: {**a, 65: a[66]})),
    "a private-use glyph": _whole(lambda v: _font(v, 3, lambda a: {**a, 0xE000: 0})),
    "another font file": _whole(lambda v: _font(v, 2, "0" * 64)),
    "not a bundled face": _whole(lambda v: _font(v, 0, "Helvetica")),
    "a bad resource name": _whole(lambda v: _font(v, 1, "/F1 0 R")),
    "subsets that are not lists": _whole(lambda v: _font(v, 4, lambda s: tuple(s))),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_bad_entry_is_laid_out_again_and_stored_again(damage: str, cache: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if damage.startswith("stale"):
        with monkeypatch.context() as mp:
            mp.setattr(stored_pages, "_code_digest", lambda: b"the code of an older version")
            recorded, _ = _render()
    else:
        recorded, _ = _render()
    _render("Standard A4")
    entry = _entry(_renderer())
    other = _entry(_renderer("Standard A4")).read_bytes()
    DAMAGE[damage](entry, other)
    read, pages = _render()
    assert read == recorded
    assert (pages.layouts, pages.loads) == (1, 0)  # not trusted: laid out
    assert stored_pages.stats["loaded"] == 0
    again, pages = _render()  # and stored again for the next process
    assert (pages.layouts, pages.loads) == (0, 1)
    assert again == recorded


def test_a_recording_a_payload_cannot_carry_is_not_stored(cache: Path) -> None:
    """A glyph the shaper gave a private-use code means something only in its own process."""
    renderer = _renderer()
    run = renderer.record_shared(renderer.shared_start())
    assert run is not None
    face = run.fonts[0]
    state = type(face.state).__new__(type(face.state))
    vars(state).update(vars(face.state), assignments={**face.state.assignments, 0xE000: 0})
    odd = SharedPages(run.pages, (dataclasses.replace(face, state=state), *run.fonts[1:]))
    assert not stored_pages.save("some key", odd)
    assert stored_pages.save("some key", run)
    assert stored_pages.stats == {"loaded": 0, "stored": 1, "not_storable": 1}


def test_the_folder_keeps_the_newest_entries(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored_pages, "KEEP", 3)
    renderer = _renderer()
    run = renderer.record_shared(renderer.shared_start())
    keys = [f"{i:x}" * 64 for i in range(5)]
    for i, key in enumerate(keys):
        stored_pages.save(key, run)
        os.utime(cache / stored_pages.KIND / f"{key[:32]}.cache", (i, i))  # written in order
    assert len(list((cache / stored_pages.KIND).glob("*.cache"))) == 3
    assert [stored_pages.load(key) is not None for key in keys] == [False, False, True, True,
                                                                    True]


def test_no_cache_folder_means_laid_out_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(store.ENV_VAR, "")
    recorded, first = _render()
    read, second = _render()
    assert (first.layouts, second.layouts, second.loads) == (1, 1, 0)
    assert read == recorded


def test_no_patient_data_reaches_the_cache(cache: Path) -> None:
    """The stored pages are the clinician pages: nothing of the patient is written there."""
    ctx = dataclasses.replace(load_example("everything-flagged", today=DAY),
                              patient_name="Zelda Quintrell", patient_mrn="MRN-77889911",
                              notes="Prefers the afternoon clinic (QWERTY-NOTE).",
                              patient_deidentified=False, clinician_name="Dr Ofelia Brandtmeyer")
    for template in ("Standard Letter", "Large print"):
        result = build_report(ctx, TEMPLATES[template], generated_on=DAY, shared_pages=False)
        pdf = ReportRenderer(result.report, TEMPLATES[template], result.content_hash,
                             SharedPagesCache()).render()  # as in a new process: stored
        assert "Quintrell" in pdf_text(pdf)  # on the patient's pages
    entries = list((cache / stored_pages.KIND).glob("*.cache"))
    assert len(entries) == 2
    for entry in entries:
        data = entry.read_bytes()
        assert b"Evidence" in data  # text on those pages is stored as written: findable
        for secret in (b"Quintrell", b"Zelda", b"77889911", b"QWERTY", b"Brandtmeyer",
                       "Quintrell".encode("utf-16-be")):
            assert secret not in data, (entry.name, secret)
