"""Shared test setup. Keep it small; add fixtures below with a one-line docstring each."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

import dist_build

# Qt must never need a real display in tests. Set here, before any test module imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "wheel: builds the wheel and installs it in a clean venv (needs pip access)"
    )


@pytest.hookimpl(trylast=True)  # after -m/-k deselection: only the tests that will run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The install tests (marker dist) run last, their bundle built in the background from now
    on (dist_build.py): minutes of PyInstaller and dpkg-deb overlap with the other tests."""
    dist = [item for item in items if item.get_closest_marker("dist")]
    if dist:
        items[:] = [item for item in items if not item.get_closest_marker("dist")] + dist
        if not config.option.collectonly:
            dist_build.start(REPO_ROOT)


def pytest_sessionfinish(session: pytest.Session) -> None:
    dist_build.stop()  # a session cut short leaves no build running


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point platformdirs (config/data/cache/state) and HOME at a fresh temp folder per test.

    platformdirs reads the XDG_* variables on every call, so code under test that asks for
    user_config_dir() etc. gets these folders and never touches the real home.
    """
    base = tmp_path_factory.mktemp("userdirs")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("HOME", "home"),
    ):
        d = base / sub
        d.mkdir()
        monkeypatch.setenv(var, str(d))
    return base


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's top folder (holds pyproject.toml, resources/, desktop/)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def cups_pdf() -> SimpleNamespace:
    """This checkout's cups-pdf test queue from `make cups`: .printer (name), .out_dir (Path).

    Skips with a reason when the queue is not configured or not running. Queue and folder are
    this checkout's own (tools/cups-env.sh); find a job's file with cups_output.wait_for_job_pdf.
    """
    printer = os.environ.get("LDN_CUPS_PRINTER")
    out = os.environ.get("LDN_CUPS_OUT")
    if not printer or not out:
        pytest.skip(
            "LDN_CUPS_PRINTER/LDN_CUPS_OUT not set: run `make cups` (as root) or `make test`"
        )
    if shutil.which("lpstat") is None:
        pytest.skip("CUPS client tools not installed (Debian package cups)")
    state = subprocess.run(["lpstat", "-p", printer], capture_output=True, text=True)
    if state.returncode != 0 or "enabled" not in state.stdout:
        pytest.skip(f"CUPS queue {printer} not ready: {(state.stdout + state.stderr).strip()}")
    return SimpleNamespace(printer=printer, out_dir=Path(out))
