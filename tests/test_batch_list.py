"""Reading clinic-list CSVs as spreadsheets export them: BOM, semicolons, CRLF, bad rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ldn_report.batch.clinic_list import HEADER, ClinicRow, read_clinic_list
from ldn_report.batch.runner import output_name
from ldn_report.context import (
    CHOICE_LABELS,
    DMT_STATUSES,
    FIELDS,
    FIELDS_BY_NAME,
    GOALS,
    PHENOTYPES,
    context_from_dict,
    context_to_dict,
    flatten,
)
from ldn_report.errors import InputError
from ldn_report.untrusted.text_policy import hidden_character

TODAY = dt.date(2026, 11, 30)


def write(tmp_path, text: str, bom: bool = False, name: str = "list.csv"):
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_bom_semicolons_crlf_quoted_goals(tmp_path):
    text = (
        "patient.name;ms.phenotype;dmt.status;goals;safety.opioid_use;notes\r\n"
        '"Lopez; Maria";rrms;declined;"mood;pain; fatigue";YES;"line one\r\nline two"\r\n'
        "Berg;SPMS;none_yet;;0;\r\n"
    )
    rows = read_clinic_list(write(tmp_path, text, bom=True), today=TODAY).rows
    assert [r.row for r in rows] == [2, 3]
    first, second = (r.context for r in rows)
    assert first.patient_name == "Lopez; Maria"
    assert first.ms_phenotype == "RRMS"  # enum values match regardless of case
    assert first.goals == ("mood", "pain", "fatigue")
    assert first.safety_opioid_use is True
    assert first.notes == "line one\nline two"
    assert first.schema_version == 1  # absent column: format version 1
    assert second.goals == ()
    assert second.safety_opioid_use is False
    assert second.appointment_date == TODAY


def test_comma_file_with_every_boolean_spelling(tmp_path):
    spellings = {"yes": True, "no": False, "true": True, "false": False, "1": True, "0": False,
                 "Yes": True, "FALSE": False, "Y": True, "n": False, "x": True, "X": True,
                 " y ": True, "N": False, "": False, "\u2713": True}
    bools = [spec.name for spec in FIELDS if spec.kind == "bool"]
    lines = ["ms.phenotype,dmt.status," + ",".join(bools)]
    lines += [f"RRMS,declined,{','.join([word] * len(bools))}" for word in spellings]
    rows = read_clinic_list(write(tmp_path, "\n".join(lines)), today=TODAY).rows
    for row, expected in zip(rows, spellings.values(), strict=True):
        assert row.ok, row.problems
        assert {name: row.context.get(name) for name in bools} == dict.fromkeys(bools, expected)


def test_form_labels_work_as_values_and_headers_in_any_case(tmp_path):
    """Every label the form shows for a choice (and for a column) reads as its code."""
    for name, labels in CHOICE_LABELS.items():
        spec = FIELDS_BY_NAME[name]
        for code, label in labels.items():
            for spelling in (label, label.upper(), f"  {label.lower()}  ", code.upper()):
                cell = f'"{spelling}"'
                flat = {"ms.phenotype": "RRMS", "dmt.status": "declined", name: cell}
                header = ",".join(FIELDS_BY_NAME[n].label for n in flat)
                text = header + "\n" + ",".join(flat.values()) + "\n"
                (row,) = read_clinic_list(write(tmp_path, text), today=TODAY).rows
                assert row.ok, (spelling, row.problems)
                value = row.context.get(name)
                assert value == ((code,) if spec.kind == "enum_list" else code), spelling
                assert row.unset == ()  # "Not recorded" is a choice, not an empty cell
    text = ("Type of MS,DMT.status,goals\n"
            '"Relapsing-remitting MS","On a DMT but not tolerating it",'
            '"Thinking and memory; mood,Replace a DMT"\n')
    (row,) = read_clinic_list(write(tmp_path, text), today=TODAY).rows
    assert (row.context.ms_phenotype, row.context.dmt_status) == ("RRMS",
                                                                  "on_dmt_not_tolerating")
    assert row.context.goals == ("cognition", "mood", "replace_dmt")
    # as a spreadsheet's autocorrect leaves them: an en dash, full-width letters
    text = "Type of MS,dmt.status\nRelapsing\u2013remitting MS,\uff2e\uff4f DMT yet\n"
    (row,) = read_clinic_list(write(tmp_path, text), today=TODAY).rows
    assert (row.context.ms_phenotype, row.context.dmt_status) == ("RRMS", "none_yet")


def test_a_bad_choice_names_the_codes_and_the_form_words(tmp_path):
    text = "ms.phenotype,dmt.status\nRelapsing MS,declined\n"
    (row,) = read_clinic_list(write(tmp_path, text), today=TODAY).rows
    assert row.error_column == "ms.phenotype"
    assert "this value is not allowed" in row.error
    assert "Relapsing" not in row.error
    assert "RRMS" in row.error
    assert "or the words the app's form shows" in row.error


def test_empty_required_choices_build_as_unknown_and_are_named_unset(tmp_path):
    text = ("patient.name,ms.phenotype,dmt.status,goals\n"
            "Ann,,,mood\n"            # both empty: unset
            "Bo,unknown,Not recorded,\n"  # chosen explicitly: not unset
            "Cy,  ,none_yet,\n"       # blank is empty
            "Di,SPMS,,pain\n")
    rows = read_clinic_list(write(tmp_path, text), today=TODAY).rows
    assert [r.ok for r in rows] == [True] * 4
    assert [r.unset for r in rows] == [("ms.phenotype", "dmt.status"), (), ("ms.phenotype",),
                                       ("dmt.status",)]
    # the same context as an explicit "unknown": the same report, the same neutral wording
    for row in rows[:2]:
        assert (row.context.ms_phenotype, row.context.dmt_status) == ("unknown", "unknown")
    assert rows[2].context.ms_phenotype == rows[3].context.dmt_status == "unknown"


def test_every_problem_of_a_row_is_collected_with_its_column(tmp_path):
    text = ("ms.phenotype,dmt.status,goals,safety.opioid_use,patient.date_of_birth,"
            "appointment_date,schema_version\n"
            "XX,maybe,mood;flying;swim,perhaps,1984-13-45,2026-02-31,7\n"
            ",,,no,,,\n")
    bad, empty = read_clinic_list(write(tmp_path, text), today=TODAY).rows
    assert not bad.ok
    assert [p.column for p in bad.problems] == [
        "ms.phenotype", "dmt.status", "goals", "safety.opioid_use", "schema_version",
        "patient.date_of_birth", "appointment_date"]
    by_column = {p.column: p.message for p in bad.problems}
    assert "values 2, 3 are not allowed" in by_column["goals"]
    assert not any(v in " ".join(by_column.values()) for v in ("XX", "flying", "1984-13-45"))
    assert "not a real calendar date" in by_column["appointment_date"]
    assert "format version 1 only" in by_column["schema_version"]
    assert bad.unset == ()  # a bad value is an error, never "unset"
    assert empty.ok
    assert empty.unset == ("ms.phenotype", "dmt.status")


def test_bad_rows_name_row_and_column_and_good_rows_survive(tmp_path):
    text = (
        "patient.name,ms.phenotype,dmt.status,safety.opioid_use,appointment_date,goals\n"
        "Ann,RRMS,declined,no,2026-12-01,mood\n"          # row 2: good
        "Bob,RRMS,maybe,no,2026-12-01,\n"                  # row 3: bad enum
        '"Cy\nwith a line break",RRMS,declined,perhaps,2026-12-01,\n'  # row 4: bad bool
        "\n"                                               # row 5: blank, skipped
        "Di,RRMS,declined,no,2026-02-31,\n"                # row 6: impossible date
        "Ed,RRMS,declined,no,2026-12-01,mood;flying\n"     # row 7: bad goal
        "Flo,RRMS,declined,no,2026-12-01,,surplus\n"       # row 8: too many cells
        "Gus,,declined,no,2026-12-01,\n"                   # row 9: required, empty: unset
        "Hal,SPMS,none_yet,true,2026-12-01,pain\n"         # row 10: good
    )
    rows = {r.row: r for r in read_clinic_list(write(tmp_path, text), today=TODAY).rows}
    assert sorted(rows) == [2, 3, 4, 6, 7, 8, 9, 10]
    assert rows[2].ok
    assert rows[10].ok
    assert rows[9].ok  # an empty required choice builds as "unknown" and is named as unset
    assert rows[9].unset == ("ms.phenotype",)
    assert rows[9].context.ms_phenotype == "unknown"
    # Messages say what is wrong and allowed, never the cell's value (it may be a shifted MRN).
    expected = {3: ("dmt.status", "this value is not allowed; use one of"),
                4: ("safety.opioid_use", "is not yes/no"),
                6: ("appointment_date", "not a real calendar date"),
                7: ("goals", "value 2 is not allowed; use one of"),
                8: ("column 7", "has 7 cells but the header has 6")}
    for number, (column, message) in expected.items():
        assert not rows[number].ok
        assert rows[number].error_column == column
        assert message in rows[number].error
        assert not {"maybe", "perhaps", "flying", "2026-02-31"} & set(
            re.findall(r"[\w-]+", rows[number].error))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\n\n  \n", "is empty"),
        (b"ms.phenotype,dmt.status,colour\nRRMS,declined,blue\n",
         "column(s) 3 of the first line are not known"),
        (b"RRMS,declined\nSPMS,none_yet\n", "column(s) 1, 2 of the first line are not known"),
        (b"patient.name,notes\nAnn,hi\n", "required column(s) missing: ms.phenotype, dmt.status"),
        (b"ms.phenotype,dmt.status,ms.phenotype\n", "ms.phenotype: appears twice"),
        (b"ms.phenotype,dmt.status\nRRMS,declined\n\xff\xfe\n", "is not UTF-8 text"),
        (b"\xff\xfem\x00s\x00", "is UTF-16 text"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary data"),
        (b'ms.phenotype,dmt.status\n"RRMS,declined\n', "is not valid CSV"),
        (b"ms.phenotype,dmt.status,\nRRMS,declined,stray\n", "column 3: has values but no name"),
    ],
)
def test_unusable_file_raises_input_error(tmp_path, content, message):
    path = tmp_path / "clinic.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_clinic_list(path, today=TODAY)
    assert message in str(info.value)
    assert str(info.value).startswith("clinic.csv: ")


def test_header_is_case_insensitive_and_trailing_empty_columns_are_ignored(tmp_path):
    text = "MS.Phenotype ,DMT.STATUS,Template,,\nPPMS,declined,Large print,,\n"
    (row,) = read_clinic_list(write(tmp_path, text), today=TODAY).rows
    assert row.ok
    assert row.template == "Large print"


def test_schema_version_column_is_checked(tmp_path):
    text = ("schema_version,ms.phenotype,dmt.status\n"
            "1,RRMS,declined\n2,RRMS,declined\n,RRMS,none_yet\n")
    rows = read_clinic_list(write(tmp_path, text), today=TODAY).rows
    assert rows[0].ok
    assert rows[2].ok
    assert rows[1].error_column == "schema_version"


def test_example_clinic_list_reads_cleanly(repo_root):
    clinic = read_clinic_list(repo_root / "resources" / "examples" / "clinic-list.csv")
    assert clinic.rows
    assert all(r.ok for r in clinic.rows), [r.error for r in clinic.rows]
    assert any(r.context.patient_deidentified for r in clinic.rows)


def _row(number: int, **values) -> ClinicRow:
    flat = {"schema_version": 1, "ms.phenotype": "RRMS", "dmt.status": "declined", **values}
    return ClinicRow(number, context_from_dict(flat, today=TODAY), "")


def test_output_names_are_safe_and_deidentified_rows_never_use_the_name():
    assert output_name(_row(2, **{"patient.name": "Maria Lopez", "patient.mrn": "MRN-77"})) \
        == "0002-Maria-Lopez.pdf"
    hidden = _row(3, **{"patient.name": "Maria Lopez", "patient.mrn": "MRN-77",
                        "patient.deidentified": True})
    assert output_name(hidden) == "0003-deidentified.pdf"
    assert output_name(_row(4, **{"patient.name": "../../etc/passwd"})) == "0004-etc-passwd.pdf"
    assert output_name(_row(5, **{"patient.name": "<b>&</b>"})) == "0005-b-b.pdf"
    vietnamese = _row(6, **{"patient.name": "Nguyễn Thị Hương"})
    assert output_name(vietnamese) == "0006-Nguyễn-Thị-Hương.pdf"
    assert output_name(_row(7)) == "0007-patient.pdf"
    assert output_name(_row(12345)) == "12345-patient.pdf"


# --- property: any valid context, written as a spreadsheet would, reads back the same ----------

_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30).map(str.strip)
# A name holds no invisible or direction-changing characters (they are refused, not removed).
_name = _text.filter(lambda s: hidden_character(unicodedata.normalize("NFC", s)) is None)
_contexts = st.fixed_dictionaries(
    {
        "schema_version": st.just(1),
        "ms.phenotype": st.sampled_from(PHENOTYPES),
        "dmt.status": st.sampled_from(DMT_STATUSES),
    },
    optional={
        "patient.name": _name,
        "patient.deidentified": st.booleans(),
        "dmt.name": _text,
        "goals": st.lists(st.sampled_from(GOALS), unique=True),
        "safety.opioid_use": st.booleans(),
        "nutrition_concern": st.booleans(),
        "appointment_date": st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)),
        "notes": st.text(st.characters(blacklist_categories=("Cc", "Cs"))
                         | st.sampled_from(["\n", "\t"]), max_size=60).filter(str.strip),
    },
)


def _cell(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_contexts, delimiter=st.sampled_from([",", ";"]), bom=st.booleans(),
       crlf=st.booleans())
def test_any_context_round_trips_through_a_spreadsheet_csv(tmp_path, data, delimiter, bom, crlf):
    expected = context_from_dict(dict(data), today=TODAY)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(HEADER)
    flat = flatten(context_to_dict(expected))
    writer.writerow([_cell(flat.get(name, "")) for name in HEADER])
    path = tmp_path / "rt.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    (row,) = read_clinic_list(path, today=TODAY).rows
    assert row.error == ""
    assert row.context == expected
