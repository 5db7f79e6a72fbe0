"""The leave-one-corpus-out protocol on a small configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from sentikit.evaluation.crosscorpus import evaluate_loco, format_loco, loco_plan
from sentikit.models import registry
from sentikit.training.data import source_key, training_data
from sentikit.training.resources import canonical

CONFIG = {
    "name": "tiny",
    "lang": "tr",
    "model": {
        "name": "sentikit.linear_ensemble.v1",
        "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "C": 1.0}],
    },
    "training": {
        "balance": "sqrt",
        "datasets": [
            {"name": "turkish-twitter-sentiment", "split": "train", "limit": 300},
            {"name": "semeval2016-tr-sentences", "split": "train", "limit": 300},
            {"name": "turkish-unlabelled-text", "as_label": "neutral", "limit": 5},
        ],
    },
}


def test_plan_lists_pool_then_evaluation_only() -> None:
    plan = loco_plan(CONFIG)
    keys = [p.key for p in plan]
    assert keys[:2] == ["turkish-twitter-sentiment", "semeval2016-tr-sentences"]
    assert "turkish-unlabelled-text" not in keys  # distant labels: nothing to test on
    assert {p.key for p in plan if p.evaluation_only} == {
        "turkish-tweets-bounti-3class",
        "semeval2016-absa-turkish-restaurants-test-partial",
    }
    assert plan[0].split == "test" and plan[1].split is None


def test_shipped_plans_hold_no_evaluation_only_corpus() -> None:
    from sentikit.io.datasets import DATASETS

    for lang in ("tr", "en"):
        cfg = registry.default_config(lang)
        for src in cfg["training"]["datasets"]:
            base = canonical(source_key(src))
            assert not DATASETS[base].evaluation_only, src


@pytest.mark.data
def test_left_out_corpus_is_not_trained_on(data_dir: Path) -> None:
    texts, _, summary, groups = training_data(CONFIG, leave_out=["turkish-twitter-sentiment"])
    assert "turkish-twitter-sentiment" not in set(groups)
    assert [s["name"] for s in summary] == ["semeval2016-tr-sentences", "turkish-unlabelled-text"]
    res = evaluate_loco(
        CONFIG,
        only=["turkish-twitter-sentiment", "semeval2016-absa-turkish-restaurants-test-partial"],
    )
    assert [r.key for r in res] == [
        "turkish-twitter-sentiment",
        "semeval2016-absa-turkish-restaurants-test-partial",
    ]
    tw, part = res
    assert tw.labels == ("negative", "positive") and tw.n_test == 474
    assert tw.n_train == len(texts)
    assert set(tw.scores) == {"sentikit", "tfidf_lr"}
    for r in res:
        for s in r.scores.values():
            assert 0 <= s["accuracy"] <= 100 and 0 <= s["macro_f1"] <= 100
    assert part.evaluation_only and part.n_test == 106
    assert "mean macro-F1 gain" in format_loco(res)


def test_shipped_pools_never_take_a_test_split() -> None:
    from sentikit.io.datasets import dataset_info

    for lang in ("tr", "en"):
        cfg = registry.default_config(lang)
        for src in cfg["training"]["datasets"]:
            info = dataset_info(source_key(src))
            if "official" in info.protocols:
                split = src.get("split")
                assert split != info.test_split, src
                # a whole-corpus source of a corpus with a test split must exclude it
                if split in (None, "all"):
                    assert "exclude" in src, src
