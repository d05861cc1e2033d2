"""Crash safety: every file goes through atomic_write; a killed writer loses nothing."""

from __future__ import annotations

import ast
import hashlib
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ldn_report.atomic import atomic_write, remove_crash_leftovers

PACKAGE = Path(__file__).resolve().parent.parent / "desktop" / "ldn_report"
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC")
# Calls that put bytes in a file by a path, other than atomic_write.
WRITING_ATTRS = {"write_text", "write_bytes", "touch", "setOutputFileName", "mkfifo",
                 "symlink_to", "hardlink_to"}
# shutil's copies write files too; copy.copy() and dict.copy() do not.
SHUTIL_WRITES = {"copy", "copy2", "copyfile", "copytree", "move", "copyfileobj"}
WRITING_CLASSES = {"QSaveFile", "QPdfWriter", "FileHandler", "RotatingFileHandler",
                   "TimedRotatingFileHandler", "NamedTemporaryFile", "ZipFile", "TarFile"}
QT_WRITE_MODES = ("WriteOnly", "ReadWrite", "Append", "Truncate", "NewOnly")


def _literal_str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _names_in(node: ast.AST) -> set[str]:
    return {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)} | {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _mode_arg(call: ast.Call, position: int) -> ast.AST | None:
    for kw in call.keywords:
        if kw.arg == "mode":
            return kw.value
    return call.args[position] if len(call.args) > position else None


def write_paths(source: str) -> list[tuple[int, str]]:
    """(line, what) for every way ``source`` could write a file without atomic_write."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = func.value if isinstance(func, ast.Attribute) else None
        owner_name = getattr(owner, "id", "") if owner is not None else ""
        if name in WRITING_ATTRS:
            found.append((node.lineno, f"{name}()"))
        elif name in SHUTIL_WRITES and owner_name == "shutil":
            found.append((node.lineno, f"shutil.{name}()"))
        elif name in WRITING_CLASSES:
            found.append((node.lineno, f"{name}(...)"))
        elif name == "open" and owner_name == "os":
            flags = node.args[1] if len(node.args) > 1 else None
            if flags is not None and _names_in(flags) & set(WRITE_FLAGS):
                found.append((node.lineno, "os.open() for writing"))
        elif name in ("open", "fdopen"):
            # builtins.open(path, mode) / io.open / os.fdopen: mode is the 2nd argument;
            # Path.open(mode) / QFile.open(mode) / tarfile.open(name, mode): look at them all.
            modes = [_mode_arg(node, 1), _mode_arg(node, 0)] if owner is not None else \
                [_mode_arg(node, 1)]
            for mode in modes:
                text = _literal_str(mode)
                if text is not None and set(text) & set("wax+"):
                    found.append((node.lineno, f"open(..., {text!r})"))
                    break
                if mode is not None and _names_in(mode) & set(QT_WRITE_MODES):
                    found.append((node.lineno, "QIODevice.open() for writing"))
                    break
        elif name in ("dump",) and owner_name in ("json", "pickle", "marshal", "tomli_w"):
            found.append((node.lineno, f"{owner_name}.dump() to a file handle"))
    return found


def test_the_scanner_finds_each_kind_of_write() -> None:
    """The scanner itself: each way of writing a file is caught, reading is not."""
    sample = textwrap.dedent("""
        open(p, "w"); open(p, mode="ab"); io.open(p, "x"); Path(p).open("w+")
        p.write_text("x"); p.write_bytes(b""); shutil.copy(a, b); os.open(p, os.O_WRONLY)
        f.open(QIODevice.OpenModeFlag.WriteOnly); QSaveFile(p); printer.setOutputFileName(p)
        json.dump(x, handle); zipfile.ZipFile(p, "w"); os.fdopen(fd, "wb")
    """)
    assert len(write_paths(sample)) == 14
    reading = ('open(p); open(p, "rb"); Path(p).open(); p.read_text(); os.open(p, os.O_RDONLY);'
               "copy.copy(x); d.copy(); copy.deepcopy(x)")
    assert write_paths(reading) == []


def test_no_file_is_written_outside_atomic_write() -> None:
    """Every .py of the package (GUI, batch, templates included) writes only via atomic_write."""
    offenders = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10, "the package was not found"
    for path in files:
        if path.name == "atomic.py" and path.parent == PACKAGE:
            continue
        for line, what in write_paths(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(PACKAGE)}:{line}: {what}")
    assert not offenders, "files written without ldn_report.atomic.atomic_write:\n" + \
        "\n".join(offenders)


def _audit_writes(run: object) -> list[str]:
    """Paths opened for writing while ``run()`` runs, from frames not inside atomic.py."""
    writes: list[str] = []
    state = {"on": False}
    atomic_file = str(PACKAGE / "atomic.py")

    def hook(event: str, args: tuple) -> None:
        if not state["on"] or event != "open":
            return
        path, mode, flags = args
        writing = (isinstance(mode, str) and bool(set(mode) & set("wax+"))) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if not writing or "__pycache__" in str(path):
            return
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == atomic_file:
                return
            frame = frame.f_back
        writes.append(str(path))

    sys.addaudithook(hook)  # cannot be removed: the flag turns it off after the run
    state["on"] = True
    try:
        run()  # type: ignore[operator]
    finally:
        state["on"] = False
    return writes


def test_cli_build_writes_only_through_atomic_write(tmp_path: Path) -> None:
    """At run time too: a full CLI build (PDF and chart note) opens no file for writing itself."""
    from ldn_report.cli import main

    out = tmp_path / "report.pdf"
    note = tmp_path / "note.txt"
    codes: list[int] = []
    writes = _audit_writes(lambda: codes.append(main(
        ["build", "--example", "on-dmt-mood-pain", "-o", str(out), "--chart-note", str(note)])))
    assert codes == [0]
    assert out.read_bytes().startswith(b"%PDF")
    assert note.stat().st_size > 0
    assert writes == []


def test_save_context_writes_only_through_atomic_write(tmp_path: Path) -> None:
    from ldn_report.context import context_from_dict, load_context, save_context

    ctx = context_from_dict({"schema_version": 1, "ms": {"phenotype": "RRMS"},
                             "dmt": {"status": "declined"}, "patient": {"name": "Zoë"}})
    target = tmp_path / "ctx.json"
    assert _audit_writes(lambda: save_context(ctx, target)) == []
    assert load_context(target) == ctx
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# -- a writer killed mid-write ------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import hashlib, sys
    from ldn_report.atomic import atomic_write
    target, size = sys.argv[1], int(sys.argv[2])
    i = 0
    while True:
        i += 1
        body = f"{i:012d}".encode() * (size // 12)
        atomic_write(target, hashlib.sha256(body).hexdigest().encode() + b"\\n" + body)
        if i == 1:
            print("first write done", flush=True)
""")


def _intact(data: bytes) -> bool:
    digest, _, body = data.partition(b"\n")
    return len(body) > 0 and hashlib.sha256(body).hexdigest().encode() == digest


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_never_leaves_a_broken_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    atomic_write(target, b"0" * 64 + b"\n" + b"the old file")
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    kills_mid_write = 0
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), "3000000"],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "first write done"
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        data = target.read_bytes()
        assert _intact(data), f"a kill left a broken file (random seed {seed})"
        leftovers = list(tmp_path.glob(".report.pdf.*.tmp"))
        kills_mid_write += bool(leftovers)
        # What a crash leaves never looks like one of the app's own files to a folder listing.
        for pattern in ("*.pdf", "*.json", "*.toml", "*.csv", "draft-*.json", "report.pdf*"):
            assert [p for p in tmp_path.glob(pattern) if p.name != "report.pdf"] == []
        # Cleanup policy: the next write of the same file removes the dead writer's temp file.
        atomic_write(target, data)
        assert list(tmp_path.glob(".*.tmp")) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    # Not a proof the kill landed mid-write every time, but it must have some of the time,
    # or this test shows nothing about the rename.
    assert kills_mid_write > 0, f"no kill landed during a write (random seed {seed})"


def test_leftover_cleanup_keeps_a_live_writers_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "t.toml"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    mine = tmp_path / f".t.toml.{os.getpid()}.abc123.tmp"
    gone = tmp_path / f".t.toml.{dead.pid}.def456.tmp"
    other_file = tmp_path / f".other.toml.{dead.pid}.ghi789.tmp"
    for p in (mine, gone, other_file):
        p.write_bytes(b"partial")
    assert remove_crash_leftovers(target) == [gone]
    assert mine.exists()
    assert other_file.exists()
    assert not gone.exists()


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    atomic_write(target, "old")

    class Boom(Exception):
        pass

    def failing_fsync(fd: int) -> None:
        raise Boom

    mp = pytest.MonkeyPatch()
    mp.setattr(os, "fsync", failing_fsync)
    try:
        with pytest.raises(Boom):
            atomic_write(target, "new")
    finally:
        mp.undo()
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_permissions_follow_the_existing_file_or_the_umask(tmp_path: Path) -> None:
    """A shared template stays readable by colleagues after a save; mode= still wins."""
    fresh = tmp_path / "fresh.toml"
    atomic_write(fresh, "a = 1\n")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    shared = tmp_path / "shared.toml"
    atomic_write(shared, "a = 1\n")
    os.chmod(shared, 0o664)
    atomic_write(shared, "a = 2\n")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    private = tmp_path / "draft.json"
    atomic_write(private, "{}", mode=0o600)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_create_empty_makes_a_private_file_once_and_never_replaces_one(tmp_path: Path) -> None:
    from ldn_report.atomic import create_empty

    target = tmp_path / "register.sqlite3"
    assert create_empty(target, mode=0o600) is True
    assert target.read_bytes() == b""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.write_bytes(b"a register someone just made")
    assert create_empty(target, mode=0o600) is False
    assert target.read_bytes() == b"a register someone just made"
