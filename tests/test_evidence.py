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
    assert [r.number for r in pack.references] == list(range(1, 8))
    cree = pack.reference("cree2010")
    assert ("doi:10.1002/ana.22006", "https://doi.org/10.1002/ana.22006") in cree.links()
    assert cree.pmid == "20695007"
    agrawal = pack.reference("agrawal2005")
    assert agrawal.doi == ""  # its DOI was not verified, so it is not printed
    for unidentified in ("summary_safety", "summary_care"):
        assert "not been identified" in pack.reference(unidentified).text


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
        ("statements.toml", 'id = "kp_not_dmt"', 'id = "kp_dose"', "duplicate statement ids"),
        ("statements.toml", 'basis = "LDN should not replace', 'basis = "LDN should replace',
         "not found in the source summary"),
        ("references.toml", "number = 7", "number = 9", "reference numbers"),
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
