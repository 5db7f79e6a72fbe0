"""The Analyzer: runs language identification, text processing and the model over texts in batches.

One :class:`Analyzer` serves one language or, with ``lang=None``, routes each text to the model
of its detected language. It yields exactly one result per input, in order: an entry that is not
a text (``None``, NaN, ``pd.NA``, a number), or a text whose analysis fails on its own, yields an
error record ``{"id": ..., "error": "record <id>: ..."}`` instead
(:class:`~sentikit.pipeline.failures.ErrorRecord`); a :class:`~sentikit.errors.SentikitError`
of a batch (a missing or broken model) is raised.

Every text is normalized at the door (:func:`sentikit.lang.textnorm.normalize_text`): Unicode
NFC, and control characters (NUL, DEL, …; not tabs or newlines) replaced by spaces. Language
identification, tokenization and the model read the normalized text; every ``span`` and ``text``
in a result points into the text as given (NFC composition is mapped back, a replaced control
character keeps its place), and a result notes replaced control characters in ``warning``.

Result shape (DESIGN.md)::

    {"id", "lang", "label", "score", "probs": {"positive", "neutral", "negative"},
     "sentences": [{"text", "span", "label", "score", "clauses": [...]}],
     "aspects": [...], "tokens": [...]  (explain=True), "model": {"name", "version"}}

``score`` is ``P(positive) - P(negative)`` in ``[-1, 1]``.

A text with nothing to score gets a defined result: label ``neutral``, score 0,
``P(neutral) = 1`` (every sentence neutral, score 0) and a ``warning`` saying why. That is

* a text whose language is undetermined with ``lang=None`` (no Latin-script word, or mostly
  another script: :mod:`sentikit.lang.detect`): ``lang`` is ``"und"``, ``model`` is ``None``,
  ``sentences`` (and ``tokens``) are empty; an emoji-only text is one (give ``lang`` to have
  a model score its emoji);
* an empty text, or one without a word, hashtag, emoji or emoticon (numbers, punctuation, URLs
  and mentions only);
* a text none of whose features the model knows (its probabilities would be the model's
  prior, the same for every such text: an emoji the training data never had, another script
  in a fixed language).

With a bundle given as ``model=`` (a user's model, or a shipped one named), every text is
scored by that model, and ``lang`` is the model's language. A text that the fast language
identifier (:func:`sentikit.lang.detect.detect_many`) finds to be in another supported
language keeps its prediction but gets a ``warning`` naming both languages (the shipped
default path, without ``model=``, routes or fixes the language instead and checks nothing).

This module holds the Analyzer: model loading, batching, language routing and the model calls.
Its parts: :mod:`~sentikit.pipeline.inputs` (entries that are not texts, ids),
:mod:`~sentikit.pipeline.results` (labels, scores and result dicts),
:mod:`~sentikit.pipeline.explain` (``explain=True``), :mod:`~sentikit.pipeline.failures` (error
records, isolation of failing records), :mod:`~sentikit.pipeline.mixed` and
:mod:`~sentikit.pipeline.batching`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import count
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.doc import Document
from sentikit.errors import InputError, ResourceMissingError, SentikitError
from sentikit.features.batch import sentence_segments
from sentikit.lang import SUPPORTED_LANGS, get_processor
from sentikit.lang.base import gc_paused
from sentikit.lang.textnorm import NormalizedText, normalize_text
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.models.registry import load_model, shipped_model_dir, shipped_models
from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE, FIRST_BATCH, batches
from sentikit.pipeline.explain import explain as explain_docs
from sentikit.pipeline.failures import ErrorRecord, isolate
from sentikit.pipeline.inputs import check_ids, entry_error, pair_chars, paired
from sentikit.pipeline.mixed import clause_segments, domain_coverage
from sentikit.pipeline.results import (
    UND,
    add_warning,
    binary_view,
    neutral_probs,
    restore,
    result,
    set_clause_results,
    set_doc_results,
    set_mixed,
    set_sentence_results,
    undetermined,
)

__all__ = ["DEFAULT_BATCH_SIZE", "Analyzer", "check_ids", "is_model_name", "model_folder"]

#: Token kinds with something to score: words (letters), their suffixes, hashtags, emoji and
#: emoticons. A text with none of them (numbers, punctuation, URLs, mentions) is not scored.
_READABLE_KINDS = frozenset({"word", "suffix", "hashtag", "emoji", "emoticon"})
#: A probability row equal to the model's prior within this tolerance means that no feature
#: of the text is known to the model (a zero feature row gives exactly the prior).
_PRIOR_ATOL = 1e-12
#: A character no training corpus has (Unicode private use): the text the prior is read from.
_UNKNOWN_TEXT = "\ue000"

#: The label views of :class:`Analyzer` (``labels=``).
LABEL_VIEWS = ("three", "binary")
#: Language names in warnings.
LANG_NAMES = {"tr": "Turkish", "en": "English"}


def model_folder(model: str | Path) -> Path:
    """The bundle folder that ``model`` names.

    A path that exists is taken as it is (a folder without a bundle fails to load, saying
    so); otherwise a shipped model's language (``"tr"``, ``"en"``) or bundle name
    (``"sentikit-tr-linear"``) gives the shipped folder.

    Raises
    ------
    ResourceMissingError
        When ``model`` is neither a path that exists nor a shipped model's language or name.
    """
    path = Path(model)
    if path.exists():
        return path  # a folder without a bundle fails in load_model, with its own message
    spec = str(model)
    shipped = {info["lang"]: info.get("name") for info in shipped_models()}
    for lang, name in shipped.items():
        if spec in (lang, name):
            return shipped_model_dir(lang)
    names = ", ".join(f"{lang} ({name})" for lang, name in sorted(shipped.items()))
    raise ResourceMissingError(
        f"no model bundle at {spec!r}: no such folder, nor a shipped model (shipped: {names})"
    )


def is_model_name(spec: str | Path) -> bool:
    """Whether ``spec`` names a model bundle rather than a language: a ``Path``, a path that
    exists, or a shipped bundle's name (not ``"tr"``/``"en"``, which are languages)."""
    if isinstance(spec, Path):
        return True
    if spec in SUPPORTED_LANGS or spec == "auto":
        return False
    return Path(spec).exists() or any(spec == i.get("name") for i in shipped_models())


class _LangModel:
    """A fitted estimator with its bundle info, for one language."""

    def __init__(self, info: dict[str, Any], est: LinearEnsembleClassifier) -> None:
        self.info = info
        self.est = est
        self.lang: str = info["lang"]
        self.classes = [str(c) for c in est.classes_]
        self.tag = {"name": str(info.get("name")), "version": str(info.get("version"))}
        self.prior: np.ndarray | None = None  # probabilities of a text with no known feature


class Analyzer:
    """Sentiment analysis of texts with a trained model bundle.

    Parameters
    ----------
    lang : ``"tr"``, ``"en"``, or ``None`` to detect the language of each text.
    model : a bundle folder, or a shipped model's language or name (:func:`model_folder`);
        default: the bundle shipped for ``lang``. A bundle fixes the language to its own:
        every text is scored by it, and a text detected to be in another supported language
        gets a ``warning`` naming both (its ``lang`` stays the model's).
    batch_size : the most texts in one internal batch (batches start small and double up to
        it, and close early at a character budget: :mod:`sentikit.pipeline.batching`).
    labels : ``"three"`` (default): positive / neutral / negative; ``"binary"``: the label of
        every document, sentence and clause is the more probable of positive and negative
        (the probabilities stay those of the three classes; an unscored text, with a
        ``warning``, stays neutral).
    compose : apply the model's negation and contrast composition
        (:mod:`sentikit.models.composition`; default). ``False`` gives the plain linear
        decision, about twice as fast (BENCHMARKS.md §3) but reading "not bad" as two
        negative words.

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
        labels: str = "three",
        compose: bool = True,
    ) -> None:
        self.compose = compose
        if lang is not None and lang not in SUPPORTED_LANGS:
            raise InputError(f"unsupported language {lang!r}; use one of {SUPPORTED_LANGS}")
        if batch_size < 1:
            raise InputError("batch_size must be at least 1")
        if labels not in LABEL_VIEWS:
            raise InputError(f"labels must be one of {LABEL_VIEWS}, not {labels!r}")
        self.labels = labels
        self.batch_size = batch_size
        self._models: dict[str, _LangModel] = {}
        self.lang = lang
        #: whether each text's language is checked against the model's (a ``model=`` bundle)
        self.flag_foreign = model is not None
        if model is not None:
            lm = _LangModel(*load_model(model_folder(model)))
            if not compose:
                lm.est.composition = None
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
            if not self.compose:
                self._models[lang].est.composition = None
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

        All results come back at once, in memory, so the batches do not start small
        (``grow=False``); for a stream of unknown length use :meth:`iter_analyze`. ``ids``
        that do not match the texts one to one raise :class:`InputError` (before any text is
        analyzed where both have a length)."""
        check_ids(texts, ids)
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

        ``texts`` is read lazily, one batch at a time, so a generator of any length streams in
        bounded memory. ``ids`` default to the 1-based position as a string; given ids must
        pair one to one with the texts (:class:`InputError` when they run out, or, once the
        texts end, when some are left over). A non-string entry yields an error record
        ``{"id", "error"}`` (``"missing text (NA)"`` for ``None``, NaN, ``pd.NA``). Batches hold
        at most ``batch_size`` texts (default: the analyzer's); with ``grow`` the first batch
        is small and each next one twice as large (:func:`sentikit.pipeline.batching.batches`),
        else every batch may be full size.
        """
        check_ids(texts, ids)
        size = batch_size or self.batch_size
        leftover: list[int] = []
        if ids is None:
            pairs: Iterator[tuple[Any, str]] = zip(texts, map(str, count(1)), strict=False)
        else:
            pairs = paired(texts, ids, leftover)
        first = FIRST_BATCH if grow else size
        for batch in batches(pairs, size, pair_chars, first=first):
            chunk = [t for t, _ in batch]
            chunk_ids = [i for _, i in batch]
            with gc_paused():
                results = self._analyze_batch(chunk, chunk_ids, explain)
            yield from results
        if leftover:
            raise InputError(f"more ids than texts: {leftover[0]} texts, and ids left over")

    # -- batch internals -----------------------------------------------------------------
    def _analyze_batch(
        self, texts: list[Any], ids: list[str], explain: bool
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any] | None] = [None] * len(texts)
        valid: list[int] = []
        norm: dict[int, NormalizedText] = {}  # the text each valid entry is analyzed as
        for i, t in enumerate(texts):
            if isinstance(t, str):
                valid.append(i)
                norm[i] = normalize_text(t)
            else:
                out[i] = ErrorRecord(ids[i], entry_error(t))
        langs = self._languages([norm[i].text for i in valid])
        foreign = self._foreign([norm[i].text for i in valid], valid) if self.flag_foreign else {}
        by_lang: dict[str, list[int]] = {}
        for i, lang in zip(valid, langs, strict=True):
            by_lang.setdefault(lang, []).append(i)
        for lang, idx in by_lang.items():
            if lang == UND:
                results = [undetermined(norm[i].text, ids[i], explain) for i in idx]
            else:
                # one result or one error record per input: a failing batch is narrowed down
                # to its failing records, unless it raised a SentikitError (a broken model)
                results = isolate(
                    partial(self._analyze_pairs, lang=lang, explain=explain),
                    [(norm[i].text, ids[i]) for i in idx],
                    failed=_pair_error,
                    fatal=_is_sentikit_error,
                    fatal_alone=False,
                )
            for i, r in zip(idx, results, strict=True):
                if "error" not in r:
                    restore(r, norm[i])
                    if i in foreign:
                        add_warning(r, _foreign_warning(foreign[i], lang))
            if len(idx) == len(texts):
                return results  # one language, no invalid entry: already in input order
            for i, r in zip(idx, results, strict=True):
                out[i] = r
        return [r for r in out if r is not None]

    def _analyze_pairs(
        self, pairs: Sequence[tuple[str, str]], lang: str, explain: bool
    ) -> list[dict[str, Any]]:
        """:meth:`_analyze_lang` of ``(text, id)`` pairs."""
        return self._analyze_lang([t for t, _ in pairs], lang, explain, [i for _, i in pairs])

    def _prior(self, lm: _LangModel, proc: Any) -> np.ndarray:
        """The model's probabilities for a text none of whose features it knows."""
        if lm.prior is None:
            (d,) = proc.make_docs([_UNKNOWN_TEXT])
            d.lang = lm.lang
            probs, _ = lm.est.predict_proba_segments([d], sentence_segments([d]))
            lm.prior = np.asarray(probs[0], dtype=np.float64)
        return lm.prior

    def _foreign(self, texts: list[str], positions: list[int]) -> dict[int, str]:
        """The texts (by position) detected to be in a supported language other than the
        model's, with that language."""
        from sentikit.lang.detect import detect_many

        return {
            i: d
            for i, d in zip(positions, detect_many(texts), strict=True)
            if d != self.lang and d in SUPPORTED_LANGS
        }

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
        warnings: dict[int, str] = {}  # position in docs → why it was not scored
        for k, d in enumerate(docs):
            d.lang = lang
            if not d.n_tokens():
                warnings[k] = "empty text: nothing to analyze"
            elif _READABLE_KINDS.isdisjoint(d.token_kinds()):
                warnings[k] = "no words, emoji or emoticons (numbers, punctuation, URLs or "
                warnings[k] += "mentions only): not scored"
            else:
                scored.append(d)
        mixed: dict[int, dict[str, Any]] = {}  # id(document or sentence) → its evidence
        if scored:
            doc_probs, mixed = self._score(scored, lm, lang)
            prior = self._prior(lm, proc)
            unknown = np.all(np.abs(np.asarray(doc_probs) - prior) <= _PRIOR_ATOL, axis=1)
            if unknown.any():
                at = {id(d): k for k, d in enumerate(docs)}
                for d in (scored[j] for j in np.flatnonzero(unknown).tolist()):
                    warnings[at[id(d)]] = (
                        f"the {lang} model knows none of the text's words or emoji: not scored"
                    )
        for k in warnings:
            d = docs[k]
            d.label, d.score, d.probs = "neutral", 0.0, neutral_probs()
            for s in d.sentences:
                s.label, s.score = "neutral", 0.0
        notes = explain_docs(docs, proc, lm.est, lm.lang, warnings) if explain else None
        results = [
            result(d, lm.tag, explain, i, notes[k] if notes else None)
            for k, (d, i) in enumerate(zip(docs, ids, strict=True))
        ]
        coverage = domain_coverage(lm.est, docs)
        for d, r, cov in zip(docs, results, coverage, strict=True):
            r["domain_coverage"] = cov
            set_mixed(r, mixed.get(id(d)))
            for s, rs in zip(d.sentences, r["sentences"], strict=True):
                set_mixed(rs, mixed.get(id(s)))
        for k, msg in warnings.items():
            results[k]["warning"] = msg
            results[k]["mixed"] = False
            results[k].pop("mixed_evidence", None)
        if self.labels == "binary":
            for k, r in enumerate(results):
                if k not in warnings:  # an unscored text stays neutral
                    binary_view(r)
        return results

    @staticmethod
    def _score(
        scored: list[Document], lm: _LangModel, lang: str
    ) -> tuple[np.ndarray, dict[int, dict[str, Any]]]:
        """Score documents, their sentences and clauses; the documents' probability rows and
        the mixed-polarity evidence by ``id`` of document or sentence."""
        # documents, the sentences of multi-sentence documents and the clauses of one-sentence
        # documents in one model call, from one feature pass (each row's probabilities are
        # those of its own text); the clauses of multi-sentence documents in a second one
        # (the segments of one document must not overlap)
        segments = sentence_segments(scored)
        csegs, clauses = clause_segments(scored, lang)
        multi = {i for i, _ in segments}
        one = [k for k, (i, _) in enumerate(csegs) if i not in multi]
        two = [k for k, (i, _) in enumerate(csegs) if i in multi]
        doc_probs, seg_probs = lm.est.predict_proba_segments(
            scored, segments + [csegs[k] for k in one]
        )
        sent_probs = seg_probs[: len(segments)]
        clause_probs = np.zeros((len(csegs), seg_probs.shape[1]))
        clause_probs[one] = seg_probs[len(segments) :]
        if two:
            subs = [scored[csegs[k][0]].sentence_document(csegs[k][1]) for k in two]
            clause_probs[two] = lm.est.predict_proba_docs(subs)
        set_doc_results(scored, doc_probs, lm.classes)
        set_sentence_results(scored, [s for _, s in segments], sent_probs, lm.classes)
        mixed = set_clause_results(scored, segments, sent_probs, clauses, clause_probs, lm.classes)
        return doc_probs, mixed


def _foreign_warning(text_lang: str, model_lang: str) -> str:
    """The warning of a text in ``text_lang`` scored by a ``model_lang`` model."""
    t, m = LANG_NAMES.get(text_lang, text_lang), LANG_NAMES.get(model_lang, model_lang)
    return f"the text looks {t} ({text_lang}), but the model is {m} ({model_lang})"


def _pair_error(pair: tuple[str, str], exc: Exception) -> ErrorRecord:
    """The error record of a ``(text, id)`` pair whose analysis raised ``exc``."""
    return ErrorRecord(pair[1], str(exc))


def _is_sentikit_error(exc: Exception) -> bool:
    """Whether ``exc`` is sentikit's own (a missing or broken model, bad input): not isolated."""
    return isinstance(exc, SentikitError)
