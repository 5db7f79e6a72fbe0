"""A logistic regression over feature dicts, saved as JSON + npz (no pickle).

:class:`SparseLogistic` is scikit-learn's ``DictVectorizer`` + ``LogisticRegression`` for
training; its state is the feature names, the classes, the coefficients and intercepts, and
prediction is a sparse product computed here from that state, so a loaded model needs no
scikit-learn object. ``multilabel=True`` trains one binary classifier per class (one-vs-rest,
independent sigmoid probabilities) on a 0/1 label matrix.

Examples
--------
>>> X = [{"good": 1.0}, {"bad": 1.0}] * 10
>>> m = SparseLogistic(C=10.0).fit(X, ["positive", "negative"] * 10)
>>> m.predict([{"good": 1.0}, {"bad": 1.0, "unseen": 1.0}])
['positive', 'negative']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.errors import BundleError, InputError

__all__ = ["SparseLogistic"]

Dicts = Sequence[Mapping[str, float]]


class SparseLogistic:
    """Logistic regression over feature dicts (multinomial, or one-vs-rest multi-label).

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularization strength (scikit-learn's ``C``).
    multilabel : bool, default False
        One independent binary classifier per class (``fit`` takes a 0/1 matrix).
    class_weight : {None, "balanced"}
        As in scikit-learn.
    """

    def __init__(
        self, C: float = 1.0, multilabel: bool = False, class_weight: str | None = None
    ) -> None:
        self.C = C
        self.multilabel = multilabel
        self.class_weight = class_weight

    def fit(
        self, X: Dicts, y: Sequence[Any] | NDArray[Any], classes: Sequence[str] | None = None
    ) -> SparseLogistic:
        """Train on feature dicts ``X`` and labels ``y`` (a 0/1 matrix when multi-label,
        its columns named by ``classes``)."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        if len(X) != len(y) or not len(X):
            raise InputError(f"{len(X)} feature rows but {len(y)} labels")
        vec = DictVectorizer()
        M = vec.fit_transform(X)
        self.features_ = [str(f) for f in vec.get_feature_names_out()]
        self.index_ = {f: i for i, f in enumerate(self.features_)}
        if self.multilabel:
            Y = np.asarray(y, dtype=np.int8)
            if classes is None or Y.shape[1] != len(classes):
                raise InputError("multi-label fit needs classes naming the label columns")
            self.classes_ = [str(c) for c in classes]
            coefs: list[NDArray[np.float64]] = []
            bias: list[float] = []
            for j in range(Y.shape[1]):
                if Y[:, j].min() == Y[:, j].max():  # a class never (or always) seen
                    coefs.append(np.zeros(M.shape[1]))
                    bias.append(10.0 if Y[0, j] else -10.0)
                    continue
                lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
                lr.fit(M, Y[:, j])
                coefs.append(lr.coef_[0])
                bias.append(float(lr.intercept_[0]))
            self.coef_ = np.vstack(coefs)
            self.intercept_ = np.asarray(bias)
        else:
            lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
            lr.fit(M, list(y))
            self.classes_ = [str(c) for c in lr.classes_]
            w, b = np.asarray(lr.coef_), np.asarray(lr.intercept_)
            if len(self.classes_) == 2:  # sklearn keeps one row for two classes
                w = np.vstack([-w[0] / 2, w[0] / 2])
                b = np.array([-b[0] / 2, b[0] / 2])
            self.coef_, self.intercept_ = w, b
        return self

    def _matrix(self, X: Dicts) -> sp.csr_matrix:
        rows, cols, vals = [], [], []
        for r, d in enumerate(X):
            for name, v in d.items():
                j = self.index_.get(name)
                if j is not None and v:
                    rows.append(r)
                    cols.append(j)
                    vals.append(float(v))
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(X), len(self.features_)))

    def decision(self, X: Dicts) -> NDArray[np.float64]:
        """The linear scores, one column per class."""
        if not hasattr(self, "coef_"):
            raise InputError("the model is not trained")
        return np.asarray(self._matrix(X) @ self.coef_.T) + self.intercept_

    def predict_proba(self, X: Dicts) -> NDArray[np.float64]:
        """Class probabilities (softmax), or per-class sigmoids when multi-label."""
        Z = self.decision(X)
        if self.multilabel:
            return np.asarray(1.0 / (1.0 + np.exp(-Z)))
        Z = Z - Z.max(axis=1, keepdims=True)
        E = np.exp(Z)
        return np.asarray(E / E.sum(axis=1, keepdims=True))

    def predict(self, X: Dicts) -> list[str]:
        """The most probable class of each row (multinomial models)."""
        P = self.predict_proba(X)
        return [self.classes_[int(k)] for k in P.argmax(axis=1)]

    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """JSON-able settings and names, and the arrays (for ``np.savez``)."""
        meta = {
            "C": self.C,
            "multilabel": self.multilabel,
            "class_weight": self.class_weight,
            "classes": self.classes_,
            "features": self.features_,
        }
        return meta, {"coef": self.coef_.astype(np.float32), "intercept": self.intercept_}

    @classmethod
    def from_state(
        cls, meta: Mapping[str, Any], arrays: Mapping[str, NDArray[Any]]
    ) -> SparseLogistic:
        """Rebuild a model from :meth:`to_state`'s output."""
        m = cls(C=meta["C"], multilabel=meta["multilabel"], class_weight=meta.get("class_weight"))
        m.classes_ = list(meta["classes"])
        m.features_ = list(meta["features"])
        m.index_ = {f: i for i, f in enumerate(m.features_)}
        m.coef_ = np.asarray(arrays["coef"], dtype=np.float64)
        m.intercept_ = np.asarray(arrays["intercept"], dtype=np.float64)
        if m.coef_.shape != (len(m.classes_), len(m.features_)) or m.intercept_.shape != (
            len(m.classes_),
        ):
            raise BundleError("linear model arrays do not match its classes and features")
        return m
