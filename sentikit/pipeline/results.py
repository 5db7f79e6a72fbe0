"""Result records of the Analyzer (result shape: :mod:`sentikit.pipeline.analyzer`).

Labels, scores and probabilities are read from the model's probability rows
(:func:`label_score_probs`) and set on the Documents, their sentences and clauses;
:func:`result` builds a text's result dict from its Document. Also here: the defined result of
a text whose language is undetermined (:func:`undetermined`), the binary label view
(:func:`binary_view`), the mixed-polarity fields, and the mapping of spans back to the text as
given (:func:`restore`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from itertools import repeat
from typing import Any

import numpy as np

from sentikit.doc import Clause, Document, Sentence, Token
from sentikit.lang.textnorm import NormalizedText
from sentikit.pipeline.mixed import mixed_flags
from sentikit.pipeline.result import Result

__all__ = [
    "UND",
    "add_warning",
    "binary_view",
    "label_score_probs",
    "neutral_probs",
    "restore",
    "result",
    "set_clause_results",
    "set_doc_results",
    "set_mixed",
    "set_sentence_results",
    "undetermined",
]

#: The language of a text whose language could not be identified (BCP 47 "undetermined").
UND = "und"


def neutral_probs() -> dict[str, float]:
    """The probabilities of a text with nothing to score: ``P(neutral) = 1``."""
    return {"positive": 0.0, "neutral": 1.0, "negative": 0.0}


def _und_warning(text: str) -> str:
    """Why the language of ``text`` (undetermined by the detector) could not be identified."""
    if not text.strip():
        return "empty text: nothing to analyze"
    if any(c.isalpha() for c in text):
        why = "its letters are mostly not in the Latin script (sentikit reads Turkish and English)"
    elif any(unicodedata.category(c) == "So" for c in text):
        why = "it has no words, only emoji or symbols"
    else:
        why = "it has no letters"
    return (
        f"language not identified: {why}; not scored (give lang='tr' or lang='en' to score it "
        "with that model)"
    )


def set_mixed(r: dict[str, Any], evidence: dict[str, Any] | None) -> None:
    """Set ``mixed`` on a result or sentence, and ``mixed_evidence`` where there is some."""
    r["mixed"] = evidence is not None
    if evidence is not None:
        r["mixed_evidence"] = evidence


def binary_view(r: dict[str, Any]) -> None:
    """Relabel a scored result, its sentences and clauses by the more probable of positive
    and negative (``score`` = P(positive) − P(negative) ≥ 0 → positive)."""

    def relabel(item: dict[str, Any]) -> None:
        if item.get("score") is not None:
            item["label"] = "positive" if item["score"] >= 0 else "negative"

    relabel(r)
    for s in r.get("sentences", []):
        relabel(s)
        for c in s.get("clauses", []):
            relabel(c)


def add_warning(r: dict[str, Any], msg: str) -> None:
    """Add ``msg`` to the ``warning`` of ``r`` (after any warning it has)."""
    r["warning"] = f"{r['warning']}; {msg}" if r.get("warning") else msg


def _restore_spans(items: list[dict[str, Any]], nt: NormalizedText, text_key: str) -> None:
    """Map each item's ``span`` (and its ``text_key`` text) back to the original text."""
    for it in items:
        span = it.get("span")
        if span is None:
            continue
        a, b = nt.span(span[0], span[1])
        it["span"] = [a, b]
        if text_key in it:
            it[text_key] = nt.original[a:b]


def _token_dict(tok: Token) -> dict[str, Any]:
    """The ``tokens`` entry of an explained result."""
    d: dict[str, Any] = {
        "text": tok.text,
        "span": [tok.start, tok.end],
        "norm": tok.form,
        "lemma": tok.lemma,
        "pos": tok.pos,
        "morphemes": [m.to_dict() for m in tok.morphemes],
        "polarity": None if tok.polarity is None else round(tok.polarity, 6),
        "negated": tok.negated,
    }
    return d


def restore(r: dict[str, Any], nt: NormalizedText) -> None:
    """Point a result's spans and texts into the original text; note replaced controls."""
    if nt.changed:
        for s in r["sentences"]:
            _restore_spans(s["clauses"], nt, "text")
        _restore_spans(r["sentences"], nt, "text")
        _restore_spans(r.get("tokens", []), nt, "text")
        top = (r.get("explanation") or {}).get("top") or {}
        _restore_spans(top.get("positive", []), nt, "text")
        _restore_spans(top.get("negative", []), nt, "text")
        _restore_spans(r["aspects"], nt, "term")
        for item in [r, *r["sentences"]]:
            ev = item.get("mixed_evidence") or {}
            _restore_spans(ev.get("positive", []), nt, "text")
            _restore_spans(ev.get("negative", []), nt, "text")
    if nt.controls:
        n = nt.controls
        add_warning(r, f"{n} control character{'s' if n > 1 else ''} (NUL, DEL…) read as spaces")


def undetermined(text: str, id: str, explain: bool) -> dict[str, Any]:
    """The defined result of a text whose language could not be identified."""
    r: dict[str, Any] = {
        "id": id,
        "lang": UND,
        "label": "neutral",
        "score": 0.0,
        "probs": neutral_probs(),
        "mixed": False,
        "domain_coverage": None,
        "sentences": [],
        "aspects": [],
        "model": None,
        "warning": _und_warning(text),
    }
    if explain:
        r["tokens"] = []
        r["explanation"] = None
    return Result(r)


def label_score_probs(
    classes: list[str], probs: np.ndarray
) -> Iterator[tuple[str, float, dict[str, float]]]:
    """Label, score and probability dict of each row (as the per-row helpers give them)."""
    n = len(probs)

    def column(name: str) -> np.ndarray:
        # the last class of that name wins, as when the dict is filled class by class
        at = [j for j, c in enumerate(classes) if c == name]
        return probs[:, at[-1]] if at else np.zeros(n)

    pos, neu, neg = column("positive"), column("neutral"), column("negative")
    scores = map(round, (pos - neg).tolist(), repeat(6))
    dicts = [
        {"positive": a, "neutral": b, "negative": c}
        for a, b, c in zip(pos.tolist(), neu.tolist(), neg.tolist(), strict=True)
    ]
    labels = map(classes.__getitem__, np.argmax(probs, axis=1).tolist())
    return zip(labels, scores, dicts, strict=True)


def set_doc_results(docs: list[Document], probs: np.ndarray, classes: list[str]) -> None:
    """Label, score and probabilities of each document from its row of ``probs``."""
    for d, (label, score, pd) in zip(docs, label_score_probs(classes, probs), strict=True):
        d.probs, d.score, d.label = pd, score, label


def set_sentence_results(
    docs: list[Document], targets: list[Sentence], probs: np.ndarray, classes: list[str]
) -> None:
    """Sentence labels and scores: a one-sentence document's own, an empty sentence's
    neutral, else those of the sentence's row (``targets``, ``probs``)."""
    for d in docs:
        if len(d.sentences) == 1:
            s = d.sentences[0]
            s.label, s.score = d.label, d.score
        else:
            for s in d.sentences:
                if s.token_end <= s.token_start:
                    s.label, s.score = "neutral", 0.0
    for s, (label, score, _) in zip(targets, label_score_probs(classes, probs), strict=True):
        s.label, s.score = label, score


def set_clause_results(
    docs: list[Document],
    segments: list[tuple[int, Sentence]],
    sent_probs: np.ndarray,
    clauses: list[tuple[int, int, Clause]],
    clause_probs: np.ndarray,
    classes: list[str],
) -> dict[int, dict[str, Any]]:
    """Score the clauses of multi-clause sentences; return the mixed-polarity evidence of
    documents (their sentences and clauses) and sentences (their clauses), by ``id``."""
    for d in docs:
        for s in d.sentences:
            s.clauses = []
    doc_parts: list[tuple[int, str, tuple[int, int], float, float]] = []
    for (i, s), (_, _, pd) in zip(segments, label_score_probs(classes, sent_probs), strict=True):
        doc_parts.append((i, s.text, s.span, pd["positive"], pd["negative"]))
    sent_parts: list[tuple[int, str, tuple[int, int], float, float]] = []
    sent_index: dict[tuple[int, int], int] = {}
    for (i, j, c), (label, score, pd) in zip(
        clauses, label_score_probs(classes, clause_probs), strict=True
    ):
        c.label, c.score = label, score
        docs[i].sentences[j].clauses.append(c)
        doc_parts.append((i, c.text, c.span, pd["positive"], pd["negative"]))
        k = sent_index.setdefault((i, j), len(sent_index))
        sent_parts.append((k, c.text, c.span, pd["positive"], pd["negative"]))
    out: dict[int, dict[str, Any]] = {}
    for d, ev in zip(docs, mixed_flags(docs, doc_parts), strict=True):
        if ev is not None:
            out[id(d)] = ev
    keys = list(sent_index)
    flags = mixed_flags([docs[i] for i, _ in keys], sent_parts)
    for (i, j), ev in zip(keys, flags, strict=True):
        if ev is not None:
            out[id(docs[i].sentences[j])] = ev
    return out


def result(
    d: Document,
    tag: dict[str, str],
    explain: bool,
    id: str,
    explanation: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The result dict of a scored (or unscored) document; ``tag``: the model's name and version;
    with ``explain``, its ``tokens`` and ``explanation``
    (:func:`sentikit.pipeline.explain.explain`; ``None`` for a text not scored)."""
    r: dict[str, Any] = {
        "id": id,
        "lang": d.lang,
        "label": d.label,
        "score": d.score,
        "probs": d.probs,
        "mixed": False,
        "domain_coverage": None,
        "sentences": [
            {
                "text": s.text,
                "span": list(s.span),
                "label": s.label,
                "score": s.score,
                "clauses": [c.to_dict() for c in s.clauses],
                "mixed": False,
            }
            for s in d.sentences
        ],
        "aspects": [a.to_dict() for a in d.aspects],
        "model": tag,
    }
    if explain:
        r["tokens"] = [_token_dict(t) for t in d.tokens]
        r["explanation"] = explanation
    return Result(r)
