"""Where the bundled resources live, in a source checkout and in an installed wheel alike."""

from __future__ import annotations

from pathlib import Path

# In a checkout this is a link to the top-level resources/; in a wheel it is a real folder.
RESOURCES = Path(__file__).resolve().parent / "resources"
EVIDENCE_DIR = RESOURCES / "evidence" / "ldn-ms"
TEMPLATES_DIR = RESOURCES / "templates"
FONTS_DIR = RESOURCES / "fonts"
EXAMPLES_DIR = RESOURCES / "examples"
ICONS_DIR = RESOURCES / "icons"
