"""Three classes, per-text weights and corpus balancing in the linear ensemble."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.errors import InputError
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.models.registry import corpus_weights

POS = ["great fun film", "a lovely warm story", "brilliant and moving", "i loved it"]
NEG = ["dull boring film", "an awful cold story", "stupid and lifeless", "i hated it"]
NEU = ["the film is at five", "the story is set in paris", "it runs two hours", "i saw it"]


def _data() -> tuple[list[str], list[str]]:
    texts = (POS + NEG + NEU) * 4
    labels = (["positive"] * 4 + ["negative"] * 4 + ["neutral"] * 4) * 4
    return texts, labels


def test_three_classes_one_row_per_class() -> None:
    texts, labels = _data()
    clf = LinearEnsembleClassifier(lang="en").fit(texts, labels)
    assert list(clf.classes_) == ["negative", "neutral", "positive"]
    assert all(c.shape[0] == 3 for c in clf.coef_)
    p = clf.predict_proba(["a lovely film", "an awful film", "the film is at six"])
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert list(clf.predict(["a lovely warm film", "boring and awful", "it is set in paris"])) == [
        "positive",
        "negative",
        "neutral",
    ]


def test_uniform_weights_change_nothing() -> None:
    texts, labels = _data()
    a = LinearEnsembleClassifier(lang="en").fit(texts, labels)
    b = LinearEnsembleClassifier(lang="en").fit(texts, labels, [2.0] * len(texts))
    probe = ["a lovely film", "boring", "set in paris"]
    np.testing.assert_allclose(a.predict_proba(probe), b.predict_proba(probe), atol=1e-9)


def test_weights_move_the_model() -> None:
    texts, labels = _data()
    texts += ["meh so so"] * 8
    labels += ["positive", "negative"] * 4
    w = [1.0] * (len(texts) - 8) + [10.0, 1.0] * 4  # the positive "meh" counts ten times
    a = LinearEnsembleClassifier(lang="en").fit(texts, labels)
    b = LinearEnsembleClassifier(lang="en").fit(texts, labels, w)
    probe = ["meh so so"]
    i = list(a.classes_).index("positive")
    assert b.predict_proba(probe)[0, i] > a.predict_proba(probe)[0, i]


def test_bad_weights_rejected() -> None:
    texts, labels = _data()
    with pytest.raises(InputError):
        LinearEnsembleClassifier(lang="en").fit(texts, labels, [1.0] * 3)
    with pytest.raises(InputError):
        LinearEnsembleClassifier(lang="en").fit(texts, labels, [-1.0] * len(texts))


def test_corpus_weights() -> None:
    groups = ["a"] * 100 + ["b"] * 25
    assert corpus_weights(groups, None) is None
    w = corpus_weights(groups, "sqrt")
    assert w is not None
    assert abs(np.mean(w) - 1.0) < 1e-12
    ta, tb = sum(w[:100]), sum(w[100:])
    assert abs(ta / tb - 2.0) < 1e-9  # √100 / √25
    e = corpus_weights(groups, "equal")
    assert e is not None and abs(sum(e[:100]) - sum(e[100:])) < 1e-9
    with pytest.raises(InputError):
        corpus_weights(groups, "cubic")


def test_known_terms() -> None:
    texts, labels = _data()
    clf = LinearEnsembleClassifier(lang="en").fit(texts, labels)
    known = clf.known_terms()
    assert "lovely" in known and "zebra" not in known


def test_source_weights_and_scale() -> None:
    from sentikit.models.registry import source_weights

    cfg = {
        "training": {
            "datasets": [
                {"name": "a"},
                {"name": "news", "as_label": "neutral", "weight": 0.5},
            ]
        }
    }
    scale = source_weights(cfg)
    assert scale == {"news": 0.5}
    groups = ["a"] * 4 + ["news"] * 4
    w = corpus_weights(groups, None, scale)
    assert w is not None
    assert abs(sum(w[:4]) / sum(w[4:]) - 2.0) < 1e-9
    assert abs(np.mean(w) - 1.0) < 1e-12


def test_distant_labels_cut_to_first_sentences() -> None:
    from sentikit.io.datasets import Example
    from sentikit.models.registry import _distant

    ex = [
        Example("Kore uzaya uydu gönderdi. Fırlatma sabah yapıldı.", None, "1"),
        Example("   ", None, "2"),
    ]
    out = _distant(ex, "neutral", 1, {"lang": "tr"})
    assert [(e.text, e.label) for e in out] == [("Kore uzaya uydu gönderdi.", "neutral")]


def test_tie_negation_flips_unseen_negated_words() -> None:
    from sentikit.features.ngrams import NEG_SUFFIX, WordNgrams

    fams = [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "C": 10.0}]
    texts = ["it was good", "it was bad", "it was great", "it was awful"] * 6
    labels = ["positive", "negative"] * 12
    tied = [dict(fams[0], tie_negation=True)]
    a = LinearEnsembleClassifier(lang="en", families=fams, fusion="fixed").fit(texts, labels)
    b = LinearEnsembleClassifier(lang="en", families=tied, fusion="fixed").fit(texts, labels)
    pa, pb = a.predict_proba(["not bad"])[0, 1], b.predict_proba(["not bad"])[0, 1]
    assert pb > 0.5 > pa or pb > pa + 0.2  # "bad" negated now counts as positive
    fam = b.families_[0]
    assert isinstance(fam, WordNgrams)
    assert "bad" + NEG_SUFFIX in fam.units_
    assert np.all(np.diff(fam.keys_) > 0)  # keys stay sorted and unique
    assert b.coef_[0].shape[1] == len(fam.keys_) == len(fam.scale_)
    # the texts of the training data are scored as before (no negated word in them)
    np.testing.assert_allclose(a.predict_proba(texts), b.predict_proba(texts), atol=1e-12)
    # three classes: the positive row of "bad_NEG" is the negative row of "bad"
    c = LinearEnsembleClassifier(lang="en", families=tied, fusion="fixed").fit(
        texts + ["it is at five"] * 6, labels + ["neutral"] * 6
    )
    cf = c.families_[0]
    cols = np.searchsorted(cf.keys_, [cf.units_["bad"] + 1, cf.units_["bad" + NEG_SUFFIX] + 1])
    neg, pos = list(c.classes_).index("negative"), list(c.classes_).index("positive")
    assert c.coef_[0][pos, cols[1]] == c.coef_[0][neg, cols[0]]
