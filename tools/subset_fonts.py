"""Dev-time: cut the bundled script fonts (Arabic, Hebrew, Devanagari, Thai, CJK) from Debian's.

Run after `apt-get install fonts-noto-core fonts-droid-fallback`; writes resources/fonts/, then
trims them like every bundled font (tools/trim_fonts.py). The app never runs this: it ships the
subsets this wrote. CJK keeps the common repertoire (GB 2312, Big5
level 1, JIS X 0208 kanji, KS X 1001 Hangul, kana, CJK punctuation) to keep the wheel small.
"""

from __future__ import annotations

import sys
from pathlib import Path

import trim_fonts
from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
DROID = Path("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf")  # has Hangul

# The whole script block plus what its text is written with (marks, digits, joiners, dotted
# circle for a stray mark); Arabic keeps its presentation forms so shaped glyphs map back to text.
NOTO_FACES = {
    "NotoSansArabic": "U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,"
                      "U+FE70-FEFF,U+200C-200F,U+25CC",
    "NotoSansHebrew": "U+0020,U+00A0,U+0590-05FF,U+FB1D-FB4F,U+200C-200F,U+25CC",
    "NotoSansDevanagari": "U+0020,U+00A0,U+0900-097F,U+A8E0-A8FF,U+1CD0-1CFF,U+200C-200D,U+25CC",
    "NotoSansThai": "U+0020,U+00A0,U+0E00-0E7F,U+200B-200D,U+25CC",
}


def _decoded(codec: str, lead: range, trail: range) -> set[int]:
    out = set()
    for a in lead:
        for b in trail:
            try:
                out.add(ord(bytes([a, b]).decode(codec)))
            except (UnicodeDecodeError, TypeError):
                continue
    return out


def cjk_repertoire() -> set[int]:
    """Common Hanzi, Kanji and Hangul as the national standards list them, plus kana."""
    chars = _decoded("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))      # 6763 hanzi
    chars |= _decoded("big5", range(0xA4, 0xC7), range(0x40, 0xFF))       # 5401 hanzi, level 1
    chars |= _decoded("euc_jp", range(0xB0, 0xF5), range(0xA1, 0xFF))     # JIS X 0208 kanji
    chars |= _decoded("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))     # 2350 Hangul
    chars |= set(range(0x3000, 0x3100)) | set(range(0xFF00, 0xFFF0))     # punctuation, kana
    chars |= set(range(0x3130, 0x3190)) | {0x20, 0xA0}                     # Hangul jamo
    return {c for c in chars if c >= 0x20}


def _subset(source: Path, target: Path, unicodes: list[int], hinting: bool) -> None:
    options = subset.Options()
    options.layout_features = ["*"]  # shaping needs every GSUB/GPOS feature
    options.hinting = hinting
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    subset.save_font(font, str(target), options)
    print(f"{target.name}: {target.stat().st_size // 1024} KB", file=sys.stderr)


def main() -> None:
    for family, ranges in NOTO_FACES.items():
        codes = subset.parse_unicodes(ranges)
        for weight in ("Regular", "Bold"):
            _subset(NOTO / f"{family}-{weight}.ttf", OUT / f"{family}-{weight}.ttf", codes, True)
    _subset(DROID, OUT / "DroidSansFallback-CJK.ttf", sorted(cjk_repertoire()), False)
    trim_fonts.main([])


if __name__ == "__main__":
    main()
