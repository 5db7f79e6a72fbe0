"""Document vectors and a linear SVM over them (METHODS.md §6 "Use").

A document vector is the mean of its word vectors (terms outside the embedding's vocabulary
are skipped) joined with the three polarity features of METHODS.md §1 — max, min and mean of
δ (delta-idf) over the document's tokens, δ learnt on the training documents only, over every
training term. Features are standardized and fed to a linear SVM (C = 1).

:class:`EmbeddingSVM` trains its embedding inside ``fit`` from the training texts only, so it
runs under the evaluation protocols of :mod:`sentikit.evaluation` without leakage; the word
vectors are either sentikit's (:class:`~sentikit.embeddings.model.SentimentEmbedding`) or the
gensim word2vec baseline, trained on the same units. With ``pretrained``, the word vectors come
from an embedding trained beforehand on a large unlabelled corpus instead — a sentikit embedding
folder (its contextual component; the supervised and lexical components are still learnt from
the training documents) or a word2vec text file — so that both kinds of vectors can be compared
when trained on the same large text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

from sentikit.embeddings.model import REFERENCE_WINDOW, SentimentEmbedding, presence_matrix
from sentikit.embeddings.units import WINDOW_MODES, document_units
from sentikit.embeddings.w2v import train_word2vec
from sentikit.errors import InputError
from sentikit.stats.weights import delta_idf

__all__ = [
    "EMBEDDINGS",
    "Segmenter",
    "EmbeddingSVM",
    "load_vectors",
    "mean_vectors",
    "polarity_features",
]

#: Word-vector sources of :class:`EmbeddingSVM`.
EMBEDDINGS: tuple[str, ...] = ("sentikit", "word2vec", "none")

DocUnits = list[list[str]]


class Segmenter:
    """Texts → context units per document, with a per-text cache shared across folds.

    Parameters
    ----------
    lang : {"tr", "en"}
        The language (its default processor is used).
    window : {"sliding", "subclause"}
        ``"subclause"`` runs the analyzed path (English: spaCy parse; Turkish: morphology and
        :func:`sentikit.lang.tr.subclauses.document_clauses`).
    batch_size : int, default 256
        Texts per processor call.
    """

    def __init__(self, lang: str, window: str = "sliding", batch_size: int = 256) -> None:
        if window not in WINDOW_MODES:
            raise InputError(f"window must be one of {', '.join(WINDOW_MODES)}, not {window!r}")
        self.lang = lang
        self.window = window
        self.batch_size = batch_size
        self.cache: dict[str, DocUnits] = {}

    def __call__(self, texts: Sequence[str]) -> list[DocUnits]:
        """The units of each text (cached by text)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if todo:
            from sentikit.lang import get_processor

            proc = get_processor(self.lang)
            analyze = self.window == "subclause"
            for k in range(0, len(todo), self.batch_size):
                chunk = todo[k : k + self.batch_size]
                for text, doc in zip(chunk, proc.make_docs(chunk, analyze=analyze), strict=True):
                    if analyze and self.lang == "tr":
                        from sentikit.lang.tr.subclauses import document_clauses

                        if not any(s.clauses for s in doc.sentences):
                            document_clauses(doc)
                    self.cache[text] = document_units(doc, self.window)
        return [self.cache[t] for t in texts]


def mean_vectors(
    docs_terms: Sequence[Sequence[str]], index: dict[str, int], vectors: NDArray[np.floating]
) -> NDArray[np.float64]:
    """Mean word vector of each document (in-vocabulary tokens; zeros when there are none)."""
    indptr = [0]
    cols: list[int] = []
    for terms in docs_terms:
        cols.extend(index[t] for t in terms if t in index)
        indptr.append(len(cols))
    n = len(indptr) - 1
    X = sp.csr_matrix(
        (np.ones(len(cols)), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
        shape=(n, len(index)),
    )
    lengths = np.maximum(np.diff(X.indptr), 1).astype(np.float64)
    return np.asarray(X @ np.asarray(vectors, dtype=np.float64)) / lengths[:, None]


def polarity_features(
    docs_terms: Sequence[Sequence[str]], index: dict[str, int], delta: NDArray[np.float64]
) -> NDArray[np.float64]:
    """``[max, min, mean]`` of δ over each document's known tokens (zeros when none)."""
    out = np.zeros((len(docs_terms), 3))
    for r, terms in enumerate(docs_terms):
        vals = [delta[index[t]] for t in terms if t in index]
        if vals:
            a = np.asarray(vals)
            out[r] = (a.max(), a.min(), a.mean())
    return out


class EmbeddingSVM(BaseEstimator, ClassifierMixin):
    """Linear SVM over document vectors (mean word vector ⊕ polarity features).

    Parameters
    ----------
    lang : str, default "en"
    embedding : {"sentikit", "word2vec", "none"}, default "sentikit"
        Word-vector source; ``"none"`` = polarity features only.
    window : {"sliding", "subclause"}, default "sliding"
        Context windows: a sliding window of ``sliding_window`` tokens over the document, or
        subclauses (every pair inside a subclause).
    components : sequence of str, default ("contextual", "supervised")
        Components of the sentikit embedding.
    dim : int, default 100
        Contextual (and word2vec) dimension.
    sliding_window : int, default 10
    min_count : int, default 2
    polarity : bool, default True
        Join the three polarity features.
    C : float, default 1.0
        SVM regularization.
    segmenter : Segmenter, optional
        Shared segmenter (with its cache); by default one is made for ``lang`` and ``window``.
    crossfit : int, default 5
        Compute the δ-based features (polarity features, supervised component) of each training
        document from δ of the other ``crossfit - 1`` parts of the training set (stratified
        split), so that the SVM sees training features distributed as test features are; 0 or
        1 = δ of all training documents (the original method).
    seed : int, default 0
    pretrained : str, optional
        Word vectors trained beforehand: for ``embedding="sentikit"`` a folder written by
        :meth:`SentimentEmbedding.save` (its contextual component replaces the one learnt from
        the training texts; the other components are learnt as usual), for
        ``embedding="word2vec"`` a word2vec text file (``.vec``). The mean of these vectors is
        taken over the document's tokens that they cover.
    """

    def __init__(
        self,
        lang: str = "en",
        embedding: str = "sentikit",
        window: str = "sliding",
        components: Sequence[str] = ("contextual", "supervised"),
        dim: int = 100,
        sliding_window: int = REFERENCE_WINDOW,
        min_count: int = 2,
        polarity: bool = True,
        C: float = 1.0,
        segmenter: Segmenter | None = None,
        crossfit: int = 5,
        seed: int = 0,
        pretrained: str | None = None,
    ) -> None:
        self.lang = lang
        self.embedding = embedding
        self.window = window
        self.components = components
        self.dim = dim
        self.sliding_window = sliding_window
        self.min_count = min_count
        self.polarity = polarity
        self.C = C
        self.segmenter = segmenter
        self.crossfit = crossfit
        self.seed = seed
        self.pretrained = pretrained

    def _segment(self, texts: Sequence[str]) -> list[DocUnits]:
        seg = self.segmenter or Segmenter(self.lang, self.window)
        if seg.window != self.window:
            raise InputError(f"segmenter window {seg.window!r} ≠ window {self.window!r}")
        return seg(texts)

    def _features(
        self,
        docs: Sequence[DocUnits],
        vectors: NDArray[np.floating] | None = None,
        delta: NDArray[np.float64] | None = None,
    ) -> NDArray[np.float64]:
        terms = [[t for u in d for t in u] for d in docs]
        blocks = []
        if self.pretrained is not None:
            blocks.append(mean_vectors(terms, self.pre_vocab_, self.pre_vectors_))
        if self.embedding != "none" and self.vocab_:
            V = self.vectors_ if vectors is None else vectors
            blocks.append(mean_vectors(terms, self.vocab_, V))
        if self.polarity:
            d = self.delta_ if delta is None else delta
            blocks.append(polarity_features(terms, self.delta_index_, d))
        return np.hstack(blocks)

    def _n_features(self) -> int:
        n = 3 if self.polarity else 0
        if self.pretrained is not None:
            n += self.pre_vectors_.shape[1]
        return n + (self.vectors_.shape[1] if self.embedding != "none" and self.vocab_ else 0)

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> EmbeddingSVM:
        """Train the embedding and the SVM on ``texts`` (binary ``labels``)."""
        if self.embedding not in EMBEDDINGS:
            raise InputError(f"embedding must be one of {', '.join(EMBEDDINGS)}")
        if self.embedding == "none" and not self.polarity:
            raise InputError("embedding='none' needs polarity=True (no features otherwise)")
        if len(texts) != len(labels):
            raise InputError(f"{len(texts)} texts but {len(labels)} labels")
        y = np.asarray([str(v) for v in labels])
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise InputError(f"EmbeddingSVM is binary; got {len(self.classes_)} classes")
        pos_label = "positive" if "positive" in self.classes_ else self.classes_[-1]
        positive = y == pos_label
        docs = self._segment(texts)
        window = self.sliding_window if self.window == "sliding" else None
        emb: SentimentEmbedding | None = None
        components = list(self.components)
        self.vocab_: dict[str, int] = {}
        self.vectors_ = np.zeros((0, 0), dtype=np.float32)
        if self.pretrained is not None:
            if self.embedding == "none":
                raise InputError("pretrained vectors need embedding='sentikit' or 'word2vec'")
            words, W = load_vectors(self.pretrained, self.embedding)
            self.pre_vocab_ = {t: i for i, t in enumerate(words)}
            self.pre_vectors_ = W
            components = [c for c in components if c != "contextual"]
        if self.embedding == "sentikit" and components:
            definitions = None
            if "lexical" in self.components:
                from sentikit.embeddings.lexical import corpus_definitions

                definitions = corpus_definitions(self.lang, (t for d in docs for u in d for t in u))
            emb = SentimentEmbedding(
                dim=self.dim,
                window=window,
                components=components,
                min_count=self.min_count,
                seed=self.seed,
            ).fit(docs, positive, definitions=definitions)
            self.vocab_ = dict(emb.index_)
            self.vectors_ = emb.vectors_
        elif self.embedding == "word2vec" and self.pretrained is None:
            w2v_window = self.sliding_window if window is not None else _longest(docs)
            words, W = train_word2vec(
                (u for d in docs for u in d),
                dim=self.dim,
                window=w2v_window,
                min_count=self.min_count,
                seed=self.seed,
            )
            self.vocab_ = {t: i for i, t in enumerate(words)}
            self.vectors_ = W
        all_terms = [[t for u in d for t in u] for d in docs]
        vocab = sorted({t for ts in all_terms for t in ts})
        self.delta_index_ = {t: i for i, t in enumerate(vocab)}
        P = presence_matrix(all_terms, self.delta_index_)
        self.delta_ = delta_idf(P, positive)
        if self.crossfit and self.crossfit > 1:
            # features of each training document from δ of the other documents, as the SVM
            # will see test documents (δ of rare terms is extreme on the documents it came from)
            F = np.zeros((len(docs), self._n_features()))
            skf = StratifiedKFold(self.crossfit, shuffle=True, random_state=self.seed)
            for tr, te in skf.split(np.zeros(len(y)), y):
                V: NDArray[np.float32] | None = None
                if emb is not None and (
                    "supervised" in self.components or "lexical" in self.components
                ):
                    V = emb.with_delta(emb.term_delta([docs[i] for i in tr], positive[tr]))
                F[te] = self._features([docs[i] for i in te], V, delta_idf(P[tr], positive[tr]))
        else:
            F = self._features(docs)
        self.scaler_ = StandardScaler().fit(F)
        self.svm_ = LinearSVC(C=self.C, random_state=self.seed, max_iter=5000)
        self.svm_.fit(self.scaler_.transform(F), y)
        return self

    def decision_function(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """SVM margins (positive = ``classes_[1]``)."""
        F = self._features(self._segment(texts))
        return np.asarray(self.svm_.decision_function(self.scaler_.transform(F)))

    def predict(self, texts: Sequence[str]) -> list[str]:
        """One label per text."""
        F = self._features(self._segment(texts))
        return [str(p) for p in self.svm_.predict(self.scaler_.transform(F))]


_LOADED: dict[tuple[str, str, float], tuple[list[str], NDArray[np.float32]]] = {}


def load_vectors(path: str, kind: str) -> tuple[list[str], NDArray[np.float32]]:
    """Terms and vectors of a pretrained embedding (kept in memory across the folds of an
    evaluation): ``kind="sentikit"`` reads a saved :class:`SentimentEmbedding` folder (its
    contextual component), ``kind="word2vec"`` a word2vec text file."""
    from pathlib import Path

    from sentikit.paths import resolve_resource

    p = resolve_resource(path)
    if not p.exists():
        raise InputError(f"pretrained embedding not found: {path}")
    key = (str(p.resolve()), kind, p.stat().st_mtime)
    if key not in _LOADED:
        if kind == "sentikit":
            emb = SentimentEmbedding.load(Path(p))
            vecs = emb.vectors_[:, emb.component_slice("contextual")]
            _LOADED[key] = (list(emb.terms_), np.ascontiguousarray(vecs))
        else:
            from sentikit.embeddings.w2v import load_word2vec

            _LOADED[key] = load_word2vec(str(p))
    return _LOADED[key]


def _longest(docs: list[DocUnits]) -> int:
    """word2vec's window for subclause units: the longest unit (all pairs inside a unit)."""
    return max((len(u) for d in docs for u in d), default=1)
