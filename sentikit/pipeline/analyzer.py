"""The Analyzer: runs language identification, text processing and the model over texts in batches.

One :class:`Analyzer` serves one language or, with ``lang=None``, routes each text to the model
of its detected language. It yields exactly one result per input, in order: a text it cannot
analyze (``None``, NaN, not a string) yields ``{"id": ..., "error": "..."}`` instead.

Result shape (DESIGN.md)::

    {"id", "lang", "label", "score", "probs": {"positive", "neutral", "negative"},
     "sentences": [{"text", "span", "label", "score", "clauses": [...]}],
     "aspects": [...], "tokens": [...]  (explain=True), "model": {"name", "version"}}

``score`` is ``P(positive) - P(negative)`` in ``[-1, 1]``. A text with no tokens (empty or
whitespace) gets the defined result label ``neutral``, score 0, ``P(neutral) = 1``.
"""

from __future__ import annotations

import gc
import logging
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import count, repeat
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.doc import Document, Sentence, Token
from sentikit.errors import InputError, ResourceMissingError, SentikitError
from sentikit.features.ngrams import sentence_segments
from sentikit.lang import SUPPORTED_LANGS, get_processor
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.models.registry import load_model, shipped_model_dir
from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE, FIRST_BATCH, batches

__all__ = ["DEFAULT_BATCH_SIZE", "Analyzer"]

_log = logging.getLogger("sentikit")
_WARNED: set[str] = set()


def _token_dict(tok: Token) -> dict[str, Any]:
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


def _score_morphemes(
    doc: Document,
    chars: list[np.ndarray] | None,
    tags: list[dict[str, float]] | None = None,
) -> None:
    """Give each morpheme its part of the decision.

    Two sources add up. The character n-gram family's contribution is spread over the
    characters of each token, and a morpheme gets the sum over the characters of its surface
    form (this needs the morphemes' forms to spell the token's normalized form). The morpheme
    family (``sentikit.morph_forms.v1``) scores tags directly: a morpheme gets its tag's share,
    and the root morpheme also the word form's (``"@form"``). Word n-gram families score whole
    words, so their part is in the token's polarity only. Without either source polarities
    stay ``None``.
    """
    for i, tok in enumerate(doc.tokens):
        if not tok.morphemes:
            continue
        per_char = chars[i] if chars is not None else None
        if per_char is not None and "".join(m.form for m in tok.morphemes) == tok.form:
            pos = 0
            for m in tok.morphemes:
                m.polarity = float(per_char[pos : pos + len(m.form)].sum())
                pos += len(m.form)
        shares = tags[i] if tags is not None else None
        if shares:
            for j, m in enumerate(tok.morphemes):
                add = shares.get(m.tag, 0.0) + (shares.get("@form", 0.0) if j == 0 else 0.0)
                m.polarity = (m.polarity or 0.0) + add
        for m in tok.morphemes:
            if m.polarity is not None:
                m.polarity = round(m.polarity, 6)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one batch is analyzed.

    A batch builds many small acyclic containers (documents, sentences, result dicts), which
    reference counting frees; with the collector running, their allocation triggers repeated
    collections that traverse the batch and every long-lived object (caches, models): in
    measurements on the shipped models up to a third of the analysis time. The collector is
    re-enabled (if it was enabled) before the batch's results are yielded.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _LangModel:
    """A fitted estimator with its bundle info, for one language."""

    def __init__(self, info: dict[str, Any], est: LinearEnsembleClassifier) -> None:
        self.info = info
        self.est = est
        self.lang: str = info["lang"]
        self.classes = [str(c) for c in est.classes_]
        self.tag = {"name": str(info.get("name")), "version": str(info.get("version"))}


def _paired(texts: Iterable[Any], ids: Iterable[Any]) -> Iterator[tuple[Any, str]]:
    """``(text, str(id))`` pairs; :class:`InputError` when the ids run out first."""
    it_ids = iter(ids)
    for t in texts:
        i = next(it_ids, _NO_ID)
        if i is _NO_ID:
            raise InputError("fewer ids than texts")
        yield t, str(i)


_NO_ID = object()


def _pair_chars(pair: tuple[Any, str]) -> int:
    t = pair[0]
    return len(t) if isinstance(t, str) else 0


class Analyzer:
    """Sentiment analysis of texts with a trained model bundle.

    Parameters
    ----------
    lang : ``"tr"``, ``"en"``, or ``None`` to detect the language of each text.
    model : a bundle folder; default: the bundle shipped for ``lang``. A bundle fixes the
        language to its own.
    batch_size : the most texts in one internal batch (batches start small and double up to
        it, and close early at a character budget: :mod:`sentikit.pipeline.batching`).

    Examples
    --------
    >>> an = Analyzer("en")  # doctest: +SKIP
    >>> an.analyze("A gorgeous, witty film.")["label"]  # doctest: +SKIP
    'positive'
    """

    def __init__(
        self,
        lang: str | None = None,
        model: str | Path | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        if lang is not None and lang not in SUPPORTED_LANGS:
            raise InputError(f"unsupported language {lang!r}; use one of {SUPPORTED_LANGS}")
        if batch_size < 1:
            raise InputError("batch_size must be at least 1")
        self.batch_size = batch_size
        self._models: dict[str, _LangModel] = {}
        self.lang = lang
        if model is not None:
            lm = _LangModel(*load_model(model))
            gc.freeze()  # see _model
            if lang is not None and lm.lang != lang:
                raise InputError(f"model {model} is for {lm.lang!r}, not {lang!r}")
            self._models[lm.lang] = lm
            self.lang = lm.lang
        elif lang is not None:
            self._model(lang)  # load eagerly so that a missing model fails here

    def _model(self, lang: str) -> _LangModel:
        if lang not in self._models:
            self._models[lang] = _LangModel(*load_model(shipped_model_dir(lang)))
            # A model holds millions of long-lived objects (vocabularies, word tables); moving
            # them to the collector's permanent generation keeps every later full collection
            # from traversing them (on the Turkish model: 0.4 s per batch of 256 texts).
            gc.freeze()
        return self._models[lang]

    @property
    def models(self) -> dict[str, dict[str, Any]]:
        """Bundle info (``model.json`` without state) of the models loaded so far."""
        return {
            k: {kk: vv for kk, vv in m.info.items() if kk != "model"}
            for k, m in self._models.items()
        }

    # -- public API ----------------------------------------------------------------------
    def analyze(self, text: str, id: str | None = None, explain: bool = False) -> dict[str, Any]:
        """Analyze one text; raises :class:`InputError` if it is not a string."""
        if not isinstance(text, str):
            raise InputError(f"text must be a string, not {type(text).__name__}")
        return next(self.iter_analyze([text], [id] if id is not None else None, explain))

    def analyze_many(
        self,
        texts: Iterable[Any],
        ids: Iterable[Any] | None = None,
        explain: bool = False,
    ) -> list[dict[str, Any]]:
        """Analyze many texts; one result per input, in order (see :meth:`iter_analyze`).

        All results come back at once, so the batches do not start small (``grow=False``)."""
        return list(self.iter_analyze(texts, ids, explain, grow=False))

    def iter_analyze(
        self,
        texts: Iterable[Any],
        ids: Iterable[Any] | None = None,
        explain: bool = False,
        batch_size: int | None = None,
        grow: bool = True,
    ) -> Iterator[dict[str, Any]]:
        """Stream results: exactly one per input, in input order, processed in batches.

        ``ids`` default to the 1-based position as a string. A non-string input yields an
        error record ``{"id", "error"}``. Batches hold at most ``batch_size`` texts (default:
        the analyzer's); with ``grow`` the first batch is small and each next one twice as
        large (:func:`sentikit.pipeline.batching.batches`), else every batch may be full size.
        """
        size = batch_size or self.batch_size
        if ids is None:
            pairs: Iterator[tuple[Any, str]] = zip(texts, map(str, count(1)), strict=False)
        else:
            pairs = _paired(texts, ids)
        first = FIRST_BATCH if grow else size
        for batch in batches(pairs, size, _pair_chars, first=first):
            chunk = [t for t, _ in batch]
            chunk_ids = [i for _, i in batch]
            with _gc_paused():
                results = self._analyze_batch(chunk, chunk_ids, explain)
            yield from results

    # -- batch internals -----------------------------------------------------------------
    def _analyze_batch(
        self, texts: list[Any], ids: list[str], explain: bool
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any] | None] = [None] * len(texts)
        valid: list[int] = []
        for i, t in enumerate(texts):
            if isinstance(t, str):
                valid.append(i)
            else:
                missing = t is None or (isinstance(t, float) and math.isnan(t))
                why = "text is missing" if missing else f"text is a {type(t).__name__}"
                out[i] = {"id": ids[i], "error": f"record {ids[i]}: {why}"}
        langs = self._languages([texts[i] for i in valid])
        by_lang: dict[str, list[int]] = {}
        for i, lang in zip(valid, langs, strict=True):
            by_lang.setdefault(lang, []).append(i)
        for lang, idx in by_lang.items():
            try:
                results = self._analyze_lang(
                    [texts[i] for i in idx], lang, explain, [ids[i] for i in idx]
                )
            except SentikitError:
                raise
            except Exception:
                # isolate the failing record(s): one result or one error record per input
                results = []
                for i in idx:
                    try:
                        results.extend(self._analyze_lang([texts[i]], lang, explain, [ids[i]]))
                    except Exception as exc:  # noqa: BLE001 - reported as an error record
                        results.append({"id": ids[i], "error": f"record {ids[i]}: {exc}"})
            if len(idx) == len(texts):
                return results  # one language, no invalid entry: already in input order
            for i, r in zip(idx, results, strict=True):
                out[i] = r
        return [r for r in out if r is not None]

    def _languages(self, texts: list[str]) -> list[str]:
        if self.lang is not None:
            return [self.lang] * len(texts)
        from sentikit.lang.detect import detect_many

        return list(detect_many(texts))

    def _analyze_lang(
        self, texts: list[str], lang: str, explain: bool, ids: list[str]
    ) -> list[dict[str, Any]]:
        lm = self._model(lang)
        proc = get_processor(lang)
        docs = proc.make_docs(texts)
        scored = []
        for d in docs:
            d.lang = lang
            if d.n_tokens():
                scored.append(d)
            else:
                d.label, d.score = "neutral", 0.0
                d.probs = {"positive": 0.0, "neutral": 1.0, "negative": 0.0}
        if scored:
            # documents and the sentences of multi-sentence documents in one model call, from
            # one feature pass (each row's probabilities are those of its own document)
            segments = sentence_segments(scored)
            doc_probs, sent_probs = lm.est.predict_proba_segments(scored, segments)
            self._set_doc_results(scored, doc_probs, lm)
            self._set_sentence_results(scored, [s for _, s in segments], sent_probs, lm)
        if explain:
            self._explain(docs, proc, lm)
        return [self._result(d, lm, explain, i) for d, i in zip(docs, ids, strict=True)]

    @staticmethod
    def _label_score_probs(
        lm: _LangModel, probs: np.ndarray
    ) -> Iterator[tuple[str, float, dict[str, float]]]:
        """Label, score and probability dict of each row (as the per-row helpers give them)."""
        classes = lm.classes
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

    @staticmethod
    def _set_doc_results(docs: list[Document], probs: np.ndarray, lm: _LangModel) -> None:
        for d, (label, score, pd) in zip(docs, Analyzer._label_score_probs(lm, probs), strict=True):
            d.probs, d.score, d.label = pd, score, label

    @staticmethod
    def _set_sentence_results(
        docs: list[Document], targets: list[Sentence], probs: np.ndarray, lm: _LangModel
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
        for s, (label, score, _) in zip(
            targets, Analyzer._label_score_probs(lm, probs), strict=True
        ):
            s.label, s.score = label, score

    @staticmethod
    def _explain(docs: list[Document], proc: Any, lm: _LangModel) -> None:
        """Add per-token contributions and the linguistic annotation of the full analysis.

        Without the optional analyzer (English: the ``en`` extra), the contributions are still
        given; lemmas, POS and clauses stay empty and one warning says what to install.
        """
        for d in docs:
            for tok, c in zip(d.tokens, lm.est.token_contributions(d), strict=True):
                tok.polarity = c
        try:
            analyzed = proc.make_docs([d.text for d in docs], analyze=True)
        except ResourceMissingError as exc:
            if lm.lang not in _WARNED:
                _WARNED.add(lm.lang)
                _log.warning("explain without linguistic annotation: %s", exc)
            return
        for d, a in zip(docs, analyzed, strict=True):
            by_span = {(t.start, t.end): t for t in a.tokens}
            for tok in d.tokens:
                at = by_span.get((tok.start, tok.end))
                if at is None:
                    continue
                tok.lemma, tok.pos = at.lemma, at.pos
                tok.morphemes = at.morphemes
                tok.negated = tok.negated or at.negated
            if any(t.morphemes for t in d.tokens):
                _score_morphemes(d, lm.est.char_contributions(d), lm.est.morpheme_contributions(d))
            # clauses come from the full analysis (English subclauses)
            if len(a.sentences) == len(d.sentences):
                for s, sa in zip(d.sentences, a.sentences, strict=True):
                    s.clauses = sa.clauses

    @staticmethod
    def _result(d: Document, lm: _LangModel, explain: bool, id: str) -> dict[str, Any]:
        r: dict[str, Any] = {
            "id": id,
            "lang": d.lang,
            "label": d.label,
            "score": d.score,
            "probs": d.probs,
            "sentences": [
                {
                    "text": s.text,
                    "span": list(s.span),
                    "label": s.label,
                    "score": s.score,
                    "clauses": [c.to_dict() for c in s.clauses],
                }
                for s in d.sentences
            ],
            "aspects": [a.to_dict() for a in d.aspects],
            "model": lm.tag,
        }
        if explain:
            r["tokens"] = [_token_dict(t) for t in d.tokens]
        return r
