"""Imported by the batch's forkserver before it forks any worker (its preload): the renderer, the
fonts, the evidence pack and the built-in template's shared pages (and the paragraphs replayed on
its patient pages) are made ready there once, so every worker starts warm, sharing them
copy-on-write, instead of loading them before its first row.

Nothing else imports this module: importing it builds a report.
"""

from __future__ import annotations

import gc
import signal


def _warm() -> None:
    # The forkserver ignores Ctrl-C only after its preload; a Ctrl-C meant for the batch must
    # not kill it half-way through this.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from ..build import build_report
        from ..examples import load_example

        ctx = load_example("on-dmt-mood-pain")
        build_report(ctx)  # lays out the clinician pages
        build_report(ctx)  # draws the paragraphs that the patients' pages replay
    except Exception:
        # A broken pack or font stops the batch in its first row, with the message that row
        # gives; a cold worker is all that is lost here.
        pass
    # All of this lives as long as the workers: out of the garbage collector's sight, so that
    # a worker's collections neither scan it (CPU per row) nor write to its pages (which
    # would copy them out of the memory the workers share with this process).
    gc.collect()
    gc.freeze()


_warm()
