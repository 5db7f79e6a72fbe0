"""The chunk cache behind both tokenizers' fast paths (per-chunk cached token columns).

A tokenizer cuts a text into whitespace-delimited chunks (:func:`split_chunks`), caches each
chunk's tokens as columns ``(texts, starts, ends, norms, kinds, (count,))`` with offsets
relative to the chunk, and keeps two maps for chunks of one token (chunk → norm, chunk → kind):
one :class:`ChunkCache` per tokenizer holds the three. :func:`assemble_columns` builds a text's
token columns from those caches with C-level iteration only.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

ChunkCols = tuple[tuple[Any, ...], ...]
Columns = tuple[list[str], list[int], list[int], list[str], list[str]]

#: :func:`assemble_columns` splices multi-token chunks into the single-token columns while
#: (number of such chunks) × (number of chunks) stays under this bound; each splice shifts the
#: rest of the lists, so beyond it (very long texts) concatenating every chunk's columns is
#: cheaper.
SPLICE_MAX_WORK = 1_000_000

_PLUS1 = (1).__add__


def chunk_starts(text: str, chunks: list[str]) -> list[int] | None:
    """Start offsets of ``chunks = text.split()`` (non-empty) when one whitespace character
    separates them and the text has no leading or trailing whitespace (most texts); else
    ``None``.

    The offsets come from C-level accumulation, so no regex match object is created.
    """
    ends1 = list(itertools.accumulate(map(_PLUS1, map(len, chunks))))
    if ends1[-1] - 1 != len(text):
        return None
    ends1.pop()
    ends1.insert(0, 0)
    return ends1


def splice_chunks(
    cols: Mapping[str, ChunkCols],
    chunks: list[str],
    starts: list[int],
    ends: list[int],
    norms: list[Any],
    kinds: list[Any],
    fill: Callable[[int], ChunkCols] | None = None,
) -> bool:
    """Replace, in place, the entries of the chunks that are not single tokens (``None`` in
    ``norms``) by their tokens' columns from ``cols``.

    A chunk missing from ``cols`` gets its columns from ``fill(i)`` (``i``: its index; every
    call happens before anything is changed); without ``fill``, ``False`` is returned and
    nothing changed. Each splice shifts the rest of the five lists, so the caller bounds the
    work (see :data:`SPLICE_MAX_WORK`).
    """
    multi = [i for i, n in enumerate(norms) if n is None]
    found: list[Any] = [cols.get(chunks[i]) for i in multi]
    if None in found:
        if fill is None:
            return False
        found = [c if c is not None else fill(i) for i, c in zip(multi, found, strict=True)]
    for i, c in zip(reversed(multi), reversed(found), strict=True):
        c_texts, c_starts, c_ends, c_norms, c_kinds, _ = c
        base = starts[i]
        chunks[i : i + 1] = c_texts
        starts[i : i + 1] = [base + a for a in c_starts]
        ends[i : i + 1] = [base + b for b in c_ends]
        norms[i : i + 1] = c_norms
        kinds[i : i + 1] = c_kinds
    return True


def assemble_columns(
    chunks: list[str],
    starts: list[int],
    cols: Mapping[str, ChunkCols],
    single_norm: Mapping[str, str],
    single_kind: Mapping[str, str],
    fill: Callable[[int], ChunkCols],
) -> Columns:
    """The token columns ``(texts, starts, ends, norms, kinds)`` of a text from its chunks and
    their start offsets (both lists may be reused for the result).

    Single-token chunks come from ``single_norm`` / ``single_kind``; the others are spliced in
    from ``cols``, or, for a text with too many of them (:data:`SPLICE_MAX_WORK`), every
    chunk's columns are concatenated. ``fill(i)`` gives the columns of chunk ``i`` when ``cols``
    lacks them (it is called before the lists change).
    """
    norms: list[Any] = list(map(single_norm.get, chunks))
    if None in norms and norms.count(None) * len(chunks) > SPLICE_MAX_WORK:
        return concat_columns(chunks, starts, cols, fill)
    kinds: list[Any] = list(map(single_kind.get, chunks))
    ends = list(map(int.__add__, starts, map(len, chunks)))
    if None in norms:
        splice_chunks(cols, chunks, starts, ends, norms, kinds, fill)
    return chunks, starts, ends, norms, kinds


def concat_columns(
    chunks: list[str],
    starts: list[int],
    cols: Mapping[str, ChunkCols],
    fill: Callable[[int], ChunkCols],
) -> Columns:
    """Token columns as the concatenation of every chunk's columns (``fill`` as in
    :func:`assemble_columns`)."""
    found: list[Any] = list(map(cols.get, chunks))
    if None in found:
        found = [c if c is not None else fill(i) for i, c in enumerate(found)]
    c_texts, c_starts, c_ends, c_norms, c_kinds, c_counts = zip(*found, strict=True)
    flat = itertools.chain.from_iterable
    base = list(flat(map(itertools.repeat, starts, flat(c_counts))))
    return (
        list(flat(c_texts)),
        list(map(int.__add__, base, flat(c_starts))),
        list(map(int.__add__, base, flat(c_ends))),
        list(flat(c_norms)),
        list(flat(c_kinds)),
    )


def rows_to_columns(rows: Sequence[tuple[int, int, str, str, str]]) -> ChunkCols:
    """The cached columns ``(texts, starts, ends, norms, kinds, (count,))`` of one chunk from
    its token rows ``(start, end, text, norm, kind)`` (offsets relative to the chunk)."""
    starts, ends, texts, norms, kinds = zip(*rows, strict=True) if rows else ((),) * 5
    return (texts, starts, ends, norms, kinds, (len(rows),))


def split_chunks(
    text: str, chunk_re: re.Pattern[str], regular: bool = True
) -> tuple[list[str], list[int]]:
    """The non-space chunks of ``text`` and their start offsets (both empty for a blank text).

    ``text.split()`` and :func:`chunk_starts` give them when one space separates the chunks;
    otherwise (and when ``regular`` is false, for a text whose chunks ``str.split`` does not
    see, such as the English spaced ellipsis) ``chunk_re`` finds the offsets, and the chunks
    too where the two disagree.
    """
    chunks = text.split()
    if not chunks:
        return chunks, []
    starts = chunk_starts(text, chunks) if regular else None
    if starts is None:  # not one whitespace character between chunks: the regex's offsets
        starts = [m.start() for m in chunk_re.finditer(text)]
        if len(starts) != len(chunks):  # chunk_re and str.split() disagree: use the regex
            chunks = chunk_re.findall(text)
    return chunks, starts


class ChunkCache:
    """One tokenizer's per-chunk token columns and its two single-token maps.

    ``cols`` maps a chunk to its columns (see :func:`rows_to_columns`); ``single_norm`` and
    ``single_kind`` map a chunk of exactly one token to that token's norm and kind. All three
    are emptied together when ``cols`` reaches ``max_size`` chunks (and never replaced, so
    references to them stay valid).

    Parameters
    ----------
    max_size : int
        Most chunks kept.
    """

    __slots__ = ("cols", "single_norm", "single_kind", "max_size")

    def __init__(self, max_size: int = 300_000) -> None:
        self.cols: dict[str, ChunkCols] = {}
        self.single_norm: dict[str, str] = {}
        self.single_kind: dict[str, str] = {}
        self.max_size = max_size

    def store(self, chunk: str, cols: ChunkCols) -> None:
        """Cache the columns of ``chunk`` (emptying the cache first when it is full)."""
        if len(self.cols) >= self.max_size:
            self.cols.clear()
            self.single_norm.clear()
            self.single_kind.clear()
        self.cols[chunk] = cols
        if cols[5][0] == 1:
            self.single_norm[chunk] = cols[3][0]
            self.single_kind[chunk] = cols[4][0]

    def assemble(
        self, chunks: list[str], starts: list[int], fill: Callable[[int], ChunkCols]
    ) -> Columns:
        """:func:`assemble_columns` from this cache (``fill(i)``: columns of uncached chunk
        ``i``)."""
        return assemble_columns(chunks, starts, self.cols, self.single_norm, self.single_kind, fill)


__all__ = [
    "SPLICE_MAX_WORK",
    "ChunkCache",
    "assemble_columns",
    "chunk_starts",
    "concat_columns",
    "rows_to_columns",
    "splice_chunks",
    "split_chunks",
]
