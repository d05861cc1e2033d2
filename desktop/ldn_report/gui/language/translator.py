"""Which interface language the app uses, and loading its Qt translations (.qm)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...paths import RESOURCES

TRANSLATIONS_DIR = RESOURCES / "translations"
# The setting's values: "" follows the system locale. Names are in their own language, so a
# user who cannot read the current one still finds theirs.
LANGUAGE_CHOICES = {"": "System", "en": "English", "es": "Español"}
UI_LANGUAGES = ("en", "es")  # English is the source text: it needs no .qm


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"ldn_report_{language}.qm"


def ui_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the override when set, else the system locale's when we have
    it, else English."""
    if setting in UI_LANGUAGES:
        return setting
    locale = system if system is not None else QLocale.system()
    name = locale.name().split("_", 1)[0]
    return name if name in UI_LANGUAGES else "en"


def install_translator(app: QCoreApplication, setting: str) -> list[QTranslator]:
    """Install the translators for ``setting`` on ``app`` (none for English, or when the .qm
    was not built); they are returned so a caller can remove them again."""
    language = ui_language(setting)
    if language == "en":
        return []
    ours = QTranslator(app)
    if not ours.load(str(qm_path(language))):
        # A checkout without `make translations`: English rather than a half-translated app.
        return []
    app.installTranslator(ours)
    installed = [ours]
    # Qt's own texts (Yes/No, Cancel, the file dialogs) from the Qt wheel's translations.
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
