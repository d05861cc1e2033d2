"""The live preview: the real PDF bytes in a QPdfDocument shown by a QPdfView, with zoom."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.2
ZOOM_MIN, ZOOM_MAX = 0.25, 5.0


class PdfPreview(QWidget):
    """Shows every page of one PDF; ``show_pdf`` swaps the document and keeps the scroll place."""

    zoom_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_bytes = b""  # exactly the bytes on screen
        self._data = QByteArray()
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setAccessibleName(self.tr("Report preview"))
        self.view.setAccessibleDescription(self.tr("The PDF report as it will print; all pages"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and PgUp/PgDn scroll
        self.view.installEventFilter(self)

        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.zoom_out_button = self._tool("−", self.tr("Zoom out"), "Ctrl+-", self.zoom_out)
        self.zoom_in_button = self._tool("+", self.tr("Zoom in"), "Ctrl++", self.zoom_in)
        self.fit_width_button = self._tool(self.tr("Fit width"), self.tr("Fit page width"),
                                           "Ctrl+0", self.fit_width)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button):
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._update_zoom_label()

    def _tool(self, text: str, name: str, keys: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(f"{name} ({keys})")
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def show_pdf(self, pdf: bytes) -> int:
        """Replace the shown document; returns its page count (0 if Qt could not read it)."""
        bar = self.view.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        old = self._buffer
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        # QPdfDocument reads from the device lazily: the buffer lives until the next swap.
        self.document.load(self._buffer)
        if old is not None:
            old.close()
        self.pdf_bytes = pdf
        if bar.maximum():
            bar.setValue(round(fraction * bar.maximum()))
        self._update_zoom_label()
        return self.document.pageCount()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._update_zoom_label()  # fit width changes with the window
        return super().eventFilter(watched, event)

    def page_count(self) -> int:
        return self.document.pageCount()

    # --- zoom ---------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def _zoom_by(self, step: float) -> None:
        # From fit-width, continue from what is on screen now, not from the stored factor.
        factor = self._effective_zoom() * step
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, factor)))
        self._update_zoom_label()

    def _effective_zoom(self) -> float:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return self.view.zoomFactor()
        # Fit width: the page's point width (1/72 in) against the viewport at the screen's dpi.
        width_pt = self.document.pagePointSize(0).width()
        dpi = self.logicalDpiX() or 96
        margins = 2 * self.view.documentMargins().left() + 4
        return max(ZOOM_MIN, (self.view.viewport().width() - margins) / (width_pt * dpi / 72))

    def _update_zoom_label(self) -> None:
        text = f"{round(self._effective_zoom() * 100)} %"
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            text += self.tr(" (fit width)")
        self.zoom_label.setText(text)
        self.zoom_changed.emit(text)
