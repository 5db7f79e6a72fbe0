"""Templates and word lists of the behavioural suite: filling, articles, Turkish suffixes."""

from __future__ import annotations

import re

import pytest

from sentikit.behaviour import build_suite
from sentikit.behaviour import words_tr as tr
from sentikit.behaviour.text import (
    BACK_VOWELS,
    ROUNDED_VOWELS,
    article,
    asciify,
    attach,
    cap_first,
    last_vowel,
    question,
    render,
)

_LEFTOVER = re.compile(r"[{}]|\(y\)|\(n\)|\(s\)|'nom'|'stem'|[a-zçğıöşü][AIDC]")


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_every_template_fills(lang: str) -> None:
    suite = build_suite(lang, 60)
    for t in suite.tests:
        assert t.cases, t.name
        for c in t.cases:
            for x in c.texts:
                assert x and x == x.strip(), (t.name, x)
                assert not _LEFTOVER.search(x), (t.name, x)
                assert "  " not in x, (t.name, x)


@pytest.mark.parametrize(
    ("word", "suffix", "expected"),
    [
        ("güzel", "(y)DI", "güzeldi"), ("kötü", "(y)DI", "kötüydü"),
        ("harika", "(y)DI", "harikaydı"), ("berbat", "(y)DI", "berbattı"),
        ("rezalet", "(y)DI", "rezaletti"), ("sıkıcı", "(y)DI", "sıkıcıydı"),
        ("kâbus", "(y)DI", "kâbustu"), ("leş", "(y)DI", "leşti"),
        ("beğen", "DIm", "beğendim"), ("beğen", "mAdIm", "beğenmedim"),
        ("bayıl", "mAdIm", "bayılmadım"), ("sev", "mAz", "sevmez"),
        ("beğenil", "mAz", "beğenilmez"), ("bık", "DIm", "bıktım"),
        ("nefret et", "DIm", "nefret ettim"), ("nefret et", "IyorIm", "nefret ediyorum"),
        ("sev", "mIyorIm", "sevmiyorum"), ("hoşlan", "IyorIm", "hoşlanıyorum"),
        ("sever", "DIm", "severdim"), ("beğen", "DIğImI", "beğendiğimi"),
        ("bayıl", "DIğImI", "bayıldığımı"), ("tavsiye et", "DIğImI", "tavsiye ettiğimi"),
        ("film", "DAn", "filmden"), ("yemek", "DAn", "yemekten"), ("kitap", "DAn", "kitaptan"),
        ("beş", "DA", "beşte"), ("dört", "DA", "dörtte"), ("altı", "DA", "altıda"),
        ("on", "DA", "onda"),
    ],
)  # fmt: skip
def test_attach_golden(word: str, suffix: str, expected: str) -> None:
    assert attach(word, suffix) == expected


def test_apostrophe_and_question_particle() -> None:
    assert attach("Kars", "DA", True) == "Kars'ta"
    assert attach("Ankara", "DA", True) == "Ankara'da"
    assert attach("Ayşe", "(n)In", True) == "Ayşe'nin"
    assert attach("Ahmet", "(n)In", True) == "Ahmet'in"
    assert attach("Umut", "(y)A", True) == "Umut'a"
    assert question("güzel", "(y)DI") == "güzel miydi"
    assert question("kötü", "(y)DI") == "kötü müydü"
    assert question("berbat", "(y)DI") == "berbat mıydı"
    assert question("beğendim") == "beğendim mi"
    assert question("olumlu") == "olumlu mu"


def _harmonic(stem: str, realized: str) -> bool:
    """The first vowel of a suffix agrees with the stem's last vowel (backness; rounding for
    the four-way vowels ı i u ü)."""
    v = last_vowel(stem)
    s = next((c for c in realized if c in "aeıiuü"), None)
    if v is None or s is None:
        return True
    if (v in BACK_VOWELS) != (s in BACK_VOWELS):
        return False
    if s in "ıiuü":
        return (v in ROUNDED_VOWELS) == (s in "uü")
    return True


@pytest.mark.parametrize("suffix", ["(y)DI", "DA", "DAn", "(n)In", "(y)A", "DIm", "(y)Im"])
def test_vowel_harmony_over_the_word_lists(suffix: str) -> None:
    words = (
        tr.POS_ADJ + tr.NEG_ADJ + tr.NEUTRAL_ADJ + tr.POS_NOUNS + tr.NEG_NOUNS + tr.OBJECTS
        + tr.CITIES + tr.NAMES + [n["nom"] for n in tr.NOUNS] + [v["stem"] for v in tr.VERBS]
    )  # fmt: skip
    for w in words:
        out = attach(w, suffix)
        assert out.startswith(w[:-1]), (w, out)
        assert _harmonic(w, out[len(w) :]), (w, suffix, out)


def test_verb_forms() -> None:
    for v in tr.VERBS:
        neg = attach(v["stem"], "mAdIm")
        assert _harmonic(v["stem"], neg[len(v["stem"]) :]), neg
        assert attach(v["aor"], "DIm").endswith(("rdim", "rdım", "rdum", "rdüm"))
    assert [attach(v["stem"], "mAz") for v in tr.POS_VERBS][:2] == ["beğenmez", "sevmez"]


def test_noun_case_forms_are_harmonic() -> None:
    for n in tr.NOUNS:
        for case in ("acc", "dat", "gen"):
            stem = n["nom"]
            form = n[case]
            # compare with the stem less its last letter (softening: yemek -> yemeği)
            assert form[: len(stem) - 1] == stem[:-1], form
            assert _harmonic(stem, form[len(stem) :] or form[-1]), form


def test_english_articles_and_capitals() -> None:
    assert article("amazing") == "an" and article("great") == "a"
    assert article("hour") == "an" and article("Ukrainian") == "a"
    assert article("Asian person") == "an" and article("European") == "a"
    assert render("{x:A} lives here.", {"x": "atheist"}) == "An atheist lives here."
    assert cap_first("ilginç bir film") == "İlginç bir film"
    assert cap_first("ırmak") == "Irmak"
    assert asciify("Güzel şehir, çok ılık ağaçlar") == "Guzel sehir, cok ilik agaclar"
