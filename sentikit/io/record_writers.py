"""Writing records: :class:`RecordWriter` streams analysis results (the result dicts of
:meth:`sentikit.pipeline.Analyzer.iter_analyze`) to a text stream as ``json`` (one JSON array,
written item by item), ``jsonl`` or ``csv`` (flat columns :data:`CSV_COLUMNS`).

The ``table`` format (aligned columns for a terminal) is :class:`sentikit.io.table.TableWriter`;
:func:`sentikit.io.records.make_writer` picks the writer of a format name. All of this is also
importable from :mod:`sentikit.io.records`.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> with JsonlWriter(out) as w:
...     w.write({"id": "a", "label": "positive", "score": 0.5})
>>> out.getvalue()
'{"id": "a", "label": "positive", "score": 0.5}\\n'
"""

from __future__ import annotations

import csv
import json
import math
from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from sentikit.io._files import Closing

#: Columns of the ``csv`` output format, in order.
CSV_COLUMNS = (
    "id",
    "lang",
    "label",
    "score",
    "prob_positive",
    "prob_neutral",
    "prob_negative",
    "error",
    "text",
)
#: Columns that ``explain`` adds to the ``csv`` format, before ``text``: the words of the
#: explanation's ``top`` (:func:`top_words`).
EXPLAIN_COLUMNS = ("top_positive", "top_negative")


def json_default(obj: Any) -> Any:
    """``json.dumps`` fallback: numpy scalars/arrays, paths and objects with ``to_dict``."""
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, set | frozenset | tuple):
        return list(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON serializable")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=json_default)


class RecordWriter(Closing, ABC):
    """Streams result dicts to a text stream in one output format.

    Use as a context manager, or call :meth:`close` at the end (it finishes the document,
    e.g. the closing ``]`` of a JSON array, and flushes; it does not close the stream).

    Parameters
    ----------
    stream : text stream
        Where to write.

    Attributes
    ----------
    count : int
        Results written so far.
    """

    format: str = ""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0
        self._closed = False

    @abstractmethod
    def write(self, result: Mapping[str, Any], text: str | None = None) -> None:
        """Write one result; ``text`` is the input text (used by ``csv`` and ``table``)."""

    def flush(self) -> None:
        """Flush the stream (called by the CLI after every batch, so output streams)."""
        self.stream.flush()

    def _finish(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Write whatever ends the document."""

    def close(self) -> None:
        """Finish the document and flush; idempotent."""
        if not self._closed:
            self._closed = True
            self._finish()
            self.flush()


class JsonlWriter(RecordWriter):
    """One JSON object per line (the result dict as it is)."""

    format = "jsonl"

    def write(self, result: Mapping[str, Any], text: str | None = None) -> None:
        self.stream.write(_dumps(result) + "\n")
        self.count += 1


class JsonWriter(RecordWriter):
    """One JSON array, one result per line, written as results come (``[]`` when none)."""

    format = "json"

    def write(self, result: Mapping[str, Any], text: str | None = None) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + _dumps(result))
        self.count += 1

    def _finish(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")


def _num(value: Any) -> str:
    if value is None:
        return ""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(x):
        return ""
    return repr(round(x, 6))


def top_words(result: Mapping[str, Any], side: str, numbers: bool = True) -> str:
    """The words of the ``explanation``'s ``top[side]`` of a result, strongest first:
    ``"güzel +1.448; harika +0.512"`` (``numbers=False``: ``"güzel, harika"``); empty without
    an explanation."""
    entries = ((result.get("explanation") or {}).get("top") or {}).get(side) or []
    if numbers:
        return "; ".join(f"{e['text']} {float(e['contribution']):+.3f}" for e in entries)
    return ", ".join(str(e["text"]) for e in entries)


def flat_row(result: Mapping[str, Any], text: str | None = None) -> dict[str, str]:
    """The :data:`CSV_COLUMNS` and :data:`EXPLAIN_COLUMNS` of one result as strings (empty
    where absent)."""
    probs = result.get("probs") or {}
    return {
        "id": "" if result.get("id") is None else str(result["id"]),
        "lang": str(result.get("lang") or ""),
        "label": str(result.get("label") or ""),
        "score": _num(result.get("score")),
        "prob_positive": _num(probs.get("positive")),
        "prob_neutral": _num(probs.get("neutral")),
        "prob_negative": _num(probs.get("negative")),
        "error": str(result.get("error") or ""),
        "top_positive": top_words(result, "positive"),
        "top_negative": top_words(result, "negative"),
        "text": "" if text is None else text,
    }


class CsvWriter(RecordWriter):
    """Flat CSV with the header :data:`CSV_COLUMNS` (``text`` last; ``include_text=False``
    drops it; ``explain=True`` adds :data:`EXPLAIN_COLUMNS` before it: the explanation's top
    words each way, ``"word +1.234; word +0.567"``). Lines end with ``\\n``; fields are
    quoted where needed (RFC 4180)."""

    format = "csv"

    def __init__(self, stream: IO[str], include_text: bool = True, explain: bool = False) -> None:
        super().__init__(stream)
        columns = list(CSV_COLUMNS[:-1]) + (list(EXPLAIN_COLUMNS) if explain else []) + ["text"]
        self.columns = [c for c in columns if include_text or c != "text"]
        self._writer = csv.writer(stream, lineterminator="\n")
        self._header_done = False

    def _header(self) -> None:
        if not self._header_done:
            self._header_done = True
            self._writer.writerow(self.columns)

    def write(self, result: Mapping[str, Any], text: str | None = None) -> None:
        self._header()
        row = flat_row(result, text)
        self._writer.writerow([row[c] for c in self.columns])
        self.count += 1

    def _finish(self) -> None:
        self._header()


__all__ = [
    "CSV_COLUMNS",
    "EXPLAIN_COLUMNS",
    "CsvWriter",
    "JsonWriter",
    "JsonlWriter",
    "RecordWriter",
    "flat_row",
    "json_default",
    "top_words",
]
