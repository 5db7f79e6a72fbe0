"""The n-gram feature families."""

from __future__ import annotations

import numpy as np

from sentikit.doc import Document, Token
from sentikit.features.batch import token_terms
from sentikit.features.char_ngrams import CharNgrams, char_wb_ngrams
from sentikit.features.word_ngrams import WordNgrams


def _doc(words: list[str], negated: set[int] = frozenset()) -> Document:  # type: ignore[assignment]
    toks, pos = [], 0
    for i, w in enumerate(words):
        toks.append(Token(text=w, start=pos, end=pos + len(w), norm=w, negated=i in negated))
        pos += len(w) + 1
    return Document(text=" ".join(words), tokens=toks)


def test_char_wb_matches_sklearn() -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    cv = CountVectorizer(analyzer="char_wb", ngram_range=(1, 4), lowercase=False).fit(["güzel"])
    assert sorted(set(char_wb_ngrams("güzel", 1, 4))) == sorted(cv.vocabulary_)


def test_negation_marks() -> None:
    assert token_terms(_doc(["not", "good"], {1})) == ["not", "good_NEG"]


def test_word_ngrams_nb_scaling_sign() -> None:
    docs = [_doc(["good", "film"]), _doc(["bad", "film"])] * 3
    y = np.array(["positive", "negative"] * 3)
    fam = WordNgrams(ngram_range=(1, 2))
    X = fam.fit_transform(docs, y)
    v = {t: j for j, t in enumerate(fam.vocabulary())}
    assert fam.scale_[v["good"]] > 0 > fam.scale_[v["bad"]]
    assert np.isclose(fam.scale_[v["film"]], 0.0)
    assert "good film" in v and X.shape[1] == len(v)
    assert np.allclose(np.sqrt(X.multiply(X).sum(axis=1)), 1.0)


def test_char_ngrams_unseen_word_and_cache() -> None:
    docs = [_doc(["güzel"]), _doc(["kötü"]), _doc(["güzel", "film"])]
    fam = CharNgrams(ngram_range=(2, 3), min_df=1).fit(docs, np.array(["positive"] * 3))
    X = fam.transform([_doc(["güzelmiş"]), _doc([])])
    assert X.shape[0] == 2 and X[0].nnz > 0 and X[1].nnz == 0
    w = np.ones(X.shape[1])
    contrib = fam.token_contributions(_doc(["güzel", "film"]), w)
    assert np.isclose(sum(contrib), fam.transform([_doc(["güzel", "film"])]).sum())


def test_state_round_trip() -> None:
    docs = [_doc(["good", "film"]), _doc(["bad", "film"])] * 2
    y = np.array(["positive", "negative"] * 2)
    for fam in (WordNgrams(), CharNgrams(min_df=1)):
        fam.fit(docs, y)
        meta, arrays = fam.to_state()
        again = type(fam).from_state(meta, arrays)
        assert (again.transform(docs) != fam.transform(docs)).nnz == 0


def test_prefix_stems_share_units_and_survive_the_bundle() -> None:
    from sentikit.features.batch import TokenBatch
    from sentikit.features.word_ngrams import prefix_stem
    from sentikit.lang import get_processor

    assert prefix_stem("güzeldi", 5) == "güzel" and prefix_stem("iyi", 5) == "iyi"
    assert prefix_stem("beğenmedim_NEG", 5) == "beğen_NEG" and prefix_stem("10/10", 2) == "10/10"
    proc = get_processor("tr")
    docs = proc.make_docs(["film çok güzeldi", "filmi beğenmedim", "güzelliği yok", "kötüydü"])
    y = np.array(["positive", "negative", "negative", "negative"])
    fam = WordNgrams(ngram_range=(1, 2), prefix=5)
    X = fam.fit_transform(docs, y)
    assert "güzel" in fam.units_ and "güzeldi" not in fam.units_
    new = proc.make_docs(["güzelce bir film"])  # unseen form, known stem
    assert fam.transform(new).nnz > 0
    batch = TokenBatch(docs)
    assert np.allclose(fam.transform_batch(batch).toarray(), X.toarray())
    meta, arrays = fam.to_state()
    back = WordNgrams.from_state(meta, arrays)
    assert back.prefix == 5
    assert np.allclose(back.transform(new).toarray(), fam.transform(new).toarray())
