"""Protocols: the stratified CV splitter and the official / cv10 plans."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from sentikit.errors import InputError
from sentikit.evaluation.protocols import cv_folds, default_protocol, make_plan

LABELS = ["positive"] * 60 + ["negative"] * 30 + ["neutral"] * 20


def test_cv_folds_partition_stratified_deterministic() -> None:
    folds = cv_folds(LABELS)
    assert len(folds) == 10
    seen = np.concatenate([f.test for f in folds])
    assert sorted(seen.tolist()) == list(range(len(LABELS)))  # every index tested once
    y = np.asarray(LABELS)
    for f in folds:
        assert not set(f.train.tolist()) & set(f.test.tolist())
        assert len(f.train) + len(f.test) == len(LABELS)
        # Stratified: each test fold holds 6 / 3 / 2 of the three classes.
        assert Counter(y[f.test].tolist()) == {"positive": 6, "negative": 3, "neutral": 2}
    again = cv_folds(LABELS)
    assert all(np.array_equal(a.test, b.test) for a, b in zip(folds, again, strict=True))
    # Shuffled: the first fold is not simply the first indices of each class.
    assert folds[0].test.tolist() != [0, 1, 2, 3, 4, 5, 60, 61, 62, 90, 91]
    other = cv_folds(LABELS, seed=1)
    assert not all(np.array_equal(a.test, b.test) for a, b in zip(folds, other, strict=True))


def test_cv_folds_too_few_examples() -> None:
    with pytest.raises(InputError, match="stratified"):
        cv_folds(["a"] * 5 + ["b"] * 4)


def test_default_protocol() -> None:
    assert default_protocol("turkish-movie-reviews") == "cv10"
    assert default_protocol("turkish-store-reviews-3class") == "cv10"
    assert default_protocol("english-movie-sentences-rt-polarity") == "cv10"
    assert default_protocol("turkish-twitter-sentiment") == "official"
    assert default_protocol("sst-ptb-trees") == "official"
    assert default_protocol("sst5") == "official"
    assert default_protocol("english-imdb-reviews") == "official"
    with pytest.raises(InputError):
        default_protocol("ud-english-ewt")


def test_official_plan(data_dir: Path) -> None:
    plan = make_plan("turkish-twitter-sentiment")
    assert plan.protocol == "official" and len(plan.folds) == 1
    (fold,) = plan.folds
    assert len(fold.train) == 1238 and len(fold.test) == 474
    assert {plan.examples[i].meta["split"] for i in fold.train} == {"train"}
    assert {plan.examples[i].meta["split"] for i in fold.test} == {"test"}


def test_cv10_plan_concatenates_official_splits(data_dir: Path) -> None:
    plan = make_plan("turkish-twitter-sentiment", "cv10")
    assert len(plan.examples) == 1238 + 474 and len(plan.folds) == 10
    assert sum(len(f.test) for f in plan.folds) == 1712
    # rt-polarity cross-validates over the full 10660-sentence file.
    rt = make_plan("english-movie-sentences-rt-polarity")
    assert rt.protocol == "cv10" and len(rt.examples) == 10660


@pytest.mark.slow
def test_sst_plans(data_dir: Path) -> None:
    sst5 = make_plan("sst5")
    assert len(sst5.folds[0].train) == 8544 and len(sst5.folds[0].test) == 2210
    assert {e.label for e in sst5.examples} == {"0", "1", "2", "3", "4"}
    # use_dev adds dev to training; phrases=True trains on every labelled (non-neutral) phrase
    # but still tests on sentence roots.
    phr = make_plan("sst2", options={"phrases": True, "use_dev": True})
    n_train_phrases = 8245 + 34362 + 44194 + 11993
    n_dev_phrases = 1070 + 4613 + 5781 + 1678
    assert len(phr.folds[0].train) == n_train_phrases + n_dev_phrases
    assert len(phr.folds[0].test) == 1821
    assert all(phr.examples[i].meta["root"] for i in phr.folds[0].test)
    with pytest.raises(InputError, match="phrases"):
        make_plan("sst2", "cv10", options={"phrases": True})


def test_plan_errors(data_dir: Path) -> None:
    with pytest.raises(InputError, match="supports protocol"):
        make_plan("turkish-movie-reviews", "official")
    with pytest.raises(InputError, match="unknown protocol"):
        make_plan("turkish-movie-reviews", "loo")
    with pytest.raises(InputError, match="text classification"):
        make_plan("semeval2014-absa")
    with pytest.raises(InputError, match="unknown option"):
        make_plan("turkish-twitter-sentiment", options={"granularity": "fine"})
