"""Patient context v1: validation names the field and the allowed values; round trips; schema."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from ldn_report.context import (
    FIELDS,
    context_from_dict,
    context_to_dict,
    json_schema,
    load_context,
    save_context,
)
from ldn_report.errors import InputError
from ldn_report.examples import example_names, load_example
from minimal_context import with_values

TODAY = dt.date(2026, 11, 25)
MINIMAL = {"schema_version": 1, "ms": {"phenotype": "RRMS"}, "dmt": {"status": "declined"}}


def with_(**changes):
    """MINIMAL with changes given as group__field=value."""
    return with_values(MINIMAL, {k.replace("__", "."): v for k, v in changes.items()})


def error_of(data) -> InputError:
    with pytest.raises(InputError) as info:
        context_from_dict(data, today=TODAY)
    return info.value


def test_minimal_context_gets_defaults():
    ctx = context_from_dict(MINIMAL, today=TODAY)
    assert ctx.appointment_date == TODAY
    assert ctx.goals == ()
    assert not ctx.safety_opioid_use


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (with_(surprise=1), "surprise", "not a field"),
        (with_(patient__nickname="x"), "patient.nickname", "not a field"),
        (with_(ms__phenotype="RRMS2"), "ms.phenotype", "CIS, RRMS, SPMS, PPMS, unknown"),
        (with_(dmt__status="maybe"), "dmt.status", "on_dmt_tolerating"),
        (with_(goals=["mood", "happiness"]), "goals[1]", "quality_of_life"),
        (with_(goals="mood"), "goals", "must be a list"),
        (with_(safety__opioid_use="yes"), "safety.opioid_use", "true or false"),
        (with_(patient__date_of_birth="2023-02-30"), "patient.date_of_birth", "not a real"),
        (with_(patient__date_of_birth="12/03/1980"), "patient.date_of_birth", "YYYY-MM-DD"),
        (with_(patient__date_of_birth="2030-01-01"), "patient.date_of_birth", "future"),
        (with_(appointment_date="1999-12-31"), "appointment_date", "between 2000 and 2100"),
        (with_(schema_version=2), "schema_version", "version 1"),
        (with_(patient__name=42), "patient.name", "must be text"),
        (with_(patient__name="A\x00B"), "patient.name", "control character"),
        (with_(notes="x" * 20_001), "notes", "at most 20000"),
        (with_(patient="Ann"), "patient", "must be an object"),
        ({"schema_version": 1, "dmt": {"status": "declined"}}, "ms.phenotype", "required"),
    ],
)
def test_bad_values_name_the_field_and_what_is_allowed(data, field, words):
    err = error_of(data)
    assert err.field == field
    assert words in str(err)


def test_notes_keep_line_breaks_but_names_do_not_take_them():
    ctx = context_from_dict(with_(notes="line one\r\nline two\tend"), today=TODAY)
    assert ctx.notes == "line one\nline two\tend"
    assert error_of(with_(patient__name="Ann\nLee")).field == "patient.name"


def test_round_trip_through_json_file(tmp_path):
    ctx = load_example("dmt-intolerant-neuroinflammation-nutrition")
    path = save_context(ctx, tmp_path / "ctx.json")
    assert load_context(path) == ctx
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert context_from_dict(context_to_dict(ctx)) == ctx


def test_load_context_reports_json_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "schema_version": 1,\n  "ms": {,\n}', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3, column 10") as info:
        load_context(path)
    assert str(path) in str(info.value)


def test_every_example_is_valid_and_the_required_ones_exist():
    names = example_names()
    for name in ("on-dmt-mood-pain", "declined-dmt-slow-progression", "takes-opioids",
                 "dmt-intolerant-neuroinflammation-nutrition", "deidentified"):
        assert name in names
    for name in names:
        load_example(name)


def test_schema_describes_every_field_and_forbids_unknown_keys():
    schema = json_schema()
    assert schema["additionalProperties"] is False
    for spec in FIELDS:
        node = schema
        *parents, leaf = spec.name.split(".")
        for parent in parents:
            node = node["properties"][parent]
            assert node["additionalProperties"] is False
        assert leaf in node["properties"], spec.name
    assert schema["properties"]["dmt"]["properties"]["status"]["enum"][0] == "on_dmt_tolerating"
    assert "phenotype" in schema["properties"]["ms"]["required"]
