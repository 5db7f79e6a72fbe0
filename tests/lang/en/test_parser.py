"""Tests of the lazy spaCy loader and the spaCy → Document conversion."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sentikit.doc import Document
from sentikit.errors import InputError, ResourceMissingError
from sentikit.lang.en import parser
from sentikit.lang.en.tokenize import tokenize

REPO = Path(__file__).resolve().parents[3]


def test_load_is_cached_and_without_ner(nlp: Any) -> None:
    assert parser.load_nlp() is nlp
    assert "ner" not in nlp.pipe_names
    assert {"tagger", "parser", "lemmatizer"} <= set(nlp.pipe_names)


def test_missing_model_names_the_extra() -> None:
    with pytest.raises(ResourceMissingError, match=r'pip install "sentikit\[en\]"'):
        parser.load_nlp("sentikit_no_such_model_xyz")


def test_missing_spacy_names_the_extra() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["spacy"] = None  # make "import spacy" fail
        from sentikit.errors import ResourceMissingError
        from sentikit.lang.en import parser
        try:
            parser.load_nlp()
        except ResourceMissingError as e:
            assert 'pip install "sentikit[en]"' in str(e), e
            print("OK")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.strip() == "OK", out.stderr


def test_parse_docs_and_conversion(nlp: Any) -> None:
    text = "The film was great. I didn't like the end."
    [sdoc] = parser.parse_docs([text])
    doc = parser.doc_from_spacy(sdoc, id="d1")
    assert doc.id == "d1" and doc.lang == "en"
    assert [s.text for s in doc.sentences] == ["The film was great.", "I didn't like the end."]
    by_text = {t.text: t for t in doc.tokens}
    was = by_text["was"]
    assert (was.lemma, was.pos, was.tag, was.head, was.dep) == ("be", "AUX", "VBD", -1, "ROOT")
    like = by_text["like"]
    assert like.head == -1 and like.tag == "VB"
    # heads are document-level indices: the second sentence's tokens point into it
    second = doc.sentences[1]
    for t in doc.tokens[second.token_start : second.token_end]:
        assert t.head is not None
        assert t.head == -1 or second.token_start <= t.head < second.token_end
    assert by_text["n't"].dep == "neg" and by_text["n't"].norm == "n't"
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text


def test_parse_tokens_keeps_fast_path_tokens(nlp: Any) -> None:
    text = "it 's not  -lrb- really -rrb- bad :) #fun\n\nsecond paragraph here"
    toks = tokenize(text)
    [sdoc] = parser.parse_tokens([(text, toks)], hard_breaks=[[9]])
    assert len(sdoc) == len(toks)
    assert sdoc[3].text == "("  # the parser sees the escaped character
    doc = parser.doc_from_spacy(sdoc, text=text, tokens=toks)
    assert [t.text for t in doc.tokens] == [t.text for t in toks]
    assert [t.kind for t in doc.tokens] == [t.kind for t in toks]
    assert doc.tokens[3].norm == "(" and doc.tokens[3].pos == "PUNCT"
    assert all(t.lemma is not None and t.tag is not None for t in doc.tokens)
    assert doc.sentences[-1].text == "second paragraph here"  # hard break kept


def test_spaced_ellipsis_reaches_the_parser_whole(nlp: Any) -> None:
    text = "uncertain in tone . . . a garbled exercise ."
    toks = tokenize(text)
    [sdoc] = parser.parse_tokens([(text, toks)])
    assert "..." in [t.text for t in sdoc]
    doc = parser.doc_from_spacy(sdoc, text=text, tokens=toks)
    assert ". . ." in [t.text for t in doc.tokens]


def test_clitic_norms_match_spacy_tokenizer(nlp: Any) -> None:
    text = "I can't say we'll love it"
    toks = tokenize(text)
    sdoc = parser.spacy_doc_from_tokens(text, toks, nlp)
    ref = nlp.make_doc(text)
    assert [t.norm_ for t in sdoc] == [t.norm_ for t in ref]


def test_doc_from_spacy_checks_alignment(nlp: Any) -> None:
    sdoc = nlp("a b c")
    with pytest.raises(InputError):
        parser.doc_from_spacy(sdoc, text="a b c", tokens=tokenize("a b"))
    with pytest.raises(InputError):
        parser.doc_from_spacy(sdoc, tokens=tokenize("a b c"))


def test_unparsed_doc_is_one_sentence(nlp: Any) -> None:
    doc = parser.doc_from_spacy(nlp.make_doc("no parse here"))
    assert [s.text for s in doc.sentences] == ["no parse here"]
    assert parser.doc_from_spacy(nlp("")).tokens == []


def test_bad_arguments(nlp: Any) -> None:
    with pytest.raises(InputError):
        parser.parse_docs([None])  # type: ignore[list-item]
    with pytest.raises(InputError):
        parser.parse_docs(["x"], batch_size=0)
    with pytest.raises(InputError):
        parser.parse_tokens([("x", tokenize("x"))], hard_breaks=[])


def test_round_trip_with_tag(nlp: Any) -> None:
    doc = parser.doc_from_spacy(parser.parse_docs(["Nice film."])[0])
    back = Document.from_dict(doc.to_dict())
    assert back.tokens == doc.tokens
    assert back.tokens[0].tag == "JJ"


def test_spacy_whitespace_tokens_are_dropped(nlp: Any) -> None:
    text = "Great  film.\n\nBad   ending though.  "
    doc = parser.doc_from_spacy(parser.parse_docs([text])[0])
    assert [t.text for t in doc.tokens] == ["Great", "film", ".", "Bad", "ending", "though", "."]
    n = len(doc.tokens)
    assert all(t.head is not None and -1 <= t.head < n for t in doc.tokens)
    assert [(s.token_start, s.token_end) for s in doc.sentences] == [(0, 3), (3, 7)]
    assert doc.sentences[1].text == "Bad   ending though."
