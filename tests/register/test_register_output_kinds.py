"""Every way a report leaves the app from the command line is recorded with its output kind:
build PDF, HTML twin and accessible PDF; each batch row, standard and accessible."""

from __future__ import annotations

import csv

import pytest
from register_helpers import run_cli

from ldn_report.batch.runner import run_batch
from ldn_report.paths import EXAMPLES_DIR
from ldn_report.register.location import parse_location
from ldn_report.register.queries import list_handouts
from ldn_report.register.store import open_register


def _kinds(url: str) -> dict[str, str]:
    """File name -> recorded output kind."""
    with open_register(parse_location(url)) as register:
        return {r.destination.rsplit("/", 1)[-1]: r.output_kind
                for r in list_handouts(register)}


@pytest.mark.parametrize(("name", "extra", "kind"), [
    ("sheet.pdf", [], "pdf"),
    ("sheet.html", [], "html"),
    ("sheet.htm", [], "html"),
    ("tagged.pdf", ["--accessible"], "accessible_pdf"),
])
def test_build_records_its_output_kind(tmp_path, capsys, name, extra, kind):
    url = str(tmp_path / "register.sqlite3")
    code, _out, err = run_cli(capsys, "--register", url, "build", "--example",
                              "on-dmt-mood-pain", "-o", str(tmp_path / name), *extra)
    assert code == 0, err
    assert _kinds(url) == {name: kind}


@pytest.mark.parametrize(("accessible", "kind"), [(False, "pdf"), (True, "accessible_pdf")])
def test_batch_rows_record_their_output_kind(tmp_path, accessible, kind):
    url = str(tmp_path / "register.sqlite3")
    listing = tmp_path / "list.csv"
    with (EXAMPLES_DIR / "clinic-list.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:3]  # the header and two patients: enough, and quick
    with listing.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    summary = run_batch(listing, tmp_path / "out", register=url, accessible=accessible)
    built = {e.file for e in summary.entries if e.produced}
    assert built
    assert _kinds(url) == dict.fromkeys(built, kind)
