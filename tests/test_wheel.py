"""A wheel built from the project, installed in a clean venv, must work (resources included).

Builds the wheel from a copy of the working tree, installs it with --no-deps into a fresh venv
(no system site-packages) plus the runtime dependencies except PySide6, and runs the installed
`ldn-report` console script. Leaving PySide6 out also proves that the CLI never imports Qt.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.wheel, pytest.mark.timeout(600)]

# The environment as it was before conftest's per-test HOME/XDG redirection, so pip keeps its
# cache and configuration (module import happens at collection, before any fixture runs).
_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
# Left out of the copy: at the top level only (a package may well have a module folder "build").
_TOP_SKIP = {".git", ".venv", "build", "dist", "out", ".pytest_cache", ".ruff_cache", ".hypothesis"}
_ANY_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def _run(cmd: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=_ENV, capture_output=True, text=True, timeout=timeout
    )
    assert res.returncode == 0, (
        f"{' '.join(map(str, cmd))} exited {res.returncode}\n"
        f"--- stdout\n{res.stdout[-4000:]}\n--- stderr\n{res.stderr[-4000:]}"
    )
    return res


def _project(repo: Path) -> dict:
    return tomllib.loads((repo / "pyproject.toml").read_text("utf-8"))["project"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, repo_root: Path):
    """Build the wheel, make a clean venv, install; returns (wheel, venv bin dir, package dir)."""
    pytest.importorskip("build", reason="the `build` package (test extra) is needed")
    work = tmp_path_factory.mktemp("wheel")
    # Build from a copy: no stale build/lib, no egg-info written into the checkout while others
    # work in it. The resources link is copied as a link and resolves inside the copy.
    src = work / "src"

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = _TOP_SKIP if Path(folder) == repo_root else set()
        return (top & set(names)) | _ANY_SKIP(folder, names)

    shutil.copytree(repo_root, src, symlinks=True, ignore=ignore)
    dist = work / "dist"
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, src], cwd=work)
    (wheel,) = dist.glob("*.whl")

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False, clear=True).create(env_dir)
    vbin = env_dir / "bin"
    vpy = vbin / "python"
    # pip of the test environment installs into the new venv (pip >= 22.3): no pip bootstrap.
    pip = [sys.executable, "-m", "pip", "--python", vpy, "install", "--quiet"]
    _run([*pip, "--no-deps", wheel], cwd=work)
    deps = [d for d in _project(repo_root)["dependencies"] if not re.match(r"(?i)pyside6\b", d)]
    _run([*pip, *deps], cwd=work)

    code = "import ldn_report, pathlib; print(pathlib.Path(ldn_report.__file__).parent)"
    pkg = Path(_run([vpy, "-c", code], cwd=work).stdout.strip())
    return wheel, vbin, pkg


def test_wheel_contains_every_resource_file(installed, repo_root: Path):
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = repo_root / "resources"
    expected = {
        "ldn_report/resources/" + p.relative_to(resources).as_posix()
        for p in resources.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected, "resources/ is empty?"
    assert sorted(expected - names) == []
    # Built by `make translations` (not committed): the installed app must be Spanish too.
    assert "ldn_report/resources/translations/ldn_report_es.qm" in names


def test_installed_package_is_the_wheel_with_real_resources(installed, repo_root: Path):
    _, vbin, pkg = installed
    assert pkg.is_relative_to(vbin.parent), f"imported {pkg}, not the clean venv's copy"
    res = pkg / "resources"
    assert res.is_dir()
    assert not res.is_symlink(), "resources must be a real folder in the wheel"
    assert (res / "fonts").is_dir()
    assert sorted(p.name for p in (res / "fonts").glob("*.ttf")) == sorted(
        p.name for p in (repo_root / "resources" / "fonts").glob("*.ttf")
    )


def test_cli_does_not_need_qt(installed):
    _, vbin, _ = installed
    res = subprocess.run(
        [str(vbin / "python"), "-c", "import PySide6"], env=_ENV, capture_output=True, text=True
    )
    assert res.returncode != 0, "PySide6 leaked into the clean venv; the Qt-free check is void"


def test_installed_cli_version(installed, repo_root: Path):
    _, vbin, _ = installed
    res = _run([vbin / "ldn-report", "--version"], cwd=vbin.parent)
    assert _project(repo_root)["version"] in res.stdout + res.stderr


def test_installed_cli_builds_example_report(installed, tmp_path: Path):
    _, vbin, _ = installed
    out = tmp_path / "example.pdf"
    _run([vbin / "ldn-report", "build", "--example", "on-dmt-mood-pain", "-o", out], cwd=tmp_path)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-"), data[:20]
    assert b"%%EOF" in data[-1024:]
