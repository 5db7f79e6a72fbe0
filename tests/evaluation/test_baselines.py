"""The three baselines: contract, Turkish lower-casing, NBSVM details."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from sentikit.errors import InputError
from sentikit.evaluation.baselines import BASELINES, NBSVM, CharSVM, TfidfLogReg, tr_lower

TEXTS = [
    "great film, loved it",
    "wonderful acting and great story",
    "loved the music, wonderful",
    "terrible film, hated it",
    "awful acting and boring story",
    "hated the music, terrible",
] * 3
LABELS = ["positive"] * 3 + ["negative"] * 3
LABELS = LABELS * 3


@pytest.mark.parametrize("cls", [TfidfLogReg, NBSVM, CharSVM])
def test_fit_predict_contract(cls: type) -> None:
    model = cls(lang="en")
    assert model.fit(TEXTS, LABELS) is model
    pred = model.predict(["a wonderful, great film", "boring and awful"])
    assert pred == ["positive", "negative"]
    assert model.predict([]) == []
    assert list(model.classes_) == ["negative", "positive"]
    # scikit-learn contract: params round-trip, clone gives an unfitted copy.
    assert clone(model).get_params() == model.get_params()
    assert not hasattr(clone(model), "classes_")


def test_registry() -> None:
    assert set(BASELINES) == {"tfidf_lr", "nbsvm", "char_svm"}


def test_turkish_lowercasing() -> None:
    assert tr_lower("IŞIK İYİ Istanbul") == "ışık iyi ıstanbul"
    tr = TfidfLogReg(lang="tr").fit(["İYİ film", "KÖTÜ film"], ["positive", "negative"])
    vocab = set(tr.vectorizer_.vocabulary_)
    assert "iyi" in vocab and "i̇yi" not in vocab
    en = TfidfLogReg(lang="en").fit(["İYİ film", "KÖTÜ film"], ["positive", "negative"])
    # str.lower turns "İ" into "i" + a combining dot, which splits the word for the tokenizer.
    assert "yi" in set(en.vectorizer_.vocabulary_)
    assert "iyi" not in set(en.vectorizer_.vocabulary_)


def test_nbsvm_ratio_and_interpolation() -> None:
    texts = ["good good", "good", "bad", "bad bad"]
    labels = ["pos", "pos", "neg", "neg"]
    m = NBSVM(ngram_range=(1, 1)).fit(texts, labels)
    vocab = m.vectorizer_.vocabulary_
    r = m.r_[0]
    # binarised counts: good in 2 positives, 0 negatives; alpha = 1 → p = [1, 3], q = [3, 1]
    assert r[vocab["good"]] == pytest.approx(np.log((3 / 4) / (1 / 4)))
    assert r[vocab["bad"]] == pytest.approx(-r[vocab["good"]])
    assert m.predict(["good", "bad"]) == ["pos", "neg"]
    # beta = 1 is the plain SVM on NB-scaled features.
    plain = NBSVM(ngram_range=(1, 1), beta=1.0).fit(texts, labels)
    w0, w1 = plain.coef_[0], m.coef_[0]
    assert w1 == pytest.approx(0.75 * np.abs(w0).mean() + 0.25 * w0)
    assert m.intercept_[0] == pytest.approx(0.25 * plain.intercept_[0])


def test_nbsvm_multiclass_one_vs_rest() -> None:
    texts = ["good"] * 4 + ["bad"] * 4 + ["okay fine"] * 4
    labels = ["positive"] * 4 + ["negative"] * 4 + ["neutral"] * 4
    m = NBSVM().fit(texts, labels)
    assert len(m.coef_) == 3
    assert m.decision_function(["good", "bad"]).shape == (2, 3)
    assert m.predict(["good", "bad", "fine"]) == ["positive", "negative", "neutral"]


def test_bad_training_input() -> None:
    with pytest.raises(InputError, match="two classes"):
        TfidfLogReg().fit(["a b", "c d"], ["positive", "positive"])
    with pytest.raises(InputError, match="labels"):
        NBSVM().fit(["a b"], ["positive", "negative"])
    with pytest.raises(InputError, match="one string"):
        CharSVM().fit(TEXTS, LABELS).predict("just one string")
