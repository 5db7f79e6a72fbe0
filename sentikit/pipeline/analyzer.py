"""The Analyzer: runs language identification, text processing and the model over texts in batches.

One :class:`Analyzer` serves one language or, with ``lang=None``, routes each text to the model
of its detected language. It yields exactly one result per input, in order: an entry that is not
a text (``None``, NaN, ``pd.NA``, a number) yields ``{"id": ..., "error": "..."}`` instead.

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
"""

from __future__ import annotations

import gc
import logging
import math
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sized
from itertools import count, repeat
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.doc import Clause, Document, Sentence, Token
from sentikit.errors import InputError, ResourceMissingError, SentikitError
from sentikit.features.ngrams import sentence_segments
from sentikit.lang import SUPPORTED_LANGS, get_processor
from sentikit.lang.base import gc_paused
from sentikit.lang.textnorm import NormalizedText, normalize_text
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.models.registry import load_model, shipped_model_dir
from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE, FIRST_BATCH, batches
from sentikit.pipeline.mixed import clause_segments, domain_coverage, mixed_flags

__all__ = ["DEFAULT_BATCH_SIZE", "Analyzer"]

_log = logging.getLogger("sentikit")
_WARNED: set[str] = set()

#: The language of a text whose language could not be identified (BCP 47 "undetermined").
UND = "und"
#: Token kinds with something to score: words (letters), their suffixes, hashtags, emoji and
#: emoticons. A text with none of them (numbers, punctuation, URLs, mentions) is not scored.
_READABLE_KINDS = frozenset({"word", "suffix", "hashtag", "emoji", "emoticon"})
#: A probability row equal to the model's prior within this tolerance means that no feature
#: of the text is known to the model (a zero feature row gives exactly the prior).
_PRIOR_ATOL = 1e-12
#: A character no training corpus has (Unicode private use): the text the prior is read from.
_UNKNOWN_TEXT = "\ue000"


def _neutral_probs() -> dict[str, float]:
    return {"positive": 0.0, "neutral": 1.0, "negative": 0.0}


def _missing(t: object) -> str | None:
    """``"None"``, ``"NaN"``, ``"NA"`` or ``"NaT"`` for a missing value, else None."""
    if t is None:
        return "None"
    if isinstance(t, float) and math.isnan(t):
        return "NaN"
    name = type(t).__name__
    if name == "NAType":  # pandas.NA, without importing pandas
        return "NA"
    if name == "NaTType":
        return "NaT"
    return None


def _entry_error(t: object) -> str:
    """Why a non-string entry cannot be analyzed."""
    missing = _missing(t)
    if missing is not None:
        return f"missing text ({missing})"
    return f"text must be a string, not {type(t).__name__}"


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


#: The label views of :class:`Analyzer` (``labels=``).
LABEL_VIEWS = ("three", "binary")


def _set_mixed(r: dict[str, Any], evidence: dict[str, Any] | None) -> None:
    r["mixed"] = evidence is not None
    if evidence is not None:
        r["mixed_evidence"] = evidence


def _binary_view(r: dict[str, Any]) -> None:
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


def _add_warning(r: dict[str, Any], msg: str) -> None:
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


class _LangModel:
    """A fitted estimator with its bundle info, for one language."""

    def __init__(self, info: dict[str, Any], est: LinearEnsembleClassifier) -> None:
        self.info = info
        self.est = est
        self.lang: str = info["lang"]
        self.classes = [str(c) for c in est.classes_]
        self.tag = {"name": str(info.get("name")), "version": str(info.get("version"))}
        self.prior: np.ndarray | None = None  # probabilities of a text with no known feature


def _paired(
    texts: Iterable[Any], ids: Iterable[Any], leftover: list[int]
) -> Iterator[tuple[Any, str]]:
    """``(text, str(id))`` pairs; :class:`InputError` when the ids run out first. Ids left
    over after the last text are not an error here (the last batch is still to be analyzed):
    the number of texts is appended to ``leftover`` for the caller to raise at the end."""
    it_ids = iter(ids)
    n = 0
    for t in texts:
        i = next(it_ids, _NO_ID)
        if i is _NO_ID:
            raise InputError(f"fewer ids than texts: no id for text {n + 1}")
        n += 1
        yield t, str(i)
    if next(it_ids, _NO_ID) is not _NO_ID:
        leftover.append(n)


def check_ids(texts: Any, ids: Any) -> None:
    """Raise :class:`InputError` when ``ids`` is not a sequence of ids matching ``texts``.

    ``ids`` must not be a string, bytes or a mapping; where both have a length, the lengths
    must agree (checked before any text is analyzed). A streamed pair is checked as it goes
    (:func:`_paired`).
    """
    if ids is None:
        return
    if isinstance(ids, str | bytes | bytearray | memoryview | Mapping):
        raise InputError(f"ids must be a list of ids, one per text, not a {type(ids).__name__}")
    if not isinstance(ids, Iterable):
        raise InputError(f"ids must be an iterable of ids, not a {type(ids).__name__}")
    if isinstance(texts, Sized) and isinstance(ids, Sized) and len(ids) != len(texts):
        fewer = "fewer" if len(ids) < len(texts) else "more"
        raise InputError(
            f"{fewer} ids than texts ({len(ids)} ids for {len(texts)} texts): give exactly one "
            "id per text"
        )


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
    labels : ``"three"`` (default): positive / neutral / negative; ``"binary"``: the label of
        every document, sentence and clause is the more probable of positive and negative
        (the probabilities stay those of the three classes; an unscored text, with a
        ``warning``, stays neutral).

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
    ) -> None:
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
            pairs = _paired(texts, ids, leftover)
        first = FIRST_BATCH if grow else size
        for batch in batches(pairs, size, _pair_chars, first=first):
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
                out[i] = {"id": ids[i], "error": f"record {ids[i]}: {_entry_error(t)}"}
        langs = self._languages([norm[i].text for i in valid])
        by_lang: dict[str, list[int]] = {}
        for i, lang in zip(valid, langs, strict=True):
            by_lang.setdefault(lang, []).append(i)
        for lang, idx in by_lang.items():
            if lang == UND:
                results = [self._undetermined(norm[i].text, ids[i], explain) for i in idx]
            else:
                try:
                    results = self._analyze_lang(
                        [norm[i].text for i in idx], lang, explain, [ids[i] for i in idx]
                    )
                except SentikitError:
                    raise
                except Exception:
                    # isolate the failing record(s): one result or one error record per input
                    results = []
                    for i in idx:
                        try:
                            results.extend(
                                self._analyze_lang([norm[i].text], lang, explain, [ids[i]])
                            )
                        except Exception as exc:  # noqa: BLE001 - reported as an error record
                            results.append({"id": ids[i], "error": f"record {ids[i]}: {exc}"})
            for i, r in zip(idx, results, strict=True):
                if "error" not in r:
                    self._restore(r, norm[i])
            if len(idx) == len(texts):
                return results  # one language, no invalid entry: already in input order
            for i, r in zip(idx, results, strict=True):
                out[i] = r
        return [r for r in out if r is not None]

    @staticmethod
    def _restore(r: dict[str, Any], nt: NormalizedText) -> None:
        """Point a result's spans and texts into the original text; note replaced controls."""
        if nt.changed:
            for s in r["sentences"]:
                _restore_spans(s["clauses"], nt, "text")
            _restore_spans(r["sentences"], nt, "text")
            _restore_spans(r.get("tokens", []), nt, "text")
            _restore_spans(r["aspects"], nt, "term")
            for item in [r, *r["sentences"]]:
                ev = item.get("mixed_evidence") or {}
                _restore_spans(ev.get("positive", []), nt, "text")
                _restore_spans(ev.get("negative", []), nt, "text")
        if nt.controls:
            n = nt.controls
            _add_warning(
                r, f"{n} control character{'s' if n > 1 else ''} (NUL, DEL…) read as spaces"
            )

    @staticmethod
    def _undetermined(text: str, id: str, explain: bool) -> dict[str, Any]:
        """The defined result of a text whose language could not be identified."""
        r: dict[str, Any] = {
            "id": id,
            "lang": UND,
            "label": "neutral",
            "score": 0.0,
            "probs": _neutral_probs(),
            "mixed": False,
            "domain_coverage": None,
            "sentences": [],
            "aspects": [],
            "model": None,
            "warning": _und_warning(text),
        }
        if explain:
            r["tokens"] = []
        return r

    def _prior(self, lm: _LangModel, proc: Any) -> np.ndarray:
        """The model's probabilities for a text none of whose features it knows."""
        if lm.prior is None:
            (d,) = proc.make_docs([_UNKNOWN_TEXT])
            d.lang = lm.lang
            probs, _ = lm.est.predict_proba_segments([d], sentence_segments([d]))
            lm.prior = np.asarray(probs[0], dtype=np.float64)
        return lm.prior

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
            # documents, the sentences of multi-sentence documents and the clauses of
            # one-sentence documents in one model call, from one feature pass (each row's
            # probabilities are those of its own text); the clauses of multi-sentence
            # documents in a second one (the segments of one document must not overlap)
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
            self._set_doc_results(scored, doc_probs, lm)
            self._set_sentence_results(scored, [s for _, s in segments], sent_probs, lm)
            mixed = self._set_clause_results(
                scored, segments, sent_probs, clauses, clause_probs, lm
            )
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
            d.label, d.score, d.probs = "neutral", 0.0, _neutral_probs()
            for s in d.sentences:
                s.label, s.score = "neutral", 0.0
        if explain:
            self._explain(docs, proc, lm)
        results = [self._result(d, lm, explain, i) for d, i in zip(docs, ids, strict=True)]
        coverage = domain_coverage(lm.est, docs)
        for d, r, cov in zip(docs, results, coverage, strict=True):
            r["domain_coverage"] = cov
            _set_mixed(r, mixed.get(id(d)))
            for s, rs in zip(d.sentences, r["sentences"], strict=True):
                _set_mixed(rs, mixed.get(id(s)))
        for k, msg in warnings.items():
            results[k]["warning"] = msg
            results[k]["mixed"] = False
            results[k].pop("mixed_evidence", None)
        if self.labels == "binary":
            for k, r in enumerate(results):
                if k not in warnings:  # an unscored text stays neutral
                    _binary_view(r)
        return results

    @staticmethod
    def _set_clause_results(
        docs: list[Document],
        segments: list[tuple[int, Sentence]],
        sent_probs: np.ndarray,
        clauses: list[tuple[int, int, Clause]],
        clause_probs: np.ndarray,
        lm: _LangModel,
    ) -> dict[int, dict[str, Any]]:
        """Score the clauses of multi-clause sentences; return the mixed-polarity evidence of
        documents (their sentences and clauses) and sentences (their clauses), by ``id``."""
        for d in docs:
            for s in d.sentences:
                s.clauses = []
        doc_parts: list[tuple[int, str, tuple[int, int], float, float]] = []
        for (i, s), (_, _, pd) in zip(
            segments, Analyzer._label_score_probs(lm, sent_probs), strict=True
        ):
            doc_parts.append((i, s.text, s.span, pd["positive"], pd["negative"]))
        sent_parts: list[tuple[int, str, tuple[int, int], float, float]] = []
        sent_index: dict[tuple[int, int], int] = {}
        for (i, j, c), (label, score, pd) in zip(
            clauses, Analyzer._label_score_probs(lm, clause_probs), strict=True
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
            # clauses come from the full analysis (English subclauses), for the sentences
            # that both splitters cut alike (same span); the others keep the fast clauses
            by_sent = {tuple(sa.span): sa for sa in a.sentences}
            for s in d.sentences:
                sa = by_sent.get(tuple(s.span))
                if sa is not None and sa.clauses:
                    s.clauses = sa.clauses

    @staticmethod
    def _result(d: Document, lm: _LangModel, explain: bool, id: str) -> dict[str, Any]:
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
            "model": lm.tag,
        }
        if explain:
            r["tokens"] = [_token_dict(t) for t in d.tokens]
        return r
