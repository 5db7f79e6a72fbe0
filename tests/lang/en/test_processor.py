"""Tests of EnglishProcessor (fast and analyzed paths)."""

from __future__ import annotations

import csv
import doctest
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sentikit.doc import Document
from sentikit.errors import InputError
from sentikit.lang import get_processor
from sentikit.lang.base import LanguageProcessor
from sentikit.lang.en import negation, parser, processor, sentences, subclauses, tokenize
from sentikit.lang.en.processor import EnglishProcessor
from sentikit.paths import data_root

REPO = Path(__file__).resolve().parents[3]


def test_is_a_language_processor(en_processor: EnglishProcessor) -> None:
    assert isinstance(en_processor, LanguageProcessor)
    assert en_processor.lang == "en"
    assert isinstance(get_processor("en"), EnglishProcessor)


def test_fast_path_does_not_import_spacy() -> None:
    code = textwrap.dedent(
        """
        import sys
        from sentikit.lang.en.processor import EnglishProcessor
        p = EnglishProcessor()
        docs = p.make_docs(["I didn't like it.", "Great :)"], analyze=False)
        p.make_doc("x"); p.terms("y", negation=True)
        assert docs[0].tokens[3].negated
        bad = sorted(m for m in sys.modules if m == "spacy" or m.startswith(("spacy.", "thinc")))
        print("MODULES", bad)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "MODULES []" in out.stdout


def test_fast_make_doc(en_processor: EnglishProcessor) -> None:
    doc = en_processor.make_doc("I did not like the plot. The music was great!", id="r1")
    assert doc.id == "r1" and doc.lang == "en"
    assert [s.text for s in doc.sentences] == ["I did not like the plot.", "The music was great!"]
    assert [t.text for t in doc.tokens if t.negated] == ["like", "the", "plot"]
    assert all(t.lemma is None and t.head is None for t in doc.tokens)
    assert doc.sentences[0].clauses == []
    assert Document.from_dict(doc.to_dict()).to_dict() == doc.to_dict()


def test_make_docs_order_ids_and_empty(en_processor: EnglishProcessor) -> None:
    texts = ["one", "", "   ", "two. three."]
    docs = en_processor.make_docs(texts, ids=["a", "b", None, "d"])
    assert [d.text for d in docs] == texts
    assert [d.id for d in docs] == ["a", "b", None, "d"]
    assert docs[1].tokens == [] and docs[1].sentences == []
    assert len(docs[3].sentences) == 2
    assert en_processor.make_docs([]) == []
    assert en_processor.make_docs(iter(["x"]))[0].text == "x"


def test_bad_input(en_processor: EnglishProcessor) -> None:
    with pytest.raises(InputError):
        en_processor.make_docs(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(InputError):
        en_processor.make_docs(["a", "b"], ids=["x"])
    with pytest.raises(InputError):
        en_processor.make_docs("a single string")
    with pytest.raises(InputError):
        en_processor.make_doc(None)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        EnglishProcessor(batch_size=0)
    with pytest.raises(InputError):
        EnglishProcessor(negation_window=0)


def test_terms(en_processor: EnglishProcessor) -> None:
    assert en_processor.terms("It isn't GOOD!!") == ["it", "is", "n't", "good"]
    assert en_processor.terms("It isn't GOOD!!", punct=True)[-1] == "!!"
    assert en_processor.terms("not good, great", negation=True) == ["not", "NOT_good", "great"]


def test_negation_window_setting() -> None:
    text = "I do not think this long film is good"
    wide = EnglishProcessor(negation_window=None).make_doc(text)
    narrow = EnglishProcessor(negation_window=1).make_doc(text)
    assert [t.text for t in narrow.tokens if t.negated] == ["think"]
    assert [t.text for t in wide.tokens if t.negated] == text.split()[3:]


def test_gc_state_restored(en_processor: EnglishProcessor) -> None:
    import gc

    assert gc.isenabled()
    en_processor.make_docs(["a b c"] * 10)
    assert gc.isenabled()
    gc.disable()
    try:
        en_processor.make_docs(["a b c"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_analyzed_path(en_parsing_processor: EnglishProcessor) -> None:
    texts = ["I did not like the plot, but the music was great.", "", "This is not a bad movie."]
    docs = en_parsing_processor.make_docs(texts, ids=["a", "b", "c"])
    assert [d.id for d in docs] == ["a", "b", "c"]
    d = docs[0]
    assert all(t.lemma and t.pos and t.tag and t.dep and t.head is not None for t in d.tokens)
    negated = {t.text for t in d.tokens if t.negated}
    assert {"like", "plot"} <= negated and not {"music", "great"} & negated
    assert [c.text for c in d.sentences[0].clauses] == [
        "I did not like the plot",
        "the music was great",
    ]
    assert docs[1].tokens == [] and docs[1].sentences == []
    assert "bad" in {t.text for t in docs[2].tokens if t.negated}


def test_analyze_flag_matches_parse_processor(
    en_processor: EnglishProcessor, en_parsing_processor: EnglishProcessor
) -> None:
    text = "Mr. Smith's film? It wasn't bad... I'd see it again :)"
    a = en_processor.make_doc(text, analyze=True)
    b = en_parsing_processor.make_doc(text)
    assert a.to_dict() == b.to_dict()
    fast = en_processor.make_doc(text)
    assert [t.text for t in a.tokens] == [t.text for t in fast.tokens]  # same tokens
    assert [t.norm for t in a.tokens] == [t.norm for t in fast.tokens]


@pytest.mark.parametrize("module", [tokenize, sentences, negation, subclauses, processor, parser])
def test_docstring_examples(module: Any) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.slow
def test_corpus_rows(en_processor: EnglishProcessor, nlp: Any) -> None:
    root = data_root(required=False)
    if root is None:
        pytest.skip("benchmark data not available")
    path = root / "english-movie-sentences-rt-polarity" / "english_sentiment_data.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r["text"] for _, r in zip(range(300), csv.DictReader(f), strict=False)]
    fast = en_processor.make_docs(rows)
    assert sum(any(t.negated for t in d.tokens) for d in fast) > 20
    parsed = en_processor.make_docs(rows[:60], analyze=True)
    for fd, p in zip(fast, parsed, strict=False):
        assert [t.text for t in fd.tokens] == [t.text for t in p.tokens]
        assert p.sentences and all(s.clauses for s in p.sentences)
        covered = {i for s in p.sentences for c in s.clauses for i in c.indices()}
        assert covered <= set(range(len(p.tokens)))


def test_mirrored_constants_agree() -> None:
    # processor.py mirrors these so that it need not import the parser module
    assert processor._REFERENCE_VERB_TAGS == subclauses.REFERENCE_VERB_TAGS
    assert processor._DEFAULT_BATCH_SIZE == parser.DEFAULT_BATCH_SIZE
