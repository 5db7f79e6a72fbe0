"""The per-family linear classifiers of the linear ensemble, and partial labels.

A feature family of :class:`~sentikit.models.linear.LinearEnsembleClassifier` is fitted by
:func:`fit_linear`: logistic regression (dual liblinear) or a linear SVM, one binary problem
per class for three or more classes.

*Partial labels.* A corpus without a neutral class (movie reviews, product reviews rated by
stars) says which of positive and negative a text is, not that it is not neutral: its
makers left neutral texts out. With ``polar_only`` rows (such a corpus's texts), the
neutral-against-the-rest problem gives those rows no weight, and the fusion
(:func:`sentikit.models.fusion.fit_fusion`) scores them on positive against negative only.
Binary corpora then train the polarity decision; the corpora that carry a neutral class train
the neutral one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.errors import BundleError, InputError

#: Per-family classifiers: ``lr`` (logistic regression) or ``svm`` (linear SVM, hinge loss).
CLASSIFIERS = ("lr", "svm")

#: The class that rows of a corpus without it (``polar_only``) say nothing about.
NEUTRAL = "neutral"


def make_classifier(clf: dict[str, Any], max_iter: int) -> Any:
    """The family's linear classifier. Logistic regression: dual liblinear (10–40× faster
    than lbfgs on these wide sparse matrices, same accuracy), one binary problem per class
    for three or more classes (:func:`fit_linear`). Linear SVM (``"classifier":
    "svm"``): liblinear, hinge loss, one-vs-rest. Their margins are calibrated by the
    stacked fusion."""
    C = float(clf.get("C", 1.0))
    kind = clf.get("kind", "lr")
    if kind not in CLASSIFIERS:
        raise BundleError(f"unknown classifier {kind!r}; known: {list(CLASSIFIERS)}")
    if kind == "svm":
        from sklearn.svm import LinearSVC

        return LinearSVC(C=C, max_iter=max_iter, random_state=0)
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=max_iter, random_state=0)


def fit_linear(
    clf_spec: dict[str, Any],
    X: sp.csr_matrix,
    y: NDArray[Any],
    classes: NDArray[Any],
    sample_weight: NDArray[np.float64] | None,
    max_iter: int,
    polar_only: NDArray[np.bool_] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Coefficients (one row per class of ``classes``, one row for two classes) and
    intercepts of a family's classifier on ``X``. ``polar_only`` rows (see the module) get
    no weight in the neutral-against-the-rest problem."""
    partial = polar_only is not None and bool(polar_only.any()) and NEUTRAL in set(classes)
    if len(classes) == 2 or (clf_spec.get("kind", "lr") == "svm" and not partial):
        clf = make_classifier(clf_spec, max_iter).fit(X, y, sample_weight=sample_weight)
        if len(clf.classes_) != len(classes) and len(classes) > 2:
            raise InputError("every class needs examples in each training fold")
        return (
            np.asarray(clf.coef_, dtype=np.float64),
            np.asarray(clf.intercept_, dtype=np.float64),
        )
    coefs, intercepts = [], []
    own = np.ones(len(y)) if sample_weight is None else sample_weight
    for c in classes:  # one-vs-rest, as liblinear does for the SVM
        sw = own
        if partial and c == NEUTRAL:
            assert polar_only is not None
            sw = np.where(polar_only, 0.0, own)
        target = y == c
        if not target.any() or not (sw[~target] > 0).any():
            raise InputError("every class needs examples in each training fold")
        clf = make_classifier(clf_spec, max_iter).fit(X, target, sample_weight=sw)
        coefs.append(np.asarray(clf.coef_[0], dtype=np.float64))
        intercepts.append(float(clf.intercept_[0]))
    return np.vstack(coefs), np.asarray(intercepts)


def polar_only_rows(
    groups: list[str], labels: list[str], policy: str | None
) -> NDArray[np.bool_] | None:
    """The rows whose corpus (``groups``) has no neutral example, when ``policy`` (the
    configuration's ``training.binary_corpora``) is ``"polarity"`` and some corpus has one;
    ``None`` otherwise (every row trains every class: ``"all"``, the default)."""
    if policy in (None, "all"):
        return None
    if policy != "polarity":
        raise InputError(f"unknown binary_corpora {policy!r}; use 'all' or 'polarity'")
    with_neutral = {g for g, y in zip(groups, labels, strict=True) if y == NEUTRAL}
    if not with_neutral:
        return None
    return np.asarray([g not in with_neutral for g in groups], dtype=bool)
