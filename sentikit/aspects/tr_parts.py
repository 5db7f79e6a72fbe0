"""Parts of the Turkish aspect model (:mod:`sentikit.aspects.tr`): the CRF target tagger, a
sparse linear classifier over feature dicts, and the shipped sentiment model's token shares.

Everything is stored without pickle: the tagger as CRFsuite's own model file, the linear
classifiers as a feature list (JSON) and coefficient arrays (``.npz``).
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.errors import InputError, ResourceMissingError

__all__ = ["PriorShares", "SparseLinear", "TargetTagger", "bio_spans"]

#: Keys of numeric features start with this mark: they are not L2-normalized with the bag.
NUMERIC = "#"


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges ``[i, j)`` of the ``B``/``I`` runs of a BIO label sequence (a stray ``I``
    opens a span).

    Examples
    --------
    >>> bio_spans(["O", "B", "I", "O", "I", "B"])
    [(1, 3), (4, 5), (5, 6)]
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, lab in enumerate(labels):
        if lab == "B" or (lab == "I" and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif lab != "I" and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(labels)))
    return spans


class TargetTagger:
    """A BIO linear-chain CRF (CRFsuite through ``python-crfsuite``), L-BFGS with L1 + L2.

    Parameters
    ----------
    c1, c2 : float
        L1 and L2 regularization.
    max_iterations : int
        L-BFGS iterations.
    """

    def __init__(self, c1: float = 0.05, c2: float = 0.05, max_iterations: int = 150) -> None:
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.model_bytes_: bytes | None = None
        self._tagger: Any = None
        self._lock = threading.Lock()

    def fit(
        self, X: Sequence[Sequence[Mapping[str, Any]]], y: Sequence[Sequence[str]]
    ) -> TargetTagger:
        """Train on item-feature sequences ``X`` and their BIO labels ``y``; returns self."""
        import pycrfsuite

        if len(X) != len(y) or not X:
            raise InputError(f"need as many label sequences as sentences (≥ 1): {len(X)}/{len(y)}")
        trainer = pycrfsuite.Trainer(verbose=False)
        for xs, ys in zip(X, y, strict=True):
            trainer.append(pycrfsuite.ItemSequence(list(xs)), list(ys))
        trainer.set_params(
            {
                "c1": self.c1,
                "c2": self.c2,
                "max_iterations": self.max_iterations,
                "feature.possible_transitions": True,
            }
        )
        fd, path = tempfile.mkstemp(suffix=".crfsuite")
        os.close(fd)
        try:
            trainer.train(path)
            with open(path, "rb") as fh:
                self.model_bytes_ = fh.read()
        finally:
            os.unlink(path)
        self._tagger = None
        return self

    def _get_tagger(self) -> Any:
        import pycrfsuite

        if self.model_bytes_ is None:
            raise InputError("the target tagger is not trained")
        if self._tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.model_bytes_)
            self._tagger = tagger
        return self._tagger

    def predict(self, X: Sequence[Sequence[Mapping[str, Any]]]) -> list[list[str]]:
        """The most probable BIO sequence of each item-feature sequence."""
        import pycrfsuite

        with self._lock:
            tagger = self._get_tagger()
            return [list(tagger.tag(pycrfsuite.ItemSequence(list(xs)))) if xs else [] for xs in X]

    @classmethod
    def from_bytes(cls, data: bytes) -> TargetTagger:
        """A tagger from a CRFsuite model file's bytes (checked by opening it)."""
        obj = cls()
        obj.model_bytes_ = bytes(data)
        try:
            obj._get_tagger()
        except (ValueError, OSError) as exc:
            raise InputError(f"not a CRFsuite model file: {exc}") from None
        return obj


class SparseLinear:
    """Logistic regression over feature dicts: a vocabulary with a document-frequency floor,
    bag features L2-normalized per row, numeric features (keys starting ``#``) as they are.

    Parameters
    ----------
    C : float
        Inverse regularization of the logistic regression.
    min_df : int
        Features seen in fewer training rows are dropped (numeric features are always kept).
    multilabel : bool
        One binary classifier per column of a 0/1 label matrix (one-vs-rest) instead of one
        multinomial classifier over string labels.
    idf : bool
        Weigh bag features by their smoothed inverse document frequency in training
        (``ln((1 + n) / (1 + df)) + 1``, as scikit-learn's ``TfidfTransformer``) before the
        normalization.
    """

    def __init__(
        self, C: float = 1.0, min_df: int = 2, multilabel: bool = False, idf: bool = False
    ) -> None:
        self.C = C
        self.min_df = min_df
        self.multilabel = multilabel
        self.idf = idf
        self.idf_: NDArray[np.float64] = np.zeros(0)
        self.features_: list[str] = []
        self.classes_: list[str] = []
        self.coef_: NDArray[np.float64] = np.zeros((0, 0))
        self.intercept_: NDArray[np.float64] = np.zeros(0)

    def _vocab(self) -> dict[str, int]:
        cached: dict[str, int] | None = self.__dict__.get("_index")
        if cached is None or len(cached) != len(self.features_):
            cached = self.__dict__["_index"] = {f: i for i, f in enumerate(self.features_)}
        return cached

    def matrix(self, rows: Sequence[Mapping[str, float]]) -> sp.csr_matrix:
        """The rows as a sparse matrix over the vocabulary (unknown features dropped)."""
        index = self._vocab()
        idf = self.idf_ if len(self.idf_) == len(self.features_) else None
        data: list[float] = []
        cols: list[int] = []
        ptr = [0]
        for row in rows:
            bag = [(index[k], v) for k, v in row.items() if k in index and k[:1] != NUMERIC]
            if idf is not None:
                bag = [(j, v * idf[j]) for j, v in bag]
            norm = float(np.sqrt(sum(v * v for _, v in bag))) or 1.0
            for j, v in bag:
                cols.append(j)
                data.append(v / norm)
            for k, v in row.items():
                if k[:1] == NUMERIC and k in index:
                    cols.append(index[k])
                    data.append(float(v))
            ptr.append(len(cols))
        return sp.csr_matrix((data, cols, ptr), shape=(len(rows), len(self.features_)))

    def fit(self, rows: Sequence[Mapping[str, float]], y: Any, classes: Sequence[str]) -> Any:
        """Train. ``y``: string labels (multinomial) or a 0/1 matrix with one column per class
        (``multilabel``); ``classes`` names the labels or columns. Returns self."""
        from sklearn.linear_model import LogisticRegression

        df: dict[str, int] = {}
        for row in rows:
            for k in row:
                df[k] = df.get(k, 0) + 1
        self.features_ = sorted(k for k, c in df.items() if c >= self.min_df or k[:1] == NUMERIC)
        n = len(rows)
        self.idf_ = np.array(
            [np.log((1 + n) / (1 + df[k])) + 1.0 if self.idf else 1.0 for k in self.features_]
        )
        self.classes_ = [str(c) for c in classes]
        X = self.matrix(rows)
        if self.multilabel:
            Y = np.asarray(y, dtype=np.int64)
            self.coef_ = np.zeros((Y.shape[1], X.shape[1]))
            self.intercept_ = np.full(Y.shape[1], -10.0)  # a class never seen: never predicted
            for j in range(Y.shape[1]):
                if 0 < Y[:, j].sum() < len(Y):
                    lr = LogisticRegression(C=self.C, solver="liblinear").fit(X, Y[:, j])
                    self.coef_[j], self.intercept_[j] = lr.coef_[0], lr.intercept_[0]
            return self
        labels = np.asarray([self.classes_.index(str(v)) for v in y])
        lr = LogisticRegression(C=self.C, max_iter=2000).fit(X, labels)
        coef = np.zeros((len(self.classes_), X.shape[1]))
        icpt = np.full(len(self.classes_), -30.0)
        if len(lr.classes_) == 2:  # binary: sklearn keeps one row
            coef[lr.classes_[1]], icpt[lr.classes_[1]] = lr.coef_[0], lr.intercept_[0]
            coef[lr.classes_[0]], icpt[lr.classes_[0]] = 0.0, 0.0
        else:
            coef[lr.classes_], icpt[lr.classes_] = lr.coef_, lr.intercept_
        self.coef_, self.intercept_ = coef, icpt
        return self

    def proba(self, rows: Sequence[Mapping[str, float]]) -> NDArray[np.float64]:
        """Class probabilities (multinomial: rows sum to 1; multilabel: one sigmoid each)."""
        if not rows:
            return np.zeros((0, len(self.classes_)))
        z = np.asarray(self.matrix(rows) @ self.coef_.T) + self.intercept_
        if self.multilabel:
            return np.asarray(1.0 / (1.0 + np.exp(-z)))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def to_state(self, name: str) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """JSON settings and arrays (``name/coef``, ``name/intercept``); no pickle."""
        meta = {
            "C": self.C,
            "min_df": self.min_df,
            "multilabel": self.multilabel,
            "idf": self.idf,
            "classes": self.classes_,
            "features": self.features_,
        }
        arrays = {
            f"{name}/coef": self.coef_.astype(np.float64),
            f"{name}/intercept": self.intercept_.astype(np.float64),
            f"{name}/idf": self.idf_.astype(np.float64),
        }
        return meta, arrays

    @classmethod
    def from_state(
        cls, name: str, meta: Mapping[str, Any], arrays: Mapping[str, NDArray[Any]]
    ) -> SparseLinear:
        """The classifier written by :meth:`to_state` (shapes checked)."""
        obj = cls(float(meta["C"]), int(meta["min_df"]), bool(meta["multilabel"]), meta["idf"])
        obj.classes_ = [str(c) for c in meta["classes"]]
        obj.features_ = [str(f) for f in meta["features"]]
        obj.coef_ = np.asarray(arrays[f"{name}/coef"], dtype=np.float64)
        obj.intercept_ = np.asarray(arrays[f"{name}/intercept"], dtype=np.float64)
        obj.idf_ = np.asarray(arrays[f"{name}/idf"], dtype=np.float64)
        want = (len(obj.classes_), len(obj.features_))
        if (
            obj.coef_.shape != want
            or obj.intercept_.shape != (want[0],)
            or obj.idf_.shape != (want[1],)
        ):
            raise InputError(f"{name}: coefficients of shape {obj.coef_.shape}, expected {want}")
        return obj


@cache
def _sentiment_model(path: str | None) -> Any:
    from sentikit.models.registry import load_model, shipped_model_dir

    return load_model(path if path is not None else shipped_model_dir("tr"))[1]


class PriorShares:
    """A Turkish sentiment model on sentence texts: its class probabilities and each token's
    additive share of the positive-vs-negative decision
    (:meth:`~sentikit.models.linear.LinearEnsembleClassifier.decision_and_shares`).

    Parameters
    ----------
    path : str, optional
        A model bundle folder; default the shipped Turkish model (``sentikit.load("tr")``'s
        classifier). Each bundle is loaded once per process.
    """

    def __init__(self, path: str | None = None) -> None:
        try:
            self.est = _sentiment_model(None if path is None else str(path))
        except ResourceMissingError as exc:  # pragma: no cover - the bundle ships
            why = f"aspect polarity needs the shipped 'tr' model: {exc}"
            raise ResourceMissingError(why) from None

    def score(
        self, texts: Sequence[str]
    ) -> list[tuple[dict[str, float], list[tuple[int, int, float]]]]:
        """Per text: ``({class: probability}, [(start, end, share) per token])``."""
        if not texts:
            return []
        est = self.est
        docs = est.to_docs(list(texts))
        masks = [np.ones(d.n_tokens(), dtype=bool) for d in docs]
        z, shares = est.decision_and_shares(docs, masks)
        z = np.asarray(z, dtype=np.float64).reshape(len(docs), -1)
        classes = [str(c) for c in est.classes_]
        if z.shape[1] == 1:
            p1 = 1.0 / (1.0 + np.exp(-z[:, 0]))
            probs = np.column_stack([1.0 - p1, p1])
        else:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            probs = e / e.sum(axis=1, keepdims=True)
        out = []
        for d, p, s in zip(docs, probs, shares, strict=True):
            cols = d.__dict__.get("_columns")
            if cols is not None:  # the fast path keeps columns: no Token is built
                spans = list(zip(cols.starts, cols.ends, strict=True))
            else:
                spans = [(t.start, t.end) for t in d.tokens]
            toks = [(int(a), int(b), float(v)) for (a, b), v in zip(spans, s, strict=True)]
            out.append(({k: float(v) for k, v in zip(classes, p, strict=True)}, toks))
        return out
