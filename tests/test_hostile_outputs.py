"""Where output goes: colliding paths refused before writing, all outputs or none, private
files (0600) on every route, messages that name the target and say what is allowed."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from hostile_files import write
from ldn_report.atomic import atomic_write, atomic_write_all
from ldn_report.batch.folder_lock import LOCK_NAME
from ldn_report.errors import InputError
from ldn_report.logo import check_logo

CONTEXT = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"},
           "patient": {"name": "Ann Lee"}}


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ldn_report", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- item 6: collisions and writability, checked before anything is written -------------------

def _setup(tmp_path: Path) -> tuple[Path, bytes]:
    ctx = write(tmp_path / "patient.json", json.dumps(CONTEXT))
    return ctx, ctx.read_bytes()


COLLISIONS = {
    "chart note is the context": lambda d, c: ["-o", "r.pdf", "--chart-note", str(c)],
    "chart note is the context via a symlink": lambda d, c: [
        "-o", "r.pdf", "--chart-note", str(_link(d / "note.txt", c, symbolic=True))],
    "chart note is the context via a hard link": lambda d, c: [
        "-o", "r.pdf", "--chart-note", str(_link(d / "note.txt", c, symbolic=False))],
    "chart note is the output": lambda d, c: ["-o", "r.pdf", "--chart-note", "r.pdf"],
    "chart note is the output by another spelling": lambda d, c: [
        "-o", "r.pdf", "--chart-note", "./sub/../r.pdf"],
    "chart note is the html output": lambda d, c: ["-o", "r.html", "--chart-note", "r.html"],
    "output is the context": lambda d, c: ["-o", str(_rename(c, d / "patient.pdf"))],
    "chart note is the template": lambda d, c: [
        "-o", "r.pdf", "--template", str(_template(d)), "--chart-note", str(_template(d))],
    "chart note is the bundled example": lambda d, c: [
        "-o", "r.pdf", "--chart-note", str(_example_file())],
    "chart note is the template's logo": lambda d, c: [
        "-o", "r.pdf", "--template", str(_template(d)), "--chart-note", str(d / "logo.png")],
}


def _example_file() -> Path:
    from ldn_report.examples import example_path

    return example_path("on-dmt-mood-pain")


def _link(link: Path, target: Path, symbolic: bool) -> Path:
    if symbolic:
        link.symlink_to(target)
    else:
        os.link(target, link)
    return link


def _rename(ctx: Path, new: Path) -> Path:
    ctx.rename(new)
    return new


def _template(folder: Path) -> Path:
    logo = folder / "logo.png"
    if not logo.exists():
        Image.new("RGB", (40, 20), (0, 90, 0)).save(logo)
    return write(folder / "clinic.toml", 'format_version = 1\nname = "Clinic"\n'
                 f'[branding]\nlogo = "{logo}"\n')


@pytest.mark.parametrize("case", COLLISIONS)
def test_colliding_outputs_are_refused_before_anything_is_written(case: str,
                                                                  tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    ctx, _ = _setup(tmp_path)
    extra = COLLISIONS[case](tmp_path, ctx)
    context = next((a for a in extra if a.endswith("patient.pdf")), str(ctx))
    source = ["--example", "on-dmt-mood-pain"] if "example" in case else ["--context", context]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    example_before = _example_file().read_bytes()
    run = cli("build", *source, *extra, cwd=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert "is the same file as" in run.stderr, run.stderr
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # nothing written, nothing overwritten
    assert _example_file().read_bytes() == example_before
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("where", ["under a file", "a folder"])
def test_an_unwritable_chart_note_is_found_before_the_report_is_written(
        where: str, tmp_path: Path) -> None:
    ctx, _ = _setup(tmp_path)
    blocker = write(tmp_path / "blocker", "x")
    note = blocker / "note.txt" if where == "under a file" else tmp_path
    run = cli("build", "--context", str(ctx), "-o", "r.pdf", "--chart-note", str(note),
              cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "--chart-note" in run.stderr
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_chart_note_in_a_read_only_folder_is_found_before_the_report(tmp_path: Path) -> None:
    ctx, _ = _setup(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        run = cli("build", "--context", str(ctx), "-o", "r.pdf", "--chart-note",
                  str(locked / "n.txt"), cwd=tmp_path)
    finally:
        locked.chmod(0o700)
    assert run.returncode == 2
    assert "no permission to write in" in run.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_outputs_are_written_together_or_not_at_all(tmp_path: Path) -> None:
    first = write(tmp_path / "first.pdf", "old")
    blocker = write(tmp_path / "blocker", "x")
    with pytest.raises(OSError) as caught:
        atomic_write_all([(first, "new", 0o600), (blocker / "second.txt", "new", 0o600)])
    assert caught.value.filename == str(blocker / "second.txt")  # the target, not a temp file
    assert first.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "first.pdf"]


def test_write_errors_name_the_target_not_the_temp_file(tmp_path: Path) -> None:
    blocker = write(tmp_path / "blocker", "x")
    target = blocker / "report.pdf"
    with pytest.raises(OSError) as caught:
        atomic_write(target, b"%PDF")
    assert caught.value.filename == str(target)
    run = cli("build", "--example", "on-dmt-mood-pain", "-o", str(target), cwd=tmp_path)
    assert run.returncode == 2
    assert "report.pdf" in run.stderr
    assert ".tmp" not in run.stderr


# -- item 7: every file holding patient data is 0600 --------------------------------------------

@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_cli_build_outputs_are_private_even_over_an_old_public_file(suffix: str,
                                                                    tmp_path: Path) -> None:
    ctx, _ = _setup(tmp_path)
    old = write(tmp_path / f"r{suffix}", "old")
    old.chmod(0o644)
    run = cli("build", "--context", str(ctx), "-o", old.name, "--chart-note", "note.txt",
              cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert mode(old) == 0o600
    assert mode(tmp_path / "note.txt") == 0o600


def test_batch_outputs_and_their_new_folder_are_private(tmp_path: Path) -> None:
    listing = write(tmp_path / "l.csv", "patient.name,ms.phenotype,dmt.status\n"
                    "Ann Lee,RRMS,declined\nBo Wu,PPMS,none_yet\n")
    out = tmp_path / "out"
    run = cli("batch", str(listing), "-o", str(out), "--merge", "--jobs", "1", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert mode(out) == 0o700  # its file names hold patients' names
    files = [f for f in out.iterdir() if f.name != LOCK_NAME]  # the lock holds no data
    assert len(files) == 4
    assert all(mode(f) == 0o600 for f in files), [(f.name, oct(mode(f))) for f in files]


def test_saved_contexts_settings_and_drafts_are_private(tmp_path: Path) -> None:
    from ldn_report.context import context_from_dict, save_context
    from ldn_report.gui.app_settings import AppSettings
    from ldn_report.gui.drafts import DraftStore

    public = write(tmp_path / "c.json", "{}")
    public.chmod(0o644)
    save_context(context_from_dict(CONTEXT), public)
    settings = AppSettings()
    settings.add_recent(public)  # a file name may hold a patient's name
    for path in (public, settings.save(), DraftStore().save({"patient.name": "Ann"})):
        assert mode(path) == 0o600, path


# -- item 12: messages that say what is wrong and what is allowed -------------------------------

def test_a_valid_huge_png_is_too_large_not_damaged(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    Image.new("1", (9500, 9500), 1).save(big)
    with pytest.raises(InputError) as caught:
        check_logo(big)
    assert "too large (9500\u00d79500 px; a logo is at most 4000 px" in caught.value.message
    assert "damaged" not in caught.value.message


@pytest.mark.parametrize(("args", "message"), [
    (["--jobs", "0"], "--jobs must be a whole number from 1 to 64"),
    (["--jobs", "-3"], "--jobs must be a whole number from 1 to 64"),
    (["--jobs", "two"], "--jobs must be a whole number from 1 to 64"),
    (["--jobs", "1" * 5000], "--jobs must be a whole number from 1 to 64"),
    (["-o", ""], "is empty; give a folder for the reports"),
    (["-o", "  "], "is empty; give a folder for the reports"),
    (["--template", ""], "is empty; give a template name or a .toml file"),
])
def test_batch_arguments_say_what_is_allowed(args: list[str], message: str,
                                             tmp_path: Path) -> None:
    listing = write(tmp_path / "l.csv", "ms.phenotype,dmt.status\nRRMS,declined\n")
    full = ["batch", str(listing), "-o", str(tmp_path / "out"), *args]
    run = cli(*full, cwd=tmp_path)
    assert run.returncode == 2
    assert message in run.stderr, run.stderr
    assert "invalid" not in run.stderr
    assert "argument" not in run.stderr
    assert not list(tmp_path.glob("*.pdf"))
    assert not (tmp_path / "out").exists() or args[0] != "-o"


@pytest.mark.parametrize("args", [["-o", ""], ["--context", "", "-o", "r.pdf"],
                                  ["-o", "r.pdf", "--chart-note", ""],
                                  ["-o", "r.pdf", "--template", " "]])
def test_empty_build_paths_are_refused(args: list[str], tmp_path: Path) -> None:
    base = [] if "--context" in args else ["--example", "on-dmt-mood-pain"]
    run = cli("build", *base, *args, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "is empty; give" in run.stderr
    assert not list(tmp_path.iterdir())


def test_a_template_cell_is_looked_up_beside_the_list_not_in_the_current_folder(
        tmp_path: Path) -> None:
    lists, elsewhere = tmp_path / "lists", tmp_path / "elsewhere"
    (lists / "shared").mkdir(parents=True)
    elsewhere.mkdir()
    write(lists / "riverside.toml", 'format_version = 1\nname = "Riverside beside the list"\n')
    write(lists / "shared" / "hill.toml", 'format_version = 1\nname = "Hill beside the list"\n')
    write(elsewhere / "riverside.toml", 'format_version = 1\nname = "Wrong folder"\n')
    write(elsewhere / "riverside", 'format_version = 1\nname = "Wrong folder"\n')
    listing = write(lists / "l.csv", "ms.phenotype,dmt.status,template\n"
                    "RRMS,declined,riverside\nRRMS,declined,shared/hill\n"
                    "RRMS,declined,Large print\n")
    run = cli("batch", str(listing), "-o", str(tmp_path / "out"), "--jobs", "1", cwd=elsewhere)
    assert run.returncode == 0, run.stderr
    manifest = (tmp_path / "out" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "Riverside beside the list" in manifest
    assert "Hill beside the list" in manifest
    assert "Large print" in manifest
    assert "Wrong folder" not in manifest
