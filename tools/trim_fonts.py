"""Dev-time: take out of the bundled fonts what a PDF never uses (hinting, glyph names, names).

    .venv/bin/python tools/trim_fonts.py          rewrite resources/fonts/*.ttf in place
    .venv/bin/python tools/trim_fonts.py --check  exit 1 if a bundled font is not trimmed yet

Every font embedded in a report carries what its file carries: ReportLab's subsetter copies the
name table and the hinting programs (fpgm, prep, cvt) whole, and each glyph its instructions.
None of that changes a printed or zoomed page (PDF viewers and printers rasterise outlines at
their own resolution), but it was about half of every report file. Outlines, metrics, the
character map and the shaping tables (GSUB, GPOS, kern) stay exactly as they were, so text,
line breaks and pages do not change.

Names kept: the font's own names (1-6) and its legal notices: copyright (0), trademark (7),
licence (13) and licence address (14), once, in the Windows English records. The Bitstream Vera
licence asks that the copyright, trademark and permission notices stay in every copy (nameID 13
holds the permission notice); the OFL and the Apache licence ask for the copyright notice and
licence, which the files beside the fonts also carry. Idempotent: a trimmed font stays as it is.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
KEEP_NAMES = {0, 1, 2, 3, 4, 5, 6, 7, 13, 14}
WINDOWS_ENGLISH = (3, 1, 0x409)
# Hinting programs and tables only a hinting rasteriser reads; FFTM is FontForge's timestamp.
DROP_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "FFTM")


def trimmed(data: bytes) -> bytes:
    """The font file ``data`` without hinting, glyph names and names beyond KEEP_NAMES."""
    font = TTFont(io.BytesIO(data))
    for tag in DROP_TABLES:
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    maxp = font["maxp"]
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
        if hasattr(maxp, field):
            setattr(maxp, field, 1 if field == "maxZones" else 0)
    names = font["name"]
    names.names = [r for r in names.names
                   if r.nameID in KEEP_NAMES
                   and (r.platformID, r.platEncID, r.langID) == WINDOWS_ENGLISH]
    # post format 3: no glyph names (ReportLab writes format 3 into every subset anyway).
    font["post"].formatType = 3.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def is_trimmed(data: bytes) -> bool:
    font = TTFont(io.BytesIO(data), lazy=True)
    names = font["name"].names
    return (not any(tag in font for tag in DROP_TABLES)
            and font["post"].formatType == 3.0
            and all(r.nameID in KEEP_NAMES and (r.platformID, r.platEncID, r.langID)
                    == WINDOWS_ENGLISH for r in names))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check; exit 1 if not trimmed")
    args = ap.parse_args(argv)
    untrimmed = []
    for path in sorted(FONTS.glob("*.ttf")):
        data = path.read_bytes()
        if is_trimmed(data):
            continue
        untrimmed.append(path.name)
        if not args.check:
            new = trimmed(data)
            path.write_bytes(new)
            print(f"{path.name}: {len(data) // 1024} -> {len(new) // 1024} KB", file=sys.stderr)
    if args.check and untrimmed:
        print("not trimmed: " + ", ".join(untrimmed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
