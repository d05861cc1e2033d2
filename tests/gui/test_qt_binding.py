"""The Qt binding we pin keeps Python's reference counts: 6.12.0 did not, and the app died."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

class Source(QObject):
    changed = Signal(int)

app = QCoreApplication([])
timer, source = QTimer(), Source()
source.changed.connect(lambda value: None)
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(2000):
    timer.setInterval(5)
    source.changed.emit(1)
print(none_before - sys.getrefcount(None), true_before - sys.getrefcount(True))
"""


def test_void_calls_and_emits_do_not_leak_references_to_none_or_true():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    lost_none, lost_true = (int(n) for n in proc.stdout.split())
    # A few references may move with interpreter caches; a leak loses one per call (2000).
    assert abs(lost_none) < 100, f"None lost {lost_none} references in 2000 calls"
    assert abs(lost_true) < 100, f"True lost {lost_true} references in 2000 emits"
