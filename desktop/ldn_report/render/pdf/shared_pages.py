"""Pages that are the same for every patient (the clinician pages), laid out and drawn once per
process and replayed into each report: their content streams, links, bookmarks and fonts.

Why replay the drawn page streams rather than reuse the laid-out flowables or import finished
pages from another PDF: drawing and saving are most of a render (layout alone is ~15%), and a
page imported from another file brings its own copies of the font subsets. A recorded stream
names its glyphs by codes that ReportLab gives out per document in order of first use, so each
report's fonts are seeded with the codes the recording gave out before anything is drawn; the
patient's pages then add their own characters after them. The footer ("Page 9 of 12", content
hash) is not part of a recorded page: it is drawn on every page when the report is saved.

The same seeding lets the patient's pages reuse drawing too: a paragraph whose characters all
have a code in the recording (the key points, the opioid text, the option grid's cells, ...)
draws the same operators, relative to its origin, wherever it lands on the page; it is drawn
once and replayed (SharedPages.drawn, used by Para.drawOn).
"""

from __future__ import annotations

import copy
import hashlib
import io
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

CACHE_SIZE = 16  # keys: template x language x pack x (evidence-summary variants); a few each
DRAWN_SIZE = 1000  # paragraphs drawn once per seed and replayed (SharedPages.drawn): ~2 MB

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
class Drawn:
    """A paragraph's drawing: its operators (relative to its origin) and non-drawing calls."""

    code: tuple[str, ...]
    events: tuple[_Event, ...]


@dataclass(frozen=True)
class SharedPages:
    """The recorded pages of one run of shared sections, and what a document needs to show them."""

    pages: tuple[RecordedPage, ...]
    fonts: tuple[_FontState, ...]
    # Paragraphs drawn in documents seeded with these fonts, by their line layout (drawn()).
    _drawn: OrderedDict[Hashable, Drawn | None] = field(default_factory=OrderedDict,
                                                        compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)
    _scratch: list[_ScratchCanvas] = field(default_factory=list, compare=False, repr=False)
    _uses: list[int] = field(default_factory=lambda: [0], compare=False, repr=False)

    def seed(self, canv: Canvas, frozen: bool = False) -> None:
        """Give ``canv``'s document the recording's glyph codes and font names; call before
        anything is drawn (the names are numbered in order of first use). ``frozen``: a
        character the recording did not use raises instead of getting a code."""
        doc = canv._doc
        if doc.fontMapping:
            raise RuntimeError("shared pages must be seeded before any font is used")
        if not frozen:
            self._uses[0] += 1
        for face in self.fonts:
            font = pdfmetrics.getFont(face.name)
            font.state[doc] = state = copy.deepcopy(face.state)
            state.frozen = int(frozen)
            doc.fontMapping[face.name] = "/" + face.internal
            doc.delayedFonts.append(font)

    def drawn(self, key: Hashable, flowable: Any, canv: Canvas) -> Drawn | None:
        """How ``flowable`` draws in any document seeded with these fonts, or None.

        A paragraph whose characters all have a code in the recording draws the same operators
        wherever it stands (they are relative to its origin: Flowable.drawOn translates), in
        every report seeded from this recording. ``key`` must hold everything its drawing
        reads (its line layout). It is drawn once on a scratch canvas with the recording's
        codes frozen; a paragraph with another character, or that draws something a replay
        would not carry (an image, transparency), is remembered as None: drawn as usual.

        Only from the second report seeded from this recording on: a single report (one CLI
        build) would pay a second drawing of every paragraph for nothing."""
        with self._lock:
            if key in self._drawn:
                self._drawn.move_to_end(key)
                return self._drawn[key]
            if self._uses[0] < 2:
                return None
            made = self._draw_once(flowable, canv)
            self._drawn[key] = made
            while len(self._drawn) > DRAWN_SIZE:
                self._drawn.popitem(last=False)
            return made

    def _draw_once(self, flowable: Any, canv: Canvas) -> Drawn | None:
        if not self._scratch:
            scratch = _ScratchCanvas(io.BytesIO(), pagesize=canv._pagesize,
                                     initialFontName=canv._initialFontName,
                                     initialFontSize=canv._initialFontSize,
                                     initialLeading=canv._initialLeading, invariant=1)
            self.seed(scratch, frozen=True)
            self._scratch.append(scratch)
        scratch = self._scratch[0]
        scratch.saveState()
        start = len(scratch._code)
        try:
            flowable._drawOn(scratch)
        except (_Unshareable, pdfdoc.PDFError):  # a character without a code: frozen
            self._scratch.clear()  # stopped half-way: a fresh one for the next
            return None
        code = scratch._code[start:]
        scratch.restoreState()
        scratch._code.clear()
        events, scratch.events = scratch.events, []
        if (scratch._formsinuse or scratch._colorsUsed or scratch._shadingUsed
                or scratch._extgstate.getState() or scratch._codeStack
                or scratch._psCommandsBeforePage or scratch._psCommandsAfterPage
                or len(scratch._doc.fontMapping) != len(self.fonts)):
            self._scratch.clear()  # what it drew stays in it: a fresh one for the next
            return None
        return Drawn(tuple(code), tuple(events))

    def drawn_counts(self) -> tuple[int, int]:
        """(paragraphs kept for replay, paragraphs found not replayable): tests, benchmarks."""
        with self._lock:
            nothing = sum(1 for d in self._drawn.values() if d is None)
            return len(self._drawn) - nothing, nothing

    def replay_drawn(self, drawn: Drawn, canv: Canvas) -> None:
        """Put a paragraph's recorded drawing on ``canv`` at its current origin."""
        canv._code.extend(drawn.code)
        for method, args, kwargs in drawn.events:
            getattr(canv, method)(*args, **kwargs)  # relative: placed by the current transform

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


class _ScratchCanvas(Canvas):
    """Where a paragraph is drawn once for replay: its links and anchors are kept as calls, in
    its own coordinates, to be made again wherever it is placed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[_Event] = []

    def linkRect(self, contents: str, destinationname: str, Rect: Any = None, addtopage: int = 1,
                 name: Any = None, relative: int = 1, thickness: float = 0, color: Any = None,
                 dashArray: Any = None, **kw: Any) -> None:
        if not relative or name is not None or not addtopage:
            raise _Unshareable("a link placed in page space")
        self.events.append(("linkRect", (contents, destinationname, Rect),
                            {"relative": 1, "thickness": thickness, "color": color,
                             "dashArray": dashArray, **kw}))

    def linkURL(self, url: str, rect: Any, relative: int = 0, thickness: float = 0,
                color: Any = None, dashArray: Any = None, kind: str = "URI", **kw: Any) -> None:
        if not relative:
            raise _Unshareable("a link placed in page space")
        self.events.append(("linkURL", (url, rect), {"relative": 1, "thickness": thickness,
                                                     "color": color, "dashArray": dashArray,
                                                     "kind": kind, **kw}))

    def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float,
                           **kw: Any) -> None:
        self.events.append(("bookmarkHorizontal", (key, relativeX, relativeY), kw))

    def _addAnnotation(self, annotation: Any, name: Any = None, addtopage: int = 1) -> None:
        raise _Unshareable("an annotation other than a link")

    def bookmarkPage(self, *args: Any, **kwargs: Any) -> Any:
        raise _Unshareable("a bookmark placed in page space")

    def addOutlineEntry(self, *args: Any, **kwargs: Any) -> None:
        raise _Unshareable("an outline entry")


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
    renders on a worker thread, the template editor's preview on another).

    ``stored``: a run not made in this process yet is read from the user cache, and a run
    recorded here is written there for the next process (stored_pages.py)."""

    def __init__(self, size: int = CACHE_SIZE, stored: bool = True) -> None:
        self.size = size
        self.stored = stored
        self._runs: OrderedDict[str, SharedPages | None] = OrderedDict()
        self._lock = threading.Lock()
        self.layouts = 0  # runs laid out (recorded), for tests and benchmarks
        self.loads = 0  # runs read from the user cache instead
        self.reuses = 0  # renders that replayed a run recorded or read earlier

    def get(self, key: str, make: Callable[[], SharedPages | None]) -> SharedPages | None:
        with self._lock:
            if key in self._runs:
                self._runs.move_to_end(key)
                self.reuses += 1
                return self._runs[key]
        # Read or laid out outside the lock: two threads may both make a new key, never wrongly.
        made = None
        if self.stored:
            from ldn_report.render.pdf import stored_pages  # it imports this module

            made = stored_pages.load(key)
        loaded = made is not None
        if not loaded:
            made = make()
            if made is not None and self.stored:
                stored_pages.save(key, made)
        with self._lock:
            if loaded:
                self.loads += 1
            else:
                self.layouts += 1
            self._runs[key] = made
            while len(self._runs) > self.size:
                self._runs.popitem(last=False)
        return made

    def clear(self) -> None:
        with self._lock:
            self._runs.clear()

    def runs(self) -> list[SharedPages]:
        """The recorded runs held now (tests, benchmarks)."""
        with self._lock:
            return [run for run in self._runs.values() if run is not None]


SHARED_PAGES = SharedPagesCache()


def key_of(*parts: object) -> str:
    """A key from everything that can change a run's pages (reprs of plain data)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
