"""Metrics on hand-computed examples (and agreement with scikit-learn)."""

from __future__ import annotations

import pytest
from sklearn.metrics import f1_score, precision_recall_fscore_support

from sentikit.errors import InputError
from sentikit.evaluation.metrics import accuracy, confusion_matrix, macro_f1, per_class_report

GOLD = ["positive", "positive", "negative", "negative", "neutral", "neutral"]
PRED = ["positive", "negative", "negative", "negative", "positive", "neutral"]


def test_accuracy_by_hand() -> None:
    assert accuracy(GOLD, PRED) == pytest.approx(100 * 4 / 6)
    assert accuracy(["a"], ["a"]) == 100.0
    assert accuracy(["a", "b"], ["b", "a"]) == 0.0


def test_per_class_by_hand() -> None:
    r = per_class_report(GOLD, PRED)
    assert list(r) == ["negative", "neutral", "positive"]
    # negative: tp 2, predicted 3, gold 2 → P 66.7, R 100, F1 80
    assert r["negative"]["precision"] == pytest.approx(200 / 3)
    assert r["negative"]["recall"] == pytest.approx(100.0)
    assert r["negative"]["f1"] == pytest.approx(80.0)
    # neutral: tp 1, predicted 1, gold 2 → P 100, R 50, F1 66.7
    assert r["neutral"]["f1"] == pytest.approx(200 / 3)
    # positive: tp 1, predicted 2, gold 2 → P 50, R 50, F1 50
    assert r["positive"]["f1"] == pytest.approx(50.0)
    assert {k: v["support"] for k, v in r.items()} == {
        "negative": 2,
        "neutral": 2,
        "positive": 2,
    }
    assert macro_f1(GOLD, PRED) == pytest.approx((80 + 200 / 3 + 50) / 3)


def test_agrees_with_sklearn() -> None:
    labels = sorted(set(GOLD))
    p, r, f, s = precision_recall_fscore_support(GOLD, PRED, labels=labels, zero_division=0)
    rep = per_class_report(GOLD, PRED)
    for i, lab in enumerate(labels):
        assert rep[lab]["precision"] == pytest.approx(100 * p[i])
        assert rep[lab]["recall"] == pytest.approx(100 * r[i])
        assert rep[lab]["f1"] == pytest.approx(100 * f[i])
        assert rep[lab]["support"] == s[i]
    assert macro_f1(GOLD, PRED) == pytest.approx(100 * f1_score(GOLD, PRED, average="macro"))


def test_never_predicted_and_unseen_labels() -> None:
    gold = ["a", "a", "b"]
    pred = ["a", "a", "a"]
    r = per_class_report(gold, pred)
    assert r["b"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1.0}
    # A fixed label set includes labels absent from both sides (F1 0) in the macro average.
    assert macro_f1(gold, pred, labels=["a", "b", "c"]) == pytest.approx((100 * 0.8 + 0 + 0) / 3)


def test_confusion_matrix() -> None:
    m = confusion_matrix(GOLD, PRED)
    assert m["negative"] == {"negative": 2, "neutral": 0, "positive": 0}
    assert m["neutral"] == {"negative": 0, "neutral": 1, "positive": 1}
    assert sum(sum(row.values()) for row in m.values()) == len(GOLD)


def test_bad_input() -> None:
    with pytest.raises(InputError):
        accuracy(["a"], ["a", "b"])
    with pytest.raises(InputError):
        macro_f1([], [])


def test_calibration_report_perfect_and_overconfident() -> None:
    import numpy as np

    from sentikit.evaluation.metrics import calibration_report

    perfect = calibration_report(["a", "b"], np.array([[1.0, 0.0], [0.0, 1.0]]), ["a", "b"])
    assert perfect["brier"] == 0 and perfect["ece"] == 0 and perfect["log_loss"] < 1e-9
    wrong = calibration_report(["a", "b"], np.array([[0.0, 1.0], [1.0, 0.0]]), ["a", "b"])
    assert wrong["brier"] == 2.0 and wrong["ece"] == 100.0
    import pytest

    with pytest.raises(ValueError):
        calibration_report(["a"], np.array([[0.5, 0.5]]), ["a", "b", "c"])
