"""Frozen entry point of `ldn-report`, the command line (PyInstaller bundle)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # First: a batch worker started by forkserver/spawn re-runs this executable.
    multiprocessing.freeze_support()
    from ldn_report.cli import main

    sys.exit(main())
