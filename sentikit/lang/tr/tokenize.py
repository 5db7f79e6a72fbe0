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
from sentikit.lang.tr.normalize import normalize_token

__all__ = ["KINDS", "TOKEN_RE", "tokenize", "token_kind"]

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
    tokens: list[Token] = []
    append = tokens.append
    new = _make_token
    wcache = _WORD_NORM
    for chunk_m in _CHUNK_RE.finditer(text):
        chunk = chunk_m.group()
        if chunk.isalpha() and not (chunk[0] in "xX" and _XD_RE.fullmatch(chunk)):
            # the common case: one plain word
            s = chunk_m.start()
            if normalize:
                norm = wcache.get(chunk)
                if norm is None:
                    norm = _norm(chunk, "word")
            else:
                norm = None
            append(new(chunk, s, s + len(chunk), norm, None, None, [], False, "word"))
            continue
        for m in TOKEN_RE.finditer(text, chunk_m.start(), chunk_m.end()):
            tok = m.group()
            kind = _KIND[m.lastgroup or "other"]
            if kind == "word":
                if (tok[0] in "xXoOTt" or "_" in tok) and _WORD_EMOTICON_RE.fullmatch(tok):
                    kind = "emoticon"
            elif kind == "other":
                kind = _other_kind(tok)
            norm = _norm(tok, kind) if normalize else None
            append(new(tok, m.start(), m.end(), norm, None, None, [], False, kind))
    return tokens


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
