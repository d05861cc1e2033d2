"""PDF renderer: turns a Report and a ClinicTemplate into printable PDF bytes with ReportLab."""

from __future__ import annotations

from ldn_report.render.reportlab_import import import_reportlab

# First, before any ReportLab module: its costly, unused patterns compiled on first use.
import_reportlab()

from reportlab import rl_config  # noqa: E402

# Same report -> same bytes (no timestamps or random ids); global, but harmless for every caller.
rl_config.invariant = 1
# Binary font streams: ASCII85 only makes files bigger, and its pure-Python encoder is slow.
rl_config.useA85 = 0

from ldn_report.render.pdf.document import render_pdf  # noqa: E402

__all__ = ["render_pdf"]
