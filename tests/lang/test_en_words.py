"""The English word list and the squeeze of emphatic spelling."""

from __future__ import annotations

from sentikit.lang.en.tokenize import normalize
from sentikit.lang.en.words import build, english_words, squeeze


def test_the_shipped_list_holds_common_words_and_no_emphatic_forms() -> None:
    words = english_words()
    assert len(words) > 20_000
    assert {"good", "bad", "recommended", "hated", "excellent"} <= words
    assert not any("aaa" in w or "ooo" in w for w in words)


def test_runs_keep_the_letters_that_make_a_word() -> None:
    assert squeeze("goood") == "good"
    assert squeeze("baddd") == "bad"
    assert squeeze("haaaated") == "hated"
    assert squeeze("recommeeended") == "recommended"
    assert squeeze("zzzzzt") == "zzt"  # no word: two letters, as before
    assert squeeze("plain") == "plain"
    assert normalize("BADDD") == "bad" and normalize("Sooooo") == "soo"


def test_build_counts_forms_without_runs() -> None:
    texts = ["Good good GOOD film", "a goood film", "film"]
    assert build(texts, min_count=2) == ["film", "good"]
