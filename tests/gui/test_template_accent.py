"""The template editor and a pale accent colour: refused beside the field with its ratio; a
stored template with one still opens and previews (the report darkens it)."""

from __future__ import annotations

import pytest

from ldn_report.examples import load_example
from ldn_report.gui.template_editor import TemplateEditor
from ldn_report.templates.catalogue import user_templates_dir


@pytest.fixture
def editor(qtbot, monkeypatch):
    d = TemplateEditor(None, load_example("on-dmt-mood-pain"))
    qtbot.addWidget(d)
    d.show()
    names = ["Sunny Clinic"]
    monkeypatch.setattr(d, "ask_name", lambda title, suggested: names.pop(0) if names else None)
    qtbot.waitUntil(lambda: d.preview_settled and d.last_result is not None, timeout=60_000)
    yield d
    d.builder.shutdown()


def test_a_pale_accent_is_refused_beside_the_field_and_not_saved(qtbot, editor, tmp_path):
    d = editor
    d.form.accent_edit.setText("#FFD700")
    assert d.save_as() is False
    status = d.status.text()
    assert "branding.accent_colour" in status
    assert "contrast of 1.40:1 against white paper" in status
    assert "at least 4.5:1" in status
    assert d.form.accent_edit.styleSheet()  # marked next to the field
    assert not d.use_button.isEnabled()
    assert not list(user_templates_dir().glob("*.toml"))
    d.grab().save(str(tmp_path / "editor-pale-accent.png"))
    suggestion = status.split("e.g. ")[1][:7]
    d.form.accent_edit.setText(suggestion)
    assert d.save_as() is True
    assert not d.form.accent_edit.styleSheet()
