"""Run an estimator through an evaluation protocol and collect the scores.

An estimator is anything with ``fit(texts, labels) -> self`` and ``predict(texts) -> labels``
over raw strings (it does its own preprocessing). A fresh estimator is made for every fold by
``model_factory``; if the factory accepts a ``lang`` keyword (a class whose constructor takes
``lang``, for instance) it is called with the dataset language. With ``fit=False``
(:func:`evaluate_folds`) the factory's estimator is already trained (a model bundle,
:mod:`sentikit.evaluation.userdata`) and is only scored.

An estimator with ``predict_proba`` and ``classes_`` is also scored for calibration; one with
``predict_and_proba(texts) -> (labels, probabilities)`` gives both from one pass.

Examples
--------
>>> from sentikit.evaluation.baselines import TfidfLogReg
>>> res = evaluate("turkish-movie-reviews", TfidfLogReg, max_folds=1)  # doctest: +SKIP
>>> sorted(res.to_dict())[:4]  # doctest: +SKIP
['accuracy', 'accuracy_std', 'dataset', 'folds']
"""

from __future__ import annotations

import functools
import inspect
import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from sentikit.errors import InputError
from sentikit.evaluation.metrics import accuracy, calibration_report, macro_f1, per_class_report
from sentikit.evaluation.protocols import Fold, make_plan
from sentikit.io.datasets import Example
from sentikit.progress import Step


class Estimator(Protocol):
    """The contract of a model under evaluation (scikit-learn style, over raw texts)."""

    def fit(self, texts: list[str], labels: list[str]) -> Any:
        """Train on ``texts`` with gold ``labels``; returns self."""
        ...

    def predict(self, texts: list[str]) -> Sequence[str]:
        """One label per text."""
        ...


@dataclass
class FoldResult:
    """Scores of one fold (percentages) with its sizes and wall time."""

    fold: int
    accuracy: float
    macro_f1: float
    n_train: int
    n_test: int
    seconds: float
    calibration: dict[str, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fold": self.fold,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "n_train": self.n_train,
            "n_test": self.n_test,
            "seconds": self.seconds,
        }
        if self.calibration is not None:
            out["calibration"] = self.calibration
        return out


def _mean_std(values: list[float]) -> tuple[float, float]:
    if not values:
        return math.nan, math.nan
    arr = np.asarray(values, dtype=float)
    std = float(arr.std(ddof=1)) if len(arr) > 1 else 0.0
    return float(arr.mean()), std


@dataclass
class EvalResult:
    """The outcome of :func:`evaluate`.

    ``accuracy`` and ``macro_f1`` are means over the folds run and ``*_std`` their sample
    standard deviation (0 for a single fold); ``per_class`` is computed on the pooled
    predictions of all folds run; ``n`` is the number of test predictions scored. All scores
    are percentages.
    """

    dataset: str
    protocol: str
    folds: list[FoldResult]
    per_class: dict[str, dict[str, float]]
    n: int
    lang: str | None = None
    labels: list[str] = field(default_factory=list)
    n_folds_planned: int = 0
    seconds: float = 0.0
    model: str | None = None
    #: ``"binary"`` when a three-class model was scored on positive/negative data by the more
    #: probable of the two (the Analyzer's ``labels="binary"``); else ``None``
    view: str | None = None
    #: whether the model was trained on (some of) the evaluation data
    trained_on_test_data: bool = False
    #: what the table should say besides the figures (the view, the data, the model)
    notes: list[str] = field(default_factory=list)
    #: the evaluation data: ``{"name", "kind": "file"|"dataset", "split", "n", "sha256"}``
    data: dict[str, Any] | None = None
    #: the model bundle scored (``name``, ``version``, ``lang``, ``path``, ``classes``)
    bundle: dict[str, Any] | None = None

    @property
    def accuracy(self) -> float:
        return _mean_std([f.accuracy for f in self.folds])[0]

    @property
    def accuracy_std(self) -> float:
        return _mean_std([f.accuracy for f in self.folds])[1]

    @property
    def macro_f1(self) -> float:
        return _mean_std([f.macro_f1 for f in self.folds])[0]

    @property
    def macro_f1_std(self) -> float:
        return _mean_std([f.macro_f1 for f in self.folds])[1]

    @property
    def calibration(self) -> dict[str, float] | None:
        """Mean Brier score, log loss and ECE (%) over the folds, when the model gives
        probabilities (``predict_proba`` and ``classes_``)."""
        cals = [f.calibration for f in self.folds if f.calibration is not None]
        if not cals or len(cals) != len(self.folds):
            return None
        return {k: float(np.mean([c[k] for c in cals])) for k in cals[0]}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: ``dataset, protocol, accuracy, macro_f1, accuracy_std,
        macro_f1_std, folds, per_class, n`` (+ ``lang, labels, n_folds_planned, seconds,
        model, calibration, view, trained_on_test_data, notes, data, bundle``)."""
        return {
            "dataset": self.dataset,
            "protocol": self.protocol,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "accuracy_std": self.accuracy_std,
            "macro_f1_std": self.macro_f1_std,
            "folds": [f.to_dict() for f in self.folds],
            "per_class": self.per_class,
            "n": self.n,
            "lang": self.lang,
            "labels": list(self.labels),
            "n_folds_planned": self.n_folds_planned,
            "seconds": self.seconds,
            "model": self.model,
            "calibration": self.calibration,
            "view": self.view,
            "trained_on_test_data": self.trained_on_test_data,
            "notes": list(self.notes),
            "data": self.data,
            "bundle": self.bundle,
        }

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def _note_lines(self) -> list[str]:
        lines = [f"note: {n}" for n in self.notes]
        if self.trained_on_test_data:
            lines.insert(
                0,
                "WARNING: the model was trained on this evaluation data: these figures "
                "measure memory, not generalization",
            )
        return lines

    def format_table(self) -> str:
        """A plain-text table: one row per fold, the mean ± std, and the per-class report."""
        model = f"  model: {self.model}" if self.model else ""
        lines = [
            f"dataset: {self.dataset}  protocol: {self.protocol}  n: {self.n}  "
            f"folds: {len(self.folds)}/{self.n_folds_planned}{model}",
            *self._note_lines(),
            f"{'fold':>6} {'n_train':>8} {'n_test':>7} {'accuracy':>9} {'macro_f1':>9} "
            f"{'seconds':>8}",
        ]
        for f in self.folds:
            lines.append(
                f"{f.fold:>6} {f.n_train:>8} {f.n_test:>7} {f.accuracy:>9.2f} "
                f"{f.macro_f1:>9.2f} {f.seconds:>8.1f}"
            )
        lines.append(
            f"{'mean':>6} {'':>8} {'':>7} {self.accuracy:>9.2f} {self.macro_f1:>9.2f} "
            f"{self.seconds:>8.1f}"
        )
        lines.append(
            f"{'± std':>6} {'':>8} {'':>7} {self.accuracy_std:>9.2f} {self.macro_f1_std:>9.2f}"
        )
        cal = self.calibration
        if cal is not None:
            lines.append(
                f"calibration: Brier {cal['brier']:.4f}  log loss {cal['log_loss']:.4f}  "
                f"ECE {cal['ece']:.2f}%"
            )
        lines.append("")
        lines.append(f"{'label':>14} {'precision':>9} {'recall':>9} {'f1':>9} {'support':>8}")
        for lab, r in self.per_class.items():
            lines.append(
                f"{lab:>14} {r['precision']:>9.2f} {r['recall']:>9.2f} {r['f1']:>9.2f} "
                f"{int(r['support']):>8}"
            )
        return "\n".join(lines)


def _make_model(model_factory: Callable[..., Any], lang: str | None) -> Any:
    try:
        params = inspect.signature(model_factory).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    if "lang" in params and lang is not None:
        return model_factory(lang=lang)
    return model_factory()


def _model_name(model_factory: Callable[..., Any]) -> str:
    name = getattr(model_factory, "__name__", None)
    if name is None and isinstance(model_factory, functools.partial):
        kw = ", ".join(f"{k}={v!r}" for k, v in model_factory.keywords.items())
        name = f"{_model_name(model_factory.func)}({kw})"
    return name or type(model_factory).__name__


def _predictions(
    model: Any, texts: list[str], true: list[str]
) -> tuple[list[str], dict[str, float] | None]:
    """The model's labels for ``texts`` and, when it gives probabilities, the calibration
    report against ``true``."""
    proba = classes = None
    if hasattr(model, "predict_and_proba"):
        labels, proba = model.predict_and_proba(texts)
        classes = model.classes_
    else:
        labels = model.predict(texts)
        if hasattr(model, "predict_proba") and hasattr(model, "classes_"):
            proba, classes = model.predict_proba(texts), model.classes_
    pred = [str(p) for p in labels]
    if len(pred) != len(texts):
        raise InputError(f"model returned {len(pred)} predictions for {len(texts)} texts")
    if proba is None or classes is None:
        return pred, None
    return pred, calibration_report(true, np.asarray(proba), [str(c) for c in classes])


def evaluate_folds(
    examples: Sequence[Example],
    folds: Sequence[Fold],
    model_factory: Callable[..., Any],
    *,
    dataset: str = "<examples>",
    protocol: str = "custom",
    lang: str | None = None,
    labels: Sequence[str] | None = None,
    max_folds: int | None = None,
    progress: Callable[[str], None] | None = None,
    fit: bool = True,
) -> EvalResult:
    """Run ``model_factory`` over explicit folds of ``examples`` (the core of :func:`evaluate`).

    For every fold a fresh estimator is fitted on the train positions only and asked to predict
    the test positions; the gold labels of the test portion are never passed to the model.
    With ``fit=False`` the estimator is already trained: it is only asked to predict (the
    train portion may be empty, and ``n_train`` is the estimator's ``n_train_`` where it has
    one, e.g. the size of a bundle's training data).

    Raises
    ------
    InputError
        When a fold's train and test positions overlap, a test or (with ``fit``) train portion
        is empty, an example is unlabelled, or the model returns the wrong number of
        predictions.
    """
    if max_folds is not None and max_folds < 1:
        raise InputError(f"max_folds must be ≥ 1, not {max_folds}")
    run = list(folds)[: max_folds or None]
    texts = [e.text for e in examples]
    gold = [e.label for e in examples]
    if any(g is None for g in gold):
        raise InputError(f"dataset {dataset!r} has unlabelled examples; cannot evaluate")
    y: list[str] = [str(g) for g in gold]
    results: list[FoldResult] = []
    pooled_true: list[str] = []
    pooled_pred: list[str] = []
    t_all = time.perf_counter()
    for k, fold in enumerate(run):
        train_idx = np.asarray(fold.train, dtype=int)
        test_idx = np.asarray(fold.test, dtype=int)
        if (fit and len(train_idx) == 0) or len(test_idx) == 0:
            raise InputError(f"fold {fold.index} has an empty train or test portion")
        if np.intersect1d(train_idx, test_idx).size:
            raise InputError(f"fold {fold.index}: train and test positions overlap")
        t0 = time.perf_counter()
        model = _make_model(model_factory, lang)
        if fit:
            model.fit([texts[i] for i in train_idx], [y[i] for i in train_idx])
        true = [y[i] for i in test_idx]
        pred, cal = _predictions(model, [texts[i] for i in test_idx], true)
        secs = time.perf_counter() - t0
        fr = FoldResult(
            fold=fold.index + 1,
            accuracy=accuracy(true, pred),
            macro_f1=macro_f1(true, pred, labels),
            n_train=len(train_idx) if fit else int(getattr(model, "n_train_", len(train_idx))),
            n_test=len(test_idx),
            seconds=secs,
            calibration=cal,
        )
        results.append(fr)
        pooled_true += true
        pooled_pred += pred
        if progress is not None:
            progress(
                Step(
                    f"{dataset} {protocol} fold {k + 1}/{len(run)}: accuracy {fr.accuracy:.2f} "
                    f"macro-F1 {fr.macro_f1:.2f} ({secs:.1f} s)",
                    k + 1,
                    len(run),
                    "folds",
                )
            )
    label_list = list(labels) if labels is not None else sorted(set(y))
    return EvalResult(
        dataset=dataset,
        protocol=protocol,
        folds=results,
        per_class=per_class_report(pooled_true, pooled_pred, label_list) if results else {},
        n=len(pooled_true),
        lang=lang,
        labels=label_list,
        n_folds_planned=len(folds),
        seconds=time.perf_counter() - t_all,
        model=_model_name(model_factory),
    )


def evaluate(
    dataset: str,
    model_factory: Callable[..., Any],
    protocol: str | None = None,
    lang: str | None = None,
    max_folds: int | None = None,
    progress: Callable[[str], None] | None = None,
    options: dict[str, Any] | None = None,
) -> EvalResult:
    """Evaluate a text classifier on a benchmark corpus under a protocol.

    Parameters
    ----------
    dataset : str
        A ``MANIFEST.md`` folder name of a document/sentence corpus, or the alias ``sst2`` /
        ``sst5``.
    model_factory : callable
        Returns a fresh estimator (``fit(texts, labels)``, ``predict(texts)``). Called once
        per fold, with ``lang=`` when it accepts that keyword.
    protocol : {"official", "cv10"}, optional
        Default: the dataset's default (:func:`~sentikit.evaluation.protocols.default_protocol`).
    lang : str, optional
        Overrides the dataset language passed to the factory.
    max_folds : int, optional
        Run only the first ``max_folds`` folds (quick checks).
    progress : callable, optional
        Called with a one-line message after each fold (a :class:`~sentikit.progress.Step`
        counting folds).
    options : dict, optional
        Loader options (e.g. ``{"granularity": "fine"}``, ``{"phrases": True}`` to train SST on
        all phrases) and ``use_dev``; see :func:`~sentikit.evaluation.protocols.make_plan`.

    Returns
    -------
    EvalResult

    Examples
    --------
    >>> from sentikit.evaluation.baselines import NBSVM
    >>> r = evaluate("sst5", NBSVM)  # doctest: +SKIP
    >>> print(r.format_table())  # doctest: +SKIP
    """
    plan = make_plan(dataset, protocol, options)
    return evaluate_folds(
        plan.examples,
        plan.folds,
        model_factory,
        dataset=dataset,
        protocol=plan.protocol,
        lang=lang or plan.info.lang,
        labels=plan.info.labels or None,
        max_folds=max_folds,
        progress=progress,
    )


__all__ = ["EvalResult", "Estimator", "FoldResult", "evaluate", "evaluate_folds"]
