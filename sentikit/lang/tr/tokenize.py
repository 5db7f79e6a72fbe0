"""A fast regular-expression tokenizer for (informal) Turkish text.

One compiled alternation is scanned over the text; every match becomes a
:class:`~sentikit.doc.Token` with its character span, a ``kind`` and (by default) its ``norm``
(:func:`sentikit.lang.tr.normalize.normalize_token`, memoized per distinct token text).

Kinds, in the priority they are matched:

============ ===================================================================================
``url``      ``http(s)://…``, ``www.…``, bare domains with a common TLD (``beyazperde.com``),
             e-mail addresses; trailing punctuation is left out
``mention``  ``@name``
``hashtag``  ``#tag``
``emoji``    one emoji grapheme: ZWJ sequences, skin-tone modifiers, flags, keycaps
``emoticon`` ``:)`` ``:-(`` ``:D`` ``;)`` ``:'(`` ``:P`` ``<3`` ``xD`` ``^^`` ``-_-`` ``o_O`` …
             (mouth repeats such as ``:)))`` stay one token)
``number``   ``3.5`` ``10,5`` ``%50`` ``50%`` ``10/10`` ``1.000.000`` ``12:30``
``suffix``   an apostrophe suffix glued to the previous token: ``Ankara'da`` → ``Ankara`` +
             ``'da`` (also with ``’`` ``‘`` `````` ``´``)
``word``     letters (Turkish included, combining marks kept), digits after the first letter,
             hyphenated compounds (``e-posta``)
``punct``    ``...`` ``…`` ``!!!`` ``?!`` ``--`` as one token, else one punctuation character
``other``    any other non-space character (symbols such as ``₺`` ``+`` ``=``)
============ ===================================================================================

Examples
--------
>>> [(t.text, t.kind) for t in tokenize("Ankara'da çoook güzeldi :) #film")]
[('Ankara', 'word'), ("'da", 'suffix'), ('çoook', 'word'), ('güzeldi', 'word'), (':)', 'emoticon'), ('#film', 'hashtag')]
"""  # noqa: E501

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from sentikit.doc import Token
from sentikit.lang.chunks import assemble_columns, chunk_starts
from sentikit.lang.tr.normalize import normalize_token

__all__ = ["KINDS", "TOKEN_RE", "token_columns", "token_kind", "token_rows", "tokenize"]

#: Every ``Token.kind`` this tokenizer emits.
KINDS = (
    "word",
    "punct",
    "number",
    "url",
    "mention",
    "hashtag",
    "emoticon",
    "emoji",
    "suffix",
    "other",
)

_W = r"[^\W_]"  # a letter or digit
_L = r"[^\W\d_]"  # a letter
_WC = r"[\w\u0300-\u036f]"  # a word character, combining marks included
_URL_END = r"[^\s<>\"'’.,;:!?)\]}]"
_TLD = r"(?:com|net|org|edu|gov|mil|info|biz)(?:\.tr)?|(?:com|net|org|edu|gov|k12|bel|av|gen)\.tr"

_URL = (
    rf"(?:https?://|www\.)[^\s<>\"]*{_URL_END}"
    rf"|(?<![\w@.])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLD})(?:/[^\s<>\"]*{_URL_END})?(?!\w)"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?!\w)"
)
_MENTION = r"(?<!\w)@\w+"
_HASHTAG = r"(?<![\w&])#" + _WC + r"+"

_MOD = "[\U0001f3fb-\U0001f3ff\ufe0f]"  # skin tone / emoji presentation selector
_PICT = "[\u231a-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001f1e5\U0001f200-\U0001faff]"
_TEXT_PICT = (
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u25aa-\u25fe\u3030\u303d\u3297\u3299]\ufe0f"  # noqa: E501
)
_EBASE = f"(?:{_PICT}|{_TEXT_PICT})"
_EMOJI = (
    "[\U0001f1e6-\U0001f1ff]{2}"  # flag: a pair of regional indicators
    "|[0-9#*]\ufe0f?\u20e3"  # keycap
    f"|{_EBASE}{_MOD}*(?:\u200d{_EBASE}{_MOD}*)*[\U000e0020-\U000e007f]*"
)

_EMOTICON = (
    r"(?<![\w<])[xX][dD]+(?!\w)"
    r"|[:;=][-o^']?(?:[)(\]\[/\\|*@$]+|[DPpOo3]+(?!\w))"
    r"|(?<!\w)(?:</?3+|\^[_.-]?\^|-_+-|[Tt]_+[Tt]|[oO][_.][oO]|>[_.]<|\\o/)(?!\w)"
)
_NUMBER = r"%\d+(?:[.,]\d+)?|\d+(?:[.,:/]\d+)*%?"
_SUFFIX = r"(?<=" + _WC + r")['’‘`´]" + _L + _WC + "*"
_WORD = _L + _WC + r"*(?:-" + _L + _WC + "*)*"
_PUNCT = r"\.{2,}|…+|[!?¿¡]+|-{2,}|[=_*~]{3,}"
_OTHER = r"[^\s]"

# Fast alternatives first: a plain word not followed by what would make it a URL or an e-mail
# address, and a plain number not followed by a keycap; the full alternation handles the rest.
TOKEN_RE = re.compile(
    f"(?P<word>(?>{_WORD})(?![.@:][\\w/]))|(?P<number>(?>\\d+(?:[.,:/]\\d+)*%?)(?![\ufe0f\u20e3]))"
    f"|(?P<url>{_URL})|(?P<mention>{_MENTION})|(?P<hashtag>{_HASHTAG})|(?P<emoji>{_EMOJI})"
    f"|(?P<emoticon>{_EMOTICON})|(?P<number2>{_NUMBER})|(?P<suffix>{_SUFFIX})"
    f"|(?P<word2>{_WORD})|(?P<punct>{_PUNCT})|(?P<other>{_OTHER})"
)
"""The compiled tokenizer pattern; ``match.lastgroup`` is the token kind."""

_CHUNK_RE = re.compile(r"\S+")
_XD_RE = re.compile(r"[xX][dD]+")
_WORD_EMOTICON_RE = re.compile(r"[xX][dD]+|[Tt]_+[Tt]|[oO]_[oO]")
_KIND = {
    "word": "word",
    "word2": "word",
    "number": "number",
    "number2": "number",
    "url": "url",
    "mention": "mention",
    "hashtag": "hashtag",
    "emoji": "emoji",
    "emoticon": "emoticon",
    "suffix": "suffix",
    "punct": "punct",
    "other": "other",
}

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


_FIELD_ORDER = ("text", "start", "end", "norm", "lemma", "pos", "morphemes", "negated", "kind")


def _token_from_positional(*args: Any) -> Token:
    return Token(**dict(zip(_FIELD_ORDER, args, strict=True)))


# Positional construction saves ~40% of the per-token cost; it is used while Token's field order
# is the expected one, else an adapter passes the same values by keyword.
_make_token: Callable[..., Token] = (
    Token
    if tuple(f.name for f in fields(Token))[: len(_FIELD_ORDER)] == _FIELD_ORDER
    else _token_from_positional
)


def _other_kind(ch: str) -> str:
    return "punct" if unicodedata.category(ch).startswith("P") else "other"


# Tokens of each distinct non-space chunk, relative to the chunk: (start, end, text, norm,
# kind). A chunk is delimited by whitespace, and no alternative of TOKEN_RE looks across
# whitespace (lookbehinds only exclude word characters, "@", ".", "&" or "<"; lookaheads only
# test for word characters and a few symbols), so a chunk's tokens never depend on its context.
_CHUNK_CACHE: dict[str, tuple[tuple[int, int, str, str, str], ...]] = {}
_CHUNK_CACHE_MAX = 300_000


def _chunk_tokens(chunk: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """The tokens of one non-space chunk (uncached; see :data:`_CHUNK_CACHE`)."""
    if chunk.isalpha() and not (chunk[0] in "xX" and _XD_RE.fullmatch(chunk)):
        return ((0, len(chunk), chunk, _norm(chunk, "word"), "word"),)
    out = []
    for m in TOKEN_RE.finditer(chunk):
        tok = m.group()
        kind = _KIND[m.lastgroup or "other"]
        if kind == "word":
            if (tok[0] in "xXoOTt" or "_" in tok) and _WORD_EMOTICON_RE.fullmatch(tok):
                kind = "emoticon"
        elif kind == "other":
            kind = _other_kind(tok)
        out.append((m.start(), m.end(), tok, _norm(tok, kind), kind))
    return tuple(out)


# Single-token chunks: chunk → (norm, kind), and the same as two maps (chunk → norm, chunk →
# kind) for the fast path of token_columns.
_SINGLE: dict[str, tuple[str, str]] = {}
_SINGLE_NORM: dict[str, str] = {}
_SINGLE_KIND: dict[str, str] = {}
# Every chunk's tokens as columns: (texts, starts, ends, norms, kinds, count), relative offsets.
_COLS: dict[str, tuple[tuple[Any, ...], ...]] = {}


def _chunk_columns(chunk: str) -> tuple[tuple[Any, ...], ...]:
    """The token columns of one chunk (cached with the chunk's tokens)."""
    cols = _COLS.get(chunk)
    if cols is None:
        parts = _CHUNK_CACHE.get(chunk)
        if parts is None:
            parts = _chunk_tokens(chunk)
        if len(_CHUNK_CACHE) >= _CHUNK_CACHE_MAX:
            _CHUNK_CACHE.clear()
            _SINGLE.clear()
            _SINGLE_NORM.clear()
            _SINGLE_KIND.clear()
            _COLS.clear()
        _CHUNK_CACHE[chunk] = parts
        if len(parts) == 1:
            _SINGLE[chunk] = (parts[0][3], parts[0][4])
            _SINGLE_NORM[chunk] = parts[0][3]
            _SINGLE_KIND[chunk] = parts[0][4]
        starts, ends, texts, norms, kinds = zip(*parts, strict=True) if parts else ((),) * 5
        cols = _COLS[chunk] = (texts, starts, ends, norms, kinds, (len(parts),))
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
    chunks = text.split()
    if not chunks:
        return [], [], [], [], []
    starts = chunk_starts(text, chunks)
    if starts is None:  # not one whitespace character between chunks: the regex's offsets
        starts = [m.start() for m in _CHUNK_RE.finditer(text)]
        if len(starts) != len(chunks):  # "\S+" and str.split() disagree: use the regex
            chunks = _CHUNK_RE.findall(text)
    return assemble_columns(
        chunks, starts, _COLS, _SINGLE_NORM, _SINGLE_KIND, lambda i: _chunk_columns(chunks[i])
    )


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
        from sentikit.errors import InputError

        raise InputError(f"tokenize() expects a str, got {type(text).__name__}")
    new = _make_token
    if normalize:
        return [new(t, s, e, n, None, None, [], False, k) for t, s, e, n, k in token_rows(text)]
    return [new(t, s, e, None, None, None, [], False, k) for t, s, e, _, k in token_rows(text)]


def token_kind(text: str) -> str:
    """The kind ``tokenize`` gives ``text`` when it is a single token, else ``"other"``.

    Examples
    --------
    >>> token_kind("#film"), token_kind(":D"), token_kind("iki kelime")
    ('hashtag', 'emoticon', 'other')
    """
    toks = tokenize(text, normalize=False) if text and not text.isspace() else []
    if len(toks) != 1 or toks[0].text != text:
        return "other"
    return toks[0].kind
