"""Pages that are the same for every patient (the clinician pages), laid out and drawn once per
process and replayed into each report: their content streams, links, bookmarks and fonts.

Why replay the drawn page streams rather than reuse the laid-out flowables or import finished
pages from another PDF: drawing and saving are most of a render (layout alone is ~15%), and a
page imported from another file brings its own copies of the font subsets. A recorded stream
names its glyphs by codes that ReportLab gives out per document in order of first use, so each
report's fonts are seeded with the codes the recording gave out before anything is drawn; the
patient's pages then add their own characters after them. The footer ("Page 9 of 12", content
hash) is not part of a recorded page: it is drawn on every page when the report is saved.
"""

from __future__ import annotations

import copy
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

CACHE_SIZE = 16  # keys: template x language x pack x (evidence-summary variants); a few each

_Event = tuple[str, tuple[Any, ...], dict[str, Any]]  # a canvas call that draws nothing


@dataclass(frozen=True)
class RecordedPage:
    code: tuple[str, ...]  # the page's content stream, as ReportLab's canvas collected it
    events: tuple[_Event, ...]  # bookmarks, outline entries and links made on this page


@dataclass(frozen=True)
class _FontState:
    """One TrueType face's subset assignments in the recording document (TTFont.State)."""

    name: str  # the registered face
    internal: str  # its PDF resource name there, e.g. "F2" (subsets are /F2+0, /F2+1, ...)
    state: Any


@dataclass(frozen=True)
class SharedPages:
    """The recorded pages of one run of shared sections, and what a document needs to show them."""

    pages: tuple[RecordedPage, ...]
    fonts: tuple[_FontState, ...]

    def seed(self, canv: Canvas) -> None:
        """Give ``canv``'s document the recording's glyph codes and font names; call before
        anything is drawn (the names are numbered in order of first use)."""
        doc = canv._doc
        if doc.fontMapping:
            raise RuntimeError("shared pages must be seeded before any font is used")
        for face in self.fonts:
            font = pdfmetrics.getFont(face.name)
            font.state[doc] = copy.deepcopy(face.state)
            doc.fontMapping[face.name] = "/" + face.internal
            doc.delayedFonts.append(font)

    def replay(self, canv: Canvas) -> None:
        """Append the recorded pages to ``canv``'s document, after the pages drawn so far."""
        for page in self.pages:
            for method, args, kwargs in page.events:
                getattr(canv, method)(*args, **kwargs)  # bound to this (the current) page
            canv._code = list(page.code)
            canv.showPage()


class _Unshareable(Exception):
    """The run draws something a replay would not carry over (an image, a form, transparency,
    a page of another size, a font that is not a bundled TrueType face)."""


class RecordingCanvas(Canvas):
    """A canvas that keeps each finished page's stream and non-drawing calls instead of a file."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self._doc.fontMapping:
            raise _Unshareable("fonts are named before the first page")
        self.recorded: list[RecordedPage] = []
        self.fonts: tuple[_FontState, ...] = ()
        self._events: list[_Event] = []
        self._in_link = False
        self._size = tuple(self._pagesize)

    # -- the calls that leave marks outside the page stream -----------------------------------

    def bookmarkPage(self, key: str, fit: str = "Fit", left: Any = None, top: Any = None,
                     bottom: Any = None, right: Any = None, zoom: Any = None) -> Any:
        self._events.append(("bookmarkPage", (key,), {"fit": fit, "left": left, "top": top,
                                                      "bottom": bottom, "right": right,
                                                      "zoom": zoom}))
        return super().bookmarkPage(key, fit, left, top, bottom, right, zoom)

    def addOutlineEntry(self, title: str, key: str, level: int = 0, closed: Any = None) -> None:
        self._events.append(("addOutlineEntry", (title, key), {"level": level, "closed": closed}))
        super().addOutlineEntry(title, key, level, closed)

    def linkRect(self, contents: str, destinationname: str, Rect: Any = None, addtopage: int = 1,
                 name: Any = None, relative: int = 1, thickness: float = 0, color: Any = None,
                 dashArray: Any = None, **kw: Any) -> Any:
        # Replayed in page space: the transform in force now is not there at replay.
        rect = self._absRect(Rect, relative)
        self._events.append(("linkAbsolute", (contents, destinationname, rect),
                             {"addtopage": addtopage, "name": name, "thickness": thickness,
                              "color": color, "dashArray": dashArray, **kw}))
        self._in_link = True
        try:
            return super().linkRect(contents, destinationname, rect, addtopage, name, 0,
                                    thickness, color, dashArray, **kw)
        finally:
            self._in_link = False

    def linkURL(self, url: str, rect: Any, relative: int = 0, thickness: float = 0,
                color: Any = None, dashArray: Any = None, kind: str = "URI", **kw: Any) -> None:
        rect = self._absRect(rect, relative)
        self._events.append(("linkURL", (url, rect), {"relative": 0, "thickness": thickness,
                                                      "color": color, "dashArray": dashArray,
                                                      "kind": kind, **kw}))
        self._in_link = True
        try:
            super().linkURL(url, rect, 0, thickness, color, dashArray, kind, **kw)
        finally:
            self._in_link = False

    def _addAnnotation(self, annotation: Any, name: Any = None, addtopage: int = 1) -> None:
        if not self._in_link:
            raise _Unshareable("an annotation other than a link")
        super()._addAnnotation(annotation, name, addtopage)

    # -- pages and the end ---------------------------------------------------------------------

    def showPage(self) -> None:
        if (self._formsinuse or self._colorsUsed or self._shadingUsed
                or self._extgstate.getState() or self._psCommandsBeforePage
                or self._psCommandsAfterPage or self._pageRotation
                or self._pageTransition or self._pageDuration is not None
                or tuple(self._pagesize) != self._size or self._codeStack):
            raise _Unshareable("a page uses resources a replay does not carry")
        self.recorded.append(RecordedPage(tuple(self._code), tuple(self._events)))
        self._events = []
        super().showPage()

    def save(self) -> None:
        """Keep the fonts' assignments; no file is written."""
        if len(self._code):
            self.showPage()
        doc = self._doc
        fonts = []
        for name, ref in doc.fontMapping.items():
            font = pdfmetrics.getFont(name)
            state = getattr(font, "state", {}).get(doc) if getattr(font, "_dynamicFont",
                                                                    0) else None
            if state is None or "/" + (state.internalName or "") != ref:
                raise _Unshareable(f"font {name} is not a subset TrueType face")
            fonts.append(_FontState(name, state.internalName, copy.deepcopy(state)))
            del font.state[doc]
        self.fonts = tuple(fonts)


def record(build: Callable[[type[RecordingCanvas]], RecordingCanvas]) -> SharedPages | None:
    """Lay out and draw a run of pages once with ``build`` (given the canvas class, it builds the
    run's story on a fresh page and returns the canvas); None when the run cannot be replayed."""
    try:
        canv = build(RecordingCanvas)
    except _Unshareable:
        return None
    return SharedPages(tuple(canv.recorded), canv.fonts)


class SharedPagesCache:
    """Recorded runs by key, most recently used kept; safe to use from several threads (the app
    renders on a worker thread, the template editor's preview on another)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._runs: OrderedDict[str, SharedPages | None] = OrderedDict()
        self._lock = threading.Lock()
        self.layouts = 0  # runs laid out (recorded), for tests and benchmarks
        self.reuses = 0  # renders that replayed a run recorded earlier

    def get(self, key: str, make: Callable[[], SharedPages | None]) -> SharedPages | None:
        with self._lock:
            if key in self._runs:
                self._runs.move_to_end(key)
                self.reuses += 1
                return self._runs[key]
        # Laid out outside the lock: two threads may both record a new key, never wrongly.
        made = make()
        with self._lock:
            self.layouts += 1
            self._runs[key] = made
            while len(self._runs) > self.size:
                self._runs.popitem(last=False)
        return made

    def clear(self) -> None:
        with self._lock:
            self._runs.clear()


SHARED_PAGES = SharedPagesCache()


def key_of(*parts: object) -> str:
    """A key from everything that can change a run's pages (reprs of plain data)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
