"""Evaluation harness: metrics, protocols (official split, stratified 10-fold CV), a runner
for any ``fit/predict(texts)`` estimator, and three simple baselines.

Examples
--------
>>> from sentikit.evaluation import evaluate, default_protocol
>>> default_protocol("sst5")
'official'
>>> from sentikit.evaluation.baselines import CharSVM
>>> print(evaluate("turkish-twitter-sentiment", CharSVM).format_table())  # doctest: +SKIP
"""

from __future__ import annotations

from sentikit.evaluation.metrics import accuracy, confusion_matrix, macro_f1, per_class_report
from sentikit.evaluation.protocols import PROTOCOLS, cv_folds, default_protocol, make_plan
from sentikit.evaluation.runner import Estimator, EvalResult, FoldResult, evaluate, evaluate_folds

__all__ = [
    "PROTOCOLS",
    "EvalResult",
    "Estimator",
    "FoldResult",
    "accuracy",
    "confusion_matrix",
    "cv_folds",
    "default_protocol",
    "evaluate",
    "evaluate_folds",
    "macro_f1",
    "make_plan",
    "per_class_report",
]
