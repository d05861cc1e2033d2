"""`ldn-report-gui --smoke-test`: quits after the first preview with one line (install checks)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image


def test_smoke_test_prints_one_line_and_saves_the_window(tmp_path: Path):
    png = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    res = subprocess.run(
        [sys.executable, "-m", "ldn_report.gui", "--example", "takes-opioids",
         "--smoke-test", str(png)],
        env=env, capture_output=True, text=True, timeout=100,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    assert re.search(r"^smoke test: window '.*LDN report builder' \d+x\d+, first preview "
                     r"\d+ pages after \d+\.\d\d s$", res.stdout, re.M), res.stdout
    with Image.open(png) as shot:
        assert shot.width > 400
        assert len(shot.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50
