"""Tests for the cross-corpus transfer family (reads a small benchmark corpus)."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.components import Corpus, DataRef, Resources
from sentikit.errors import InputError
from sentikit.features.transfer import TransferFeature
from sentikit.lang import get_processor
from sentikit.models.registry import estimator_from_config
from sentikit.training.resources import banned_by, resolve


def test_transfer_feature_from_another_corpus() -> None:
    docs = get_processor("tr").make_docs(["harika bir gün", "berbat bir gün, çok kötü"])
    fam = TransferFeature(datasets=["turkish-twitter-sentiment:train"], lang="tr")
    fam.initialize(resolve([DataRef("labelled", "turkish-twitter-sentiment:train")]))
    X = fam.fit_counts(docs)
    fam.column_scale(X, np.array(["positive", "negative"]))  # learns nothing here (no-op)
    fam.set_scale(None)
    z = fam.transform(docs)
    assert z.shape == (2, 1) and z[0, 0] > z[1, 0]
    contrib = fam.token_contributions(docs[1], np.array([2.0]))
    assert sum(contrib) == pytest.approx(2.0 * (z[1, 0] - fam.aux_intercept_))
    back = TransferFeature.from_state(*fam.to_state())
    np.testing.assert_allclose(back.transform(docs), z, rtol=1e-5)
    with pytest.raises(InputError):
        TransferFeature().fit_counts(docs)


def test_registry_drops_the_corpus_under_evaluation() -> None:
    fams = [
        {"name": "sentikit.word_ngrams.v1"},
        {"name": "sentikit.transfer.v1", "datasets": ["english-movie-sentences-rt-polarity"]},
        {
            "name": "sentikit.polarity_features.v1",
            "sources": ["supervised", "transfer"],
            "transfer": ["english-imdb-reviews:train"],
        },
    ]
    cfg = {"model": {"name": "sentikit.linear_ensemble.v1", "families": fams}}
    est = estimator_from_config(cfg, "en", banned_by(["sst2"]))  # SST shares rt's sentences
    assert [f["name"] for f in est.families] == [
        "sentikit.word_ngrams.v1",
        "sentikit.polarity_features.v1",
    ]
    est = estimator_from_config(cfg, "en", banned_by(["english-imdb-reviews"]))
    assert est.families[-1]["sources"] == ["supervised"]
    assert len(estimator_from_config(cfg, "en").families) == 3


def test_pruned_transfer_model_keeps_its_strongest_ngrams() -> None:
    docs = get_processor("tr").make_docs(["harika bir gün", "berbat bir gün, çok kötü"])
    full = TransferFeature(datasets=["turkish-twitter-sentiment:train"], lang="tr", max_terms=None)
    small = TransferFeature(datasets=["turkish-twitter-sentiment:train"], lang="tr", max_terms=500)
    data = resolve([DataRef("labelled", "turkish-twitter-sentiment:train")])
    for fam in (full, small):
        fam.initialize(data)
        fam.fit_counts(docs)
    assert len(small.aux_.keys_) == 500 < len(full.aux_.keys_)
    assert len(small.aux_.units_) < len(full.aux_.units_)
    assert np.all(np.diff(small.aux_.keys_) > 0)
    # every kept n-gram decodes to words the pruned vocabulary knows
    vocab = small.aux_.vocabulary()
    assert len(vocab) == 500 and set(vocab) <= set(full.aux_.vocabulary())
    z = small.transform(docs)
    assert z[0, 0] > z[1, 0]


def test_transfer_keeps_only_positive_and_negative_examples() -> None:
    rows = [
        ("harika güzel", "positive"),
        ("güzel film", "positive"),
        ("berbat kötü", "negative"),
        ("kötü film", "negative"),
        ("fiyatı normal", "neutral"),
        ("fiyatı normal idare", "neutral"),
    ]

    def given(spec: str, keep: list[tuple[str, str]]) -> Resources:
        corpus = Corpus.of(spec, [t for t, _ in keep], [y for _, y in keep])
        return Resources({DataRef("labelled", spec): corpus})

    docs = get_processor("tr").make_docs(["güzel", "kötü"])
    fam = TransferFeature(datasets=["fake-3class"], lang="tr", min_df=1, max_terms=None)
    fam.initialize(given("fake-3class", rows))
    fam.fit_counts(docs)
    vocab = set(fam.aux_.vocabulary())
    assert {"güzel", "kötü"} <= vocab and not {"fiyatı", "normal", "idare"} & vocab
    z = fam.transform(docs)
    assert z[0, 0] > z[1, 0]
    other = TransferFeature(datasets=["fake-positive-neutral"], lang="tr")
    other.initialize(given("fake-positive-neutral", [r for r in rows if r[1] != "negative"]))
    with pytest.raises(InputError):
        other.fit_counts(docs)


def test_auxiliary_corpus_may_be_a_labelled_file(tmp_path, monkeypatch) -> None:
    from sentikit.io.datasets import load_labelled

    path = tmp_path / "aux.csv"
    path.write_text("text,label\nharika,Olumlu\nberbat,N\n", encoding="utf-8")
    assert load_labelled(str(path)) == (["harika", "berbat"], ["positive", "negative"])
    with pytest.raises(InputError, match="not a labelled file"):
        load_labelled(str(tmp_path / "missing.csv"))
    # a file is excluded like a dataset when it is the corpus trained on, however it is named
    fam = {"name": "sentikit.word_ngrams.v1", "augment": [str(path)]}
    cfg = {"model": {"name": "sentikit.linear_ensemble.v1", "families": [fam]}}
    monkeypatch.chdir(tmp_path)
    dropped = estimator_from_config(cfg, "tr", banned_by(["aux.csv"])).families[0]
    assert "augment" not in dropped.get("classifier", {})
    kept = estimator_from_config(cfg, "tr", banned_by(["other.csv"])).families[0]
    assert kept["classifier"]["augment"]
