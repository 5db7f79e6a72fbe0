"""Rows, spans and files of the Turkish aspect model (:mod:`sentikit.aspects.tr`): gold
opinions, BIO labels, the polarity and target-category feature rows, the shipped model's
shares, micro F1, and the model folder's files."""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sentikit._version import __version__
from sentikit.aspects.tr_features import TrToken, bag_features, lexicon_scores, sentence_spans
from sentikit.aspects.tr_parts import PriorShares
from sentikit.doc import Document
from sentikit.errors import InputError, ResourceMissingError

__all__ = [
    "FORMAT",
    "LABELS",
    "GoldOpinion",
    "Prior",
    "Span",
    "bio_labels",
    "check_folder",
    "gold_opinions",
    "micro_f1",
    "np_load",
    "polarity_row",
    "prior_for",
    "read_json_gz",
    "sentences_of",
    "target_row",
    "version_info",
]

#: The model folder's format name (``model.json``'s ``"format"``).
FORMAT = "sentikit.aspects.tr.v1"
#: Opinion polarities of the Turkish data (it has no ``conflict``).
LABELS = ("negative", "neutral", "positive")
#: Words that start a new clause for the polarity window (contrast conjunctions).
CONTRAST = frozenset({"ama", "fakat", "ancak", "lakin", "oysa", "oysaki", "yalnız", "halbuki"})
#: Punctuation that closes a clause.
BOUNDARY = frozenset({",", ";", ".", "!", "?", ":", "…", "...", "-", "(", ")"})

Span = tuple[int, int]
#: Numeric polarity features (lexicon, prior) are multiplied by this: against the unit-norm
#: bag they need less regularization (a 4-fold screen: +0.2 points of accuracy).
NUMERIC_SCALE = 3.0


@dataclass(frozen=True)
class GoldOpinion:
    """An opinion of the gold data: target character span (``None`` if implicit), category,
    polarity."""

    span: Span | None
    category: str
    polarity: str


def gold_opinions(sentence: Any) -> list[GoldOpinion]:
    """The opinions of a SemEval-2016 sentence with checked target offsets.

    Offsets that do not point at the target string are recounted in UTF-16 units
    (:func:`sentikit.io.absa.utf16_offset_to_index`), else the target is searched in the text;
    an explicit target that cannot be found raises :class:`~sentikit.errors.InputError`.
    """
    from sentikit.io.absa import utf16_offset_to_index

    text = sentence.text
    out = []
    for o in sentence.opinions:
        span: Span | None = None
        if not o.implicit and o.target:
            s, e = o.start, o.end
            if s is None or e is None or text[s:e] != o.target:
                s = utf16_offset_to_index(text, s or 0)
                e = s + len(o.target)
                if text[s:e] != o.target:
                    s = text.find(o.target)
                    e = s + len(o.target)
            if s < 0:
                raise InputError(f"sentence {sentence.id}: target {o.target!r} not in its text")
            span = (s, e)
        out.append(GoldOpinion(span, o.category, o.polarity))
    return out


def bio_labels(tokens: Sequence[TrToken], spans: Sequence[Span]) -> list[str]:
    """BIO labels of ``tokens`` for target ``spans`` (a token overlapping a span is inside it;
    a span overlapping an earlier one is skipped)."""
    labels = ["O"] * len(tokens)
    for s, e in sorted(set(spans), key=lambda p: (p[0], -p[1])):
        idx = [i for i, t in enumerate(tokens) if t.start < e and t.end > s]
        if not idx or any(labels[i] != "O" for i in idx):
            continue
        labels[idx[0]] = "B"
        for i in idx[1:]:
            labels[i] = "I"
    return labels


def _token_range(tokens: Sequence[TrToken], span: Span) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.start < span[1] and t.end > span[0]]


def _cut(t: TrToken) -> bool:
    return t.text in BOUNDARY or t.norm in CONTRAST


def _clause(tokens: Sequence[TrToken], idx: Sequence[int]) -> list[int]:
    """Token indices of the clause around ``idx`` (cut at :data:`BOUNDARY` and
    :data:`CONTRAST`)."""
    a, b = min(idx), max(idx)
    while a > 0 and not _cut(tokens[a - 1]):
        a -= 1
    while b + 1 < len(tokens) and not _cut(tokens[b + 1]):
        b += 1
    return list(range(a, b + 1))


def clauses(tokens: Sequence[TrToken]) -> list[tuple[int, int]]:
    """``(first, last)`` token indices of each clause of a sentence (runs between cuts)."""
    out, start = [], None
    for i, t in enumerate(tokens):
        if _cut(t):
            if start is not None:
                out.append((start, i - 1))
            start = None
        elif start is None:
            start = i
    if start is not None:
        out.append((start, len(tokens) - 1))
    return out


def _squash(x: float) -> float:
    return math.tanh(x / 2.0)


def _region_numbers(
    name: str, idx: Sequence[int], lex: Sequence[float], shares: Sequence[float] | None
) -> dict[str, float]:
    vals = [lex[i] for i in idx]
    f = {
        f"#lex_{name}_sum": _squash(sum(vals)),
        f"#lex_{name}_max": _squash(max([0.0, *vals])),
        f"#lex_{name}_min": _squash(min([0.0, *vals])),
    }
    if shares is not None:
        f[f"#prior_{name}"] = _squash(sum(shares[i] for i in idx))
    return f


#: A sentiment model on one sentence: its class probabilities, each token's share, and the
#: class probabilities of each clause (:func:`clauses`) scored as a text of its own.
Prior = tuple[dict[str, float], list[float], dict[tuple[int, int], dict[str, float]]]


def polarity_row(
    tokens: Sequence[TrToken],
    span: Span | None,
    category: str,
    prior: Prior | None = None,
    window: int = 3,
) -> dict[str, float]:
    """The polarity features of one opinion (see the module docstring, step 3)."""
    lexd = lexicon_scores()
    lex = [lexd.get(t.term, 0.0) for t in tokens]
    shares = prior[1] if prior is not None else None
    every = list(range(len(tokens)))
    f: dict[str, float] = {f"cat={category}": 1.0, f"ent={category.split('#')[0]}": 1.0}
    tidx = _token_range(tokens, span) if span is not None else []
    if not tidx:
        f["implicit"] = 1.0
        f.update(bag_features(tokens, "s:", 1.0, chars=False))
        regions = {"c": every, "w": every}
    else:
        clause = _clause(tokens, tidx)
        win = [i for i in every if min(abs(i - j) for j in tidx) <= window]
        inside = set(tidx)
        f.update(bag_features([tokens[i] for i in tidx], "t:", 1.0, chars=False))
        f.update(bag_features([tokens[i] for i in clause if i not in inside], "c:", 1.0, False))
        f.update(bag_features([tokens[i] for i in win if i not in inside], "w:", 1.0, False))
        f.update(bag_features(tokens, "s:", 0.3, chars=False))
        regions = {"c": clause, "w": win}
        if prior is not None:
            for k, v in prior[2].get((clause[0], clause[-1]), {}).items():
                f[f"#pc_{k}"] = v
    regions["s"] = every
    for name, idx in regions.items():
        f.update(_region_numbers(name, idx, lex, shares))
    if prior is not None:
        for k, v in prior[0].items():
            f[f"#p_{k}"] = v
    return {k: v * NUMERIC_SCALE if k[:1] == "#" else v for k, v in f.items()}


def target_row(tokens: Sequence[TrToken], span: Span) -> dict[str, float]:
    """Features that pick an extracted target's category: its words (with character n-grams)
    and the sentence's words."""
    idx = _token_range(tokens, span)
    f = bag_features([tokens[i] for i in idx], "t:", 1.0, chars=True)
    f.update(bag_features(tokens, "s:", 0.5, chars=False))
    return f


def prior_for(
    texts: Sequence[str], tokens: Sequence[Sequence[TrToken]], model: str | None = None
) -> list[Prior]:
    """A sentiment model's view of each sentence (:data:`Prior`): its probabilities, per token
    of ``tokens`` the sum of the shares of the model's tokens that overlap it, and the
    probabilities of each clause scored alone (:class:`~sentikit.aspects.tr_parts.PriorShares`;
    ``model``: a bundle folder, default the shipped Turkish model)."""
    scorer = PriorShares(model)
    spans = [clauses(toks) for toks in tokens]
    pieces = [
        text[toks[a].start : toks[b].end]
        for text, toks, cs in zip(texts, tokens, spans, strict=True)
        for a, b in cs
    ]
    scored = iter(scorer.score(pieces))
    out: list[Prior] = []
    for (probs, parts), toks, cs in zip(scorer.score(texts), tokens, spans, strict=True):
        shares = [sum(v for a, b, v in parts if a < t.end and b > t.start) for t in toks]
        out.append((probs, shares, {c: next(scored)[0] for c in cs}))
    return out


def micro_f1(gold: Sequence[set[Any]], pred: Sequence[set[Any]]) -> dict[str, float]:
    """Micro precision, recall and F1 (in %) of per-sentence sets."""
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    ng, npred = sum(map(len, gold)), sum(map(len, pred))
    prec = tp / npred if npred else 0.0
    rec = tp / ng if ng else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": 100 * prec, "recall": 100 * rec, "f1": 100 * f1}


def sentences_of(text: str | Document) -> tuple[str, list[Span]]:
    if isinstance(text, Document):
        spans = [tuple(s.span) for s in text.sentences] or [(0, len(text.text))]
        return text.text, [(int(a), int(b)) for a, b in spans]
    if not isinstance(text, str):
        raise InputError(f"extract_tr expects a str or a Document, got {type(text).__name__}")
    return text, sentence_spans(text)


def read_json_gz(path: Path) -> Any:
    """A gzip-compressed JSON file (a damaged one is an :class:`InputError`)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: damaged file ({exc})") from None


def check_folder(path: Path) -> dict[str, Any]:
    """``model.json`` of a model folder, its format and files checked."""
    if not path.is_dir():
        raise ResourceMissingError(f"no Turkish aspect model at {path}")
    for name in ("model.json", "vocab.json.gz", "arrays.npz", "targets.crfsuite"):
        if not (path / name).is_file():
            raise ResourceMissingError(f"{path}: {name} is missing (not a Turkish aspect model)")
    try:
        info = json.loads((path / "model.json").read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}/model.json: not JSON ({exc})") from None
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise InputError(f"{path}: not a {FORMAT} model (format {info.get('format')!r})")
    return info


def np_load(path: Path) -> dict[str, Any]:
    """The arrays of an ``.npz`` file, loaded without pickle."""
    try:
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: damaged arrays ({exc})") from None


def version_info() -> dict[str, str]:
    """The versions written into ``model.json``."""
    return {"sentikit": __version__}
