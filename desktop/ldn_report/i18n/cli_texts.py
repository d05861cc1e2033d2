"""The command line's own lines (what it wrote, its warnings, why it stopped), marked for the
interface's .ts: `build --language es` prints them in Spanish through ts_catalogue, never Qt.

Without --language they stay English, word for word: scripts read them.
"""

from __future__ import annotations

from .marks import QT_TRANSLATE_NOOP

CONTEXT = "CommandLine"

WROTE_PDF = QT_TRANSLATE_NOOP("CommandLine", "wrote %1 (%2 pages, content %3)")
WROTE_ACCESSIBLE = QT_TRANSLATE_NOOP("CommandLine",
                                     "wrote %1 (tagged PDF/UA-1, %2 pages, content %3)")
WROTE_HTML = QT_TRANSLATE_NOOP("CommandLine", "wrote %1 (HTML, content %2)")
WROTE_CHART_NOTE = QT_TRANSLATE_NOOP("CommandLine", "wrote chart note %1")
WARNING = QT_TRANSLATE_NOOP("CommandLine", "warning: %1")
ERROR = QT_TRANSLATE_NOOP("CommandLine", "ldn-report: error: %1")
PACK_BROKEN = QT_TRANSLATE_NOOP("CommandLine",
                                "ldn-report: the evidence pack is broken, no report was made: %1")
INTERRUPTED = QT_TRANSLATE_NOOP("CommandLine", "ldn-report: interrupted")
CANNOT_READ_OR_WRITE = QT_TRANSLATE_NOOP("CommandLine",
                                         "ldn-report: error: cannot write or read%1: %2")
