"""The app's one typed settings object, stored as JSON in the platform's config folder."""

from __future__ import annotations

import json
import warnings
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from ..atomic import atomic_write
from ..errors import InputError
from ..untrusted.structured import read_json_file

APP_NAME = "ldn-report"
SETTINGS_FILE = "gui-settings.json"
MAX_RECENT = 8
MAX_SETTINGS_BYTES = 1_000_000
INTERFACE_LANGUAGES = ("", "en", "es")  # "" = the system's


def config_dir() -> Path:
    # Asked on every call: tests point XDG_CONFIG_HOME elsewhere after import.
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass
class AppSettings:
    """What the app remembers between sessions. Unknown or mistyped keys fall back to defaults."""

    window_geometry: str = ""  # QWidget.saveGeometry() as hex
    window_state: str = ""  # QMainWindow.saveState() as hex
    splitter_state: str = ""
    last_folder: str = ""
    last_template: str = ""
    recent_files: list[str] = field(default_factory=list)
    autosave_seconds: int = 5
    # Prefilled by File > New: the same clinician sees patient after patient.
    clinician_name: str = ""
    clinician_role: str = ""
    # View > Language: "" follows the system locale, else "en" or "es".
    language: str = ""
    # The handout register: "" = the SQLite file in the user data folder; or postgresql://...
    register: str = ""

    @classmethod
    def path(cls) -> Path:
        return config_dir() / SETTINGS_FILE

    @classmethod
    def load(cls) -> AppSettings:
        """The saved settings, or the defaults when the file is missing or unusable (damaged,
        deeply nested, a key twice, not a regular file): the app must start either way."""
        path = cls.path()
        if not path.exists() and not path.is_symlink():
            return cls()
        try:
            raw = read_json_file(path, MAX_SETTINGS_BYTES, "settings file")
        except InputError as exc:
            warnings.warn(f"settings not used (the defaults are): {exc}", stacklevel=2)
            return cls()
        return cls.from_dict(raw if isinstance(raw, dict) else {})

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> AppSettings:
        defaults = cls()
        values: dict[str, Any] = {}
        for spec in fields(cls):
            value = raw.get(spec.name, getattr(defaults, spec.name))
            default = getattr(defaults, spec.name)
            # A hand-edited file with a wrong type must not stop the app from starting.
            if isinstance(default, list):
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            elif isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 600
            else:
                ok = isinstance(value, type(default))
            if spec.name == "language":
                ok = ok and value in INTERFACE_LANGUAGES
            values[spec.name] = value if ok else default
        return cls(**values)

    def save(self) -> Path:
        text = json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n"
        return atomic_write(self.path(), text, mode=0o600)

    def add_recent(self, path: str | Path) -> None:
        """Put ``path`` first in the recent-files list, without duplicates."""
        text = str(Path(path).resolve())
        self.recent_files = [text, *(p for p in self.recent_files if p != text)][:MAX_RECENT]

    def remove_recent(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [p for p in self.recent_files if p != text]
