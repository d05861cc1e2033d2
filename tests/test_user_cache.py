"""The user cache (issue 17): parsed font faces and the checked evidence pack are reused between
processes only when their entry is whole and made for the same sources; anything else is
rebuilt, and a cache folder that cannot be used never stops a build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from ldn_report.cache import store
from ldn_report.errors import EvidencePackError
from ldn_report.evidence import load_pack
from ldn_report.paths import EVIDENCE_DIR, FONTS_DIR
from ldn_report.render.pdf import fonts
from ldn_report.render.pdf.face_cache import load_face

REGULAR = FONTS_DIR / "DejaVuSans.ttf"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test, and fresh read/write counts."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(store.ENV_VAR, str(folder))
    monkeypatch.setattr(store, "stats", dict.fromkeys(store.stats, 0))
    return folder


def _face_state(face: TTFontFace) -> dict:
    state = {k: v for k, v in vars(face).items() if k != "_pdfScale"}
    state["scale"] = face._pdfScale(1234)  # the lambda itself cannot be compared
    return state


def test_a_face_comes_back_from_the_cache_as_parsed(cache: Path) -> None:
    parsed = TTFontFace(str(REGULAR))
    first = load_face(REGULAR, TTFontFace)
    assert store.stats == {"hit": 0, "miss": 1, "rejected": 0, "written": 1}
    again = load_face(REGULAR, TTFontFace)
    assert store.stats["hit"] == 1
    assert _face_state(first) == _face_state(parsed)
    assert _face_state(again) == _face_state(parsed)
    assert type(again.name) is type(parsed.name)
    assert again.name.ustr == parsed.name.ustr


@pytest.mark.parametrize("face", [*fonts.FACES, *{f for pair in fonts.SCRIPT_FACES.values()
                                                   for f in pair}])
def test_a_bundled_font_read_on_first_use_is_the_font_reportlab_makes(face: str,
                                                                      cache: Path) -> None:
    """Every attribute TTFont.__init__ sets, with the same values: fails when a ReportLab
    update changes what a TTFont holds, before a report could."""
    path = FONTS_DIR / f"{face}.ttf"
    reference = TTFont(face, str(path))
    for _ in range(2):  # parsed, then from the cache
        font = fonts._BundledFont(face, path)
        assert font.fontName == face
        assert font.face  # the first use reads it
        mine = {k: v for k, v in vars(font).items() if k != "_path"}
        theirs = vars(reference)
        assert set(mine) == set(theirs)
        assert font.shapable == reference.shapable
        assert font._asciiReadable == reference._asciiReadable
        assert _face_state(font.face) == _face_state(reference.face)
    assert store.stats["hit"] == 1


def _entry(cache: Path, kind: str, name: str) -> Path:
    return cache / kind / f"{name}.cache"


DAMAGE = {
    "truncated": lambda data, other: data[: len(data) // 2],
    "empty": lambda data, other: b"",
    "a byte changed": lambda data, other: data[:-100] + bytes([data[-100] ^ 1]) + data[-99:],
    "not an entry": lambda data, other: b"\x00garbage\xff" * 100,
    "another font's entry": lambda data, other: other,
    "an older format": lambda data, other: data.replace(store.MAGIC, b"ldn-report cache 0\n"),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_or_foreign_face_entry_is_rebuilt(damage: str, cache: Path) -> None:
    parsed = TTFontFace(str(REGULAR))
    load_face(REGULAR, TTFontFace)
    load_face(FONTS_DIR / "DejaVuSans-Bold.ttf", TTFontFace)
    entry = _entry(cache, "fonts", REGULAR.name)
    other = _entry(cache, "fonts", "DejaVuSans-Bold.ttf").read_bytes()
    entry.write_bytes(DAMAGE[damage](entry.read_bytes(), other))
    face = load_face(REGULAR, TTFontFace)
    assert _face_state(face) == _face_state(parsed)
    assert store.stats["hit"] == 0
    assert store.stats["written"] == 3  # rebuilt: the next process reads it again
    load_face(REGULAR, TTFontFace)
    assert store.stats["hit"] == 1


def test_a_whole_entry_with_a_foreign_payload_is_not_trusted(cache: Path) -> None:
    """The checksum is right, but what it holds is not a face (e.g. written by other code)."""
    import marshal

    import reportlab

    parsed = TTFontFace(str(REGULAR))
    key = store.content_key(REGULAR.read_bytes(), "reportlab", reportlab.Version)
    for payload in (marshal.dumps([1, 2, 3]), marshal.dumps({"name_bytes": {}}),
                    marshal.dumps(compile("1", "x", "eval")), b"not marshal"):
        store.write_entry("fonts", REGULAR.name, key, payload)
        assert _face_state(load_face(REGULAR, TTFontFace)) == _face_state(parsed)
    assert store.stats["hit"] == 0
    assert store.stats["rejected"] == 4


def test_the_pack_comes_back_from_the_cache_equal_and_checked(cache: Path) -> None:
    first = load_pack()
    assert store.stats == {"hit": 0, "miss": 1, "rejected": 0, "written": 1}
    again = load_pack()
    assert store.stats["hit"] == 1
    assert again == first


@pytest.mark.parametrize("damage", [d for d in DAMAGE if d != "another font's entry"])
def test_a_damaged_pack_entry_is_rebuilt(damage: str, cache: Path) -> None:
    first = load_pack()
    entry = _entry(cache, "evidence", EVIDENCE_DIR.name)
    entry.write_bytes(DAMAGE[damage](entry.read_bytes(), b""))
    assert load_pack() == first
    assert store.stats["hit"] == 0
    assert load_pack() == first
    assert store.stats["hit"] == 1


def test_a_cached_pack_that_fails_the_checks_is_read_again_from_the_files(cache: Path) -> None:
    """An entry whose checksum is right but whose pack would not pass check_pack (another
    program wrote it): the files decide."""
    import dataclasses

    from ldn_report.cache import plain

    first = load_pack()
    entry = _entry(cache, "evidence", EVIDENCE_DIR.name)
    key = entry.read_bytes()[len(store.MAGIC):len(store.MAGIC) + 64].decode()
    broken = dataclasses.replace(first, references=first.references[1:])
    store.write_entry("evidence", EVIDENCE_DIR.name, key, plain.dumps(broken))
    assert load_pack() == first
    assert store.stats["rejected"] == 1


def test_a_changed_pack_is_read_again_not_taken_from_the_cache(cache: Path,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "ldn-ms"
    shutil.copytree(EVIDENCE_DIR, folder)
    assert load_pack(folder) == load_pack()
    studies = folder / "studies.toml"
    studies.write_text(studies.read_text(encoding="utf-8").replace("label = ", "label = 'X' #", 1),
                       encoding="utf-8")
    changed = load_pack(folder)
    assert changed.studies[0].label == "X"
    # a pack made broken is refused, whatever the cache holds
    (folder / "references.toml").write_text("", encoding="utf-8")
    with pytest.raises(EvidencePackError):
        load_pack(folder)


@pytest.mark.parametrize("where", ["a file", "nothing (LDN_REPORT_CACHE='')", "read-only"])
def test_an_unusable_cache_folder_never_stops_a_build(where: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from ldn_report.build import build_report
    from ldn_report.examples import load_example

    if where == "a file":
        blocker = tmp_path / "cache"
        blocker.write_text("not a folder")
        monkeypatch.setenv(store.ENV_VAR, str(blocker / "inside"))
    elif where == "read-only":
        # root ignores folder permissions; a folder inside a file cannot be made by anyone
        monkeypatch.setenv(store.ENV_VAR, str(tmp_path / "cache"))
        (tmp_path / "cache").mkdir()
        (tmp_path / "cache" / "fonts").write_text("")
        (tmp_path / "cache" / "evidence").write_text("")
    else:
        monkeypatch.setenv(store.ENV_VAR, "")
    assert load_face(REGULAR, TTFontFace).name == b"DejaVuSans"
    assert load_pack().version
    assert build_report(load_example("on-dmt-mood-pain")).page_count > 1


def test_code_without_source_files_still_keys_the_cache(cache: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """In the PyInstaller bundle a module's __file__ names no file: the app version keys it."""
    import types

    from ldn_report import evidence

    frozen = types.ModuleType("frozen_reader")
    frozen.__file__ = "/nowhere/frozen_reader.pyc"
    assert store.code_of(frozen) == b"frozen_reader"
    monkeypatch.setattr(evidence, "__file__", "/nowhere/evidence.pyc")
    first = load_pack()
    assert load_pack() == first
    assert store.stats["hit"] == 1


def _plant(entry: Path, how: str, good: bytes, tmp_path: Path) -> None:
    """Put in ``entry``'s place what someone other than the user could have put there."""
    import os

    if how == "writable by others":
        entry.chmod(0o666)
    elif how == "owned by another user":
        if os.getuid() != 0:
            pytest.skip("only root can give a file to another user")
        os.chown(entry, 65534, 65534)  # nobody
    elif how == "a link to a whole entry":
        elsewhere = tmp_path / "elsewhere.cache"
        elsewhere.write_bytes(good)
        elsewhere.chmod(0o600)
        entry.unlink()
        entry.symlink_to(elsewhere)
    elif how == "a named pipe":  # reading it would wait for a writer for ever
        entry.unlink()
        os.mkfifo(entry, 0o600)
    elif how == "larger than any entry":
        with entry.open("r+b") as handle:
            handle.truncate(store.MAX_ENTRY_BYTES + 1)  # sparse: no disk used
    elif how == "in a folder others may write":
        entry.parent.chmod(0o777)
    else:
        raise AssertionError(how)


UNTRUSTED = ["writable by others", "owned by another user", "a link to a whole entry",
             "a named pipe", "larger than any entry", "in a folder others may write"]


@pytest.mark.parametrize("how", UNTRUSTED)
def test_an_entry_someone_else_could_have_written_is_never_read(how: str, cache: Path,
                                                               tmp_path: Path) -> None:
    """The checksum proves an entry whole, not whose it is, and stored pages are drawn into a
    patient's report as they are: a whole, right-keyed entry that another user could have put
    there (or that would hang or flood the read) is passed over and the source read again."""
    parsed = TTFontFace(str(REGULAR))
    load_face(REGULAR, TTFontFace)
    entry = _entry(cache, "fonts", REGULAR.name)
    good = entry.read_bytes()
    _plant(entry, how, good, tmp_path)
    face = load_face(REGULAR, TTFontFace)  # returns: a pipe must not block
    assert _face_state(face) == _face_state(parsed)
    assert store.stats["hit"] == 0
    assert store.stats["rejected"] == 1
    if how == "in a folder others may write":
        assert store.stats["written"] == 1  # nothing written where it would not be read back
    else:  # replaced by the user's own entry, read from then on
        assert store.stats["written"] == 2
        assert not entry.is_symlink()
        assert entry.read_bytes() == good
        load_face(REGULAR, TTFontFace)
        assert store.stats["hit"] == 1


def test_stored_pages_planted_by_another_user_are_not_drawn(cache: Path) -> None:
    """End to end: the clinician pages stored by a first build, made another user's, are laid
    out again by the next (not replayed), with the same PDF, and stored again as the user's."""
    import datetime
    import os

    from ldn_report.build import build_report
    from ldn_report.examples import load_example
    from ldn_report.render.pdf.document import ReportRenderer
    from ldn_report.render.pdf.shared_pages import SharedPagesCache
    from ldn_report.templates.catalogue import resolve_template

    day = datetime.date(2026, 11, 26)
    template = resolve_template(None)
    result = build_report(load_example("on-dmt-mood-pain", today=day), template,
                          generated_on=day, shared_pages=False)

    def render_as_a_new_process() -> bytes:  # nothing recorded in memory yet
        return ReportRenderer(result.report, template, result.content_hash,
                              SharedPagesCache()).render()

    first = render_as_a_new_process()
    pages = list((cache / "pages").glob("*.cache"))
    assert len(pages) == 1
    if os.getuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(pages[0], 65534, 65534)
    store.stats.update(dict.fromkeys(store.stats, 0))
    assert render_as_a_new_process() == first
    assert store.stats["rejected"] == 1
    assert pages[0].stat().st_uid == os.getuid()  # replaced by the user's own
    store.stats.update(dict.fromkeys(store.stats, 0))
    assert render_as_a_new_process() == first
    assert store.stats["rejected"] == 0
