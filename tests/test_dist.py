"""The installable app: the PyInstaller bundle runs with no Python, the .deb installs and removes.

Builds the bundle and the .deb with packaging/build_dist.py (what `make dist` runs), once per
source state: the cache under build/dist-cache is keyed on a hash of the sources, so a second
run of the suite on the same sources builds nothing. The bundle's programs run with a bare
environment (no venv on PATH, PYTHONHOME/PYTHONPATH unset, a fresh HOME). As root with dpkg the
package is installed with `dpkg -i`, used from /usr/bin, and removed with `dpkg -r`; several
checkouts on one machine take turns through a machine-wide lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import page
import pytest
from PIL import Image

import dist_build
from ldn_report import __version__
from ldn_report.build import build_report
from ldn_report.examples import load_example
from ldn_report.templates.catalogue import resolve_template

pytestmark = [pytest.mark.dist, pytest.mark.timeout(1800)]

EXAMPLE = "on-dmt-mood-pain"
INSTALL_DIR = Path("/opt/ldn-report")
INSTALLED = (
    Path("/usr/bin/ldn-report"), Path("/usr/bin/ldn-report-gui"),
    Path("/usr/share/applications/ldn-report-gui.desktop"),
    Path("/usr/share/icons/hicolor/256x256/apps/ldn-report-gui.png"),
)
# Qt parts the app does not use: none of them may be in the bundle.
UNUSED_QT = re.compile(r"Qt6?(WebEngine|3D|Quick|Qml|Multimedia|Charts|DataVisualization|Sql"
                       r"|Bluetooth|Positioning|Designer)", re.I)
# Several checkouts on one machine install the same package: one at a time.
MACHINE_LOCK = Path("/tmp/ldn-report-dist-install.lock")


def _bare_env(home: Path) -> dict[str, str]:
    """No venv, no Python variables: what a clinic's workstation has."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home)}
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    return env


def _run(cmd: list, env: dict[str, str], cwd: Path, timeout: float = 300,
         ok: bool = True) -> subprocess.CompletedProcess[str]:
    res = subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, capture_output=True,
                         text=True, timeout=timeout)
    if ok:
        assert res.returncode == 0, (f"{cmd} exited {res.returncode}\n--- stdout\n"
                                     f"{res.stdout[-3000:]}\n--- stderr\n{res.stderr[-3000:]}")
    return res


@pytest.fixture(scope="module")
def dist(repo_root: Path) -> dict:
    """The cached bundle and .deb (built when the sources changed, in the background since
    collection ended: dist_build.py): build.json facts plus 'folder'. Skips when PyInstaller or
    dpkg-deb is missing."""
    if why := dist_build.missing():
        pytest.skip(why)
    res = dist_build.result(repo_root, timeout=1700)  # started when collection ended
    assert res.returncode == 0, (f"build_dist.py exited {res.returncode}\n--- stdout\n"
                                 f"{res.stdout[-3000:]}\n--- stderr\n{res.stderr[-3000:]}")
    info = json.loads(res.stdout.strip().splitlines()[-1])
    info["folder"] = Path(info["folder"])
    print(f"\ndist: bundle {info['bundle_bytes'] / 1e6:.0f} MB, .deb "
          f"{info['deb_bytes'] / 1e6:.1f} MB, built in {info['total_seconds']} s")
    return info


@pytest.fixture(scope="module")
def dev_hash() -> str:
    """The content hash of the example as the development build makes it."""
    return build_report(load_example(EXAMPLE), resolve_template(None)).content_hash


def _check_cli(program: Path, home: Path, dev_hash: str) -> None:
    env = _bare_env(home)
    out = home / "report.pdf"
    res = _run([program, "build", "--example", EXAMPLE, "-o", out], env, home)
    m = re.search(r"content ([0-9a-f]+)", res.stdout)
    assert m, res.stdout
    assert m.group(1) == dev_hash, "the bundle builds other content than the development build"
    # The handout register works from the bundle (Alembic scripts, SQLite dialect inside): the
    # build was recorded, not queued.
    assert "register" not in res.stderr.lower(), res.stderr
    # The user cache works from the bundle too (its modules have no source files to hash):
    # the parsed faces and the checked pack were stored for the next run.
    cache = home / "xdg_cache_home" / "ldn-report"
    assert (cache / "evidence" / "ldn-ms.cache").is_file()
    assert (cache / "fonts" / "DejaVuSans.ttf.cache").is_file()
    res = _run([program, "register", "list", "--csv"], env, home)
    assert m.group(1) in res.stdout, res.stdout + res.stderr
    assert out.read_bytes().startswith(b"%PDF")
    # The accessible PDF: WeasyPrint over the system's Pango (the .deb's Depends), the
    # bundled fonts, the same content; valid PDF/UA-1.
    tagged = home / "report-accessible.pdf"
    res = _run([program, "build", "--example", EXAMPLE, "--accessible", "-o", tagged], env, home)
    assert "tagged PDF/UA-1" in res.stdout, res.stdout + res.stderr
    assert f"content {dev_hash}" in res.stdout
    assert page.validate_pdf_bytes(tagged.read_bytes(), profile="ua1").is_compliant
    # Spanish: the CLDR data (Babel) for dates and decimal commas is in the bundle too.
    es = home / "report-es.pdf"
    res = _run([program, "build", "--example", EXAMPLE, "--language", "es", "-o", es], env, home)
    assert es.read_bytes().startswith(b"%PDF")
    # Batch workers are new processes of the frozen program (forkserver): they must start too.
    clinic_list = home / "list.csv"
    shutil.copyfile(Path(__file__).resolve().parent.parent / "resources/examples/clinic-list.csv",
                    clinic_list)
    res = _run([program, "batch", clinic_list, "-o", home / "batch", "--jobs", "2"], env, home,
               ok=False)
    assert res.returncode in (0, 1), res.stderr[-3000:]
    assert list((home / "batch").glob("*.pdf")), res.stdout + res.stderr


def _check_gui(program: Path, home: Path) -> float:
    """Start the GUI offscreen until its first preview; returns seconds from start."""
    png = home / "window.png"
    started = time.monotonic()
    res = _run([program, "--example", EXAMPLE, "--smoke-test", png], _bare_env(home), home,
               timeout=120)
    seconds = time.monotonic() - started
    assert re.search(r"smoke test: window '.*LDN.*' \d+x\d+, first preview \d+ pages",
                     res.stdout), res.stdout + res.stderr
    with Image.open(png) as shot:
        assert shot.width > 400
        assert shot.height > 300
        # a drawn window, not an empty grab: many colours (text, the PDF page, widgets)
        assert len(shot.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50
    print(f"\ndist: {program} start to first preview {seconds:.2f} s")
    return seconds


def test_bundle_holds_what_the_app_uses_and_not_more(dist: dict):
    bundle = dist["folder"] / "ldn-report"
    for program in ("ldn-report", "ldn-report-gui"):
        assert os.access(bundle / program, os.X_OK)
    files = [str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_file()]
    res = "_internal/ldn_report/resources/"
    for needed in ("evidence/ldn-ms/statements.toml", "templates/standard-letter.toml",
                   "fonts/DejaVuSans.ttf", "examples/clinic-list.csv", "icons/app.png"):
        assert res + needed in files
    names = " ".join(files)
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so",
                   "printsupport/libcupsprintersupport.so"):
        assert plugin in names
    assert "libQt6Pdf.so" in names
    assert not [f for f in files if UNUSED_QT.search(f)]
    assert not [f for f in files if "/translations/" in f and not re.search(r"_(en|es)", f)]
    assert not [f for f in files if "screenshots" in f]
    # WeasyPrint's own stylesheets; of pyphen's hyphenation dictionaries only en/es
    assert "_internal/weasyprint/css/html5_ua.css" in files
    dictionaries = [f for f in files if "/pyphen/dictionaries/" in f]
    assert dictionaries
    assert not [f for f in dictionaries if not re.search(r"hyph_(en|es)", f)]
    # the interface translations that `make translations` built (Spanish)
    for qm in (Path(__file__).resolve().parent.parent / "resources/translations").glob("*.qm"):
        assert res + "translations/" + qm.name in files
    excluded = (dist["folder"] / "excluded.txt").read_text("utf-8")
    assert re.match(r"total \d+ bytes in \d+ files left out", excluded)
    # Every library the bundle loads from the system belongs to a Debian package in Depends
    # (nothing from the build machine's Python or venv).
    assert dist["depends_problems"] == []


def test_bundle_runs_without_python(dist: dict, dev_hash: str, tmp_path: Path):
    bundle = dist["folder"] / "ldn-report"
    _check_cli(bundle / "ldn-report", tmp_path, dev_hash)
    _check_gui(bundle / "ldn-report-gui", tmp_path)


def test_bundle_cli_never_loads_qt(dist: dict):
    internal = dist["folder"] / "ldn-report" / "_internal"
    # The CLI's own archive has no PySide6 modules (its analysis excludes them).
    res = subprocess.run([sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer",
                          "-r", "-b", str(dist["folder"] / "ldn-report" / "ldn-report")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "ldn_report.cli" in res.stdout
    assert "PySide6" not in res.stdout
    assert internal.is_dir()


@contextlib.contextmanager
def _machine_lock() -> Iterator[None]:
    with MACHINE_LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """dpkg, waiting for the lock when apt or another dpkg holds it."""
    for _ in range(60):
        res = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=600)
        if res.returncode == 0 or "lock" not in res.stderr:
            return res
        time.sleep(5)
    return res


def test_deb_installs_runs_and_removes_cleanly(dist: dict, dev_hash: str, tmp_path: Path):
    if os.geteuid() != 0:
        pytest.skip("installing the .deb needs root (dpkg -i); CI runs as root")
    if shutil.which("dpkg") is None:
        pytest.skip("no dpkg on this machine")
    deb = dist["folder"] / dist["deb"]
    assert deb.stat().st_size < 90e6, f".deb is {deb.stat().st_size / 1e6:.1f} MB"
    fields = _run(["dpkg-deb", "--field", deb], dict(os.environ), tmp_path).stdout
    assert f"Version: {__version__}" in fields
    assert "low-dose naltrexone" in fields
    assert "multiple sclerosis" in fields
    depends = re.search(r"^Depends: (.*)$", fields, re.M).group(1).split(", ")
    for needed in ("libc6", "libcups2", "libxcb-cursor0", "libfontconfig1", "libpango-1.0-0",
                   "libpangoft2-1.0-0", "libharfbuzz-subset0"):
        assert needed in depends, depends
    with _machine_lock():
        res = _dpkg("-i", str(deb))
        assert res.returncode == 0, res.stdout + res.stderr
        try:
            for path in INSTALLED:
                assert path.exists(), path
            assert Path("/usr/bin/ldn-report").resolve() == INSTALL_DIR / "ldn-report"
            desktop = INSTALLED[2].read_text("utf-8")
            assert "Exec=ldn-report-gui" in desktop
            assert "Icon=ldn-report-gui" in desktop
            _check_cli(Path("/usr/bin/ldn-report"), tmp_path, dev_hash)
            _check_gui(Path("/usr/bin/ldn-report-gui"), tmp_path)
        finally:
            res = _dpkg("-r", "ldn-report")
        assert res.returncode == 0, res.stdout + res.stderr
        left = [p for p in (INSTALL_DIR, *INSTALLED) if p.exists() or p.is_symlink()]
        assert left == [], f"dpkg -r left {left}"
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "ldn-report"],
                                capture_output=True, text=True)
        assert "installed" not in status.stdout.replace("not-installed", "")
