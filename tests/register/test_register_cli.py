"""The register from the command line: every build recorded, a broken register never blocks a
report, list/stale/export/verify, and no identifying value of a de-identified record shown."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys

import pytest
from pypdf import PdfReader, PdfWriter
from register_helpers import (
    HIDDEN_DOB,
    HIDDEN_MRN,
    HIDDEN_NAME,
    deidentified_dict,
    example_dict,
    handout,
    run_cli,
    write_context,
)
from sqlalchemy import text

from ldn_report.batch.runner import run_batch
from ldn_report.paths import EXAMPLES_DIR
from ldn_report.register import queue
from ldn_report.register.location import default_location, parse_location
from ldn_report.register.store import open_register


def _build(capsys, out, *extra, context=None):
    source = ["--context", str(context)] if context else ["--example", "on-dmt-mood-pain"]
    return run_cli(capsys, *extra, "build", *source, "-o", str(out))


def _count(url):
    with open_register(parse_location(url)) as register:
        return len(register.rows(text("SELECT id FROM handouts")))


def test_build_records_pdf_and_html_in_default_register(tmp_path, capsys):
    for name in ("a.pdf", "a.html"):
        code, _out, err = _build(capsys, tmp_path / name)
        assert code == 0
        assert err == ""
    path = default_location().sqlite_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    code, out, _ = run_cli(capsys, "register", "list")
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == 2
    assert {line.split("\t")[1] for line in lines} == {"pdf", "html"}
    assert all("MS-204781" in line for line in lines)


def test_register_option_and_environment(tmp_path, capsys, monkeypatch, register_url):
    code, *_ = _build(capsys, tmp_path / "a.pdf", "--register", register_url)
    assert code == 0
    assert _count(register_url) == 1
    monkeypatch.setenv("LDN_REGISTER", register_url)
    _build(capsys, tmp_path / "b.pdf")
    assert _count(register_url) == 2
    assert not default_location().sqlite_path.exists()


def test_register_option_after_the_subcommand(tmp_path, capsys, register_url):
    # Written either side of the subcommand; after it, it wins over the one before.
    other = str(tmp_path / "other.sqlite3")
    code, *_ = run_cli(capsys, "build", "--example", "on-dmt-mood-pain",
                       "-o", str(tmp_path / "a.pdf"), "--register", register_url)
    assert code == 0
    assert _count(register_url) == 1
    code, out, _ = run_cli(capsys, "--register", other, "register", "list",
                           "--register", register_url)
    assert code == 0
    assert len(out.splitlines()) == 1
    code, out, _ = run_cli(capsys, "--register", other, "register", "list")
    assert code == 0
    assert out.splitlines() == ["no recorded reports match"]


@pytest.mark.parametrize("problem", ["corrupt", "locked", "newer", "unreachable", "bad-url"])
def test_broken_register_never_blocks_a_report(tmp_path, capsys, problem):
    path = tmp_path / "register.sqlite3"
    url = str(path)
    holder = None
    if problem == "corrupt":
        path.write_bytes(b"not a database " * 500)
    elif problem in ("locked", "newer"):
        _build(capsys, tmp_path / "first.pdf", "--register", url)
        holder = sqlite3.connect(path)
        if problem == "newer":
            holder.execute("UPDATE alembic_version SET version_num = 'zz_newer'")
            holder.commit()
        else:
            holder.execute("BEGIN EXCLUSIVE")
    elif problem == "unreachable":
        url = "postgresql://clinic:pw@127.0.0.1:9/register"
    else:
        url = "mysql://clinic@host/register"
    try:
        code, out, err = _build(capsys, tmp_path / "report.pdf", "--register", url)
    finally:
        if holder is not None:
            holder.rollback()
            holder.close()
    assert code == 0
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "wrote" in out
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warning: handout register not written")
    assert "queued" in lines[0]
    assert "Traceback" not in err
    assert "pw@" not in err
    expected = {"corrupt": "damaged", "locked": "locked", "newer": "newer version",
                "unreachable": "cannot reach", "bad-url": "register address"}[problem]
    assert expected in lines[0]
    assert queue.pending(parse_location(url) if problem != "bad-url" else
                         queue.RegisterLocation(url, "")) == 1


def test_queued_record_is_written_on_the_next_build(tmp_path, capsys):
    path = tmp_path / "register.sqlite3"
    _build(capsys, tmp_path / "first.pdf", "--register", str(path))
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    _code, _out, err = _build(capsys, tmp_path / "second.pdf", "--register", str(path))
    holder.rollback()
    holder.close()
    assert "queued" in err
    location = parse_location(str(path))
    assert queue.pending(location) == 1
    assert stat.S_IMODE(queue.queue_path().stat().st_mode) == 0o600
    _build(capsys, tmp_path / "third.pdf", "--register", str(path))
    assert queue.pending(location) == 0
    _code, out, _ = run_cli(capsys, "--register", str(path), "register", "list")
    assert sorted(line.rsplit("/", 1)[-1] for line in out.splitlines()) == [
        "first.pdf", "second.pdf", "third.pdf"]


def test_verify_exact_resaved_foreign_and_stale(tmp_path, capsys, register_url):
    sheet = tmp_path / "sheet.pdf"
    _build(capsys, sheet, "--register", register_url)
    code, out, _ = run_cli(capsys, "--register", register_url, "verify", str(sheet))
    assert code == 0
    assert "made here: yes (this exact file)" in out
    assert "for: MS-204781, Maria Fernández" in out
    assert "evidence pack: 1.1.0, current" in out

    resaved = tmp_path / "resaved.pdf"
    writer = PdfWriter(clone_from=PdfReader(sheet))
    with resaved.open("wb") as handle:
        writer.write(handle)
    code, out, _ = run_cli(capsys, "--register", register_url, "verify", str(resaved))
    assert code == 0
    assert "same content, but the file differs" in out

    foreign = PdfWriter()
    foreign.add_blank_page(200, 200)
    other = tmp_path / "other.pdf"
    with other.open("wb") as handle:
        foreign.write(handle)
    code, out, _ = run_cli(capsys, "--register", register_url, "verify", str(other))
    assert code == 1
    assert "made here: no" in out

    with open_register(parse_location(register_url)) as register, \
            register.engine.begin() as conn:
        conn.execute(text("UPDATE handouts SET pack_version = '1.0.0'"))
    code, out, _ = run_cli(capsys, "--register", register_url, "verify", str(sheet))
    assert code == 1
    assert "out of date (installed pack is 1.1.0)" in out


def test_verify_refuses_a_file_that_is_not_a_pdf(tmp_path, capsys):
    bad = tmp_path / "notes.pdf"
    bad.write_text("hello")
    code, _out, err = run_cli(capsys, "verify", str(bad))
    assert code == 2
    assert "not a PDF" in err
    assert "Traceback" not in err


def hostile_deidentified(register_url, tmp_path, capsys):
    """A de-identified report saved under the patient's name, record number and date of
    birth (all present in its context), plus a hand-edited de-identified row that still holds
    them and an identified context: what no output may show. The sheet's path."""
    ctx = write_context(tmp_path / "anon.json", deidentified_dict())
    sheet = tmp_path / f"{HIDDEN_NAME} {HIDDEN_MRN} {HIDDEN_DOB}.pdf"
    code, *_ = _build(capsys, sheet, "--register", register_url, context=ctx)
    assert code == 0
    planted = handout(deidentified_dict(), pack="1.0.0", content="feedc0ffee")
    with open_register(parse_location(register_url)) as register:
        register.add([planted])
        with register.engine.begin() as conn:
            conn.execute(text("UPDATE handouts SET patient_mrn = :mrn, patient_name = :name, "
                              "context_json = :ctx WHERE record_id = :id"),
                         {"mrn": HIDDEN_MRN, "name": HIDDEN_NAME, "id": planted.record_id,
                          "ctx": json.dumps(example_dict() | {"patient": {
                              "name": HIDDEN_NAME, "mrn": HIDDEN_MRN,
                              "date_of_birth": HIDDEN_DOB}})})
    return sheet


def test_deidentified_values_never_printed(tmp_path, capsys, register_url):
    sheet = hostile_deidentified(register_url, tmp_path, capsys)
    outputs = []
    for argv in (["register", "list"], ["register", "list", "--csv"],
                 ["register", "list", "--mrn", HIDDEN_MRN],
                 ["register", "list", "--pack-before", "9"],
                 ["register", "stale"], ["register", "stale", "-o", str(tmp_path / "s.csv")],
                 ["verify", str(sheet)]):
        outputs.append(run_cli(capsys, "--register", register_url, *argv))
    run_cli(capsys, "--register", register_url, "register", "export", "--csv",
            str(tmp_path / "audit.csv"))
    said = "".join(o + e for _c, o, e in outputs) + (tmp_path / "audit.csv").read_text() \
        + (tmp_path / "s.csv").read_text()
    for value in (HIDDEN_NAME, HIDDEN_MRN, HIDDEN_DOB, "Zelda", "Quintrell", "77731",
                  "1966"):
        assert value not in said
    assert "for: de-identified" in outputs[-1][1]
    assert outputs[2][1] == "no recorded reports match\n"
    assert len(outputs[0][1].splitlines()) == 2
    assert all("de-identified" in line for line in outputs[0][1].splitlines())


def test_list_filters_and_csv(tmp_path, capsys, register_url):
    old = handout(pack="1.0.0")
    other = example_dict("takes-opioids")
    with open_register(parse_location(register_url)) as register:
        register.add([old, handout(other)])
    base = ["--register", register_url, "register", "list"]
    _c, out, _ = run_cli(capsys, *base, "--mrn", "MS-330915")
    assert out.count("\n") == 1
    assert "Jordan Ellis" in out
    _c, out, _ = run_cli(capsys, *base, "--pack-before", "1.1.0")
    assert out.count("\n") == 1
    assert "MS-204781" in out
    _c, out, _ = run_cli(capsys, *base, "--since", "2999-01-01")
    assert out == "no recorded reports match\n"
    _c, out, _ = run_cli(capsys, *base, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2
    assert {r["patient_mrn"] for r in rows} == {"MS-204781", "MS-330915"}
    code, _out, err = run_cli(capsys, *base, "--since", "yesterday")
    assert code == 2
    assert "--since must be a date as YYYY-MM-DD" in err


def test_export_is_private_and_formula_safe(tmp_path, capsys, register_url):
    data = example_dict()
    data["clinician"]["name"] = "=HYPERLINK(\"http://x\")"
    with open_register(parse_location(register_url)) as register:
        register.add([handout(data)])
    out = tmp_path / "audit.csv"
    code, _o, err = run_cli(capsys, "--register", register_url, "register", "export",
                            "--csv", str(out))
    assert code == 0
    assert "1 records" in err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    row = next(csv.DictReader(out.open(encoding="utf-8")))
    assert row["clinician"].startswith("'=")


def test_stale_list_is_reissued_by_the_batch(tmp_path, capsys, register_url):
    """Old-pack sheets of two patients (one with a user template file) and a de-identified
    one: stale lists the two, the batch builds them unchanged, then nothing is stale."""
    template = tmp_path / "clinic.toml"
    run_cli(capsys, "templates", "export", "Standard Letter", str(template))
    first, second = example_dict(), example_dict("takes-opioids")
    records = [handout(first, pack="1.0.0"), handout(second, pack="1.0.0"),
               handout(deidentified_dict(), pack="1.0.0")]
    records[1] = records[1].__class__(**{**records[1].to_row(),
                                         "template_ref": str(template)})
    with open_register(parse_location(register_url)) as register:
        register.add(records)
    listing = tmp_path / "stale.csv"
    code, out, err = run_cli(capsys, "--register", register_url, "register", "stale",
                             "-o", str(listing))
    assert code == 0, err
    assert stat.S_IMODE(listing.stat().st_mode) == 0o600
    rows = list(csv.DictReader(listing.open(encoding="utf-8")))
    assert sorted(r["patient.mrn"] for r in rows) == ["MS-204781", "MS-330915"]
    assert {r["template"] for r in rows} == {"Standard Letter", str(template)}
    summary = run_batch(listing, tmp_path / "out", register=register_url)
    assert summary.failed == 0
    assert summary.count("built") == 2
    code, out, _ = run_cli(capsys, "--register", register_url, "register", "stale")
    assert out.count("\n") == 1  # the header only: everyone has a current sheet


def test_batch_records_every_row(tmp_path, register_url):
    listing = tmp_path / "list.csv"
    listing.write_bytes((EXAMPLES_DIR / "clinic-list.csv").read_bytes())
    summary = run_batch(listing, tmp_path / "out", jobs=2, register=register_url)
    built = summary.count("built")
    assert built > 0
    assert _count(register_url) == built
    again = run_batch(listing, tmp_path / "out", jobs=2, register=register_url)
    assert again.count("built") == 0
    assert _count(register_url) == built


def test_batch_records_in_one_transaction_per_manifest_save(tmp_path, register_url,
                                                           monkeypatch):
    """Every built row is recorded, in fewer transactions than rows: the rows built since the
    last manifest save go in together, just before the next save."""
    from ldn_report.batch import runner
    from ldn_report.register.store import Register

    listing = tmp_path / "list.csv"
    rows = (EXAMPLES_DIR / "clinic-list.csv").read_text(encoding="utf-8-sig").splitlines()
    listing.write_text("\n".join([rows[0], *(rows[1:] * 4)]) + "\n", encoding="utf-8")
    calls = {"add": 0, "save": 0}
    real_add, real_save = Register.add, runner.write_manifest

    def add(self, records):
        calls["add"] += 1
        return real_add(self, records)

    def save(folder, entries):
        calls["save"] += 1
        return real_save(folder, entries)

    monkeypatch.setattr(Register, "add", add)
    monkeypatch.setattr(runner, "write_manifest", save)
    summary = run_batch(listing, tmp_path / "out", jobs=2, register=register_url)
    built = summary.count("built")
    assert built >= 8
    assert _count(register_url) == built
    assert 1 <= calls["add"] <= calls["save"] < built


def test_batch_with_unreachable_register_still_builds(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_bytes((EXAMPLES_DIR / "clinic-list.csv").read_bytes())
    url = "postgresql://clinic@127.0.0.1:9/register"
    summary = run_batch(listing, tmp_path / "out", register=url)
    built = summary.count("built")
    assert built > 0
    problems = [w for w in summary.warnings if "handout register" in w]
    assert len(problems) == 1
    assert f"({built} rows not recorded yet)" in problems[0]
    assert queue.pending(parse_location(url)) == built


def test_cli_import_does_not_load_the_database_library():
    code = ("import sys, ldn_report.cli; "
            "print(any(m.split('.')[0] in ('sqlalchemy', 'alembic', 'psycopg') "
            "for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ}, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_an_unreadable_queue_is_moved_aside_not_overwritten(tmp_path, capsys):
    path = queue.queue_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe not text \x00" * 10)
    url = "postgresql://clinic@127.0.0.1:9/register"
    code, _out, err = _build(capsys, tmp_path / "a.pdf", "--register", url)
    assert code == 0
    assert "queued" in err
    kept = list(path.parent.glob(f"{path.name}.unreadable-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"\xff\xfe")
    assert queue.pending(parse_location(url)) == 1


def test_since_keeps_todays_records(tmp_path, capsys, register_url):
    import datetime as dt

    _build(capsys, tmp_path / "a.pdf", "--register", register_url)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    _c, out, _ = run_cli(capsys, "--register", register_url, "register", "list", "--since",
                         today)
    assert out.count("\n") == 1
    assert "MS-204781" in out


def test_an_unexpected_register_failure_never_blocks_a_report(tmp_path, capsys, monkeypatch):
    from ldn_report.register import store

    monkeypatch.setattr(store, "MIGRATIONS_DIR", tmp_path / "missing-migrations")
    code, out, err = _build(capsys, tmp_path / "a.pdf", "--register",
                            str(tmp_path / "r.sqlite3"))
    assert code == 0
    assert "wrote" in out
    assert err.count("\n") == 1
    assert "queued" in err
    assert "Traceback" not in err


# A database library that cannot be loaded: hidden from a real process before it starts.
_HIDE = ("import sys; sys.modules.update(dict.fromkeys({mods}, None)); "
         "from ldn_report.cli import main; sys.exit(main(sys.argv[1:]))")


@pytest.mark.parametrize(("hidden", "register", "named"), [
    (["psycopg"], "postgresql://clinic@127.0.0.1:9/register", "PostgreSQL driver psycopg"),
    (["sqlalchemy"], "register.sqlite3", "SQLAlchemy"),
    (["alembic"], "register.sqlite3", "Alembic"),
])
def test_a_missing_database_library_is_one_clear_message(tmp_path, hidden, register, named):
    """Every register command, build and batch: one line naming what is missing, no
    traceback; the register commands exit 4 (register unusable), build and batch still
    write their reports."""
    if not register.startswith("postgresql"):
        register = str(tmp_path / register)
    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(_a_pdf())
    listing = tmp_path / "list.csv"
    listing.write_bytes((EXAMPLES_DIR / "clinic-list.csv").read_bytes())
    code = _HIDE.format(mods=hidden)
    commands = {
        ("register", "list"): 4, ("register", "list", "--csv"): 4, ("register", "stale"): 4,
        ("register", "export", "--csv", str(tmp_path / "audit.csv")): 4,
        ("verify", str(sheet)): 4,
        ("build", "--example", "on-dmt-mood-pain", "-o", str(tmp_path / "a.pdf")): 0,
        ("batch", str(listing), "-o", str(tmp_path / "out"), "--jobs", "1"): 0,
    }
    for argv, want in commands.items():
        done = subprocess.run([sys.executable, "-c", code, "--register", register, *argv],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == want, (argv, done.stderr)
        assert "Traceback" not in done.stderr, argv
        said = [line for line in done.stderr.splitlines() if named in line]
        assert len(said) == 1, (argv, done.stderr)
        assert "cannot be loaded" in said[0]
        if want == 4:
            assert done.stderr.count("\n") == 1, (argv, done.stderr)
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def _a_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_clinic_register_set_up_as_the_readme_says(tmp_path, capsys, pg_server,
                                                     monkeypatch):
    """A login role that owns its database (no superuser) and an address with a query
    parameter: the first build creates the table, then every command works."""
    import psycopg

    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        role, db = f"ldn_{os.getpid()}", f"ldn_register_{os.getpid()}"
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'CREATE DATABASE "{db}" OWNER "{role}" ENCODING \'UTF8\'')
    server = pg_server.split("@", 1)[1]
    monkeypatch.setenv("LDN_REGISTER", f"postgresql://{role}@{server}/{db}?sslmode=disable")
    code, _out, err = _build(capsys, tmp_path / "a.pdf")
    assert code == 0
    assert err == ""
    code, out, _ = run_cli(capsys, "register", "list")
    assert code == 0
    assert "MS-204781" in out
    code, out, _ = run_cli(capsys, "verify", str(tmp_path / "a.pdf"))
    assert code == 0
    assert "made here: yes" in out
