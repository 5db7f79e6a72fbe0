"""The runner: end-to-end evaluation, no test leakage, result shape."""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from sentikit.errors import InputError
from sentikit.evaluation.baselines import NBSVM, TfidfLogReg
from sentikit.evaluation.protocols import Fold, cv_folds
from sentikit.evaluation.runner import EvalResult, evaluate, evaluate_folds
from sentikit.io.datasets import Example, load_dataset


class Majority:
    """Predicts the most frequent training label."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def fit(self, texts: list[str], labels: list[str]) -> Majority:
        self.label_ = Counter(labels).most_common(1)[0][0]
        return self

    def predict(self, texts: list[str]) -> list[str]:
        return [self.label_] * len(texts)


class Spy(Majority):
    """Records what it was trained on and asked about."""

    fitted: list[list[str]] = []
    predicted: list[list[str]] = []

    def fit(self, texts: list[str], labels: list[str]) -> Spy:
        Spy.fitted.append(list(texts))
        super().fit(texts, labels)
        return self

    def predict(self, texts: list[str]) -> list[str]:
        Spy.predicted.append(list(texts))
        return super().predict(texts)


def _toy(n: int = 50) -> list[Example]:
    return [Example(f"text {i}", "positive" if i % 2 else "negative", str(i), {}) for i in range(n)]


def test_no_test_text_reaches_training() -> None:
    Spy.fitted, Spy.predicted = [], []
    examples = _toy()
    folds = cv_folds([e.label or "" for e in examples], n_splits=5)
    res = evaluate_folds(examples, folds, Spy)
    assert len(Spy.fitted) == len(Spy.predicted) == 5  # a fresh model per fold
    for train, test in zip(Spy.fitted, Spy.predicted, strict=True):
        assert not set(train) & set(test)
        assert len(train) + len(test) == 50
    assert sorted(t for test in Spy.predicted for t in test) == sorted(e.text for e in examples)
    assert res.n == 50 and len(res.folds) == 5


def test_overlapping_fold_is_refused() -> None:
    examples = _toy(10)
    bad = [Fold(0, np.arange(0, 6), np.arange(5, 10))]
    with pytest.raises(InputError, match="overlap"):
        evaluate_folds(examples, bad, Majority)


def test_wrong_prediction_count_is_refused() -> None:
    class Short(Majority):
        def predict(self, texts: list[str]) -> list[str]:
            return super().predict(texts)[:-1]

    examples = _toy(20)
    with pytest.raises(InputError, match="predictions"):
        evaluate_folds(examples, cv_folds([e.label or "" for e in examples], 2), Short)


def test_unlabelled_examples_are_refused() -> None:
    examples = [*_toy(10), Example("x", None, "x", {})]
    with pytest.raises(InputError, match="unlabelled"):
        evaluate_folds(examples, [Fold(0, np.arange(10), np.arange(10, 11))], Majority)


def test_lang_reaches_factories_that_accept_it(data_dir: Path) -> None:
    seen: list[str | None] = []

    def with_lang(lang: str) -> Majority:
        seen.append(lang)
        return Majority(lang)

    def without_lang() -> Majority:
        seen.append("none")
        return Majority()

    evaluate("turkish-twitter-sentiment", with_lang)
    evaluate("turkish-twitter-sentiment", without_lang)
    evaluate("turkish-twitter-sentiment", with_lang, lang="en")
    assert seen == ["tr", "none", "en"]


def test_majority_on_official_split_exact(data_dir: Path) -> None:
    res = evaluate("turkish-twitter-sentiment", Majority)
    # Train majority is negative (689 vs 549); the test split has 282 negatives of 474.
    assert res.protocol == "official" and res.n == 474
    assert res.accuracy == pytest.approx(100 * 282 / 474)
    f1_neg = 2 * (282 / 474) / (282 / 474 + 1)
    assert res.macro_f1 == pytest.approx(100 * f1_neg / 2)
    assert res.accuracy_std == 0.0
    assert res.per_class["positive"]["recall"] == 0.0


def test_end_to_end_tiny_subset(data_dir: Path) -> None:
    movie = load_dataset("turkish-movie-reviews")
    pos = [e for e in movie if e.label == "positive"][:150]
    neg = [e for e in movie if e.label == "negative"][:150]
    examples = pos + neg
    folds = cv_folds([e.label or "" for e in examples], n_splits=3)
    messages: list[str] = []
    res = evaluate_folds(
        examples,
        folds,
        TfidfLogReg,
        dataset="tmr-subset",
        protocol="cv3",
        lang="tr",
        progress=messages.append,
    )
    assert len(res.folds) == 3 and len(messages) == 3 and "fold 3/3" in messages[-1]
    assert res.n == 300 and {f.n_test for f in res.folds} == {100}
    assert 60.0 < res.accuracy <= 100.0
    assert res.model == "TfidfLogReg" and res.lang == "tr"


def test_max_folds_and_result_shape(data_dir: Path) -> None:
    res = evaluate("english-movie-sentences-rt-polarity", NBSVM, max_folds=2)
    assert isinstance(res, EvalResult)
    d = res.to_dict()
    assert {
        "dataset",
        "protocol",
        "accuracy",
        "macro_f1",
        "accuracy_std",
        "macro_f1_std",
        "folds",
        "per_class",
        "n",
    } <= set(d)
    assert d["dataset"] == "english-movie-sentences-rt-polarity" and d["protocol"] == "cv10"
    assert len(d["folds"]) == 2 and d["n_folds_planned"] == 10 and d["n"] == 2132
    for fold in d["folds"]:
        assert set(fold) == {"fold", "accuracy", "macro_f1", "n_train", "n_test", "seconds"}
        assert fold["n_train"] + fold["n_test"] == 10660
    assert [f["fold"] for f in d["folds"]] == [1, 2]
    assert set(d["per_class"]) == {"negative", "positive"}
    assert set(d["per_class"]["positive"]) == {"precision", "recall", "f1", "support"}
    assert sum(r["support"] for r in d["per_class"].values()) == d["n"]
    assert 70.0 < d["accuracy"] < 90.0 and d["accuracy_std"] >= 0.0
    assert d["accuracy"] == pytest.approx(np.mean([f["accuracy"] for f in d["folds"]]))
    assert json.loads(res.to_json()) == json.loads(json.dumps(d))
    table = res.format_table()
    assert "english-movie-sentences-rt-polarity" in table and "mean" in table
    assert "positive" in table.splitlines()[-1] or "positive" in table
    with pytest.raises(InputError):
        evaluate("english-movie-sentences-rt-polarity", NBSVM, max_folds=0)


def test_sst5_labels(data_dir: Path) -> None:
    res = evaluate("sst5", Majority)
    assert res.labels == ["0", "1", "2", "3", "4"] and res.n == 2210
    assert set(res.per_class) == {"0", "1", "2", "3", "4"}
    # Majority of SST-5 train roots is "3" (2322); test has 510 of 2210.
    assert res.accuracy == pytest.approx(100 * 510 / 2210)


def test_model_name_of_partial_factory() -> None:
    examples = _toy(20)
    folds = cv_folds([e.label or "" for e in examples], 2)
    res = evaluate_folds(examples, folds, functools.partial(Majority, lang="en"))
    assert res.model == "Majority(lang='en')"
    assert res.to_dict()["model"] == "Majority(lang='en')"
