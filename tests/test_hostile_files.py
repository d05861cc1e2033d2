"""Hostile files on every reading route: only regular files, bounded, never blocking; deep
nesting, huge numbers and duplicate keys refused with a message; one bad file skips alone."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from PIL import Image

from hostile_files import (
    BAD_JSON,
    BAD_TOML,
    HOSTILE_KINDS,
    HUGE_INT_TOML,
    KIND_WORDS,
    hostile_path,
    raises_input_error,
    write,
)
from ldn_report.batch.clinic_list import MAX_BYTES as MAX_LIST_BYTES
from ldn_report.batch.clinic_list import read_clinic_list
from ldn_report.context import MAX_CONTEXT_BYTES, load_context
from ldn_report.errors import InputError
from ldn_report.logo import MAX_LOGO_BYTES, check_logo
from ldn_report.templates.catalogue import list_templates, resolve_template, user_templates_dir
from ldn_report.templates.file_format import MAX_TOML_BYTES, load_template

pytestmark = pytest.mark.timeout(60)  # a blocking read fails the test instead of hanging it

GOOD_CONTEXT = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"}}
TEMPLATE = 'format_version = 1\nname = "Riverside"\n'


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ldn_report", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def _logo_template(folder: Path, logo: Path, name: str = "t.toml") -> Path:
    return write(folder / name, TEMPLATE + f'[branding]\nlogo = "{logo}"\n')


# Each reading route: (its size limit, a call that reads the path).
ROUTES = {
    "context": (MAX_CONTEXT_BYTES, load_context),
    "template": (MAX_TOML_BYTES, load_template),
    "clinic list": (MAX_LIST_BYTES, read_clinic_list),
    "logo": (MAX_LOGO_BYTES, check_logo),
    "template's logo": (MAX_LOGO_BYTES,
                        lambda p: load_template(_logo_template(p.parent, p, "uses-logo.toml"))),
}


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
@pytest.mark.parametrize("route", ROUTES)
def test_every_route_reads_only_regular_files_within_the_limit(route: str, kind: str,
                                                               tmp_path: Path) -> None:
    limit, read = ROUTES[route]
    with hostile_path(kind, tmp_path, "input", limit) as path:
        message = raises_input_error(lambda: read(path))
    assert KIND_WORDS[kind] in message, message


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "oversized"])
def test_the_cli_refuses_hostile_paths_with_exit_2(kind: str, tmp_path: Path) -> None:
    runs = []
    with hostile_path(kind, tmp_path, "in.json", MAX_CONTEXT_BYTES) as path:
        runs.append(cli("build", "--context", str(path), "-o", "r.pdf", cwd=tmp_path))
    with hostile_path(kind, tmp_path, "in.toml", MAX_TOML_BYTES) as path:
        runs.append(cli("build", "--example", "on-dmt-mood-pain", "--template", str(path),
                        "-o", "r.pdf", cwd=tmp_path))
    with hostile_path(kind, tmp_path, "in.csv", MAX_LIST_BYTES) as path:
        runs.append(cli("batch", str(path), "-o", str(tmp_path / "out"), cwd=tmp_path))
    for run in runs:
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        assert KIND_WORDS[kind] in run.stderr, run.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_a_logo_swapped_for_a_fifo_after_the_check_prints_without_it(tmp_path: Path) -> None:
    """The renderer reads the logo again: that read must not block either."""
    from ldn_report.build import build_report
    from ldn_report.context import context_from_dict

    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 30), (0, 90, 0)).save(logo)
    template = load_template(_logo_template(tmp_path, logo))
    logo.unlink()
    with hostile_path("fifo", tmp_path, "logo.png"):
        result = build_report(context_from_dict(GOOD_CONTEXT), template)
    assert result.page_count >= 2


# -- deep nesting, huge numbers, duplicate keys ---------------------------------------------

@pytest.mark.parametrize("case", BAD_JSON)
def test_hostile_context_json_is_refused_with_its_line(case: str, tmp_path: Path) -> None:
    content, word = BAD_JSON[case]
    path = write(tmp_path / "c.json", content)
    message = raises_input_error(lambda: load_context(path))
    assert word in message, message
    assert "c.json" in message
    run = cli("build", "--context", str(path), "-o", "r.pdf", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert word in run.stderr


@pytest.mark.parametrize("case", BAD_TOML)
def test_hostile_template_toml_is_refused_with_its_line(case: str, tmp_path: Path) -> None:
    content, word = BAD_TOML[case]
    path = write(tmp_path / "t.toml", content)
    assert word in raises_input_error(lambda: load_template(path))
    run = cli("templates", "validate", str(path), cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e999", "+nan"])
@pytest.mark.parametrize("key", ["page.margin_mm", "schedule.week"])
def test_non_finite_template_numbers_say_what_is_allowed(key: str, value: str,
                                                         tmp_path: Path) -> None:
    if key == "page.margin_mm":
        body = f"[page]\nmargin_mm = {value}\n"
    else:
        body = f'[[schedule]]\nwhen = "a"\nwhat = "b"\nwho = "c"\nweek = {value}\n'
    message = raises_input_error(lambda: load_template(write(tmp_path / "t.toml",
                                                             TEMPLATE + body)))
    assert "must be a finite number between" in message, message
    assert "not a number" not in message


@pytest.mark.parametrize(("content", "key"), [
    ('{"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"}, '
     '"patient": {"deidentified": true, "deidentified": false}}', "patient.deidentified"),
    ('{"schema_version": 1, "schema_version": 1, "ms": {"phenotype": "RRMS"}, '
     '"dmt": {"status": "declined"}}', "schema_version"),
    ('{"schema_version": 1, "ms": {"phenotype": "RRMS"}, "ms": {"phenotype": "PPMS"}, '
     '"dmt": {"status": "declined"}}', "ms"),
])
def test_a_key_given_twice_is_refused_naming_its_path(content: str, key: str,
                                                      tmp_path: Path) -> None:
    path = write(tmp_path / "c.json", content)
    with pytest.raises(InputError) as caught:
        load_context(path)
    assert caught.value.field == key
    assert "given twice" in caught.value.message


def test_a_clinic_list_cell_with_a_huge_number_fails_its_row_only(tmp_path: Path) -> None:
    path = write(tmp_path / "l.csv", "schema_version,ms.phenotype,dmt.status\n"
                 f"{'1' * 5000},RRMS,declined\n1,RRMS,declined\n")
    rows = read_clinic_list(path).rows
    assert rows[0].error_column == "schema_version"
    assert "must be the number 1" in rows[0].error
    assert len(rows[0].error) < 200
    assert rows[1].ok


# -- one bad file in the user templates folder ------------------------------------------------

def _bad_user_templates() -> Path:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    write(folder / "deep.toml", BAD_TOML["1000 nested arrays"][0])
    write(folder / "huge.toml", HUGE_INT_TOML)
    write(folder / "dup.toml", TEMPLATE + 'name = "Y"\n')
    write(folder / "good.toml", 'format_version = 1\nname = "Good Clinic"\n')
    with hostile_path("fifo", folder, "fifo.toml"):
        pass  # leaves the FIFO in place
    write(folder / "logo.toml", 'format_version = 1\nname = "Logo Clinic"\n'
          f'[branding]\nlogo = "{folder / "fifo.toml"}"\n')
    return folder


def test_bad_user_templates_are_skipped_with_a_warning_naming_each(tmp_path: Path) -> None:
    _bad_user_templates()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = [t.name for t in list_templates()]
    assert "Good Clinic" in names
    shown = " ".join(str(w.message) for w in caught)
    for name in ("deep.toml", "huge.toml", "dup.toml", "fifo.toml", "logo.toml"):
        assert name in shown, shown
    assert resolve_template("Good Clinic").name == "Good Clinic"


def test_bad_user_templates_never_break_named_builds_or_batches(tmp_path: Path) -> None:
    _bad_user_templates()
    build = cli("build", "--example", "on-dmt-mood-pain", "--template", "Good Clinic",
                "-o", "r.pdf", cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    assert "deep.toml" in build.stderr  # skipped, and said so
    listing = write(tmp_path / "l.csv", "ms.phenotype,dmt.status,template\n"
                    "RRMS,declined,Good Clinic\nRRMS,declined,\n")
    batch = cli("batch", str(listing), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert batch.returncode == 0, batch.stderr
    assert "Traceback" not in batch.stderr


# -- the app's own files: settings and drafts ---------------------------------------------------

SETTINGS_CASES = {**{k: v[0] for k, v in BAD_JSON.items()},
                  "a key twice": '{"autosave_seconds": 5, "autosave_seconds": 9}'}


@pytest.mark.parametrize("case", SETTINGS_CASES)
def test_hostile_settings_fall_back_to_defaults_with_a_warning(case: str) -> None:
    from ldn_report.gui.app_settings import AppSettings

    path = AppSettings.path()
    path.parent.mkdir(parents=True)
    write(path, SETTINGS_CASES[case])
    with pytest.warns(UserWarning, match="settings not used"):
        assert AppSettings.load() == AppSettings()


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "oversized"])
def test_settings_that_are_not_a_regular_file_do_not_hang(kind: str) -> None:
    from ldn_report.gui.app_settings import MAX_SETTINGS_BYTES, AppSettings

    path = AppSettings.path()
    path.parent.mkdir(parents=True)
    with hostile_path(kind, path.parent, path.name, MAX_SETTINGS_BYTES), \
            pytest.warns(UserWarning, match="settings not used"):
        assert AppSettings.load() == AppSettings()


# A pid no process has (above the kernel's pid_max): the draft is one a crash left behind.
DRAFT = {"draft_format": 1, "pid": 2**22 + 7, "saved_at": "2026-01-01T10:00:00",
         "source_path": "", "values": {"patient.name": "Ann"}}


@pytest.mark.parametrize("case", [*BAD_JSON, "a key twice", "fifo", "numbers in values",
                                  "huge pid"])
def test_hostile_drafts_are_skipped(case: str) -> None:
    from ldn_report.gui.drafts import DraftStore, drafts_dir, read_draft

    folder = drafts_dir()
    folder.mkdir(parents=True)
    path = folder / "draft-hostile.json"
    good = write(folder / "draft-good.json", json.dumps(DRAFT))
    if case == "fifo":
        with hostile_path("fifo", folder, path.name):
            pass
    elif case == "a key twice":
        write(path, json.dumps(DRAFT)[:-1] + ', "pid": 5}')
    elif case == "numbers in values":
        write(path, json.dumps({**DRAFT, "values": {"goals": 5, "patient.name": {"a": 1},
                                                    "notes": "kept"}}))
    elif case == "huge pid":
        write(path, json.dumps({**DRAFT, "pid": 10**90}))
    else:
        write(path, BAD_JSON[case][0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = DraftStore().left_behind()
        draft = read_draft(path)
    assert good in [d.path for d in found]
    if case == "numbers in values":
        assert draft is not None
        assert draft.values == {"notes": "kept"}
    else:
        assert draft is None


def test_a_shared_template_with_a_fifo_logo_never_hangs_a_batch(tmp_path: Path) -> None:
    with hostile_path("fifo", tmp_path, "logo.png") as logo:
        shared = _logo_template(tmp_path, logo, "shared.toml")
        listing = write(tmp_path / "l.csv", "ms.phenotype,dmt.status,template\n"
                        "RRMS,declined,shared.toml\nRRMS,declined,\n")
        by_option = cli("batch", str(listing), "-o", str(tmp_path / "a"), "--template",
                        str(shared), cwd=tmp_path)
        by_cell = cli("batch", str(listing), "-o", str(tmp_path / "b"), "--jobs", "1",
                      cwd=tmp_path)
    assert by_option.returncode == 2, by_option.stderr
    assert "FIFO" in by_option.stderr
    assert by_cell.returncode == 1, by_cell.stderr  # that row fails, the other is built
    assert "row 2, template: " in by_cell.stderr
    assert "FIFO" in by_cell.stderr
    assert len(list((tmp_path / "b").glob("*.pdf"))) == 1
