"""`make dist`: the PyInstaller bundle and the .deb, built once per source state and cached.

    python packaging/build_dist.py [--copy-to dist] [--json]

The cache is build/dist-cache/<key>/, the key a hash of the app's sources, resources,
pyproject.toml, this folder and the Python/PyInstaller versions: the same sources are never
built twice (the install test in `make test` and `make dist` share it). One build at a time
(a lock file); a build is renamed into place only when it is complete.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from debian_package import build_deb

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "dist-cache"
SOURCES = ("desktop/ldn_report", "resources", "packaging")
SKIP = re.compile(r"(__pycache__|\.pyc$|\.egg-info)")


def project_version() -> str:
    """The version from pyproject.toml, checked against ldn_report.__version__."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    init = (ROOT / "desktop/ldn_report/__init__.py").read_text("utf-8")
    m = re.search(r'^__version__ = "([^"]+)"', init, re.M)
    if not m or m.group(1) != version:
        sys.exit(f"version mismatch: pyproject.toml {version}, ldn_report.__version__ "
                 f"{m.group(1) if m else 'missing'}")
    return version


def source_key() -> str:
    """A hash of everything that goes into the bundle."""
    import PyInstaller

    digest = hashlib.sha256()
    digest.update(f"{sys.version}\n{PyInstaller.__version__}\n".encode())
    files = [ROOT / "pyproject.toml"]
    for top in SOURCES:
        # the resources link inside the package is followed through resources/ itself
        files += [p for p in (ROOT / top).rglob("*")
                  if p.is_file() and not p.is_symlink() and not SKIP.search(str(p))]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*"))


def build(key: str, version: str) -> Path:
    """Build the bundle and the .deb into CACHE/key (unless there already); returns it."""
    done = CACHE / key
    if (done / "build.json").is_file():
        return done
    work = CACHE / f"{key}.partial"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    started = time.monotonic()
    res = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work), "--workpath", str(CACHE / "pyinstaller-work"),
         str(ROOT / "packaging" / "ldn-report.spec")],
        cwd=ROOT, capture_output=True, text=True,
    )
    if res.returncode != 0:
        sys.exit(f"PyInstaller failed ({res.returncode}):\n{res.stdout[-3000:]}\n"
                 f"{res.stderr[-6000:]}")
    bundle_seconds = time.monotonic() - started
    bundle = work / "ldn-report"
    for link in [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()  # a top-level link to a Qt library the spec left out
    deb, problems = build_deb(bundle, ROOT / "resources/icons/app.png", version, work)
    info = {
        "version": version,
        "key": key,
        "bundle": "ldn-report",
        "deb": deb.name,
        "bundle_bytes": _folder_bytes(bundle),
        "deb_bytes": deb.stat().st_size,
        "bundle_seconds": round(bundle_seconds, 1),
        "total_seconds": round(time.monotonic() - started, 1),
        "depends_problems": problems,
    }
    (work / "build.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    work.rename(done)
    for old in CACHE.iterdir():  # one cached build is enough
        if old.is_dir() and old.name not in (key, "pyinstaller-work"):
            shutil.rmtree(old, ignore_errors=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copy-to", metavar="DIR", help="copy the bundle and the .deb here")
    parser.add_argument("--json", action="store_true", help="print the build facts as JSON")
    args = parser.parse_args(argv)
    version = project_version()
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another checkout's test may be building it
        done = build(source_key(), version)
    info = json.loads((done / "build.json").read_text("utf-8"))
    info["folder"] = str(done)
    if args.copy_to:
        out = Path(args.copy_to)
        out.mkdir(parents=True, exist_ok=True)
        if (out / "ldn-report").exists():
            shutil.rmtree(out / "ldn-report")
        shutil.copytree(done / "ldn-report", out / "ldn-report", symlinks=True)
        shutil.copy2(done / info["deb"], out / info["deb"])
    if args.json:
        print(json.dumps(info))
    else:
        where = args.copy_to or done
        print(f"bundle {where}/ldn-report ({info['bundle_bytes'] / 1e6:.0f} MB), "
              f"package {where}/{info['deb']} ({info['deb_bytes'] / 1e6:.1f} MB), "
              f"built in {info['total_seconds']:.0f} s (key {info['key']})")
        for problem in info["depends_problems"]:
            print(f"warning: {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
