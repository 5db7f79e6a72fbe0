"""Sentence splitting over the tokens of :func:`sentikit.lang.tr.tokenize.tokenize`.

A sentence ends after

* a terminal punctuation token (``.`` ``!`` ``?`` ``...`` ``…`` and runs such as ``!!!`` ``?!``),
  together with the closing quotes/brackets, further terminal punctuation, emoticons and emoji
  that directly follow it (``Harika!!! :)`` is one sentence) — except
  - after an abbreviation that never ends a sentence (``Dr.`` ``Prof.`` ``Sn.`` ``bkz.`` …),
  - after a list-ending abbreviation (``vb.`` ``vs.`` ``vd.``) unless the next word is
    capitalized,
  - after a number (an ordinal: ``3. film``) or a single capital letter (an initial:
    ``M. Night``) when the next word is lowercase, respectively capitalized,
  - before a comma or a closing bracket that continues the sentence;
* an emoticon/emoji run followed by a capitalized word (``Güzel film :) Tavsiye ederim``);
* a line break.

Periods glued to the next word (``sıkıcı.Bitirmek``) still split; periods inside URLs and
numbers never reach this module because the tokenizer keeps them inside those tokens.

Examples
--------
>>> from sentikit.lang.tr.tokenize import tokenize
>>> text = "Dr. Ali 3. filmi çekti.Çok güzel :) Tavsiye ederim!!! Ya siz?"
>>> [s.text for s in split_sentences(text, tokenize(text))]
['Dr. Ali 3. filmi çekti.', 'Çok güzel :)', 'Tavsiye ederim!!!', 'Ya siz?']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress

from sentikit.doc import Sentence, Token

__all__ = ["ABBREVIATIONS", "LIST_ENDERS", "split_column_sentences", "split_sentences"]

#: Abbreviations after which a period never ends a sentence (lowercase, without the period).
ABBREVIATIONS = frozenset(
    [
        "dr",
        "doç",
        "doc",
        "prof",
        "yrd",
        "yard",
        "av",
        "alb",
        "bşk",
        "bsk",
        "gen",
        "org",
        "sn",
        "sy",
        "bkz",
        "örn",
        "orn",
        "krş",
        "krs",
        "no",
        "nu",
        "yy",
        "st",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "vol",
        "cad",
        "sok",
        "mah",
        "apt",
        "tel",
        "md",
        "müd",
        "mud",
        "ltd",
        "şti",
        "sti",
        "hz",
        "op",
        "uzm",
        "öğr",
        "ogr",
        "ins",
        "müh",
        "muh",
        "mim",
        "ecz",
        "dt",
        "sf",
    ]
)

#: Abbreviations closing an enumeration: a sentence ends there only before a capital.
LIST_ENDERS = frozenset(["vb", "vs", "vd", "vsg", "etc"])

_TERMINAL_CHARS = frozenset(".!?…")
_CLOSERS = frozenset(")]}\"'»”’")
_CONTINUERS = frozenset(",;:")
_BOUNDARY_KINDS = frozenset({"punct", "emoticon", "emoji"})
_NEWLINE_RE = re.compile(r"\n")
_CONTENT_KINDS = frozenset({"word", "number", "emoticon", "emoji", "url", "mention", "hashtag"})


def _is_terminal(kind: str, text: str) -> bool:
    return kind == "punct" and text[0] in _TERMINAL_CHARS and text[-1] != ","


def _starts_upper(kinds: Sequence[str], texts: Sequence[str], i: int) -> bool:
    return 0 <= i < len(kinds) and kinds[i] == "word" and texts[i][:1].isupper()


def _starts_lower(kinds: Sequence[str], texts: Sequence[str], i: int) -> bool:
    return 0 <= i < len(kinds) and kinds[i] == "word" and texts[i][:1].islower()


def _period_is_boundary(
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    kinds: Sequence[str],
    i: int,
) -> bool:
    """Whether the single period ``texts[i]`` ends a sentence."""
    n = len(texts)
    if i + 1 < n and kinds[i + 1] == "punct" and texts[i + 1][0] in _CONTINUERS:
        return False
    if i == 0 or ends[i - 1] != starts[i]:
        return True
    prev_text = texts[i - 1]
    prev_kind = kinds[i - 1]
    if prev_kind == "word":
        low = prev_text.lower()
        if low in ABBREVIATIONS:
            return False
        if low in LIST_ENDERS:
            return i + 1 >= n or _starts_upper(kinds, texts, i + 1) or kinds[i + 1] != "word"
        if len(prev_text) == 1 and prev_text.isupper() and _starts_upper(kinds, texts, i + 1):
            return False  # an initial: "M. Night"
    elif (
        prev_kind == "number"
        and prev_text.isdigit()
        and len(prev_text) <= 4
        and _starts_lower(kinds, texts, i + 1)
    ):
        return False  # an ordinal: "3. film"
    return True


def split_sentences(text: str, tokens: Sequence[Token]) -> list[Sentence]:
    """Group ``tokens`` (from ``text``) into sentences.

    Parameters
    ----------
    text : str
        The document text the token spans refer to.
    tokens : sequence of Token
        The document's tokens in order.

    Returns
    -------
    list of Sentence
        Sentences with ``span`` (characters), ``token_start``/``token_end`` (token indices) and
        ``text``; they cover every token exactly once and in order. A text without tokens has no
        sentence.
    """
    return split_column_sentences(
        text,
        [t.text for t in tokens],
        [t.start for t in tokens],
        [t.end for t in tokens],
        [t.kind for t in tokens],
    )


def split_column_sentences(
    text: str,
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    kinds: Sequence[str],
) -> list[Sentence]:
    """:func:`split_sentences` over token columns (``Token.text``, ``start``, ``end``,
    ``kind`` of each token), for the fast path that builds no Token objects."""
    n = len(kinds)
    out: list[Sentence] = []
    if n == 0:
        return out
    start = 0
    content_seen = 0  # tokens before this index were checked for content
    has_content = False
    for c in _boundary_candidates(text, texts, starts, kinds):
        newline_before = c < 0
        i = -c - 1 if newline_before else c
        if i < start:
            continue
        if not has_content:
            for k in range(max(content_seen, start), i + 1):
                if kinds[k] in _CONTENT_KINDS:
                    has_content = True
                    break
            content_seen = i + 1
            if not has_content:
                continue
        if newline_before:
            end = i + 1
        elif kinds[i] == "punct":  # a terminal (see _boundary_candidates)
            end = _terminal_end(text, texts, starts, ends, kinds, i)
        else:  # an emoticon or emoji
            end = _emoticon_end(texts, kinds, i)
        if end > 0:
            if end >= n:
                break
            s0, e0 = starts[start], ends[end - 1]
            out.append(Sentence(text[s0:e0], (s0, e0), start, end))
            start = end
            has_content = False
            content_seen = end
    if start < n:
        _close_text(text, starts, ends, kinds, start, out)
    return out


def _boundary_candidates(
    text: str, texts: Sequence[str], starts: Sequence[int], kinds: Sequence[str]
) -> list[int]:
    """The tokens that may end a sentence and, as ``-k``, each line break before token ``k``,
    in text order.

    Only punctuation, emoticons/emoji and line breaks can end a sentence, so only those are
    visited. (Other punctuation — commas, quotes, brackets — never ends one; the content check
    of :func:`split_column_sentences` scans the tokens between candidates, so skipping them
    changes nothing.)
    """
    n = len(kinds)
    cand = [
        i
        for i in compress(range(n), map(_BOUNDARY_KINDS.__contains__, kinds))
        if texts[i][0] in _TERMINAL_CHARS or kinds[i] != "punct"
    ]
    if "\n" in text:
        for m in _NEWLINE_RE.finditer(text):
            k = bisect_left(starts, m.start())  # first token after the line break
            if 0 < k < n:
                cand.append(-k)  # marker: a break before token k
        cand.sort(key=abs)
    return cand


def _emoticon_end(texts: Sequence[str], kinds: Sequence[str], i: int) -> int:
    """The end (token index) of the sentence that the emoticon/emoji run starting at token
    ``i`` closes: after the run when a capitalized word follows it, else ``-1``."""
    j = i
    while j + 1 < len(kinds) and kinds[j + 1] in ("emoticon", "emoji"):
        j += 1
    return j + 1 if _starts_upper(kinds, texts, j + 1) else -1


def _terminal_end(
    text: str,
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    kinds: Sequence[str],
    i: int,
) -> int:
    """The end (token index) of the sentence that the terminal punctuation token ``i`` closes:
    after the closing quotes/brackets, terminals, emoticons and emoji that follow it on the
    same line (``-1``: no boundary there)."""
    n = len(kinds)
    if texts[i][-1] == ",":  # not a terminal ("!,")
        return -1
    if texts[i] == ".":
        if not _period_is_boundary(texts, starts, ends, kinds, i):
            return -1
    elif i + 1 < n and kinds[i + 1] == "punct" and texts[i + 1][0] in _CONTINUERS:
        return -1
    j = i + 1
    while j < n and "\n" not in text[ends[j - 1] : starts[j]]:
        kj = kinds[j]
        if kj in ("emoticon", "emoji") or (
            kj == "punct" and (texts[j][0] in _CLOSERS or _is_terminal(kj, texts[j]))
        ):
            j += 1
        else:
            break
    return j


def _close_text(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    kinds: Sequence[str],
    start: int,
    out: list[Sentence],
) -> None:
    """Add tokens ``[start, n)`` to ``out``: as the last sentence, or appended to the one
    before when they are punctuation only."""
    n = len(kinds)
    if out and not any(k in _CONTENT_KINDS for k in kinds[start:n]):
        last = out[-1]
        s0, e0 = last.span[0], ends[n - 1]
        out[-1] = Sentence(text[s0:e0], (s0, e0), last.token_start, n)
    else:
        s0, e0 = starts[start], ends[n - 1]
        out.append(Sentence(text[s0:e0], (s0, e0), start, n))
