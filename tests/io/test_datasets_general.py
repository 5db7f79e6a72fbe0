"""The corpora added for the general models: counts, labels, sentence polarities, SST-3."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sentikit.io.datasets import DATASETS, dataset_info, load_dataset, sentence_polarity


def test_sentence_polarity_rules() -> None:
    assert sentence_polarity([]) is None
    assert sentence_polarity(["positive", "positive"]) == "positive"
    assert sentence_polarity(["neutral", "negative"]) == "negative"
    assert sentence_polarity(["neutral"]) == "neutral"
    assert sentence_polarity(["positive", "negative"]) == "mixed"
    assert sentence_polarity(["conflict"]) == "mixed"


def test_evaluation_only_corpora_are_marked() -> None:
    marked = {n for n, i in DATASETS.items() if i.evaluation_only}
    assert marked == {
        "turkish-tweets-bounti-3class",
        "english-financial-phrasebank",
        "semeval2016-absa-turkish-restaurants-test-partial",
    }


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "split", "n", "counts"),
    [
        ("turkish-tweets-tsatweets-3class", None, 5879, {"negative": 2922, "neutral": 1420}),
        ("turkish-tweets-bounti-3class", "validation", 637, None),
        ("english-tweets-semeval2017-3class", "test", 12284, {"neutral": 5937}),
        ("english-amazon-multidomain-blitzer2007", None, 7852, {"positive": 3971}),
        ("english-financial-phrasebank", "allagree", 2259, None),
        ("semeval2016-absa-turkish-restaurants-test-partial", None, 106, {"positive": 71}),
        ("sst3", "test", 2210, {"neutral": 389, "negative": 912, "positive": 909}),
    ],
)
def test_new_corpora_load(
    data_dir: Path, name: str, split: str | None, n: int, counts: dict[str, int] | None
) -> None:
    ex = load_dataset(name, split)
    assert len(ex) == n
    got = Counter(e.label for e in ex)
    assert set(got) <= {"positive", "negative", "neutral"}
    for label, k in (counts or {}).items():
        assert got[label] == k


@pytest.mark.data
def test_absa_sentence_level(data_dir: Path) -> None:
    info = dataset_info("semeval2014-restaurants-sentences")
    assert info.task == "sentence" and info.protocols == ("official",)
    ex = load_dataset("semeval2014-restaurants-sentences", "test")
    labels = Counter(e.label for e in ex)
    assert labels["mixed"] > 0 and labels["positive"] > labels["negative"]
    # one example per sentence with aspect terms; the label agrees with its aspects
    for e in ex[:50]:
        assert sentence_polarity(e.meta["polarities"]) == e.label
    tr = dataset_info("semeval2016-tr-sentences")
    assert tr.protocols == ("cv10",) and tr.cv_splits == ("train",)
