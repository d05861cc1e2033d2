"""The Debian package around the PyInstaller bundle: layout, control file, Depends, dpkg-deb."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

PACKAGE = "ldn-report"
PREFIX = Path("opt") / PACKAGE
PROGRAMS = ("ldn-report", "ldn-report-gui")
DESCRIPTION = """\
LDN counseling report builder for multiple sclerosis
 A desktop app (ldn-report-gui) and a command line (ldn-report) with which
 neurologists, MS nurses and pharmacists build a printable PDF counseling
 report about low-dose naltrexone (LDN) for a person with multiple sclerosis:
 honest expectations, monitoring plan, safety warnings (opioids locked in),
 evidence summary with references and a discussion record. Every clinical
 statement comes from the bundled evidence pack; the app never uses the
 network. Self-contained: Python and Qt are inside /opt/ldn-report."""
# Printing goes through CUPS: named even if a build machine without it dropped Qt's print plugin.
# libcups2: printing; libpq5: the register's PostgreSQL driver (psycopg) loads the system's
# libpq by name, so ldd does not see it; so does WeasyPrint (the accessible PDF) with Pango,
# HarfBuzz (its subsetter too), fontconfig and GObject.
ALWAYS = ("libcups2", "libpq5", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b",
          "libharfbuzz-subset0", "libfontconfig1", "libglib2.0-0")

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Name=LDN Report
GenericName=LDN counseling report builder
Comment=Printable low-dose naltrexone counseling reports for people with MS
Exec=ldn-report-gui %f
Icon=ldn-report-gui
Terminal=false
Categories=Office;MedicalSoftware;
MimeType=application/json;
StartupWMClass=ldn-report-gui
"""


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _system_libraries(bundle: Path) -> tuple[set[str], list[str]]:
    """Shared libraries outside the bundle that its programs and libraries load, and the
    'not found' lines (a library the build machine lacks)."""
    libs: set[str] = set()
    missing: list[str] = []
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
    for elf in _elf_files(bundle):
        res = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        for line in res.stdout.splitlines():
            m = re.match(r"\s*(\S+) => (\S+) \(", line)
            if m and not Path(m.group(2)).resolve().is_relative_to(bundle.resolve()):
                libs.add(m.group(2))
            elif "not found" in line:
                missing.append(f"{elf.relative_to(bundle)}: {line.strip()}")
    return libs, missing


def _owner(path: str) -> str | None:
    """The Debian package that holds ``path`` (tried as given and resolved: merged /usr)."""
    real = os.path.realpath(path)
    tries = [path, real]
    for p in (path, real):
        tries.append(p[4:] if p.startswith("/usr/") else "/usr" + p)
    for candidate in tries:
        res = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if res.returncode == 0:
            return res.stdout.split(":", 1)[0].strip()
    return None


def depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(Debian packages the bundle needs, problems found) from ldd and dpkg -S."""
    libs, problems = _system_libraries(bundle)
    packages = set(ALWAYS)
    for lib in sorted(libs):
        owner = _owner(lib)
        if owner is None:
            problems.append(f"{lib}: no Debian package holds it")
        else:
            packages.add(owner)
    return sorted(packages), problems


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def build_deb(bundle: Path, icon: Path, version: str, out_dir: Path) -> tuple[Path, list[str]]:
    """Wrap ``bundle`` (the one-folder PyInstaller output) into a .deb in ``out_dir``; returns
    the package and the problems found with its Depends."""
    arch = architecture()
    stage = out_dir / "deb-root"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / PREFIX, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    for program in PROGRAMS:
        (stage / "usr/bin" / program).symlink_to(Path("/") / PREFIX / program)
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    (apps / "ldn-report-gui.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = stage / "usr/share/icons/hicolor/256x256/apps"
    icons.mkdir(parents=True)
    shutil.copyfile(icon, icons / "ldn-report-gui.png")
    for path in stage.rglob("*"):  # a clean mode whatever the build machine's umask was
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)

    packages, problems = depends(stage / PREFIX)
    size_kib = sum(p.lstat().st_size for p in stage.rglob("*")) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {arch}\n"
        "Maintainer: LDN counseling report builder developers <ldn-report@invalid>\n"
        f"Installed-Size: {size_kib}\nDepends: {', '.join(packages)}\n"
        "Section: science\nPriority: optional\n"
        f"Description: {DESCRIPTION}\n",
        encoding="utf-8",
    )
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    # zstd: xz took over ten minutes on a loaded 2-core machine (dpkg >= 1.21.18); level 19
    # takes ~35 s on 2 cores and gives 80 MB where level 6 gave 90 MB
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", "-Zzstd", "-z19", str(stage),
                    str(deb)], check=True, capture_output=True, text=True)
    shutil.rmtree(stage)
    return deb, problems
