"""The evidence pack: complete, traceable to the source summary, and loud when broken."""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from pathlib import Path

import pytest

from ldn_report.errors import EvidencePackError
from ldn_report.evidence import EvidencePackExpired, _normalise, default_pack, load_pack
from ldn_report.paths import EVIDENCE_DIR

SHARED = Path(__file__).resolve().parents[2] / "shared" / "evidence"


def copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(EVIDENCE_DIR, folder)
    return folder


def test_bundled_pack_loads_with_metadata():
    pack = default_pack()
    assert pack.version
    assert pack.produced <= pack.review_by
    assert "funding" in pack.funding_conflicts.lower() or "funded" in pack.funding_conflicts
    assert pack.update_policy


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/evidence is not beside the repo")
def test_pack_summary_is_the_shared_source_verbatim():
    source = (SHARED / "ldn-ms-evidence-summary.txt").read_text(encoding="utf-8")
    assert default_pack().summary_text == source


def test_every_number_of_the_summary_is_in_a_clinician_statement():
    pack = default_pack()
    clinician = " ".join(s.text for s in pack.statements.values() if s.audience == "clinician")
    for number in ("n=60", "4.5 mg", "3.3", "p=0.04", "6 points", "p<0.01", "1.6", "2.4",
                   "p=0.05"):
        assert number in clinician, number


SUMMARY_HEADINGS = {
    "Low-Dose Naltrexone for Multiple Sclerosis: Limited Evidence for Efficacy",
    "Current Evidence on LDN for MS",
    "Safety Profile",
    "Treatment Recommendations for MS",
    "When LDN Might Be Considered",
    "Important Caveats",
    "Monitoring and Expectations",
}


def test_every_line_of_the_summary_is_the_basis_of_a_statement():
    pack = default_pack()
    bases = [_normalise(b) for s in pack.statements.values() for b in s.basis]
    for line in pack.summary_text.splitlines():
        if line.strip() in SUMMARY_HEADINGS:
            continue
        assert any(b in _normalise(line) for b in bases), f"no statement rests on: {line}"


def test_references_resolve_and_show_only_seen_identifiers():
    pack = default_pack()
    assert [r.number for r in pack.references] == list(range(1, len(pack.references) + 1))
    cree = pack.reference("cree2010")
    assert ("doi:10.1002/ana.22006", "https://doi.org/10.1002/ana.22006") in cree.links()
    assert cree.pmid == "20695007"
    agrawal = pack.reference("agrawal2005")
    assert agrawal.doi == ""  # its DOI was not verified, so it is not printed
    assert "64(4)" not in agrawal.text  # nor its volume and pages
    assert "242(15)" not in pack.reference("ludwig2017").text
    assert "not been identified" in pack.reference("summary_care").text
    # [5] is printed as the probable source, identified by its title (references.md)
    probable = pack.reference("summary_safety")
    assert probable.probable
    assert probable.text.startswith("Probable source")
    assert "identified by its title" in probable.text
    assert "Patten DK" in probable.text
    assert "2018;38:382-389" in probable.text  # the issue number was not seen: not printed
    assert probable.doi == "10.1002/phar.2086"
    assert probable.pmid == ""


def test_the_other_controlled_studies_are_referenced_with_verified_fields_only():
    pack = default_pack()
    sharaf = pack.reference("sharafaddinzadeh2010")
    assert "Mult Scler. 2010;16(8):964-969." in sharaf.text
    assert sharaf.doi == ""
    assert sharaf.pmid == ""
    gironi = pack.reference("gironi2008")
    assert gironi.pmid == "18728058"
    assert gironi.doi == "10.1177/1352458508095828"
    assert "2008;14(8):1076-1083" in gironi.text
    assert "http" in gironi.verified  # where the to-verify fields were seen
    assert pack.reference("ms_society2010").url.endswith("releases/180804.php")
    assert all(r.verified for r in pack.references)
    assert {s.id for s in pack.studies} >= {"sharafaddinzadeh2010", "gironi2008"}


def test_pack_1_1_0_names_its_source_and_keeps_a_change_log():
    pack = default_pack()
    assert pack.version == "1.1.0"
    assert pack.changes[0].version == "1.1.0"
    assert pack.changes[0].changes
    assert [c.version for c in pack.changes][-1] == "1.0.0"
    assert "Dr. Oracle" in pack.source_name
    assert "254895" in pack.source_name
    assert pack.source_read == dt.date(2026, 11, 26)
    assert "not a systematic review" in pack.source_kind
    assert pack.field_tested is False


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('version = "1.1.0"\ndate', 'version = "1.0.9"\ndate', "newest change log entry"),
        ('date = "2026-11-26"\nchanges', 'date = "2027-01-01"\nchanges', "newest first"),
        ('source_read = "2026-11-26"', 'source_read = "someday"', "source_read must be a date"),
    ],
)
def test_a_broken_change_log_or_source_fails_loudly(tmp_path, old, new, message):
    folder = copy_pack(tmp_path)
    _edit(folder, "pack.toml", old, new)
    with pytest.raises(EvidencePackError, match=message):
        load_pack(folder)


def test_a_reference_must_say_where_it_was_verified(tmp_path):
    folder = copy_pack(tmp_path)
    _edit(folder, "references.toml", 'verified = "references.md [2]: seen 2026-11-25"\n', "")
    with pytest.raises(EvidencePackError, match=r"reference 2 \(raknes2017\) does not say where"):
        load_pack(folder)


def test_a_statement_placeholder_must_be_a_pack_field(tmp_path):
    folder = copy_pack(tmp_path)
    _edit(folder, "statements.toml", "made on {produced}", "made on {patient_name}")
    with pytest.raises(EvidencePackError, match="placeholder must be one of"):
        load_pack(folder)


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("statements.toml", 'cites = ["raknes2017"]', 'cites = ["nobody2020"]',
         "unknown reference"),
        ("references.toml", 'id = "raknes2017"', 'id = "cree2010"', "duplicate reference id"),
        ("statements.toml", 'id = "kp_not_dmt"', 'id = "kp_bottom_line"',
         "duplicate statement ids"),
        ("statements.toml", 'basis = "LDN should not replace', 'basis = "LDN should replace',
         "not found in the source summary"),
        ("references.toml", "number = 7", "number = 12", "reference numbers"),
    ],
)
def test_a_broken_pack_fails_loudly(tmp_path, name, old, new, message):
    folder = copy_pack(tmp_path)
    _edit(folder, name, old, new)
    with pytest.raises(EvidencePackError, match=message):
        load_pack(folder)


def test_an_uncited_reference_is_an_error(tmp_path):
    folder = copy_pack(tmp_path)
    text = (folder / "statements.toml").read_text(encoding="utf-8")
    (folder / "statements.toml").write_text(text.replace('"ludwig2017"', '"cree2010"'),
                                           encoding="utf-8")
    (folder / "studies.toml").write_text(
        (folder / "studies.toml").read_text(encoding="utf-8").replace('"ludwig2017"]',
                                                                      '"cree2010"]'),
        encoding="utf-8",
    )
    with pytest.raises(EvidencePackError, match=r"reference 4 \(ludwig2017\) is never cited"):
        load_pack(folder)


def test_pack_past_review_date_warns_but_loads():
    pack = default_pack()
    with pytest.warns(EvidencePackExpired, match="due for review"):
        load_pack(today=pack.review_by + dt.timedelta(days=1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_pack(today=pack.review_by)
