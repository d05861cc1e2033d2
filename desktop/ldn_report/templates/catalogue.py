"""The template catalogue: the built-in templates, the user's own folder, and finding one."""

from __future__ import annotations

import warnings
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..atomic import atomic_write
from ..errors import InputError
from ..logo import MAX_LOGO_BYTES, check_logo
from ..untrusted.files import read_regular_file
from .file_format import load_template, save_template
from .model import ClinicTemplate, slugify

BUILTIN_FILES = ("standard-letter.toml", "standard-a4.toml", "large-print.toml",
                 "discussion-record.toml", "clinician-evidence-brief.toml")


# -- the catalogue: built-ins, then the user's own ------------------------------------------------

def builtin_dir() -> Path:
    from ..paths import TEMPLATES_DIR

    return TEMPLATES_DIR


def user_templates_dir() -> Path:
    """The user's templates folder (platformdirs user data folder, ``templates``)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("ldn-report", appauthor=False)) / "templates"


def builtin_templates() -> tuple[ClinicTemplate, ...]:
    """The read-only templates shipped in resources/templates, in catalogue order."""
    return tuple(_builtin(name) for name in BUILTIN_FILES)


@cache
def _builtin(file_name: str) -> ClinicTemplate:
    # One at a time: a build with the default template reads only that file (~1.3 ms of the
    # ~6.5 ms the five take), and the catalogue gets the very same objects later.
    return load_template(builtin_dir() / file_name, builtin=True)


def is_builtin_name(name: str) -> bool:
    return any(slugify(name) == t.slug for t in builtin_templates())


def user_templates() -> tuple[list[ClinicTemplate], list[InputError]]:
    """The user's saved templates (by name) and an error for each file that no longer loads."""
    folder = user_templates_dir()
    good: list[ClinicTemplate] = []
    bad: list[InputError] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                good.append(load_template(path))
            except InputError as exc:
                bad.append(exc)
            except (OSError, ValueError, RecursionError, MemoryError) as exc:
                # One hostile file in a shared folder must never stop the app or a batch.
                bad.append(InputError("", f"cannot be used ({type(exc).__name__})",
                                      where=str(path)))
    good.sort(key=lambda t: t.name.lower())
    return good, bad


def list_templates() -> list[ClinicTemplate]:
    """Built-ins, then the user's templates; a user file that fails to load is skipped, warned."""
    mine, broken = user_templates()
    for exc in broken:
        warnings.warn(f"clinic template skipped: {exc}", stacklevel=2)
    return [*builtin_templates(), *mine]


def find_template(name: str) -> ClinicTemplate | None:
    """A template from the catalogue by name or slug, case-insensitive."""
    wanted = slugify(name)
    # A built-in also answers to its file name: "discussion-record" for "Discussion record only".
    return next((t for t in list_templates()
                 if wanted in (t.slug, Path(t.source).stem if t.builtin else t.slug)), None)


def save_user_template(template: ClinicTemplate) -> ClinicTemplate:
    """Save into the user templates folder as <slug>.toml; built-in names are refused.

    A logo from elsewhere is copied into the folder's logos/ so the template keeps working
    when the original image moves.
    """
    if is_builtin_name(template.name):
        raise InputError("name", f"{template.name!r} is a built-in template, which cannot be "
                         "overwritten; choose another name")
    folder = user_templates_dir()
    logo = template.branding.logo
    if logo:
        src = Path(logo)
        logos = folder / "logos"
        if src.resolve().parent != logos.resolve():
            dest = logos / f"{template.slug}-logo{src.suffix.lower()}"
            check_logo(src)
            atomic_write(dest, read_regular_file(src, MAX_LOGO_BYTES, field="branding.logo",
                                                 what="logo"))
            template = replace(template, branding=replace(template.branding, logo=str(dest)))
    path = save_template(replace(template, builtin=False), folder / f"{template.slug}.toml")
    return load_template(path)


def delete_user_template(template: ClinicTemplate) -> None:
    if template.builtin or not template.source:
        raise InputError("name", f"{template.name!r} is a built-in template and cannot be deleted")
    Path(template.source).unlink(missing_ok=True)


def export_template(template: ClinicTemplate, path: str | Path) -> list[Path]:
    """Write ``template`` to ``path`` for sharing; a logo is copied beside it. Returns files."""
    path = Path(path).expanduser()
    written: list[Path] = []
    if template.branding.logo:
        src = Path(template.branding.logo)
        dest = path.with_name(f"{path.stem}-logo{src.suffix.lower()}")
        if src.resolve() != dest.resolve():
            atomic_write(dest, read_regular_file(src, MAX_LOGO_BYTES, field="branding.logo",
                                                 what="logo"))
        template = replace(template, branding=replace(template.branding, logo=str(dest)))
        written.append(dest)
    written.insert(0, save_template(template, path))
    return written


def resolve_template(value: str | None, base_dir: Path | None = None) -> ClinicTemplate:
    """A template by catalogue name (or slug, e.g. standard-a4) or by .toml file path.

    A relative path is taken from ``base_dir`` when given (a clinic list's folder), else from
    the current folder (the command line). With ``base_dir``, a value without ``.toml`` is
    first looked for there as a file (as typed, then with ``.toml`` added), then by name.
    """
    if value is None or not value.strip() or value.strip().lower() == "default":
        return _builtin(BUILTIN_FILES[0])
    text = value.strip()
    looks_like_file = text.lower().endswith(".toml") or "/" in text or "\\" in text
    if base_dir is not None:
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = base_dir / path
        for candidate in (path, path.with_name(path.name + ".toml")):
            if candidate.is_file():
                return load_template(candidate)
        if looks_like_file:
            return load_template(path)  # not found (or not a file): its message says so
    elif looks_like_file or Path(text).is_file():
        return load_template(text)
    found = find_template(text)
    if found is None:
        names = ", ".join(f'"{t.name}"' for t in list_templates())
        # In a clinic list the cell may be a shifted patient value: it is not repeated.
        shown = f"{text!r} is" if base_dir is None else "this is"
        raise InputError("--template" if base_dir is None else "template",
                         f"{shown} not a known template; choose one of: {names}, or give a "
                         ".toml file")
    return found
