"""The clinic logo: check a PNG or JPEG (size, pixels, readable); downscale one that is too big."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from .atomic import atomic_write
from .errors import InputError

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 4000  # on either side
DOWNSCALE_TO = 1200  # plenty for an 18 mm tall logo at 600 dpi
MAX_SOURCE_BYTES = 50 * 1024 * 1024  # what the editor is willing to downscale
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def _kind(head: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC.items() if head.startswith(magic)), None)


def _open(path: Path, max_bytes: int):
    """Pillow image of ``path`` (header read only) after the file and format checks."""
    from PIL import Image

    field = "branding.logo"
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(field, f"{path} is a folder; choose a PNG or JPEG file")
        if size > max_bytes:
            raise InputError(field, f"{path.name} is {size / 1024 / 1024:.1f} MB; a logo is at "
                             f"most {MAX_LOGO_BYTES // 1024 // 1024} MB (the template editor "
                             "can downscale it for you)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(field, f"logo file not found: {path}") from None
    except OSError as exc:
        raise InputError(field, f"{path} cannot be read ({exc.strerror})") from None
    if _kind(data[:8]) is None:
        raise InputError(field, f"{path.name} is not a PNG or JPEG image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Exception as exc:  # Pillow raises many kinds for a broken file
        raise InputError(field, f"{path.name} is damaged and cannot be read as an image "
                         f"({type(exc).__name__})") from None
    return image


def check_logo(path: str | Path) -> tuple[int, int]:
    """The logo's (width, height) in pixels, or InputError naming what is wrong with it."""
    path = Path(path)
    image = _open(path, MAX_LOGO_BYTES)
    w, h = image.size
    if max(w, h) > MAX_LOGO_PIXELS:
        raise InputError("branding.logo", f"{path.name} is {w} \u00d7 {h} pixels; a logo is at "
                         f"most {MAX_LOGO_PIXELS} pixels on each side (the template editor can "
                         "downscale it for you)")
    try:
        image.load()  # decodes every pixel: a truncated file fails here, not in a report
    except Exception as exc:
        raise InputError("branding.logo", f"{path.name} is damaged and cannot be read as an "
                         f"image ({type(exc).__name__})") from None
    return w, h


def logo_too_big(path: str | Path) -> bool:
    """True when the file is a readable image that only fails the size limits (so can shrink)."""
    path = Path(path)
    try:
        check_logo(path)
    except InputError:
        try:
            image = _open(path, MAX_SOURCE_BYTES)
            image.load()
        except Exception:
            return False
        return True
    return False


def downscale_logo(src: str | Path, dest: str | Path) -> str:
    """Write a smaller PNG copy of ``src`` to ``dest`` and say what was done, in words."""
    from PIL import Image

    src, dest = Path(src), Path(dest)
    image = _open(src, MAX_SOURCE_BYTES)
    old = image.size
    try:
        image.load()
    except Exception as exc:
        raise InputError("branding.logo", f"{src.name} is damaged and cannot be read as an "
                         f"image ({type(exc).__name__})") from None
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    image.thumbnail((DOWNSCALE_TO, DOWNSCALE_TO), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    atomic_write(dest, out.getvalue())
    check_logo(dest)
    return (f"The logo {src.name} was {old[0]} \u00d7 {old[1]} pixels; a copy downscaled to "
            f"{image.size[0]} \u00d7 {image.size[1]} pixels is used instead.")
