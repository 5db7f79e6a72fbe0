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

from sentikit.doc import Sentence, Token

__all__ = ["ABBREVIATIONS", "LIST_ENDERS", "split_sentences"]

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


def _is_terminal(tok: Token) -> bool:
    return tok.kind == "punct" and tok.text[0] in _TERMINAL_CHARS and tok.text[-1] != ","


def _starts_upper(tok: Token | None) -> bool:
    return tok is not None and tok.kind == "word" and tok.text[:1].isupper()


def _starts_lower(tok: Token | None) -> bool:
    return tok is not None and tok.kind == "word" and tok.text[:1].islower()


def _period_is_boundary(tokens: Sequence[Token], i: int) -> bool:
    """Whether the single period ``tokens[i]`` ends a sentence."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.kind == "punct" and nxt.text[0] in _CONTINUERS:
        return False
    if prev is None or prev.end != tokens[i].start:
        return True
    if prev.kind == "word":
        low = prev.text.lower()
        if low in ABBREVIATIONS:
            return False
        if low in LIST_ENDERS:
            return nxt is None or _starts_upper(nxt) or nxt.kind != "word"
        if len(prev.text) == 1 and prev.text.isupper() and _starts_upper(nxt):
            return False  # an initial: "M. Night"
    elif (
        prev.kind == "number" and prev.text.isdigit() and len(prev.text) <= 4 and _starts_lower(nxt)
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
    n = len(tokens)
    out: list[Sentence] = []
    if n == 0:
        return out
    kinds = [t.kind for t in tokens]
    # Only punctuation, emoticons/emoji and line breaks can end a sentence: visit those alone.
    cand = [i for i, k in enumerate(kinds) if k in _BOUNDARY_KINDS]
    if "\n" in text:
        starts = [t.start for t in tokens]
        for m in _NEWLINE_RE.finditer(text):
            k = bisect_left(starts, m.start())  # first token after the line break
            if 0 < k < n:
                cand.append(-k)  # marker: a break before token k
        cand.sort(key=abs)
    start = 0
    content_seen = 0  # tokens before this index were checked for content
    has_content = False
    pos = 0
    while pos < len(cand):
        c = cand[pos]
        pos += 1
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
        end = -1
        if newline_before:
            end = i + 1
        else:
            tok = tokens[i]
            kind = kinds[i]
            if kind == "punct" and _is_terminal(tok):
                boundary = _period_is_boundary(tokens, i) if tok.text == "." else True
                if boundary and tok.text != ".":
                    nxt = tokens[i + 1] if i + 1 < n else None
                    if nxt is not None and nxt.kind == "punct" and nxt.text[0] in _CONTINUERS:
                        boundary = False
                if boundary:
                    j = i + 1
                    while j < n and "\n" not in text[tokens[j - 1].end : tokens[j].start]:
                        t = tokens[j]
                        if t.kind in ("emoticon", "emoji") or (
                            t.kind == "punct" and (t.text[0] in _CLOSERS or _is_terminal(t))
                        ):
                            j += 1
                        else:
                            break
                    end = j
            elif kind in ("emoticon", "emoji"):
                j = i
                while j + 1 < n and kinds[j + 1] in ("emoticon", "emoji"):
                    j += 1
                if _starts_upper(tokens[j + 1] if j + 1 < n else None):
                    end = j + 1
        if end > 0:
            if end < n:
                s0, e0 = tokens[start].start, tokens[end - 1].end
                out.append(
                    Sentence(text=text[s0:e0], span=(s0, e0), token_start=start, token_end=end)
                )
                start = end
                has_content = False
                content_seen = end
            else:
                break
    if start < n:
        if out and not any(k in _CONTENT_KINDS for k in kinds[start:n]):
            # trailing punctuation only: attach it to the last sentence
            last = out[-1]
            s0, e0 = last.span[0], tokens[n - 1].end
            out[-1] = Sentence(
                text=text[s0:e0], span=(s0, e0), token_start=last.token_start, token_end=n
            )
        else:
            s0, e0 = tokens[start].start, tokens[n - 1].end
            out.append(Sentence(text=text[s0:e0], span=(s0, e0), token_start=start, token_end=n))
    return out
