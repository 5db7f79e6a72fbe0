"""Evaluate anything on anything: a bundle on a user's file, a configuration on a file, the
binary view, and a model's own training data flagged (small bundles trained here)."""

from __future__ import annotations

import csv
import logging
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sentikit.errors import InputError, ResourceMissingError
from sentikit.evaluation.protocols import Fold, file_folds, holdout_folds
from sentikit.evaluation.runner import EvalResult, evaluate_folds
from sentikit.evaluation.userdata import (
    BundleModel,
    EvalData,
    evaluate_bundle,
    evaluate_config,
    file_data,
    training_overlap,
)
from sentikit.io.bundle import read_bundle_info, sha256_texts
from sentikit.io.datasets import Example
from sentikit.training.bundle import train_bundle

POS = ["great", "good", "wonderful", "excellent", "lovely", "superb"]
NEG = ["bad", "awful", "boring", "terrible", "dull", "poor"]
NEU = ["long", "blue", "new", "green", "red", "old"]
NOUN = ["film", "acting", "music", "script", "book", "plot"]
CONFIG: dict[str, Any] = {
    "name": "tiny3",
    "version": "0.1.0",
    "lang": "en",
    "model": {
        "name": "sentikit.linear_ensemble.v1",
        "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "C": 10.0}],
    },
}


def rows(n: int, classes: int = 3, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` synthetic English sentences: positive, negative (and neutral) in turn."""
    rng = random.Random(seed)
    kinds = [(POS, "positive"), (NEG, "negative"), (NEU, "neutral")][:classes]
    out = []
    for i in range(n):
        words, label = kinds[i % classes]
        out.append((f"the {rng.choice(NOUN)} was {rng.choice(words)}", label))
    return out


def write_csv(
    path: Path, data: list[tuple[str, str]], header: tuple[str, str] = ("text", "label")
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(data)
    return path


@pytest.fixture(scope="module")
def bundle3(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A three-class English bundle and the file it was trained on."""
    tmp = tmp_path_factory.mktemp("userdata")
    train = rows(90)
    path = write_csv(tmp / "train.csv", train)
    out = train_bundle(CONFIG, [t for t, _ in train], [y for _, y in train], "en", tmp / "m3")
    return out, path


class FakeEst:
    """Fixed probabilities over three classes."""

    classes_ = np.array(["negative", "neutral", "positive"])

    def __init__(self, rows: list[list[float]]) -> None:
        self.rows = np.asarray(rows)
        self.calls = 0

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        return self.rows[: len(texts)]


def test_bundle_model_binary_view_argmax_over_positive_and_negative() -> None:
    est = FakeEst([[0.2, 0.7, 0.1], [0.3, 0.3, 0.4], [0.25, 0.5, 0.25]])
    m = BundleModel({"training_data": {"n": 12}}, est, binary=True)
    labels, P = m.predict_and_proba(["a", "b", "c"])
    assert m.classes_ == ["negative", "positive"] and m.n_train_ == 12
    # neutral is most probable in rows 1 and 3, but the binary view reads only the two sides;
    # a tie is positive (score = P(pos) - P(neg) >= 0, as labels="binary")
    assert labels == ["negative", "positive", "positive"]
    np.testing.assert_allclose(P, [[2 / 3, 1 / 3], [3 / 7, 4 / 7], [0.5, 0.5]])
    assert est.calls == 1  # labels and probabilities from one pass
    three = BundleModel({}, FakeEst([[0.2, 0.7, 0.1]]))
    assert three.predict(["a"]) == ["neutral"] and three.n_train_ == 0


def test_fit_false_scores_a_trained_model_without_a_train_portion() -> None:
    examples = [Example(f"t{i}", "positive" if i % 2 else "negative", str(i), {}) for i in range(6)]
    est = FakeEst([[0.9, 0.05, 0.05], [0.05, 0.05, 0.9]] * 3)
    m = BundleModel({"training_data": {"n": 40}}, est, binary=True)
    fold = Fold(0, np.arange(0), np.arange(6))
    res = evaluate_folds(examples, [fold], lambda: m, fit=False, labels=["negative", "positive"])
    assert res.accuracy == 100.0 and res.folds[0].n_train == 40 and res.calibration is not None
    with pytest.raises(InputError, match="empty"):
        evaluate_folds(examples, [fold], lambda: m)  # training needs a train portion


def test_holdout_is_stratified_seeded_and_refuses_singletons() -> None:
    labels = ["positive"] * 50 + ["negative"] * 30 + ["neutral"] * 20
    (a,) = holdout_folds(labels)
    (b,) = holdout_folds(labels)
    assert np.array_equal(a.test, b.test) and len(a.test) == 20 and len(a.train) == 80
    test_labels = sorted(labels[i] for i in a.test)
    assert test_labels.count("positive") == 10 and test_labels.count("neutral") == 4
    assert not set(a.train) & set(a.test)
    with pytest.raises(InputError, match="stratified"):
        holdout_folds(["positive"] * 9 + ["negative"])
    assert file_folds(labels)[0] == "holdout" and len(file_folds(labels, "cv10")[1]) == 10
    with pytest.raises(InputError, match="holdout or cv10"):
        file_folds(labels, "official")


def _record(**kw: Any) -> dict[str, Any]:
    return {"name": "x", "kind": "file", "split": None, "n": 1, "sha256": "abc"} | kw


@pytest.mark.parametrize(
    ("sources", "data", "flagged"),
    [
        # the new source records: same sha256, or the same corpus and an overlapping split
        ([{"name": "mine.csv", "kind": "file", "n": 3, "sha256": "abc"}], _record(), True),
        ([{"name": "mine.csv", "kind": "file", "n": 3, "sha256": "def"}], _record(), False),
        (
            [{"name": "turkish-twitter-sentiment", "kind": "dataset", "split": "train"}],
            _record(name="turkish-twitter-sentiment", kind="dataset", split="test", sha256="z"),
            False,
        ),
        (
            [{"name": "turkish-twitter-sentiment", "kind": "dataset", "split": "test"}],
            _record(name="turkish-twitter-sentiment", kind="dataset", split="test", sha256="z"),
            True,
        ),
        # older records: no kind, no sha256; "all" holds every split; aliases and corpora that
        # share texts count
        (
            [{"name": "turkish-movie-reviews", "split": "all", "n": 14040}],
            _record(name="turkish-movie-reviews", kind="dataset", split="all", sha256="z"),
            True,
        ),
        (
            [{"name": "sst2", "split": "test"}],
            _record(name="sst-ptb-trees", kind="dataset", split="test", sha256="z"),
            True,
        ),
        (
            [{"name": "english-movie-sentences-rt-polarity", "split": "all"}],
            _record(name="sst-ptb-trees", kind="dataset", split="test", sha256="z"),
            True,
        ),
        ([], _record(), False),
        (["not a dict"], _record(), False),
    ],
)
def test_training_overlap_from_sources(
    sources: list[Any], data: dict[str, Any], flagged: bool
) -> None:
    info = {"training_data": {"sources": sources, "sha256": "overall"}}
    assert (training_overlap(info, data) is not None) is flagged


def test_training_overlap_by_overall_digest_and_by_file_path(tmp_path: Path) -> None:
    assert training_overlap({"training_data": {"sha256": "abc"}}, _record()) is not None
    assert training_overlap({}, _record()) is None  # a bundle that records nothing
    f = tmp_path / "mine.csv"
    f.write_text("text,label\n", encoding="utf-8")
    rec = _record(name="mine.csv", path=str(f))
    info = {"training_data": {"sources": [{"name": str(f), "kind": "file"}]}}
    assert "same file" in str(training_overlap(info, rec))


def test_the_shipped_turkish_model_knows_its_own_training_corpora() -> None:
    from sentikit.models.registry import shipped_model_dir

    info = read_bundle_info(shipped_model_dir("tr"))
    movies = _record(name="turkish-movie-reviews", kind="dataset", split="all", sha256="z")
    tweets = _record(name="turkish-twitter-sentiment", kind="dataset", split="test", sha256="z")
    assert "turkish-movie-reviews" in str(training_overlap(info, movies))
    assert training_overlap(info, tweets) is None  # trained on the train split only


def test_bundle_on_a_file_three_classes(bundle3: tuple[Path, Path], tmp_path: Path) -> None:
    model, _ = bundle3
    data = file_data(write_csv(tmp_path / "test.csv", rows(30, seed=1)))
    res = evaluate_bundle(model, data)
    assert isinstance(res, EvalResult)
    assert res.protocol == "bundle" and res.n == 30 and res.accuracy > 90
    assert res.view is None and not res.trained_on_test_data and res.notes == []
    assert res.labels == ["negative", "neutral", "positive"] and res.calibration is not None
    d = res.to_dict()
    assert d["data"]["kind"] == "file" and d["data"]["n"] == 30 and len(d["data"]["sha256"]) == 64
    assert d["bundle"]["name"] == "tiny3" and d["bundle"]["lang"] == "en"
    assert d["folds"][0]["n_train"] == 90 and d["trained_on_test_data"] is False
    assert set(d["per_class"]) == {"negative", "neutral", "positive"}


def test_three_class_bundle_on_binary_data_reports_the_binary_view(
    bundle3: tuple[Path, Path], tmp_path: Path
) -> None:
    model, _ = bundle3
    data = file_data(write_csv(tmp_path / "bin.csv", rows(30, classes=2, seed=2)))
    res = evaluate_bundle(model, data)
    assert res.view == "binary" and res.labels == ["negative", "positive"]
    assert set(res.per_class) == {"negative", "positive"} and res.accuracy == 100.0
    assert "binary view" in res.notes[0] and "note: binary view" in res.format_table()


def test_own_training_data_is_flagged_loudly(
    bundle3: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    model, train_file = bundle3
    with caplog.at_level(logging.WARNING, logger="sentikit"):
        res = evaluate_bundle(model, file_data(train_file))
    assert res.trained_on_test_data is True and res.to_dict()["trained_on_test_data"] is True
    assert "trained on this evaluation data" in caplog.text
    assert res.format_table().splitlines()[1].startswith("WARNING: the model was trained on")


def test_labels_the_model_lacks_and_texts_in_another_language_are_said(
    bundle3: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    model, _ = bundle3
    tr = ["Film çok güzeldi, bayıldım.", "Berbat bir filmdi, hiç beğenmedim."] * 3
    examples = [Example(t, "mixed" if i == 0 else "positive", str(i), {}) for i, t in enumerate(tr)]
    data = EvalData(examples, _record(n=len(examples), sha256=sha256_texts(tr, ["x"] * 6)))
    with caplog.at_level(logging.WARNING, logger="sentikit"):
        res = evaluate_bundle(model, data)
    assert res.labels == ["negative", "neutral", "positive", "mixed"]
    assert any("mixed" in n and "not classes of the model" in n for n in res.notes)
    assert any("look 'tr'" in n for n in res.notes) and "look 'tr'" in caplog.text


def test_bundle_by_shipped_name_and_missing_bundle(tmp_path: Path) -> None:
    data = file_data(write_csv(tmp_path / "d.csv", [("harika bir film", "positive")] * 2))
    with pytest.raises(ResourceMissingError, match="no model bundle"):
        evaluate_bundle(tmp_path / "nope", data)
    res = evaluate_bundle("tr", data)
    assert res.bundle is not None and res.bundle["name"] == "sentikit-tr-linear"


def test_configuration_cross_validated_on_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sentikit.training.resources as resources

    seen: list[Any] = []
    real = resources.model_factory

    def spy(config: dict[str, Any], lang: str | None = None, exclude: Any = ()) -> Any:
        seen.append(list(exclude))
        return real(config, lang, exclude)

    monkeypatch.setattr(resources, "model_factory", spy)
    path = write_csv(tmp_path / "mine.csv", rows(60))
    data = file_data(path)
    res = evaluate_config(CONFIG, "en", data, name="tiny")
    assert res.protocol == "holdout" and len(res.folds) == 1 and res.n == 12
    assert res.folds[0].n_train == 48 and res.model == "tiny" and res.data == data.record
    assert seen == [[str(path.resolve())]]  # the file is left out of the auxiliary corpora
    cv = evaluate_config(CONFIG, "en", data, protocol="cv10", max_folds=2)
    assert cv.protocol == "cv10" and len(cv.folds) == 2 and cv.n_folds_planned == 10
    assert cv.model == "tiny3" and cv.calibration is not None
