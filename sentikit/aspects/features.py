"""Token features of the aspect term extractor (a CRF reads one feature dict per token).

Each token is described by its word, lowercase form, lemma, shape, prefixes and suffixes,
Universal POS and Penn tag, dependency relation and head word, its word clusters at every
granularity (:class:`~sentikit.aspects.clusters.WordClusters`), its polarity in an opinion
lexicon and the opinion words near it (within ``±3`` tokens, or linked to it by one dependency
arc), and the same basic features of its neighbours within ``±2``. The document must have been
parsed (``EnglishProcessor(parse=True)``: lemmas, POS, heads).

Examples
--------
>>> from sentikit.doc import Token
>>> word_shape("iPhone-5s")
'xXx-dx'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from sentikit.aspects.clusters import WordClusters
from sentikit.doc import Token

__all__ = [
    "OPINION_THRESHOLD",
    "gazetteer_marks",
    "opinion_polarity",
    "sentence_features",
    "word_shape",
]

#: |score| in the shipped WordNet lexicon (z-normalised) from which a word counts as an
#: opinion word (about the 12 % most polar words of ``en-wordnet.tsv``).
OPINION_THRESHOLD = 1.2
#: Tokens either side within which an opinion word counts as near.
OPINION_WINDOW = 3

_SHAPE_RUNS = [
    (re.compile(r"[A-Z]+"), "X"),
    (re.compile(r"[a-z]+"), "x"),
    (re.compile(r"[0-9]+"), "d"),
]


def word_shape(word: str) -> str:
    """The word's shape with runs collapsed: upper ``X``, lower ``x``, digits ``d``."""
    out = word
    for rx, ch in _SHAPE_RUNS:
        out = rx.sub(ch, out)
    return out


def opinion_polarity(lexicon: Mapping[str, float], word: str) -> str | None:
    """``"pos"`` / ``"neg"`` for an opinion word of ``lexicon``, else ``None``."""
    score = lexicon.get(word)
    if score is None or abs(score) < OPINION_THRESHOLD:
        return None
    return "pos" if score > 0 else "neg"


def _basic(tok: Token, lower: str, clusters: WordClusters | None) -> dict[str, str]:
    f = {"w": lower, "pos": tok.pos or "", "shape": word_shape(tok.text)}
    ids = clusters.ids(lower) if clusters is not None else None
    if ids is not None:
        f["c"] = str(ids[len(ids) // 2])
    return f


def gazetteer_marks(lowers: Sequence[str], gazetteer: Collection[tuple[str, ...]]) -> list[str]:
    """``B``/``I``/``O`` marks of the longest matches of known terms (lowercase word tuples)."""
    marks = ["O"] * len(lowers)
    longest = max((len(g) for g in gazetteer), default=0)
    i = 0
    while i < len(lowers):
        for n in range(min(longest, len(lowers) - i), 0, -1):
            if tuple(lowers[i : i + n]) in gazetteer:
                marks[i : i + n] = ["B"] + ["I"] * (n - 1)
                i += n
                break
        else:
            i += 1
    return marks


def _token_features(
    i: int,
    toks: Sequence[Token],
    lowers: Sequence[str],
    polar: Sequence[str | None],
    offset: int,
    clusters: WordClusters | None,
) -> dict[str, str | float]:
    tok, w = toks[i], lowers[i]
    f: dict[str, str | float] = {
        "bias": 1.0,
        "w": w,
        "lemma": (tok.lemma or w).lower(),
        "shape": word_shape(tok.text),
        "title": str(tok.text[:1].isupper()),
        "p2": w[:2],
        "p3": w[:3],
        "s2": w[-2:],
        "s3": w[-3:],
        "s4": w[-4:],
        "pos": tok.pos or "",
        "tag": tok.tag or "",
        "dep": tok.dep or "",
    }
    head = tok.head - offset if tok.head is not None and tok.head >= 0 else -1
    if 0 <= head < len(toks):
        f["hw"] = lowers[head]
        f["hpos"] = toks[head].pos or ""
        f["dep|hpos"] = f"{tok.dep}|{toks[head].pos}"
        if polar[head]:
            f["head_opinion"] = polar[head] or ""
    else:
        f["root"] = 1.0
    ids = clusters.ids(w) if clusters is not None else None
    if ids is not None:
        for k, cid in enumerate(ids):
            f[f"c{k}"] = str(cid)
    if polar[i]:
        f["opinion"] = polar[i] or ""
    for j in range(max(0, i - OPINION_WINDOW), min(len(toks), i + OPINION_WINDOW + 1)):
        if j != i and polar[j]:
            f[f"near_{'L' if j < i else 'R'}_{polar[j]}"] = 1.0
    for j in range(max(0, i - 2), min(len(toks), i + 3)):
        if j == i:
            continue
        for key, value in _basic(toks[j], lowers[j], clusters).items():
            f[f"{j - i:+d}:{key}"] = value
    if i == 0:
        f["BOS"] = 1.0
    if i == len(toks) - 1:
        f["EOS"] = 1.0
    return f


def sentence_features(
    toks: Sequence[Token],
    offset: int,
    lexicon: Mapping[str, float],
    clusters: WordClusters | None,
    gazetteer: Collection[tuple[str, ...]] | None = None,
) -> list[dict[str, str | float]]:
    """One feature dict per token of a sentence.

    Parameters
    ----------
    toks : sequence of Token
        The sentence's tokens (parsed: ``lemma``, ``pos``, ``tag``, ``dep``, ``head``).
    offset : int
        Document index of ``toks[0]`` (heads are document indices).
    lexicon : mapping of word to polarity score
        The opinion lexicon (lowercase words).
    clusters : WordClusters or None
        Word clusters; ``None`` leaves the cluster features out.
    gazetteer : collection of tuples of str, optional
        Known terms (lowercase word tuples, e.g. the training terms): tokens of their longest
        matches get ``gaz`` = ``B``/``I`` (and their neighbours ``±1:gaz``).
    """
    lowers = [t.text.lower() for t in toks]
    polar = [opinion_polarity(lexicon, w) for w in lowers]
    # an opinion word governing or governed by the token counts as near too
    feats = [_token_features(i, toks, lowers, polar, offset, clusters) for i in range(len(toks))]
    for i, tok in enumerate(toks):
        head = tok.head - offset if tok.head is not None and tok.head >= 0 else -1
        if 0 <= head < len(toks) and polar[i]:
            feats[head][f"child_opinion_{polar[i]}"] = 1.0
    if gazetteer:
        marks = gazetteer_marks(lowers, gazetteer)
        for i, mark in enumerate(marks):
            if mark != "O":
                feats[i]["gaz"] = mark
                if i > 0:
                    feats[i - 1]["+1:gaz"] = mark
                if i + 1 < len(marks):
                    feats[i + 1]["-1:gaz"] = mark
    return feats
