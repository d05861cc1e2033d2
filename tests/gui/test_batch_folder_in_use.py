"""The batch window when another batch is writing into the chosen folder: it says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ldn_report.batch import folder_lock
from ldn_report.batch.folder_lock import output_folder_lock
from ldn_report.gui.batch_dialog import BatchDialog


def test_a_folder_in_use_is_named_beside_the_batch_and_nothing_is_built(qtbot, tmp_path,
                                                                        monkeypatch, repo_root):
    monkeypatch.setattr(folder_lock, "WAIT_SECONDS", 0.5)
    dialog = BatchDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "reports"
    out.mkdir()
    dialog.list_edit.setText(str(repo_root / "resources" / "examples" / "clinic-list.csv"))
    dialog.out_edit.setText(str(out))
    with output_folder_lock(out):  # another batch holds the folder
        with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as blocker:
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] is None
    text = dialog.status_label.text()
    assert text.startswith(f"The batch could not run: Output folder: another batch is writing "
                           f"into {out} now")
    assert not list(out.glob("*.pdf"))
    assert dialog.start_button.isEnabled()
    dialog.grab().save(str(tmp_path / "batch-folder-in-use.png"))
    # Once the folder is free the same batch runs.
    with qtbot.waitSignal(dialog.finished_batch, timeout=120_000) as blocker:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] is not None
    assert blocker.args[0].exit_code == 0
