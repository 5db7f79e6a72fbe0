from __future__ import annotations

import importlib
import re

import pytest

from sentikit.errors import InputError
from sentikit.lang import chunks
from sentikit.lang.tr.tokenize import KINDS, token_kind, token_rows, tokenize

tr_tokenize = importlib.import_module("sentikit.lang.tr.tokenize")


def pairs(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.kind in KINDS
        assert t.norm is not None
    return [(t.text, t.kind) for t in toks]


def test_words_and_punct() -> None:
    assert pairs("Film güzeldi, ama uzun!") == [
        ("Film", "word"),
        ("güzeldi", "word"),
        (",", "punct"),
        ("ama", "word"),
        ("uzun", "word"),
        ("!", "punct"),
    ]


@pytest.mark.parametrize("apos", ["'", "’", "‘"])
def test_apostrophe_suffix(apos: str) -> None:
    assert pairs(f"Ankara{apos}da 3{apos}te") == [
        ("Ankara", "word"),
        (f"{apos}da", "suffix"),
        ("3", "number"),
        (f"{apos}te", "suffix"),
    ]
    assert tokenize(f"Ankara{apos}da")[1].norm == "'da"


def test_quote_is_not_a_suffix() -> None:
    assert pairs("'film' dedi") == [
        ("'", "punct"),
        ("film", "word"),
        ("'", "punct"),
        ("dedi", "word"),
    ]


def test_punct_runs() -> None:
    assert pairs("Harika!!! Ya... Neden?! Bitti…") == [
        ("Harika", "word"),
        ("!!!", "punct"),
        ("Ya", "word"),
        ("...", "punct"),
        ("Neden", "word"),
        ("?!", "punct"),
        ("Bitti", "word"),
        ("…", "punct"),
    ]


@pytest.mark.parametrize(
    "num", ["3.5", "10,5", "%50", "50%", "10/10", "1.000.000", "12:30", "2010"]
)
def test_numbers(num: str) -> None:
    assert pairs(f"puan {num} verdim") == [("puan", "word"), (num, "number"), ("verdim", "word")]


def test_ordinal_and_sentence_final_number() -> None:
    assert pairs("3. film") == [("3", "number"), (".", "punct"), ("film", "word")]
    assert pairs("yıl 2010.Film") == [
        ("yıl", "word"),
        ("2010", "number"),
        (".", "punct"),
        ("Film", "word"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://www.beyazperde.com/filmler/film-123/",
        "https://t.co/AbC123",
        "www.imdb.com",
        "beyazperde.com",
        "haber.com.tr",
        "ali.veli@gmail.com",
    ],
)
def test_urls(url: str) -> None:
    assert pairs(f"bakın {url} güzel") == [("bakın", "word"), (url, "url"), ("güzel", "word")]


def test_url_trailing_punct_and_glued_period() -> None:
    assert pairs("bkz http://x.com/a.") == [
        ("bkz", "word"),
        ("http://x.com/a", "url"),
        (".", "punct"),
    ]
    # a period glued to the next word is not a domain
    assert pairs("sıkıcı.Bitirmek") == [("sıkıcı", "word"), (".", "punct"), ("Bitirmek", "word")]


def test_mention_hashtag_kinds() -> None:
    got = pairs("@TurkTelekom #rezalet #İyiFilm")
    assert got == [("@TurkTelekom", "mention"), ("#rezalet", "hashtag"), ("#İyiFilm", "hashtag")]
    assert pairs("ali@x.com'a") == [("ali@x.com", "url"), ("'a", "suffix")]
    assert tokenize("#İyiFilm")[0].norm == "#iyifilm"


@pytest.mark.parametrize(
    "emo",
    [":)", ":-(", ":D", "<3", ";)", "xD", "XD", ":P", ":'(", ":))))", "^^", "-_-", "o_O", ":/"],
)
def test_emoticons(emo: str) -> None:
    assert pairs(f"süper {emo} film") == [("süper", "word"), (emo, "emoticon"), ("film", "word")]


def test_emoticon_glued_to_word() -> None:
    assert pairs("güzel:)") == [("güzel", "word"), (":)", "emoticon")]
    # a colon before a word is not an emoticon
    assert pairs("Not:Dikkat") == [("Not", "word"), (":", "punct"), ("Dikkat", "word")]


@pytest.mark.parametrize(
    "emoji",
    [
        "😂",
        "👍🏽",  # skin tone
        "👨\u200d👩\u200d👧\u200d👦",  # ZWJ family
        "🇹🇷",  # flag
        "❤️",  # with VS16
        "1️⃣",  # keycap
        "🏳️\u200d🌈",
    ],
)
def test_emoji_single_tokens(emoji: str) -> None:
    assert pairs(f"film {emoji} süper") == [("film", "word"), (emoji, "emoji"), ("süper", "word")]


def test_consecutive_emoji_are_separate() -> None:
    assert pairs("😂😂👍🏽") == [("😂", "emoji"), ("😂", "emoji"), ("👍🏽", "emoji")]


def test_hyphen_combining_and_other() -> None:
    assert pairs("e-posta ₺50") == [("e-posta", "word"), ("₺", "other"), ("50", "number")]
    assert pairs("i\u0307yi") == [("i\u0307yi", "word")]
    assert tokenize("i\u0307yi")[0].norm == "iyi"


def test_empty_and_bad_input() -> None:
    assert tokenize("") == []
    assert tokenize("   \n\t") == []
    with pytest.raises(InputError):
        tokenize(None)  # type: ignore[arg-type]


def test_token_kind() -> None:
    assert token_kind("#film") == "hashtag"
    assert token_kind(":D") == "emoticon"
    assert token_kind("iki kelime") == "other"
    assert token_kind("güzel") == "word"


def test_normalize_false() -> None:
    assert all(t.norm is None for t in tokenize("Güzeeel film", normalize=False))


@pytest.mark.parametrize(
    "text",
    [
        "  Film  çok güzeldi,  ama sonu...  kötü!  ",
        "Ankara'da\tyağmur\nvardı :) #film",
        "3.5 puan   verdim. . . Berbat!!",
    ],
)
def test_token_columns_of_irregular_spacing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts whose chunks are not one whitespace character apart take the fast path with the
    regex's offsets; the splice and concatenating paths give each chunk's own tokens."""
    expected = [
        (tok, m.start() + a, m.start() + b, norm, kind)
        for m in re.finditer(r"\S+", text)
        for a, b, tok, norm, kind in tr_tokenize._chunk_tokens(m.group())
    ]
    assert token_rows(text) == expected
    assert token_rows(text) == expected  # warm chunk cache
    monkeypatch.setattr(chunks, "SPLICE_MAX_WORK", 0)  # every chunk concatenated
    assert token_rows(text) == expected
