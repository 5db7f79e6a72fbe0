"""A fast regular-expression tokenizer for (informal) Turkish text.

One compiled alternation (:data:`~sentikit.lang.tr.lexer.TOKEN_RE`) is scanned over each
whitespace-delimited chunk of the text; every match becomes a :class:`~sentikit.doc.Token` with
its character span, a ``kind`` (the table in :mod:`sentikit.lang.tr.lexer`) and (by default) its
``norm`` (:func:`sentikit.lang.tr.normalize.normalize_token`, memoized per distinct token text).
A chunk's tokens never depend on its context, so they are cached per chunk
(:class:`~sentikit.lang.chunks.ChunkCache`).

Examples
--------
>>> [(t.text, t.kind) for t in tokenize("Ankara'da çoook güzeldi :) #film")]
[('Ankara', 'word'), ("'da", 'suffix'), ('çoook', 'word'), ('güzeldi', 'word'), (':)', 'emoticon'), ('#film', 'hashtag')]
"""  # noqa: E501

from __future__ import annotations

import re

from sentikit.doc import Token, tokens_from_columns
from sentikit.errors import InputError
from sentikit.lang.chunks import ChunkCache, ChunkCols, rows_to_columns, split_chunks
from sentikit.lang.tr.lexer import KINDS, TOKEN_RE, scan_chunk, token_kind
from sentikit.lang.tr.normalize import normalize_token

__all__ = ["KINDS", "TOKEN_RE", "token_columns", "token_kind", "token_rows", "tokenize"]

_CHUNK_RE = re.compile(r"\S+")
_NORM_CACHE: dict[tuple[str, str], str] = {}
_NORM_CACHE_MAX = 500_000  # distinct (text, kind) pairs kept; cleared when full


_WORD_NORM: dict[str, str] = {}


def _norm(text: str, kind: str) -> str:
    """Memoized :func:`normalize_token` (words in their own dict: the hot path)."""
    if kind == "word":
        n = _WORD_NORM.get(text)
        if n is None:
            if len(_WORD_NORM) >= _NORM_CACHE_MAX:
                _WORD_NORM.clear()
            n = _WORD_NORM[text] = normalize_token(text, kind)
        return n
    key = (text, kind)
    n = _NORM_CACHE.get(key)
    if n is None:
        if len(_NORM_CACHE) >= _NORM_CACHE_MAX:
            _NORM_CACHE.clear()
        n = _NORM_CACHE[key] = normalize_token(text, kind)
    return n


def _chunk_tokens(chunk: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """``(start, end, text, norm, kind)`` of the tokens of one non-space chunk (uncached)."""
    return tuple((a, b, tok, _norm(tok, kind), kind) for a, b, tok, kind in scan_chunk(chunk))


# Every chunk's tokens as columns, offsets relative to the chunk (see sentikit.lang.chunks).
_CACHE = ChunkCache(300_000)
# the cache's maps under their former names (benchmarks/tokenize_ab.py reads them)
_COLS, _SINGLE_NORM, _SINGLE_KIND = _CACHE.cols, _CACHE.single_norm, _CACHE.single_kind


def _chunk_columns(chunk: str) -> ChunkCols:
    """The token columns of one chunk (cached)."""
    cols = _CACHE.cols.get(chunk)
    if cols is None:
        cols = rows_to_columns(_chunk_tokens(chunk))
        _CACHE.store(chunk, cols)
    return cols


def token_columns(
    text: str,
) -> tuple[list[str], list[int], list[int], list[str], list[str]]:
    """Token columns ``(texts, starts, ends, norms, kinds)`` of ``text``: :func:`token_rows`
    transposed, assembled from per-chunk cached columns with C-level iteration only (a
    chunk of several tokens is spliced in).

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    tuple of five lists
        ``Token.text``, ``start``, ``end``, ``norm`` and ``kind`` of each token.
    """
    chunks, starts = split_chunks(text, _CHUNK_RE)
    if not chunks:
        return [], [], [], [], []
    return _CACHE.assemble(chunks, starts, lambda i: _chunk_columns(chunks[i]))


def token_rows(text: str) -> list[tuple[str, int, int, str, str]]:
    """``(text, start, end, norm, kind)`` of each token: :func:`tokenize` without building Token
    objects.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of tuple of (str, int, int, str, str)
        One row per token, in text order.

    Examples
    --------
    >>> token_rows("Ankara'da güzel")
    [('Ankara', 0, 6, 'ankara', 'word'), ("'da", 6, 9, "'da", 'suffix'), ('güzel', 10, 15, 'güzel', 'word')]
    """  # noqa: E501
    return list(zip(*token_columns(text), strict=True))


def tokenize(text: str, normalize: bool = True) -> list[Token]:
    """Split ``text`` into tokens with character spans, kinds and normalized forms.

    Parameters
    ----------
    text : str
        Any text (``None`` or a non-string raises :class:`~sentikit.errors.InputError`).
    normalize : bool
        Set ``Token.norm`` (memoized :func:`~sentikit.lang.tr.normalize.normalize_token`).

    Returns
    -------
    list of Token
        Tokens in text order; ``text[t.start:t.end] == t.text`` for each.

    Examples
    --------
    >>> [t.text for t in tokenize("Harika!!! %50 indirim... 3,5 saat :-)")]
    ['Harika', '!!!', '%50', 'indirim', '...', '3,5', 'saat', ':-)']
    """
    if not isinstance(text, str):
        raise InputError(f"tokenize() expects a str, got {type(text).__name__}")
    texts, starts, ends, norms, kinds = token_columns(text)
    return tokens_from_columns(
        texts, starts, ends, norms if normalize else [None] * len(texts), kinds
    )
