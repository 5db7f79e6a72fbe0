"""Tests of English negation scope: the token heuristic and the parse rule."""

from __future__ import annotations

from typing import Any

import pytest

from sentikit.doc import Token
from sentikit.lang.en.negation import (
    DEFAULT_WINDOW,
    NEGATORS,
    is_negator,
    mark_negation,
    mark_parse_negation,
    negation_scope,
    parse_negation_scope,
    parse_negation_scope_tokens,
)
from sentikit.lang.en.tokenize import split_sentences, tokenize


def heuristic(text: str, window: int | None = DEFAULT_WINDOW) -> list[str]:
    toks = tokenize(text)
    mark_negation(toks, split_sentences(text, toks), window)
    return [t.text for t in toks if t.negated]


def parsed(nlp: Any, text: str, **kw: Any) -> list[str]:
    doc = nlp(text)
    return [t.text for t, f in zip(doc, parse_negation_scope(doc, **kw), strict=True) if f]


# --- heuristic --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I did not like the plot, but the music was great.", ["like", "the", "plot"]),
        ("This is not a bad movie.", ["a", "bad", "movie"]),
        # the window (3) stops before "boring"; the sentence is not a negated judgement anyway
        ("Never have I seen such a boring film", ["have", "I", "seen"]),
        ("I don't like it", ["like", "it"]),
        ("it 's not funny . it is long", ["funny"]),
        ("Not good but not bad either", ["good", "bad", "either"]),
        ("It isn't funny; the cast is great", ["funny"]),
        ("There is no plot however the music rocks", ["plot"]),
        ("a film without charm", ["charm"]),
        ("The film lacks energy and wit.", ["energy", "and", "wit"]),
        ("I cannot recommend it", ["recommend", "it"]),
        ("i dont care", ["care"]),
        ("nobody liked it :( but I did", ["liked", "it"]),
        ("The plot is hardly original.", ["original"]),
        ("Nothing works here.", ["works", "here"]),
    ],
)
def test_heuristic_scope(text: str, expected: list[str]) -> None:
    assert heuristic(text) == expected


def test_negator_itself_is_not_negated() -> None:
    toks = tokenize("I do not like it")
    mark_negation(toks)
    assert [t.negated for t in toks] == [False, False, False, True, True]


def test_window_limits_scope() -> None:
    text = "I do not think this long and winding film is any good"
    assert heuristic(text, window=2) == ["think", "this"]
    assert heuristic(text, window=None) == text.split()[3:]


def test_scope_stops_at_sentence_end_and_breakers() -> None:
    assert heuristic("Not good. Great acting!") == ["good"]
    assert heuristic("not good... great acting") == ["good"]
    assert heuristic("not good -- great acting") == ["good"]
    assert heuristic("not good although great acting") == ["good"]


def test_quotes_do_not_break_scope() -> None:
    assert heuristic('not a "good" film', window=None) == ["a", '"', "good", '"', "film"]


@pytest.mark.parametrize(
    "text",
    [
        "not only funny but smart",
        "It is not just good",
        "no doubt a classic",
        "no wonder it won",
        "nothing but fun",
        "I couldn't help smiling",
        "one of the best, if not the best",
        "not to mention great music",
    ],
)
def test_pseudo_negations_do_not_negate(text: str) -> None:
    assert heuristic(text) == []


def test_double_negation_closes_scope() -> None:
    assert heuristic("not without charm") == []
    # inside an open scope the second negator closes it ...
    assert heuristic("I never said it was not fun", window=None) == ["said", "it", "was"]
    # ... once the window has run out it opens a new one
    assert heuristic("I never said it was not fun", window=3) == ["said", "it", "was", "fun"]


def test_neither_nor_restarts_scope() -> None:
    assert heuristic("neither the plot nor the acting works") == [
        "the",
        "plot",
        "the",
        "acting",
        "works",
    ]


def test_scope_does_not_cross_sentences_without_punctuation() -> None:
    text = "it was not\n\ngood fun"
    toks = tokenize(text)
    mark_negation(toks, split_sentences(text, toks))
    assert not any(t.negated for t in toks)
    mark_negation(toks)  # one span when no sentences are given
    assert [t.text for t in toks if t.negated] == ["good", "fun"]


def test_negation_scope_range_and_empty() -> None:
    toks = tokenize("not good not bad")
    assert negation_scope(toks, start=2, end=4) == [False, True]
    assert negation_scope([]) == []
    assert mark_negation([]) == []


def test_negator_list() -> None:
    for w in ("not", "n't", "no", "never", "nothing", "nobody", "none", "neither", "nor"):
        assert is_negator(w)
    for w in ("cannot", "without", "hardly", "barely", "lack", "lacks"):
        assert w in NEGATORS
    assert not is_negator("good")


def test_works_on_tokens_without_norm() -> None:
    toks = [Token(text="not", start=0, end=3), Token(text="good", start=4, end=8)]
    mark_negation(toks)
    assert [t.negated for t in toks] == [False, True]


# --- parse rule on plain arrays (no spaCy) ---------------------------------------------------


def test_parse_rule_on_arrays() -> None:
    # "I did not like the plot , but the music was great ." (en_core_web_sm parse)
    forms = [
        "i",
        "did",
        "not",
        "like",
        "the",
        "plot",
        ",",
        "but",
        "the",
        "music",
        "was",
        "great",
        ".",
    ]
    heads = [3, 3, 3, -1, 5, 3, 3, 3, 9, 10, 3, 10, 10]
    deps = ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct", "cc", "det", "nsubj"] + [
        "conj",
        "acomp",
        "punct",
    ]
    tags = ["PRP", "VBD", "RB", "VB", "DT", "NN", ",", "CC", "DT", "NN", "VBD", "JJ", "."]
    flags = parse_negation_scope_tokens(forms, heads, deps, tags)
    assert [f for f, x in zip(forms, flags, strict=True) if x] == ["did", "like", "the", "plot"]
    flags = parse_negation_scope_tokens(forms, heads, deps, tags, exclude_subject=False)
    assert [f for f, x in zip(forms, flags, strict=True) if x] == [
        "i",
        "did",
        "like",
        "the",
        "plot",
    ]


def test_mark_parse_negation_needs_a_parse() -> None:
    toks = tokenize("not good")
    mark_parse_negation(toks)  # no heads: unchanged
    assert not any(t.negated for t in toks)


# --- parse rule with spaCy --------------------------------------------------------------------


def test_parse_scope_contrast(nlp: Any) -> None:
    neg = parsed(nlp, "I did not like the plot, but the music was great.")
    assert "like" in neg and "plot" in neg
    assert "music" not in neg and "great" not in neg
    assert "not" not in neg and "I" not in neg


def test_parse_scope_not_a_bad_movie(nlp: Any) -> None:
    neg = parsed(nlp, "This is not a bad movie.")
    assert "bad" in neg and "movie" in neg
    assert "This" not in neg and "not" not in neg


def test_parse_scope_never_have_i_seen(nlp: Any) -> None:
    # "Never" is a neg of "seen": the whole predicate (and "boring") is in scope; the subject
    # "I" is not. The heuristic with window 3 stops before "boring".
    neg = parsed(nlp, "Never have I seen such a boring film")
    assert {"seen", "boring", "film"} <= set(neg)
    assert "I" not in neg and "Never" not in neg


def test_parse_scope_without_and_no(nlp: Any) -> None:
    assert parsed(nlp, "a film without charm") == ["charm"]
    neg = parsed(nlp, "There is no good reason to watch it.")
    assert "good" in neg and "reason" in neg and "There" not in neg


def test_parse_scope_cuts_ccomp(nlp: Any) -> None:
    # the first negation scopes over "believe" but not into the verbal ccomp "it 's not butter",
    # whose own "not" negates "butter"
    neg = parsed(nlp, "I can't believe it's not butter!")
    assert "believe" in neg and "butter" in neg
    assert "it" not in neg


def test_parse_scope_subject_option(nlp: Any) -> None:
    assert "This" in parsed(nlp, "This is not a bad movie.", exclude_subject=False)


def test_parse_and_heuristic_agree_on_simple_cases(nlp: Any) -> None:
    for text in ("The acting is not good.", "I did not enjoy it."):
        h = set(heuristic(text))
        p = set(parsed(nlp, text))
        assert h - {"."} <= p | {"."}
