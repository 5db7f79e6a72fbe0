"""Every feature family decomposes exactly: a small model with all of them, three classes.

Word n-grams (plain and prefix-stemmed), character n-grams, polarity features (every source,
``extras``, ``positions``), transfer, the Turkish morpheme family and the embedding family,
plus a family without the ``decompose`` ability whose token contributions leave part of its
score unexplained, and the model prior family over a model with all of them:
``intercept + tokens_total + Σ other = total`` to 1e-6 on random texts, ``total`` being the
fused decision ``z[positive] − z[negative]``. A binary model and an ordinal one (labels
``1``–``4``) read out their own polarity directions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import Corpus, DataRef, Lexicon, ModelData, Resources, registry
from sentikit.doc import Document
from sentikit.features.base import Decomposable
from sentikit.models.decomposition import polarity_direction, quantity_name, source_labels
from sentikit.models.linear import LinearEnsembleClassifier

POS = [
    "film çok güzeldi , bayıldım",
    "harika bir ürün , çok memnunum !",
    "oyunculuk mükemmel ve müzikler güzel",
    "kargo hızlı geldi , teşekkürler :)",
    "bu kitabı çok sevdim",
    "muhteşem bir gün , harika insanlar",
]
NEG = [
    "film hiç güzel değildi , sıkıldım",
    "berbat bir ürün , hiç memnun kalmadım",
    "oyunculuk kötü ve müzikler sıkıcı",
    "kargo çok geç geldi :(",
    "bu kitabı hiç sevmedim",
    "rezalet bir gün , kötü insanlar",
]
NEU = [
    "film saat sekizde başlıyor",
    "ürün kutusunda geldi",
    "kitap üç bölümden oluşuyor",
    "kargo yarın gelecek",
    "toplantı salı günü",
    "bugün hava bulutlu",
]
TEXTS = (POS + NEG + NEU) * 3
LABELS = (["positive"] * 6 + ["negative"] * 6 + ["neutral"] * 6) * 3

AUX = ["harika güzel", "berbat kötü", "çok güzel bir film", "hiç sevmedim", "mükemmel"] * 4
AUX_LABELS = ["positive", "negative", "positive", "negative", "positive"] * 4
RESOURCES = Resources(
    {
        DataRef("labelled", "aux"): Corpus.of("aux", AUX, AUX_LABELS),
        DataRef("lexicon", "lex"): Lexicon.of(
            "lex", {"güzel": 1.0, "harika": 2.0, "kötü": -1.5, "berbat": -2.0, "sev": 0.5}
        ),
    }
)


@registry.families.register("tests.exclaim_and_length.v1")
class ExclaimAndLength:
    """Two columns: exclamation marks, and the document's length in tokens / 10. Its token
    contributions give each ``!`` its share and nothing for the length, and it has no
    ``decompose``: the ensemble puts what they leave under ``…:unattributed``."""

    name = "tests.exclaim_and_length.v1"

    def _row(self, doc: Document) -> list[float]:
        forms = doc.token_forms()
        return [float(forms.count("!")), len(forms) / 10.0]

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
        return [float(weights[0]) * (f == "!") for f in doc.token_forms()]

    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        return {"name": self.name}, {}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> Any:
        return cls()


FAMILIES: list[dict[str, Any]] = [
    {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 3], "classifier": {"C": 10.0}},
    {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "prefix": 5},
    {"name": "sentikit.char_ngrams.v1", "ngram_range": [1, 4], "min_df": 1},
    {
        "name": "sentikit.polarity_features.v1",
        "sources": ["supervised", "cooccurrence", "combined", "lexicon", "transfer"],
        "lexicons": ["lex"],
        "transfer": ["aux"],
        "cooc_min_count": 1,
        "extras": True,
        "positions": True,
        "lang": "tr",
    },
    {"name": "sentikit.transfer.v1", "datasets": ["aux"], "lang": "tr", "min_df": 1},
    {"name": "sentikit.morph_forms.v1", "form": "root", "tags": True, "min_df": 1},
    {"name": "sentikit.embedding_mean.v1", "dim": 4, "window": 3, "min_count": 1},
    {"name": "tests.exclaim_and_length.v1"},
]


def salads(n: int, seed: int = 7) -> list[str]:
    """``n`` reproducible word salads over the training words, unknown words and marks."""
    rng = random.Random(seed)
    words = sorted({w for t in TEXTS + AUX for w in t.split()})
    pool = words + ["xqzj", "değil", "hiç", "!", "!!!", "?", ",", "😀", "12"] * 3
    return [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 18))) for _ in range(n)]


@pytest.fixture(scope="module")
def model() -> LinearEnsembleClassifier:
    est = LinearEnsembleClassifier(lang="tr", families=FAMILIES).initialize(RESOURCES)
    return est.fit(TEXTS, LABELS)


def _worst(est: LinearEnsembleClassifier, texts: list[str]) -> tuple[float, set[str]]:
    """The largest identity error and the ``other`` sources over ``texts``; checks ``total``
    against the fused decision."""
    docs = est.to_docs(texts)
    fused = np.asarray(est.decision_docs(docs)).reshape(len(docs), -1)
    u = est.polarity_direction()
    worst, sources = 0.0, set()
    for d, z in zip(docs, fused, strict=True):
        ex = est.explain_decision(d)
        assert abs(ex["total"] - float(u @ z)) < 1e-9
        parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
        worst = max(worst, abs(parts - ex["total"]))
        sources |= set(ex["other"])
    return worst, sources


def test_every_builtin_family_decomposes(model: LinearEnsembleClassifier) -> None:
    names = [f.name for f in model.families_]
    assert len(names) == len(FAMILIES)
    for fam in model.families_:
        assert isinstance(fam, Decomposable) == (fam.name != "tests.exclaim_and_length.v1")


def test_identity_with_every_family(model: LinearEnsembleClassifier) -> None:
    worst, sources = _worst(model, TEXTS[:18] + salads(200))
    assert worst < 1e-6, worst
    assert sources == {
        "polarity_features:standardization",
        "transfer:intercept",
        "tests.exclaim_and_length:unattributed",
    }


def test_family_parts_add_up_to_each_family_score(model: LinearEnsembleClassifier) -> None:
    """Family by family: token shares + other parts = ``transform([doc]) @ weights``."""
    u = model.polarity_direction()
    for d in model.to_docs(salads(40, seed=11)):
        for k, fam in enumerate(model.families_):
            if not isinstance(fam, Decomposable):
                continue
            w = model.family_weights(k, u)
            X = fam.transform([d])
            row = X.toarray()[0] if sp.issparse(X) else np.asarray(X)[0]
            shares, other = fam.decompose(d, w)
            assert len(shares) == len(d.tokens)
            got = float(np.sum(shares)) + sum(other.values())
            assert abs(got - float(row @ w)) < 1e-9, (fam.name, d.text)


def test_polarity_shares_count_known_tokens_only(model: LinearEnsembleClassifier) -> None:
    """The positive/negative share features divide by the tokens the vocabulary has: an
    unknown word in the text changes neither the feature nor the explanation's sum."""
    k = [f.name for f in model.families_].index("sentikit.polarity_features.v1")
    fam, w = model.families_[k], model.polarity_weights(k)
    assert isinstance(fam, Decomposable)
    for text in ("xqzj güzel film", "güzel film", "xqzj yyyy zzzz harika kötü"):
        d = model.to_docs([text])[0]
        shares, other = fam.decompose(d, w)
        assert abs(shares.sum() + sum(other.values()) - float(fam.transform([d])[0] @ w)) < 1e-9


def test_a_user_model_with_the_model_prior(model: LinearEnsembleClassifier) -> None:
    """The model prior family (a trained model's logits as features, as ``sentikit train
    --data`` uses the shipped model) decomposes through the prior's own decomposition."""
    prior = Resources({DataRef("model", "toy"): ModelData("toy", model, "toy")})
    fams: list[dict[str, Any]] = [
        {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2]},
        {"name": "sentikit.model_prior.v1", "model": "toy", "lang": "tr"},
    ]
    user = LinearEnsembleClassifier(lang="tr", families=fams).initialize(prior)
    user.fit(TEXTS, LABELS)
    worst, sources = _worst(user, salads(100, seed=3))
    assert worst < 1e-6, worst
    assert sources == {
        "model_prior:intercept",
        "model_prior:polarity_features:standardization",
        "model_prior:transfer:intercept",
        "model_prior:tests.exclaim_and_length:unattributed",
    }


def test_binary_and_ordinal_models_read_out_their_own_direction() -> None:
    texts = POS + NEG
    binary = LinearEnsembleClassifier(lang="tr", families=FAMILIES[:3]).fit(
        texts * 3, (["positive"] * 6 + ["negative"] * 6) * 3
    )
    assert binary.polarity_direction().tolist() == [1.0]
    worst, _ = _worst(binary, salads(60))
    assert worst < 1e-6
    ex = binary.explain_decision(binary.to_docs(["harika"])[0])
    p = binary.predict_proba(["harika"])[0]
    assert abs(ex["total"] - np.log(p[1] / p[0])) < 1e-9
    ordinal = LinearEnsembleClassifier(lang="tr", families=FAMILIES[:2]).fit(
        (POS + NEG + NEU + POS) * 2, (["4"] * 6 + ["1"] * 6 + ["2"] * 6 + ["3"] * 6) * 2
    )
    assert ordinal.polarity_direction().tolist() == [-0.5, -0.5, 0.5, 0.5]
    assert ordinal.explain_decision(ordinal.to_docs(["harika"])[0])["quantity"] == (
        "log geometric mean of P(3), P(4) / geometric mean of P(1), P(2)"
    )
    worst, _ = _worst(ordinal, salads(60))
    assert worst < 1e-6


def test_another_direction_decomposes_too(model: LinearEnsembleClassifier) -> None:
    """The logit of neutral against the mean of the others, say: same identity."""
    classes = [str(c) for c in model.classes_]
    u = np.array([1.0 if c == "neutral" else -0.5 for c in classes])
    for d in model.to_docs(salads(30, seed=5)):
        ex = model.explain_decision(d, direction=u)
        z = np.asarray(model.decision_docs([d]))[0]
        assert abs(ex["total"] - float(u @ z)) < 1e-9
        parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
        assert abs(parts - ex["total"]) < 1e-6


def test_helpers() -> None:
    assert polarity_direction(["negative", "neutral", "positive"], 3).tolist() == [-1, 0, 1]
    assert polarity_direction(["positive", "negative"], 1).tolist() == [-1.0]
    assert polarity_direction(["negative", "positive"], 1).tolist() == [1.0]
    assert quantity_name(["negative", "neutral", "positive"]) == "log P(positive) / P(negative)"

    class F:
        def __init__(self, name: str) -> None:
            self.name = name

    fams: Any = [F("sentikit.word_ngrams.v1"), F("x.y.v2"), F("sentikit.word_ngrams.v1")]
    assert source_labels(fams) == ["word_ngrams", "x.y", "word_ngrams#2"]


def test_weights_cache_follows_a_refit(model: LinearEnsembleClassifier) -> None:
    w = model.polarity_weights(0)
    assert model.polarity_weights(0) is w  # kept
    np.testing.assert_array_equal(w, model.coef_[0][2] - model.coef_[0][0])
    refit = LinearEnsembleClassifier(lang="tr", families=FAMILIES[:1]).fit(TEXTS, LABELS)
    first = refit.polarity_weights(0)
    refit.fit(TEXTS[:36], LABELS[:36])
    assert refit.polarity_weights(0) is not first
    np.testing.assert_array_equal(refit.polarity_weights(0), refit.coef_[0][2] - refit.coef_[0][0])
