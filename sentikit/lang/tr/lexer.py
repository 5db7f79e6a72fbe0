"""The Turkish token pattern: which tokens a text holds and their kinds, without normalization.

:func:`~sentikit.lang.tr.tokenize.tokenize` adds each token's ``norm``
(:func:`~sentikit.lang.tr.normalize.normalize_token`, which in turn asks :func:`token_kind` for
the kind of a token given alone), so this module depends on neither.

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
>>> scan_chunk("Ankara'da:)")
[(0, 6, 'Ankara', 'word'), (6, 9, "'da", 'suffix'), (9, 11, ':)', 'emoticon')]
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["KINDS", "TOKEN_RE", "scan_chunk", "token_kind"]

#: Every ``Token.kind`` the tokenizer emits.
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
"""The compiled tokenizer pattern; ``match.lastgroup`` is the token kind (``word2`` and
``number2``, the full alternatives, stand for ``word`` and ``number``)."""

_XD_RE = re.compile(r"[xX][dD]+")
_WORD_EMOTICON_RE = re.compile(r"[xX][dD]+|[Tt]_+[Tt]|[oO]_[oO]")
# group name → kind: the full alternatives "word2" and "number2" are words and numbers
_KIND = {group: group.rstrip("2") for group in TOKEN_RE.groupindex}


def _other_kind(ch: str) -> str:
    return "punct" if unicodedata.category(ch).startswith("P") else "other"


def scan_chunk(chunk: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, text, kind)`` of each token of one non-space chunk (offsets in the chunk).

    A chunk is delimited by whitespace, and no alternative of :data:`TOKEN_RE` looks across
    whitespace (lookbehinds only exclude word characters, "@", ".", "&" or "<"; lookaheads only
    test for word characters and a few symbols), so a chunk's tokens never depend on its
    context.

    Examples
    --------
    >>> scan_chunk("xD"), scan_chunk("güzel")
    ([(0, 2, 'xD', 'emoticon')], [(0, 5, 'güzel', 'word')])
    """
    if chunk.isalpha() and not (chunk[0] in "xX" and _XD_RE.fullmatch(chunk)):
        return [(0, len(chunk), chunk, "word")]
    out = []
    for m in TOKEN_RE.finditer(chunk):
        tok = m.group()
        kind = _KIND[m.lastgroup or "other"]
        if kind == "word":
            if (tok[0] in "xXoOTt" or "_" in tok) and _WORD_EMOTICON_RE.fullmatch(tok):
                kind = "emoticon"
        elif kind == "other":
            kind = _other_kind(tok)
        out.append((m.start(), m.end(), tok, kind))
    return out


def token_kind(text: str) -> str:
    """The kind the tokenizer gives ``text`` when it is a single token, else ``"other"``.

    Examples
    --------
    >>> token_kind("#film"), token_kind(":D"), token_kind("iki kelime")
    ('hashtag', 'emoticon', 'other')
    """
    chunks = text.split()
    if len(chunks) != 1 or chunks[0] != text:  # blank, or whitespace in it: several tokens
        return "other"
    parts = scan_chunk(text)
    if len(parts) != 1 or parts[0][2] != text:
        return "other"
    return parts[0][3]
