"""The bundle and .deb for test_dist.py, built in the background while the rest of the suite runs.

Building them (PyInstaller, then dpkg-deb at zstd level 19) takes minutes whenever the sources
changed and uses mostly one core, as do the other tests: started when collection ends (the
dist tests run last, see conftest.py), the build overlaps with them instead of adding to them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

# the running build: the process and the files its stdout and stderr go to
_job: tuple[subprocess.Popen[bytes], IO[bytes], IO[bytes]] | None = None


def missing() -> str:
    """Why the bundle cannot be built here ("" when it can)."""
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller (test extra) is needed"
    if shutil.which("dpkg-deb") is None or shutil.which("ldd") is None:
        return "dpkg-deb and ldd are needed to build the Debian package"
    return ""


def start(repo_root: Path) -> None:
    """Start ``packaging/build_dist.py --json`` unless it runs already or cannot run here."""
    global _job
    if _job is not None or missing():
        return
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, str(repo_root / "packaging" / "build_dist.py"),
                             "--json"], cwd=repo_root, env=env, stdout=out, stderr=err,
                            start_new_session=True)  # its own group: stop() ends PyInstaller too
    _job = (proc, out, err)


def result(repo_root: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Wait for the build (started now if it was not) and return what it printed."""
    start(repo_root)
    assert _job is not None, missing()
    proc, out, err = _job
    proc.wait(timeout=timeout)
    out.seek(0)
    err.seek(0)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       out.read().decode(errors="replace"),
                                       err.read().decode(errors="replace"))


def stop() -> None:
    """End a build still running when the session ends early (-x, Ctrl-C): its whole group.

    The half-built folder is thrown away by the next build; the lock goes with the process.
    """
    global _job
    if _job is None:
        return
    proc, out, err = _job
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    out.close()
    err.close()
    _job = None
