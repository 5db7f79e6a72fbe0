"""Tests for the word-score sources and document polarity features."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sentikit.components import DataRef
from sentikit.errors import InputError, ResourceMissingError
from sentikit.features.polarity import (
    PolarityFeatures,
    binary_target,
    combine_scores,
    cooccurrence_term_scores,
    supervised_scores,
)
from sentikit.lang import get_processor
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.training.resources import resolve


@pytest.fixture(scope="module")
def docs_y(tiny_corpus: tuple[list[str], list[str]]) -> tuple[list, np.ndarray]:
    texts, labels = tiny_corpus
    return get_processor("en").make_docs(texts + ["not good"]), np.array(labels + ["negative"])


def test_combination_rule_of_methods_section_3() -> None:
    u = np.array([0.5, -0.5, np.nan, 1.0, np.nan])
    d = np.array([1.0, 1.0, -2.0, np.nan, np.nan])
    c = combine_scores(u, d, alpha=0.2)
    np.testing.assert_allclose(c[:4], [0.2 * 0.5 + 0.8, 0.8, -2.0, 0.0])
    assert np.isnan(c[4])
    np.testing.assert_allclose(combine_scores(u, d, alpha=0.0)[:3], [1.0, 1.0, -2.0])


def test_binary_target_for_polar_and_ordinal_labels() -> None:
    pos, neg = binary_target(np.array(["positive", "neutral", "negative"]))
    assert pos.tolist() == [True, False, False] and neg.tolist() == [False, False, True]
    pos, neg = binary_target(np.array(["0", "1", "2", "3", "4"]))
    assert pos.tolist() == [False, False, False, True, True]
    assert neg.tolist() == [True, True, False, False, False]


@pytest.mark.parametrize("scheme", ["delta_idf", "nb", "bm25_delta"])
def test_supervised_schemes_point_the_right_way(docs_y: tuple, scheme: str) -> None:
    docs, y = docs_y
    fam = PolarityFeatures(scheme=scheme)
    X = fam.fit_counts(docs)
    s = supervised_scores(X, y, scheme)
    assert s[fam.vocab_["great"]] > 0 > s[fam.vocab_["boring"]]
    with pytest.raises(InputError):
        supervised_scores(X, y, "tfidf-ish")


def test_features_separate_classes_and_negation_is_its_own_term(docs_y: tuple) -> None:
    docs, y = docs_y
    fam = PolarityFeatures(sources=["supervised", "cooccurrence", "combined"], extras=True)
    fam.fit(docs, y)
    assert "good_NEG" in fam.vocab_
    F = fam.transform(docs)
    assert F.shape == (len(docs), 3 * 5) and len(fam.feature_names()) == 15
    mean_col = fam.feature_names().index("doc:supervised:mean")
    assert F[y == "positive", mean_col].min() > F[y == "negative", mean_col].max() - 1e-9


def test_empty_and_unknown_documents_get_zero_statistics(docs_y: tuple) -> None:
    docs, y = docs_y
    fam = PolarityFeatures().fit(docs, y)
    raw = fam._features(
        fam._counts(get_processor("en").make_docs(["", "zzzz qqqq"])), fam.scale_.scores
    )
    assert not raw.any()


def test_cooccurrence_scores_follow_the_seeds() -> None:
    units = [["good", "nice", "film"]] * 4 + [["bad", "awful", "film"]] * 4
    s = cooccurrence_term_scores(units, "en", window=2, min_count=1)
    assert s["nice"] > 0 > s["awful"]
    assert cooccurrence_term_scores([["x", "y"]], "en") == {}


def test_lexicon_words_score_words_no_training_text_holds(tmp_path: Path, docs_y: tuple) -> None:
    docs, y = docs_y
    lex = tmp_path / "lex.tsv"
    lex.write_text(
        "term\tscore\tstd\tcount\tsource\ngood\t1\t0\t1\tt\nabhorred\t-1\t0\t1\tt\n",
        encoding="utf-8",
    )
    refs = resolve([DataRef("lexicon", str(lex))])
    base = PolarityFeatures(sources=["supervised", "lexicon"], lexicons=[str(lex)])
    wide = PolarityFeatures(
        sources=["supervised", "lexicon"], lexicons=[str(lex)], lexicon_words=True
    )
    for fam in (base, wide):
        fam.initialize(refs)
        fam.fit(docs, y)
    assert "abhorred" not in base.vocab_
    scores = wide.term_scores()
    j = wide.vocab_["abhorred"]
    assert scores[f"lexicon:{lex}"][j] == -1.0
    assert scores[f"lexicon:{lex}"][wide.vocab_["abhorred_NEG"]] == 1.0
    assert np.isnan(scores["supervised"][j])  # only the lexicon scores an unseen word
    # training is unchanged: the documents it saw get the same features
    np.testing.assert_allclose(base.transform(docs), wide.transform(docs))
    probe = get_processor("en").make_docs(["i abhorred the film"])
    assert not np.allclose(base.transform(probe), wide.transform(probe))
    again = PolarityFeatures.from_state(*wide.to_state())
    np.testing.assert_allclose(again.transform(probe), wide.transform(probe))


def test_lexicon_source_flips_negated_terms(tmp_path: Path, docs_y: tuple) -> None:
    docs, y = docs_y
    lex = tmp_path / "lex.tsv"
    lex.write_text("term\tscore\tstd\tcount\tsource\ngood\t1.5\t0\t1\ttest\n", encoding="utf-8")
    fam = PolarityFeatures(sources=["lexicon"], lexicons=[str(lex)])
    with pytest.raises(ResourceMissingError, match="not resolved"):  # data is handed in
        fam.fit(docs, y)
    fam.initialize(resolve([DataRef("lexicon", str(lex))]))
    fam.fit(docs, y)
    scores = fam.term_scores()[f"lexicon:{lex}"]
    assert scores[fam.vocab_["good_NEG"]] == -1.5
    assert np.isnan(scores[fam.vocab_["film"]])
    with pytest.raises(InputError):
        PolarityFeatures(sources=["lexicon"]).fit(docs, y)
    with pytest.raises(InputError, match="not found"):
        resolve([DataRef("lexicon", str(tmp_path / "no.tsv"))])


def test_token_contributions_sum_to_the_feature_logit(docs_y: tuple) -> None:
    docs, y = docs_y
    fam = PolarityFeatures(sources=["supervised", "combined"], extras=True, positions=True)
    fam.fit(docs, y)
    w = np.random.default_rng(0).normal(size=len(fam.feature_names()))
    for d in docs[:5] + [docs[-1]]:
        raw = fam._features(fam._counts([d]), fam.scale_.scores)[0]
        assert sum(fam.token_contributions(d, w)) == pytest.approx(
            float(raw @ (w / fam.scale_.std)), abs=1e-9
        )


def test_state_round_trip(docs_y: tuple) -> None:
    docs, y = docs_y
    fam = PolarityFeatures(sources=["supervised", "cooccurrence"]).fit(docs, y)
    meta, arrays = fam.to_state()
    back = PolarityFeatures.from_state(meta, arrays)
    np.testing.assert_allclose(back.transform(docs), fam.transform(docs), atol=1e-5)


def test_family_inside_the_ensemble(tiny_corpus: tuple[list[str], list[str]]) -> None:
    texts, labels = tiny_corpus
    fams = [
        {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "C": 10.0},
        {"name": "sentikit.polarity_features.v1", "sources": ["supervised"], "C": 1.0},
    ]
    clf = LinearEnsembleClassifier(lang="en", families=fams).fit(texts, labels)
    assert clf.predict(["a great film", "a boring film"]).tolist() == ["positive", "negative"]
    svm = [dict(f, classifier="svm") for f in fams]
    clf2 = LinearEnsembleClassifier(lang="en", families=svm).fit(texts, labels)
    assert clf2.predict(["great fun"])[0] == "positive"
    p = clf2.predict_proba(["great fun"])[0]
    assert 0.5 < p[list(clf2.classes_).index("positive")] < 1.0
