"""The model prior: the shipped model as a feature family of a user's model (no corpora needed)."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.components import DataRef, Resources
from sentikit.features.prior import ModelPrior
from sentikit.models import registry
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.training.resources import build_estimator, resolve

TEXTS = [
    "the battery died after two days",
    "great screen and fast delivery",
    "the case cracked, very poor quality",
    "works perfectly, I love it",
] * 8
LABELS = ["negative", "positive", "negative", "positive"] * 8


def _user_config() -> dict:
    return registry.load_config(registry.CONFIG_DIR / "en-user.json")


def test_user_configuration_needs_no_corpus_and_learns() -> None:
    cfg = _user_config()
    est = LinearEnsembleClassifier(lang="en", families=cfg["model"]["families"])
    assert [r.kind for r in est.data_needs()] == ["model"]  # the shipped bundle, nothing else
    est = build_estimator(cfg, "en").fit(TEXTS, LABELS)
    assert list(est.classes_) == ["negative", "positive"]
    assert list(est.predict(["poor quality, it cracked", "fast and great"])) == [
        "negative",
        "positive",
    ]


def test_prior_features_are_the_shipped_logits_and_contributions_add_up() -> None:
    data = resolve([DataRef("model", "shipped")], "en")
    fam = ModelPrior(model="shipped", lang="en")
    fam.initialize(data)
    shipped = data.model("shipped").model
    docs = shipped.to_docs(["a wonderful, moving film", "dull and far too long"])
    X = fam.fit_counts(docs).toarray()
    np.testing.assert_allclose(X, shipped.decision_docs(docs))
    classes = list(shipped.classes_)
    w = np.zeros(X.shape[1])  # the prior's positive-minus-negative direction
    w[classes.index("positive")], w[classes.index("negative")] = 1.0, -1.0
    for doc in docs:
        np.testing.assert_allclose(
            fam.token_contributions(doc, w), shipped.token_contributions(doc), atol=1e-9
        )


def test_prior_state_is_self_contained(tmp_path) -> None:
    from sentikit.io.bundle import save_bundle

    est = build_estimator(_user_config(), "en").fit(TEXTS, LABELS)
    meta, arrays = est.to_state()
    save_bundle(tmp_path / "m", {"name": "m", "version": "1.0.0", "lang": "en"}, meta, arrays)
    _, back = registry.load_model(tmp_path / "m")
    probe = ["the battery died", "love the screen"]
    np.testing.assert_allclose(back.predict_proba(probe), est.predict_proba(probe), rtol=1e-5)
    # the nested model's vocabularies went to vocab.json.gz, not model.json
    assert (tmp_path / "m" / "model.json").stat().st_size < 200_000


def test_prior_without_its_model_is_a_clear_error() -> None:
    fam = ModelPrior()
    with pytest.raises(Exception, match="not resolved"):
        fam.initialize(Resources())
