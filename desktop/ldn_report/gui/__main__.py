"""`python -m ldn_report.gui [--example NAME | CONTEXT.json]` opens the desktop app."""

from __future__ import annotations

import sys

from .app import main

sys.exit(main())
