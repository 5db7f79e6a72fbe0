"""The linear ensemble classifier: learning, stacking, explanations, pickle-free round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sentikit.components import Corpus, DataRef, Resources
from sentikit.io.bundle import load_bundle, save_bundle
from sentikit.models.linear import LinearEnsembleClassifier


@pytest.fixture(scope="module")
def model(tiny_corpus: tuple[list[str], list[str]]) -> LinearEnsembleClassifier:
    texts, labels = tiny_corpus
    return LinearEnsembleClassifier(lang="en").fit(texts, labels)


def test_learns_and_predicts(model: LinearEnsembleClassifier) -> None:
    pred = model.predict(["great and brilliant", "boring and awful"])
    assert list(pred) == ["positive", "negative"]
    p = model.predict_proba(["great"])
    assert p.shape == (1, 2) and np.isclose(p.sum(), 1.0)


def test_stacked_weights_are_non_negative(model: LinearEnsembleClassifier) -> None:
    assert len(model.weights_) == 2 and (model.weights_ >= 0).all()
    assert model.weights_.sum() > 0


def test_token_contributions_add_up_to_the_decision(model: LinearEnsembleClassifier) -> None:
    doc = model.to_docs(["the acting was great but the story was boring"])[0]
    contrib = model.token_contributions(doc)
    intercept = sum(w * b[0] for w, b in zip(model.weights_, model.intercept_, strict=True))
    total = sum(contrib) + intercept + model.bias_[0]
    assert np.isclose(total, model.decision_docs([doc])[0])
    by_word = dict(zip([t.form for t in doc.tokens], contrib, strict=True))
    assert by_word["great"] > 0 > by_word["boring"]


def _round_trip(model: LinearEnsembleClassifier, folder: Path) -> LinearEnsembleClassifier:
    """``model`` saved as a bundle in ``folder`` and loaded back."""
    meta, arrays = model.to_state()
    save_bundle(folder, {"name": "t", "version": "0", "lang": "en"}, meta, arrays)
    info, arr = load_bundle(folder)
    return LinearEnsembleClassifier.from_state(info["model"], arr)


def test_bundle_round_trip_gives_identical_probabilities(
    model: LinearEnsembleClassifier, tmp_path
) -> None:
    again = _round_trip(model, tmp_path / "b")
    texts = ["great fun", "boring , awful", "a story"]
    assert np.allclose(again.predict_proba(texts), model.predict_proba(texts), atol=1e-6)
    assert not any(p.suffix == ".pkl" for p in (tmp_path / "b").iterdir())


def test_multiclass_and_fixed_fusion() -> None:
    texts = ["good good", "bad bad", "okay fine", "good fun", "bad dull", "fine okay"] * 4
    labels = ["positive", "negative", "neutral"] * 8
    m = LinearEnsembleClassifier(lang="en", fusion="fixed").fit(texts, labels)
    assert set(m.predict(["good", "bad", "okay"])) <= {"positive", "negative", "neutral"}
    assert m.predict_proba(["good"]).shape == (1, 3)


def test_rejects_single_class_and_bad_fusion(tiny_corpus: tuple[list[str], list[str]]) -> None:
    with pytest.raises(ValueError):
        LinearEnsembleClassifier(lang="en").fit(["a", "b"], ["positive", "positive"])
    with pytest.raises(ValueError):
        LinearEnsembleClassifier(lang="en", fusion="magic").fit(*tiny_corpus)


def test_sklearn_params_contract() -> None:
    m = LinearEnsembleClassifier(lang="tr", stack_folds=4)
    assert m.get_params()["stack_folds"] == 4
    m.set_params(fusion="fixed")
    assert m.fusion == "fixed"


def test_bundle_moves_long_family_state_out_of_model_json(tmp_path, tiny_corpus) -> None:
    import json

    texts, labels = tiny_corpus
    fams: list[dict[str, Any]] = [
        {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2]},
        {"name": "sentikit.polarity_features.v1", "sources": ["supervised"]},
    ]
    clf = LinearEnsembleClassifier(lang="en", families=fams).fit(texts, labels)
    meta, arrays = clf.to_state()
    meta["families"][1]["aux"] = {"units": ["x"] * 300, "small": [1, 2]}
    save_bundle(tmp_path, {"name": "t"}, meta, arrays)
    small = json.loads((tmp_path / "model.json").read_text())
    fam1 = small["model"]["families"][1]
    assert "vocabulary" not in fam1 and "units" not in fam1["aux"]
    assert fam1["aux"]["small"] == [1, 2]
    info, arr = load_bundle(tmp_path)
    assert info["model"]["families"][1].pop("aux")["units"] == ["x"] * 300
    back = LinearEnsembleClassifier.from_state(info["model"], arr)
    assert back.predict(["great fun"]).tolist() == clf.predict(["great fun"]).tolist()


# -- feature augmentation with an auxiliary corpus ("augment") ---------------------------


#: An auxiliary labelled corpus in which 'superb' and 'dreadful' carry the polarity, as a
#: training entry point hands it to the model.
AUX = Resources(
    {
        DataRef("labelled", "aux-corpus"): Corpus.of(
            "aux-corpus",
            ["superb film", "dreadful film", "a superb cast", "dreadful and dull", "so superb"] * 6
            + ["an okay film"] * 3,
            ["positive", "negative", "positive", "negative", "positive"] * 6 + ["neutral"] * 3,
        )
    }
)


@pytest.fixture
def aux_corpus() -> Resources:
    """The auxiliary corpus :data:`AUX`."""
    return AUX


def _augmented(weight: float = 1.0) -> LinearEnsembleClassifier:
    fams: list[dict[str, Any]] = [
        {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 1], "C": 10.0},
        {
            "name": "sentikit.word_ngrams.v1",
            "ngram_range": [1, 2],
            "C": 10.0,
            "augment": ["aux-corpus"],
            "augment_weight": weight,
        },
    ]
    return LinearEnsembleClassifier(lang="en", families=fams).initialize(AUX)


def test_augment_learns_words_only_the_auxiliary_corpus_has(
    aux_corpus: None, tiny_corpus: tuple[list[str], list[str]]
) -> None:
    texts, labels = tiny_corpus
    assert not any("superb" in t or "dreadful" in t for t in texts)
    m = _augmented().fit(texts, labels)
    fam = m.families_[1]
    w = m.polarity_weights(1)
    doc = m.to_docs(["superb", "dreadful"])
    # the auxiliary vocabulary is the family's too, with the polarity the auxiliary labels gave
    assert m.decision_docs(doc[:1])[0] > m.decision_docs(doc[1:])[0]
    assert (fam.transform(doc[:1]) @ w)[0] > 0 > (fam.transform(doc[1:]) @ w)[0]
    # a plain family (and a weight of 0 for the auxiliary rows) knows nothing of them
    first = {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 1], "C": 10.0}
    plain = LinearEnsembleClassifier(lang="en", families=[first]).fit(texts, labels)
    assert np.isclose(*plain.decision_docs(doc))
    zero = _augmented(weight=0.0).fit(texts, labels)
    assert np.allclose(zero.families_[1].transform(doc[:1]) @ zero.polarity_weights(1), 0.0)
    # the neutral auxiliary rows (a class the model does not have) were left out
    assert list(m.classes_) == ["negative", "positive"]


def test_augment_keeps_explanations_exact_and_round_trips(
    aux_corpus: None, tiny_corpus: tuple[list[str], list[str]], tmp_path
) -> None:
    m = _augmented().fit(*tiny_corpus)
    doc = m.to_docs(["a superb story , not boring"])[0]
    total = sum(m.token_contributions(doc)) + m.bias_[0]
    total += sum(w * b[0] for w, b in zip(m.weights_, m.intercept_, strict=True))
    assert np.isclose(total, m.decision_docs([doc])[0])
    again = _round_trip(m, tmp_path / "b")
    texts = ["superb", "dreadful film", "great"]
    assert np.allclose(again.predict_proba(texts), m.predict_proba(texts), atol=1e-6)


def test_augment_is_refused_where_it_cannot_apply(
    aux_corpus: None, tiny_corpus: tuple[list[str], list[str]]
) -> None:
    from sentikit.errors import BundleError, InputError

    bad = [{"name": "sentikit.polarity_features.v1", "augment": ["aux-corpus"]}]
    with pytest.raises(BundleError, match="augment"):
        LinearEnsembleClassifier(lang="en", families=bad).fit(*tiny_corpus)
    texts = ["good", "bad", "fine"] * 4
    other = [{"name": "sentikit.word_ngrams.v1", "augment": ["aux-corpus"]}]
    with pytest.raises(InputError, match="no example"):
        model = LinearEnsembleClassifier(lang="en", families=other).initialize(AUX)
        model.fit(texts, ["x", "y", "z"] * 4)


def test_registry_drops_an_augment_corpus_under_evaluation() -> None:
    from sentikit.models.registry import estimator_from_config
    from sentikit.training.resources import banned_by

    fam = {"name": "sentikit.word_ngrams.v1", "augment": ["turkish-movie-reviews"]}
    cfg = {"model": {"name": "sentikit.linear_ensemble.v1", "families": [fam]}}
    kept = estimator_from_config(cfg, "tr", banned_by(["turkish-twitter-sentiment"]))
    assert kept.families[0]["classifier"]["augment"] == ["turkish-movie-reviews"]
    dropped = estimator_from_config(cfg, "tr", banned_by(["turkish-movie-reviews"]))
    assert dropped.families == [{"name": "sentikit.word_ngrams.v1", "weight": 1.0}]
