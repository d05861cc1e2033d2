"""Frozen entry point of `ldn-report-gui`, the desktop app (PyInstaller bundle)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # First: a clinic-day batch worker started by forkserver/spawn re-runs this executable.
    multiprocessing.freeze_support()
    from ldn_report.gui.app import main

    sys.exit(main())
