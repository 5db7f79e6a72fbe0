"""The ``table`` output format: results in aligned columns for reading in a terminal.

:class:`TableWriter` is the :class:`~sentikit.io.record_writers.RecordWriter` of ``sentikit
analyze --format table``; :func:`cell_width` and :func:`fit_cell` measure and cut a cell by
the terminal columns its characters take. All of this is also importable from
:mod:`sentikit.io.records`.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Mapping
from typing import IO, Any

from sentikit.io.record_writers import RecordWriter, top_words


def cell_width(s: str) -> int:
    """Terminal columns taken by ``s`` (wide East-Asian characters 2, combining marks 0)."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def fit_cell(s: str, width: int) -> str:
    """``s`` on one line, cut to ``width`` columns (ending in ``…`` when cut) and padded."""
    s = " ".join(s.split())
    if cell_width(s) > width:
        out, w = [], 0
        for ch in s:
            cw = cell_width(ch)
            if w + cw > width - 1:
                break
            out.append(ch)
            w += cw
        s = "".join(out) + "…"
    return s + " " * max(0, width - cell_width(s))


class TableWriter(RecordWriter):
    """Aligned columns ``id lang label score text`` for reading in a terminal.

    The widths come from the first ``buffer`` results (held back until then, so that short
    inputs align exactly); later ones are cut to those widths. The text column fills the
    terminal width (``width``, default the terminal's or 100). Error records show ``ERROR``
    as the label and the message as the text. ``explain=True`` adds the columns ``TOP+`` and
    ``TOP-`` before the text: the explanation's top words each way, strongest first (each
    column at most a fifth of the width).
    """

    format = "table"
    _HEAD = ("ID", "LANG", "LABEL", "SCORE")
    _EXPLAIN_HEAD = ("TOP+", "TOP-")

    def __init__(
        self,
        stream: IO[str],
        width: int | None = None,
        buffer: int = 100,
        explain: bool = False,
    ) -> None:
        super().__init__(stream)
        self.width = width or shutil.get_terminal_size((100, 24)).columns
        self.buffer = max(1, buffer)
        self.explain = explain
        self._head = self._HEAD + (self._EXPLAIN_HEAD if explain else ())
        self._pending: list[tuple[str, ...]] = []
        self._widths: list[int] | None = None

    def _cells(self, result: Mapping[str, Any], text: str | None) -> tuple[str, ...]:
        rid = "" if result.get("id") is None else str(result["id"])
        lang = str(result.get("lang") or "-")
        if result.get("error"):
            top = ("", "") if self.explain else ()
            return rid, lang, "ERROR", "", *top, str(result["error"])
        score = result.get("score")
        try:
            score_s = f"{float(score):+.3f}" if score is not None else ""
        except (TypeError, ValueError):
            score_s = str(score)
        top = (
            (top_words(result, "positive", False), top_words(result, "negative", False))
            if self.explain
            else ()
        )
        label = str(result.get("label") or "-")
        return rid, lang, label, score_s, *top, "" if text is None else text

    def _emit(self, cells: tuple[str, ...]) -> None:
        assert self._widths is not None
        n = len(self._widths)
        parts = [fit_cell(c, w) for c, w in zip(cells[:n], self._widths, strict=True)]
        text_w = max(10, self.width - sum(self._widths) - 2 * n)
        parts.append(fit_cell(cells[n], text_w).rstrip())
        self.stream.write("  ".join(parts).rstrip() + "\n")

    def _start(self) -> None:
        rows = self._pending
        widths = [
            max([cell_width(h)] + [cell_width(" ".join(r[i].split())) for r in rows])
            for i, h in enumerate(self._head)
        ]
        widths[0] = min(widths[0], max(8, self.width // 4))  # long ids are cut
        for i in range(len(self._HEAD), len(widths)):  # top words are cut
            widths[i] = min(widths[i], max(8, self.width // 5))
        self._widths = widths
        self._emit((*self._head, "TEXT"))
        for r in rows:
            self._emit(r)
        self._pending = []

    def write(self, result: Mapping[str, Any], text: str | None = None) -> None:
        cells = self._cells(result, text)
        self.count += 1
        if self._widths is None:
            self._pending.append(cells)
            if len(self._pending) >= self.buffer:
                self._start()
        else:
            self._emit(cells)

    def _finish(self) -> None:
        if self._widths is None:
            self._start()


__all__ = ["TableWriter", "cell_width", "fit_cell"]
