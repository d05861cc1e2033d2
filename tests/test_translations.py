"""The interface translations (.ts): complete, placeholders and accelerators kept, up to date."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TS_FILES = sorted((REPO / "resources" / "translations").glob("*.ts"))
GUI = REPO / "desktop" / "ldn_report" / "gui"
# the core's marked texts: its message table, the built-in template names, the CLI's lines
CORE_TEXTS = sorted(p for p in (GUI.parent / "i18n").glob("*.py")
                    if 'QT_TRANSLATE_NOOP("' in p.read_text(encoding="utf-8"))
PLACEHOLDER = re.compile(r"%\d|\{[A-Za-z_][A-Za-z0-9_]*\}")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of ``ts``."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def test_there_is_a_spanish_translation():
    assert [p.name for p in TS_FILES] == ["ldn_report_es.ts"]
    assert len(messages(TS_FILES[0])) > 100


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path):
    bad = [(ctx, src) for ctx, src, tr in messages(ts)
           if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
           or not (tr.text or "").strip()]
    assert bad == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_placeholders_match(ts: Path):
    """%1 and {name} survive translation exactly (each as often as in the source)."""
    bad = [(ctx, src, tr.text) for ctx, src, tr in messages(ts)
           if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text or ""))]
    assert bad == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_accelerators_kept(ts: Path):
    """A menu text with an &-key keeps exactly one in translation; one without gets none."""
    def keys(text: str) -> int:
        return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))
    bad = [(ctx, src, tr.text) for ctx, src, tr in messages(ts)
           if keys(src) != keys(tr.text or "")]
    assert bad == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_ts_is_up_to_date_with_the_sources(ts: Path, tmp_path: Path):
    """pyside6-lupdate over gui/ finds nothing new and nothing gone: every wrapped text of the
    app is in the .ts (run `make translations-update`, then translate, when this fails)."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate (from the PySide6 wheel) is missing from the venv"
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    # as the Makefile's translations-update: the app, and the core's marked texts (the CLI
    # translates with them too)
    sources = [*sorted(str(p) for p in GUI.rglob("*.py")), *map(str, CORE_TEXTS)]
    subprocess.run([lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
                   check=True, capture_output=True, timeout=120)
    before = {(c, s) for c, s, _ in messages(ts)}
    after = {(c, s) for c, s, _ in messages(copy)}
    assert sorted(after - before) == [], "wrapped in the code but not in the .ts"
    assert sorted(before - after) == [], "in the .ts but no longer in the code"
