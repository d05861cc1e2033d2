"""`ldn-report build` hands its register write to a helper process forked at the start (issue
17): the record is there once when the command ends, bad input leaves the register untouched,
and a helper that dies is replaced by a write in the command's own process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from ldn_report.register.location import parse_location
from ldn_report.register.store import open_register

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the helper is forked on Linux only")

RECORD = """
import json, os, signal, sys
from ldn_report.context import context_from_dict
from ldn_report.examples import example_path
from ldn_report.register.helper_process import RecordingHelper
from ldn_report.register.record import handout_for

register, how = sys.argv[1], sys.argv[2]
ctx = context_from_dict(json.loads(example_path("on-dmt-mood-pain").read_text()))
record = handout_for(ctx, template="Standard Letter", pack_version="1", language="en",
                     content_hash="abc", kind="pdf", destination="/x.pdf", data=b"x")
helper = RecordingHelper(register).start()
forked = helper._pid is not None
if how == "kill":
    os.kill(helper._pid, signal.SIGKILL)
if how == "cancel":
    pid = helper._pid
    helper.cancel()
    os.waitpid(pid, 0)  # the helper is done: got ready, saw no handout, exited
    message = None
else:
    message = helper.record(record)
print(json.dumps({"forked": forked, "message": message, "id": record.record_id}))
"""


def _rows(url: str) -> list:
    with open_register(parse_location(url)) as register:
        return register.rows(text("SELECT record_id, content_hash FROM handouts"))


def _ldn_report(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ldn_report", *args], capture_output=True,
                          text=True, timeout=120)


def test_a_build_run_as_a_command_is_recorded_once(tmp_path: Path, register_url: str) -> None:
    out = tmp_path / "r.pdf"
    done = _ldn_report("--register", register_url, "build", "--example", "on-dmt-mood-pain",
                       "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = _rows(register_url)
    assert len(rows) == 1
    assert rows[0].content_hash in done.stdout  # "content <hash>"


def test_bad_input_leaves_the_register_untouched(tmp_path: Path) -> None:
    register = tmp_path / "register.sqlite3"
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "colour": "blue"}', encoding="utf-8")
    done = _ldn_report("--register", str(register), "build", "--context", str(bad),
                       "-o", str(tmp_path / "never.pdf"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


@pytest.mark.parametrize("how", ["record", "kill", "cancel"])
def test_the_helper_records_once_or_the_command_does(how: str, tmp_path: Path) -> None:
    register = tmp_path / "register.sqlite3"
    done = subprocess.run([sys.executable, "-c", RECORD, str(register), how],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["forked"]
    assert answer["message"] is None
    if how == "cancel":
        assert not tmp_path.joinpath("register.sqlite3").exists()
        return
    # recorded by the helper, or (helper killed) by the command's own process: once
    assert [r.record_id for r in _rows(str(register))] == [answer["id"]]


def test_a_cancelled_build_leaves_an_existing_register_as_it_was(tmp_path: Path) -> None:
    """The helper connects to a register that is ready while the report is laid out; a build
    that then fails must leave it byte for byte as it was, with no file added."""
    register = tmp_path / "register.sqlite3"
    with open_register(parse_location(str(register))) as opened:
        opened.add([])  # made at this app's schema, empty
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = subprocess.run([sys.executable, "-c", RECORD, str(register), "cancel"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["forked"]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
