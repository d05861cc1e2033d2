"""Where the register is: --register, then LDN_REGISTER, then the app setting, then the
embedded SQLite file in the user data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..errors import InputError

ENV_VAR = "LDN_REGISTER"
SQLITE_NAME = "handout-register.sqlite3"
QUEUE_NAME = "handout-register-queue.jsonl"


def data_dir() -> Path:
    # Asked on every call: tests point XDG_DATA_HOME elsewhere after import.
    return Path(platformdirs.user_data_dir("ldn-report", appauthor=False))


@dataclass(frozen=True)
class RegisterLocation:
    """A database URL and how to name it in messages (never with a password)."""

    url: str
    label: str

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        return Path(self.url.removeprefix("sqlite:///")) if self.is_sqlite else None


def default_location() -> RegisterLocation:
    path = data_dir() / SQLITE_NAME
    return RegisterLocation(f"sqlite:///{path}", str(path))


def parse_location(text: str, field: str = "--register") -> RegisterLocation:
    """A location from what a user typed: a postgresql:// URL, a sqlite:/// URL or a file path."""
    text = text.strip()
    if not text:
        return default_location()
    scheme = text.split(":", 1)[0].lower() if "://" in text else ""
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        rest = text.split("://", 1)[1]
        return RegisterLocation("postgresql+psycopg://" + rest, _redacted(text))
    if scheme == "sqlite":
        path = text.split("://", 1)[1].removeprefix("/")
        if not path:
            raise InputError(field, "a sqlite:/// address needs a file path after it")
        return RegisterLocation(f"sqlite:///{path}", path)
    if scheme:
        raise InputError(field, f"'{scheme}://' is not a register address; use postgresql://"
                         "user@host/database, sqlite:///path, or a file path")
    path = Path(text).expanduser()
    if path.is_dir():
        raise InputError(field, f"{path} is a folder; give a register file (.sqlite3)")
    return RegisterLocation(f"sqlite:///{path.resolve()}", str(path))


def _redacted(url: str) -> str:
    """``url`` without its password: messages and lists may be seen by anyone nearby."""
    scheme, rest = url.split("://", 1)
    if "@" in rest.split("/", 1)[0]:
        auth, host = rest.split("@", 1)
        user = auth.split(":", 1)[0]
        return f"{scheme}://{user}@{host}" if user else f"{scheme}://{host}"
    return url


def resolve_location(option: str | None = None) -> RegisterLocation:
    """The register to use: the option, else LDN_REGISTER, else the app setting, else default."""
    if option is not None and option.strip():
        return parse_location(option)
    env = os.environ.get(ENV_VAR, "")
    if env.strip():
        return parse_location(env, ENV_VAR)
    setting = _setting()
    if setting:
        return parse_location(setting, "register setting")
    return default_location()


def _setting() -> str:
    # The settings module holds no Qt; imported late to keep the CLI's start-up cost low.
    from ..gui.app_settings import AppSettings

    return AppSettings.load().register
