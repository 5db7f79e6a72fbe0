"""The Turkish aspect model (:class:`TurkishAspectModel`): training, prediction, save and load.

See :mod:`sentikit.aspects.tr` for the three steps and :mod:`sentikit.aspects.tr_rows` for
their feature rows.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.aspects.tr_features import (
    TrToken,
    analyze_texts,
    bag_features,
    crf_features,
    lemma_key,
)
from sentikit.aspects.tr_parts import SparseLinear, TargetTagger, bio_spans
from sentikit.aspects.tr_rows import (
    FORMAT,
    LABELS,
    GoldOpinion,
    Prior,
    Span,
    bio_labels,
    check_folder,
    gold_opinions,
    micro_f1,
    np_load,
    polarity_row,
    prior_for,
    read_json_gz,
    sentences_of,
    target_row,
    version_info,
)
from sentikit.doc import Document
from sentikit.errors import InputError

__all__ = ["TurkishAspectModel"]

#: Buckets of a lemma's target rate in training: (upper limit, name); ``unk``: seen < 2 times.
_RATE_BUCKETS = ((0.0, "unk"), (1e-9, "0"), (0.2, "lo"), (0.5, "mid"), (2.0, "hi"))

#: Thresholds tried for the category detector (inner cross-validation, micro F1).
THRESHOLDS = tuple(round(0.1 + 0.025 * i, 3) for i in range(25))


class TurkishAspectModel:
    """Opinion targets, categories and polarity for Turkish restaurant reviews.

    Parameters
    ----------
    c1, c2, max_iterations : float, float, int
        CRF regularization (L1, L2) and L-BFGS iterations of the target tagger.
    category_C, target_C, polarity_C : float
        Inverse regularization of the category detector, of the target-category classifier
        and of the polarity classifier.
    window : int
        Tokens on each side of a target in the polarity window.
    use_prior : bool
        Add the shipped Turkish sentiment model's probabilities and token shares to the
        polarity features.
    threshold_folds : int
        Inner folds that choose the category threshold (on the training sentences only).
    seed : int
        Seed of the inner folds.
    idf : bool
        Inverse document frequency weights in the category and target-category classifiers.

    Examples
    --------
    >>> m = TurkishAspectModel().fit(sentences)  # doctest: +SKIP
    >>> m.extract("Pizza güzeldi ama servis yavaştı.")  # doctest: +SKIP
    """

    def __init__(
        self,
        c1: float = 0.2,
        c2: float = 0.01,
        max_iterations: int = 100,
        category_C: float = 16.0,
        target_C: float = 8.0,
        polarity_C: float = 8.0,
        window: int = 3,
        use_prior: bool = True,
        threshold_folds: int = 5,
        seed: int = 0,
        idf: bool = True,
    ) -> None:
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.category_C = category_C
        self.target_C = target_C
        self.polarity_C = polarity_C
        self.window = window
        self.use_prior = use_prior
        self.threshold_folds = threshold_folds
        self.seed = seed
        self.idf = idf

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor settings."""
        keys = ("c1", "c2", "max_iterations", "category_C", "target_C", "polarity_C")
        more = ("window", "use_prior", "threshold_folds", "seed", "idf")
        return {k: getattr(self, k) for k in (*keys, *more)}

    # -- training ------------------------------------------------------------------------
    def fit(self, sentences: Sequence[Any]) -> TurkishAspectModel:
        """Train on SemEval-2016-style sentences (``.text``, ``.opinions``); returns self."""
        if not sentences:
            raise InputError("no training sentences")
        texts = [s.text for s in sentences]
        tokens = analyze_texts(texts)
        gold = [gold_opinions(s) for s in sentences]
        prior = prior_for(texts, tokens) if self.use_prior else None
        return self.fit_analyzed(tokens, gold, prior)

    def fit_analyzed(
        self,
        tokens: Sequence[Sequence[TrToken]],
        gold: Sequence[Sequence[GoldOpinion]],
        prior: Sequence[Prior] | None = None,
    ) -> TurkishAspectModel:
        """Train on analyzed sentences (:func:`~sentikit.aspects.tr_features.analyze_texts`),
        their gold opinions and, with ``use_prior``, :func:`~sentikit.aspects.tr_rows.
        prior_for` of them; returns self."""
        if len(tokens) != len(gold) or (prior is not None and len(prior) != len(tokens)):
            raise InputError("tokens, gold opinions and prior must have one entry per sentence")
        if self.use_prior and prior is None:
            raise InputError("use_prior=True needs the prior of the training sentences")
        spans = [[o.span for o in ops if o.span is not None] for ops in gold]
        labels = [bio_labels(t, s) for t, s in zip(tokens, spans, strict=True)]
        self.target_lemmas_ = _lemma_counts(tokens, labels)
        X = []
        for toks, labs in zip(tokens, labels, strict=True):
            own = _lemma_counts([toks], [labs])  # a sentence does not count for itself
            X.append(crf_features(toks, self._rates(toks, own)))
        self.tagger_ = TargetTagger(self.c1, self.c2, self.max_iterations).fit(X, labels)
        self._fit_categories(tokens, gold)
        rows, cats = [], []
        for toks, ops in zip(tokens, gold, strict=True):
            for span, cat in sorted({(o.span, o.category) for o in ops if o.span is not None}):
                rows.append(target_row(toks, span))
                cats.append(cat)
        if not rows:
            raise InputError("the training sentences have no explicit opinion target")
        tcat = SparseLinear(self.target_C, idf=self.idf)
        self.target_category_ = tcat.fit(rows, cats, sorted(set(cats)))
        return self.fit_polarity(tokens, gold, prior)

    def fit_polarity(
        self,
        tokens: Sequence[Sequence[TrToken]],
        gold: Sequence[Sequence[GoldOpinion]],
        prior: Sequence[Prior] | None = None,
    ) -> TurkishAspectModel:
        """(Re)train the polarity classifier only (arguments as :meth:`fit_analyzed`)."""
        if self.use_prior and prior is None:
            raise InputError("use_prior=True needs the prior of the training sentences")
        rows, labels = [], []
        for k, (toks, ops) in enumerate(zip(tokens, gold, strict=True)):
            p = prior[k] if prior is not None and self.use_prior else None
            for o in ops:
                rows.append(polarity_row(toks, o.span, o.category, p, self.window))
                labels.append(o.polarity)
        if not rows:
            raise InputError("the training sentences have no opinions")
        unknown = sorted(set(labels) - set(LABELS))
        if unknown:
            raise InputError(f"opinion polarities {unknown} are not one of {list(LABELS)}")
        self.polarity_ = SparseLinear(self.polarity_C).fit(rows, labels, LABELS)
        return self

    def _fit_categories(
        self, tokens: Sequence[Sequence[TrToken]], gold: Sequence[Sequence[GoldOpinion]]
    ) -> None:
        from sklearn.model_selection import KFold

        cats = sorted({o.category for ops in gold for o in ops})
        if not cats:
            raise InputError("the training sentences have no opinions")
        rows = [bag_features(t) for t in tokens]
        Y = np.array([[int(c in {o.category for o in ops}) for c in cats] for ops in gold])
        oof = np.zeros(Y.shape)
        folds = min(self.threshold_folds, len(rows))
        if folds >= 2:
            for tr, te in KFold(folds, shuffle=True, random_state=self.seed).split(rows):
                inner = SparseLinear(self.category_C, multilabel=True, idf=self.idf)
                inner.fit([rows[i] for i in tr], Y[tr], cats)
                oof[te] = inner.proba([rows[i] for i in te])
            gold_sets = [set(np.flatnonzero(y)) for y in Y]
            best = max(
                THRESHOLDS,
                key=lambda t: micro_f1(gold_sets, [set(np.flatnonzero(p >= t)) for p in oof])["f1"],
            )
        else:
            best = 0.5
        self.threshold_ = float(best)
        final = SparseLinear(self.category_C, multilabel=True, idf=self.idf)
        self.categories_ = final.fit(rows, Y, cats)

    def _rates(
        self, tokens: Sequence[TrToken], minus: dict[str, list[int]] | None = None
    ) -> list[str]:
        """Per token, how often its lemma was a target in training (a bucket; ``minus``:
        counts to take out)."""
        out = []
        for t in tokens:
            n_t, n_s = self.target_lemmas_.get(lemma_key(t), (0, 0))
            if minus is not None and lemma_key(t) in minus:
                m_t, m_s = minus[lemma_key(t)]
                n_t, n_s = n_t - m_t, n_s - m_s
            r = n_t / n_s if n_s >= 2 else -1.0
            out.append(next(name for lim, name in _RATE_BUCKETS if r < lim))
        return out

    # -- prediction ----------------------------------------------------------------------
    def predict_targets(self, tokens: Sequence[Sequence[TrToken]]) -> list[list[Span]]:
        """Character spans of the opinion targets of each analyzed sentence."""
        labels = self.tagger_.predict([crf_features(t, self._rates(t)) for t in tokens])
        return [
            [(toks[i].start, toks[j - 1].end) for i, j in bio_spans(lab)]
            for toks, lab in zip(tokens, labels, strict=True)
        ]

    def predict_categories(self, tokens: Sequence[Sequence[TrToken]]) -> list[list[str]]:
        """The categories detected in each analyzed sentence (most probable first)."""
        if not tokens:
            return []
        probs = self.categories_.proba([bag_features(t) for t in tokens])
        names = self.categories_.classes_
        return [
            [names[j] for j in np.argsort(-p) if p[j] >= self.threshold_ and t]
            for p, t in zip(probs, tokens, strict=True)
        ]

    def target_categories(self, tokens: Sequence[TrToken], spans: Sequence[Span]) -> list[str]:
        """The most probable category of each target span of one analyzed sentence."""
        if not spans:
            return []
        probs = self.target_category_.proba([target_row(tokens, s) for s in spans])
        return [self.target_category_.classes_[int(j)] for j in np.argmax(probs, axis=1)]

    def predict_polarity(
        self,
        tokens: Sequence[Sequence[TrToken]],
        opinions: Sequence[Sequence[tuple[Span | None, str]]],
        prior: Sequence[Prior] | None = None,
    ) -> list[list[dict[str, float]]]:
        """Class probabilities of each ``(target span or None, category)`` opinion of each
        analyzed sentence (``prior``: as in :meth:`fit_analyzed`, computed when needed)."""
        if self.use_prior and prior is None:
            prior = prior_for([_text(t) for t in tokens], tokens) if tokens else []
        rows, where = [], []
        for k, (toks, ops) in enumerate(zip(tokens, opinions, strict=True)):
            for span, cat in ops:
                p = prior[k] if prior is not None and self.use_prior else None
                rows.append(polarity_row(toks, span, cat, p, self.window))
                where.append(k)
        out: list[list[dict[str, float]]] = [[] for _ in tokens]
        for k, p in zip(where, self.polarity_.proba(rows), strict=True):
            out[k].append(dict(zip(self.polarity_.classes_, map(float, p), strict=True)))
        return out

    def extract(self, text: str | Document) -> list[dict[str, Any]]:
        """Aspects of a text or Document (see :func:`sentikit.aspects.tr.extract_tr`)."""
        return self.extract_many([text])[0]

    def extract_many(self, texts: Sequence[str | Document]) -> list[list[dict[str, Any]]]:
        """:meth:`extract` of each text, the sentences of all of them analyzed and scored in
        one batch."""
        sents: list[tuple[int, int, int, int]] = []  # (text, sentence, start, end)
        fulls = []
        for n, text in enumerate(texts):
            full, spans = sentences_of(text)
            fulls.append(full)
            sents += [(n, k, a, b) for k, (a, b) in enumerate(spans) if full[a:b].strip()]
        out: list[list[dict[str, Any]]] = [[] for _ in fulls]
        if not sents:
            return out
        pieces = [fulls[n][a:b] for n, _, a, b in sents]
        tokens = analyze_texts(pieces)
        opinions = self._opinions(tokens)
        prior = prior_for(pieces, tokens) if self.use_prior else None
        probs = self.predict_polarity(tokens, opinions, prior)
        for (n, k, a, _), ops, ps in zip(sents, opinions, probs, strict=True):
            for (span, cat), p in zip(ops, ps, strict=True):
                where = None if span is None else [span[0] + a, span[1] + a]
                out[n].append(
                    {
                        "term": None if where is None else fulls[n][where[0] : where[1]],
                        "span": where,
                        "sentence": k,
                        "category": cat,
                        "label": max(p, key=lambda c: p[c]),
                        "score": p.get("positive", 0.0) - p.get("negative", 0.0),
                    }
                )
        return out

    def _opinions(self, tokens: Sequence[Sequence[TrToken]]) -> list[list[tuple[Span | None, str]]]:
        """Extracted targets with their category, then the detected categories no target
        carries (implicit opinions), per analyzed sentence."""
        targets = self.predict_targets(tokens)
        detected = self.predict_categories(tokens)
        opinions: list[list[tuple[Span | None, str]]] = []
        for toks, tg, cats in zip(tokens, targets, detected, strict=True):
            ops: list[tuple[Span | None, str]] = list(
                zip(tg, self.target_categories(toks, tg), strict=True)
            )
            have = {c for _, c in ops}
            ops += [(None, c) for c in cats if c not in have]
            opinions.append(ops)
        return opinions

    # -- persistence ---------------------------------------------------------------------
    def save(self, path: str | Path, training: dict[str, Any] | None = None) -> Path:
        """Write the model folder ``path`` (created; its files replaced); returns it."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        metas, arrays = {}, {}
        for name in ("categories", "target_category", "polarity"):
            m, a = getattr(self, f"{name}_").to_state(name)
            metas[name] = m
            arrays.update(a)
        vocab: dict[str, Any] = {k: m.pop("features") for k, m in metas.items()}
        vocab["target_lemmas"] = {k: c for k, c in self.target_lemmas_.items() if c[1] >= 2}
        info = {
            "format": FORMAT,
            "lang": "tr",
            "versions": version_info(),
            "settings": self.get_params(),
            "threshold": self.threshold_,
            "classifiers": metas,
            "training": training or {},
        }
        (folder / "model.json").write_text(
            json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        data = json.dumps(vocab, ensure_ascii=False).encode("utf-8")
        (folder / "vocab.json.gz").write_bytes(gzip.compress(data, mtime=0))
        np.savez_compressed(folder / "arrays.npz", **arrays)
        assert self.tagger_.model_bytes_ is not None
        (folder / "targets.crfsuite").write_bytes(self.tagger_.model_bytes_)
        return folder

    @classmethod
    def load(cls, path: str | Path) -> TurkishAspectModel:
        """The model saved in folder ``path`` (:meth:`save`).

        Raises
        ------
        ResourceMissingError
            When the folder or one of its files is missing.
        InputError
            When a file is damaged or of another format.
        """
        folder = Path(path)
        info = check_folder(folder)
        vocab = read_json_gz(folder / "vocab.json.gz")
        arrays = np_load(folder / "arrays.npz")
        try:
            obj = cls(**info["settings"])
            for name, meta in info["classifiers"].items():
                state = {**meta, "features": vocab[name]}
                setattr(obj, f"{name}_", SparseLinear.from_state(name, state, arrays))
            obj.threshold_ = float(info["threshold"])
            obj.target_lemmas_ = {
                str(k): [int(c[0]), int(c[1])] for k, c in vocab["target_lemmas"].items()
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{folder}: damaged model ({type(exc).__name__}: {exc})") from None
        obj.tagger_ = TargetTagger.from_bytes((folder / "targets.crfsuite").read_bytes())
        return obj


def _lemma_counts(
    tokens: Sequence[Sequence[TrToken]], labels: Sequence[Sequence[str]]
) -> dict[str, list[int]]:
    """``lemma → [times inside a target, times seen]`` over word tokens."""
    out: dict[str, list[int]] = {}
    for toks, labs in zip(tokens, labels, strict=True):
        for t, lab in zip(toks, labs, strict=True):
            if t.kind != "word":
                continue
            c = out.setdefault(lemma_key(t), [0, 0])
            c[0] += lab != "O"
            c[1] += 1
    return out


def _text(tokens: Sequence[TrToken]) -> str:
    """A sentence's text rebuilt from its tokens' offsets (gaps as spaces)."""
    out: list[str] = []
    pos = 0
    for t in tokens:
        out.append(" " * max(0, t.start - pos))
        out.append(t.text)
        pos = t.end
    return "".join(out)
