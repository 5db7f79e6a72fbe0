"""Three simple, strong text-classification baselines with the ``fit/predict(texts)`` contract.

1. :class:`TfidfLogReg` — TF-IDF over word 1–2-grams + logistic regression (C = 1).
2. :class:`NBSVM` — Wang & Manning (2012): binarised word 1–2-grams scaled by the
   naive-Bayes log-count ratio ``r`` (α = 1), a linear SVM (C = 1) and the interpolation
   ``w' = (1 − β)·mean|w| + β·w`` with β = 0.25; one-vs-rest for more than two classes.
3. :class:`CharSVM` — TF-IDF over character 2–5-grams inside word boundaries
   (``analyzer="char_wb"``) + linear SVM (C = 1).

Text is only lower-cased (Turkish-aware for ``lang="tr"``: ``I`` → ``ı``, ``İ`` → ``i``);
everything else is scikit-learn's default (token pattern ``(?u)\\b\\w\\w+\\b``, smooth idf, l2
norm). Each class follows the scikit-learn estimator contract (hyper-parameters in the
constructor, learnt state ending in ``_``), so ``get_params``/``clone`` work.

Examples
--------
>>> texts = ["good film", "great film", "bad film", "awful film"] * 3
>>> labels = ["positive", "positive", "negative", "negative"] * 3
>>> NBSVM().fit(texts, labels).predict(["a great film", "an awful one"])
['positive', 'negative']
>>> tr_lower("IŞIK İzmir")
'ışık izmir'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from sentikit.errors import InputError


def _local_tr_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def tr_lower(text: str) -> str:
    """Turkish lower-casing (``I`` → ``ı``, ``İ`` → ``i``, then :meth:`str.lower`).

    Uses ``sentikit.lang.tr.normalize.tr_lower`` when that module is available, else an
    equivalent local fallback.
    """
    return _TR_LOWER(text)


def _resolve_tr_lower() -> Callable[[str], str]:
    try:
        from sentikit.lang.tr.normalize import tr_lower as shared
    except Exception:  # noqa: BLE001 - any failure means: use the fallback
        return _local_tr_lower
    return shared if callable(shared) else _local_tr_lower


_TR_LOWER = _resolve_tr_lower()


def lowercaser(lang: str | None) -> Callable[[str], str]:
    """The lower-casing preprocessor for ``lang`` (Turkish-aware for ``"tr"``)."""
    return tr_lower if lang == "tr" else str.lower


def _check_xy(texts: Sequence[str], labels: Sequence[str]) -> tuple[list[str], np.ndarray]:
    if isinstance(texts, str):
        raise InputError("texts must be a list of strings, not one string")
    texts = [t if isinstance(t, str) else "" for t in texts]
    if len(texts) != len(labels):
        raise InputError(f"{len(texts)} texts but {len(labels)} labels")
    if not texts:
        raise InputError("no training texts")
    y = np.asarray([str(lab) for lab in labels])
    if len(np.unique(y)) < 2:
        raise InputError("training data must hold at least two classes")
    return texts, y


def _texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise InputError("texts must be a list of strings, not one string")
    return [t if isinstance(t, str) else "" for t in texts]


class _TextClassifier(BaseEstimator, ClassifierMixin):
    """Shared plumbing: a vectorizer followed by a linear model."""

    lang: str | None

    def _vectorizer(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _classifier(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> _TextClassifier:
        """Fit the vectorizer and the classifier on raw ``texts``."""
        xs, y = _check_xy(texts, labels)
        self.vectorizer_ = self._vectorizer()
        X = self.vectorizer_.fit_transform(xs)
        self.classifier_ = self._classifier().fit(X, y)
        self.classes_ = self.classifier_.classes_
        return self

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """The linear model's scores for ``texts``."""
        return np.asarray(
            self.classifier_.decision_function(self.vectorizer_.transform(_texts(texts)))
        )

    def predict(self, texts: Sequence[str]) -> list[str]:
        """One label per text."""
        xs = _texts(texts)
        if not xs:
            return []
        return [str(p) for p in self.classifier_.predict(self.vectorizer_.transform(xs))]


class TfidfLogReg(_TextClassifier):
    """TF-IDF word n-grams (1–2) + logistic regression.

    Parameters
    ----------
    lang : str, optional
        ``"tr"`` selects Turkish lower-casing.
    ngram_range : tuple of int
    C : float
        Inverse regularisation strength (1.0, scikit-learn's default).
    max_iter : int
        L-BFGS iterations (1000 instead of 100 so that large vocabularies converge).
    """

    def __init__(
        self,
        lang: str | None = None,
        ngram_range: tuple[int, int] = (1, 2),
        C: float = 1.0,
        max_iter: int = 1000,
    ) -> None:
        self.lang = lang
        self.ngram_range = ngram_range
        self.C = C
        self.max_iter = max_iter

    def _vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(ngram_range=self.ngram_range, preprocessor=lowercaser(self.lang))

    def _classifier(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, max_iter=self.max_iter)


class CharSVM(_TextClassifier):
    """TF-IDF character n-grams (2–5, ``char_wb``) + linear SVM (C = 1)."""

    def __init__(
        self,
        lang: str | None = None,
        ngram_range: tuple[int, int] = (2, 5),
        C: float = 1.0,
    ) -> None:
        self.lang = lang
        self.ngram_range = ngram_range
        self.C = C

    def _vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(
            analyzer="char_wb", ngram_range=self.ngram_range, preprocessor=lowercaser(self.lang)
        )

    def _classifier(self) -> LinearSVC:
        return LinearSVC(C=self.C)


class NBSVM(BaseEstimator, ClassifierMixin):
    """NBSVM (Wang & Manning 2012) over binarised word n-grams.

    For each binary problem (one per class, one-vs-rest, when there are more than two):
    ``p = α + Σ_{y=1} x̂``, ``q = α + Σ_{y=0} x̂``, ``r = log((p/‖p‖₁)/(q/‖q‖₁))``; a linear
    SVM is trained on ``x̂ ∘ r`` and its weights interpolated,
    ``w' = (1 − β)·w̄ + β·w`` with ``w̄ = ‖w‖₁/|V|``.

    Parameters
    ----------
    lang : str, optional
        ``"tr"`` selects Turkish lower-casing.
    ngram_range : tuple of int
        Word n-grams (1–2, "NBSVM-bi").
    alpha : float
        Smoothing of the count vectors (1.0).
    C : float
        SVM regularisation (1.0).
    beta : float
        Interpolation weight (0.25; 1.0 disables the interpolation).
    """

    def __init__(
        self,
        lang: str | None = None,
        ngram_range: tuple[int, int] = (1, 2),
        alpha: float = 1.0,
        C: float = 1.0,
        beta: float = 0.25,
    ) -> None:
        self.lang = lang
        self.ngram_range = ngram_range
        self.alpha = alpha
        self.C = C
        self.beta = beta

    def _binary(self, X: sp.csr_matrix, yb: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
        p = self.alpha + np.asarray(X[yb].sum(axis=0)).ravel()
        q = self.alpha + np.asarray(X[~yb].sum(axis=0)).ravel()
        r = np.log((p / p.sum()) / (q / q.sum()))
        svm = LinearSVC(C=self.C).fit(X @ sp.diags(r), yb.astype(int))
        w = svm.coef_.ravel()
        w = (1.0 - self.beta) * np.abs(w).mean() + self.beta * w
        return r, w, self.beta * float(svm.intercept_[0])

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> NBSVM:
        """Fit the binarised n-gram vocabulary, the ratios ``r`` and the SVM(s)."""
        xs, y = _check_xy(texts, labels)
        self.vectorizer_ = CountVectorizer(
            ngram_range=self.ngram_range, binary=True, preprocessor=lowercaser(self.lang)
        )
        X = self.vectorizer_.fit_transform(xs).tocsr()
        self.classes_ = np.unique(y)
        targets = [self.classes_[1]] if len(self.classes_) == 2 else list(self.classes_)
        self.r_, self.coef_, self.intercept_ = [], [], []
        for c in targets:
            r, w, b = self._binary(X, y == c)
            self.r_.append(r)
            self.coef_.append(w)
            self.intercept_.append(b)
        return self

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """Scores: shape ``(n,)`` for two classes (> 0 = ``classes_[1]``), else ``(n, k)``."""
        X = self.vectorizer_.transform(_texts(texts)).tocsr()
        scores = np.column_stack(
            [X @ (r * w) + b for r, w, b in zip(self.r_, self.coef_, self.intercept_, strict=True)]
        )
        return scores.ravel() if len(self.classes_) == 2 else scores

    def predict(self, texts: Sequence[str]) -> list[str]:
        """One label per text."""
        xs = _texts(texts)
        if not xs:
            return []
        s = self.decision_function(xs)
        if len(self.classes_) == 2:
            return [str(self.classes_[int(v > 0)]) for v in s]
        return [str(self.classes_[i]) for i in s.argmax(axis=1)]


#: Baselines by short name (used by ``benchmarks/baselines.py`` and the CLI).
BASELINES: dict[str, type[BaseEstimator]] = {
    "tfidf_lr": TfidfLogReg,
    "nbsvm": NBSVM,
    "char_svm": CharSVM,
}

__all__ = ["BASELINES", "NBSVM", "CharSVM", "TfidfLogReg", "lowercaser", "tr_lower"]
