"""Classification metrics, reported as percentages (0–100).

Precision, recall or F1 whose denominator is zero count as 0 (as scikit-learn's
``zero_division=0``). Macro averages run over the union of true and predicted labels unless
``labels`` is given.

Examples
--------
>>> y_true = ["positive", "positive", "negative", "negative"]
>>> y_pred = ["positive", "negative", "negative", "negative"]
>>> accuracy(y_true, y_pred)
75.0
>>> round(macro_f1(y_true, y_pred), 2)
73.33
>>> per_class_report(y_true, y_pred)["negative"]["recall"]
100.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from sentikit.errors import InputError


def _check(y_true: Sequence[str], y_pred: Sequence[str]) -> None:
    if len(y_true) != len(y_pred):
        raise InputError(f"{len(y_true)} gold labels but {len(y_pred)} predictions")
    if not y_true:
        raise InputError("no labels to score")


def accuracy(y_true: Sequence[str], y_pred: Sequence[str]) -> float:
    """Percentage of predictions equal to the gold label."""
    _check(y_true, y_pred)
    return 100.0 * sum(t == p for t, p in zip(y_true, y_pred, strict=True)) / len(y_true)


def _label_set(
    y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str] | None
) -> list[str]:
    if labels is not None:
        return list(labels)
    return sorted(set(y_true) | set(y_pred))


def per_class_report(
    y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, dict[str, float]]:
    """Per-label precision, recall and F1 (percentages) and support (gold count).

    Returns
    -------
    dict
        ``{label: {"precision", "recall", "f1", "support"}}`` in sorted label order.
    """
    _check(y_true, y_pred)
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter(y_pred)
    n_true: Counter[str] = Counter(y_true)
    for t, p in zip(y_true, y_pred, strict=True):
        if t == p:
            tp[t] += 1
    out: dict[str, dict[str, float]] = {}
    for lab in _label_set(y_true, y_pred, labels):
        prec = tp[lab] / n_pred[lab] if n_pred[lab] else 0.0
        rec = tp[lab] / n_true[lab] if n_true[lab] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {
            "precision": 100.0 * prec,
            "recall": 100.0 * rec,
            "f1": 100.0 * f1,
            "support": float(n_true[lab]),
        }
    return out


def macro_f1(
    y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str] | None = None
) -> float:
    """Unweighted mean of the per-label F1 scores (percentage)."""
    report = per_class_report(y_true, y_pred, labels)
    return sum(r["f1"] for r in report.values()) / len(report)


def confusion_matrix(
    y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, dict[str, int]]:
    """``{gold: {predicted: count}}`` over ``labels`` (default: all labels seen)."""
    _check(y_true, y_pred)
    labs = _label_set(y_true, y_pred, labels)
    m = {t: dict.fromkeys(labs, 0) for t in labs}
    for t, p in zip(y_true, y_pred, strict=True):
        if t in m and p in m[t]:
            m[t][p] += 1
    return m


__all__ = ["accuracy", "confusion_matrix", "macro_f1", "per_class_report"]


def calibration_report(
    y_true: Sequence[str], proba: np.ndarray, classes: Sequence[str], n_bins: int = 15
) -> dict[str, float]:
    """How well predicted probabilities match observed frequencies.

    Returns ``brier`` (multi-class Brier score: mean over examples of ``Σ_c (p_c − 1[y=c])²``),
    ``log_loss`` (natural log, probabilities clipped at 1e-12) and ``ece`` (expected calibration
    error of the top-class probability over ``n_bins`` equal-width bins, in percent).

    Examples
    --------
    >>> import numpy as np
    >>> r = calibration_report(["a", "b"], np.array([[0.9, 0.1], [0.2, 0.8]]), ["a", "b"])
    >>> round(r["brier"], 3), round(r["ece"], 1)
    (0.05, 15.0)
    """
    P = np.asarray(proba, dtype=np.float64)
    cls = list(classes)
    if P.ndim != 2 or P.shape != (len(y_true), len(cls)):
        raise ValueError(
            f"probabilities of shape {P.shape} for {len(y_true)} texts, {len(cls)} classes"
        )
    idx = np.array([cls.index(y) if y in cls else -1 for y in y_true])
    onehot = np.zeros_like(P)
    ok = idx >= 0
    onehot[np.flatnonzero(ok), idx[ok]] = 1.0
    brier = float(np.mean(((P - onehot) ** 2).sum(axis=1)))
    p_true = np.where(ok, P[np.arange(len(idx)), np.maximum(idx, 0)], 0.0)
    log_loss = float(-np.mean(np.log(np.clip(p_true, 1e-12, 1.0))))
    conf = P.max(axis=1)
    correct = (P.argmax(axis=1) == idx).astype(np.float64)
    bins = np.minimum((conf * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return {"brier": brier, "log_loss": log_loss, "ece": 100.0 * ece}
