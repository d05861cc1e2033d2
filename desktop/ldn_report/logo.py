"""The clinic logo: check a PNG or JPEG (size, pixels, readable); downscale one that is too big."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from .atomic import atomic_write
from .errors import InputError
from .untrusted.files import read_regular_file

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 4000  # on either side
DOWNSCALE_TO = 1200  # plenty for an 18 mm tall logo at 600 dpi
MAX_SOURCE_BYTES = 50 * 1024 * 1024  # what the editor is willing to downscale
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def _kind(head: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC.items() if head.startswith(magic)), None)


def _header_size(data: bytes, kind: str) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR or a JPEG's frame header, before any decoding.

    Pillow refuses images over ~89 megapixels as possible decompression bombs before it says
    their size, so a valid 9500 x 9500 logo would otherwise be called damaged.
    """
    if kind == "PNG":
        if len(data) >= 24 and data[12:16] == b"IHDR":
            return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        return None
    pos = 2
    while pos + 9 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # a start of frame
            return int.from_bytes(data[pos + 7:pos + 9], "big"), \
                int.from_bytes(data[pos + 5:pos + 7], "big")
        pos += 2 + length
    return None


def _too_large(name: str, size: tuple[int, int]) -> InputError:
    w, h = size
    return InputError("branding.logo", f"{name} is too large ({w}\u00d7{h} px; a logo is at "
                      f"most {MAX_LOGO_PIXELS} px on each side); the template editor can "
                      "downscale it for you")


def _open(path: Path, max_bytes: int, *, enforce_pixels: bool = True):
    """Pillow image of ``path`` (header read only) after the file and format checks."""
    from PIL import Image

    field = "branding.logo"
    try:
        data = read_regular_file(path, max_bytes, field=field, what="logo", where="")
    except InputError as exc:
        if exc.message == "file not found":
            raise InputError(field, f"logo file not found: {path}") from None
        hint = " (the template editor can downscale it for you)" \
            if exc.message.startswith("is larger") and max_bytes == MAX_LOGO_BYTES else ""
        raise InputError(field, f"{path} {exc.message}{hint}") from None
    kind = _kind(data[:8])
    if kind is None:
        raise InputError(field, f"{path.name} is not a PNG or JPEG image")
    size = _header_size(data, kind)
    if enforce_pixels and size is not None and max(size) > MAX_LOGO_PIXELS:
        raise _too_large(path.name, size)
    try:
        with warnings.catch_warnings():
            # Checking: over Pillow's bomb limit is refused. Downscaling (the user asked for
            # it): up to twice that limit, where Pillow itself stops.
            warnings.simplefilter("error" if enforce_pixels else "ignore",
                                  Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise InputError(field, f"{path.name} has too many pixels to open safely; a logo is "
                         f"at most {MAX_LOGO_PIXELS} px on each side") from None
    except Exception as exc:  # Pillow raises many kinds for a broken file
        raise InputError(field, f"{path.name} is damaged and cannot be read as an image "
                         f"({type(exc).__name__})") from None
    return image


def _load_strictly(image, name: str) -> None:
    """Decode every pixel; a truncated file is damaged. WeasyPrint (the accessible route) sets
    Pillow's process-wide LOAD_TRUNCATED_IMAGES on import, which would let a cut-off logo pass,
    so the check turns it off while it decodes."""
    from PIL import ImageFile

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    except Exception as exc:
        raise InputError("branding.logo", f"{name} is damaged and cannot be read as an "
                         f"image ({type(exc).__name__})") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def check_logo(path: str | Path) -> tuple[int, int]:
    """The logo's (width, height) in pixels, or InputError naming what is wrong with it."""
    path = Path(path)
    image = _open(path, MAX_LOGO_BYTES)
    w, h = image.size
    if max(w, h) > MAX_LOGO_PIXELS:
        raise _too_large(path.name, (w, h))
    _load_strictly(image, path.name)  # a truncated file fails here, not in a report
    return w, h


def logo_too_big(path: str | Path) -> bool:
    """True when the file is a readable image that only fails the size limits (so can shrink)."""
    path = Path(path)
    try:
        check_logo(path)
    except InputError:
        try:
            image = _open(path, MAX_SOURCE_BYTES, enforce_pixels=False)
            _load_strictly(image, path.name)
        except Exception:
            return False
        return True
    return False


def downscale_logo(src: str | Path, dest: str | Path) -> str:
    """Write a smaller PNG copy of ``src`` to ``dest`` and say what was done, in words."""
    from PIL import Image

    src, dest = Path(src), Path(dest)
    image = _open(src, MAX_SOURCE_BYTES, enforce_pixels=False)
    old = image.size
    _load_strictly(image, src.name)
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    image.thumbnail((DOWNSCALE_TO, DOWNSCALE_TO), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    atomic_write(dest, out.getvalue())
    check_logo(dest)
    return (f"The logo {src.name} was {old[0]} \u00d7 {old[1]} pixels; a copy downscaled to "
            f"{image.size[0]} \u00d7 {image.size[1]} pixels is used instead.")
