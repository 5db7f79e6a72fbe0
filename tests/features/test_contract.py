"""The model-part contract: a toy family registered, trained, explained and saved in a test.

This is the worked example of ``docs/ARCHITECTURE.md``: a complete feature family in about thirty
lines (counts of exclamation marks and of words ending in a given suffix), registered under a
versioned name and used by the ensemble exactly like the built-in families.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import Resources, registry
from sentikit.doc import Document
from sentikit.features.base import BatchLogits, FeatureFamily, NeedsData
from sentikit.models.linear import LinearEnsembleClassifier


@registry.families.register("tests.shouting.v1")
class Shouting:
    """Two columns: exclamation marks, and words ending in ``suffix`` (per document)."""

    name = "tests.shouting.v1"

    def __init__(self, suffix: str = "ful") -> None:
        self.suffix = suffix

    def _row(self, doc: Document) -> list[float]:
        forms = doc.token_forms()
        return [float(forms.count("!")), float(sum(f.endswith(self.suffix) for f in forms))]

    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        return self.transform(docs)

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> None:
        return None

    def weigh(self, X: sp.csr_matrix, scale: Any) -> sp.csr_matrix:
        return X

    def set_scale(self, scale: Any) -> None:
        pass

    def transform(self, docs: Sequence[Document]) -> sp.csr_matrix:
        return sp.csr_matrix(np.array([self._row(d) for d in docs]).reshape(len(docs), 2))

    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        return [
            float(weights[0] * (f == "!") + weights[1] * f.endswith(self.suffix))
            for f in doc.token_forms()
        ]

    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        return {"name": self.name, "suffix": self.suffix}, {}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> Shouting:
        return cls(suffix=meta["suffix"])


TEXTS = ["wonderful film !", "bad film", "a joyful day", "dull and bad"] * 6
LABELS = ["positive", "negative", "positive", "negative"] * 6


def test_toy_family_satisfies_the_contract() -> None:
    fam = Shouting()
    assert isinstance(fam, FeatureFamily)
    assert not isinstance(fam, BatchLogits)  # an optional ability it does not have
    assert not isinstance(fam, NeedsData)
    assert registry.families.get("tests.shouting.v1") is Shouting


def test_toy_family_trains_explains_and_round_trips() -> None:
    spec = {"name": "tests.shouting.v1", "suffix": "ful", "classifier": {"C": 1.0}}
    clf = LinearEnsembleClassifier(lang="en", families=[spec], fusion="fixed")
    clf.fit(TEXTS, LABELS)
    assert list(clf.predict(["a joyful evening !"])) == ["positive"]
    doc = clf.to_docs(["joyful !"])[0]
    contrib = clf.token_contributions(doc)
    assert len(contrib) == 2 and all(c > 0 for c in contrib)
    meta, arrays = clf.to_state()
    back = LinearEnsembleClassifier.from_state(meta, arrays)
    # coefficients are stored as float32
    np.testing.assert_allclose(back.predict_proba(TEXTS), clf.predict_proba(TEXTS), rtol=1e-6)


def test_unknown_family_names_the_known_ones() -> None:
    clf = LinearEnsembleClassifier(lang="en", families=[{"name": "tests.nothing.v1"}])
    with pytest.raises(Exception, match="known: .*sentikit.word_ngrams.v1"):
        clf.fit(TEXTS, LABELS)


def test_registry_refuses_unversioned_and_taken_names() -> None:
    with pytest.raises(ValueError, match="form"):
        registry.families.register("Shouting")
    with pytest.raises(ValueError, match="already registered"):

        @registry.families.register("tests.shouting.v1")
        class Other:  # noqa: F841 - the decorator must refuse
            pass


def test_data_is_handed_in_never_fetched() -> None:
    """A family that needs an auxiliary corpus gets a clear error without resources, and the
    ensemble lists what it needs for the training entry point to resolve."""
    spec = {"name": "sentikit.transfer.v1", "datasets": ["some-corpus:train"], "C": 1.0}
    clf = LinearEnsembleClassifier(lang="en", families=[spec])
    assert [(r.kind, r.spec) for r in clf.data_needs()] == [("labelled", "some-corpus:train")]
    with pytest.raises(Exception, match="was not resolved"):
        clf.initialize(Resources()).fit(TEXTS, LABELS)


def test_unknown_setting_names_the_family_and_its_settings() -> None:
    spec = {"name": "tests.shouting.v1", "sufix": "ful"}
    with pytest.raises(Exception, match=r"tests.shouting.v1: unknown settings \['sufix'\].*suffix"):
        LinearEnsembleClassifier(lang="en", families=[spec]).fit(TEXTS, LABELS)


def test_flat_and_block_classifier_settings_are_the_same_model() -> None:
    flat = {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "classifier": "svm", "C": 3}
    block = {
        "name": "sentikit.word_ngrams.v1",
        "ngram_range": [1, 2],
        "classifier": {"kind": "svm", "C": 3},
    }
    a = LinearEnsembleClassifier(lang="en", families=[flat]).fit(TEXTS, LABELS)
    b = LinearEnsembleClassifier(lang="en", families=[block]).fit(TEXTS, LABELS)
    np.testing.assert_array_equal(a.predict_proba(TEXTS), b.predict_proba(TEXTS))
