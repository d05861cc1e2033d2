"""App-wide input habits: one event filter on the QApplication covers every window and dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from .shortcut_reach import let_window_shortcut_through
from .type_ahead import TypeAhead
from .wheel_guard import guard_wheel, make_wheel_safe

_FILTER_NAME = "ldn_app_input_filter"


class AppInputFilter(QObject):
    """Wheel guard, window shortcuts from any field, and type-ahead in drop-downs.

    An application filter sees every event of the GUI thread, so it decides on the event type
    first and does nothing else for the rest.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(_FILTER_NAME)
        self.type_ahead = TypeAhead()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            return guard_wheel(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.ShortcutOverride:
            return let_window_shortcut_through(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.KeyPress:
            return self.type_ahead.key_pressed(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.Polish:
            make_wheel_safe(watched)
        return False


def install_input_filters(app: QCoreApplication) -> AppInputFilter:
    """Install the filter once (again is a no-op); every window made later is covered."""
    existing = app.findChild(AppInputFilter, _FILTER_NAME)
    if existing is not None:
        return existing
    app_filter = AppInputFilter(app)
    app.installEventFilter(app_filter)
    return app_filter


__all__ = ["AppInputFilter", "install_input_filters"]
