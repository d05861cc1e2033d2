"""Accent colours and text contrast (WCAG 2.x AA, 4.5:1): a pale accent is refused when a
template is validated or saved, and an existing file with one builds with a warning and prints
every accent-coloured text (headings, citation numbers, links, table headers, large print too)
in a darker shade of the same hue that reads."""

from __future__ import annotations

import colorsys
import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest

from ldn_report.build import build_report
from ldn_report.colour_contrast import (
    MIN_TEXT_CONTRAST,
    contrast_ratio,
    readable_shade,
    relative_luminance,
)
from ldn_report.errors import InputError
from ldn_report.examples import load_example
from ldn_report.templates.catalogue import builtin_templates, save_user_template
from ldn_report.templates.file_format import load_template, save_template, template_from_toml

PALE = ("#FFD700", "#FFFF00", "#7FDBFF", "#00AA77", "#FFC0CB", "#777777")


def _pale_file(folder: Path, accent: str = "#FFD700", text_size: str = "standard") -> Path:
    path = folder / "pale.toml"
    path.write_text(f'format_version = 1\nname = "Sunny Clinic"\ntext_size = "{text_size}"\n\n'
                    f'[branding]\nclinic_name = "Sunny MS Clinic"\naccent_colour = "{accent}"\n',
                    encoding="utf-8")
    return path


def _rgb(colour: object) -> tuple[float, float, float] | None:
    if not isinstance(colour, tuple | list) or not colour:
        return None
    if len(colour) == 1:
        return (colour[0],) * 3
    if len(colour) == 3:
        return tuple(colour)  # type: ignore[return-value]
    return None


def _text_on_backgrounds(pdf: bytes) -> list[tuple[str, tuple, tuple]]:
    """(character, its colour, the colour it sits on) for every character of the PDF."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            fills = [(r, _rgb(r.get("non_stroking_color"))) for r in page.rects if r.get("fill")]
            for ch in page.chars:
                if not ch["text"].strip():
                    continue
                x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
                under = [c for r, c in fills if c is not None and r["x0"] <= x <= r["x1"]
                         and r["top"] <= y <= r["bottom"]]
                colour = _rgb(ch.get("non_stroking_color")) or (0.0, 0.0, 0.0)
                out.append((ch["text"], colour, under[-1] if under else (1.0, 1.0, 1.0)))
    return out


def _hue(rgb: tuple) -> float:
    return colorsys.rgb_to_hsv(*rgb)[0]


def test_wcag_formulas_match_known_values():
    assert relative_luminance((1, 1, 1)) == pytest.approx(1.0)
    assert contrast_ratio((0, 0, 0)) == pytest.approx(21.0)
    grey = 0x76 / 255  # #767676 is the lightest grey that passes AA on white
    assert contrast_ratio((grey, grey, grey)) == pytest.approx(4.54, abs=0.01)
    darker = readable_shade((1.0, 215 / 255, 0.0))
    assert contrast_ratio(darker) >= MIN_TEXT_CONTRAST
    assert _hue(darker) == pytest.approx(_hue((1.0, 215 / 255, 0.0)), abs=1e-6)


@pytest.mark.parametrize("accent", PALE)
def test_validate_and_save_refuse_a_pale_accent_with_the_ratio(tmp_path, accent):
    path = _pale_file(tmp_path, accent)
    with pytest.raises(InputError) as refused:
        load_template(path, strict=True)
    assert refused.value.field == "branding.accent_colour"
    ratio = contrast_ratio(tuple(int(accent[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    assert f"contrast of {int(ratio * 100) / 100:.2f}:1" in refused.value.message
    assert "at least 4.5:1" in refused.value.message
    assert "line 7" in str(refused.value)
    template = load_template(path)  # an existing file still loads
    with pytest.raises(InputError, match="accent_colour"):
        save_template(template, tmp_path / "copy.toml")
    assert not (tmp_path / "copy.toml").exists()
    with pytest.raises(InputError, match="accent_colour"):
        save_user_template(template)
    # The suggested colour is accepted.
    suggestion = refused.value.message.split("e.g. ")[1][:7]
    ok = template_from_toml(path.read_text().replace(accent, suggestion), strict=True)
    assert ok.branding.accent_colour == suggestion


def test_cli_validate_refuses_and_build_warns(tmp_path):
    path = _pale_file(tmp_path)
    validate = subprocess.run([sys.executable, "-m", "ldn_report", "templates", "validate",
                               str(path)], capture_output=True, text=True)
    assert validate.returncode == 2
    assert "branding.accent_colour: #FFD700 has a contrast of 1.40:1 against white paper" in \
        validate.stderr
    assert "Traceback" not in validate.stderr
    out = tmp_path / "r.pdf"
    build = subprocess.run([sys.executable, "-m", "ldn_report", "build", "--example",
                            "on-dmt-mood-pain", "--template", str(path), "-o", str(out)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert "warning: branding.accent_colour: #FFD700 has a contrast of 1.40:1" in build.stderr
    assert out.exists()


@pytest.mark.parametrize("text_size", ["standard", "large"])
def test_every_character_of_a_pale_accent_report_reads(tmp_path, text_size):
    template = load_template(_pale_file(tmp_path, "#FFD700", text_size))
    result = build_report(load_example("everything-flagged"), template)
    assert any("branding.accent_colour" in w for w in result.warnings)
    chars = _text_on_backgrounds(result.pdf)
    worst = min(chars, key=lambda c: contrast_ratio(c[1], c[2]))
    assert contrast_ratio(worst[1], worst[2]) >= MIN_TEXT_CONTRAST, worst
    # The accent is still the clinic's: its hue, only darker, on headings, citations, links.
    gold = _hue((1.0, 215 / 255, 0.0))
    accented = "".join(c for c, colour, _ in chars
                       if max(colour) - min(colour) > 0.05 and abs(_hue(colour) - gold) < 0.01)
    assert "Keypoints" in accented  # a heading
    assert any(c.isdigit() for c in accented)  # citation numbers
    assert "When" in accented  # the monitoring table's header row


def test_built_in_templates_with_a_pale_accent_all_read(tmp_path):
    ctx = load_example("takes-opioids")
    for builtin in builtin_templates():
        pale = replace(builtin, branding=replace(builtin.branding, accent_colour="#7FDBFF"))
        chars = _text_on_backgrounds(build_report(ctx, pale).pdf)
        low = [c for c in chars if contrast_ratio(c[1], c[2]) < MIN_TEXT_CONTRAST]
        assert not low, (builtin.name, low[:3])


def test_a_batch_with_a_pale_template_warns_once_and_every_pdf_reads(tmp_path):
    from ldn_report.batch.runner import run_batch
    from test_batch_run import TODAY, patients, write_list

    listing = write_list(tmp_path / "list.csv", patients(3))
    summary = run_batch(listing, tmp_path / "out", template=str(_pale_file(tmp_path)),
                        today=TODAY, jobs=2)  # worked out in the workers
    pale = [w for w in summary.warnings if "accent_colour" in w]
    assert pale == [f"template Sunny Clinic: {pale[0].split(': ', 1)[1]}"]
    for entry in summary.entries:
        chars = _text_on_backgrounds((tmp_path / "out" / entry.file).read_bytes())
        assert min(contrast_ratio(c[1], c[2]) for c in chars) >= MIN_TEXT_CONTRAST
