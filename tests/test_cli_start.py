"""What one `ldn-report build` process loads and does (issue 17): ReportLab's costly unused
patterns stay uncompiled (and behave exactly as compiled ones when used), a PDF build imports no
batch code, HTML renderer, WeasyPrint, urllib.request, SQLAlchemy (that is the helper's) or PIL,
and runs without the cyclic garbage collector (only as the command, not when main is called)."""

from __future__ import annotations

import copy
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph

from ldn_report.build import build_report
from ldn_report.examples import load_example
from ldn_report.render.reportlab_import import LAZY_PATTERNS, LazyPattern
from ldn_report.templates.file_format import load_template

URIS = [
    "https://doi.org/10.1177/1352458509351946", "http://www.ncbi.nlm.nih.gov/pubmed/19858164",
    "ftp://user:pw@192.168.0.1:2121/a/b?c=d#e", "HTTPS://EXAMPLE.COM/Path", "http://[::1]:80/",
    "http://localhost:8000", "http://xn--bcher-kva.example/", "https://ñandú.es/página",
    "www.example.com", "not a uri", "http://-bad-.com", "", "C:\\folder\\file.txt",
    "https://example.com/" + "long-path-segment/" * 20,
]


def _compiled_twin(lazy: LazyPattern) -> re.Pattern:
    # What ReportLab had before: the same source and flags, compiled by re.
    return re.compile(lazy.pattern, lazy.flags)


FRESH_IMPORT = """
import json, sys
import ldn_report.render.pdf
from ldn_report.render.reportlab_import import LAZY_PATTERNS, LazyPattern, lazy_patterns
lazy = sorted(lazy_patterns())
others = [f"{m}.{n}" for m in LAZY_PATTERNS for n, v in vars(sys.modules[m]).items()
          if isinstance(v, LazyPattern) and f"{m}.{n}" not in lazy]
print(json.dumps({"lazy": lazy, "others": others}))
"""


def test_reportlab_is_imported_with_the_listed_patterns_lazy():
    # In a new process: here, ReportLab was imported long ago (and as usual).
    done = subprocess.run([sys.executable, "-c", FRESH_IMPORT], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["lazy"] == sorted(f"{m}.{n}" for m, names in LAZY_PATTERNS.items()
                                   for n in names)
    assert found["others"] == []  # every other module-level pattern is a real re.Pattern


def test_a_lazy_pattern_answers_as_re_compile_does():
    real = _compiled_twin(paragraph.uri_pat)
    lazy = LazyPattern(real.pattern, re.IGNORECASE)
    assert not lazy.is_compiled
    for uri in URIS:
        for method in ("match", "search", "fullmatch"):
            got, want = getattr(lazy, method)(uri), getattr(real, method)(uri)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
        assert lazy.findall(uri) == real.findall(uri)
        assert [m.span() for m in lazy.finditer(uri)] == [m.span() for m in real.finditer(uri)]
        assert lazy.sub("<uri>", uri) == real.sub("<uri>", uri)
        assert lazy.split(uri) == real.split(uri)
    assert lazy.is_compiled
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == \
        (real.pattern, real.flags, real.groups, real.groupindex)
    assert lazy == real
    assert hash(lazy) == hash(real)
    assert repr(lazy) == repr(real)
    assert pickle.loads(pickle.dumps(lazy)) == real
    assert copy.copy(lazy) is lazy
    assert copy.deepcopy(lazy) is lazy


def test_reportlab_splits_uris_the_same_with_the_lazy_pattern(monkeypatch):
    """ReportLab's own URI splitting (a style with uriWasteReduce) through the lazy pattern."""
    real = _compiled_twin(paragraph.uri_pat)
    style = ParagraphStyle("uri", fontName="Helvetica", fontSize=10, leading=12,
                           uriWasteReduce=0.3)
    text = " ".join(URIS[:3] + URIS[-1:])

    def lines(pattern: object) -> list[str]:
        monkeypatch.setattr(paragraph, "uri_pat", pattern)
        para = paragraph.Paragraph(text, style)
        para.wrap(110, 1000)
        return [" ".join(str(w) for w in line[1]) for line in para.blPara.lines]

    lazy = LazyPattern(real.pattern, re.IGNORECASE)
    assert lines(lazy) == lines(real)
    assert lazy.is_compiled  # ReportLab used it
    assert paragraph._uri_split_pairs(URIS[0]) is not None


@pytest.mark.parametrize("module_name", sorted(LAZY_PATTERNS))
def test_lazy_patterns_are_only_used_through_their_methods(module_name):
    """A LazyPattern is not an re.Pattern: passing one to re.sub() or isinstance() would
    differ. So each listed name must be used only as ``name.method(...)`` in ReportLab."""
    source = Path(sys.modules[module_name].__file__).read_text(encoding="utf-8")
    for name in LAZY_PATTERNS[module_name]:
        uses = [m for m in re.finditer(rf"(?<![\w.]){re.escape(name)}\b(.?)", source)]
        assert uses, name
        for use in uses:
            after = source[use.end(1) - 1:use.end(1) + 20]
            defined = re.match(r"\s*=\s*re\.compile\(", source[use.end(0) - 1:])
            assert use[1] == "." or defined, f"{module_name}.{name}: ...{after!r}"
    # nor imported by another ReportLab module
    root = Path(sys.modules["reportlab"].__file__).parent
    short = module_name.rsplit(".", 1)[1]
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in LAZY_PATTERNS[module_name]:
            assert not re.search(rf"\b{short}\.{re.escape(name)}\b(?!\.)", text), path
            assert not re.search(rf"from\s+\S*{short}\s+import[^\n]*\b{re.escape(name)}\b",
                                 text), path


# A real `ldn-report build`: main() with the command line's argv (so the register helper is
# forked and PIL deferred, as for the installed command), then what the process loaded.
BUILD = """
import atexit, gc, json, sys
sys.argv = ["ldn-report", "--register", sys.argv[1], "build", *sys.argv[2:]]
# registered first, so run last of the exit handlers (after any the command adds)
atexit.register(lambda: print(json.dumps({"frozen_at_exit": gc.get_freeze_count() > 0})))
from ldn_report.cli import main
rc = main()
from ldn_report.render.reportlab_import import lazy_patterns
print(json.dumps({"rc": rc, "modules": sorted(sys.modules), "gc": gc.isenabled(),
                  "compiled": sorted(k for k, v in lazy_patterns().items() if v.is_compiled)}))
"""

NOT_FOR_A_PDF_BUILD = (
    "ldn_report.batch.command", "ldn_report.batch.runner", "ldn_report.batch.workers",
    "ldn_report.batch.clinic_list", "ldn_report.batch.manifest", "ldn_report.render.html",
    "ldn_report.render.accessible_pdf", "weasyprint", "urllib.request", "sqlalchemy",
    "alembic", "PySide6", "babel",
    "PIL._imaging",  # loaded only when PIL.Image runs: no logo, no PIL
)


def _build(tmp_path: Path, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path / "register.sqlite3"),
                           *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    *_, loaded, at_exit = done.stdout.splitlines()
    return {**json.loads(loaded), **json.loads(at_exit)}


def test_a_pdf_build_loads_only_what_it_needs(tmp_path):
    out = tmp_path / "r.pdf"
    loaded = _build(tmp_path, "--example", "on-dmt-mood-pain", "-o", str(out))
    assert loaded["rc"] == 0
    assert out.read_bytes().startswith(b"%PDF")
    modules = set(loaded["modules"])
    assert "ldn_report.render.pdf" in modules  # the check below looks at a real build
    assert [m for m in modules if m.startswith(NOT_FOR_A_PDF_BUILD)] == []
    assert loaded["compiled"] == []  # no lazy pattern was needed
    # one short process: no cyclic garbage collection, and none over everything at exit
    assert loaded["gc"] is False
    assert loaded["frozen_at_exit"] is True


def test_main_called_in_a_process_changes_no_process_settings(tmp_path):
    """A test or the app calling main() keeps its collector (and PIL as imported)."""
    import gc

    from ldn_report.cli import main

    assert main(["build", "--example", "on-dmt-mood-pain", "-o", str(tmp_path / "r.pdf")]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_logo_loads_pil_when_it_is_needed(tmp_path):
    """With PIL deferred, a template with a logo still draws it: the same PDF as a build in
    a process that imported PIL the usual way (this one)."""
    Image.new("RGB", (120, 60), (200, 30, 30)).save(tmp_path / "logo.png")
    template = tmp_path / "clinic.toml"
    template.write_text('format_version = 1\nname = "Riverside MS"\n'
                        '[branding]\nlogo = "logo.png"\n', encoding="utf-8")
    out = tmp_path / "r.pdf"
    loaded = _build(tmp_path, "--example", "takes-opioids", "--template", str(template),
                    "-o", str(out))
    assert "PIL._imaging" in loaded["modules"]
    pdf = out.read_bytes()
    assert b"/Subtype /Image" in pdf
    assert pdf == build_report(load_example("takes-opioids"), load_template(template)).pdf
