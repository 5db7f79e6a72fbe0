from __future__ import annotations

import pytest

from sentikit.lang.tr.normalize import (
    URL_PLACEHOLDER,
    fold_diacritics,
    has_turkish_letters,
    normalize_token,
    squeeze_candidates,
    squeeze_repeats,
    tr_capitalize,
    tr_lower,
    tr_upper,
)


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("İSTANBUL", "istanbul"),
        ("IĞDIR", "ığdır"),
        ("ISPARTA İZMİR", "ısparta izmir"),
        ("ÇĞÖŞÜ", "çğöşü"),
        ("i\u0307stanbul", "istanbul"),  # naive "İ".lower() output is repaired
        ("I\u0307STANBUL", "istanbul"),  # decomposed İ
        ("", ""),
    ],
)
def test_tr_lower(text: str, lower: str) -> None:
    assert tr_lower(text) == lower


def test_naive_lower_differs_and_is_repaired() -> None:
    naive = "İSTANBUL".lower()
    assert naive != "istanbul" and tr_lower(naive) == "istanbul"


@pytest.mark.parametrize(
    ("text", "upper"),
    [("istanbul", "İSTANBUL"), ("ığdır", "IĞDIR"), ("çiçek", "ÇİÇEK"), ("i\u0307", "İ")],
)
def test_tr_upper(text: str, upper: str) -> None:
    assert tr_upper(text) == upper
    assert tr_lower(tr_upper(text)) == tr_lower(text)


def test_capitalize_and_fold() -> None:
    assert tr_capitalize("istanbul") == "İstanbul"
    assert tr_capitalize("ırmak") == "Irmak"
    assert fold_diacritics("Çok güzel, sıkıcı değil ÖĞÜŞİ") == "Cok guzel, sikici degil OGUSI"
    assert has_turkish_letters("güzel") and not has_turkish_letters("guzel")


@pytest.mark.parametrize(
    ("word", "squeezed"),
    [
        ("güzeeeel", "güzel"),
        ("çoooook", "çok"),
        ("harikaaaa", "harika"),
        ("saat", "saat"),
        ("dikkat", "dikkat"),
        ("yaaaaa", "ya"),
        ("ok", "ok"),
        ("1000", "1000"),
        ("!!!!", "!!!!"),
    ],
)
def test_squeeze_repeats(word: str, squeezed: str) -> None:
    assert squeeze_repeats(word) == squeezed


def test_squeeze_tries_doubles_when_validated() -> None:
    assert squeeze_candidates("saaaat") == ["sat", "saat"]
    assert squeeze_repeats("saaaat", is_valid=lambda w: w == "saat") == "saat"
    assert squeeze_repeats("saaaat", is_valid=lambda w: False) == "sat"
    cands = squeeze_candidates("diiikkkkat")
    assert cands[0] == "dikat" and "dikkat" in cands and len(cands) == 4


@pytest.mark.parametrize(
    ("text", "kind", "norm"),
    [
        ("Güzeeeel", "word", "güzel"),
        ("ÇOOOOK", None, "çok"),
        ("HÂLÂ", "word", "hala"),
        ("’DA", "suffix", "'da"),
        ("#İyiFilm", "hashtag", "#iyifilm"),
        ("@TurkTelekom", "mention", "@turktelekom"),
        ("https://www.beyazperde.com/film", None, URL_PLACEHOLDER),
        (":-)))", "emoticon", ":)"),
        (":DDD", None, ":D"),
        ("XD", None, "xd"),
        ("<333", None, "<3"),
        ("👍🏽", "emoji", "👍"),
        ("!!!!!!", "punct", "!!!"),
        ("…", "punct", "..."),
        ("%50", None, "%50"),
    ],
)
def test_normalize_token(text: str, kind: str | None, norm: str) -> None:
    assert normalize_token(text, kind) == norm


def test_normalize_token_empty() -> None:
    assert normalize_token("") == ""
