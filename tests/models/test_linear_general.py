"""Three classes, per-text weights and corpus balancing in the linear ensemble."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.errors import InputError
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.training.data import corpus_weights

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
    from sentikit.training.data import source_weights

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
    from sentikit.training.data import _distant

    ex = [
        Example("Kore uzaya uydu gönderdi. Fırlatma sabah yapıldı.", None, "1"),
        Example("   ", None, "2"),
    ]
    out = _distant(ex, "neutral", 1, {"lang": "tr"})
    assert [(e.text, e.label) for e in out] == [("Kore uzaya uydu gönderdi.", "neutral")]


def _with_binary_corpus() -> tuple[list[str], list[str], list[bool]]:
    """The three-class data plus a binary corpus whose texts are mostly plain facts
    (labelled by the polarity of the review they came from)."""
    texts, labels = _data()
    facts = ["the film is in colour", "the story is two hours", "it is set in rome"] * 6
    texts += facts
    labels += ["positive", "negative", "positive"] * 6
    return texts, labels, [False] * (len(texts) - len(facts)) + [True] * len(facts)


def test_polar_only_rows_do_not_teach_not_neutral() -> None:
    texts, labels, polar = _with_binary_corpus()
    plain = LinearEnsembleClassifier(lang="en").fit(texts, labels)
    partial = LinearEnsembleClassifier(lang="en").fit(texts, labels, polar_only=polar)
    j = list(plain.classes_).index("neutral")
    probe = ["the film is in colour", "it is set in rome"]
    assert (partial.predict_proba(probe)[:, j] > plain.predict_proba(probe)[:, j]).all()
    # the polarity decision still learns from them: positive above negative for the fact
    # that was labelled positive every time
    p = partial.predict_proba(["it is set in rome"])[0]
    classes = list(partial.classes_)
    assert p[classes.index("positive")] > p[classes.index("negative")]


@pytest.mark.parametrize("kind", ["lr", "svm"])
def test_polar_only_all_false_is_plain_training(kind: str) -> None:
    texts, labels = _data()
    fam = [{"name": "sentikit.word_ngrams.v1", "classifier": {"kind": kind}, "weight": 1.0}]
    a = LinearEnsembleClassifier(lang="en", families=fam).fit(texts, labels)
    b = LinearEnsembleClassifier(lang="en", families=fam).fit(
        texts, labels, polar_only=[False] * len(texts)
    )
    probe = ["a lovely film", "boring", "set in paris"]
    np.testing.assert_allclose(a.predict_proba(probe), b.predict_proba(probe), atol=1e-9)


def test_polar_only_rows_from_the_configuration() -> None:
    from sentikit.training.data import fit_options

    groups = ["a", "a", "b", "b"]
    labels = ["positive", "neutral", "positive", "negative"]
    cfg = {"training": {"binary_corpora": "polarity"}}
    assert list(fit_options(cfg, labels, groups)["polar_only"]) == [False, False, True, True]
    assert "polar_only" not in fit_options({"training": {}}, labels, groups)
    with pytest.raises(InputError):
        fit_options({"training": {"binary_corpora": "nope"}}, labels, groups)
