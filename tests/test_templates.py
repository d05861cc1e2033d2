"""Clinic templates: TOML load and validation, the catalogue, saving, logos, and the CLI."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from ldn_report.cli import main
from ldn_report.errors import InputError
from ldn_report.logo import MAX_LOGO_BYTES, check_logo, downscale_logo, logo_too_big
from ldn_report.templates.catalogue import (
    BUILTIN_FILES,
    builtin_templates,
    export_template,
    list_templates,
    resolve_template,
    save_user_template,
    user_templates_dir,
)
from ldn_report.templates.file_format import (
    load_template,
    save_template,
    template_from_toml,
    template_to_toml,
)
from ldn_report.templates.model import EVIDENCE_SECTIONS, SECTION_IDS

MINIMAL = 'format_version = 1\nname = "Riverside MS"\n'
BUILTIN_NAMES = ["Standard Letter", "Standard A4", "Large print", "Discussion record only",
                 "Clinician evidence brief"]


def write(tmp_path: Path, text: str, name: str = "t.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def png(path: Path, size: tuple[int, int] = (120, 60)) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


# -- built-ins and the catalogue ------------------------------------------------------------------

def test_builtins_load_in_catalogue_order_and_are_read_only():
    names = [t.name for t in builtin_templates()]
    assert names == BUILTIN_NAMES
    assert all(t.builtin for t in builtin_templates())
    assert len(BUILTIN_FILES) == len(names)
    assert [t.name for t in list_templates()] == BUILTIN_NAMES  # no user templates yet


def test_builtin_variants_differ_where_they_should():
    by = {t.name: t for t in builtin_templates()}
    assert by["Standard Letter"].page.size == "letter"
    assert by["Standard A4"].page.size == "a4"
    assert by["Large print"].large_print
    assert not by["Standard Letter"].large_print
    assert [s.id for s in by["Discussion record only"].visible_sections()] == [
        "header", "key_points", "opioid_safety", "discussion_record"]
    assert by["Discussion record only"].signature_roles == ("Patient", "Clinician", "Interpreter")
    record = next(s for s in by["Discussion record only"].sections if s.id == "discussion_record")
    assert not record.starts_new_page  # flows after the opioid safety text: stays short
    standard = next(s for s in by["Standard Letter"].sections if s.id == "discussion_record")
    assert standard.starts_new_page
    assert [s.id for s in by["Clinician evidence brief"].visible_sections()] == [
        "header", "key_points", "opioid_safety", "evidence_summary", "references"]


@pytest.mark.parametrize(("value", "expected"), [
    (None, "Standard Letter"), ("standard-a4", "Standard A4"), ("LARGE PRINT", "Large print"),
    ("discussion record only", "Discussion record only"),
    ("clinician-evidence-brief", "Clinician evidence brief"),
])
def test_resolve_by_name_or_slug(value, expected):
    assert resolve_template(value).name == expected


def test_resolve_unknown_name_lists_the_choices():
    with pytest.raises(InputError) as err:
        resolve_template("Fancy")
    assert err.value.field == "--template"
    assert "Standard A4" in str(err.value)


def test_round_trip_through_toml_keeps_every_setting(tmp_path):
    for template in builtin_templates():
        text = template_to_toml(template)
        again = template_from_toml(text, builtin=True)
        assert again == template, template.name


def test_minimal_file_gets_defaults_and_user_flag(tmp_path):
    t = load_template(write(tmp_path, MINIMAL))
    assert t.name == "Riverside MS"
    assert not t.builtin
    assert [s.id for s in t.visible_sections()] == list(SECTION_IDS)
    assert t.footer_name == "Riverside MS (customized template)"
    assert builtin_templates()[0].footer_name == "Standard Letter"


def test_unlisted_sections_are_kept_hidden_in_file_order(tmp_path):
    text = MINIMAL + '[[sections]]\nid = "safety"\n[[sections]]\nid = "header"\nheading = "Hi"\n'
    t = load_template(write(tmp_path, text))
    # the locked opioid safety section is shown even when not listed, after the safety section
    assert [s.id for s in t.visible_sections()] == ["safety", "opioid_safety", "header"]
    assert t.visible_sections()[2].title == "Hi"
    assert {s.id for s in t.sections} == set(SECTION_IDS)


# -- bad input: each names its key (and line) --

BAD = [
    ("[branding]\naccent_colour = \"teal\"\n", "branding.accent_colour", "not a colour", 4),
    ("[branding]\naccent_colour = \"#12345G\"\n", "branding.accent_colour", "not a colour", 4),
    ("[branding]\ncolour = \"#123456\"\n", "branding.colour", "not a template setting", 4),
    ("flavour = 1\n", "flavour", "not a template setting", 3),
    ("[page]\nsize = \"A5\"\n", "page.size", "letter, a4", 4),
    ("[page]\nmargin_mm = \"wide\"\n", "page.margin_mm",
     "must be a finite number between 10 and 40, not text", 4),
    ("[page]\nmargin_mm = 2\n", "page.margin_mm", "is 2; it must be a finite number between 10", 4),
    ("[page]\nmargin_mm = inf\n", "page.margin_mm", "must be a finite number between 10 and 40", 4),
    ("[page]\nmargin_mm = nan\n", "page.margin_mm", "must be a finite number between 10 and 40", 4),
    ("[[schedule]]\nwhen = \"a\"\nwhat = \"b\"\nwho = \"c\"\nweek = -inf\n", "schedule[1].week",
     "must be a finite number between 0 and 520", 7),
    ("text_size = \"huge\"\n", "text_size", "standard, large", 3),
    ("[branding]\nletterhead = \"yes\"\n", "branding.letterhead", "true or false", 4),
    ("[text]\ncontact = \"Call {phone}\"\n", "text.contact", "unknown placeholder {phone}", 4),
    ("[text]\nintro = \"x\"\n", "text.intro", "not a template setting", 4),
    ("[text]\ncontact = \"**Call\"\n", "text.contact", "not closed", 4),
    ("[[sections]]\nid = \"header\"\nvisible = false\n", "sections", "no section is shown", None),
    ("[[sections]]\nid = \"gossip\"\n", "sections[1].id", "not a report section", 4),
    ("[[sections]]\nid = \"safety\"\n[[sections]]\nid = \"safety\"\n", "sections[2].id",
     "listed twice", 6),
    ("[[sections]]\nid = \"references\"\nnumbering = \"roman\"\n", "sections[1].numbering",
     "locked to the evidence pack", 5),
    ("[[sections]]\nid = \"evidence_summary\"\ncitations = []\n", "sections[1].citations",
     "locked to the evidence pack", 5),
    ("[[schedule]]\nwhen = \"Week 1\"\nwhat = \"Call\"\n", "schedule[1].who", "required", None),
    ("schedule = []\n", "schedule", "at least one row", 3),
    ("[discussion_record]\nsignatures = [\"notary\"]\n", "discussion_record.signatures[1]",
     "patient, clinician, interpreter, witness", 4),
    ("language = \"English (UK)\"\n", "language", "not a language tag", 3),
    ("[branding]\nlogo = \"missing.png\"\n", "branding.logo", "not found", 4),
]


@pytest.mark.parametrize(("extra", "field", "words", "line"), BAD)
def test_bad_template_names_the_key(tmp_path, extra, field, words, line):
    path = write(tmp_path, MINIMAL + extra)
    with pytest.raises(InputError) as err:
        load_template(path)
    assert err.value.field == field
    assert words in err.value.message
    assert str(path) in err.value.where
    if line is not None:
        assert err.value.where.endswith(f"line {line}")


def test_malformed_toml_gives_line_and_column(tmp_path):
    path = write(tmp_path, MINIMAL + "[page\nsize = \"a4\"\n")
    with pytest.raises(InputError) as err:
        load_template(path)
    assert "not valid TOML" in str(err.value)
    assert "line 3, column 6" in str(err.value)


def test_wrong_format_version_and_missing_name(tmp_path):
    with pytest.raises(InputError, match="format 1 only"):
        load_template(write(tmp_path, 'format_version = 2\nname = "x"\n'))
    with pytest.raises(InputError) as err:
        load_template(write(tmp_path, "format_version = 1\n"))
    assert err.value.field == "name"


def test_huge_or_binary_template_file(tmp_path):
    big = write(tmp_path, MINIMAL + "# " + "x" * 1_100_000 + "\n")
    with pytest.raises(InputError, match="at most"):
        load_template(big)
    binary = tmp_path / "b.toml"
    binary.write_bytes(b"\xff\xfe\x00name")
    with pytest.raises(InputError, match="is UTF-16 text; only UTF-8"):
        load_template(binary)


# -- logos --

def test_logo_path_is_relative_to_the_template_file(tmp_path):
    png(tmp_path / "logo.png")
    t = load_template(write(tmp_path, MINIMAL + '[branding]\nlogo = "logo.png"\n'))
    assert Path(t.branding.logo) == (tmp_path / "logo.png").resolve()
    assert 'logo = "logo.png"' in template_to_toml(t, tmp_path)


def test_corrupt_logo(tmp_path):
    good = png(tmp_path / "good.png", (300, 300))
    broken = tmp_path / "broken.png"
    broken.write_bytes(good.read_bytes()[:200])  # a real PNG header, pixels cut off
    with pytest.raises(InputError, match="damaged"):
        check_logo(broken)
    fake = tmp_path / "fake.png"
    fake.write_text("<svg/>")
    with pytest.raises(InputError, match="not a PNG or JPEG"):
        check_logo(fake)


def test_logo_over_the_limits_is_refused_then_downscaled(tmp_path):
    wide = png(tmp_path / "wide.png", (4200, 300))
    with pytest.raises(InputError,
                       match="too large \\(4200\u00d7300 px; a logo is at most 4000 px"):
        check_logo(wide)
    assert logo_too_big(wide)
    note = downscale_logo(wide, tmp_path / "small.png")
    assert check_logo(tmp_path / "small.png") == (1200, 86)
    assert "4200 \u00d7 300" in note
    assert "1200 \u00d7 86" in note


def test_logo_over_5_mb_is_refused(tmp_path):
    heavy = tmp_path / "heavy.png"
    heavy.write_bytes(png(tmp_path / "x.png").read_bytes() + b"\0" * (MAX_LOGO_BYTES + 1))
    with pytest.raises(InputError, match="MB; a logo is at most 5 MB"):
        check_logo(heavy)


def test_jpeg_logo_is_accepted(tmp_path):
    Image.new("RGB", (80, 40), (0, 90, 0)).save(tmp_path / "logo.jpg", quality=80)
    assert check_logo(tmp_path / "logo.jpg") == (80, 40)


# -- saving --

def test_save_user_template_copies_logo_and_lists_it(tmp_path):
    logo = png(tmp_path / "clinic.png")
    base = builtin_templates()[1]
    mine = dataclasses.replace(base, name="Riverside MS", builtin=False,
                               branding=dataclasses.replace(base.branding, logo=str(logo)))
    saved = save_user_template(mine)
    assert Path(saved.source) == user_templates_dir() / "riverside-ms.toml"
    assert Path(saved.branding.logo).parent == user_templates_dir() / "logos"
    logo.unlink()  # the saved template no longer needs the original image
    assert [t.name for t in list_templates()] == [*BUILTIN_NAMES, "Riverside MS"]
    assert resolve_template("riverside-ms").page.size == "a4"


def test_builtins_cannot_be_overwritten():
    for name in ("Standard Letter", "standard-a4", "LARGE PRINT"):
        with pytest.raises(InputError, match="cannot be overwritten"):
            save_user_template(dataclasses.replace(builtin_templates()[0], name=name))


def test_failed_save_leaves_the_last_good_file(tmp_path):
    path = tmp_path / "clinic.toml"
    good = dataclasses.replace(builtin_templates()[0], name="Clinic", builtin=False)
    save_template(good, path)
    before = path.read_bytes()
    bad = dataclasses.replace(good, branding=dataclasses.replace(good.branding,
                                                                  accent_colour="blue"))
    with pytest.raises(InputError, match="not a colour"):
        save_template(bad, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["clinic.toml"]  # no temp file left behind


def test_export_writes_logo_beside_the_file(tmp_path):
    logo = png(tmp_path / "src.png")
    t = dataclasses.replace(builtin_templates()[0], name="Shared", builtin=False,
                            branding=dataclasses.replace(builtin_templates()[0].branding,
                                                         logo=str(logo)))
    out = tmp_path / "share" / "shared.toml"
    written = export_template(t, out)
    assert written == [out, out.with_name("shared-logo.png")]
    assert 'logo = "shared-logo.png"' in out.read_text()
    assert load_template(out).branding.logo == str(out.with_name("shared-logo.png").resolve())


def test_evidence_sections_can_be_hidden_and_renamed_only(tmp_path):
    text = MINIMAL + "".join(
        f'[[sections]]\nid = "{s}"\nheading = "Renamed {s}"\n'
        f'visible = {str(s != "references").lower()}\n' for s in sorted(EVIDENCE_SECTIONS))
    text += '[[sections]]\nid = "key_points"\n'
    t = load_template(write(tmp_path, text))
    assert [s.title for s in t.visible_sections()] == ["Renamed evidence_summary", "Key points",
                                                       "Opioid medicines and LDN"]


# -- the command line --

def test_cli_list_show_validate_export(tmp_path, capsys):
    assert main(["templates", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Standard Letter\tbuilt-in")
    assert main(["templates", "show", "standard-a4"]) == 0
    shown = capsys.readouterr().out
    assert template_from_toml(shown, builtin=True) == builtin_templates()[1]
    out = tmp_path / "mine.toml"
    assert main(["templates", "export", "Large print", str(out)]) == 0
    assert main(["templates", "validate", str(out)]) == 0
    assert "ok:" in capsys.readouterr().out


def test_cli_bad_template_exits_2_without_traceback(tmp_path):
    bad = write(tmp_path, MINIMAL + '[branding]\naccent_colour = "ultraviolet"\n')
    for args in (["templates", "validate", str(bad)],
                 ["build", "--example", "on-dmt-mood-pain", "--template", str(bad),
                  "-o", str(tmp_path / "x.pdf")],
                 ["build", "--example", "on-dmt-mood-pain", "--template", "No such",
                  "-o", str(tmp_path / "x.pdf")],
                 ["templates", "show", "nope"]):
        run = subprocess.run([sys.executable, "-m", "ldn_report", *args],
                             capture_output=True, text=True)
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        assert run.stderr.startswith("ldn-report: error:")
    assert not (tmp_path / "x.pdf").exists()


def test_a_30_row_schedule_loads_from_toml_and_41_rows_are_refused(tmp_path):
    def rows(n: int) -> str:
        return "".join(f'[[schedule]]\nwhen = "Week {i}"\nwhat = "Check {i}"\nwho = "Nurse"\n'
                       f"week = {i}\n" for i in range(1, n + 1))

    template = load_template(write(tmp_path, MINIMAL + rows(30)))
    assert len(template.schedule) == 30
    with pytest.raises(InputError, match="has 41 rows; at most 40"):
        load_template(write(tmp_path, MINIMAL + rows(41), "big.toml"))
