"""Turkish-aware case folding, letter-repeat squeezing and token normalization.

Python's ``str.lower`` is wrong for Turkish: ``"I".lower()`` is ``"i"`` (Turkish: ``"ı"``) and
``"İ".lower()`` is ``"i̇"`` (``i`` + U+0307 COMBINING DOT ABOVE, Turkish: ``"i"``). The functions
here apply the Turkish dotted/dotless rules and repair the combining-dot sequences that a naive
lowercasing leaves behind.

``normalize_token`` produces the ``Token.norm`` form used by the models. Its policy per token kind:

* ``word``: Turkish lowercase, circumflex removed (``â → a``), runs of ≥ 3 identical letters
  squeezed to one (``Güzeeeel → güzel``).
* ``suffix``: as a word, apostrophe variants (``’ ‘ ` ´``) unified to ``'`` (``’DA → 'da``).
* ``hashtag``: ``#`` + the body normalized as a word (``#İyiFilm → #iyifilm``).
* ``mention``: lowercased (``@TurkTelekom → @turktelekom``): handles are case-insensitive, and
  they are kept because brand mentions carry signal in tweets.
* ``url``: the placeholder :data:`URL_PLACEHOLDER` (``"<url>"``): addresses are unique strings
  without sentiment; the placeholder keeps the *fact* of a link.
* ``emoticon``: nose removed, a repeated mouth squeezed, ``xD``/``XD`` → ``xd``
  (``:-))) → :)``).
* ``emoji``: skin-tone modifiers and variation selectors removed (``👍🏽 → 👍``).
* ``punct``: runs longer than 3 of one character cut to 3, ``…`` → ``...`` (``!!!!! → !!!``).
* ``number`` and ``other``: unchanged (``other`` NFC-normalized).

Examples
--------
>>> tr_lower("İSTANBUL"), tr_lower("IĞDIR")
('istanbul', 'ığdır')
>>> squeeze_repeats("çoooook"), squeeze_repeats("saat")
('çok', 'saat')
>>> normalize_token("Güzeeeel")
'güzel'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import product

from sentikit.lang.tr.lexer import token_kind

__all__ = [
    "ASCII_FOLD",
    "TURKISH_SPECIFIC",
    "URL_PLACEHOLDER",
    "fold_diacritics",
    "has_turkish_letters",
    "normalize_token",
    "squeeze_candidates",
    "squeeze_repeats",
    "tr_capitalize",
    "tr_lower",
    "tr_upper",
]

URL_PLACEHOLDER = "<url>"
"""``Token.norm`` of every URL token (a design decision, see the module docstring)."""

#: Letters that exist in Turkish but not in ASCII (their presence shows a writer types Turkish).
TURKISH_SPECIFIC = frozenset("çğıöşüÇĞİÖŞÜ")

_COMBINING_DOT = "\u0307"
_LOWER_PRE = str.maketrans({"İ": "i", "I": "ı"})
_UPPER_PRE = str.maketrans({"i": "İ", "ı": "I"})
_CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuAIU")

#: Folding of Turkish letters (and circumflexed vowels) to their ASCII look-alikes.
ASCII_FOLD = str.maketrans("çğıöşüâîûÇĞİÖŞÜÂÎÛ", "cgiosuaiuCGIOSUAIU")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_RUN3 = re.compile(r"([^\W\d_])\1{2,}")
_PUNCT_RUN = re.compile(r"(\W)\1{3,}")
_XD = re.compile(r"[xX][dD]+")
_SKIN_AND_VS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0e]|\ufe0f(?!\u20e3)")


def tr_lower(s: str) -> str:
    """Lowercase with the Turkish dotted/dotless rules.

    ``I → ı``, ``İ → i``; a decomposed ``I`` + U+0307 becomes ``i``, and the ``i`` + U+0307 pairs
    that a naive ``"İ".lower()`` produces are repaired to ``i``.

    Parameters
    ----------
    s : str
        Any text.

    Returns
    -------
    str
        The lowercased text (same length unless combining dots were removed).

    Examples
    --------
    >>> tr_lower("IĞDIR İSTANBUL"), tr_lower("i̇stanbul")
    ('ığdır istanbul', 'istanbul')
    """
    if _COMBINING_DOT in s:
        s = s.replace("I" + _COMBINING_DOT, "i")
        s = s.translate(_LOWER_PRE).lower().replace("i" + _COMBINING_DOT, "i")
        return s
    return s.translate(_LOWER_PRE).lower()


def tr_upper(s: str) -> str:
    """Uppercase with the Turkish dotted/dotless rules (``i → İ``, ``ı → I``).

    Examples
    --------
    >>> tr_upper("ığdır istanbul")
    'IĞDIR İSTANBUL'
    """
    if _COMBINING_DOT in s:
        s = s.replace("i" + _COMBINING_DOT, "i")
    return s.translate(_UPPER_PRE).upper()


def tr_capitalize(s: str) -> str:
    """First letter uppercased (Turkish rules), the rest lowercased.

    Examples
    --------
    >>> tr_capitalize("istanbul")
    'İstanbul'
    """
    return tr_upper(s[:1]) + tr_lower(s[1:]) if s else s


def fold_diacritics(s: str) -> str:
    """Replace Turkish letters by their ASCII look-alikes (``ç→c ğ→g ı→i ö→o ş→s ü→u``).

    This is what a writer without a Turkish keyboard produces; ``deasciify`` undoes it.

    Examples
    --------
    >>> fold_diacritics("Beğenmedim, çok sıkıcı")
    'Begenmedim, cok sikici'
    """
    s = s.replace("i" + _COMBINING_DOT, "i")
    return s.translate(ASCII_FOLD)


def has_turkish_letters(s: str) -> bool:
    """Whether ``s`` contains a letter that only Turkish (not ASCII) has."""
    return not TURKISH_SPECIFIC.isdisjoint(s)


def squeeze_repeats(
    word: str,
    is_valid: Callable[[str], bool] | None = None,
    max_runs: int = 4,
) -> str:
    """Squeeze runs of three or more identical letters (emphatic spelling).

    Every run of ≥ 3 identical letters becomes one letter (``"güzeeeel" → "güzel"``); doubles
    such as ``"saat"`` or ``"dikkat"`` are left alone. When ``is_valid`` (e.g. "has a
    morphological analysis") is given and rejects the all-single result, variants that keep two
    letters in some runs are tried (fewest doubles first) and the first one it accepts wins
    (``"saaaat" → "saat"``). Digits and punctuation are never squeezed here.

    Parameters
    ----------
    word : str
        One token.
    is_valid : callable, optional
        Acceptance test for a candidate; without it the all-single form is returned.
    max_runs : int
        Variants are only tried when the word has at most this many runs (2**runs candidates).

    Returns
    -------
    str
        The squeezed word (``word`` itself when it has no run of ≥ 3).

    Examples
    --------
    >>> squeeze_repeats("çoooook"), squeeze_repeats("dikkat")
    ('çok', 'dikkat')
    >>> squeeze_repeats("saaaat", is_valid=lambda w: w == "saat")
    'saat'
    """
    if len(word) < 3 or _RUN3.search(word) is None:
        return word
    cands = squeeze_candidates(word, max_runs=max_runs if is_valid is not None else 0)
    if is_valid is None:
        return cands[0]
    for cand in cands:
        if is_valid(cand):
            return cand
    return cands[0]


def squeeze_candidates(word: str, max_runs: int = 4) -> list[str]:
    """Spellings of ``word`` with each run of ≥ 3 identical letters cut to one or two letters.

    The all-single spelling comes first, then those with more doubles; only the all-single one
    is produced when the word has more than ``max_runs`` runs.

    Examples
    --------
    >>> squeeze_candidates("saaaat")
    ['sat', 'saat']
    >>> squeeze_candidates("film")
    ['film']
    """
    runs = list(_RUN3.finditer(word))
    if not runs:
        return [word]
    single = _RUN3.sub(r"\1", word)
    if len(runs) > max_runs:
        return [single]
    out = [single]
    variants = sorted(product((1, 2), repeat=len(runs)), key=lambda v: (sum(v), v[::-1]))
    for lengths in variants[1:]:
        parts: list[str] = []
        last = 0
        for m, n in zip(runs, lengths, strict=True):
            parts.append(word[last : m.start()])
            parts.append(m.group(1) * n)
            last = m.end()
        parts.append(word[last:])
        out.append("".join(parts))
    return out


def _normalize_word(text: str) -> str:
    return squeeze_repeats(tr_lower(text).translate(_CIRCUMFLEX))


def _normalize_emoticon(text: str) -> str:
    if _XD.fullmatch(text):
        return "xd"
    if len(text) >= 3 and text[1] in "-o^'" and text[0] in ":;=8":
        text = text[0] + text[2:]
    # squeeze a repeated mouth / heart: ":)))" -> ":)", "<333" -> "<3", "^^" stays
    return re.sub(r"(.)\1+$", r"\1", text) if len(text) > 2 else text


def _classify(text: str) -> str:
    kind = token_kind(text)
    if kind == "other" and any(c.isalpha() for c in text):
        return "word"
    return kind


def normalize_token(text: str, kind: str | None = None) -> str:
    """The ``Token.norm`` form of one token (see the table in the module docstring).

    Parameters
    ----------
    text : str
        The token as written.
    kind : str, optional
        The token kind from :func:`sentikit.lang.tr.tokenize.tokenize`; inferred from
        :func:`sentikit.lang.tr.lexer.token_kind` when omitted.

    Returns
    -------
    str
        The normalized form (never empty for a non-empty ``text``).

    Examples
    --------
    >>> normalize_token("ÇOOOOK"), normalize_token("#İyiFilm"), normalize_token("https://a.co/x")
    ('çok', '#iyifilm', '<url>')
    >>> normalize_token(":-)))"), normalize_token("’DA", kind="suffix")
    (':)', "'da")
    """
    if not text:
        return text
    if kind is None:
        kind = _classify(text)
    if kind == "word":
        return _normalize_word(text)
    if kind == "suffix":
        return _normalize_word(text.translate(_APOSTROPHES))
    if kind == "hashtag":
        return "#" + _normalize_word(text[1:]) if len(text) > 1 else text
    if kind == "mention":
        return tr_lower(text)
    if kind == "url":
        return URL_PLACEHOLDER
    if kind == "emoticon":
        return _normalize_emoticon(text)
    if kind == "emoji":
        out = _SKIN_AND_VS.sub("", text)
        return out or text
    if kind == "punct":
        return _PUNCT_RUN.sub(r"\1\1\1", text.replace("…", "..."))
    return unicodedata.normalize("NFC", text) if kind == "other" else text
