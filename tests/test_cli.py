"""The ldn-report command line, run as a real process: outputs, exit codes, messages, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pdf_text import pdf_text


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ldn_report", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def test_build_example_writes_pdf_and_chart_note(tmp_path):
    out, note = tmp_path / "r.pdf", tmp_path / "note.txt"
    proc = run("build", "--example", "takes-opioids", "-o", str(out), "--chart-note", str(note))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "Opioids" in pdf_text(out.read_bytes())
    lines = note.read_text(encoding="utf-8").splitlines()
    assert 5 <= len(lines) <= 10
    assert any("Takes opioids" in line for line in lines)
    assert any("evidence pack" in line and "content" in line for line in lines)
    assert "Jordan" not in note.read_text(encoding="utf-8")


def test_build_from_context_file(tmp_path, repo_root):
    ctx = repo_root / "resources" / "examples" / "deidentified.json"
    proc = run("build", "--context", str(ctx), "-o", str(tmp_path / "d.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert "pages" in proc.stdout


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ({"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "maybe"}},
         "dmt.status: this value is not allowed; choose one of: on_dmt_tolerating"),
        ({"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"},
          "colour": "blue"}, "colour: is not a field"),
        ({"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"},
          "patient": {"date_of_birth": "1990-02-31"}}, "patient.date_of_birth"),
    ],
)
def test_bad_context_exits_2_with_one_clear_line_and_no_output(tmp_path, context, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(context), encoding="utf-8")
    out = tmp_path / "never.pdf"
    proc = run("build", "--context", str(path), "-o", str(out))
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind either


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("build", "--example", "nobody", "-o", "x.pdf"), "--example: 'nobody' is not an example"),
        (("build", "--context", "missing.json", "-o", "x.pdf"), "missing.json: file not found"),
        (("build", "--example", "deidentified", "-o", "x.txt"), "must end in .pdf"),
        (("build", "-o", "x.pdf"), "one of the arguments --context --example is required"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_usage_mistakes_exit_2_without_traceback(tmp_path, args, message):
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_not_json_names_line_and_column(tmp_path):
    path = tmp_path / "ctx.json"
    path.write_text("{\n  'single quotes': 1\n}", encoding="utf-8")
    proc = run("build", "--context", str(path), "-o", str(tmp_path / "x.pdf"))
    assert proc.returncode == 2
    assert "line 2, column 3" in proc.stderr


def test_examples_schema_and_version():
    names = run("examples").stdout.split()
    assert "on-dmt-mood-pain" in names
    schema = json.loads(run("schema").stdout)
    assert schema["properties"]["schema_version"]["const"] == 1
    version = run("--version")
    assert version.returncode == 0
    assert "evidence pack 1." in version.stdout


def test_cli_never_imports_qt(tmp_path):
    code = (
        "import sys; from ldn_report.cli import main; "
        f"rc = main(['build', '--example', 'on-dmt-mood-pain', '-o', r'{tmp_path / 'q.pdf'}']); "
        "assert rc == 0; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
